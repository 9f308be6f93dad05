"""A table block read as a grid for the total checks: cells with their one figure,
header rows, header groups, row nesting and which columns may be summed.

Nesting comes from 类/款/项 subject codes (201 > 20106 > 2010601: split over code
cells, or written before the name) or else from the numbering of the row's name
(一、 > （一） > 1. > （1））. Columns headed by a rate, share, average, unit price,
year, serial number or code are never summed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ...model import Block, Figure

_ZH_TOTAL = re.compile(
    r"(?P<pre>[^\d\s：:，,。]{0,10}?)(?P<word>合计|总计|小计|共计|总额)(?:数|金额)?"
)
_EN_TOTAL = re.compile(r"(?i)(?P<word>grand total|sub-?total|total)(?:s?\b[\w ,&'-]{0,40})?")
UNIT_NOTE = re.compile(r"[（(][^）)]{0,12}[）)]")
_NOT_SUMMED = re.compile(
    r"率|占比|比例|比重|百分|%|％|幅|平均|人均|均值|单价|标准|(?i:rate|percent|average)"
)
_CODE_HEAD = re.compile(
    r"类|款|项|科目编码|功能分类科目编码|经济分类科目编码|编码|代码|序号|编号|(?i:no\.?|code)"
)
_YEAR_HEAD = re.compile(r"年份|年度|(?i:year)")
_MARKERS = (
    re.compile(r"[一二三四五六七八九十]+[、.．]"),
    re.compile(r"[（(][一二三四五六七八九十]+[)）]"),
    re.compile(r"\d{1,2}[、.．](?!\d)"),
    re.compile(r"[（(]\d{1,2}[)）]"),
)
_INLINE_CODE = re.compile(r"(\d{2,9})\s*(?=[^\d\s.．、])")
CHILD = re.compile(r"其中|(?i:of which)")
_NEGATIVE = "-−–－(（"
_BLANK = {"", "-", "—", "——", "－", "/", "／", "–"}
SUMMED_KINDS = ("amount", "count")
NUMBERED = 10  # levels from numbering start here, below any code level


class Cell(NamedTuple):
    """One cell of a table as the checks read it."""

    text: str
    fig: Figure | None  # the one figure that fills the cell
    blank: bool  # empty or a dash: zero, and not a part


class Grid(NamedTuple):
    """A table's cells with their figures, header rows, column groups and row depths."""

    rows: list[list[Cell]]
    head: int  # header rows
    headers: list[str]  # per column, the header rows' words joined by spaces
    groups: list[int]  # per column, the first column of its header group
    levels: list[int | None]  # per row: nesting depth, None where nothing says
    code_cols: frozenset[int]
    sides: list[int]  # per column, the first column of its side (收入 | … | 支出 | …)


def read_grid(text: str, block: Block, figures: Sequence[Figure], starts: list[int]) -> Grid:
    """block's cells with the figures (sorted by start, starts their offsets) in them."""
    rows = [[_cell(text, s.start, s.end, figures, starts) for s in row] for row in block.cells]
    width = max(len(r) for r in rows)
    rows = [r + [Cell("", None, True)] * (width - len(r)) for r in rows]
    head = 0
    while head < min(3, len(rows) - 1) and _is_header_row(rows[head]):
        head += 1
    headers = [" ".join(r[c].text for r in rows[:head] if r[c].text) for c in range(width)]
    groups, start = [], 0
    for c in range(width):
        if c and any(r[c].text for r in rows[: head - 1]):
            start = c
        groups.append(start)
    names_at = min((_first_wordy(r) for r in rows[head:]), default=width)
    codes = frozenset(
        c for c in range(width) if _is_code_column(rows[head:], headers[c], c, names_at)
    )
    widths = {c: _code_width(rows[head:], c) for c in codes}
    levels = [_level(r, widths) for r in rows]
    return Grid(rows, head, headers, groups, levels, codes, _sides(rows[head:], width))


def _sides(rows: list[list[Cell]], width: int) -> list[int]:
    """A column of names right of a column of figures starts a new side: the rows
    of a two-sided table (收入 | 决算数 | 支出 | 决算数) have a header on each."""

    def share(col: int, test: Callable[[Cell], bool]) -> float:
        filled = [r[col] for r in rows if not r[col].blank]
        return sum(map(test, filled)) / len(filled) if filled else 0.0

    out, start = [], 0
    for c in range(width):
        if c and share(c, _wordy) > 0.5 and share(c - 1, lambda x: x.fig is not None) > 0.5:
            start = c
        out.append(start)
    return out


def _cell(text: str, start: int, end: int, figures: Sequence[Figure], starts: list[int]) -> Cell:
    s = text[start:end].strip()
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    inside = [f for f in figures[lo:hi] if f.end <= end]
    fig = None
    if len(inside) == 1:  # 「43座」 fills its cell; 「专职社工7人，每人4.5万元」 does not
        rest = s.replace(inside[0].text.strip(), "", 1).strip()
        clean = len(rest) <= 2 and not any(ch.isdigit() or ch in _NEGATIVE for ch in rest)
        fig = inside[0] if clean else None  # (15) and -15 are not 15
    return Cell(s, fig, s in _BLANK)


def _is_header_row(row: list[Cell]) -> bool:
    """Short words and no amounts: 项目 | 合计 | 基本支出 (years may head columns)."""
    words = [c.text for c in row if c.text]
    numbers = [c for c in row if c.fig and c.fig.kind not in ("year", "date")]
    return not numbers and bool(words) and all(len(w) <= 24 for w in words)


def names(header: str, pattern: re.Pattern[str]) -> bool:
    """One of the header's words is exactly one of pattern's (科目编码 / 类 / 款 / 项)."""
    return any(pattern.fullmatch(UNIT_NOTE.sub("", w)) for w in header.split(" "))


def _first_wordy(row: list[Cell]) -> int:
    return next((c for c, cell in enumerate(row) if _wordy(cell)), len(row))


def _is_code_column(rows: list[list[Cell]], header: str, col: int, names_at: int) -> bool:
    """Headed as codes, or, before the names, digits only that look like nested codes:
    06 / 01 (款, 项 with their leading zero) or 201 / 20106 side by side."""
    if names(header, _CODE_HEAD):
        return True
    if col >= names_at:
        return False
    values = [r[col].text for r in rows if r[col].text]
    if not values or not all(v.isdigit() and len(v) in (2, 3, 5, 7) for v in values):
        return False
    return any(v.startswith("0") for v in values) or len({len(v) for v in values}) > 1


def _code_width(rows: list[list[Cell]], col: int) -> int:
    """2 for a column of 款 or 项 codes (01 … 99) where some lost their leading zero
    (spreadsheets drop it from a cell they hold as a number), else 0: codes as written."""
    lengths = {len(r[col].text) for r in rows if r[col].text.isdigit()}
    return 2 if lengths == {1, 2} else 0


def _level(row: list[Cell], widths: dict[int, int]) -> int | None:
    code = "".join(row[c].text.zfill(widths[c]) for c in sorted(widths) if row[c].text.isdigit())
    label = label_text(row)
    inline = _INLINE_CODE.match(label)
    if inline and (code or len(inline.group(1)) in (3, 5, 7)):
        code += inline.group(1)  # 「01 行政运行」 under 类 201 and 款 06
    if len(code) in (3, 5, 7, 9):
        return (len(code) - 1) // 2
    for depth, marker in enumerate(_MARKERS):
        if marker.match(label):
            return NUMBERED + depth
    return None


def label_text(row: list[Cell]) -> str:
    """The row's first cell with words."""
    return next((_plain(c.text) for c in row if _wordy(c)), "")


def row_label(row: list[Cell], col: int, side: int = 0) -> str:
    """The nearest cell with words left of col within its side (from column side
    on): the row header."""
    return next((_plain(row[c].text) for c in range(col - 1, side - 1, -1) if _wordy(row[c])), "")


def _plain(text: str) -> str:
    """A cell's words without markdown emphasis: **合计** → 合计."""
    return text.strip("*_ ")


def _wordy(cell: Cell) -> bool:
    return bool(cell.text) and cell.fig is None and not cell.blank and not cell.text.isdigit()


def total_rank(label: str) -> int:
    """0 a part; 1 小计 / Subtotal; 2 合计 / Total; 3 总计 / Grand total."""
    label = UNIT_NOTE.sub("", label).strip()
    m = _ZH_TOTAL.fullmatch(label)
    if m and not CHILD.search(m.group("pre")):
        return {"小计": 1, "总计": 3}.get(m.group("word"), 2)
    m = _EN_TOTAL.fullmatch(label)
    if m:
        word = m.group("word").lower()
        return 1 if word.startswith("sub") else 3 if word.startswith("grand") else 2
    return 0


def summed_column(grid: Grid, col: int, least: int = 2) -> bool:
    """Amounts or counts (scores too), not rates, years, codes or averages; at least
    `least` of them."""
    header = grid.headers[col]
    if col in grid.code_cols or _NOT_SUMMED.search(header) or names(header, _YEAR_HEAD):
        return False
    data = [f for r in grid.rows[grid.head :] if (f := r[col].fig)]
    return len(data) >= least and all(f.kind in SUMMED_KINDS for f in data)
