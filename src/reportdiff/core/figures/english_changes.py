"""Stated changes in English sentences, read from the words before each figure.

    Fare revenue rose 9.4% to $12.8 million from $11.7 million in fiscal year 2023.
    Operating expenditure was $40.9 million, up $2.3 million or 6.0% from $38.6 million.

    Fare revenue rose from $11.7 million to $12.8 million, an increase of 9.4%.
    Average frequency improved from 15 to 12 minutes.

A movement word (rose, up, fell by …) opens a change and says its sign; the figure right
after it is the change (a percentage, or an amount in the unit of the figure it
changes), one after "or" the other form of it; "to" names this year's figure and
"from" last year's. A figure just before the movement ("$40.9 million, up …") is this
year's figure. A verb right before "from" (rose from, improved from) opens a change at
its start; a verb that gives no direction (improved) takes it from the two figures, and
"an increase of 9.4%" after them is the change. Labelling (figure_english) and the
checks (check_changes) both read changes this way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ..text.lazy_regex import lazy_compile

UP_WORDS = r"rose|risen|up|increased|grew|grown|climbed|gained|higher|increase|rise|growth"
DOWN_WORDS = r"fell|fallen|down|decreased|declined|dropped|lower|decrease|decline|fall|drop"
MOVE_BEFORE = lazy_compile(
    rf"\b(?:an?\s+)?(?P<word>{UP_WORDS}|{DOWN_WORDS})(?:\s+(?:by|of))?\s*$", re.IGNORECASE
)
_FIRST_LETTERS = "".join(sorted({w[0] for w in f"{UP_WORDS}|{DOWN_WORDS}".split("|")}))
# any change at all? The lookahead on a first letter keeps the scan of a Chinese report,
# where nothing matches, five times cheaper than trying every word at every character.
MOVE_WORD = lazy_compile(rf"\b(?=[{_FIRST_LETTERS}])(?:{UP_WORDS}|{DOWN_WORDS})\b", re.IGNORECASE)
_FROM_WORD = lazy_compile(r"\b[Ff]rom\b")


def may_state_changes(text: str) -> bool:
    """Whether text has a word that can open a stated change: a movement word, or the
    "from" of "improved from 15 to 12"."""
    return MOVE_WORD.search(text) is not None or _FROM_WORD.search(text) is not None


FROM_BEFORE = lazy_compile(r"\b(?:from|compared\s+(?:with|to))\s*$", re.IGNORECASE)
_TO_BEFORE = lazy_compile(r"\bto\s*$", re.IGNORECASE)
_MOVE_TO = lazy_compile(rf"\b(?P<word>{UP_WORDS}|{DOWN_WORDS})\s+to\s*$", re.IGNORECASE)
# "rose from $11.7 million", "improved from 15": a change told from its start, by a
# movement word or a verb of change that says no direction ("ranged from 15 to 20" and
# "received from 3 donors" tell no change)
_NO_DIRECTION = (
    r"improved|worsened|went|changed|moved|shifted|shortened|lengthened|widened|narrowed"
)
_MOVE_FROM = lazy_compile(  # an adverb may stand between: "grown slightly from 31%"
    rf"\b(?P<word>{UP_WORDS}|{DOWN_WORDS}|{_NO_DIRECTION})\s+(?:[a-z]+ly\s+)?from\s*$",
    re.IGNORECASE,
)
_IS_DOWN = lazy_compile(rf"^(?:{DOWN_WORDS})$", re.IGNORECASE)
# "up $2.3 million or 6.0%", "to 12 minutes, or 25%": the other form of the same change
_OR_BEFORE = lazy_compile(r"^\s*(?:[A-Za-z]+\s*)?,?\s*or\s*$|^\s*,?\s*and\s*$", re.IGNORECASE)
_IS_UP = lazy_compile(rf"^(?:{UP_WORDS})$", re.IGNORECASE)
# between this year's figure and the movement after it: "$40.9 million, up …",
# "1.95 million passengers, up …"
_RIGHT_BEFORE_MOVE = lazy_compile(r"^\s*(?:[A-Za-z\-]+(?:\s+[A-Za-z\-]+){0,2}\s*)?[,(]\s*$")
_SENTENCE_END = lazy_compile(r"[;\n]|\.(?=\s)")
_SKIPPED = ("year", "date")


class Placed(Protocol):
    """A figure read or extracted: read-only, as Reading and Figure both are."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def value(self) -> float: ...


class EnglishChange:
    """Indexes into the figures given; word is the movement as written."""

    __slots__ = ("base", "current", "delta", "move_at", "pct", "said", "sign", "word")

    def __init__(
        self,
        move_at: int,
        word: str,
        sign: int,
        current: int | None = None,
        base: int | None = None,
        delta: int | None = None,
        pct: int | None = None,
        said: str = "",
    ) -> None:
        self.move_at = move_at  # where the movement word stands
        self.word = word
        self.sign = sign
        self.current = current
        self.base = base
        self.delta = delta
        self.pct = pct
        self.said = said  # the words before the change figure, where they are not word's

    def members(self) -> list[int]:
        return [i for i in (self.current, self.base, self.delta, self.pct) if i is not None]


def parse_changes(text: str, figures: Sequence[Placed]) -> list[EnglishChange]:
    """Every stated change among figures (in text order), one sentence at a time."""
    out: list[EnglishChange] = []
    change: EnglishChange | None = None
    plain: int | None = None  # the last figure that is no part of a change
    prev_end = max(0, figures[0].start - 80) if figures else 0
    for i, f in enumerate(figures):
        gap = text[prev_end : f.start]
        if _SENTENCE_END.search(gap):
            change, plain = None, None
        prev_end = f.end
        if f.kind in _SKIPPED:
            continue  # "from $11.7 million in fiscal year 2023": the year names, not counts
        move = MOVE_BEFORE.search(gap)
        moved_to = _MOVE_TO.search(gap)
        moved_from = _MOVE_FROM.search(gap)
        if moved_from:  # "rose from $11.7 million to …": last year's figure first
            change = _open(text, figures, moved_from, gap, f.start, plain)
            change.base = i
            out.append(change)
        elif moved_to:  # "rose to 90% from 88%": this year's figure, then maybe the change
            change = _open(text, figures, moved_to, gap, f.start, None)
            change.current = i
            out.append(change)
        elif move and change and change.delta is None and change.pct is None:
            if not change.sign:  # "improved from 15 to 12 minutes, a decrease of 3"
                change.sign = _sign(move.group("word"))
            change.said = move.group(0).strip()  # quoted as written: "an increase of"
            _place_change(change, figures, i)  # "…, an increase of 2 percentage points"
        elif move:
            change = _open(text, figures, move, gap, f.start, plain)
            out.append(change)
            _place_change(change, figures, i)
        elif change and _OR_BEFORE.match(gap):
            _place_change(change, figures, i)
        elif change and _TO_BEFORE.search(gap) and change.current is None:
            change.current = i
        elif change and FROM_BEFORE.search(gap) and change.base is None:
            change.base = i
        else:
            change, plain = None, i
    for c in out:
        c.sign = c.sign or _direction(c, figures)
    return [c for c in out if c.sign and _consistent(c, figures)]


def _open(
    text: str, figures: Sequence[Placed], move: re.Match[str], gap: str, at: int, plain: int | None
) -> EnglishChange:
    word = move.group("word")
    move_at = at - len(gap) + move.start("word")
    change = EnglishChange(move_at, word, _sign(word))
    if plain is not None and _RIGHT_BEFORE_MOVE.match(text[figures[plain].end : move_at]):
        change.current = plain
    return change


def _sign(word: str) -> int:
    """+1 for rose, -1 for fell, 0 for a verb that does not say (improved, went)."""
    return 1 if _IS_UP.match(word) else -1 if _IS_DOWN.match(word) else 0


def _direction(change: EnglishChange, figures: Sequence[Placed]) -> int:
    """A change whose words give no direction takes it from its two ends (improved from
    15 to 12 minutes is down); with no two ends, or two equal ones, it tells no change."""
    if change.base is None or change.current is None:
        return 0
    before, after = figures[change.base].value, figures[change.current].value
    return (after > before) - (after < before)


def _place_change(change: EnglishChange, figures: Sequence[Placed], i: int) -> None:
    """A relative change (9.4%) is the rate; an amount or points (2 percentage points)
    the difference."""
    rate = figures[i].kind == "percent" and figures[i].unit != "百分点"
    if rate and change.pct is None:
        change.pct = i
    elif not rate and change.delta is None:
        change.delta = i


def _consistent(change: EnglishChange, figures: Sequence[Placed]) -> bool:
    """The figures of one change share a unit (a percentage change aside)."""
    units = {
        ("%" if figures[i].unit == "百分点" else figures[i].unit, figures[i].kind)
        for i in change.members()
        if i != change.pct
    }
    told = change.delta is not None or change.pct is not None
    ranged = change.base is not None and change.current is not None  # from 15 to 12
    return len(units) <= 1 and (told or ranged)


def comparative_before(gap: str) -> bool:
    """Whether the words before a figure make it a change or last year's figure, not a
    total whose parts may follow ("… from $38.6 million in 2023, of which …")."""
    return bool(MOVE_BEFORE.search(gap) or FROM_BEFORE.search(gap))
