"""A table broken by a page break: the part on the next page goes on with it.

The part on the next page is read on its own, so it knows only the column edges
its own rows cut (a lone total row spanning the code columns has fewer); both parts
are laid onto the columns of the one with more, and a header row that the printer
repeated at the top of the new page is read once.
"""

from __future__ import annotations

import itertools

from .lines import Item, join_text
from .records import TOUCH

_SAME_EDGE = 2 * TOUCH  # points: one table's edge, drawn on two pages


def continues(table: Item, more: Item) -> bool:
    """Whether ``more``, at the top of a later page, goes on with ``table``, which ended
    the page before: the same outer edges, and the columns of one are among the
    other's."""
    if table.page >= more.page or not table.edges or not more.edges:
        return False
    few, many = sorted((table.edges, more.edges), key=len)
    return (
        abs(few[0] - many[0]) <= _SAME_EDGE
        and abs(few[-1] - many[-1]) <= _SAME_EDGE
        and all(_edge_index(many, x) is not None for x in few)
    )


def join_table(table: Item, more: Item) -> None:
    """Append ``more``'s rows to ``table`` (which ``continues`` accepted)."""
    edges = max(table.edges, more.edges, key=len)
    rows = [_widen(row, table.edges, edges) for row in table.rows]
    added = [_widen(row, more.edges, edges) for row in more.rows]
    added = added[_repeated_header(rows, added) :]
    if rows and added and _split_row(rows[-1], added[0], _label_column(rows + added)):
        rows[-1] = [join_text(a, b) for a, b in zip(rows[-1], added.pop(0), strict=True)]
    table.rows = rows + added
    table.edges = edges


def _split_row(last: list[str], first: list[str], label: int) -> bool:
    """Whether ``first``, the first new row after a page break, is the rest of the last
    row before it, which the break cut (a row too tall for the page's end): its text
    only goes on in cells that had text, and it has none in the ``label`` column or
    left of it, where the last row had some. A row of its own names itself there;
    the columns left of it may be merged downwards."""
    filled = [c for c, text in enumerate(first) if text]
    if not filled or any(not last[c] for c in filled):
        return False
    return any(last[: label + 1]) and filled[0] > label


def _label_column(rows: list[list[str]]) -> int:
    """The leftmost column that most rows fill: where rows name themselves (columns
    left of it group them, merged downwards)."""
    width = len(rows[0])
    return next((c for c in range(width) if 2 * sum(1 for r in rows if r[c]) > len(rows)), 0)


def _widen(row: list[str], own: list[float], edges: list[float]) -> list[str]:
    """A row cut at ``own`` edges, laid onto the finer ``edges``: a cell that spans
    several of those columns keeps its text in the first."""
    if own is edges:
        return row
    out: list[str] = []
    for text, (left, right) in zip(row, itertools.pairwise(own), strict=True):
        span = (_edge_index(edges, right) or 0) - (_edge_index(edges, left) or 0)
        out += [text] + [""] * (span - 1)
    return out


def _edge_index(edges: list[float], x: float) -> int | None:
    return next((i for i, e in enumerate(edges) if abs(e - x) <= _SAME_EDGE), None)


def _repeated_header(table: list[list[str]], more: list[list[str]]) -> int:
    """How many of ``more``'s first rows repeat the table's header on a new page."""
    n = 0
    while n < min(len(table), len(more) - 1) and more[n] == table[n]:
        n += 1
    return n
