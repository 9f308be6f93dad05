"""Characters to text: lines on one baseline, the spacing between their characters,
and the joining of a paragraph's wrapped lines."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .records import Char

_MIN_SIZE = 1.0  # points: a smaller font size is a broken file's, measured as this
WORD_GAP = 0.2  # of the font size: a wider gap between Latin characters is a space
# Printers set CJK and Latin apart by about a fifth of an em; a gap clearly wider
# than that is a space the source had (a space is a quarter em or more).
_CJK_SPACE = 0.24
_CN_NUMBER = "一二三四五六七八九十百零〇"
# Numbering that opens a heading or list item: 一、 （二） (3) 4、 5. 6） 第七章 …
_NUMBERED = re.compile(
    rf"[{_CN_NUMBER}]+、|[（(][{_CN_NUMBER}\d]+[）)]|\d+(\.\d+)*([、．)）]|\.(?!\d))"
    rf"|第[{_CN_NUMBER}\d]+[章节条部分篇]|[A-Z][.、]\s"
)


@dataclass
class Line:
    """Characters on one baseline, left to right. Its measures are taken once."""

    chars: list[Char]
    page: int = 0

    @cached_property
    def x0(self) -> float:
        return self.chars[0].x0

    @cached_property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @cached_property
    def y0(self) -> float:
        return min(c.y0 for c in self.chars)

    @cached_property
    def y1(self) -> float:
        return max(c.y1 for c in self.chars)

    @cached_property
    def size(self) -> float:
        shown = self.visible
        return statistics.median(c.size for c in shown) if shown else 0.0

    @cached_property
    def bold(self) -> bool:
        """All bold, but for a numbering label (a list's label need not be bold)."""
        shown = self.visible
        label = _NUMBERED.match("".join(c.text for c in shown))
        rest = shown[len(label.group(0).rstrip()) :] if label else shown
        return bool(shown) and all(c.bold for c in (rest or shown))

    @cached_property
    def visible(self) -> list[Char]:
        return [c for c in self.chars if not c.text.isspace()]

    @cached_property
    def text(self) -> str:
        return line_text(self.chars)


@dataclass
class Item:
    """A paragraph (``text``) or a table (``rows``) in reading order."""

    page: int
    y: float
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    bold: bool = False
    lines: list[Line] = field(default_factory=list)


def is_wide(ch: str) -> bool:
    """CJK ideographs, kana, hangul and full-width forms: written without spaces."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
    )


def line_text(chars: Sequence[Char]) -> str:
    """The text of characters on one line. A space the PDF draws is the source's and
    stays; a gap is a space between Latin words and figures, but next to CJK only
    when wider than the printer's own spacing. pdfium's inferred spaces are ignored.
    Gaps are measured beyond the spacing a justified CJK line adds between all its
    characters."""
    out: list[str] = []
    prev: Char | None = None
    drawn: list[str] = []
    stretch = _justification(chars)
    for c in chars:
        if c.text.isspace():
            if prev is not None and not c.generated:
                drawn.append(c.text)
            continue
        if drawn:
            out.extend(drawn)
        elif prev is not None and _word_gap(prev, c, stretch):
            out.append(" ")
        out.append(c.text)
        prev, drawn = c, []
    if drawn:  # a space drawn at the end of a wrapped line still parts two words
        out.append(" ")
    return "".join(out)


def _word_gap(a: Char, b: Char, stretch: float = 0.0) -> bool:
    latin = not is_wide(a.text[-1]) and not is_wide(b.text[0])
    gap = (b.x0 - a.x1 - (0.0 if latin else stretch)) / max(a.size, b.size, _MIN_SIZE)
    return gap > (WORD_GAP if latin else _CJK_SPACE)


def _justification(chars: Sequence[Char]) -> float:
    """The usual gap between two CJK characters of a line: what justification added."""
    wide = [c for c in chars if not c.text.isspace() and is_wide(c.text[0])]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(wide) if 0 < b.x0 - a.x1 < a.size]
    return max(statistics.median(gaps), 0.0) if len(gaps) >= 3 else 0.0


def join_text(a: str, b: str) -> str:
    """Two pieces of one paragraph that a line wrap split."""
    if not a or not b:
        return a + b
    if a.endswith(" "):
        return a.rstrip() + " " + b
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and b[0].islower():
        return a[:-1] + b
    if is_wide(a[-1]) or is_wide(b[0]):
        return a + b
    return a + " " + b


# --- lines -----------------------------------------------------------------------------


def group_lines(chars: Iterable[Char], page: int = 0) -> list[Line]:
    """Characters in lines, top to bottom: a character joins the line whose middle it
    shares (within half the font size), so sub- and superscripts stay on their line;
    a space never opens a line."""
    groups: list[tuple[float, float, list[Char]]] = []  # middle, size, members
    for c in sorted(chars, key=lambda c: (c.mid_y, c.x0)):
        if groups:
            mid, size, members = groups[-1]
            if abs(c.mid_y - mid) <= 0.5 * max(c.size, size, 1.0):
                members.append(c)
                continue
        if not c.text.isspace():
            groups.append((c.mid_y, c.size, [c]))
    lines = []
    for _, _, members in groups:
        members.sort(key=lambda c: c.x0)
        lines.append(Line(members, page))
    return lines


def opens_numbered(text: str) -> bool:
    return _NUMBERED.match(text) is not None
