"""A report checked against itself: totals, stated changes, label conflicts, tables."""

from .common import WRITTEN_NUMBER, show, shown_scale, table_unit, written_scale
from .document import check_document

__all__ = [
    "WRITTEN_NUMBER",
    "check_document",
    "show",
    "shown_scale",
    "table_unit",
    "written_scale",
]
