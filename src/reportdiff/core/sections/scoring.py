"""How alike two sections are: the scores the alignment assigns pairs by.

A pair's base score comes from its titles (numbering stripped, figures masked,
rapidfuzz) and its bodies (character-bigram overlap of figure-masked text, found
through an inverted index so cost stays near-linear). The contextual score adds the
parents' match and the children's support.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from ...model import Document, Section
from ..text.similarity import bigram_set, normalise_title, shingle_set

_TITLE_WEIGHT = 0.45
_BODY_WEIGHT = 0.55
_PARENT_BONUS = 0.12
_CHILD_WEIGHT = 0.3
_MAX_POSTINGS = 32
_SKETCH = 32
_CANDIDATES = 48  # per section: the rest share too few sketched bigrams to matter
SMALL_BODY = 12  # bigrams; below this a body says little and the title decides


@dataclass
class Features:
    section: Section
    index: int
    title: str
    shingles: frozenset[int]
    children: list[int] = field(default_factory=list)
    parent: int | None = None


def features(doc: Document, sections: Sequence[Section]) -> list[Features]:
    index = {s.id: i for i, s in enumerate(sections)}
    feats = [
        Features(
            section=s,
            index=i,
            title=normalise_title(s.title),
            shingles=shingle_set(doc.text[s.body_start : s.body_end]),
        )
        for i, s in enumerate(sections)
    ]
    for f in feats:
        if f.section.parent is not None and f.section.parent in index:
            f.parent = index[f.section.parent]
            feats[f.parent].children.append(f.index)
    return feats


Scores = dict[tuple[int, int], float]


def base_scores(
    a: list[Features], b: list[Features]
) -> tuple[Scores, dict[tuple[int, int], float]]:
    """Title and body scores for every pair that shares a title or body bigram."""
    body = _overlap_scores([f.shingles for f in a], [f.shingles for f in b])
    titles = [bigram_set(f.title) for f in a], [bigram_set(f.title) for f in b]
    candidates = set(body) | set(_overlap_scores(*titles, min_dice=0.0))
    scores: Scores = {}
    for i, j in candidates:
        title = title_similarity(a[i].title, b[j].title)
        small = min(len(a[i].shingles), len(b[j].shingles)) < SMALL_BODY
        body_sim = body.get((i, j), 0.0)
        if small:
            score = 0.85 * title + 0.15 * body_sim
        else:
            score = _TITLE_WEIGHT * title + _BODY_WEIGHT * body_sim
        score -= 0.03 * abs(a[i].section.level - b[j].section.level)
        if score > 0:
            scores[i, j] = score
    return scores, body


def title_similarity(a: str, b: str) -> float:
    """Edit similarity, or for Chinese titles how much of the shorter title the longer
    one contains ("存在问题" in "存在的问题及原因分析"), whichever is higher. Latin
    letters are too few for containment to mean anything ("emergencydrills" holds much
    of "watertaxipilot"), so English titles use edit similarity alone."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    ratio = fuzz.ratio(a, b) / 100
    shorter = min(a, b, key=len)
    if len(shorter) < 3 or _cjk_share(shorter) < 0.5:
        return ratio
    return max(ratio, 0.9 * LCSseq.similarity(a, b) / len(shorter))


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
    postings: dict[int, list[int]] = {}
    for j, shingles in enumerate(b):
        for sh in heapq.nsmallest(_SKETCH, shingles):
            postings.setdefault(sh, []).append(j)
    result: dict[tuple[int, int], float] = {}
    for i, shingles in enumerate(a):
        hits: dict[int, int] = {}
        # A bigram found in many sections (a repeated heading word) only proposes the
        # ones nearest this section's relative place: bounded work, local candidates.
        near = round(i / max(1, len(a)) * len(b))
        for sh in heapq.nsmallest(_SKETCH, shingles):
            posting = postings.get(sh, ())
            if len(posting) > _MAX_POSTINGS:
                k = bisect.bisect_left(posting, near)
                lo = max(0, min(k - _MAX_POSTINGS // 2, len(posting) - _MAX_POSTINGS))
                posting = posting[lo : lo + _MAX_POSTINGS]
            for j in posting:
                hits[j] = hits.get(j, 0) + 1
        # Ties (e.g. repeated passages) go to the candidate nearest in relative place.
        here = i / max(1, len(a))
        best = (
            heapq.nlargest(
                _CANDIDATES, hits, key=lambda j: (hits[j], -abs(j / max(1, len(b)) - here))
            )
            if len(hits) > _CANDIDATES
            else hits
        )
        for j in best:
            dice = 2 * len(shingles & b[j]) / (len(shingles) + len(b[j]))
            if dice >= min_dice:
                result[i, j] = dice
    return result


def contextual_scores(
    a: list[Features], b: list[Features], base: Scores, matches: dict[int, int]
) -> Scores:
    """Second pass: add the parents' match and how many children agree."""
    scores: Scores = {}
    for (i, j), score in base.items():
        pa, pb = a[i].parent, b[j].parent
        if pa is not None and pb is not None and matches.get(pa) == pb:
            score += _PARENT_BONUS
        if a[i].children and b[j].children:
            kids_b = set(b[j].children)
            agree = sum(matches.get(c) in kids_b for c in a[i].children)
            support = agree / max(len(a[i].children), len(b[j].children))
            score = (1 - _CHILD_WEIGHT) * score + _CHILD_WEIGHT * support
        scores[i, j] = score
    return scores
