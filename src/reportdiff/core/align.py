"""Match the sections of OLD to NEW (first version: heading similarity, global greedy)."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from ..model import Document, Section, SectionPair
from ..options import CompareOptions


def align_sections(
    old: Document,
    old_sections: Sequence[Section],
    new: Document,
    new_sections: Sequence[Section],
    options: CompareOptions,
) -> tuple[SectionPair, ...]:
    scored = sorted(
        (
            (fuzz.ratio(o.title, n.title) / 100, oi, ni)
            for oi, o in enumerate(old_sections)
            for ni, n in enumerate(new_sections)
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    matches: dict[int, int] = {}
    for score, oi, ni in scored:
        if score < options.min_section_similarity or oi in used_old or ni in used_new:
            continue
        matches[ni] = oi
        used_old.add(oi)
        used_new.add(ni)
    pairs: list[SectionPair] = []
    for ni, n in enumerate(new_sections):
        if ni in matches:
            o = old_sections[matches[ni]]
            pairs.append(SectionPair(o.id, n.id, "changed", renamed=o.title != n.title))
        else:
            pairs.append(SectionPair(None, n.id, "added"))
    pairs.extend(
        SectionPair(o.id, None, "removed")
        for oi, o in enumerate(old_sections)
        if oi not in used_old
    )
    return tuple(pairs)
