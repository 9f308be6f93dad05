"""The narrative diff of aligned sections, and moved passages."""

from .readable import DELETE, EQUAL, INSERT
from .textdiff import diff_pairs, diff_texts

__all__ = ["DELETE", "EQUAL", "INSERT", "diff_pairs", "diff_texts"]
