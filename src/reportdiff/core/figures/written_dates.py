"""The parts a written date states, read once where date figures are built.

「2024年6月17日」 states all three; 「6月17日至20日」 a month and day and a range's last
day, which takes the month it leaves out from the start; 「2025年底」 a year alone.
"""

from __future__ import annotations

from ...model import DateParts
from .parse import read_numbers

Ymd = tuple[int, int, int]  # year, month, day; 0 where the text does not say


def date_parts(written: str) -> DateParts | None:
    """What a date figure's text states, or None when it holds no date at all."""
    points = [_ymd(r.text, r.value, r.kind) for r in read_numbers(written, 0, len(written))]
    if not points:
        return None
    first = points[0]
    if len(points) == 1:
        return _parts(first)
    last = points[-1]
    if not last[0] and not last[1]:
        last = (first[0], first[1], last[2])
    elif not last[0]:
        last = (first[0], last[1], last[2])
    return _parts(first, _parts(last))


def ymd(parts: DateParts | None) -> Ymd:
    """(year, month, day) with 0 for a part not stated."""
    if parts is None:
        return 0, 0, 0
    return parts.year or 0, parts.month or 0, parts.day or 0


def _parts(p: Ymd, last: DateParts | None = None) -> DateParts:
    return DateParts(p[0] or None, p[1] or None, p[2] or None, last)


def _ymd(text: str, value: float, kind: str) -> Ymd:
    v = round(value)
    if kind == "year":
        return v, 0, 0
    if v >= 100 or kind != "date":
        y, md = divmod(v, 10000)
        return y, md // 100, md % 100
    return (0, v, 0) if text.rstrip().endswith(("月", "月份")) else (0, 0, v)
