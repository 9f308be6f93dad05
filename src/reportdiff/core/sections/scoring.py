"""How alike two sections are: the scores the alignment assigns pairs by.

A pair's base score comes from its titles (numbering stripped, figures masked,
rapidfuzz), its bodies (character-bigram overlap of figure-masked text, found through
an inverted index so cost stays near-linear) and, when both reports are of a genre
with a standard outline, whether both sections stand in the same part of it. The
contextual score adds the parents' match and the children's support. Every weight is
a field of ``AlignWeights``; ``WEIGHTS`` is the one set in use.

A matched pair is *weak* when nothing but a loose resemblance holds it: its bodies
share little, its titles are not alike, it is not in one outline slot and its
children do not agree. ``evidence`` says which of title, content, outline or position
(parent and children) paired it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from ...model import Document, Section
from ..text.similarity import bigram_set, normalise_title, shingle_set
from .genres import GENERIC_TITLE_WORDS


class AlignWeights(NamedTuple):
    """Every weight and floor of section scoring, in one place."""

    title: float = 0.45  # share of the title in the base score
    body: float = 0.55  # share of the body overlap
    small_body_title: float = 0.85  # title share when either body is too small to judge
    level_step: float = 0.03  # taken off per level of difference in depth
    parent_bonus: float = 0.12  # second pass: the parents are matched to each other
    child_weight: float = 0.3  # second pass: share of the children's agreement
    max_child_weight: float = 0.6  # … up to this for parents whose text is their children
    lean_floor: float = 0.15  # an unpaired child leans towards a candidate this good
    outline_bonus: float = 0.25  # both sections in the same slot of the genre outline
    outline_penalty: float = 0.15  # both in slots, but different ones
    # Evidence floors: a pair that meets none of them is weak.
    content_floor: float = 0.25  # body overlap (dice of bigram sets)
    title_floor: float = 0.8  # title similarity
    children_floor: float = 0.5  # share of children matched to each other's


WEIGHTS = AlignWeights()
Basis = Literal["title", "content", "outline", "position"]
_OUTLINE_GROUP = 8  # sections per slot and side beyond which a slot proposes no pairs
_GENERIC = [w for w in GENERIC_TITLE_WORDS if w]
_MAX_POSTINGS = 32
_SKETCH = 32
_CANDIDATES = 48  # per section: the rest share too few sketched bigrams to matter
SMALL_BODY = 12  # bigrams; below this a body says little and the title decides


class Features:
    __slots__ = ("children", "index", "parent", "section", "shingles", "slot", "title")

    def __init__(
        self,
        section: Section,
        index: int,
        title: str,
        shingles: frozenset[int],
        children: list[int] | None = None,
        parent: int | None = None,
        slot: str | None = None,
    ) -> None:
        self.section = section
        self.index = index
        self.title = title
        self.shingles = shingles
        self.children: list[int] = [] if children is None else children
        self.parent = parent
        self.slot = slot  # part of the genre's standard outline, if one applies


def features(
    doc: Document,
    sections: Sequence[Section],
    slots: Sequence[str | None] | None = None,
    seen: dict[str, frozenset[int]] | None = None,
) -> list[Features]:
    """Each section's features. ``seen`` holds the shingles of bodies met before (pass
    one for both sides: a section a new version kept word for word is read once, and
    its two shingle sets are one object, which intersects with itself in a copy)."""
    index = {s.id: i for i, s in enumerate(sections)}
    seen = {} if seen is None else seen
    feats = [
        Features(
            section=s,
            index=i,
            title=normalise_title(s.title),
            shingles=_shingles(doc.text[s.body_start : s.body_end], seen),
            slot=slots[i] if slots else None,
        )
        for i, s in enumerate(sections)
    ]
    for f in feats:
        if f.section.parent is not None and f.section.parent in index:
            f.parent = index[f.section.parent]
            feats[f.parent].children.append(f.index)
    return feats


def _shingles(body: str, seen: dict[str, frozenset[int]]) -> frozenset[int]:
    found = seen.get(body)
    if found is None:
        found = seen[body] = shingle_set(body)
    return found


Scores = dict[tuple[int, int], float]


def base_scores(
    a: list[Features], b: list[Features]
) -> tuple[Scores, dict[tuple[int, int], float]]:
    """Title and body scores for every pair that shares a title or body bigram."""
    body = _overlap_scores([f.shingles for f in a], [f.shingles for f in b])
    titles = [bigram_set(f.title) for f in a], [bigram_set(f.title) for f in b]
    candidates = set(body) | set(_overlap_scores(*titles, min_dice=0.0)) | _same_slot(a, b)
    w = WEIGHTS
    scores: Scores = {}
    for i, j in candidates:
        title = title_similarity(a[i].title, b[j].title)
        small = min(len(a[i].shingles), len(b[j].shingles)) < SMALL_BODY
        body_sim = body.get((i, j), 0.0)
        if small:
            score = w.small_body_title * title + (1 - w.small_body_title) * body_sim
        else:
            score = w.title * title + w.body * body_sim
        score -= w.level_step * abs(a[i].section.level - b[j].section.level)
        score += _outline_score(a[i], b[j])
        if score > 0:
            scores[i, j] = score
    return scores, body


def _same_slot(a: list[Features], b: list[Features]) -> set[tuple[int, int]]:
    """Pairs in the same outline slot: candidates even when they share no words."""
    groups: dict[str, tuple[list[int], list[int]]] = {}
    for side, feats in enumerate((a, b)):
        for f in feats:
            if f.slot is not None:
                groups.setdefault(f.slot, ([], []))[side].append(f.index)
    return {
        (i, j)
        for olds, news in groups.values()
        if len(olds) <= _OUTLINE_GROUP and len(news) <= _OUTLINE_GROUP
        for i in olds
        for j in news
    }


def _outline_score(fa: Features, fb: Features) -> float:
    if fa.slot is None or fb.slot is None:
        return 0.0
    return WEIGHTS.outline_bonus if fa.slot == fb.slot else -WEIGHTS.outline_penalty


@lru_cache(maxsize=1 << 16)  # titles recur: each is compared with all its candidates
def title_similarity(a: str, b: str) -> float:
    """Edit similarity, or for Chinese titles how much of the shorter title the longer
    one contains ("存在问题" in "存在的问题及原因分析"), whichever is higher. Latin
    letters are too few for containment to mean anything ("emergencydrills" holds much
    of "watertaxipilot"), so English titles use edit similarity alone. Generic heading
    words (情况, 工作 …) are left out first, unless a title is nothing else."""
    full_a, full_b = a, b
    a, b = _specific(a), _specific(b)
    if not a or not b:
        return 1.0 if a == b else 0.0
    ratio = fuzz.ratio(a, b) / 100
    shorter = min(a, b, key=len)
    if len(shorter) < 3 and _head_of(full_a, full_b):
        return max(ratio, 0.9)
    if len(shorter) < 3 or _cjk_share(shorter) < 0.5:
        return ratio
    return max(ratio, 0.9 * LCSseq.similarity(a, b) / len(shorter))


def _head_of(a: str, b: str) -> bool:
    """One Chinese title ends the other: "工作回顾" and "过去一年和五年工作回顾" name the
    same subject, which a Chinese heading names last ("整体情况" inside
    "部门整体支出绩效情况" does not)."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 3 and _cjk_share(shorter) >= 0.5 and longer.endswith(shorter)


@lru_cache(maxsize=1 << 14)  # a title is compared with each of its candidates
def _specific(title: str) -> str:
    specific = title
    for word in _GENERIC:
        specific = specific.replace(word, "")
    return specific or title


def _cjk_share(text: str) -> float:
    return sum("\u3400" <= ch <= "\u9fff" for ch in text) / len(text)


def _overlap_scores(
    a: Sequence[frozenset[int]], b: Sequence[frozenset[int]], min_dice: float = 0.1
) -> dict[tuple[int, int], float]:
    """Dice overlap of bigram sets for the pairs whose sketches agree.

    Candidates come from an inverted index of each B set's bottom-k sketch (its
    _SKETCH smallest bigram hashes); a bigram common to many sections proposes only the
    ones nearest in relative place, and only the best-agreeing candidates are kept.
    Each candidate's exact overlap is then one C-level set intersection, so cost stays
    near-linear even when sections repeat.
    """
    # (sorted(...)[:k] is what heapq.nsmallest and nlargest return, ties in the same
    # order, and sorts in C: faster for sets of thousands.)
    postings: dict[int, list[int]] = {}
    for j, shingles in enumerate(b):
        for sh in sorted(shingles)[:_SKETCH]:
            postings.setdefault(sh, []).append(j)
    result: dict[tuple[int, int], float] = {}
    for i, shingles in enumerate(a):
        hits: dict[int, int] = {}
        # A bigram found in many sections (a repeated heading word) only proposes the
        # ones nearest this section's relative place: bounded work, local candidates.
        near = round(i / max(1, len(a)) * len(b))
        for sh in sorted(shingles)[:_SKETCH]:
            posting: Sequence[int] = postings.get(sh, ())
            if len(posting) > _MAX_POSTINGS:
                k = bisect.bisect_left(posting, near)
                lo = max(0, min(k - _MAX_POSTINGS // 2, len(posting) - _MAX_POSTINGS))
                posting = posting[lo : lo + _MAX_POSTINGS]
            for j in posting:
                hits[j] = hits.get(j, 0) + 1
        # Ties (e.g. repeated passages) go to the candidate nearest in relative place.
        here = i / max(1, len(a))
        best = _best_candidates(hits, here, len(b)) if len(hits) > _CANDIDATES else hits
        for j in best:
            dice = 2 * len(shingles & b[j]) / (len(shingles) + len(b[j]))
            if dice >= min_dice:
                result[i, j] = dice
    return result


def _best_candidates(hits: dict[int, int], here: float, size: int) -> list[int]:
    """The _CANDIDATES sections with the most hits, ties to the nearest in relative
    place. Only those with at least the _CANDIDATES-th most hits can be among them, so
    only those are ranked (the same ones in the same order: the sort keeps order)."""
    floor = sorted(hits.values(), reverse=True)[_CANDIDATES - 1]
    contenders = [j for j, n in hits.items() if n >= floor]
    return sorted(contenders, key=lambda j: (hits[j], -abs(j / max(1, size) - here)), reverse=True)[
        :_CANDIDATES
    ]


def contextual_scores(
    a: list[Features], b: list[Features], base: Scores, matches: dict[int, int]
) -> Scores:
    """Second pass: add the parents' match and how many children agree. A child left
    unpaired still leans towards its best candidate, and where the children lean tells
    which parent is which (a year's tasks renamed and renumbered keep their topics).
    The more of a parent's text stands in its children, the more they decide."""
    w = WEIGHTS
    lean = leanings(base, matches)
    scores: Scores = {}
    for (i, j), score in base.items():
        pa, pb = a[i].parent, b[j].parent
        if pa is not None and pb is not None and matches.get(pa) == pb:
            score += w.parent_bonus
        if a[i].children and b[j].children:
            support = children_support(a[i], b[j], matches, lean)
            weight = min(_in_children(a[i]), _in_children(b[j]), w.max_child_weight)
            if support <= score or weight <= w.child_weight:
                weight = w.child_weight  # children lift a parent, never sink one further
            score = (1 - weight) * score + weight * support
        scores[i, j] = score
    return scores


Leanings = tuple[dict[int, int], dict[int, int]]


def leanings(base: Scores, matches: dict[int, int]) -> Leanings:
    """Where each section leans (old → new, new → old): its partner when paired, else
    its best candidate on the other side when that scores at least ``lean_floor``."""
    floor = WEIGHTS.lean_floor
    by_new = {j: i for i, j in matches.items()}
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), score in base.items():
        if score < floor:
            continue
        if i not in matches and score > best_a.get(i, (0.0, -1))[0]:
            best_a[i] = (score, j)
        if j not in by_new and score > best_b.get(j, (0.0, -1))[0]:
            best_b[j] = (score, i)
    old = {i: j for i, (_, j) in best_a.items()} | matches
    new = {j: i for j, (_, i) in best_b.items()} | by_new
    return old, new


def _in_children(f: Features) -> float:
    """Share of a section's text that stands in its subsections."""
    s = f.section
    whole = s.end - s.body_start
    return 1 - (s.body_end - s.body_start) / whole if whole > 0 else 0.0


def children_support(
    fa: Features, fb: Features, matches: dict[int, int], lean: Leanings | None = None
) -> float:
    """Share of the two sections' children that are matched to each other, or, with
    ``lean``, that are unpaired and lean towards each other."""
    if not fa.children or not fb.children:
        return 0.0
    kids_b = set(fb.children)
    if lean is None:
        agree = sum(matches.get(c) in kids_b for c in fa.children)
        return agree / max(len(fa.children), len(fb.children))
    kids_a = set(fa.children)
    agree_a = sum(lean[0].get(c) in kids_b for c in fa.children)
    agree_b = sum(lean[1].get(c) in kids_a for c in fb.children)
    return (agree_a + agree_b) / (len(fa.children) + len(fb.children))


def evidence(
    fa: Features,
    fb: Features,
    body_overlap: float,
    matches: dict[int, int],
    lean: Leanings | None = None,
) -> tuple[Basis, bool]:
    """What paired ``fa`` with ``fb`` and whether that is too little (a weak pair)."""
    w = WEIGHTS
    small = min(len(fa.shingles), len(fb.shingles)) < SMALL_BODY
    content = 0.0 if small else body_overlap
    title = title_similarity(fa.title, fb.title)
    if content >= w.content_floor:
        return "content", False
    if title >= w.title_floor:
        return "title", False
    if fa.slot is not None and fa.slot == fb.slot:
        return "outline", False
    if children_support(fa, fb, matches, lean) >= w.children_floor:
        return "position", False
    parents = fa.parent is not None and fb.parent is not None
    if parents and matches.get(fa.parent) == fb.parent and title < w.title * 0.5:  # type: ignore[arg-type]
        return "position", True
    return ("title" if w.title * title >= w.body * content else "content"), True
