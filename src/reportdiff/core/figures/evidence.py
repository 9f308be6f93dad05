"""Pairing a figure of OLD with one of NEW as a scored decision from named evidence.

A candidate pair is first checked for what makes two figures different quantities
whatever their labels say (`conflicts`): another role (a year's figure against a
total over five years, an average, a plan or last year's value), another period
(上半年 against 全年; a change a five-year review states against one year's), a stated
rise against a stated fall, a lower bound against an
upper one (五万元以上 / 五十万元以下); and two labels that differ only in a numeral
name two numbered items (第一产业 / 第二产业: `numbered_apart`). A pair with no conflict
is scored from its evidence, each piece between 0 and 1, by the weights below:

- label: how alike the two labels are (rapidfuzz ratio of their letters);
- slot: the figure stands in the same place of the same sentence, all else in the
  sentence equal but its numbers — a figure replaced in an otherwise unchanged
  sentence, the strongest evidence there is;
- context: the words right around the figure;
- section: the two sections were aligned with each other;
- position: the figure's place inside its section;
- value: the value did not change (a tie-breaker).

At CHANGED or above a pair is reported changed (or unchanged); from RELATED up to
CHANGED it is listed as possibly related, with its evidence, and the two figures stay
removed and added; below RELATED nothing. A pair under SURE is shown as uncertain.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

from ...model import Figure, FigureRole


class Evidence(NamedTuple):
    """How far two figures agree in each respect, from 0 to 1; ``WEIGHTS`` is the
    same record read as how much each respect counts."""

    label: float = 0.0
    slot: float = 0.0
    context: float = 0.0
    section: float = 0.0
    position: float = 0.0
    value: float = 0.0

    def score(self, w: Evidence | None = None) -> float:
        w = w or WEIGHTS
        return (
            w.label * self.label
            + w.slot * self.slot
            + w.context * self.context
            + w.section * self.section
            + w.position * self.position
            + w.value * self.value
        )

    def confidence(self) -> float:
        return round(min(1.0, self.score()), 3)

    def words(self) -> tuple[str, ...]:
        """The evidence as a reviewer reads it: "label 0.92", "same sentence slot" …"""
        out = [f"label {self.label:.2f}"]
        if self.slot:
            out.append("same sentence slot")
        out.append(f"context {self.context:.2f}")
        if self.section:
            out.append("aligned sections")
        if self.value:
            out.append("same value")
        return tuple(out)


# Roles that may pair with each other: a bound a rule sets reads like a level
_ROLE_CLASS: dict[FigureRole, str] = {"bound": "current"}

# the period a figure covers, when its clause says: 上半年 is not 全年
_PERIOD = re.compile(
    r"上半年|下半年|[一二三四1-4]季度|前三季度|全年|(?:\d{1,2}|[一二三四五六七八九十]{1,2})[-—至~～]"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})月"
    r"|(?i:\bfirst half|\bsecond half|\bquarter\b|\bfull year)"
)
_PERIOD_REACH = 16  # characters of the clause before a figure that may name its period
_CLAUSE = re.compile(r"[，,。；;：:\n]")
# how a figure moved, stated just before it: 高0.3个百分点 / 低0.5个百分点, 增长 / 下降
# (最高 and 至少 bound a figure, 不低于 too: none of them states a move)
_RISE_BEFORE = re.compile(
    r"(?:增长|增加|上升|提高|上涨|高出|(?<!不)高于|多出|超出|(?<![最至提])高|(?<![最至])多"
    r"|(?i:\brose|\bup|\bhigher|\bincreased?(?: by)?))\s*$"
)
_FALL_BEFORE = re.compile(
    r"(?:减少|下降|降低|回落|下滑|(?<!不)低于|(?<![最至降])低|(?<![最至减])少"
    r"|(?i:\bfell|\bdown|\blower|\bdecreased?(?: by)?))\s*$"
)
_MOVE_REACH = 8


# above 1.0 in all: an unchanged value breaks ties
WEIGHTS = Evidence(label=0.50, slot=0.25, context=0.10, section=0.10, position=0.05, value=0.05)
CHANGED = 0.45
RELATED = 0.30
SURE = 0.70


def period_of(text: str, f: Figure) -> str:
    """The period the clause before a figure names ("上半年", "全年"), or ""."""
    lo = max(0, f.start - _PERIOD_REACH)
    cut = max((m.end() for m in _CLAUSE.finditer(text, lo, f.start)), default=lo)
    found = _PERIOD.findall(text, cut, f.start)
    return found[-1] if found else ""


# a passage that opens on several years (过去五年，…; 五年来…; Over the past five years, …)
# speaks of them throughout: a change it states is the change over those years
_MULTI_YEAR_SCOPE = re.compile(
    r"过去[两三四五六七八九十]年|[两三四五六七八九十]年来|“十[一二三四五六]五”(?:期间|时期|以来)"
    r"|(?i:\bover the (?:past|last) (?:two|three|four|five|ten|\d+) years)"
)
_OPENING = 60  # characters of a paragraph that may set its scope
MULTI_YEAR = "多年"


def passage_period(text: str, pos: int) -> str:
    """MULTI_YEAR when the paragraph holding pos opens on several years, else ""."""
    start = text.rfind("\n", 0, pos) + 1
    return MULTI_YEAR if _MULTI_YEAR_SCOPE.search(text, start, min(pos, start + _OPENING)) else ""


def direction_of(text: str, f: Figure) -> str:
    """ "rise" or "fall" when the words right before a figure state how it moved."""
    before = text[max(0, f.start - _MOVE_REACH) : f.start]
    if _FALL_BEFORE.search(before):
        return "fall"
    if _RISE_BEFORE.search(before):
        return "rise"
    return ""


_NUMERALS = frozenset("〇零一二两三四五六七八九十")
# an article's number says where a figure stands, and a revision renumbers it (第二百一十八条
# → 第二百六十六条); a session's or an edition's advances with the year (第十三届…第五次会议
# → 第十四届…第一次会议): neither names the item the way 第一产业 / 第二产业 do
_PLACE_NUMBER = re.compile(r"[〇零一二两三四五六七八九十百千]+(?=[条章节款届次期])")


def numbered_apart(a: str, b: str) -> bool:
    """Two labels alike but where each has a numeral name two numbered items, not one
    item in two versions: 第一产业 / 第二产业, 一季度 / 二季度, 十三五 / 十四五."""
    if a == b or not (_NUMERALS.intersection(a) and _NUMERALS.intersection(b)):
        return False  # the common case: no numeral on one side at least
    a, b = _PLACE_NUMBER.sub("", a), _PLACE_NUMBER.sub("", b)
    if a == b:
        return False
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    apart = [(a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    return all(x and y and _NUMERALS.issuperset(x + y) for x, y in apart)


def conflicts(a: Figure, b: Figure, a_period: str, b_period: str, a_move: str, b_move: str) -> str:
    """Why two figures cannot be one figure in two versions, or "" when nothing says so."""
    if _ROLE_CLASS.get(a.role, a.role) != _ROLE_CLASS.get(b.role, b.role):
        return f"role {a.role} vs {b.role}"
    if a_period != b_period and ((a_period and b_period) or MULTI_YEAR in (a_period, b_period)):
        return f"period {a_period or 'one year'} vs {b_period or 'one year'}"
    if a_move and b_move and a_move != b_move:
        return f"stated {a_move} vs {b_move}"
    if {a.qualifier, b.qualifier} == {"at_least", "at_most"}:
        return "a lower bound vs an upper bound"  # 一人以上 is never 五十人以下
    return ""
