"""Boilerplate: carried-over, shared, template, duplicate and stale passages.

Placeholder until the boilerplate work lands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Document, Flag, Section, SectionPair


@dataclass(frozen=True)
class ReuseContext:
    """What a pair is checked against besides itself: templates and a reference corpus."""

    templates: tuple[Document, ...] = ()
    corpus: tuple[Document, ...] = ()


def find_boilerplate(
    old: Document,
    old_sections: Sequence[Section],
    new: Document,
    new_sections: Sequence[Section],
    pairs: Sequence[SectionPair],
    context: ReuseContext | None = None,
) -> tuple[Flag, ...]:
    return ()
