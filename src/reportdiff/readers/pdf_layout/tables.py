"""Ruled tables: touching rules form a grid, the characters inside it rows of cells."""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..normalize import clean_chars, clean_line
from .lines import CellEnds, Item, Line, group_lines, join_text
from .records import TOUCH, Char, Grid, Page, Rule


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


def read_table(
    grid: Grid, chars: Sequence[Char]
) -> tuple[list[list[str]], list[float], list[list[CellEnds | None]]]:
    """Rows of cell texts, one per column so that a figure stands under its header in
    every row, the x of the column edges, and where each cell's text begins and ends.
    A cell spans the columns between the vertical rules that cross its band: its text
    goes in the first of them, the others stay empty. Without a rule above it, a cell
    continues the cell over it and is left empty."""
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
    # the table's columns: every place where some row is cut
    edges = sorted({x for row in cells for cell in row for x in cell})
    lines = {key: group_lines(members) for key, members in texts.items()}
    pad = _padding(lines, cells)
    rows: list[list[str]] = []
    ends: list[list[CellEnds | None]] = []
    for b, row in enumerate(cells):
        lead = edges.index(row[0][0]) if row else 0  # columns left of its cells
        line: list[str] = [""] * lead
        geometry: list[CellEnds | None] = [None] * lead
        for k, (left, right) in enumerate(row):
            own = lines.get((b, k), []) if owner[(b, k)] == (b, k) else []
            span = edges.index(right) - edges.index(left)
            line += [wrapped_text(own)] + [""] * (span - 1)
            shown = CellEnds(own[0], own[-1], left + pad, right - pad) if own else None
            geometry += [shown] + [None] * (span - 1)
        line += [""] * (len(edges) - len(line) - 1)  # and right of them
        geometry += [None] * (len(line) - len(geometry))
        if any(line):
            rows.append(line)
            ends.append(geometry)
    return rows, edges, ends


def _padding(
    lines: dict[tuple[int, int], list[Line]], cells: list[list[tuple[float, float]]]
) -> float:
    """How far text stands inside its cell's rules: the least inset of any cell's
    text from its left rule (the same on the right)."""
    insets = [
        min(ln.x0 for ln in members) - cells[b][k][0]
        for (b, k), members in lines.items()
        if members
    ]
    return max(min(insets), 0.0) if insets else 0.0


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
    """A cell's lines as ``wrapped_text``."""
    return wrapped_text(group_lines(chars))


def wrapped_text(lines: Sequence[Line]) -> str:
    """A cell's lines, one a line of text: how they join is for ``finish_cell`` to say
    once the document's spacing is known."""
    return "\n".join(clean_chars(ln.text).replace("\n", " ") for ln in lines)


def finish_cell(text: str, spaced_scripts: bool) -> str:
    """A cell's wrapped lines joined as one paragraph, spaced as the document spaces
    its paragraphs' wraps (see ``join_text``)."""
    joined = ""
    for piece in text.split("\n"):
        joined = join_text(joined, piece, spaced_scripts)
    return clean_line(joined).replace("\t", " ")


def page_tables(page: Page) -> tuple[list[Item], list[Char]]:
    """The tables of a page, and the characters outside them. A ruled box of one
    column (a frame around a page or a list) is no table: its text stays prose."""
    found: list[Item] = []
    inside: set[int] = set()
    for g in find_grids(page.rules):
        held = [i for i, c in enumerate(page.chars) if g.holds(c) and i not in inside]
        rows, edges, ends = read_table(g, [page.chars[i] for i in held])
        if any(len(row) > 1 for row in rows):
            found.append(Item(page.index, g.y0, rows=rows, edges=edges, ends=ends))
            inside.update(held)
    return found, [c for i, c in enumerate(page.chars) if i not in inside]
