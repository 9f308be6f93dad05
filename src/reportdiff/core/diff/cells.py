"""A table row diffed cell by cell.

The readers write a table row with its cells apart by tabs. Two versions of a row that
hold as many cells keep their columns: the n-th old cell is diffed against the n-th new
one and the tabs stay equal, so an edit never straddles a cell. (A token diff of the
whole row can match a figure of one column with the same figure in another and then
mix the two columns in one edit.)
"""

from __future__ import annotations

from collections.abc import Callable

from .readable import CELL, EQUAL

Diff = list[tuple[int, str]]


def one_row_shape(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are two versions of table rows of one shape: as many
    lines, and as many cells in each line of ``a`` as in its line of ``b``."""
    if CELL not in a:
        return False
    lines_a, lines_b = a.split("\n"), b.split("\n")
    return len(lines_a) == len(lines_b) and all(
        x.count(CELL) == y.count(CELL) for x, y in zip(lines_a, lines_b, strict=True)
    )


def same_column(a: str, at_a: int, b: str, at_b: int) -> bool:
    """Whether offset ``at_a`` of ``a`` and ``at_b`` of ``b`` stand in the same column:
    as many cells of their rows before them."""
    return a.count(CELL, a.rfind("\n", 0, at_a) + 1, at_a) == b.count(
        CELL, b.rfind("\n", 0, at_b) + 1, at_b
    )


def diff_cells(a: str, b: str, diff: Callable[[str, str], Diff]) -> Diff:
    """The diff of rows of one shape (``one_row_shape``), ``diff`` run on each changed
    cell; tabs, line breaks and unchanged cells are equalities."""
    out: Diff = []
    for k, (line_a, line_b) in enumerate(zip(a.split("\n"), b.split("\n"), strict=True)):
        if k:
            out.append((EQUAL, "\n"))
        cells = zip(line_a.split(CELL), line_b.split(CELL), strict=True)
        for j, (x, y) in enumerate(cells):
            if j:
                out.append((EQUAL, CELL))
            if x == y:
                out.append((EQUAL, x))
            else:
                out.extend(diff(x, y))
    return [(op, t) for op, t in out if t]
