"""A stated change that names both its figures by their year: 「2023年预算执行数为A万元，
2024年预算安排B万元，比2023年预算执行数增加p%」.

The comparison (比2023年预算执行数) names last year's figure by its year and its name,
so that figure is looked up where the sentence gives it under that year and name,
whatever order the figures stand in. This year's is the figure the comparison follows;
where the passage states none, it is the amount the passage opens with, the item it
explains (「“…（项）”350.35万元，主要用于…。2023年…执行数为A万元，比2023年…」).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from ...model import Figure
from ..figures.label import CHANGE_WORDS, change_at, clause_start, label_key
from ..text.line_wraps import is_soft_break

# 比2023年预算执行数 / 较上年决算数 / 与2024年预算: the year compared with and the name
# of last year's figure, up to the change (增加…, 持平) or 相比
_YEAR_AND_NAME = (
    r"\s?(?:(?P<last>上年|去年|上一年)|(?P<year>(?:19|20)\d\d)\s?年度?)"
    r"(?:当年|同期|的)?(?P<noun>[\u4e00-\u9fff]{0,12}?)\s*"
)
_CHANGE_NEXT = r"(?=相比|相较|持平|" + "|".join(CHANGE_WORDS) + r"|\d|[，,])"
_COMPARED = re.compile(r"(?:比|较|与)" + _YEAR_AND_NAME + _CHANGE_NEXT)
# 与2023年预算执行数相比: the comparison a 相比 closes
_COMPARED_BEFORE = re.compile(r"与" + _YEAR_AND_NAME + r"$")
_CLOSING_WORDS = ("相比", "相较")
# the year a clause names its figure for: 2023年, 上年 (-1), 本年 (0)
YEAR_NAMED = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s?年|(?P<last>上年|去年|上一年)|(?P<this>本年|今年)"
)
# words that say what stage of the year's money a figure is (执行数, 决算数): an item's
# amount that names one of them is that stage's, not the budget restated
_STAGE = re.compile(r"执行|决算|调整|年初|实际|完成|预计")
# the words a figure of the comparison may be named by and still name no item of its own
_MEASURE = re.compile(r"预算执行数|执行数|决算数|预算数|预算安排|安排数|预算|决算|安排|金额|数")
_SENTENCE_END = "。；;！？!?"
_GAP = 8  # characters between this year's figure and the comparison it opens
_PASSAGE_REACH = 400  # characters back to the item a passage explains


class Period(NamedTuple):
    """The year a clause names: an explicit year, or one relative to the report's own."""

    year: int | None = None
    offset: int | None = None  # -1 for 上年, 0 for 本年


class NamedChange(NamedTuple):
    """The figures a stated change names: last year's, this year's (if stated), and the
    item the passage explains (if it opens on one)."""

    base: Figure
    current: Figure | None
    subject: Figure | None
    current_words: str  # how the report names this year's figure: 2024年预算安排


def named_change(
    text: str, figures: Sequence[Figure], starts: Sequence[int], keyword: int, like: Figure | None
) -> NamedChange | None:
    """The figures a comparison at ``keyword`` names, or None when it names no year or
    the sentence gives no figure (or more than one value) under that year and name."""
    m, keyword = _comparison(text, keyword)
    if m is None or (like is not None and like.kind == "percent"):
        return None  # a change in points, or 相比 / 同比 naming no year
    compared = Period(int(m["year"]) if m["year"] else None, -1 if m["last"] else None)
    lo = max(text.rfind(ch, 0, keyword) for ch in _SENTENCE_END) + 1
    lo = _hard_break_before(text, keyword, lo)
    before = figures[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, keyword)]
    kinds = (like.unit, like.kind) if like is not None else None
    money = [f for f in before if _countable(f, kinds) and change_at(text, f.start, lo) is None]
    if not money:
        return None
    anchor = period_of(text, money[-1], lo)  # 2024年 of 「2024年预算B，比上年…」
    year = anchor.year if anchor is not None else None
    noun = _noun(m["noun"])
    bases = [
        f
        for f in money
        if _names(f.label, noun) and _same_year(period_of(text, f, lo), compared, year)
    ]
    if not bases or len({f.value for f in bases}) > 1:
        return None
    base = bases[-1]
    follows = _followed(text, money, base, keyword)
    if follows is None:
        return None
    current = follows if follows is not base else None
    if current is not None and not _one_thing(base.label, current.label):
        return None  # 2023年人员经费…，2024年公用经费…: two things, not one in two years
    words = ""
    if current is not None:
        own = period_of(text, current, lo)
        if own is None or _same_year(own, compared, year):
            return None  # this year's figure must be named as another year's
        words = _clause_words(text, current, lo)
    this_year = Period(compared.year + 1) if compared.year else Period(offset=0)
    subject = _subject(text, figures, starts, (base, current), (this_year, year))
    return NamedChange(base, current, subject, words)


def _comparison(text: str, keyword: int) -> tuple[re.Match[str] | None, int]:
    """The comparison at keyword (比2023年预算执行数…), or the one a 相比 there closes
    (与2023年预算执行数相比), with where it begins."""
    m = _COMPARED.match(text, keyword)
    if m is None and text.startswith(_CLOSING_WORDS, keyword):
        m = _COMPARED_BEFORE.search(text, max(0, keyword - 24), keyword)
    return m, (m.start() if m is not None else keyword)


def _hard_break_before(text: str, pos: int, floor: int) -> int:
    """Just after the last line break before pos that is not a wrap inside a sentence,
    or floor if there is none after it."""
    nl = text.rfind("\n", floor, pos)
    while nl >= floor and is_soft_break(text, nl):
        nl = text.rfind("\n", floor, nl)
    return max(nl + 1, floor)


def _countable(f: Figure, kinds: tuple[str, str] | None) -> bool:
    if kinds is not None:
        return (f.unit, f.kind) == kinds
    return f.kind in ("amount", "count") and f.role == "current" and not f.qualifier


def _noun(said: str) -> str:
    return label_key(said.removesuffix("的"))


def _names(label: str, noun: str) -> bool:
    """Whether a figure's label is the name the comparison gives (预算执行数 for
    比2023年预算执行数); a comparison that names no figure (比上年) takes any."""
    if not noun:
        return True
    key = label_key(label)
    short, long = sorted((key, noun), key=len)
    return len(short) >= 2 and long.endswith(short)


def period_of(text: str, f: Figure, floor: int) -> Period | None:
    """The year the clause before a figure names it for (2023年当年预算执行数为 → 2023)."""
    found = list(YEAR_NAMED.finditer(text, clause_start(text, f.start, floor), f.start))
    if not found:
        return None
    m = found[-1]
    if m["year"]:
        return Period(int(m["year"]))
    return Period(offset=-1 if m["last"] else 0)


def _same_year(a: Period | None, b: Period | None, anchor: int | None) -> bool:
    """Whether two clauses name one year; 上年 is 2023 only beside a 2024 (anchor)."""
    if a is None or b is None:
        return False
    if (a.year is None) == (b.year is None):
        return a == b
    if anchor is None:
        return False
    return _resolved(a, anchor) == _resolved(b, anchor)


def _resolved(p: Period, anchor: int) -> int:
    return p.year if p.year is not None else anchor + (p.offset or 0)


def _followed(text: str, money: list[Figure], base: Figure, keyword: int) -> Figure | None:
    """The figure the comparison follows closely (「2024年预算安排B万元，比…」, or last
    year's own 「…执行数为A万元，比…」), or None."""
    last = money[-1] if money[-1].start > base.start else base
    gap = text[last.end : keyword]
    if len(gap) > _GAP or any(ch in gap for ch in _SENTENCE_END):
        return None
    return last


def _clause_words(text: str, f: Figure, floor: int) -> str:
    words = text[clause_start(text, f.start, floor) : f.start].strip()
    return words.removesuffix("为").removesuffix("是").strip()[-16:]


def _subject(
    text: str,
    figures: Sequence[Figure],
    starts: Sequence[int],
    pair: tuple[Figure, Figure | None],
    year: tuple[Period, int | None],
) -> Figure | None:
    """The amount the passage opens with, when it is the item the comparison speaks of:
    the nearest amount before last year's figure in the paragraph, of its unit, stated
    for no year or stage but this year's budget, no part of a breakdown, and the
    comparison's figures naming no item of their own."""
    base, current = pair
    lo = _hard_break_before(text, base.start, max(0, base.start - _PASSAGE_REACH))
    first = bisect.bisect_left(starts, lo)
    index = bisect.bisect_left(starts, base.start)
    like = (base.unit, base.kind)
    earlier = [n for n in range(first, index) if (figures[n].unit, figures[n].kind) == like]
    if not earlier:
        return None
    n = earlier[-1]
    f = figures[n]
    if f.role != "current" or f.qualifier or f.parent is not None:
        return None
    if any(g.parent == n for g in figures[n + 1 : index + 1]):
        return None  # a total whose parts follow: the comparison may be of a part
    if change_at(text, f.start, lo) is not None:
        return None
    own = period_of(text, f, lo)
    if own is not None and not _same_year(own, *year):
        return None  # 「2022年支出N万元」 is no amount of this year's
    if _STAGE.search(text, clause_start(text, f.start, lo), f.start):
        return None
    item = label_key(f.label)
    named = [g for g in (base, current) if g is not None]
    if not item or any(not _item_in(g.label, item) for g in named):
        return None
    return f


def _one_thing(a: str, b: str) -> bool:
    """Whether two figures' labels name one thing, measured at two stages (执行数 and
    预算安排 of one item; 基本支出执行数 and 基本支出预算安排)."""
    a, b = _MEASURE.sub("", label_key(a)), _MEASURE.sub("", label_key(b))
    return a == b or not a or not b


def _item_in(label: str, item: str) -> bool:
    """Whether a figure of the comparison names no item but the passage's: 预算安排
    names none; 基本支出预算 names 基本支出, which the item must then be."""
    own = _MEASURE.sub("", label_key(label))
    return not own or own in item
