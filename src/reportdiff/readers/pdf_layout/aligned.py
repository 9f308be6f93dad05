"""Tables without ruling lines: text set in columns of whitespace.

Government PDFs often lay a table out with spaces alone. A line whose characters
stand apart by a wide gap (``_COLUMN_GAP`` ems, far more than a word space or the
stretch of a justified line) is in pieces; a run of such lines whose pieces fall into
the same columns — gutters no piece crosses — is a table when the evidence is strong:
several rows, and a column of figures beside the first. Running text never has such
gutters, and a page in two text columns has no column of figures, so neither turns
into a table; nor does a table of contents (page numbers in order).
"""

from __future__ import annotations

from collections.abc import Sequence

from .lines import Item, Line, is_figure
from .records import Char
from .tables import cell_text

_COLUMN_GAP = 2.0  # ems: a wider gap inside a line parts two cells
_MIN_ROWS = 3  # rows of two cells or more that a table needs
_TRIM = 2  # lines at either end of a run that may be left out of its table
_FIGURES = 0.6  # share of a column's cells that are figures, for a column of figures


def aligned_tables(lines: Sequence[Line]) -> tuple[list[Item], list[Line]]:
    """The whitespace tables among a page's lines (top to bottom), and the other lines."""
    tables: list[Item] = []
    rest: list[Line] = []
    run: list[tuple[Line, list[list[Char]]]] = []
    for line in [*lines, None]:
        pieces = _pieces(line) if line is not None else []
        if line is not None and len(pieces) >= 2:
            run.append((line, pieces))
            continue
        found, used = _best_table(run)
        tables.extend(found)
        rest.extend(ln for k, (ln, _) in enumerate(run) if k not in used)
        run = []
        if line is not None:
            rest.append(line)
    return tables, sorted(rest, key=lambda ln: ln.y0)


def _best_table(run: list[tuple[Line, list[list[Char]]]]) -> tuple[list[Item], range]:
    """The table the run makes, or the one it makes without a line or two at either
    end (a caption such as 「编制单位：…    单位：万元」 above the rows); and the
    lines it took."""
    n = len(run)
    for trim in range(_TRIM * 2 + 1):
        for start in range(min(trim, _TRIM) + 1):
            end = n - (trim - start)
            if trim - start > _TRIM or end - start < _MIN_ROWS:
                continue
            table = _table(run[start:end])
            if table is not None:
                return [table], range(start, end)
    return [], range(0)


def _pieces(line: Line) -> list[list[Char]]:
    """The line's characters, cut where a gap is a column's gutter."""
    out: list[list[Char]] = []
    for c in line.visible:
        if out and c.x0 - out[-1][-1].x1 <= _COLUMN_GAP * max(c.size, line.size):
            out[-1].append(c)
        else:
            out.append([c])
    return out


def _table(run: list[tuple[Line, list[list[Char]]]]) -> Item | None:
    """The run of lines as a table, or None when its columns are not convincing."""
    columns = _gutters([p for _, pieces in run for p in pieces])
    if len(columns) < 2 or not (_fits(run, 0) and _fits(run, -1)):
        return None
    rows: list[list[str]] = []
    for _, pieces in run:
        row = [""] * len(columns)
        for piece in pieces:
            col = _column_of(columns, piece)
            if row[col]:
                return None  # two pieces in one column: not aligned after all
            row[col] = cell_text(piece)
        rows.append(row)
    if not _has_figures(rows) or _contents_list(rows):
        return None
    first = run[0][0]
    edges = [left for left, _ in columns] + [columns[-1][1]]
    return Item(first.page, first.y0, rows=rows, edges=edges)


def _fits(run: list[tuple[Line, list[list[Char]]]], end: int) -> bool:
    """Whether the row at the run's ``end`` keeps within the columns the other rows
    make (an em of slack): a caption above a table, 「编制单位：…  单位：万元」,
    sticks out of them."""
    line, pieces = run[end]
    others = _gutters([p for k, (_, ps) in enumerate(run) if k != end % len(run) for p in ps])
    slack = line.size
    return all(
        any(
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


def _column_of(columns: list[tuple[float, float]], piece: list[Char]) -> int:
    x = piece[0].x0
    return next(k for k, (left, right) in enumerate(columns) if left <= x <= right)


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
