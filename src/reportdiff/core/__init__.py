"""The pure core: no file access, no UI, no environment. Documents in, Comparison out."""
