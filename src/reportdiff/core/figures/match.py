"""Match the figures of OLD to NEW and say which changed, appeared or went away.

Figures are matched in tiers, each a greedy best-first assignment over scored
candidates: first within aligned section pairs (label, context and position), then
anywhere for the same label, then anywhere for a very similar label. Only figures of
the same unit and kind are ever candidates, and a candidate needs a label (or, for
unlabelled figures, a context) that says it is the same thing, so figures of
unrelated reports stay unmatched instead of being paired by accident. Bare years are
not compared: in a year-over-year pair every one of them moves by a year. Dates are
compared as core/figures/dates.py says: moved by the report's year shift is unchanged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ...model import Document, Figure, FigureStatus, NumberChange, SectionPair
from ..text.numbering import parse_numbering
from .dates import (
    date_change,
    date_figures,
    dated_figures,
    for_matching,
    same_event,
    year_shift,
)
from .english_changes import DOWN_WORDS as EN_DOWN
from .english_changes import UP_WORDS as EN_UP
from .label import FALL_WORDS, RISE_WORDS, label_key

SKIPPED_KINDS = ("year", "date")  # dates come in again from figure_dates
_CONTEXT = 10  # characters either side of a figure that say what it is
_MAX_FUZZY_PAIRS = 2_000_000


@dataclass(frozen=True)
class _Side:
    figures: list[Figure]
    keys: list[str]  # label keys of the row part of a label
    heads: list[str]  # a table column's header ("实际完成值"), or ""
    contexts: list[str]
    order: list[float]  # relative position inside its section, 0..1
    sorts: list[str]  # "rise" (增长5.2%), "fall" (减少212万元), "before" or "level" (占比60%)
    # whether a figure's label is generic (年初预算 once per 「1、…行政运行（项）」), so
    # that the item it stands under says what it is
    generic: list[bool]
    text: str
    items: dict[int, str] = field(default_factory=dict)  # the item lines looked up

    def item(self, i: int) -> str:
        if i not in self.items:
            self.items[i] = _item_line(self.text, self.figures[i].start)
        return self.items[i]


def match_figures(
    old_doc: Document,
    old_figs: Sequence[Figure],
    new_doc: Document,
    new_figs: Sequence[Figure],
    pairs: Sequence[SectionPair],
) -> list[tuple[int, int]]:
    """(old index, new index) of every matched figure, indexes into the given lists."""
    old = _side(old_doc, old_figs)
    new = _side(new_doc, new_figs)
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for tier in (_aligned_candidates, _same_label_candidates, _similar_label_candidates):
        free_old = [i for i in range(len(old.figures)) if i not in matched]
        free_new = [j for j in range(len(new.figures)) if j not in taken]
        scored = tier(old, new, free_old, free_new, pairs)
        for _, i, j in sorted(scored, key=lambda c: (-c[0], c[1], c[2])):
            if i not in matched and j not in taken:
                matched[i] = j
                taken.add(j)
    return sorted(matched.items())


def _side(doc: Document, figures: Sequence[Figure]) -> _Side:
    by_section: dict[str | None, list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        by_section[f.section].append(i)
    order = [0.0] * len(figures)
    for members in by_section.values():
        for rank, i in enumerate(members):
            order[i] = rank / max(1, len(members) - 1)
    keys = [label_key(f.label.split(" / ")[0]) for f in figures]
    return _Side(
        figures=list(figures),
        keys=keys,
        heads=[f.label.split(" / ")[1] if " / " in f.label else "" for f in figures],
        contexts=[_context(doc.text, f) for f in figures],
        order=order,
        sorts=[sort_of(f) for f in figures],
        generic=_generic(figures, keys),
        text=doc.text,
    )


_SCOPE_REACH = 1500  # characters back to the numbered line a figure stands under
_SCOPE_CHARS = 80
# a label given to this many figures of one kind is a measure of several items (年初预算
# under each 「1、…（项）」), not an item; two may be a result and its target
_GENERIC_REPEATS = 3
_SENTENCE_END = re.compile(r"[。：:；;]")
_NOT_NAME = re.compile(r"[\s\d.,，．%％]+")  # figures in an item line change every year
_BRACKETED = re.compile(r"[（(][^）)]{0,6}[）)]")  # （类） （款） （项）


def _generic(figures: Sequence[Figure], keys: list[str]) -> list[bool]:
    """Labels the document gives to several figures of one kind."""
    seen: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for f, key in zip(figures, keys, strict=True):
        seen[(key, f.unit, f.kind, f.role)] += 1
    return [
        seen[(k, f.unit, f.kind, f.role)] >= _GENERIC_REPEATS
        for f, k in zip(figures, keys, strict=True)
    ]


def _item_line(text: str, pos: int) -> str:
    """The words of the nearest numbered line (a heading or a list item) before pos."""
    floor = max(0, pos - _SCOPE_REACH)
    end = pos
    while end > floor:
        newline = text.rfind("\n", floor, end)
        if newline < 0 and floor > 0:
            break  # the line begins beyond reach
        start = newline + 1
        line = text[start:end].lstrip(" \t\u3000")
        numbering = parse_numbering(line)
        if numbering is not None:  # its words to the sentence's end, over line wraps
            at = end - len(line) + numbering.end
            words = _SENTENCE_END.split(text[at : min(pos, at + _SCOPE_CHARS)], maxsplit=1)[0]
            return _NOT_NAME.sub("", words)
        end = start - 1
    return ""


# a label ends in how its figure moved: the change words, the words for a rate of
# change (增速, 降幅) and the English ones (a whole word: "Backup" is not "up")
_UP = "|".join((*RISE_WORDS, "上涨", "增速", "增幅", "涨幅", rf"\b(?:{EN_UP})"))
_DOWN = "|".join((*FALL_WORDS, "回落", "压减", "压缩", "降幅", rf"\b(?:{EN_DOWN})"))
_MOVES = re.compile(rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN})|\bchange)$", re.IGNORECASE)


def sort_of(f: Figure) -> str:
    """A figure states a rise (增长9.4%, 增加212万元, rose 12.5%) or a fall (减少56.95万元),
    where a measure started or stood last year (由60.2%, 上年3650万元, from $11.7 million)
    or a level (占全球比重60%, 84元): none is the same thing as another, however alike
    their labels. "change" (a change of either sign) pairs with a rise or a fall; an
    average (年均, 平均) only with an average."""
    if f.role in ("start", "previous"):
        return "before"
    name = f.label.split(" / ")[0].rstrip()
    m = _MOVES.search(name)
    sort = (
        "level" if not m else "rise" if m.group("up") else "fall" if m.group("down") else "change"
    )
    return f"{sort} average" if f.role == "average" or _AVERAGE.search(name) else sort


_AVERAGE = re.compile(r"年均|平均|(?i:\baverage\b)")  # 年均增长10.6%: five years' average


def _same_sort(a: str, b: str) -> bool:
    """增加56.95万元 and 减少1062.85万元 are no before and after of one figure, and a
    year's figure is not an average over years (年均增长5.1%, 平均为5.1%)."""
    (a, _, a_avg), (b, _, b_avg) = a.partition(" "), b.partition(" ")
    return a_avg == b_avg and (a == b or {a, b} in ({"change", "rise"}, {"change", "fall"}))


_MASK_DIGITS = str.maketrans("123456789", "000000000")


def _context(text: str, f: Figure) -> str:
    """The words around a figure, its own digits masked: 「基本支出#，其中」."""
    around = text[max(0, f.start - _CONTEXT) : f.start] + "#" + text[f.end : f.end + _CONTEXT]
    return around.translate(_MASK_DIGITS)


def _aligned_candidates(
    old: _Side, new: _Side, free_old: list[int], free_new: list[int], pairs: Sequence[SectionPair]
) -> Iterable[tuple[float, int, int]]:
    """Within each aligned section pair: label, context and position together."""
    old_in = _group(old, free_old)
    new_in = _group(new, free_new)
    for p in pairs:
        if p.old is None or p.new is None:
            continue
        for unit, olds in old_in.get(p.old, {}).items():
            news = new_in.get(p.new, {}).get(unit, ())
            for i in olds:
                for j in news:
                    score = _score(old, new, i, j)
                    if score is not None:
                        yield score, i, j


def _score(old: _Side, new: _Side, i: int, j: int) -> float | None:
    """Label first (cheap to reject on), then context and position."""
    a, b = old.figures[i], new.figures[j]
    if old.heads[i] != new.heads[j] or not _same_sort(old.sorts[i], new.sorts[j]):
        return None  # 指标值 is never 实际完成值, a growth rate never a share
    if old.keys[i] or new.keys[j]:
        label = fuzz.ratio(old.keys[i], new.keys[j]) / 100
        if label < 0.4:
            return None
        context = fuzz.ratio(old.contexts[i], new.contexts[j]) / 100
        # a rate's label is all that says what it measures, and a short label (规模 /
        # 储备规模, 公用经费 / 办公经费) turns on one character: ask more of both
        short = min(len(old.keys[i]), len(new.keys[j])) <= 4
        enough = 0.8 if a.kind == "percent" or short else 0.6
        if label < enough and (context < 0.75 or (short and not _within(old.keys[i], new.keys[j]))):
            return None  # the same slot of the same sentence does not make 办公经费 公用经费
    else:
        label = 0.5
        context = fuzz.ratio(old.contexts[i], new.contexts[j]) / 100
        if context < 0.7:
            return None
    if not _same_item(old, new, i, j):
        return None
    position = 1 - abs(old.order[i] - new.order[j])
    same = 0.05 if a.value == b.value else 0.0
    return 0.55 * label + 0.25 * context + 0.15 * position + same


def _same_item(old: _Side, new: _Side, i: int, j: int) -> bool:
    """A generic label (年初预算, 支出决算) pairs only under the same item."""
    if not (old.generic[i] or new.generic[j]):
        return True
    a, b = old.item(i), new.item(j)
    if a == b:
        return True
    # 行政单位离退休（项） and 事业单位离退休（项） differ by two characters and are two
    # items: the last name must be the same, the line before it nearly so
    return _last_name(a) == _last_name(b) and fuzz.ratio(a, b) >= 80


def _last_name(item: str) -> str:
    names = [n for n in _BRACKETED.split(item) if n]
    return names[-1] if names else item


def _within(a: str, b: str) -> bool:
    """One label holds the other: 在职人员 / 实有在职人员 name one thing."""
    return bool(a) and bool(b) and (a in b or b in a)


def _same_label_candidates(
    old: _Side, new: _Side, free_old: list[int], free_new: list[int], pairs: Sequence[SectionPair]
) -> Iterable[tuple[float, int, int]]:
    """Anywhere in the documents: the same (non-trivial) label, unit and kind."""
    by_key: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    for j in free_new:
        f = new.figures[j]
        if len(new.keys[j]) >= 2:
            by_key[(new.keys[j], new.heads[j], f.unit, f.kind)].append(j)
    for i in free_old:
        f = old.figures[i]
        for j in by_key.get((old.keys[i], old.heads[i], f.unit, f.kind), ()):
            if not _same_item(old, new, i, j):
                continue
            context = fuzz.ratio(old.contexts[i], new.contexts[j]) / 100
            yield 0.7 + 0.3 * context, i, j


def _similar_label_candidates(
    old: _Side, new: _Side, free_old: list[int], free_new: list[int], pairs: Sequence[SectionPair]
) -> Iterable[tuple[float, int, int]]:
    """Anywhere: a label nearly the same (维修费 / 维修（护）费) and a similar context.
    Skipped when both sides have thousands of unmatched figures: its cost is their
    product, and documents that far apart have little to gain from it."""
    if len(free_old) * len(free_new) > _MAX_FUZZY_PAIRS:
        return
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
            if not _same_sort(old.sorts[i], new.sorts[j]) or not _same_item(old, new, i, j):
                continue
            context = fuzz.ratio(old.contexts[i], new.contexts[j]) / 100
            if context >= 0.5:
                yield 0.6 * label / 100 + 0.4 * context, i, j


def _group(side: _Side, members: list[int]) -> dict[str | None, dict[tuple[str, str], list[int]]]:
    """section → (unit, kind) → figure indexes: only like figures are ever compared."""
    out: dict[str | None, dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for i in members:
        f = side.figures[i]
        out[f.section][(f.unit, f.kind)].append(i)
    return out


def diff_figures(
    old: Document,
    old_all: Sequence[Figure],
    new: Document,
    new_all: Sequence[Figure],
    pairs: Sequence[SectionPair],
    *,
    include_unchanged: bool = False,
) -> tuple[NumberChange, ...]:
    """Changed, added and removed figures (and unchanged ones when asked), in NEW's order.
    old_all and new_all are the documents' figures as extract_figures gives them."""
    old_figs, new_figs = _compared(old, old_all), _compared(new, new_all)
    old_years = [f for f in old_all if f.kind == "year"]
    new_years = [f for f in new_all if f.kind == "year"]
    old_dated = dated_figures(old_years + old_figs)
    new_dated = dated_figures(new_years + new_figs)
    dated_matches = match_figures(old, old_dated, new, new_dated, pairs)
    shift = year_shift(old, old_dated, new, new_dated, dated_matches)
    matches = match_figures(old, [for_matching(f, shift) for f in old_figs], new, new_figs, pairs)
    matches = [
        (i, j)
        for i, j in matches
        if old_figs[i].kind != "date"
        or same_event(old.text, old_figs[i], new.text, new_figs[j], shift)
    ]
    changes = _changes(old_figs, new_figs, matches, shift)
    if not include_unchanged:
        changes = [(key, c) for key, c in changes if c.status != "unchanged"]
    return tuple(c for _, c in sorted(changes, key=lambda kc: kc[0]))


def _compared(doc: Document, figures: Sequence[Figure]) -> list[Figure]:
    """The figures diffed: all but years and dates, then the dates as figure_dates has them."""
    kept = [f for f in figures if f.kind not in SKIPPED_KINDS]
    return sorted(kept + date_figures(doc.text, figures), key=lambda f: f.start)


def _changes(
    old_figs: list[Figure], new_figs: list[Figure], matches: list[tuple[int, int]], shift: int
) -> list[tuple[tuple[float, float], NumberChange]]:
    """Each change with a sort key: NEW's order; a removed figure after the NEW figure
    matched to the OLD figure just before it."""
    out: list[tuple[tuple[float, float], NumberChange]] = []
    old_to_new = dict(matches)
    anchor = -1.0
    for i, f in enumerate(old_figs):
        if i in old_to_new:
            anchor = new_figs[old_to_new[i]].start
            continue
        out.append(((anchor + 0.5, f.start), _change(f, None)))
    matched_new = set(old_to_new.values())
    for i, j in matches:
        out.append(((new_figs[j].start, 0), _change(old_figs[i], new_figs[j], shift)))
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
