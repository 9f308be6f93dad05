"""A report checked against itself: totals, stated changes, one label with two values."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Check, Document, Figure, Section, Side
from .figures import extract_figures


def check_document(
    doc: Document,
    sections: Sequence[Section],
    side: Side,
    figures: Sequence[Figure] | None = None,
) -> tuple[Check, ...]:
    figures = extract_figures(doc, sections) if figures is None else figures
    return ()
