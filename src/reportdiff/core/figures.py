"""Figures: extract every number with its label and unit, and match OLD to NEW.

Placeholder until the figures work lands: the pipeline calls these hooks.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Figure, NumberChange, Section, SectionPair


def extract_figures(doc: Document, sections: Sequence[Section]) -> tuple[Figure, ...]:
    return ()


def diff_figures(
    old: Document,
    old_sections: Sequence[Section],
    new: Document,
    new_sections: Sequence[Section],
    pairs: Sequence[SectionPair],
    *,
    include_unchanged: bool = False,
) -> tuple[NumberChange, ...]:
    return ()
