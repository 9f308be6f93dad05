"""Match the figures of OLD to NEW and say which changed, appeared or went away.

Candidates come in tiers (core/figures/candidates.py), each pair with its evidence
(core/figures/evidence.py); within a tier the best-scored pairs are taken first,
greedily, one partner per figure. A pair scored CHANGED or more is a match; one
scored from RELATED up is kept as "possibly related" when both its figures end up
unmatched. Bare years are not compared: in a year-over-year pair every one of them
moves by a year. Dates are compared as core/figures/dates.py says: moved by the
report's year shift is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ...model import Document, Figure, FigureStatus, NumberChange, SectionPair
from .candidates import aligned_candidates, same_label_candidates, similar_label_candidates
from .dates import (
    date_change,
    date_figures,
    dated_figures,
    for_matching,
    same_event,
    year_shift,
)
from .evidence import CHANGED, RELATED, Evidence
from .side import figure_side, sort_of

__all__ = ["FigureDiff", "diff_figures", "match_figures", "sort_of"]

SKIPPED_KINDS = ("year", "date")  # dates come in again from figure_dates
_TIERS = (aligned_candidates, same_label_candidates, similar_label_candidates)


class Matching(NamedTuple):
    matched: dict[int, tuple[int, Evidence]]  # old index → (new index, evidence)
    related: list[tuple[int, int, Evidence]]  # pairs too weak to match, both unmatched


class FigureDiff(NamedTuple):
    changes: tuple[NumberChange, ...]
    related: tuple[NumberChange, ...]


def match_scored(
    old_doc: Document,
    old_figs: Sequence[Figure],
    new_doc: Document,
    new_figs: Sequence[Figure],
    pairs: Sequence[SectionPair],
) -> Matching:
    """The matched pairs with their evidence, and the possibly related ones."""
    old = figure_side(old_doc, old_figs)
    new = figure_side(new_doc, new_figs)
    matched: dict[int, tuple[int, Evidence]] = {}
    taken: set[int] = set()
    weak: list[tuple[float, int, int, Evidence]] = []
    for tier in _TIERS:
        free_old = [i for i in range(len(old.figures)) if i not in matched]
        free_new = [j for j in range(len(new.figures)) if j not in taken]
        scored = [(e.score(), i, j, e) for e, i, j in tier(old, new, free_old, free_new, pairs)]
        for score, i, j, evidence in sorted(scored, key=lambda c: (-c[0], c[1], c[2])):
            if score < CHANGED:
                if score >= RELATED:
                    weak.append((score, i, j, evidence))
            elif i not in matched and j not in taken:
                matched[i] = (j, evidence)
                taken.add(j)
    return Matching(matched, _related(weak, matched, taken))


def _related(
    weak: list[tuple[float, int, int, Evidence]],
    matched: dict[int, tuple[int, Evidence]],
    taken: set[int],
) -> list[tuple[int, int, Evidence]]:
    """The best weak pair of each figure left unmatched on both sides."""
    out = []
    used_old, used_new = set(matched), set(taken)
    for _, i, j, evidence in sorted(weak, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_old and j not in used_new:
            out.append((i, j, evidence))
            used_old.add(i)
            used_new.add(j)
    return out


def match_figures(
    old_doc: Document,
    old_figs: Sequence[Figure],
    new_doc: Document,
    new_figs: Sequence[Figure],
    pairs: Sequence[SectionPair],
) -> list[tuple[int, int]]:
    """(old index, new index) of every matched figure, indexes into the given lists."""
    found = match_scored(old_doc, old_figs, new_doc, new_figs, pairs)
    return sorted((i, j) for i, (j, _) in found.matched.items())


def diff_figures(
    old: Document,
    old_all: Sequence[Figure],
    new: Document,
    new_all: Sequence[Figure],
    pairs: Sequence[SectionPair],
    *,
    include_unchanged: bool = False,
) -> FigureDiff:
    """Changed, added and removed figures (and unchanged ones when asked), in NEW's
    order, and the possibly related pairs. old_all and new_all are the documents'
    figures as extract_figures gives them."""
    old_figs, new_figs = _compared(old, old_all), _compared(new, new_all)
    old_years = [f for f in old_all if f.kind == "year"]
    new_years = [f for f in new_all if f.kind == "year"]
    old_dated = dated_figures(old_years + old_figs)
    new_dated = dated_figures(new_years + new_figs)
    dated_matches = match_figures(old, old_dated, new, new_dated, pairs)
    shift = year_shift(old, old_dated, new, new_dated, dated_matches)
    moved = [for_matching(f, shift) for f in old_figs]
    found = match_scored(old, moved, new, new_figs, pairs)
    matches = {
        i: (j, evidence)
        for i, (j, evidence) in sorted(found.matched.items())
        if old_figs[i].kind != "date"
        or same_event(old.text, old_figs[i], new.text, new_figs[j], shift)
    }
    changes = _changes(old_figs, new_figs, matches, shift)
    if not include_unchanged:
        changes = [(key, c) for key, c in changes if c.status != "unchanged"]
    related = tuple(
        _scored(_change(old_figs[i], new_figs[j], shift), evidence)
        for i, j, evidence in sorted(found.related, key=lambda r: new_figs[r[1]].start)
    )
    return FigureDiff(tuple(c for _, c in sorted(changes, key=lambda kc: kc[0])), related)


def _scored(change: NumberChange, evidence: Evidence) -> NumberChange:
    return change._replace(confidence=evidence.confidence(), evidence=evidence.words())


def _compared(doc: Document, figures: Sequence[Figure]) -> list[Figure]:
    """The figures diffed: all but years and dates, then the dates as figure_dates has them."""
    kept = [f for f in figures if f.kind not in SKIPPED_KINDS]
    return sorted(kept + date_figures(doc.text, figures), key=lambda f: f.start)


def _changes(
    old_figs: list[Figure],
    new_figs: list[Figure],
    matches: dict[int, tuple[int, Evidence]],
    shift: int,
) -> list[tuple[tuple[float, float], NumberChange]]:
    """Each change with a sort key: NEW's order; a removed figure after the NEW figure
    matched to the OLD figure just before it."""
    out: list[tuple[tuple[float, float], NumberChange]] = []
    anchor = -1.0
    for i, f in enumerate(old_figs):
        if i in matches:
            anchor = new_figs[matches[i][0]].start
            continue
        out.append(((anchor + 0.5, f.start), _change(f, None)))
    matched_new = {j for j, _ in matches.values()}
    for i, (j, evidence) in matches.items():
        change = _scored(_change(old_figs[i], new_figs[j], shift), evidence)
        out.append(((new_figs[j].start, 0), change))
    out.extend(
        ((f.start, 0), _change(None, f)) for j, f in enumerate(new_figs) if j not in matched_new
    )
    return out


def _change(a: Figure | None, b: Figure | None, shift: int = 0) -> NumberChange:
    label = (b.label if b and b.label else a.label if a else "") or ""
    if a is None or b is None:
        status: FigureStatus = "added" if a is None else "removed"
        return NumberChange(label, _sec(a), _sec(b), a, b, status)
    if a.kind == "date":
        return date_change(a, b, shift, label)
    if _same_value(a.value, b.value):
        return NumberChange(label, a.section, b.section, a, b, "unchanged", 0.0, 0.0)
    delta = round(b.value - a.value, 6)
    pct = round(delta / a.value * 100, 4) if a.value else None
    return NumberChange(label, a.section, b.section, a, b, "changed", delta, pct)


def _same_value(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def _sec(f: Figure | None) -> str | None:
    return f.section if f else None
