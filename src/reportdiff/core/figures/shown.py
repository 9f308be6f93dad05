"""A figure's value shown as the report writes it: in its own scale and unit
(4,130.68万元, $30.4 million), with as many decimals as it was written with."""

from __future__ import annotations

import re

from .parse import _EN_SCALE, _MAGNITUDE, _PEOPLE, FIGURE_PARTS


def display_scale(text: str, unit: str) -> tuple[float, str]:
    """The scale and unit a figure was written in (5105.15万元 → 1e4, "万元"), so a
    change can be shown the way the report writes it."""
    m = FIGURE_PARTS.search(text)
    mag = m.group("mag") if m else None
    if mag and unit == "元":
        return _MAGNITUDE[mag], mag + "元"
    if m and m.group("unit") == "美元":  # 3万亿美元 is shown as written, in 美元
        return _MAGNITUDE.get(mag or "", 1.0), (mag or "") + "美元"
    word = next((w for w in _EN_SCALE if w in text.lower()), "")
    if word:
        return _EN_SCALE[word], f"{unit} {word}".strip()
    written = m.group("unit") if m else None
    if written and _PEOPLE.get(written) == unit:
        unit = written  # 664名 counts 人 but reads 名: a change of it is "+54名"
    if mag:
        return _MAGNITUDE[mag], mag + unit
    return 1.0, unit


MAX_SHOWN_DECIMALS = 4  # a figure or a change is shown with at most this many
_PLACES = re.compile(r"\d[.．](\d+)")


def as_written(value: float, text: str, unit: str) -> str:
    """A value in the unit a figure was written in: 41306800 like 4035.19万元 →
    "4,130.68万元"; 30400000 like $38.6 million → "$30.4 million"; 130000 like
    1.82 million → "0.13 million"."""
    scale, shown = display_scale(text, unit)
    places = _PLACES.search(text)
    digits = min(MAX_SHOWN_DECIMALS, len(places.group(1))) if places else 0
    number = f"{abs(value) / scale:,.{digits}f}"  # as many decimals as the figure has
    sign = "-" if value < 0 else ""
    last = shown.split(" ")[-1]
    word = last if last in _EN_SCALE else ""
    if unit in ("$", "€", "£") and not shown.endswith("美元"):  # written first: $30.4 million
        return f"{sign}{unit}{number}{' ' + word if word else ''}"
    if word:  # a word after a space: 0.13 million, not 0.13million
        return f"{sign}{number} {word}{' ' + unit if unit else ''}"
    return f"{sign}{number}{shown}"
