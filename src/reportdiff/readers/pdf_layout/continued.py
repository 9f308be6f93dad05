"""A table broken by a page break: the part on the next page goes on with it.

The part on the next page is read on its own, so it knows only the column edges
its own rows cut (a lone total row spanning the code columns has fewer); both parts
are laid onto the columns of the one with more, and a header row that the printer
repeated at the top of the new page is read once. A row the break cut in two (a row
too tall for the page's end) is read as one row again.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TypeVar

from .lines import CellEnds, Item, is_figure, is_wide
from .page import Column
from .records import TOUCH
from .runon import ends_sentence, runs_on

_SAME_EDGE = 2 * TOUCH  # points: one table's edge, drawn on two pages
# ems short of a cell's right edge a wrapped line's next word may have ended: a ruled
# cell's edge is its rule less the text's padding; a column set in whitespace ends
# where its longest line does, so the word must have gone past it. A Latin word
# needed a space before it as well, and printers space and kern its letters in ways
# its drawn width only roughly shows.
_RULED_SLACK = 0.1
_SET_SLACK = -0.05
_SPACE = 0.5
T = TypeVar("T")


def continues(table: Item, more: Item) -> bool:
    """Whether ``more``, at the top of a later page, goes on with ``table``, which ended
    the page before: the same outer edges, and the columns of one are among the
    other's. A table set in whitespace states no edges: its parts go on when they
    have as many columns, each over the other, starting where the other starts."""
    if table.page >= more.page or not table.edges or not more.edges:
        return False
    if table.columns or more.columns:
        return _same_columns(table.columns, more.columns)
    few, many = sorted((table.edges, more.edges), key=len)
    return (
        abs(few[0] - many[0]) <= _SAME_EDGE
        and abs(few[-1] - many[-1]) <= _SAME_EDGE
        and all(_edge_index(many, x) is not None for x in few)
    )


def _same_columns(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return (
        len(a) == len(b) > 0
        and abs(a[0][0] - b[0][0]) <= _SAME_EDGE
        and all(x0 <= y1 and y0 <= x1 for (x0, x1), (y0, y1) in zip(a, b, strict=True))
    )


def join_table(table: Item, more: Item) -> None:
    """Append ``more``'s rows to ``table`` (which ``continues`` accepted)."""
    if table.columns:  # set in whitespace: the same columns on both pages
        edges = table.edges
        table.columns = [
            (min(x0, y0), max(x1, y1))
            for (x0, x1), (y0, y1) in zip(table.columns, more.columns, strict=True)
        ]
        rows, ends, added, fresh = table.rows, table.ends, more.rows, more.ends
    else:
        edges = max(table.edges, more.edges, key=len)
        rows = [_widen(row, table.edges, edges, "") for row in table.rows]
        ends = [_widen(row, table.edges, edges, None) for row in table.ends]
        added = [_widen(row, more.edges, edges, "") for row in more.rows]
        fresh = [_widen(row, more.edges, edges, None) for row in more.ends]
    header = _repeated_header(rows, added)
    added, fresh = added[header:], fresh[header:]
    ruled = not table.columns
    if rows and added and split_row(rows[-1], added[0], ends[-1], fresh[0], rows + added, ruled):
        rows[-1] = [wrap_cell(a, b) for a, b in zip(rows[-1], added[0], strict=True)]
        ends[-1] = [wrap_ends(a, b) for a, b in zip(ends[-1], fresh[0], strict=True)]
        added, fresh = added[1:], fresh[1:]
    table.rows = rows + added
    table.ends = ends + fresh
    table.edges = edges


def split_row(
    last: list[str],
    first: list[str],
    last_ends: Sequence[CellEnds | None],
    first_ends: Sequence[CellEnds | None],
    rows: list[list[str]],
    ruled: bool = True,
) -> bool:
    """Whether ``first``, the first row after a break, is the rest of ``last``, the row
    before it, which the break cut: its text goes on only in cells that had text, and
    either it names itself nowhere (no text in the label column of ``rows`` or left of
    it, where the last row had some: a row of its own names itself there, while the
    columns left of it may be merged downwards), or the text of each of its cells
    runs on from the same cell's last line as a wrapped paragraph does (that line
    was full and ended no sentence, the next is in the same font, not indented, no
    numbered item)."""
    filled = [c for c, text in enumerate(first) if text]
    if not filled or any(not last[c] for c in filled):
        return False
    label = _label_column(rows)
    if any(last[: label + 1]) and filled[0] > label:
        return True
    return all(cell_runs_on(last_ends[c], first_ends[c], ruled=ruled) for c in filled)


def cell_runs_on(
    before: CellEnds | None, after: CellEnds | None, leading: float = 0.0, ruled: bool = True
) -> bool:
    """Whether the text of cell ``after`` runs on from that of cell ``before`` as a
    paragraph's wrapped line does; ``leading`` is the usual gap between the lines of
    one cell, as a share of the font size (lines on one page stand no further apart),
    and ``ruled`` says whether the cells' edges are rules or where text ends."""
    if before is None or after is None:
        return False
    last, first = before.last, after.first
    if ends_sentence(last.text) or (is_figure(last.text) and is_figure(first.text)):
        return False  # a sentence ended; no line breaks inside an amount
    if first.x1 > max(after.right, last.x1) + first.size:
        return False  # wider than the line it would have wrapped from: no wrap
    columns = _column(after, leading), _column(before, leading)
    slack = _RULED_SLACK if ruled else _SET_SLACK
    if not is_wide(last.text[-1]) and not is_wide(first.text[0]):
        slack += _SPACE
    return runs_on(last, first, *columns, slack=slack)


def _column(cell: CellEnds, leading: float) -> Column:
    """A cell as the text column its lines wrap in."""
    return Column(cell.left, cell.right, leading, cell.right)


def wrap_cell(a: str, b: str) -> str:
    """A cell's text going on in the cell below, as its next wrapped line."""
    return f"{a}\n{b}" if a and b else a + b


def wrap_ends(a: CellEnds | None, b: CellEnds | None) -> CellEnds | None:
    return a.through(b) if a is not None and b is not None else a or b


def _label_column(rows: list[list[str]]) -> int:
    """The leftmost column that most rows fill: where rows name themselves (columns
    left of it group them, merged downwards)."""
    width = len(rows[0])
    return next((c for c in range(width) if 2 * sum(1 for r in rows if r[c]) > len(rows)), 0)


def _widen(row: list[T], own: list[float], edges: list[float], empty: T) -> list[T]:
    """A row cut at ``own`` edges, laid onto the finer ``edges``: a cell that spans
    several of those columns keeps its content in the first."""
    if own is edges:
        return row
    out: list[T] = []
    for cell, (left, right) in zip(row, itertools.pairwise(own), strict=True):
        span = (_edge_index(edges, right) or 0) - (_edge_index(edges, left) or 0)
        out += [cell] + [empty] * (span - 1)
    return out


def _edge_index(edges: list[float], x: float) -> int | None:
    return next((i for i, e in enumerate(edges) if abs(e - x) <= _SAME_EDGE), None)


def _repeated_header(table: list[list[str]], more: list[list[str]]) -> int:
    """How many of ``more``'s first rows repeat the table's header on a new page."""
    n = 0
    while n < min(len(table), len(more) - 1) and more[n] == table[n]:
        n += 1
    return n
