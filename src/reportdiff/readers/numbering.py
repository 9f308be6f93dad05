"""Word's automatic list numbering, rendered to the label a reader sees ("一、", "（一）", "1.").

Word keeps numbering out of the paragraph text: a paragraph (or its style) names a
list instance (w:numId) and level (w:ilvl); the instance points to an abstract
definition whose level gives a number format, a label template such as "%1、" and a
start value, which the instance may override. Counting is ours: per abstract
definition and level, with deeper levels restarting when a shallower one advances.
This module works on plain lxml elements of numbering.xml and never imports docx.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..options import MAX_LIST_LABEL_CHARS, MAX_LIST_START

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    legal: bool = False  # w:isLgl: show shallower levels' numbers as decimals
    suffix: str = "tab"  # what follows the label: tab, space or nothing


@dataclass(frozen=True)
class _Instance:
    """A w:num: the abstract definition it counts in, its levels, and the levels it restarts."""

    abstract_id: str
    levels: dict[int, Level]
    restarts: frozenset[int]


class Numbering:
    """The numbering definitions of one document, and the counters of its lists.

    As in Word, list instances (w:num) of one abstract definition share its counters,
    so a list continues across them; an instance with a w:startOverride restarts the
    level at its first paragraph there. ``style_num_id`` resolves a numbering style
    to its numId, for abstract definitions that only link to a style (numStyleLink).
    """

    def __init__(
        self,
        numbering_xml: Any | None,
        style_num_id: Callable[[str], str | None] = lambda _: None,
    ) -> None:
        self._nums: dict[str, _Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._entered: set[tuple[str, int]] = set()
        if numbering_xml is not None:
            self._load(numbering_xml, style_num_id)

    def _load(self, root: Any, style_num_id: Callable[[str], str | None]) -> None:
        abstract: dict[str, dict[int, Level]] = {}
        links: dict[str, str] = {}
        for absnum in root.findall("w:abstractNum", _NS):
            aid = _val(absnum, "abstractNumId")
            abstract[aid] = {_ilvl(lvl): _level(lvl) for lvl in absnum.findall("w:lvl", _NS)}
            links[aid] = _child_val(absnum, "w:numStyleLink") or ""
        num_abstract = {
            _val(num, "numId"): _child_val(num, "w:abstractNumId") or ""
            for num in root.findall("w:num", _NS)
        }
        for num in root.findall("w:num", _NS):
            aid = num_abstract[_val(num, "numId")]
            if links.get(aid):  # the definition lives with the linked numbering style
                aid = num_abstract.get(style_num_id(links[aid]) or "", aid)
            levels = dict(abstract.get(aid, {}))
            restarts = set()
            for override in num.findall("w:lvlOverride", _NS):
                ilvl = _ilvl(override)
                lvl = override.find("w:lvl", _NS)
                level = _level(lvl) if lvl is not None else levels.get(ilvl, Level())
                start = _child_val(override, "w:startOverride")
                if start is not None:
                    restarts.add(ilvl)
                levels[ilvl] = replace(level, start=_start(start, level.start))
            self._nums[_val(num, "numId")] = _Instance(aid, levels, frozenset(restarts))

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Count one more paragraph of list ``num_id`` at ``ilvl``: (label, suffix).

        An unknown list or a bullet gives ("", ""): nothing a comparison can use.
        """
        inst = self._nums.get(num_id)
        ilvl = min(max(ilvl, 0), _LEVELS - 1)
        if inst is None or ilvl not in inst.levels:
            return "", ""
        counts = self._counters.setdefault(inst.abstract_id, [None] * _LEVELS)
        if ilvl in inst.restarts and (num_id, ilvl) not in self._entered:
            counts[ilvl] = None
        self._entered.add((num_id, ilvl))
        level = inst.levels[ilvl]
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            counts[deeper] = None
        if level.fmt in ("bullet", "none"):
            return "", ""
        return self._render(inst.levels, counts, ilvl), level.suffix

    def _render(self, levels: dict[int, Level], counts: list[int | None], ilvl: int) -> str:
        level = levels[ilvl]

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, Level())
            n = counts[k] if counts[k] is not None else lv.start
            fmt = "decimal" if level.legal and k < ilvl else lv.fmt
            return format_number(n or 0, fmt)

        return _PLACEHOLDER.sub(number, level.text)[:MAX_LIST_LABEL_CHARS]


def _level(lvl: Any) -> Level:
    fmt = _child_val(lvl, "w:numFmt") or "decimal"
    text = _child_val(lvl, "w:lvlText")
    legal = lvl.find("w:isLgl", _NS) is not None and _child_val(lvl, "w:isLgl") not in (
        "0",
        "false",
    )
    return Level(
        fmt=fmt,
        text=(text or "")[:MAX_LIST_LABEL_CHARS],  # bounds the placeholders rendered
        start=_start(_child_val(lvl, "w:start"), 1),
        legal=legal,
        suffix=_child_val(lvl, "w:suff") or "tab",
    )


def _val(el: Any, attr: str) -> str:
    return el.get(f"{{{W}}}{attr}", "")


def _child_val(el: Any, path: str) -> str | None:
    child = el.find(path, _NS)
    return None if child is None else child.get(f"{{{W}}}val")


def _ilvl(el: Any) -> int:
    return _int(el.get(f"{{{W}}}ilvl"), 0)


def _start(s: str | None, default: int) -> int:
    """A list's start value, within what Word itself accepts (0..MAX_LIST_START)."""
    return min(max(_int(s, default), 0), MAX_LIST_START)


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


# ---- number formats (w:numFmt) -------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def format_number(n: int, fmt: str) -> str:
    """``n`` written in Word number format ``fmt``; unknown formats fall back to decimal,
    and so does a rendering longer than a label can be (a letter repeated n/26 times)."""
    fn = _FORMATS.get(fmt)
    out = fn(n) if fn else None
    return out if out is not None and len(out) <= MAX_LIST_LABEL_CHARS else str(n)


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str | None:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五 (up to 9999)."""
    if not 0 < n < 10000:
        return None
    if 10 <= n < 20 and digits is _CN_DIGITS:
        return units[0] + (digits[n % 10] if n % 10 else "")
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            if zero and parts:
                parts.append(digits[0])
            parts.append(digits[d] + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def _cycle(chars: str, n: int) -> str | None:
    return chars[n - 1] if 1 <= n <= len(chars) else None


def _enclosed_circle(n: int) -> str | None:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return None


def _letters(n: int, upper: bool) -> str | None:
    """A..Z, then AA..ZZ, AAA..: Word repeats the letter rather than counting in base 26."""
    if n < 1 or (n - 1) // 26 >= MAX_LIST_LABEL_CHARS:
        return None
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int, upper: bool) -> str | None:
    if not 0 < n < 4000:
        return None
    out = []
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(numeral * count)
    text = "".join(out)
    return text if upper else text.lower()


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _range(base: int, n: int, last: int = 20) -> str | None:
    return chr(base + n - 1) if 1 <= n <= last else None


_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

_FORMATS: dict[str, Callable[[int], str | None]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULLWIDTH),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _enclosed_circle,
    "decimalEnclosedCircleChinese": _enclosed_circle,
    "decimalEnclosedParen": lambda n: _range(0x2474, n),
    "decimalEnclosedFullstop": lambda n: _range(0x2488, n),
    "upperLetter": lambda n: _letters(n, True),
    "lowerLetter": lambda n: _letters(n, False),
    "upperRoman": lambda n: _roman(n, True),
    "lowerRoman": lambda n: _roman(n, False),
    "ordinal": _ordinal,
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "chineseLegalSimplified": lambda n: chinese_counting(n, _CN_LEGAL, "拾佰仟"),
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: _cycle(_TIANGAN, n),
    "ideographZodiac": lambda n: _cycle(_DIZHI, n),
}
