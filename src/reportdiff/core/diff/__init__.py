"""The narrative diff of aligned sections, and moved passages."""

from .textdiff import DELETE, EQUAL, INSERT, diff_pairs, diff_texts

__all__ = ["DELETE", "EQUAL", "INSERT", "diff_pairs", "diff_texts"]
