"""Totals and their parts: 「基本支出…，其中：工资福利支出…，包含：基本工资…」.

A trigger (其中 / 包含 / 包括 / 分别为) opens a list of parts under the figure before
it; a 包含 list ends at the next ；, a 其中 list at the end of the sentence or where a
stated change begins (相比2022年…). A total after its parts (…，共42个) takes the
figures of its sentence that have no parent yet. Lists run across lines that end in
：or ；, as budget reports write them, but never across a line without a figure, and
across lines a PDF wrapped mid-sentence (core/text/line_wraps.py).

Where a list ends is the clause structure's call, and a list that may have ended takes
no more parts, for summed parts are an accusation's evidence: a list whose parts add
up to its total is complete, and no later figure is its part; past a clause break, a
figure more than the whole or one that names a whole of its own (…总产量, 合计) is
no part; and past a ；within a line, neither is one more than the parts leave of the
total (「油料作物产量14.5万吨，其中：油菜籽产量11.1万吨；蔬菜及食用菌总产量49.9万吨」).

A parenthesis is an aside: the figures in it never join a list opened outside it.
Right after a part (「其中地上8013平方米（计容7998平方米，不计容105平方米），地下…」)
it breaks that part down: its figures are the part's own parts, not its siblings.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..text.line_wraps import soft_break
from .english_changes import comparative_before
from .label import CHANGE_RE, LIST_RE
from .parse import Reading

_EVENT_RE = re.compile(  # the lookahead lets the scan skip most characters quickly
    r"(?=[其包分；;。！？!?.相同比较与合共总累，,\no（()）])"
    r"(?:(?P<whole>其中|of which)|(?P<part>包含|包括|分别为|分别是)|(?P<semi>[；;])"
    r"|(?P<stop>[。！？!?]|\.(?=\s))"
    rf"|(?P<change>{CHANGE_RE.pattern})"
    r"|(?P<sum>(?:合计|共计|总计|累计|总共|共)\s?(?=[\d一二两三四五六七八九十]))"
    r"|(?P<aside>[，,]\s?(?:已|并|同时|另外|此外|还|目前|但|其余))"
    r"|(?P<open>[（(])|(?P<close>[）)])"
    r"|(?P<nl>\n))"
)
SUMMABLE = ("amount", "count")
# A clause naming a whole of its own: 总 with what it totals (总产量, 总额, 总预算), not
# 总 in a name (总部经济, 总工会, 总队, 总医院), and 合计, 共计.
_WHOLE_NAMED_RE = re.compile(
    r"总(?:产量|产值|收入|支出|预算|投资|资产|面积|人口|规模|金额|费用|成本|量|额|数|计)|合计|共计"
)


class _List:
    __slots__ = ("closes_on_semi", "parent", "parts", "semi_at")

    def __init__(
        self, parent: int, closes_on_semi: bool, parts: list[int] | None = None, semi_at: int = -1
    ) -> None:
        self.parent = parent
        self.closes_on_semi = closes_on_semi
        self.parts: list[int] = [] if parts is None else parts
        self.semi_at = semi_at  # a ；within a line that the list ran on over, before its next part

    def summed(self, readings: list[Reading]) -> float:
        return sum(readings[i].value for i in self.parts)

    def complete(self, readings: list[Reading]) -> bool:
        """Its parts add up to its total."""
        total = readings[self.parent]
        return bool(self.parts) and abs(self.summed(readings) - total.value) < 0.006 * total.scale

    def overflows(self, readings: list[Reading], r: Reading) -> bool:
        """r would take the parts past the total by more than the rounding of them all."""
        total = readings[self.parent]
        slack = 0.5 * total.scale * (len(self.parts) + 2)
        return self.summed(readings) + r.value > total.value + slack


class _Aside(NamedTuple):
    """An open parenthesis: the lists open before it, and the figure before it."""

    lists: int  # how many lists were open outside it
    last: int | None
    sentence: int  # figures of the sentence before it


def link_parts(text: str, readings: list[Reading], breaks: set[int]) -> list[int | None]:
    """parent index (into readings) of each reading, or None.

    ``breaks`` are offsets (line starts of headings, table edges) where no list runs on.
    """
    parents: list[int | None] = [None] * len(readings)
    events = _events(text, readings, breaks)
    state = _State(text, parents, readings)
    for pos, kind, idx in events:
        state.feed(pos, kind, idx)
    return parents


def _events(text: str, readings: list[Reading], breaks: set[int]) -> list[tuple[int, str, int]]:
    events = [(r.start, "fig", i) for i, r in enumerate(readings)]
    starts = [r.start for r in readings]
    lo = readings[0].start if readings else 0
    hi = readings[-1].end if readings else 0
    for m in _EVENT_RE.finditer(text, max(0, lo - 400), hi + 1):
        kind = m.lastgroup or ""
        if kind == "nl" and not _continues(text, m.start(), m.end(), breaks, starts):
            kind = "stop"
        if kind != "nl":
            events.append((m.start(), kind, -1))
    events.extend((b, "stop", -1) for b in breaks if lo <= b <= hi)
    events.sort(key=lambda e: (e[0], e[1] != "stop"))
    return events


def _continues(text: str, nl: int, nxt: int, breaks: set[int], starts: list[int]) -> bool:
    """A list runs on over a line break after ：/；/， onto a line with a figure, and
    over a soft break (a sentence wrapped at the page width) onto a line that is not
    a heading."""
    wrapped_to = soft_break(text, nl)
    if wrapped_to is not None:
        return wrapped_to not in breaks
    before = text[max(0, nl - 8) : nl].rstrip(" \t\u3000")
    if not before or before[-1] not in "：:；;，,、" or nxt in breaks:
        return False
    line_end = text.find("\n", nxt)
    line_end = len(text) if line_end < 0 else line_end
    i = bisect.bisect_left(starts, nxt)
    return i < len(starts) and starts[i] < line_end


class _State:
    def __init__(self, text: str, parents: list[int | None], readings: list[Reading]) -> None:
        self.text = text
        self.parents = parents
        self.readings = readings
        self.lists: list[_List] = []
        self.sentence: list[int] = []  # figures since the sentence began
        self.last: int | None = None  # the last summable figure
        self.stop_at = -10  # where the last sentence ended: 「…678万元。其中：」
        self.in_change = False
        self.pending_sum = False
        self.asides: list[_Aside] = []

    def feed(self, pos: int, kind: str, idx: int) -> None:
        if kind == "fig":
            self._figure(idx)
        elif kind in ("whole", "part") and self.text[pos - 1 : pos] not in ("（", "("):
            # 「65台终端（包含1台…）」 describes what a thing holds, not a breakdown
            self._open(pos, inner=kind == "part" or bool(self.lists))
        elif kind == "semi":
            floor = self.asides[-1].lists + 1 if self.asides else 0  # not out of an aside
            while len(self.lists) > floor and self.lists[-1].closes_on_semi:
                self.lists.pop()
            if len(self.lists) > floor and self._list_ends_at(pos, self.lists[-1]):
                self.lists.pop()
            elif len(self.lists) > floor and not self._at_line_end(pos):
                self.lists[-1].semi_at = pos  # runs on only if the next clause can be a part
            self.in_change = False
        elif kind in ("change", "aside"):
            self.lists.clear()
            self.in_change = kind == "change"
        elif kind == "sum":
            self.pending_sum = not self.in_change
        elif kind == "open":
            self._open_aside(pos)
        elif kind == "close":
            self._close_aside()
        elif kind == "stop":
            if self.sentence:  # only a sentence with figures lends its last to 「。其中」
                self.stop_at = pos
            self.lists.clear()
            self.asides.clear()
            self.sentence = []
            self.in_change = False

    def _open_aside(self, pos: int) -> None:
        """A parenthesis right after a part, or opening with 其中 right after any
        figure, opens that figure's own list; any other one holds its figures out of
        the lists open around it."""
        self.asides.append(_Aside(len(self.lists), self.last, len(self.sentence)))
        owner = -1  # no total to join
        last = self.last
        right_after = last is not None and not self.text[self.readings[last].end : pos].strip()
        if last is not None and right_after:  # a part, or any figure 「（其中…」 breaks down
            owner = (
                last
                if self.parents[last] is not None or self.text.startswith("其中", pos + 1)
                else -1
            )
        self.lists.append(_List(owner, closes_on_semi=False))

    def _close_aside(self) -> None:
        if not self.asides:
            return  # a parenthesis closed that opened before the sentence
        aside = self.asides.pop()
        del self.lists[aside.lists :]
        del self.sentence[aside.sentence :]  # 「…，共…」 does not sum the aside's figures
        self.last = aside.last

    def _at_line_end(self, pos: int) -> bool:
        rest = self.text[pos + 1 : pos + 80]
        return not rest.strip(" \t\u3000") or rest.lstrip(" \t\u3000").startswith("\n")

    def _list_ends_at(self, pos: int, open_list: _List) -> bool:
        """A 其中 list runs over ；at a line end (one part per line); within a line it
        ends once its parts add up, or where the next clause opens a list of its own
        (「核定编制86名，其中…；实有在职人员79人，其中…」)."""
        if self._at_line_end(pos):
            return False
        if open_list.complete(self.readings):
            return True
        clause = re.split(r"[；;。]", self.text[pos + 1 : pos + 80], maxsplit=1)[0]
        return bool(LIST_RE.search(clause))

    def _open(self, pos: int, *, inner: bool) -> None:
        if self.last is None or self.in_change:
            return
        if not self.sentence and pos - self.stop_at > 2:
            return  # the figure before belongs to another sentence
        self.lists.append(_List(self.last, closes_on_semi=inner))

    def _figure(self, idx: int) -> None:
        r = self.readings[idx]
        if r.kind not in SUMMABLE or r.bare:
            return
        if self.pending_sum:
            self.pending_sum = False
            self._close_sum(idx)
        elif self.lists and not self.in_change:
            self._join(idx, r)
        if not self.in_change and not self._comparative(r):
            self.sentence.append(idx)
            self.last = idx

    def _join(self, idx: int, r: Reading) -> None:
        """r joins the innermost open list it can be a part of; lists it shows ended
        (complete, or left at a ；by a clause that cannot be a part) close first."""
        floor = self.asides[-1].lists if self.asides else 0  # not out of an aside
        while len(self.lists) > floor and self.lists[-1].parent >= 0:
            open_list = self.lists[-1]
            total = self.readings[open_list.parent]
            if total.unit != r.unit or total.kind != r.kind:
                return
            if open_list.complete(self.readings) or self._ended_before(open_list, r):
                self.lists.pop()
                continue
            self.parents[idx] = open_list.parent
            open_list.parts.append(idx)
            open_list.semi_at = -1
            return

    def _ended_before(self, open_list: _List, r: Reading) -> bool:
        """The clause r opens cannot be the list's next part: it names a whole of its
        own, it is more than the whole, or, past a ；within a line, more than is left."""
        if not open_list.parts:
            return False
        gap = self.text[self.readings[open_list.parts[-1]].end : r.start]
        cut = max(gap.rfind(mark) for mark in "，,；;、")
        if cut < 0:
            return False
        if _WHOLE_NAMED_RE.search(gap[cut + 1 :]):
            return True
        if open_list.semi_at >= 0:
            return open_list.overflows(self.readings, r)
        total = self.readings[open_list.parent]
        return r.value > total.value + 0.5 * total.scale

    def _comparative(self, r: Reading) -> bool:
        """「… up $2.3 million from $38.6 million in 2023, of which …」: the parts that
        follow belong to this year's figure, not to the change or last year's."""
        gap = self.text[max(0, r.start - 24) : r.start]
        return gap.isascii() and comparative_before(gap)

    def _close_sum(self, total: int) -> None:
        unit = self.readings[total].unit
        parts = [i for i in self.sentence if self.parents[i] is None]
        parts = [i for i in parts if self.readings[i].unit == unit]
        if len(parts) >= 2:  # 「每个点位550元/月，87个点位共计574200元」 is a product
            for i in parts:
                self.parents[i] = total
        self.sentence = []
