"""Text primitives: diff tokens, PDF line wraps, similarity keys."""
