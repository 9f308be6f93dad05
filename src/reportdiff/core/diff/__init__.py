"""The narrative diff of aligned sections, and moved passages."""

from .readable import CELL, DELETE, EQUAL, INSERT
from .redline import redline
from .textdiff import diff_pairs, diff_texts, same_runs, section_span

__all__ = [
    "CELL",
    "DELETE",
    "EQUAL",
    "INSERT",
    "diff_pairs",
    "diff_texts",
    "redline",
    "same_runs",
    "section_span",
]
