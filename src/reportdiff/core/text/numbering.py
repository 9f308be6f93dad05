"""Heading numbering as written at the start of a line, and its ordinal value.

Every numbering has a *style key* (the numeral script plus the punctuation frame, e.g.
``"cn、"`` for 一、 or ``"ar()"`` for （1）) so that the segmenter can tell sequences
apart, a *frame* (the punctuation alone) so that "7、" can continue "六、", and an
ordinal. Nothing here decides levels: that is inferred per document in segment.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lazy_regex import lazy_compile

_CN_ZEROS = "〇零"
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS |= {"八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_NUM = "〇零一二两三四五六七八九十百"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Units that follow a figure, never a heading title: "1.5万元", "2.5%".
_UNIT_CHARS = "万亿元%％倍千百"

# The punctuation frame of each key: "7、" may continue "六、" (same frame "、").
_FRAMES = {"cn()": "()", "ar()": "()", "al()": "()", "cn、": "、", "ar、": "、"}
_FRAMES |= {
    "cn.": ".",
    "ar.": ".",
    "ROM.": ".",
    "AL.": ".",
    "al.": ".",
    "al)": ")",
    "ar).": ").",
    "ar)": ")",
}


class Numbering(NamedTuple):
    """The numbering that opens a heading or list item, and what kind it is."""

    text: str  # as written, e.g. "（三）", "1）．", "第二章"
    end: int  # offset in the line after the numbering and the spaces that follow it
    key: str  # numeral script + frame: "cn、", "ar()", "dec2", "di章", "item" …
    frame: str  # the punctuation alone: "、", "()", ")", "." …
    ordinal: int
    fixed: bool = False  # chapter-like: restarting at 1 makes a sibling, not a child


def cn_value(s: str) -> int | None:
    """Value of a heading's Chinese numeral, up to 999 ("十一" 11, "一百零五" 105)."""
    if not s or any(c not in _CN_NUM for c in s):
        return None
    return chinese_value(s)


def chinese_value(num: str) -> int | None:
    """两千三百 → 2300, 三万 → 30000, 十二 → 12, 一百零五 → 105, 一亿二千万 → 120000000;
    None for what is not one numeral (一二三 and 二〇二三 spell digits out)."""
    total, section = 0, 0
    digit: int | None = None
    for ch in num:
        if ch in _CN_ZEROS:  # a zero only holds a place after a unit: 一百零五
            if len(num) == 1:
                return 0
            if digit is not None or not (section or total):
                return None
        elif ch in _CN_DIGITS:
            if digit is not None:
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            digit = None
            if _CN_BIG[ch] > _CN_BIG["万"]:
                total = (total + section) * _CN_BIG[ch]  # 三万亿: the 亿 counts the 万s
            else:
                total += section * _CN_BIG[ch]
            section = 0
        else:
            return None
    return total + section + (digit or 0)


def roman_value(s: str) -> int | None:
    """Value of a well-formed Roman numeral up to C (100); None if malformed."""
    s = s.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total if _to_roman(total) == s else None


def _to_roman(n: int) -> str:
    out = []
    for value, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X")):
        while n >= value:
            out.append(sym)
            n -= value
    for value, sym in ((9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


_CN = f"[{_CN_NUM}]{{1,4}}"
# an article of a long statute runs past four numerals: 第一百九十八条, 第二百零五条
_CN_ORDINAL = f"[{_CN_NUM}]{{1,6}}"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("di", lazy_compile(rf"第({_CN_ORDINAL}|\d{{1,3}})(部分|章|节|条|篇|编)")),
    ("cn()", lazy_compile(rf"[（(]({_CN})[）)]")),
    ("ar()", lazy_compile(r"[（(](\d{1,3})[）)]")),
    ("al()", lazy_compile(r"[（(]([a-zA-Z])[）)]")),
    ("cn、", lazy_compile(rf"({_CN})[、]")),
    ("cn.", lazy_compile(rf"({_CN})[．.](?=\S)")),
    ("ar、", lazy_compile(r"(\d{1,3})、")),
    ("ar).", lazy_compile(r"(\d{1,3})[)）][.．]")),
    ("ar)", lazy_compile(r"(\d{1,3})[)）]")),
    ("dec", lazy_compile(r"(\d{1,3}(?:[.．]\d{1,3})+)[.．]?(?=[ \t\u3000]|[^\d.．])")),
    ("ar.", lazy_compile(r"(\d{1,3})[.．](?![\d.．])")),
    ("circ", lazy_compile(f"([{_CIRCLED}])")),
    ("item", lazy_compile(r"(?:Item|ITEM)\s+(\d{1,2})([A-Z]?)[.:]?(?=\s|$)")),
    (
        "part",
        lazy_compile(
            r"(Part|PART|Chapter|CHAPTER|Article|ARTICLE)\s+([IVXL]+|\d{1,3})[.:]?(?=\s|$)"
        ),
    ),
    ("ROM.", lazy_compile(r"([IVX]{1,6})[.．](?=\s)")),
    ("AL.", lazy_compile(r"([A-Z])[.．](?=\s)")),
    ("al.", lazy_compile(r"([a-z])[.](?=\s)")),
    ("al)", lazy_compile(r"([a-z])[)](?=\s)")),
]
_GROUPS = {
    "di": ("di",),
    "paren": ("cn()", "ar()", "al()"),
    "cn": ("cn、", "cn."),
    "digit": ("ar、", "ar).", "ar)", "dec", "ar."),
    "circ": ("circ",),
    "latin": ("item", "part", "ROM.", "AL.", "al.", "al)"),
}
_BY_START = {g: [(k, rx) for k, rx in _PATTERNS if k in kinds] for g, kinds in _GROUPS.items()}


def parse_numbering(line: str) -> Numbering | None:
    """The numbering at the start of ``line`` (already left-stripped), or None."""
    if not line:
        return None
    for kind, rx in _patterns_for(line[0]):
        m = rx.match(line)
        if m is None:
            continue
        found = _numbering(kind, m, line)
        if found is not None:
            return found
    return None


def _patterns_for(c: str) -> list[tuple[str, re.Pattern[str]]]:
    """Only the patterns that can start with ``c``: most lines are not numbered."""
    if c.isascii() and c.isdigit():
        return _BY_START["digit"]
    if c in _CN_NUM:
        return _BY_START["cn"]
    if c in "（(":
        return _BY_START["paren"]
    if c == "第":
        return _BY_START["di"]
    if c in _CIRCLED:
        return _BY_START["circ"]
    if c.isascii() and c.isalpha():
        return _BY_START["latin"]
    return []


def _numbering(kind: str, m: re.Match[str], line: str) -> Numbering | None:
    text = m.group(0)
    ordinal = _ordinal(kind, m)
    if ordinal is None:
        return None
    end = m.end()
    rest = line[end:]
    end += len(rest) - len(rest.lstrip(" \t\u3000"))
    if kind in ("ar.", "ar)", "dec", "cn.") and rest[:1] in _UNIT_CHARS:
        return None  # a figure such as "3.万元" is not numbering
    if kind == "di":
        unit = m.group(2)
        return Numbering(text, end, f"di{unit}", f"di{unit}", ordinal, fixed=True)
    if kind in ("item", "part"):
        key = kind if kind == "item" else m.group(1).lower()
        return Numbering(text, end, key, key, ordinal, fixed=True)
    if kind == "dec" and not _plausible_decimal(m.group(1)):
        return None  # "112.88", "0.00", "21.07": figures, not "1.2" section numbers
    if kind in ("dec", "ar.") and rest.lstrip()[:1] in _UNIT_CHARS:
        return None
    if kind == "dec":
        depth = m.group(1).replace("．", ".").count(".") + 1
        return Numbering(text, end, f"dec{depth}", f"dec{depth}", ordinal)
    frame = _FRAMES.get(kind, kind)
    return Numbering(text, end, kind, frame, ordinal)


def _plausible_decimal(s: str) -> bool:
    parts = s.replace("．", ".").split(".")
    return int(parts[0]) <= 30 and all(p[0] != "0" and int(p) <= 50 for p in parts)


def _ordinal(kind: str, m: re.Match[str]) -> int | None:
    if kind in ("di", "cn()", "cn、", "cn."):
        raw = m.group(1)
        return int(raw) if raw.isdigit() else cn_value(raw)
    if kind == "dec":
        return int(re.split(r"[.．]", m.group(1))[-1])
    if kind == "circ":
        return _CIRCLED.index(m.group(1)) + 1
    if kind == "part":
        raw = m.group(2)
        return int(raw) if raw.isdigit() else roman_value(raw)
    if kind == "ROM.":
        return roman_value(m.group(1))
    if kind in ("al()", "AL.", "al.", "al)"):
        return ord(m.group(1).lower()) - ord("a") + 1
    return int(m.group(1))
