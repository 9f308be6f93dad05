"""Undo printing: from the characters and rules of PDF pages back to paragraphs and tables.

Works on plain records only (no pdfium), in small steps that are tested apart:

1. ``find_grids``: ruled lines that touch form a table grid; the characters inside it
   become rows of cells (a cell whose lower rule is missing merges downwards, as in
   Word, so its text stands in its top row).
2. ``group_lines``: the other characters form lines by their vertical position.
3. ``furniture``: running headers/footers and page numbers, found by position and
   repetition across pages, are dropped.
4. ``join_lines``: a line that was wrapped at the page width runs on into the next
   (CJK without a space, Latin with one, de-hyphenated), across page breaks too.

Spacing follows the source rather than the printer: a PDF shows a gap between a CJK
character and a digit or Latin letter (``2023 年``), which no space in the source
caused, so no space is written there; Latin words keep one space.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..errors import InputError
from ..model import Document
from .blocks import MAX_TITLE_CHARS, BlockBuilder, first_paragraph
from .normalize import clean_chars, clean_line

TOUCH = 2.0  # points: rules closer than this meet
_MIN_SIZE = 1.0  # points: a smaller font size is a broken file's, measured as this
_WORD_GAP = 0.2  # of the font size: a wider gap between Latin characters is a space
# Printers set CJK and Latin apart by about a fifth of an em; a gap clearly wider
# than that is a space the source had (a space is a quarter em or more).
_CJK_SPACE = 0.24
_FURNITURE_BAND = 0.12  # of the page height: where headers and footers stand
_SAME_PLACE = 4.0  # points: a running header stands at the same height on every page
# Punctuation that may not open a line, so a wrap carries it along with the word before.
_NO_LINE_START = set("，。、；：？！）》」』】〕”’%‰,.;:?!)]}")
_FEW_LINES = 3  # a page with fewer long lines does not tell where its column ends
_SENTENCE_END = ("。", "！", "？", "；", "：", ".", "!", "?", ";", ":")
_CN_NUMBER = "一二三四五六七八九十百零〇"
# Numbering that opens a heading or list item: 一、 （二） (3) 4、 5. 6） 第七章 …
_NUMBERED = re.compile(
    rf"[{_CN_NUMBER}]+、|[（(][{_CN_NUMBER}\d]+[）)]|\d+(\.\d+)*([、．)）]|\.(?!\d))"
    rf"|第[{_CN_NUMBER}\d]+[章节条部分篇]|[A-Z][.、]\s"
)
_PAGE_NUMBER = re.compile(
    r"[-—–－‒~]*#+[-—–－‒~]*|第#+页(共#+页)?|#+/#+|(page)?#+(of#+)?|共#+页第#+页",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Char:
    """One character as drawn: its box in points, top-down (y grows down the page)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool = False
    generated: bool = False  # a space the PDF library inferred from a gap

    @property
    def mid_y(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin drawn line (or a rectangle's edge), top-down coordinates."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.y1 - self.y0


@dataclass(frozen=True)
class Page:
    index: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rules: tuple[Rule, ...] = ()
    unmapped: int = 0  # characters without a Unicode value


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
class Grid:
    """A table: its ruled lines, and the box they span."""

    rules: list[Rule]
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0

    def holds(self, c: Char) -> bool:
        return self.x0 <= c.mid_x <= self.x1 and self.y0 <= c.mid_y <= self.y1


@dataclass
class Item:
    """A paragraph (``text``) or a table (``rows``) in reading order."""

    page: int
    y: float
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    bold: bool = False
    lines: list[Line] = field(default_factory=list)


# --- characters to text ---------------------------------------------------------------


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
    return gap > (_WORD_GAP if latin else _CJK_SPACE)


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


# --- tables ----------------------------------------------------------------------------


def find_grids(rules: Sequence[Rule]) -> list[Grid]:
    """Groups of touching rules with at least two lines each way: the tables of a page."""
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(rules)), key=lambda i: rules[i].y0)
    for pos, i in enumerate(order):
        a = rules[i]
        for j in order[pos + 1 :]:
            b = rules[j]
            if b.y0 > a.y1 + TOUCH:
                break
            if _touch(a, b):
                parent[root(i)] = root(j)
    groups: dict[int, list[Rule]] = defaultdict(list)
    for i, r in enumerate(rules):
        groups[root(i)].append(r)
    grids = []
    for members in groups.values():
        flat = sum(1 for r in members if r.horizontal)
        if flat >= 2 and len(members) - flat >= 2:
            grid = Grid(members)
            grid.x0 = min(r.x0 for r in members) - TOUCH
            grid.x1 = max(r.x1 for r in members) + TOUCH
            grid.y0 = min(r.y0 for r in members) - TOUCH
            grid.y1 = max(r.y1 for r in members) + TOUCH
            grids.append(grid)
    return sorted(grids, key=lambda g: g.y0)


def _touch(a: Rule, b: Rule) -> bool:
    return (
        a.x0 - TOUCH <= b.x1
        and b.x0 - TOUCH <= a.x1
        and a.y0 - TOUCH <= b.y1
        and b.y0 - TOUCH <= a.y1
    )


def _cluster(values: Iterable[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOUCH:
            out.append(v)
    return out


def table_rows(grid: Grid, chars: Sequence[Char]) -> list[list[str]]:
    """Rows of cell texts. A cell spans the columns between the vertical rules that
    cross its band; without a rule above it, it continues the cell over it."""
    flats = [r for r in grid.rules if r.horizontal]
    uprights = [r for r in grid.rules if not r.horizontal]
    ys = _cluster((r.y0 + r.y1) / 2 for r in flats)
    xs = _cluster((r.x0 + r.x1) / 2 for r in uprights)
    across = _extents(flats, ys, horizontal=True)  # per row rule: where it runs
    down = _extents(uprights, xs, horizontal=False)
    bands = [(top, bottom) for top, bottom in itertools.pairwise(ys) if bottom - top > TOUCH]
    cells: list[list[tuple[float, float]]] = []
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for b, (top, bottom) in enumerate(bands):
        mid = (top + bottom) / 2
        cuts = [x for x, spans in zip(xs, down, strict=True) if _covered(spans, mid)]
        row = list(itertools.pairwise(cuts))
        cells.append(row)
        rule_above = across[bisect.bisect_right(ys, top) - 1]
        for k, (left, right) in enumerate(row):
            centre = (left + right) / 2
            above = _cell_at(cells[b - 1], centre) if b else None
            ruled = _covered(rule_above, centre)
            owner[(b, k)] = owner[(b - 1, above)] if above is not None and not ruled else (b, k)
    texts: dict[tuple[int, int], list[Char]] = defaultdict(list)
    tops = [top for top, _ in bands]
    for c in chars:
        b = bisect.bisect_right(tops, c.mid_y) - 1
        if b < 0 or c.mid_y > bands[b][1]:
            continue
        col = _cell_at(cells[b], c.mid_x)
        if col is not None:
            texts[owner[(b, col)]].append(c)
    rows = []
    for b, row in enumerate(cells):
        line = [
            cell_text(texts.get((b, k), [])) if owner[(b, k)] == (b, k) else ""
            for k in range(len(row))
        ]
        if any(line):
            rows.append(line)
    return rows


def _extents(
    rules: Sequence[Rule], at: list[float], horizontal: bool
) -> list[list[tuple[float, float]]]:
    """For each clustered rule position in ``at``, the stretches its rules cover."""
    out: list[list[tuple[float, float]]] = [[] for _ in at]
    for r in rules:
        pos = (r.y0 + r.y1) / 2 if horizontal else (r.x0 + r.x1) / 2
        out[bisect.bisect_right(at, pos) - 1].append((r.x0, r.x1) if horizontal else (r.y0, r.y1))
    return out


def _covered(spans: list[tuple[float, float]], v: float) -> bool:
    return any(a - TOUCH <= v <= b + TOUCH for a, b in spans)


def _cell_at(row: list[tuple[float, float]], x: float) -> int | None:
    return next((k for k, (left, right) in enumerate(row) if left <= x <= right), None)


def cell_text(chars: Sequence[Char]) -> str:
    """A cell's lines joined as one wrapped paragraph."""
    text = ""
    for line in group_lines(chars):
        text = join_text(text, line.text)
    return clean_line(clean_chars(text)).replace("\t", " ")


# --- page furniture -------------------------------------------------------------------


def furniture(pages: Sequence[list[Line]], heights: Sequence[float]) -> set[int]:
    """ids of lines that are running headers, footers or page numbers.

    Candidates are the first and last two lines of a page within the top or bottom
    band. A page number (``-3-``, ``第 3 页``, ``3/8``, ``Page 3``) goes wherever it
    is; other text goes when it recurs, digits aside, at the same height on at least
    half the pages (and two).
    """
    candidates: list[tuple[Line, str]] = []
    for lines, height in zip(pages, heights, strict=True):
        band = _FURNITURE_BAND * height
        for line in {id(x): x for x in lines[:2] + lines[-2:]}.values():
            if line.y1 <= band or line.y0 >= height - band:
                candidates.append((line, re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))))
    places: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for line, key in candidates:
        places[key].append((line.page, line.y0))
    need = max(2, (len(pages) + 1) // 2)
    found = set()
    for line, key in candidates:
        pages_here = {p for p, y in places[key] if abs(y - line.y0) <= _SAME_PLACE}
        if _PAGE_NUMBER.fullmatch(key) or (len(pages) >= 2 and len(pages_here) >= need):
            found.add(id(line))
    return found


# --- paragraphs ---------------------------------------------------------------------


def page_tables(page: Page) -> tuple[list[Item], list[Char]]:
    """The tables of a page, and the characters outside them. A ruled box of one
    column (a frame around a page or a list) is no table: its text stays prose."""
    found: list[Item] = []
    inside: set[int] = set()
    for g in find_grids(page.rules):
        held = [i for i, c in enumerate(page.chars) if g.holds(c) and i not in inside]
        rows = table_rows(g, [page.chars[i] for i in held])
        if any(len(row) > 1 for row in rows):
            found.append(Item(page.index, g.y0, rows=rows))
            inside.update(held)
    return found, [c for i, c in enumerate(page.chars) if i not in inside]


def layout_items(pages: Sequence[Page]) -> list[Item]:
    """Paragraphs and tables of all pages in reading order."""
    per_page: list[list[Line]] = []
    tables: list[list[Item]] = []
    for page in pages:
        found, loose = page_tables(page)
        per_page.append(group_lines(loose, page.index))
        tables.append(found)
    drop = furniture(per_page, [p.height for p in pages])
    body = [[line for line in lines if id(line) not in drop] for lines in per_page]
    spacing, usual = leading(body), usual_right(body)
    items: list[Item] = []
    for page, lines, found in zip(pages, body, tables, strict=True):
        column = text_column(lines, spacing, usual, page.width)
        page_items = [Item(ln.page, ln.y0, text=ln.text, bold=ln.bold, lines=[ln]) for ln in lines]
        for item in sorted(page_items + found, key=lambda it: it.y):
            _append(items, item, column)
    return items


@dataclass(frozen=True)
class Column:
    """The text column: its edges, and the usual gap between the lines of a paragraph."""

    left: float
    right: float  # where full lines end
    leading: float  # as a share of the font size
    reach: float = 0.0  # where the longest line ends: the right margin of ragged text

    def centred(self, line: Line) -> bool:
        """Set in the middle of the column, away from its left edge."""
        inset = line.x0 - self.left
        return inset > line.size and abs(inset - (self.reach - line.x1)) <= line.size


def text_column(
    lines: Sequence[Line], leading: float, usual: float | None = None, width: float = 0.0
) -> Column:
    """A page's text column: from its leftmost line start to the median end of its
    long lines (those reaching the last quarter of the page's text), so ragged or
    stretched lines, and one line running past the column, do not move it far. A
    page of a few short lines takes the ``usual`` right edge of the document, or
    else a margin as wide as the left one on a page ``width`` wide."""
    if not lines:
        return Column(0.0, 0.0, leading)
    left = min(ln.x0 for ln in lines)
    reach = max(ln.x1 for ln in lines)
    long = [ln.x1 for ln in lines if ln.x1 >= left + 0.75 * (reach - left)]
    if len(long) < _FEW_LINES:
        edge = max(usual if usual is not None else width - left, reach)
        return Column(left, edge, leading, edge)
    return Column(left, statistics.median(long), leading, reach)


def usual_right(pages: Sequence[list[Line]]) -> float | None:
    """The right edge of the text on pages with enough lines to tell it."""
    edges = [text_column(lines, 0.0).right for lines in pages if len(lines) >= 2 * _FEW_LINES]
    return statistics.median(edges) if edges else None


def leading(pages: Sequence[list[Line]]) -> float:
    """The median gap between successive lines of the same size, relative to that
    size: the space between the lines of a paragraph."""
    gaps = [
        (b.y0 - a.y1) / a.size
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if a.size and abs(a.size - b.size) <= 0.1 * a.size and b.y0 >= a.y1 - a.size
    ]
    return statistics.median(gaps) if gaps else 0.2


def _append(items: list[Item], item: Item, column: Column) -> None:
    prev = items[-1] if items else None
    if item.rows:
        if prev is not None and prev.rows and prev.page < item.page and _same_columns(prev, item):
            prev.rows.extend(item.rows[_repeated_header(prev.rows, item.rows) :])  # continued
        else:
            items.append(item)
        return
    if prev is not None and not prev.rows and runs_on(prev.lines[-1], item.lines[0], column):
        prev.text = join_text(prev.text, item.text)
        prev.lines.append(item.lines[0])
        prev.bold = prev.bold and item.bold
        return
    items.append(item)


def _repeated_header(table: list[list[str]], more: list[list[str]]) -> int:
    """How many of ``more``'s first rows repeat the table's header on a new page."""
    n = 0
    while n < min(len(table), len(more) - 1) and more[n] == table[n]:
        n += 1
    return n


def _same_columns(a: Item, b: Item) -> bool:
    """Two tables as wide as each other: one table broken by a page."""
    return max(map(len, a.rows)) == max(map(len, b.rows))


def runs_on(prev: Line, line: Line, column: Column) -> bool:
    """Whether ``line`` continues the paragraph of ``prev``: ``prev`` was wrapped
    because the first word of ``line`` did not fit, in the same font, and ``line``
    neither opens with an indent nor stands apart by more than the usual leading."""
    size = prev.size
    if not size or abs(line.size - size) > 0.1 * size or line.bold != prev.bold:
        return False
    if line.page == prev.page and line.y0 - prev.y1 > (column.leading + 0.4) * size:
        return False
    if opens_numbered(line.text) and (ends_sentence(prev.text) or _title_like(line, column)):
        return False  # a numbered item or heading after a full line
    word = first_word_width(line)
    if column.centred(prev) and column.centred(line):
        return prev.x1 - prev.x0 + word >= column.reach - column.left - size
    if prev.x1 + word < column.right - 0.5 * size:
        return False
    return line.x0 <= column.left + 1.0 * size  # a first-line indent opens a paragraph


def _title_like(line: Line, column: Column) -> bool:
    """A short line without closing punctuation: a heading, not a paragraph's end."""
    text = line.text.rstrip()
    return not text.endswith((*_SENTENCE_END, "，", ",", "、")) and (
        line.x1 < column.right - 2 * line.size
    )


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def opens_numbered(text: str) -> bool:
    return _NUMBERED.match(text) is not None


def first_word_width(line: Line) -> float:
    """How much room the line's first word needed: a CJK character or a Latin word,
    with the punctuation that may not open a line."""
    shown = line.visible
    first = shown[0]
    end = first.x1
    latin = not is_wide(first.text[0])
    for c in shown[1:]:
        joined = c.text in _NO_LINE_START or (
            latin and not is_wide(c.text[0]) and c.x0 - end <= _WORD_GAP * c.size
        )
        if not joined:
            break
        end = c.x1
    return end - first.x0


# --- the document ---------------------------------------------------------------------


def heading_levels(items: Sequence[Item]) -> list[int | None]:
    """A heading level for each paragraph set larger than the body text: the largest
    such size is level 1. A size used only before the first body paragraph is the
    title's (a cover page), as Word's Title style, and no level."""
    sizes = [_size(it) for it in items]
    weight: dict[float, int] = defaultdict(int)
    for it, size in zip(items, sizes, strict=True):
        if size:
            weight[size] += len(it.text)
    if not weight:
        return [None] * len(items)
    body = max(weight, key=lambda k: weight[k])
    first_body = next((i for i, sz in enumerate(sizes) if sz == body), len(items))
    later = {sz for sz in sizes[first_body:] if sz and sz > body * 1.1}
    ranks = {sz: rank for rank, sz in enumerate(sorted(later, reverse=True), start=1)}
    return [ranks.get(sz) if sz else None for sz in sizes]


def _size(item: Item) -> float:
    """A paragraph's font size to the half point; 0 for a table."""
    return round(item.lines[0].size * 2) / 2 if item.lines else 0.0


def layout_document(name: str, pages: Sequence[Page]) -> Document:
    """The Document of a PDF's pages: blocks as the txt and docx readers make them."""
    out = BlockBuilder()
    items = layout_items(pages)
    for item, level in zip(items, heading_levels(items), strict=True):
        if item.rows:
            out.table(item.rows)
        else:
            out.paragraph(clean_chars(item.text), level, "", item.bold)
    text = out.text()
    if not text:
        raise InputError(name, "contains no text; there is nothing to compare")
    return Document(
        path=name,
        title=first_paragraph(text, out.blocks)[:MAX_TITLE_CHARS] or name,
        text=text,
        blocks=tuple(out.blocks),
        source_format="pdf",
        encoding="utf-8",
    )
