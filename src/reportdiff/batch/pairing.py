"""Pair last year's reports with this year's by the agency each one names.

Every report offers up to three names: the agency its cover declares (预算主管部门：…),
its title's and its file name's (agency_key of each). A name that several reports of
one side share — a title every agency of a government uses — names none of them and
gives way to the report's own (_distinctive). Two reports pair when any of their names
agree exactly, or failing that when they are alike enough (rapidfuzz ratio at least
``cutoff``) and no other report fits about as well. Whatever stays unpaired is reported
with the reason: nothing alike on the other side (and the closest candidate), the
candidate went to a better match, or two candidates fit equally.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .names import agency_key, display_name

_DIGITS = re.compile(r"\d+")
CUTOFF = 85.0  # rapidfuzz ratio of two agency keys for a fuzzy pair
AMBIGUITY_MARGIN = 3.0  # a runner-up this close to the best makes a fuzzy pair ambiguous


@dataclass(frozen=True)
class Named:
    """One report as pairing sees it: where it is, its title and file name."""

    path: str
    title: str
    stem: str
    declared: str = ""  # the agency the cover declares, if it does

    @property
    def keys(self) -> tuple[str, ...]:
        found = (agency_key(self.declared), agency_key(self.title), agency_key(self.stem))
        return tuple(dict.fromkeys(k for k in found if k))

    @property
    def agency(self) -> str:
        return display_name(self.title, self.stem, self.declared)


@dataclass(frozen=True)
class Pair:
    old: int  # index into the OLD list
    new: int
    agency: str
    score: float  # 100 for names that agree exactly


@dataclass(frozen=True)
class Unpaired:
    side: str  # "old" | "new"
    index: int
    agency: str
    reason: str


@dataclass(frozen=True)
class Pairing:
    pairs: tuple[Pair, ...]
    unpaired: tuple[Unpaired, ...]


def pair_reports(old: Sequence[Named], new: Sequence[Named], cutoff: float = CUTOFF) -> Pairing:
    scores = _scores(old, new)
    taken_old: dict[int, int] = {}
    taken_new: dict[int, int] = {}
    ambiguous: dict[tuple[str, int], str] = {}
    candidates = sorted(
        ((s, i, j) for i, row in enumerate(scores) for j, s in enumerate(row) if s >= cutoff),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    pairs = []
    for s, i, j in candidates:
        if i in taken_old or j in taken_new or ("old", i) in ambiguous or ("new", j) in ambiguous:
            continue
        rivals = _rivals(scores, i, j, s, taken_old, taken_new) if s < 100 else []
        if rivals:
            sides = {side for side, _ in rivals}
            why = f"ambiguous: two {' and '.join(sorted(sides)).upper()} reports fit about as well"
            for key in [("old", i), ("new", j), *rivals]:
                ambiguous[key] = why
            continue
        taken_old[i], taken_new[j] = j, i
        pairs.append(Pair(i, j, new[j].agency, round(s, 1)))
    unpaired = [
        Unpaired(side, k, named.agency, _reason(side, k, scores, ambiguous, old, new, cutoff))
        for side, items, taken in (("old", old, taken_old), ("new", new, taken_new))
        for k, named in enumerate(items)
        if k not in taken
    ]
    return Pairing(tuple(sorted(pairs, key=lambda p: p.agency)), tuple(unpaired))


def _scores(old: Sequence[Named], new: Sequence[Named]) -> list[list[float]]:
    """Best ratio over each report's distinctive names, old × new."""
    from rapidfuzz import fuzz

    old_keys, new_keys = _distinctive(old), _distinctive(new)
    return [
        [max((fuzz.ratio(a, b) for a in mine for b in keys), default=0.0) for keys in new_keys]
        for mine in old_keys
    ]


def _distinctive(side: Sequence[Named]) -> list[tuple[str, ...]]:
    """Each report's names, less a name another report of its side shares when a name
    ranked above it (declared before title before file name) is the report's own.

    So a title every agency of a government uses gives way to the declared agency,
    while two of one agency's reports in a year (a draft and its revision, told apart
    only by their file names) keep their shared title and are reported as such.
    """
    counts = Counter(k for named in side for k in named.keys)
    kept = []
    for named in side:
        keys = named.keys
        first_own = next((n for n, k in enumerate(keys) if counts[k] == 1), len(keys))
        kept.append(tuple(k for n, k in enumerate(keys) if counts[k] == 1 or n < first_own))
    return kept


def _rivals(
    scores: list[list[float]],
    i: int,
    j: int,
    s: float,
    taken_old: dict[int, int],
    taken_new: dict[int, int],
) -> list[tuple[str, int]]:
    """Other free reports that fit old i or new j about as well as they fit each other."""
    near = s - AMBIGUITY_MARGIN
    found = [
        ("new", jj)
        for jj, x in enumerate(scores[i])
        if jj != j and jj not in taken_new and x >= near
    ]
    found += [
        ("old", ii)
        for ii, row in enumerate(scores)
        if ii != i and ii not in taken_old and row[j] >= near
    ]
    return found


def _reason(
    side: str,
    k: int,
    scores: list[list[float]],
    ambiguous: dict[tuple[str, int], str],
    old: Sequence[Named],
    new: Sequence[Named],
    cutoff: float,
) -> str:
    if (side, k) in ambiguous:
        return ambiguous[(side, k)]
    me, others = (old[k], new) if side == "old" else (new[k], old)
    other_side = "NEW" if side == "old" else "OLD"
    if not me.keys:
        return "neither its title nor its file name names an agency"
    row = scores[k] if side == "old" else [r[k] for r in scores]
    if not row:
        return f"{other_side} holds no readable reports"
    best = max(range(len(row)), key=row.__getitem__)
    closest = f"{others[best].agency} ({row[best]:.0f}%)"
    if row[best] >= cutoff:
        return f"the closest, {closest}, is paired with another report of that name"
    return f"no report of this agency in {other_side} (closest: {closest})"
