"""The name of each column of a table, read from its header rows.

A header may take several rows, a cell spanning columns keeping its text in the first
of them and leaving the others empty (as the readers lay tables out):

    项目 |      |          | 一般公共预算基本支出 |          |
    编码 |      | 科目名称 | 合计                 | 人员经费 | 公用经费

A column is named by the words over it, nearest last: its own cell in each header row,
or, where that is empty but a row below names the column, the spanning cell to its
left (一般公共预算基本支出 over 人员经费) — never across a cell that starts a new
group in a row above. The two nearest levels name it: 「一般公共预算基本支出 人员经费」,
「公务用车购置及运行费 小计」; years and units in them (2024年预算数（万元）) name no
column of their own, so next year's table has the same names. A label shows the nearest
level after its row's name (合计 / 人员经费); a row with no name shows both.
"""

from __future__ import annotations

import re

_MAX_LEVELS = 2
_YEAR_OR_UNIT = re.compile(
    r"(?:19|20)\d\d\s?年度?|[（(]\s*(?:单位\s*[:：]\s*)?(?:万元|亿元|千元|元|%|％|人|个)\s*[)）]"
)


def column_heads(rows: list[list[str]]) -> list[tuple[str, ...]]:
    """Per column, its name's levels from the header ``rows`` (cell texts), outer
    first: ("一般公共预算基本支出", "人员经费"); () where nothing names it."""
    width = max((len(r) for r in rows), default=0)
    grid = [[_plain(r[c]) if c < len(r) else "" for c in range(width)] for r in rows]
    return [tuple(_path(grid, c)[-_MAX_LEVELS:]) for c in range(width)]


def _path(grid: list[list[str]], col: int) -> list[str]:
    path: list[str] = []
    for r, row in enumerate(grid):
        text = row[col] or (_spanning(grid, r, col) if _named_below(grid, r, col) else "")
        if text and (not path or path[-1] != text):
            path.append(text)
    return path


def _named_below(grid: list[list[str]], r: int, col: int) -> bool:
    return any(row[col] for row in grid[r + 1 :])


def _spanning(grid: list[list[str]], r: int, col: int) -> str:
    """The text of the cell of row r that spans over col from its left, if any."""
    for left in range(col - 1, -1, -1):
        if any(row[k] for row in grid[:r] for k in range(left + 1, col + 1)):
            return ""  # a row above starts a new group between: not this cell's span
        if grid[r][left]:
            return grid[r][left]
    return ""


def _plain(cell: str) -> str:
    """A header cell's words without the years and units that differ between years."""
    text = cell.strip()
    stripped = _YEAR_OR_UNIT.sub("", text).strip()
    return stripped if sum(ch.isalpha() for ch in stripped) >= 2 else text
