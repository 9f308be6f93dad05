"""Candidate pairs of figures, in three tiers, each pair with its evidence.

First within aligned section pairs (label, slot, context and position), then anywhere
for the same label, then anywhere for a very similar label. Only figures of the same
unit and kind, table column, sort (a rise is never a fall), role and period are ever
candidates (evidence.conflicts), and a candidate needs a label (or, for unlabelled
figures, a context) that says it is the same thing.

Work is bounded: a group of figures small enough is scored pair by pair; a larger one
(a list of thousands of projects) only where a blocking key is shared — the same
sentence slot, the same label, the same label under the same item, or a rare pair of
label characters — so candidates grow with the figures, not with their square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from rapidfuzz import fuzz, process

from ...model import SectionPair
from .evidence import Evidence, conflicts, numbered_apart
from .side import (
    FigureSide,
    partition_apart,
    reworded,
    same_item,
    same_sort,
    slot_agreement,
    within,
    words_within,
)

Candidate = tuple[Evidence, int, int]
_ALL_PAIRS = 4096  # a group up to this many pairs is scored pair by pair
_POSTING_CAP = 24  # a blocking key shared by more figures than this says too little
_MAX_FUZZY_PAIRS = 2_000_000


def compatible(old: FigureSide, new: FigureSide, i: int, j: int) -> bool:
    """Nothing says the two are different quantities (see evidence.conflicts)."""
    if old.heads[i] != new.heads[j] or not same_sort(old.sorts[i], new.sorts[j]):
        return False  # 指标值 is never 实际完成值, a growth rate never a share
    if numbered_apart(old.keys[i], new.keys[j]) or partition_apart(old.keys[i], new.keys[j]):
        return False  # 第一产业 is never 第二产业, 城镇居民收入 never 居民收入
    a, b = old.figures[i], new.figures[j]
    return not conflicts(a, b, old.periods[i], new.periods[j], old.moves[i], new.moves[j])


def aligned_candidates(
    old: FigureSide,
    new: FigureSide,
    free_old: list[int],
    free_new: list[int],
    pairs: Sequence[SectionPair],
) -> Iterable[Candidate]:
    """Within each aligned section pair: label, slot, context and position together."""
    old_in = _group(old, free_old)
    new_in = _group(new, free_new)
    for p in pairs:
        if p.old is None or p.new is None:
            continue
        for unit, olds in old_in.get(p.old, {}).items():
            news = new_in.get(p.new, {}).get(unit, [])
            for i, j in candidate_pairs(old, new, olds, news):
                evidence = _aligned_evidence(old, new, i, j)
                if evidence is not None:
                    yield evidence, i, j


def _aligned_evidence(old: FigureSide, new: FigureSide, i: int, j: int) -> Evidence | None:
    """Label first (cheap to reject on), then context, slot and position."""
    if not compatible(old, new, i, j):
        return None
    a, b = old.figures[i], new.figures[j]
    context = fuzz.ratio(old.contexts[i], new.contexts[j]) / 100
    if old.keys[i] or new.keys[j]:
        label = fuzz.ratio(old.keys[i], new.keys[j]) / 100
        label = max(label, reworded(old.keys[i], new.keys[j]), words_within(a.label, b.label))
        if label < 0.4:
            return None
        # a rate's label is all that says what it measures, and a short label (规模 /
        # 储备规模, 公用经费 / 办公经费) turns on one character: ask more of both
        short = min(len(old.keys[i]), len(new.keys[j])) <= 4
        enough = 0.8 if a.kind == "percent" or short else 0.6
        if label < enough and (context < 0.75 or (short and not within(old.keys[i], new.keys[j]))):
            return None  # the same slot of the same sentence does not make 办公经费 公用经费
    else:
        label = 0.5  # two unlabelled figures: the label says neither yes nor no
        if context < 0.7:
            return None
    if not same_item(old, new, i, j):
        return None
    return Evidence(
        label=label,
        slot=slot_agreement(old, new, i, j),
        context=context,
        section=1.0,
        position=1 - abs(old.order[i] - new.order[j]),
        value=float(a.value == b.value),
    )


def same_label_candidates(
    old: FigureSide,
    new: FigureSide,
    free_old: list[int],
    free_new: list[int],
    pairs: Sequence[SectionPair],
) -> Iterable[Candidate]:
    """Anywhere in the documents: the same (non-trivial) label, unit and kind."""
    aligned = _aligned_sections(pairs)
    by_key: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    old_by_key: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    for j in free_new:
        f = new.figures[j]
        if len(new.keys[j]) >= 2:
            by_key[(new.keys[j], new.heads[j], f.unit, f.kind)].append(j)
    for i in free_old:
        f = old.figures[i]
        old_by_key[(old.keys[i], old.heads[i], f.unit, f.kind)].append(i)
    for key, olds in old_by_key.items():
        news = by_key.get(key, [])
        for i, j in candidate_pairs(old, new, olds, news):
            if not compatible(old, new, i, j) or not same_item(old, new, i, j):
                continue
            yield _anywhere_evidence(old, new, i, j, 1.0, aligned), i, j


def similar_label_candidates(
    old: FigureSide,
    new: FigureSide,
    free_old: list[int],
    free_new: list[int],
    pairs: Sequence[SectionPair],
) -> Iterable[Candidate]:
    """Anywhere: a label nearly the same (维修费 / 维修（护）费) and a similar context.
    Skipped when both sides have thousands of unmatched figures: its cost is their
    product, and documents that far apart have little to gain from it."""
    if len(free_old) * len(free_new) > _MAX_FUZZY_PAIRS:
        return
    aligned = _aligned_sections(pairs)
    by_unit: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for j in free_new:
        if len(new.keys[j]) >= 3:
            by_unit[(new.figures[j].unit, new.figures[j].kind, new.heads[j])].append(j)
    for i in free_old:
        f = old.figures[i]
        members = by_unit.get((f.unit, f.kind, old.heads[i]))
        if len(old.keys[i]) < 3 or not members:
            continue
        keys = [new.keys[j] for j in members]
        for _, label, k in process.extract(
            old.keys[i], keys, scorer=fuzz.ratio, score_cutoff=85, limit=None
        ):
            j = members[k]
            if not compatible(old, new, i, j) or not same_item(old, new, i, j):
                continue
            evidence = _anywhere_evidence(old, new, i, j, label / 100, aligned)
            if evidence.context >= 0.5:
                yield evidence, i, j


def _anywhere_evidence(
    old: FigureSide,
    new: FigureSide,
    i: int,
    j: int,
    label: float,
    aligned: set[tuple[str | None, str | None]],
) -> Evidence:
    a, b = old.figures[i], new.figures[j]
    return Evidence(
        label=label,
        slot=slot_agreement(old, new, i, j),
        context=fuzz.ratio(old.contexts[i], new.contexts[j]) / 100,
        section=float((a.section, b.section) in aligned),
        value=float(a.value == b.value),
    )


def _aligned_sections(pairs: Sequence[SectionPair]) -> set[tuple[str | None, str | None]]:
    return {(p.old, p.new) for p in pairs if p.old is not None and p.new is not None}


def candidate_pairs(
    old: FigureSide, new: FigureSide, olds: list[int], news: list[int]
) -> Iterator[tuple[int, int]]:
    """Every pair of a small group; in a large one, the pairs that share a blocking key."""
    if len(olds) * len(news) <= _ALL_PAIRS:
        yield from ((i, j) for i in olds for j in news)
        return
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in news:
        for key in _block_keys(new, j):
            index[key].append(j)
    for i in olds:
        seen: set[int] = set()
        for key in _block_keys(old, i):
            posting = index.get(key, ())
            if len(posting) > _POSTING_CAP:
                continue
            for j in posting:
                if j not in seen:
                    seen.add(j)
                    yield i, j


def _block_keys(side: FigureSide, i: int) -> Iterator[tuple[str, ...]]:
    key = side.keys[i]
    yield ("slot", side.slots[i])
    yield ("label", key)
    if side.generic[i]:
        yield ("item", key, side.item(i))
    for pair in {key[k : k + 2] for k in range(len(key) - 1)}:
        yield ("chars", pair)


def _group(
    side: FigureSide, members: list[int]
) -> dict[str | None, dict[tuple[str, str], list[int]]]:
    """section → (unit, kind) → figure indexes: only like figures are ever compared."""
    out: dict[str | None, dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for i in members:
        f = side.figures[i]
        out[f.section][(f.unit, f.kind)].append(i)
    return out
