"""Read the numbers in a stretch of text: value, unit, kind and qualifier.

The grammar of an Arabic figure is the one the narrative diff uses (core/text/tokens.py),
so a figure is one diff token and one Reading alike. On top of it this module knows
dates, Chinese numerals that count (两名, 三万份) and "$ … million"; the words that
bound or approximate a figure (近, 余, 以上, ≥) are read in bounds.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...model import FigureKind
from ..text.line_wraps import soft_break
from ..text.numbering import chinese_value
from ..text.tokens import (
    APPROX_PATTERN,
    CURRENCY_PATTERN,
    MAGNITUDE_PATTERN,
    NUMBER_PATTERN,
    UNIT_PATTERN,
)
from .bounds import bound_of
from .groups import space_groups

_FIGURE = (
    rf"(?P<cur>{CURRENCY_PATTERN})?(?P<num>{NUMBER_PATTERN})"
    rf"(?P<sp>[ \u00a0\u3000]?)(?:(?P<approx0>{APPROX_PATTERN})(?={MAGNITUDE_PATTERN}))?"
    rf"(?P<mag>{MAGNITUDE_PATTERN})?"
    rf"(?P<approx>{APPROX_PATTERN})?(?P<unit>{UNIT_PATTERN})?"
)
FIGURE_PARTS = re.compile(_FIGURE)
_MONTH, _DAY = r"1[0-2]|0?[1-9]", r"3[01]|[12]\d|0?[1-9]"
# A date has a year or a day: 2023年9月, 9月20日, 2023年9月20日 (5月 alone is a figure).
_DATE = (
    rf"(?P<y>(?:19|20)\d\d)\s?年\s?(?P<m>{_MONTH})\s?月(?:\s?(?P<d>{_DAY})\s?[日号])?"
    rf"|(?P<m2>{_MONTH})\s?月\s?(?P<d2>{_DAY})\s?[日号]"
)
_CN_COUNTERS = "名个人台套项份辆架支次起家条张座艘"
# A Chinese numeral counts when a counter follows it (两名) or it holds a magnitude
# (一千); the lookahead keeps the scan from stopping at every 一 of 统一 or 一般.
_CN = (
    # 第二十次 is an ordinal: neither 二 nor the 十 after it starts a count
    rf"(?<![第零一二两三四五六七八九十百千万亿])(?![零一二两三四五六七八九十百千万亿]+周?年)"
    rf"(?=[一二两三四五六七八九十][零一二两三四五六七八九十百千万亿]*[百千万亿元{_CN_COUNTERS}])"
    rf"(?P<cnnum>[一二两三四五六七八九十][零一二两三四五六七八九十百千万亿]*)"
    rf"(?P<cnunit>[元{_CN_COUNTERS}]?)"
)
# 建军一百年 above is an anniversary; these are names of a policy or a saying, not counts
_CN_NAMES = re.compile(
    r"中央八项规定|三百六十行|两个(?:维护|确立|大局|务必|结合|毫不动摇|市场两种资源|积极性)"
    r"|四个(?:意识|自信|全面)|共处五项原则|三次产业"  # 三次产业: the three sectors, no count
    r"|届[^，。；\n]{0,8}?[一二三四五六七八九十]+次(?:会议|全会|全体会议)"  # 十三届全国人大五次会议
)
# One scan finds every kind of number; the lookahead lets it skip other characters fast,
# and a date, tried first, keeps its parts from being read again as figures.
# 百分之十五, 千分之三, 百分之5: a rate in words (statutes write rates so)
_IN_WORDS = r"(?P<per>[百千])分之(?P<pnum>[零一二两三四五六七八九十百]+|\d+(?:\.\d+)?)"
_SCAN = re.compile(
    rf"(?=[\d$¥￥€£一二两三四五六七八九十百千])(?:(?P<date>{_DATE})|(?P<pct>{_IN_WORDS})"
    rf"|{_FIGURE}|(?P<cn>{_CN}))"
)
_MAX_DIGITS = 24  # keeps every value a finite float, far from overflow
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCY = {"$": "$", "¥": "元", "￥": "元", "€": "€", "£": "£"}
_MAGNITUDE = {"千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_PEOPLE = {"人": "人", "名": "人"}
_DURATION = {"时", "分", "分钟", "小时", "个小时", "天", "工作日", "个工作日", "个月"}


class Reading(NamedTuple):
    """One number as read. ``scale`` turns the written unit into the base unit
    (1e4 for 万元); ``shown`` is the unit as written ("万元"), for display."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: FigureKind
    qualifier: str = ""
    scale: float = 1.0
    shown: str = ""
    bare: bool = False  # no unit at all: kept only where a table gives it meaning
    magnitude_only: bool = False  # 1128万 without 元: money or count by context
    part: int = 0  # its place in a ratio (15.6:31.5:52.9), from 1; 0 outside one


def read_numbers(text: str, start: int, end: int) -> list[Reading]:
    """Every number in text[start:end]: dates, Arabic figures, Chinese numerals."""
    found: list[Reading] = []
    skip_to = start  # past a figure whose unit a line break held apart
    for m in _SCAN.finditer(text, start, end):
        if m.start() < skip_to:
            continue
        if m.group("date"):
            found.append(_date(m))
        elif m.group("pct"):
            found.extend(_rate_in_words(m))
        elif m.group("cn"):
            reading = _chinese(m)
            if reading:
                found.append(reading)
        elif (year := _year_after_list_number(text, m, end)) is not None:
            found.append(year)
            skip_to = year.end  # 「1.2024年9月」: the date runs past the match
        elif (
            not _glued_to_latin(text, m.start(), _figure_end(m))
            and (m.start() == 0 or text[m.start() - 1] not in "第.．")
            and not _caption(text, m)
        ):
            reading = _arabic(text, m, end)
            if reading.bare:
                reading = _wrapped(text, m, end) or reading
                skip_to = reading.end
            if len(m.group("num")) <= _MAX_DIGITS:  # longer: an ID or account number
                found.append(reading)
    found = _mixed_magnitudes(space_groups(text, _list_units(text, found)))
    return [_bounded(text, r, start, end) if not r.bare else r for r in found]


def _bounded(text: str, r: Reading, start: int, end: int) -> Reading:
    """r with the bound the words around it state, if any (a copy only then)."""
    bound = bound_of(text, r.start, r.end, start, end)
    return r._replace(qualifier=bound) if bound and bound != r.qualifier else r


_SMALLER = {"万": ("千", "百"), "亿": ("万", "千", "百"), "万亿": ("亿", "万", "千")}


def _mixed_magnitudes(found: list[Reading]) -> list[Reading]:
    """「3万2千吨」, 「1亿5000万元」: a magnitude with no unit run straight into a smaller
    one is one figure, in the unit written last."""
    out: list[Reading] = []
    for r in found:
        head = out[-1] if out else None
        if head is not None and head.magnitude_only and head.end == r.start and _smaller(head, r):
            out[-1] = r._replace(
                start=head.start,
                text=head.text + r.text,
                value=round(head.value + r.value, 6),
                scale=1.0,
                shown=r.shown.lstrip("千百万亿"),
            )
            continue
        out.append(r)
    return out


def _smaller(head: Reading, r: Reading) -> bool:
    if r.kind not in ("count", "amount") or r.bare:
        return False
    big = _LEADING_MAGNITUDE.match(head.shown)
    small = _LEADING_MAGNITUDE.match(r.shown)
    if big is None:
        return False
    smaller = _SMALLER.get(big.group(0), ())
    return small.group(0) in smaller if small else r.value < _MAGNITUDE.get(big.group(0), 0)


_LEADING_MAGNITUDE = re.compile(rf"(?:{MAGNITUDE_PATTERN})")


def _list_units(text: str, found: list[Reading]) -> list[Reading]:
    """「10.6万、3.8万、3.3万平方公里」: the unit written after the last item of a
    、-list is each item's, where an item before it has a magnitude and no unit."""
    out = list(found)
    for i in range(len(out) - 1, 0, -1):
        last = out[i]
        if not out[i - 1].magnitude_only or text[out[i - 1].end : last.start] != "、":
            continue  # the common case: no list of magnitudes ends here
        if last.bare or last.magnitude_only or last.kind not in ("count", "amount"):
            continue
        m = _LEADING_MAGNITUDE.match(last.shown)
        written = last.shown[m.end() :] if m else last.shown
        j = i - 1
        while j >= 0 and out[j].magnitude_only and text[out[j].end : out[j + 1].start] == "、":
            r = out[j]
            out[j] = r._replace(
                unit=last.unit, kind=last.kind, shown=r.shown + written, magnitude_only=False
            )
            j -= 1
    return out


def _wrapped(text: str, m: re.Match[str], limit: int) -> Reading | None:
    """「收入支出总计增加 1062.85⏎⏎万元」: a long line cut by the page width between a
    number and its unit. The reading spans the break (offsets stay true in text); its
    ``text`` is the figure as written without the break."""
    nl = m.end("num")
    while nl < limit and text[nl] in " \u3000":
        nl += 1
    if nl >= limit or text[nl] != "\n" or m.group("num")[0] in "+-−":
        return None  # the common case: the number does not end its line
    num_end = m.end("num")
    b = nl
    while b < limit and text[b] in " \u3000\n":
        b += 1
    if b >= limit or text[b].isdigit():
        return None  # the next line is another number: a table cut into lines
    wrapped = soft_break(text, nl)
    if wrapped is None or wrapped >= limit:
        return None
    b = wrapped
    head = text[m.start() : num_end]
    joined = head + text[b : min(limit, b + 24)]  # enough for a unit or a month and day
    j = _SCAN.match(joined)
    if j is None or j.end() <= len(head) or j.group("cn"):
        return None
    if j.group("date"):
        r = _date(j)
    else:
        if _glued_to_latin(joined, 0, _figure_end(j)):
            return None
        r = _arabic(joined, j, len(joined))
        if r.bare:
            return None
    return r._replace(start=m.start(), end=b + r.end - len(head))


# 「5．2024年部门…」, 「3.2025年度…」: a list number, its dot, then a year — never 5.2024 years
_LIST_NUMBER_YEAR = re.compile(r"\d{1,3}[.．](?=(?:19|20)\d\d$)")


def _year_after_list_number(text: str, m: re.Match[str], limit: int) -> Reading | None:
    """The year (or date) after a list number a decimal point seemed to join it to."""
    if m.group("mag") or m.group("unit") not in ("年", "年度"):
        return None
    number = _LIST_NUMBER_YEAR.match(m.group("num"))
    if number is None:
        return None
    year = _SCAN.match(text, m.start("num") + number.end(), limit)
    if year is None:
        return None
    return _date(year) if year.group("date") else _arabic(text, year, limit)


def _caption(text: str, m: re.Match[str]) -> bool:
    """表1 / 图2 with no unit: a table's or figure's number (水表1800块 is a count)."""
    numbered = text[m.start() - 1 : m.start()] in ("表", "图")
    return numbered and not (m.group("unit") or m.group("mag"))


def _figure_end(m: re.Match[str]) -> int:
    """Where the figure ends: after its unit, or after its digits when it has none
    (the space the pattern allows before a unit is not part of "214 staff")."""
    return m.end() if m.group("mag") or m.group("unit") or m.group("approx") else m.end("num")


def _glued_to_latin(text: str, start: int, end: int) -> bool:
    """350M, Mate40, AN01: part of a model name or code, not a figure."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _date(m: re.Match[str]) -> Reading:
    y, mo, d = (int(m.group(k) or 0) for k in ("y", "m", "d"))
    mo, d = mo or int(m.group("m2") or 0), d or int(m.group("d2") or 0)
    return Reading(m.start(), m.end(), m.group(0), float(y * 10000 + mo * 100 + d), "date", "date")


def number_value(num: str) -> float:
    """The value of a written Arabic number: 1,234.5 / 1，234 / 12．5 / −3."""
    clean = num.replace(",", "").replace("，", "").replace("．", ".").replace("−", "-")
    return float(clean)


def _arabic(text: str, m: re.Match[str], limit: int) -> Reading:
    num, mag, unit, cur = m.group("num", "mag", "unit", "cur")
    start, end = m.start(), m.end()
    if not (mag or unit or cur):  # a bare number: most often list numbering, kept as such
        end = m.end("num")
        return Reading(start, end, num, number_value(num), "", "other", bare=True)
    mag, unit = mag or "", unit or ""
    if num[0] in "+-−" and start > 0 and _joins(text[start - 1]):
        num, start = num[1:], start + 1  # a range or a hyphen, not a sign
    elif _signed(text, start):  # the scan starts at a digit: take the sign before it
        num, start = "-" + num, start - 1
    if unit == "个" and text[end : end + 1] == "亿":  # 近3个亿: colloquial for 3亿
        mag, unit, end = "亿", "", end + 1
    scale = _MAGNITUDE.get(mag, 1.0) * _EN_SCALE.get(unit.lower(), 1.0)
    shown = mag + unit
    if unit.startswith("percentage point"):
        unit = "百分点"  # "3 percentage points" is a change of a rate in points
    unit = "" if unit.lower() in _EN_SCALE else ("%" if unit.startswith("per") else unit)
    value = round(number_value(num) * scale, 6)
    base, kind = _classify(unit, value, bool(mag))
    if cur:
        base, kind = _CURRENCY[cur], "amount"
    reading = Reading(start, end, text[start:end], value, base, kind, "", scale, shown)
    if base == "":
        return reading._replace(magnitude_only=True)
    return reading


# what a dash after it joins into a range or a code (3-5月, 一-三月, A-1, 2023年-2024年);
# after other words it is a sign: 同比增长-0.5% is a fall written as a negative rise
_JOINS_BEFORE_DASH = re.compile(r"[0-9A-Za-z０-９零一二两三四五六七八九十百千万亿年月日]")


def _joins(before: str) -> bool:
    return _JOINS_BEFORE_DASH.match(before) is not None


def _signed(text: str, start: int) -> bool:
    """A minus sign right before the digits, after words rather than a range's first end."""
    if start < 1 or text[start - 1] not in "-−":
        return False
    return start < 2 or not _joins(text[start - 2])


def _classify(unit: str, value: float, has_magnitude: bool) -> tuple[str, FigureKind]:
    if unit == "元":
        return "元", "amount"
    if unit == "美元":  # 3万亿美元: the same money as $3 trillion
        return "$", "amount"
    if unit in ("%", "％"):
        return "%", "percent"
    if unit in ("‰", "个百分点", "百分点"):
        return ("‰" if unit == "‰" else "百分点"), "percent"
    if unit in ("年", "年度"):
        is_year = not has_magnitude and value.is_integer() and 1900 <= value <= 2100
        return ("年", "year") if is_year else ("年", "count")
    if unit in ("月", "日", "号"):
        return "date", "date"
    if unit in _DURATION:  # 24个小时 is 24小时; 个月 keeps its 个 (月 alone is a date)
        return (unit if unit == "个月" else unit.removeprefix("个")), "count"
    return _PEOPLE.get(unit, unit), "count"


_BOUND_AFTER = re.compile(r"以上|以下|以内|至")  # 一人以上二百人以下: a bound, not rhetoric


def _chinese(m: re.Match[str]) -> Reading | None:
    num, unit = m.group("cnnum"), m.group("cnunit")
    counted = chinese_value(num)
    if counted is None or not (unit or any(c in num for c in "百千万亿")):
        return None
    value = float(counted)
    if _named(m.string, m.start()):
        return None
    if value < 2 and not _BOUND_AFTER.match(m.string, m.end()):
        return None  # 一个又一个 is rhetoric, 一人以上 a bound
    if unit == "个" and m.end() < len(m.string) and m.string[m.end()] == "亿":
        return None  # 三个亿 is rare enough to leave alone
    base, kind = _classify(unit, value, False) if unit else ("", "count")
    return Reading(m.start(), m.end(), m.group(0), value, base, kind, "", 1.0, unit)


def _rate_in_words(m: re.Match[str]) -> list[Reading]:
    """百分之十五 is 15%, 千分之三 3‰ (none when the numeral does not read)."""
    num = m.group("pnum")
    value = float(num) if num[0].isdigit() else chinese_value(num)
    if value is None:
        return []
    unit = "%" if m.group("per") == "百" else "‰"
    return [Reading(m.start(), m.end(), m.group(0), float(value), unit, "percent", "", 1.0, unit)]


def _named(text: str, pos: int) -> bool:
    """Whether the numeral at pos is part of a name (中央八项规定, 两个维护)."""
    for name in _CN_NAMES.finditer(text, max(0, pos - 12), pos + 12):
        if name.start() <= pos < name.end():
            return True
    return False
