"""Dates across two reports: which moved by more than the report year.

In a year-over-year pair every date of the yearly cycle moves by the year shift
(截至2023年12月31日 → 截至2024年12月31日); that is no news. A reviewer wants the
others: a deadline that moved (2023年9月30日 → 2024年10月15日 is +15天 once the
year is removed), an event on other days (6月17日至20日 → 6月24日至27日), a date
added or dropped.

A matched date is unchanged when it moved by exactly the year shift or not at all:
an unmoved date is either a fixed historical one (2021年6月到期) or last year's
date left standing, and the latter is what the stale check (core/reuse/stale_flags.py)
flags from the year it names. Bare years (2023年, 2023年度) are never compared;
a year with 底/末/初 (力争2025年底前) is a point in time and counts as a date. A date
that moved pairs only within a sentence otherwise the same: this year's events told
in last year's words are new dates, not moved ones (see same_event).

A date change's delta is in days: NEW minus OLD after removing the year shift (or
not removing it, whichever is nearer), a missing day or month counted as the 1st;
None when the two dates share no part to compare (2025年底 against 6月).
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from ...model import Document, Figure, NumberChange
from ..reuse.stale import report_year
from ..text.lazy_regex import lazy_compile
from ..text.sentences import split_sentences
from .label import CLAUSE_BREAK
from .written_dates import Ymd, date_parts, ymd

_RANGE_GAP = lazy_compile(r"\s?(?:至|到|~|～|-|－|—|–)\s?")
_YEAR_POINT = lazy_compile(r"\s?[底末初]")  # 2025年底: a point in time, not a bare year
_LABEL_SIDE = 10  # characters of the clause either side of a date that name it
_SENTENCE_SIDE = 60  # characters either side of a date that its sentence is read from
_SAME_SENTENCE = 85  # rapidfuzz ratio of two sentences, digits aside, that are one sentence
_DIGITS = lazy_compile(r"\d+")
_REFERENCE_YEAR = 2000  # a leap year: a month and day without a year are placed in it
_DAYS = {3: (1, "天"), 2: (30.44, "个月"), 1: (365.25, "年")}  # precision → display unit


def year_shift(
    old_doc: Document,
    old: Sequence[Figure],
    new_doc: Document,
    new: Sequence[Figure],
    matches: Sequence[tuple[int, int]],
) -> int:
    """How many years NEW runs ahead of OLD: the most common difference of the years
    and dated figures matched by their context (截至2023年末 / 截至2024年末), the
    titles' years (2023年度…报告) counting as one more and winning a tie; failing
    all of these, the most cited years', else 0. The figures come first: a title
    does not always name the year, and the year cited most is not always the
    report's own (a government work report reviews the year before).

    old and new are the dated figures (see dated_figures); matches pair them."""
    votes = Counter(_year(new[j]) - _year(old[i]) for i, j in matches)
    titled = report_year(old_doc.title, ""), report_year(new_doc.title, "")
    by_title = titled[1] - titled[0] if titled[0] and titled[1] else None
    if by_title is not None:
        votes[by_title] += 1
    if votes:  # a tie goes to the titles
        return max(votes, key=lambda k: (votes[k], k == by_title))
    old_year = report_year(old_doc.title, old_doc.text)
    new_year = report_year(new_doc.title, new_doc.text)
    return new_year - old_year if old_year and new_year else 0


def dated_figures(figures: Sequence[Figure]) -> list[Figure]:
    """Years and full dates: the figures that tell how far apart two reports are."""
    return [f for f in figures if f.kind == "year" or (f.kind == "date" and f.value >= 10000)]


def _year(f: Figure) -> int:
    return round(f.value) if f.kind == "year" else round(f.value) // 10000


def date_figures(text: str, figures: Sequence[Figure]) -> list[Figure]:
    """The dates among a document's figures, as compared: a range (6月17日至20日) is one
    date, a year point (2025年底) is a date. A date keeps the label a table gave it
    (its row's header); elsewhere its clause names it."""
    out: list[Figure] = []
    for f in figures:
        if f.kind == "year":
            point = _YEAR_POINT.match(text, f.end)
            if point is None:
                continue
            # (its text is set with its date parts below)
            f = f._replace(end=point.end(), value=f.value * 10000, kind="date", unit="date")
        elif f.kind != "date":
            continue
        elif out and _RANGE_GAP.fullmatch(text, out[-1].end, f.start):
            f = out.pop()._replace(end=f.end)  # a range: its start's value
        written = text[f.start : f.end]
        out.append(f._replace(text=written, date=date_parts(written)))
    return [f if f.label else f._replace(label=_label(text, f.start, f.end)) for f in out]


def _label(text: str, start: int, end: int) -> str:
    """「工程于…开工」: the words of the clause around a date, which say what it dates.
    A date that is a clause of its own (2024年6月，经…) takes the next clause's start."""
    lo = start
    while lo > max(0, start - _LABEL_SIDE) and text[lo - 1] not in CLAUSE_BREAK:
        lo -= 1
    hi = end
    if hi < len(text) and text[hi] in "，," and not text[lo:start].strip():
        hi += 1
        while hi < len(text) and text[hi] in '“「《"':
            hi += 1
    while hi < min(len(text), end + _LABEL_SIDE) and text[hi] not in CLAUSE_BREAK:
        hi += 1
    before, after = text[lo:start].strip(), text[end:hi].strip()
    return f"{before}…{after}" if before or after else ""


def for_matching(f: Figure, shift: int) -> Figure:
    """OLD's date as it would read a year on, so that matching prefers the date that
    moved with the report (its same-value bonus) over a neighbour."""
    if f.kind != "date" or f.value < 10000 or not shift:
        return f
    return f._replace(value=f.value + shift * 10000)


def ymd_span(f: Figure) -> tuple[Ymd, Ymd | None]:
    """A date figure's first day and, for a range, its last: (y, m, d), 0 where unsaid."""
    parts = f.date if f.date is not None else date_parts(f.text)
    last = parts.last if parts is not None else None
    return ymd(parts), (ymd(last) if last is not None else None)


def same_event(old_text: str, a: Figure, new_text: str, b: Figure, shift: int) -> bool:
    """Whether two matched dates date the same thing. Dates that did not move do; a date
    that moved does when its sentence is otherwise the same (digits aside): reports
    tell each year's events in one formula (5月25日成功侦破…案 / 8月3日成功侦破…案), and
    a new event on another day is one date removed and one added, not a date moved."""
    if date_change(a, b, shift, "").status == "unchanged":
        return True
    return fuzz.ratio(_sentence(old_text, a), _sentence(new_text, b)) >= _SAME_SENTENCE


def _sentence(text: str, f: Figure) -> str:
    """The sentence a figure stands in, the figure as # and every number as 0."""
    lo = hi = pos = max(0, f.start - _SENTENCE_SIDE)
    for s in split_sentences(text[lo : f.end + _SENTENCE_SIDE]):
        if pos + len(s) <= f.start:
            lo = pos + len(s)  # a sentence before the figure's
        elif pos < f.end:
            hi = pos + len(s)  # the figure's own, or the next a range runs into
        pos += len(s)
    return _DIGITS.sub("0", text[lo : f.start]) + "#" + _DIGITS.sub("0", text[f.end : hi])


def date_change(a: Figure, b: Figure, shift: int, label: str) -> NumberChange:
    """Two matched dates: unchanged, or changed with the days it moved (see above)."""
    (a0, a1), (b0, b1) = ymd_span(a), ymd_span(b)
    moved, delta = _moved(a0, b0, shift)
    if a1 is not None and b1 is not None:
        end_moved, end_delta = _moved(a1, b1, shift)
    else:
        end_moved, end_delta = (a1 is None) != (b1 is None), None
    if not moved and not end_moved:
        return NumberChange(label, a.section, b.section, a, b, "unchanged", 0.0, None)
    delta = delta if moved else end_delta
    days = float(delta) if delta is not None else None
    return NumberChange(label, a.section, b.section, a, b, "changed", days, None)


def _moved(a: Ymd, b: Ymd, shift: int) -> tuple[bool, int | None]:
    """Whether b differs from a, a as written or a moved by the shift, in the parts
    both state; and by how many days from the nearer of the two."""
    common = [i for i in range(3) if a[i] and b[i]]
    if not common:
        return a != b, None
    years = {a[0], a[0] + shift} if 0 in common else {0}
    starts = [(y, a[1], a[2]) for y in years]
    if any(all(s[i] == b[i] for i in common) for s in starts):
        return False, 0
    end = _ordinal(b, common)
    return True, min((end - _ordinal(s, common) for s in starts), key=abs)


def _ordinal(ymd: Ymd, common: list[int]) -> int:
    y = ymd[0] if 0 in common else _REFERENCE_YEAR
    m = ymd[1] if 1 in common else 1
    d = ymd[2] if 2 in common else 1
    d = min(d, calendar.monthrange(y, m)[1])  # 2月30日 is the month's last day
    return datetime.date(y, m, d).toordinal()


def date_delta_text(n: NumberChange) -> str:
    """A date change as a reader counts it, in the finest part that differs: +15天
    (9月30日 → 10月15日), +2个月 (2023年3月 → 2024年5月), +1年 (2025年底 → 2027年底)."""
    if n.delta is None or n.old is None or n.new is None or not n.delta:
        return ""
    a, b = ymd_span(n.old)[0], ymd_span(n.new)[0]
    if a[2] and b[2] and a[1:] != b[1:]:
        precision = 3  # 9月30日 → 10月15日: days
    else:
        precision = 2 if a[1] and b[1] and a[1] != b[1] else 1
    per, unit = _DAYS[precision]
    amount = round(n.delta / per)
    return f"{amount:+d}{unit}" if amount else f"{round(n.delta):+d}天"
