"""Match the sections of OLD to NEW.

Each section gets a score against each candidate from its title (numbering stripped,
figures masked, rapidfuzz) and its body (character-bigram overlap of figure-masked
text, found through an inverted index so cost stays near-linear). A first assignment
takes the best-scoring pairs globally and improves them by pairwise swaps; a second
pass adds the parents' match and the children's support, so a heading-only parent
follows its children and same-named subsections follow their parents. Moves are
sections whose order among their siblings changed (longest increasing subsequence);
splits and merges are unmatched sections whose text mostly stands in one section on
the other side.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Document, PairBasis, PairRelation, Section, SectionPair
from ...options import CompareOptions
from .outline import outline_slots
from .scoring import (
    SMALL_BODY,
    Features,
    Leanings,
    Scores,
    base_scores,
    contextual_scores,
    evidence,
    features,
    leanings,
)

_SPLIT_CONTAINMENT = 0.6
_WEIGHTED_LIMIT = 400  # siblings; above this the plain longest run is used


def align_sections(
    old: Document,
    old_sections: Sequence[Section],
    new: Document,
    new_sections: Sequence[Section],
    options: CompareOptions,
) -> tuple[SectionPair, ...]:
    slots = outline_slots(old, old_sections, new, new_sections)
    bodies: dict[str, frozenset[int]] = {}  # a body both versions hold is read once
    a = features(old, old_sections, slots[0] if slots else None, bodies)
    b = features(new, new_sections, slots[1] if slots else None, bodies)
    base, body_overlap = base_scores(a, b)
    matches = _assign(base, options.min_section_similarity)
    scores = contextual_scores(a, b, base, matches)
    matches = _assign(scores, options.min_section_similarity)
    matches = _pin_preambles(a, b, matches)
    moved = _moved(a, b, matches)
    splits = _splits_and_merges(a, b, matches, body_overlap)
    lean = leanings(base, matches)
    return _pairs(a, b, matches, scores, moved, splits, body_overlap, lean)


def _assign(scores: Scores, threshold: float) -> dict[int, int]:
    """Best pairs first over the whole matrix, then pairwise swaps that raise the total."""
    ranked = sorted(
        ((s, i, j) for (i, j), s in scores.items() if s >= threshold),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    match: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in ranked:
        if i not in match and j not in taken:
            match[i] = j
            taken.add(j)
    _improve_by_swaps(match, scores, threshold)
    return match


def _improve_by_swaps(match: dict[int, int], scores: Scores, threshold: float) -> None:
    """Greedy can lock a good pair that blocks two better ones; swap where it pays."""
    by_new = {j: i for i, j in match.items()}
    for _ in range(3):
        improved = False
        for (i, j), s_ij in scores.items():
            if match.get(i) == j or s_ij < threshold:
                continue
            k = by_new.get(j)  # old section now holding j
            jj = match.get(i)  # new section now held by i
            current = (scores.get((i, jj), 0.0) if jj is not None else 0.0) + (
                scores.get((k, j), 0.0) if k is not None else 0.0
            )
            swapped = s_ij + (scores.get((k, jj), 0.0) if k is not None and jj is not None else 0.0)
            if swapped > current + 1e-9:
                _reassign(match, by_new, i, j, k, jj, scores, threshold)
                improved = True
        if not improved:
            return


def _reassign(
    match: dict[int, int],
    by_new: dict[int, int],
    i: int,
    j: int,
    k: int | None,
    jj: int | None,
    scores: Scores,
    threshold: float,
) -> None:
    match[i] = j
    by_new[j] = i
    if k is not None:
        if jj is not None and scores.get((k, jj), 0.0) >= threshold:
            match[k] = jj
            by_new[jj] = k
        else:
            match.pop(k, None)
            if jj is not None:
                by_new.pop(jj, None)
    elif jj is not None:
        by_new.pop(jj, None)


def _pin_preambles(a: list[Features], b: list[Features], match: dict[int, int]) -> dict[int, int]:
    """The text before the first heading always answers to the other side's."""
    if a and b and a[0].section.id == "0" and b[0].section.id == "0":
        for i, j in list(match.items()):
            if i == 0 or j == 0:
                del match[i]
        match[0] = 0
    return match


def _moved(a: list[Features], b: list[Features], match: dict[int, int]) -> set[int]:
    """Old indices of sections whose place in the document changed.

    Matched sections are taken in old order; those off the heaviest increasing run of
    new positions moved (so when two swap, the smaller one moved). A section that moved
    only because its parent did, and still sits under its parent's partner, is not
    reported again. A section re-parented in the same place has not moved.
    """
    members = sorted((i, j) for i, j in match.items() if a[i].section.id != "0")
    weights = [a[i].section.body_end - a[i].section.start for i, _ in members]
    keep = _heaviest_increasing([j for _, j in members], weights)
    moved = {i for n, (i, _) in enumerate(members) if n not in keep}
    return {
        i
        for i in moved
        if not (
            a[i].parent in moved
            and b[match[i]].parent is not None
            and match.get(a[i].parent) == b[match[i]].parent  # type: ignore[arg-type]
        )
    }


def _heaviest_increasing(seq: list[int], weights: list[int]) -> set[int]:
    """Positions of the increasing subsequence with the most text: when two sections
    swap places, the smaller one is the one that moved."""
    if len(seq) > _WEIGHTED_LIMIT:
        return _longest_increasing(seq)
    best = list(weights)
    prev = [-1] * len(seq)
    for k in range(len(seq)):
        for m in range(k):
            if seq[m] < seq[k] and best[m] + weights[k] > best[k]:
                best[k], prev[k] = best[m] + weights[k], m
    keep: set[int] = set()
    pos = max(range(len(seq)), key=best.__getitem__, default=-1)
    while pos >= 0:
        keep.add(pos)
        pos = prev[pos]
    return keep


def _longest_increasing(seq: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for pos, value in enumerate(seq):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_pos.append(pos)
        else:
            tails[k] = value
            tail_pos[k] = pos
        prev[pos] = tail_pos[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        keep.add(pos)
        pos = prev[pos]
    return keep


def _splits_and_merges(
    a: list[Features],
    b: list[Features],
    match: dict[int, int],
    overlap: dict[tuple[int, int], float],
) -> list[tuple[int, int, str]]:
    """Unmatched sections whose text mostly stands in one section on the other side
    (judged from the body overlaps already found for scoring)."""
    taken = set(match.values())
    best_split: dict[int, tuple[float, int]] = {}
    best_merge: dict[int, tuple[float, int]] = {}
    for (i, j), dice in overlap.items():
        fa, fb = a[i], b[j]
        shared = dice * (len(fa.shingles) + len(fb.shingles)) / 2
        if j not in taken and _contained(fb, fa, shared):
            share = shared / len(fb.shingles)
            if share > best_split.get(j, (0.0, -1))[0]:
                best_split[j] = (share, i)
        if i not in match and _contained(fa, fb, shared):
            share = shared / len(fa.shingles)
            if share > best_merge.get(i, (0.0, -1))[0]:
                best_merge[i] = (share, j)
    return [(i, j, "split") for j, (_, i) in best_split.items()] + [
        (i, j, "merge") for i, (_, j) in best_merge.items()
    ]


def _contained(part: Features, whole: Features, shared: float) -> bool:
    return (
        len(part.shingles) >= SMALL_BODY
        and len(whole.shingles) >= len(part.shingles) // 2
        and shared / len(part.shingles) > _SPLIT_CONTAINMENT
    )


def _pairs(
    a: list[Features],
    b: list[Features],
    match: dict[int, int],
    scores: Scores,
    moved: set[int],
    extra: list[tuple[int, int, str]],
    body_overlap: Scores,
    lean: Leanings,
) -> tuple[SectionPair, ...]:
    """Pairs in NEW's order, each removed section placed after its old predecessor."""
    by_new = {j: i for i, j in match.items()}
    split_new = {j: (i, kind) for i, j, kind in extra if kind == "split"}
    merged_old = {i: (j, kind) for i, j, kind in extra if kind == "merge"}
    pairs: list[SectionPair] = []
    emitted_old: set[int] = set()

    def flush_removed(upto: int) -> None:
        for i in range(upto):
            if i not in match and i not in emitted_old:
                emitted_old.add(i)
                if i in merged_old:
                    j, _ = merged_old[i]
                    pairs.append(_related_pair(a[i], b[j], "merge"))
                else:
                    pairs.append(SectionPair(a[i].section.id, None, "removed"))

    split_sources = {i for i, _, kind in extra if kind == "split"}
    merge_targets = {j for _, j, kind in extra if kind == "merge"}
    for j, fb in enumerate(b):
        i = by_new.get(j)
        if i is None:
            if j in split_new:
                src, _ = split_new[j]
                pairs.append(_related_pair(a[src], fb, "split"))
            else:
                pairs.append(SectionPair(None, fb.section.id, "added"))
            continue
        flush_removed(i)
        emitted_old.add(i)
        fa = a[i]
        relation: PairRelation = (
            "split" if i in split_sources else "merge" if j in merge_targets else "match"
        )
        basis: PairBasis
        if fa.section.id == "0":
            basis, weak = "position", False  # the preambles always answer to each other
        else:
            basis, weak = evidence(fa, fb, body_overlap.get((i, j), 0.0), match, lean)
        pairs.append(
            SectionPair(
                fa.section.id,
                fb.section.id,
                "changed",
                moved=i in moved,
                renamed=fa.title != fb.title and fa.section.id != "0",
                similarity=round(min(1.0, scores.get((i, j), 0.0)), 4),
                relation=relation,
                basis=basis,
                weak=weak,
            )
        )
    flush_removed(len(a))
    return tuple(pairs)


def _related_pair(fa: Features, fb: Features, relation: str) -> SectionPair:
    return SectionPair(
        fa.section.id,
        fb.section.id,
        "changed",
        renamed=fa.title != fb.title,
        relation=relation,  # type: ignore[arg-type]
        secondary=True,
    )
