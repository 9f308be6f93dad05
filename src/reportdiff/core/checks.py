"""A report checked against itself: totals, stated changes, one label with two values.

Placeholder until the figures work lands.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Check, Document, Section, Side


def check_document(doc: Document, sections: Sequence[Section], side: Side) -> tuple[Check, ...]:
    return ()
