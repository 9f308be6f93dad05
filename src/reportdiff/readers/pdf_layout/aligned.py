"""Tables without ruling lines: text set in columns of whitespace.

Government PDFs often lay a table out with spaces alone. A line whose characters
stand apart by a wide gap (``_COLUMN_GAP`` ems, far more than a word space or the
stretch of a justified line) is in pieces; a run of such lines whose pieces fall into
the same columns — gutters no piece crosses — is a table when the evidence is strong:
several rows, and a column of figures beside the first. Running text never has such
gutters, and a page in two text columns has no column of figures, so neither turns
into a table; nor does a table of contents (page numbers in order).

A cell's text may wrap over several lines: a line that fills only some of a row's
cells, and whose text runs on from theirs as a wrapped paragraph line does, is more
of that row. A table that ends its page goes on with the lines at the top of the
next that keep to its columns.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

from .continued import cell_runs_on, wrap_cell, wrap_ends
from .lines import CellEnds, Item, Line, is_figure
from .records import Char
from .tables import cell_text

_COLUMN_GAP = 2.0  # ems: a wider gap inside a line parts two cells
_NARROW_GAP = 0.8  # ems: within a table's rows, a wider gap may part two cells
_MIN_ROWS = 3  # rows of two cells or more that a table needs
_TRIM = 2  # lines at either end of a run that may be left out of its table
_FIGURES = 0.6  # share of a column's cells that are figures, for a column of figures
_LONE_GAP = 0.6  # of the font size: the gap between a cell's lines, where not measured


Run = list[tuple[Line, list[list[Char]]]]  # lines of a table, each cut into its cells


def aligned_tables(
    lines: Sequence[Line], before: Item | None = None
) -> tuple[list[Item], list[Line]]:
    """The whitespace tables among a page's lines (top to bottom), and the other lines.

    A line in one piece that stands within the columns of the lines in pieces above
    it is one of their rows, or a cell's wrapped line, when more rows follow it; after
    the last row, or before the first, it stays with the table only when it goes on
    with a cell of that row. ``before`` is a table set in whitespace that ended the
    page before: the lines at the top of this page that keep to its columns go on
    with it, however few (see ``continued_part``)."""
    tables: list[Item] = []
    part, start = continued_part(lines, before) if before is not None else (None, 0)
    if part is not None:
        tables.append(part)
    rest: list[Line] = []
    above: Run = []  # lines in one piece just above the run: where its first row may begin
    run: Run = []
    pending: Run = []  # lines in one piece within the run's columns
    for line in [*lines[start:], None]:
        pieces = _pieces(line) if line is not None else []
        if line is not None and len(pieces) >= 2:
            run += [*pending, (line, pieces)]
            pending = []
            continue
        if line is not None and run and _within(run + pending, line, pieces):
            pending.append((line, pieces))
            continue
        if run:
            used = _close(above, run, pending, tables)
            rest.extend(ln for ln, _ in above + run + pending if id(ln) not in used)
            above = []
        run, pending = [], []
        if line is not None:
            above.append((line, pieces))
            if len(above) > _TRIM:
                rest.append(above.pop(0)[0])
    rest.extend(ln for ln, _ in above)
    return tables, sorted(rest, key=lambda ln: ln.y0)


def _close(above: Run, run: Run, pending: Run, tables: list[Item]) -> set[int]:
    """The table the run makes, with the lines after it that wrap its last row and
    those before it that begin its first; ids of the lines it took."""
    run = _settled(run)
    run = run + pending[: _wrapped_tail(run, pending)]
    found, used = _best_table(run)
    if not found:
        return set()
    table, taken = found[0], run[used.start : used.stop]
    lead = _leading_wraps(above, taken, table) if used.start == 0 else 0
    longer = _table(above[len(above) - lead :] + taken) if lead else None
    if longer is not None:
        table, taken = longer, above[len(above) - lead :] + taken
    tables.append(table)
    return {id(ln) for ln, _ in taken}


def _leading_wraps(above: Run, run: Run, table: Item) -> int:
    """How many of the lines above a table set at the bottom of its rows begin its
    first row: each holds only a cell that runs on into the line below."""
    leading = _usual_gap(run)
    lines = [_cells(entry, table.columns) for entry in run]
    if _set_at_top([(r, e) for r, e in lines if r is not None], leading):
        return 0
    lower, lower_ends = lines[0]
    count = 0
    for entry in reversed(above):
        upper, upper_ends = _cells(entry, table.columns)
        if upper is None or lower is None:
            break
        if not _same_row(upper, upper_ends, lower, lower_ends, leading, top=False):
            break
        count += 1
        lower, lower_ends = upper, upper_ends
    return count


def continued_part(lines: Sequence[Line], table: Item) -> tuple[Item | None, int]:
    """The part of ``table`` that goes on at the top of the next page, and how many
    of the page's first lines it takes: lines whose cells keep to the table's
    columns, with two cells or more, or one cell that goes on with the cell above
    it (the rest of a row the break cut, a wrapped cell). Fewer rows than make a
    table of their own do, since the table above shows its columns."""
    columns = table.columns
    if not columns or not table.rows:
        return None, 0
    lines_in: Run = []
    cells: list[Cells] = []
    last: Cells = (table.rows[-1], table.ends[-1])
    for line in lines:
        pieces = _pieces(line)
        if not all(_in_column(columns, p, line.size) for p in pieces):
            pieces = _pieces(line, _NARROW_GAP)
        row, row_ends = _cells((line, pieces), columns)
        if row is None or not all(_in_column(columns, p, line.size) for p in pieces):
            break
        if len(pieces) < 2 and not _same_row(*last, row, row_ends, _LONE_GAP, top=True):
            break
        lines_in.append((line, pieces))
        cells.append((row, row_ends))
        last = (row, row_ends)
    if not lines_in:
        return None, 0
    rows, ends = _rows(cells, _usual_gap(lines_in))
    first = lines_in[0][0]
    part = Item(first.page, first.y0, rows=rows, edges=table.edges, ends=ends, columns=columns)
    return part, len(lines_in)


def _in_column(columns: list[tuple[float, float]], piece: list[Char], slack: float) -> bool:
    """Whether a piece starts in one of the columns and keeps out of the next."""
    x0, x1 = piece[0].x0, piece[-1].x1
    bounds = [left for left, _ in columns[1:]] + [columns[-1][1] + slack]
    return any(
        left - slack <= x0 <= right + slack and x1 < bound
        for (left, right), bound in zip(columns, bounds, strict=True)
    )


def _within(run: Run, line: Line, pieces: list[list[Char]]) -> bool:
    """Whether a line in one piece starts in one of the run's columns and keeps out
    of the next (a wrapped cell may be wider than the run's lines so far), no
    further below the run than its lines stand apart."""
    if len(pieces) != 1:
        return False
    last = run[-1][0]
    if line.y0 - last.y1 > (_usual_gap(run) + 0.4) * line.size:
        return False
    return _in_column(_gutters([p for _, ps in run for p in ps]), pieces[0], line.size)


def _usual_gap(run: Run) -> float:
    """The median gap between the run's lines, as a share of their font size."""
    gaps = [(b.y0 - a.y1) / a.size for (a, _), (b, _) in itertools.pairwise(run) if a.size]
    return statistics.median(gaps) if gaps else 0.5


def _wrapped_tail(run: Run, pending: Run) -> int:
    """How many of the lines after the run's last row go on with its cells."""
    if not run:
        return 0
    columns = _gutters([p for _, ps in run for p in ps])  # a line below is no measure
    leading = _usual_gap(run)
    row, ends = _cells(run[-1], columns)
    taken = 0
    for entry in pending:
        more, more_ends = _cells(entry, columns)
        if row is None or more is None or not _same_row(row, ends, more, more_ends, leading, True):
            break
        row = [wrap_cell(a, b) for a, b in zip(row, more, strict=True)]
        ends = [wrap_ends(a, b) for a, b in zip(ends, more_ends, strict=True)]
        taken += 1
    return taken


def _best_table(run: Run) -> tuple[list[Item], range]:
    """The table the run makes, or the one it makes without a line or two at either
    end (a caption such as 「编制单位：…    单位：万元」 above the rows); and the
    lines it took."""
    n = len(run)
    for trim in range(_TRIM * 2 + 1):
        for start in range(min(trim, _TRIM) + 1):
            end = n - (trim - start)
            if trim - start > _TRIM or end - start < _MIN_ROWS:
                continue
            table = _table(run[start:end]) or _table(_recut(run[start:end]))
            if table is not None:
                return [table], range(start, end)
    return [], range(0)


def _settled(run: Run) -> Run:
    """The run cut at wide gaps, or at narrower ones where only those show its
    columns: a gutter the narrower pieces keep to, which some wide piece crosses."""
    recut = _recut(run)
    wide = _gutters([p for _, ps in run for p in ps])
    narrow = _gutters([p for _, ps in recut for p in ps])
    return recut if len(narrow) > len(wide) and _table(run) is None else run


def _recut(run: Run) -> Run:
    """The run's lines cut at narrower gaps: a cell that fills its column stands as
    little as its padding (about an em) from the next, where the other rows show the
    gutter; the run itself was found by the wide gaps of those rows."""
    return [(line, _pieces(line, _NARROW_GAP) if len(ps) > 1 else ps) for line, ps in run]


def _pieces(line: Line, gap: float = _COLUMN_GAP) -> list[list[Char]]:
    """The line's characters, cut where a gap (``gap`` ems or more) is a column's
    gutter."""
    out: list[list[Char]] = []
    for c in line.visible:
        if out and c.x0 - out[-1][-1].x1 <= gap * max(c.size, line.size):
            out[-1].append(c)
        else:
            out.append([c])
    return out


def _table(run: Run) -> Item | None:
    """The run of lines as a table, or None when its columns are not convincing. A
    line whose cells go on with cells of the row above (a cell's text wrapped) is
    part of that row."""
    columns = _gutters([p for _, pieces in run for p in pieces])
    if len(columns) < 2 or not (_fits(run, 0) and _fits(run, -1)):
        return None
    lines = [_cells(entry, columns) for entry in run]
    if any(row is None for row, _ in lines):
        return None  # two pieces in one column: not aligned after all
    rows, ends = _rows([(row, e) for row, e in lines if row is not None], _usual_gap(run))
    if not _has_figures(rows) or _contents_list(rows):
        return None
    first = run[0][0]
    edges = [left for left, _ in columns] + [columns[-1][1]]
    return Item(first.page, first.y0, rows=rows, edges=edges, ends=ends, columns=columns)


Cells = tuple[list[str], list[CellEnds | None]]  # a line's cell texts, and their ends


def _rows(
    lines: list[Cells], leading: float
) -> tuple[list[list[str]], list[list[CellEnds | None]]]:
    """The table's rows from its lines: a row whose cells wrap stands on several
    lines, the cells that do not wrap on its first line (set at the top of their
    row) or on its last (at the bottom), whichever the table shows more often."""
    top = _set_at_top(lines, leading)
    rows: list[list[str]] = []
    ends: list[list[CellEnds | None]] = []
    for row, row_ends in lines:
        if rows and _same_row(rows[-1], ends[-1], row, row_ends, leading, top):
            rows[-1] = [wrap_cell(a, b) for a, b in zip(rows[-1], row, strict=True)]
            ends[-1] = [wrap_ends(a, b) for a, b in zip(ends[-1], row_ends, strict=True)]
        else:
            rows.append(row)
            ends.append(row_ends)
    return rows, ends


def _set_at_top(lines: list[Cells], leading: float) -> bool:
    """Whether the cells that do not wrap stand on the first line of their row."""
    pairs = list(itertools.pairwise(lines))
    top = sum(_same_row(*a, *b, leading, top=True) for a, b in pairs)
    return top >= sum(_same_row(*a, *b, leading, top=False) for a, b in pairs)


def _cells(
    entry: tuple[Line, list[list[Char]]], columns: list[tuple[float, float]]
) -> tuple[list[str] | None, list[CellEnds | None]]:
    """A line's cells in the table's columns, and where their text stands; None for
    a line with two pieces in one column, or one outside the columns."""
    line, pieces = entry
    row = [""] * len(columns)
    ends: list[CellEnds | None] = [None] * len(columns)
    for piece in pieces:
        col = _column_of(columns, piece)
        if col is None or row[col]:
            return None, ends
        row[col] = cell_text(piece)
        shown = Line(piece, line.page)
        ends[col] = CellEnds(shown, shown, *columns[col])
    return row, ends


def _same_row(
    upper: list[str],
    upper_ends: list[CellEnds | None],
    lower: list[str],
    lower_ends: list[CellEnds | None],
    leading: float,
    top: bool,
) -> bool:
    """Whether ``lower`` is more of the row ``upper``: the lower line fills no cells
    but the upper's (a row set at the ``top``: a wrapped cell's next line stands
    alone), or the upper none but the lower's (set at the bottom: the cells that do
    not wrap stand beside a wrapped cell's last line), and each cell both fill runs on
    from ``upper`` into ``lower`` as a wrapped line does (an amount never does)."""
    above = {c for c, text in enumerate(upper) if text}
    below = {c for c, text in enumerate(lower) if text}
    if not (below <= above if top else above <= below):
        return False
    return all(
        cell_runs_on(upper_ends[c], lower_ends[c], leading, ruled=False) for c in above & below
    )


def _fits(run: Run, end: int) -> bool:
    """Whether the row at the run's ``end`` keeps within the columns the other rows
    make (an em of slack): a caption above a table, 「编制单位：…  单位：万元」,
    sticks out of them. A first row's cell may be wider than the column when its
    text wraps: the next line, in one piece, goes on below it."""
    line, pieces = run[end]
    others = _gutters([p for k, (_, ps) in enumerate(run) if k != end % len(run) for p in ps])
    slack = line.size
    wraps = end == 0 and len(run) > 1 and len(run[1][1]) == 1
    return all(
        (wraps and abs(run[1][1][0][0].x0 - p[0].x0) <= slack)
        or any(
            left - slack <= p[0].x0 and max(c.x1 for c in p) <= right + slack
            for left, right in others
        )
        for p in pieces
    )


def _gutters(pieces: list[list[Char]]) -> list[tuple[float, float]]:
    """Columns: the x ranges the pieces cover, merged where they overlap; between two
    columns lies a gutter no piece crosses."""
    spans = sorted((p[0].x0, max(c.x1 for c in p)) for p in pieces)
    columns: list[tuple[float, float]] = []
    for left, right in spans:
        if columns and left <= columns[-1][1]:
            columns[-1] = (columns[-1][0], max(columns[-1][1], right))
        else:
            columns.append((left, right))
    return columns


def _column_of(columns: list[tuple[float, float]], piece: list[Char]) -> int | None:
    x = piece[0].x0
    return next((k for k, (left, right) in enumerate(columns) if left <= x <= right), None)


def _has_figures(rows: list[list[str]]) -> bool:
    """A column after the first whose cells are mostly figures, in several rows."""
    for col in range(1, len(rows[0])):
        cells = [r[col] for r in rows if r[col]]
        figures = sum(1 for c in cells if is_figure(c))
        if figures >= _MIN_ROWS and figures >= _FIGURES * len(cells):
            return True
    return False


def _contents_list(rows: list[list[str]]) -> bool:
    """Titles and page numbers in order: a table of contents, not a table."""
    if len(rows[0]) != 2:
        return False
    numbers = [r[1] for r in rows if r[1]]
    if not all(n.isdigit() for n in numbers):
        return False
    pages = [int(n) for n in numbers]
    return pages == sorted(pages)
