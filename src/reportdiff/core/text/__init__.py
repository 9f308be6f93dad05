"""Text primitives: diff tokens, heading numbering, PDF line wraps, similarity keys."""
