"""Totals inside tables: a 合计 / 小计 / Total row, and a 合计 column, checked.

A total row states the sum of the rows above it in its column, back to the previous
total of the same or a higher rank (小计 < 合计 < 总计) or to the header; lower-rank
totals stand in for the rows they cover. A total written over its rows (a bare 合计
right under the header, as 决算 tables put it; a 小计 heading its group) states the
sum of the rows below it. A column headed 合计 states the sum of the other summed
columns of its header group. 「其中」 rows right under a total are a selection of it.

Tables nest (core/checks/table_grid.py reads codes and numbering): a total is compared with
the top level, never with a 「其中」 row, and a coded row (20805) is also checked
against its children (2080501 …). Nesting is not always written down (「基本支出 |
其中：人员经费 | 公用经费」), so a total is flagged only when no reading adds up: the
top level, every row, or either with each row that equals the rows right after it
standing in for them. The tolerance is the rounding of the figures as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ...model import Check, Document, Figure, Side
from .common import rounding, show, sum_message, sum_tolerance
from .table_grid import (
    CHILD,
    NUMBERED,
    SUMMED_KINDS,
    UNIT_NOTE,
    Cell,
    Grid,
    label_text,
    read_grid,
    row_label,
    summed_column,
    total_rank,
)

_LEADING_TOTAL = re.compile(r"合计|总计|(?i:total|grand total)")
_SCAN_LIMIT = 60  # rows one row may stand in for: keeps the scan linear


class TableTotal(NamedTuple):
    """A total a table states, whether some reading of its parts adds up to it, and
    the parts of the reading nearest to it."""

    label: str
    total: Figure
    parts: tuple[Figure, ...]
    holds: bool


class _Item(NamedTuple):
    """One row's cell in one column."""

    rank: int  # 0 a part; 1 小计, 2 合计, 3 总计
    fig: Figure | None
    level: int | None  # nesting depth, None where nothing says
    child: bool  # a 「其中」 row
    unknown: bool  # words, a bound (≥90) or another kind: no sum over it holds
    label: str  # row header / column header, for the message
    leads: bool = False  # a bare 合计 right under the header


def check_tables(doc: Document, figures: Sequence[Figure], side: Side) -> list[Check]:
    """Every table total in doc that its rows or columns do not add up to."""
    return [_check(t, side) for t in table_totals(doc, figures) if not t.holds]


def table_totals(doc: Document, figures: Sequence[Figure]) -> list[TableTotal]:
    """Every total the tables of doc state, checked or not, in table order."""
    starts = [f.start for f in figures]
    # a total whose parts the prose checks already sum (check_sums) is left to them
    summed = {id(figures[f.parent]) for f in figures if f.parent is not None}
    out: list[TableTotal] = []
    for block in doc.blocks:
        if block.kind == "table" and len(block.cells) >= 2:
            grid = read_grid(doc.text, block, figures, starts)
            found = [*_row_totals(grid), *_column_totals(grid)]
            out.extend(t for t in found if id(t.total) not in summed)
    return out


# --- total rows ------------------------------------------------------------------


def _row_totals(grid: Grid) -> Iterator[TableTotal]:
    for col in range(len(grid.headers)):
        if summed_column(grid, col):
            items = [_item(grid, r, col) for r in range(grid.head, len(grid.rows))]
            yield from _closing_totals(items)
            yield from _code_parents(items)


def _item(grid: Grid, r: int, col: int) -> _Item:
    row, cell = grid.rows[r], grid.rows[r][col]
    label = row_label(row, col, grid.sides[col])
    fig = cell.fig
    unknown = not cell.blank and (
        fig is None or bool(fig.qualifier) or fig.kind not in SUMMED_KINDS
    )
    code = next((row[c].text for c in sorted(grid.code_cols) if row[c].text), "")
    name = _join(label or label_text(row) or code, grid.headers[col])
    leads = r == grid.head and bool(_LEADING_TOTAL.fullmatch(UNIT_NOTE.sub("", label).strip()))
    child = bool(CHILD.match(label))
    return _Item(total_rank(label), fig, grid.levels[r], child, unknown, name, leads)


def _join(row: str, header: str) -> str:
    header = header.split(" ")[-1] if header else ""
    return f"{row} / {header}" if row and header else row or header


def _closing_totals(items: list[_Item]) -> Iterator[TableTotal]:
    """Each total against what it closes: a stack where a total takes the items above
    it of lower rank. A total written over its rows (a leading 合计, a 小计 heading its
    group) takes the rows below it, up to the next total of its rank, instead; so does
    one whose rows above do not add up when the rows below do."""
    stack: list[_Item] = []
    covered = -1  # rows up to here belong to a total written over them
    for i, item in enumerate(items):
        if not item.rank:
            if i > covered:
                stack.append(item)
            continue
        if item.fig is None:
            continue  # a total row with nothing in this column closes nothing here
        above: list[_Item] = []
        while stack and stack[-1].rank < item.rank:
            above.append(stack.pop())
        above.reverse()
        if above and above[0].child and stack and stack[-1].fig:
            above = above[_under(above, 0, stack[-1]) :]  # 「其中」 under the total before
        heads = not any(p.fig for p in above) and (item.leads or item.rank == 1)
        below = _until_total(items, i) if heads or above else []
        found = _row_total(item, below if heads else above)
        if found and not found.holds and not heads:
            rescue = _row_total(item, below)
            heads = bool(rescue and rescue.holds)
            found = rescue if heads else found
        if heads:
            covered = i + len(below)
        if found or heads:
            stack.append(item)
            yield from [found] if found else []
        else:  # closes nothing (「年度资金总额」 heading its own figures): a row like any
            stack.extend([*above, item._replace(rank=0)])


def _until_total(items: list[_Item], i: int) -> list[_Item]:
    """The items after items[i] up to the next total of its rank or a higher one."""
    end = i + 1
    while end < len(items) and items[end].rank < items[i].rank:
        end += 1
    return items[i + 1 : end]


def _row_total(total: _Item, parts: list[_Item]) -> TableTotal | None:
    filled = [p for p in parts if p.fig]
    if total.fig is None or total.unknown or any(p.unknown for p in parts) or len(filled) < 2:
        return None
    if filled[0].child and _under(filled, 0, total) == len(filled):
        # 「合计 | 其中：财政拨款 | 上年结转」: of which, so perhaps not all of it
        partial = _figs(filled)
        holds = sum(f.value for f in partial) <= total.fig.value + sum_tolerance(total.fig, partial)
        return TableTotal(total.label, total.fig, partial, holds)
    top = _top_level(filled)
    readings = [_figs(r) for r in (top, filled, _collapse(filled), _collapse(top))]
    holds = any(_adds_up(total.fig, r) for r in readings)
    # the reading nearest the total shows the reviewer the likeliest nesting
    value = total.fig.value
    nearest = min(readings, key=lambda r: abs(sum(f.value for f in r) - value))
    return TableTotal(total.label, total.fig, nearest, holds)


def _code_parents(items: list[_Item]) -> Iterator[TableTotal]:
    """A coded row (20805) against its children (2080501, 2080505 …)."""
    for i, item in enumerate(items):
        if item.level is None or item.level >= NUMBERED or item.rank or item.fig is None:
            continue
        children = []
        for j in range(i + 1, len(items)):
            other = items[j]
            if other.rank or other.level is None or other.level <= item.level:
                break
            if other.level == item.level + 1:
                children.append(other)
        if item.unknown or any(c.unknown for c in children) or not _figs(children):
            continue
        parts = _figs(children)
        yield TableTotal(item.label, item.fig, parts, _adds_up(item.fig, parts))


def _top_level(parts: list[_Item]) -> list[_Item]:
    """The outermost rows: the shallowest code or numbering (rows with none keep
    their place, lower-rank totals too); a 「其中」 row and the rows after it that fit
    under the row before it are that row's parts, not the table's."""
    depths = [p.level for p in parts if p.level is not None and not p.rank and not p.child]
    top = min(depths, default=None)
    out: list[_Item] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if p.child and out:
            i = _under(parts, i, out[-1])
            continue
        if p.rank or top is None or p.level is None or p.level == top:
            out.append(p)
        i += 1
    return out


def _under(parts: list[_Item], i: int, parent: _Item) -> int:
    """Past the 「其中」 row at i and the rows after it that fit under parent."""
    assert parent.fig is not None
    target = parent.fig.value
    acc, tolerance, j = 0.0, rounding(parent.fig) + 1e-6, i
    while j < len(parts) and not parts[j].rank and j - i < _SCAN_LIMIT:
        fig = parts[j].fig
        assert fig is not None
        if j > i and acc + fig.value > target + tolerance + rounding(fig):
            break
        acc += fig.value
        tolerance += rounding(fig)
        j += 1
        if abs(acc - target) <= tolerance:
            break
    return j


def _collapse(parts: list[_Item]) -> list[_Item]:
    """Each row that equals the rows right after it stands in for them, at any depth
    (一般公共服务支出 = 财政事务 = 行政运行 + …). Read from the last row up, so that a
    row's children already know the rows they stand in for."""
    values = [p.fig.value if p.fig else 0.0 for p in parts]
    slack = [rounding(p.fig) if p.fig else 0.0 for p in parts]
    ranks = [p.rank for p in parts]
    ends = list(range(1, len(parts) + 1))  # ends[i]: one past the rows i stands for
    for i in range(len(parts) - 1, -1, -1):
        whole = _absorb(values, slack, ranks, i, ends)
        ends[i] = whole or _absorb(values, slack, ranks, i, None) or i + 1
    out, i = [], 0
    while i < len(parts):
        out.append(parts[i])
        i = ends[i]
    return out


def _absorb(
    values: list[float], slack: list[float], ranks: list[int], i: int, ends: list[int] | None
) -> int | None:
    """One past the rows after row i that add up to it, each taken with the rows it
    stands for (ends) or, without ends, one by one; None if none do."""
    acc, tolerance, j = 0.0, slack[i] + 1e-6, i + 1
    for _ in range(_SCAN_LIMIT):
        if j >= len(values) or ranks[j]:
            break
        acc += values[j]
        tolerance += slack[j]
        j = ends[j] if ends else j + 1
        if abs(acc - values[i]) <= tolerance:
            return j
        if acc > values[i] + tolerance:
            break
    return None


def _figs(items: list[_Item]) -> tuple[Figure, ...]:
    return tuple(p.fig for p in items if p.fig)


# --- total columns ---------------------------------------------------------------


def _column_totals(grid: Grid) -> Iterator[TableTotal]:
    """合计 | 基本支出 | 项目支出: each row's 合计 cell against its parts. A group may
    end in columns that are not parts (合计 | 基本支出 | 项目支出 | 年末结转和结余 under
    one header row), so the total holds if the columns nearest it, two or more, add
    up to it."""
    for col, part_cols in _total_columns(grid):
        for row in grid.rows[grid.head :]:
            total, cells = row[col], [row[c] for c in part_cols]
            fig = total.fig
            if fig is None or fig.qualifier or fig.kind not in SUMMED_KINDS:
                continue
            if any(not c.blank and (c.fig is None or c.fig.qualifier) for c in cells):
                continue
            if not any(c.fig for c in cells):
                continue
            if any(c.fig.unit != fig.unit or c.fig.kind != fig.kind for c in cells if c.fig):
                continue
            readings = [_cell_figs(cells[:n]) for n in range(len(cells), 1, -1)]
            holds = any(_adds_up(fig, r) for r in readings)
            nearest = min(readings, key=lambda r: abs(sum(f.value for f in r) - fig.value))
            label = _join(label_text(row), grid.headers[col])
            yield TableTotal(label, fig, nearest, holds)


def _cell_figs(cells: list[Cell]) -> tuple[Figure, ...]:
    return tuple(sorted((c.fig for c in cells if c.fig), key=lambda f: f.start))


def _total_columns(grid: Grid) -> list[tuple[int, list[int]]]:
    """Each 合计 column with the columns it sums, nearest first: those after it in its
    header group up to the next total column, or else those before it."""
    if not grid.head or not any(c.fig for c in grid.rows[grid.head]):
        return []  # the header is only sure where figures follow it
    width, last = len(grid.headers), grid.rows[grid.head - 1]
    summed = [c for c in range(width) if summed_column(grid, c, least=1)]
    totals = {c for c in summed if total_rank(last[c].text)}
    out = []
    for col in sorted(totals):
        group = [c for c in summed if grid.groups[c] == grid.groups[col]]
        after = [c for c in group if c > col]
        stop = min((c for c in after if c in totals), default=width)
        parts = [c for c in after if c < stop]
        if not parts:
            start = max((c for c in group if c < col and c in totals), default=-1)
            parts = [c for c in reversed(group) if start < c < col]
        parts = [c for c in parts if not CHILD.search(grid.headers[c])]
        if len(parts) >= 2:
            out.append((col, parts))
    return out


# --- arithmetic and messages -----------------------------------------------------


def _adds_up(total: Figure, parts: Sequence[Figure]) -> bool:
    return abs(sum(f.value for f in parts) - total.value) <= sum_tolerance(total, parts)


def _check(t: TableTotal, side: Side) -> Check:
    summed = sum(f.value for f in t.parts)
    gap = summed - t.total.value
    sign = "+" if gap > 0 else "−"
    message = sum_message(
        t.label or t.total.label,
        show(t.total.value, t.total),
        len(t.parts),
        show(summed, t.total),
        f"{sign}{show(abs(gap), t.total)}",
    )
    return Check("sum", side, message, (t.total, *t.parts))
