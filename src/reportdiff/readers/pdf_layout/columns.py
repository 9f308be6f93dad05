"""Reading order on a page set in columns: two text columns side by side, or a sidebar
beside the main text, are read one column after the other, not line by line across.

Evidence comes from where a page's text stands along x. Lines are cut into pieces at
gaps wider than any space between words; the pieces that are not page-wide lay down
how often each x is covered by text, and a gutter is a stretch that is covered far
less than the text on both sides of it. A run of lines that no piece crosses there
is read as columns only when both sides look like running text: several lines each,
side by side on the page (not one block above the other), mostly filling their
column, of letters rather than figures, and not a few words apiece. A title or a
paragraph across the whole page ends one block of columns; each side is looked at
again, so three columns are found too. Ordinary single-column pages have no such
gutter, and tables (their rows cut into short cells of figures) fail the evidence.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from .lines import Item, Line
from .page import Column, text_column
from .records import Char

_GUTTER = 1.5  # of the font size: a narrower gap inside a line is a space between words
_PAGE_WIDE = 0.85  # of the text's width: a piece this wide is no column's line
_MARGIN = 0.1  # of the text's width: a gutter stands this far inside the text at least
_DIP = 0.5  # a gutter is covered at most this share of the text beside it
_SIDE_LINES = 4  # lines on each side of a gutter, at least
_OVERLAP = 0.5  # of the shorter side's height: the two sides stand side by side
_FULL = 0.7  # of a column's width: a line reaching this far is a full line
_FULL_SHARE = 0.5  # of a column's lines that are full, at least
_TEXT_CHARS = 8  # characters a column's lines hold (median), at least
_LETTERS = 0.5  # share of letters among a column's characters, at least
_DEPTH = 3  # columns within columns, at most


Split = tuple[list[Char], list[Char]]  # a line's characters left and right of a gutter


@dataclass
class Flow:
    """Lines read top to bottom. ``right`` is where a column's text ends; None for
    text that runs across the page."""

    lines: list[Line]
    right: float | None = None


def page_order(
    lines: Sequence[Line], tables: Sequence[Item], leading: float, usual: float | None, width: float
) -> list[tuple[Item, Column]]:
    """A page's lines, as one-line items, and its tables in reading order, each with
    the text column it stands in. A table stands before the first line below it that
    runs across the page (last, when none does): where it stands on a page of one
    column."""
    placed: list[tuple[Item, Column, bool]] = []  # and whether it runs across the page
    for flow in reading_order(lines):
        across = flow.right is None
        column = text_column(flow.lines, leading, usual if across else flow.right, width)
        for ln in flow.lines:
            placed.append(
                (Item(ln.page, ln.y0, text=ln.text, bold=ln.bold, lines=[ln]), column, across)
            )
    for table in sorted(tables, key=lambda t: t.y):
        at = next(
            (k for k, (it, _, across) in enumerate(placed) if across and it.y > table.y),
            len(placed),
        )
        beside = placed[min(at, len(placed) - 1)][1] if placed else text_column([], leading)
        placed.insert(at, (table, beside, False))
    return [(item, column) for item, column, _ in placed]


def reading_order(lines: Sequence[Line]) -> list[Flow]:
    """A page's lines (top to bottom) as flows in reading order: columns left to
    right, and the text above, between and below them where it stands."""
    return _flows(list(lines), None, 0)


def pieces(line: Line) -> list[list[Char]]:
    """The characters of ``line`` cut at gaps wider than a space between words. A
    space goes with the piece before it."""
    out: list[list[Char]] = [[]]
    last = None
    for c in line.chars:
        if not c.text.isspace():
            if last is not None and c.x0 - last.x1 > _GUTTER * max(c.size, last.size, 1.0):
                out.append([])
            last = c
        if out[-1] or not c.text.isspace():
            out[-1].append(c)
    return [p for p in out if p]


def _flows(lines: list[Line], right: float | None, depth: int) -> list[Flow]:
    gutter = _gutter(lines) if depth < _DEPTH else None
    found = _column_runs(lines, gutter) if gutter else []
    if not found:
        return [Flow(lines, right)] if lines else []
    out: list[Flow] = []
    at = 0
    for start, end, left, rest in found:
        out += _flows(lines[at:start], right, depth + 1)
        out += _flows(left, max(ln.x1 for ln in left), depth + 1)
        out += _flows(rest, max(ln.x1 for ln in rest), depth + 1)
        at = end
    return out + _flows(lines[at:], right, depth + 1)


# The largest page side a PDF can state (14,400 units, ISO 32000 Annex C): coverage is
# counted per point, so a damaged file's far-off coordinates must not size it.
_MAX_PAGE_POINTS = 14_400


def _gutter(lines: Sequence[Line]) -> tuple[float, float] | None:
    """The stretch of x, as wide as a gutter, that the pieces of text cover least,
    when that is much less than they cover on both sides of it."""
    if len(lines) < 2 * _SIDE_LINES:
        return None
    left = min(ln.x0 for ln in lines)
    width = max(ln.x1 for ln in lines) - left
    spans = [
        (p[0].x0 - left, max(c.x1 for c in p) - left)
        for ln in lines
        for p in pieces(ln)
        if max(c.x1 for c in p) - p[0].x0 < _PAGE_WIDE * width
    ]
    if not 0 < width <= _MAX_PAGE_POINTS or len(spans) < 2 * _SIDE_LINES:
        return None  # beyond any real page: a damaged file's coordinates
    cover = _coverage(spans, int(width) + 1)
    gap = max(1, int(_GUTTER * statistics.median(ln.size for ln in lines)))
    inner = range(int(_MARGIN * width), int((1 - _MARGIN) * width) - gap)
    if not inner:
        return None
    at = min(inner, key=lambda x: max(cover[x : x + gap]))
    low = max(cover[at : at + gap])
    beside = min(max(cover[:at] or [0]), max(cover[at + gap :] or [0]))
    if low > _DIP * beside:
        return None
    return left + at, left + at + gap


def _coverage(spans: Sequence[tuple[float, float]], size: int) -> list[int]:
    """How many spans cover each point from 0 to ``size``."""
    steps = [0] * (size + 1)
    for a, b in spans:
        steps[max(0, int(a))] += 1
        steps[min(size, int(b) + 1)] -= 1
    out, run = [], 0
    for step in steps[:size]:
        run += step
        out.append(run)
    return out


def _column_runs(
    lines: list[Line], gutter: tuple[float, float]
) -> list[tuple[int, int, list[Line], list[Line]]]:
    """Runs of lines (start, end) that no text crosses at ``gutter`` and that read
    as columns, with their left and right sides."""
    splits = [_split(ln, gutter) for ln in lines]
    out = []
    start = 0
    for end in range(len(lines) + 1):
        if end < len(lines) and splits[end] is not None:
            continue
        if end > start:
            run = list(zip(lines[start:end], splits[start:end], strict=True))
            left, right = _side(run, 0), _side(run, 1)
            if _columns(left, right):
                out.append((start, end, left, right))
        start = end + 1
    return out


def _side(run: Sequence[tuple[Line, Split | None]], k: int) -> list[Line]:
    """The lines' characters on one side of the gutter (0 left, 1 right), as lines."""
    return [Line(split[k], ln.page) for ln, split in run if split and split[k]]


def _split(line: Line, gutter: tuple[float, float]) -> Split | None:
    """The line's characters left and right of the gutter; None when text crosses it."""
    g0, g1 = gutter
    mid = (g0 + g1) / 2
    left: list[Char] = []
    right: list[Char] = []
    for piece in pieces(line):
        x0, x1 = piece[0].x0, max(c.x1 for c in piece)
        if x1 <= g1 and x0 < mid:
            left += piece
        elif x0 >= g0 and x1 > mid:
            right += piece
        else:
            return None
    return left, right


def _columns(left: Sequence[Line], right: Sequence[Line]) -> bool:
    """Whether two blocks of lines are text columns standing side by side."""
    if len(left) < _SIDE_LINES or len(right) < _SIDE_LINES:
        return False
    top = max(left[0].y0, right[0].y0)
    bottom = min(left[-1].y1, right[-1].y1)
    shorter = min(left[-1].y1 - left[0].y0, right[-1].y1 - right[0].y0)
    if bottom - top < _OVERLAP * shorter:
        return False
    return _running_text(left) and _running_text(right)


def _running_text(lines: Sequence[Line]) -> bool:
    """Lines of prose: most fill the column, hold more than a few words, and are
    letters rather than figures (a table's cells are neither)."""
    x0 = min(ln.x0 for ln in lines)
    width = max(ln.x1 for ln in lines) - x0
    full = sum(ln.x1 - x0 >= _FULL * width for ln in lines)
    shown = [c for ln in lines for c in ln.visible]
    letters = sum(c.text.isalpha() for c in shown)
    return (
        full >= _FULL_SHARE * len(lines)
        and statistics.median(len(ln.visible) for ln in lines) >= _TEXT_CHARS
        and letters >= _LETTERS * len(shown)
    )
