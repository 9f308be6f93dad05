"""A document's figures as the matcher sees them: label keys, contexts, sorts, the
item line a figure stands under, its period, its stated move and its sentence slot."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from ...model import Document, Figure
from ..text.lazy_regex import lazy_compile
from ..text.line_wraps import soft_break
from ..text.numbering import parse_numbering
from .english_changes import DOWN_WORDS as EN_DOWN
from .english_changes import UP_WORDS as EN_UP
from .evidence import direction_of, passage_period, period_of
from .label import FALL_WORDS, RISE_WORDS, label_key

_CONTEXT = 10  # characters either side of a figure that say what it is


class FigureSide:
    """One document's figures and, index for index, what matching reads of each; the
    item lines are looked up when first asked for."""

    __slots__ = (
        "contexts",
        "figures",
        "generic",
        "heads",
        "items",
        "keys",
        "moves",
        "order",
        "periods",
        "slots",
        "sorts",
        "text",
    )

    def __init__(
        self,
        figures: list[Figure],
        keys: list[str],
        heads: list[str],
        contexts: list[str],
        order: list[float],
        sorts: list[str],
        generic: list[bool],
        text: str,
        periods: list[str],
        moves: list[str],
        slots: list[str],
        items: dict[int, str] | None = None,
    ) -> None:
        self.figures = figures
        self.keys = keys  # label keys of the row part of a label
        self.heads = heads  # a table column's header ("实际完成值"), or ""
        self.contexts = contexts
        self.order = order  # relative position inside its section, 0..1
        self.sorts = sorts  # "rise" (增长5.2%), "fall" (减少212万元), "before" or "level" (占比60%)
        # whether a figure's label is generic (年初预算 once per 「1、…行政运行（项）」), so
        # that the item it stands under says what it is
        self.generic = generic
        self.text = text
        self.periods = periods  # 上半年, 全年 … where the clause names one
        self.moves = moves  # "rise" / "fall" where the words before the figure state one
        self.slots = slots  # the figure's sentence, numbers masked, the figure itself as #
        self.items: dict[int, str] = {} if items is None else items  # the item lines looked up

    def item(self, i: int) -> str:
        if i not in self.items:
            self.items[i] = _item_line(self.text, self.figures[i].start)
        return self.items[i]


def figure_side(doc: Document, figures: Sequence[Figure]) -> FigureSide:
    by_section: dict[str | None, list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        by_section[f.section].append(i)
    order = [0.0] * len(figures)
    for members in by_section.values():
        for rank, i in enumerate(members):
            order[i] = rank / max(1, len(members) - 1)
    keys = [label_key(f.label.split(" / ")[0]) for f in figures]
    sorts = [sort_of(f) for f in figures]
    return FigureSide(
        figures=list(figures),
        keys=keys,
        heads=[f.column for f in figures],
        contexts=[_context(doc.text, f) for f in figures],
        order=order,
        sorts=sorts,
        generic=_generic(figures, keys),
        text=doc.text,
        periods=[_period(doc.text, f, sort) for f, sort in zip(figures, sorts, strict=True)],
        moves=[direction_of(doc.text, f) for f in figures],
        slots=_slots(doc.text, figures),
    )


# a label that counts what was added (城镇新增就业, 新建学校) counts over its period
_FLOW = lazy_compile(r"新增|新建|新开工|新登记")


def _period(text: str, f: Figure, sort: str) -> str:
    """The period the figure's clause names; else, for a stated change or an addition,
    the passage's (a review of five years states five years' changes: 农村贫困人口减少1亿多)."""
    moving = sort.split(" ")[0] in ("rise", "fall", "change") or _FLOW.search(f.label)
    return period_of(text, f) or (passage_period(text, f.start) if moving else "")


_SCOPE_REACH = 1500  # characters back to the numbered line a figure stands under
_SCOPE_CHARS = 80
# a label given to this many figures of one kind is a measure of several items (年初预算
# under each 「1、…（项）」), not an item; two may be a result and its target
_GENERIC_REPEATS = 3
_SENTENCE_END = lazy_compile(r"[。：:；;]")
_NOT_NAME = lazy_compile(r"[\s\d.,，．%％]+")  # figures in an item line change every year
# an item of a list too long for heading numbers (1035. …): still the item a figure is of
_LONG_LIST_ITEM = lazy_compile(r"\d{4,6}[.．、]\s*")
# rapidfuzz ratio of two item lines of words alone that are one item: a word renamed in
# a long article (股东大会 → 股东会), not another project of a list (东西南道路改造项目 /
# 湖江桥道路改造项目)
_SAME_LINE = 95
_BRACKETED = lazy_compile(r"[（(][^）)]{0,6}[）)]")  # （类） （款） （项）


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
        long_list = _LONG_LIST_ITEM.match(line)
        label_end = numbering.end if numbering else long_list.end() if long_list else None
        if label_end is not None:  # its words to the sentence's end, over line wraps
            at = end - len(line) + label_end
            stop = _line_end(text, at, min(pos, at + _SCOPE_CHARS))
            words = _SENTENCE_END.split(text[at:stop], maxsplit=1)[0]
            return _NOT_NAME.sub("", words)
        end = start - 1
    return ""


# a label ends in how its figure moved: the change words, the words for a rate of
# change (增速, 降幅) and the English ones (a whole word: "Backup" is not "up")
_UP = "|".join((*RISE_WORDS, "上涨", "增速", "增幅", "涨幅", rf"\b(?:{EN_UP})"))
_DOWN = "|".join((*FALL_WORDS, "回落", "压减", "压缩", "降幅", rf"\b(?:{EN_DOWN})"))
_MOVES = lazy_compile(rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN})|\bchange)$", re.IGNORECASE)


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


_AVERAGE = lazy_compile(r"年均|平均|(?i:\baverage\b)")  # 年均增长10.6%: five years' average


def same_sort(a: str, b: str) -> bool:
    """增加56.95万元 and 减少1062.85万元 are no before and after of one figure, and a
    year's figure is not an average over years (年均增长5.1%, 平均为5.1%)."""
    (a, _, a_avg), (b, _, b_avg) = a.partition(" "), b.partition(" ")
    return a_avg == b_avg and (a == b or {a, b} in ({"change", "rise"}, {"change", "fall"}))


_MASK_DIGITS = str.maketrans("123456789", "000000000")


def _context(text: str, f: Figure) -> str:
    """The words around a figure, its own digits masked: 「基本支出#，其中」."""
    around = text[max(0, f.start - _CONTEXT) : f.start] + "#" + text[f.end : f.end + _CONTEXT]
    return around.translate(_MASK_DIGITS)


def _line_end(text: str, at: int, limit: int) -> int:
    """Where a numbered line's words end: at its line's end, unless the line was
    wrapped mid-sentence (「一、2015年工作回顾」 is the whole item, not the paragraph
    that follows it)."""
    nl = text.find("\n", at, limit)
    while nl >= 0:
        wrapped_to = soft_break(text, nl)
        if wrapped_to is None:
            return nl
        nl = text.find("\n", max(wrapped_to, nl + 1), limit)
    return limit


def same_item(old: FigureSide, new: FigureSide, i: int, j: int) -> bool:
    """A generic label (年初预算, 支出决算) pairs only under the same item."""
    if not (old.generic[i] or new.generic[j]):
        return True
    a, b = old.item(i), new.item(j)
    if a == b:
        return True
    # 行政单位离退休（项） and 事业单位离退休（项） differ by two characters and are two
    # items: the last name must be the same, the line before it nearly so
    if len(_names(a)) > 1 or len(_names(b)) > 1:
        return _last_name(a) == _last_name(b) and fuzz.ratio(a, b) >= 80
    # a line of words alone (a statute's article: 召开股东大会会议… / 召开股东会会议…) is
    # the same item when it is all but the same
    return fuzz.ratio(a, b, score_cutoff=_SAME_LINE) >= _SAME_LINE


def _names(item: str) -> list[str]:
    return [n for n in _BRACKETED.split(item) if n]


def _last_name(item: str) -> str:
    names = _names(item)
    return names[-1] if names else item


def within(a: str, b: str) -> bool:
    """One label holds the other: 在职人员 / 实有在职人员 name one thing."""
    return bool(a) and bool(b) and (a in b or b in a)


# the parts statistics split a whole into: 城镇居民 and 农村居民 are not 居民, nor 规模以上
# 工业 all 工业, nor 地方 revenue the nation's
_PARTITIONS = ("城镇", "农村", "城市", "乡村", "规模以上", "规上", "地方", "中央")


def partition_apart(a: str, b: str) -> bool:
    """The two labels start with different parts of a whole (or one with none)."""
    return _partition(a) != _partition(b)


def _partition(key: str) -> str:
    return next((p for p in _PARTITIONS if key.startswith(p)), "")


_EN_WORD = lazy_compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_EN_STOP = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or",
    "but", "as", "is", "are", "was", "were", "be", "been", "have", "has", "had", "this", "that",
    "these", "those", "who", "which", "what", "when", "year", "years", "last", "next", "its",
    "their", "our", "your", "they", "we", "it", "not", "than", "more", "less", "most", "least",
    "over", "under", "about", "some", "all", "any", "each",
})  # fmt: skip
WORDS_WITHIN = 0.8  # the label agreement a shorter English name of the same thing is worth


def words_within(a: str, b: str) -> float:
    """WORDS_WITHIN when every word of one English label is a word of the other, stems
    compared (responses / people who responded, full-time / using it at work full-time);
    else 0. Function words do not count."""
    x, y = _content_stems(a), _content_stems(b)
    if not x or not y:
        return 0.0
    return WORDS_WITHIN if x <= y or y <= x else 0.0


def _content_stems(label: str) -> frozenset[str]:
    """Every word but the function words, each by its first four letters (responded /
    responses); a short word counts whole (users did not is not users)."""
    words = (w.lower() for w in _EN_WORD.findall(label))
    return frozenset(w if "-" in w else w[:4] for w in words if w not in _EN_STOP)


_LINKING = str.maketrans("", "", "的在中占之其")  # 在…中的 / 占: how a share is put
_REWORDED_MIN = 6  # characters a reworded label keeps, linking words aside
REWORDED = 0.8  # the label agreement a rewording is worth: a rate's own bar


def reworded(a: str, b: str) -> float:
    """REWORDED when one label is the other reworded: the same subject first and the same
    measure last, the shorter one's characters all in the longer one in order
    (服务业在国内生产总值中的比重 / 服务业增加值占国内生产总值比重); else 0. A scope put
    before the subject (规模以上工业增加值 / 工业增加值) is another subject."""
    a, b = a.translate(_LINKING), b.translate(_LINKING)
    short, long_ = sorted((a, b), key=len)
    if len(short) < _REWORDED_MIN or short[:2] != long_[:2] or short[-2:] != long_[-2:]:
        return 0.0
    rest = iter(long_)
    return REWORDED if all(ch in rest for ch in short) else 0.0


_SLOT_SIDE = 120  # characters of the sentence either side of a figure kept for its slot
_SLOT_END = lazy_compile(r"[。；;！？!?\n]")
_DIGIT_RUN = lazy_compile(r"\d+")


def _slots(text: str, figures: Sequence[Figure]) -> list[str]:
    """「0. 某某项目，总投资#万元，年度计划00.00万元。」: the sentence each figure stands
    in, every number masked and the figure itself as #; equal slots are one place of one
    sentence in two versions. (The sentence ends are found once, each figure's by
    bisection: hundreds of figures each searched the text for every end mark.)"""
    ends = [m.start() for m in _SLOT_END.finditer(text)]
    return [_slot(text, f, ends) for f in figures]


def _slot(text: str, f: Figure, ends: list[int]) -> str:
    """The slot of one figure, ``ends`` the offsets of every sentence end of ``text``:
    its sentence, cut at most _SLOT_SIDE characters either side of it."""
    lo = max(0, f.start - _SLOT_SIDE)
    before = bisect.bisect_left(ends, f.start) - 1  # the last end before the figure
    if before >= 0 and ends[before] >= lo:
        lo = ends[before] + 1
    hi = min(len(text), f.end + _SLOT_SIDE)
    after = bisect.bisect_left(ends, f.end)  # the first end from the figure's end on
    if after < len(ends) and ends[after] < hi:
        hi = ends[after]
    # "#" is no digit, so one pass masks both sides alike
    return _DIGIT_RUN.sub("0", text[lo : f.start] + "#" + text[f.end : hi])


def slot_agreement(old: FigureSide, new: FigureSide, i: int, j: int) -> float:
    """1.0 for the same slot of the same sentence, numbers aside; else 0. (A near match
    is no slot: two lines of a list differ only in the name that says which is which.)"""
    return float(old.slots[i] == new.slots[j])
