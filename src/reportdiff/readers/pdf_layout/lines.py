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


@dataclass(frozen=True)
class CellEnds:
    """A table cell's first and last line of text, and the edges its text keeps
    within: where a page break cut the cell's text shows in them."""

    first: Line
    last: Line
    left: float
    right: float

    def through(self, more: CellEnds) -> CellEnds:
        """This cell's text going on in ``more``."""
        return CellEnds(self.first, more.last, self.left, self.right)


@dataclass
class Item:
    """A paragraph (``text``) or a table (``rows``) in reading order.

    Until the document's spacing habit is known, a cell's wrapped lines stand apart,
    parted by a newline (see ``finish_cells``); ``ends`` holds, per cell, where its text
    begins and ends on the page. A table set in whitespace has ``columns``: the x range
    each of its columns covers (a ruled one has none: its ``edges`` are its rules)."""

    page: int
    y: float
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    edges: list[float] = field(default_factory=list)  # a table's column edges, x
    bold: bool = False
    lines: list[Line] = field(default_factory=list)
    ends: list[list[CellEnds | None]] = field(default_factory=list)
    columns: list[tuple[float, float]] = field(default_factory=list)


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
    """Whether the gap between ``a`` and ``b`` is a space. Beside CJK it is measured
    against the Latin character's size: the space, and the printer's own spacing, are
    set in the Latin font, which a table may set smaller than the CJK one."""
    wide_a, wide_b = is_wide(a.text[-1]), is_wide(b.text[0])
    if not wide_a and not wide_b:
        return (b.x0 - a.x1) / max(a.size, b.size, _MIN_SIZE) > WORD_GAP
    latin = b if wide_a and not wide_b else a if wide_b and not wide_a else None
    size = latin.size if latin is not None else max(a.size, b.size)
    return (b.x0 - a.x1 - stretch) / max(size, _MIN_SIZE) > _CJK_SPACE


def _justification(chars: Sequence[Char]) -> float:
    """The usual gap between two CJK characters of a line: what justification added."""
    wide = [c for c in chars if not c.text.isspace() and is_wide(c.text[0])]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(wide) if 0 < b.x0 - a.x1 < a.size]
    return max(statistics.median(gaps), 0.0) if len(gaps) >= 3 else 0.0


def join_text(a: str, b: str, spaced_scripts: bool = False) -> str:
    """Two pieces of one paragraph that a line wrap split. A hyphen that ends a line
    before a lowercase letter broke a word (``evacu-⏎ation``); before anything else it
    is the source's (``NOH-⏎AN01``, ``2022-⏎2023``). Between a CJK character and a
    digit or Latin letter a space is written when ``spaced_scripts`` says the document
    spaces them apart (see ``spaces_scripts_apart``): a wrap hides the space itself."""
    if not a or not b:
        return a + b
    if a.endswith(" "):
        return a.rstrip() + " " + b
    if a.endswith("-") and len(a) > 1 and a[-2].isalnum() and b[0].isalnum():
        return a[:-1] + b if a[-2].isalpha() and b[0].islower() else a + b
    if is_wide(a[-1]) or is_wide(b[0]):
        return a + " " + b if spaced_scripts and _mixed_scripts(a[-1], b[0]) else a + b
    return a + " " + b


def _mixed_scripts(a: str, b: str) -> bool:
    """A CJK ideograph beside a digit or Latin letter (punctuation aside)."""
    return a.isalnum() and b.isalnum() and is_wide(a) != is_wide(b)


# An ideograph and a digit or Latin letter side by side, with or without a space.
_IDEOGRAPH = "[\u3400-\u9fff\uf900-\ufaff]"
_SCRIPT_MEETING = re.compile(rf"{_IDEOGRAPH}(\s?)(?=[0-9A-Za-z])|[0-9A-Za-z](\s?)(?={_IDEOGRAPH})")
_FEW_MEETINGS = 20  # fewer places where the scripts meet tell nothing of a habit


def spaces_scripts_apart(texts: Iterable[str]) -> bool:
    """Whether the text (its lines, read without the printer's spacing) puts a space
    where CJK meets a digit or Latin letter in most places it can be seen (``2023 年``
    typed with spaces): then a wrap at such a place hid one too."""
    spaced = total = 0
    for text in texts:
        for m in _SCRIPT_MEETING.finditer(text):
            total += 1
            spaced += bool(m.group(1) or m.group(2))
    return total >= _FEW_MEETINGS and spaced > total / 2


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


_SPACE = re.compile(r"\s+")
# An amount as tables state it: 1,204.50  -3.2%  （30000  5000人  4.5万元
_FIGURE = re.compile(r"[-−(（]?[\d,，.]*\d[\d,，.]*[)）%％]?[\u4e00-\u9fff]{0,2}")


def is_figure(text: str) -> bool:
    """Whether the text (spaces aside) is one amount, perhaps with its unit."""
    return _FIGURE.fullmatch(_SPACE.sub("", text)) is not None


def opens_numbered(text: str) -> bool:
    return _NUMBERED.match(text) is not None
