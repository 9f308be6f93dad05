"""What a page's layout tells apart from its text: running headers, footers and page
numbers; the text column's edges; the usual spacing between lines."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .lines import Line

_FURNITURE_BAND = 0.12  # of the page height: where headers and footers stand
_SAME_PLACE = 4.0  # points: a running header stands at the same height on every page
_FEW_LINES = 3  # a page with fewer long lines does not tell where its column ends
_PAGE_NUMBER = re.compile(
    r"[-—–－‒~]*#+[-—–－‒~]*|第#+页(共#+页)?|#+/#+|(page)?#+(of#+)?|共#+页第#+页",
    re.IGNORECASE,
)


def furniture(pages: Sequence[list[Line]], heights: Sequence[float]) -> set[int]:
    """ids of lines that are running headers, footers or page numbers.

    Candidates are the first and last two lines of a page within the top or bottom
    band. A page number (``-3-``, ``第 3 页``, ``3/8``, ``Page 3``) goes wherever it
    is; other text goes when it recurs, digits aside, at the same height on at least
    half the pages (and two).
    """
    candidates: list[tuple[Line, str]] = []
    for lines, height in zip(pages, heights, strict=True):
        band = _FURNITURE_BAND * height
        for line in {id(x): x for x in lines[:2] + lines[-2:]}.values():
            if line.y1 <= band or line.y0 >= height - band:
                candidates.append((line, re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))))
    places: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for line, key in candidates:
        places[key].append((line.page, line.y0))
    need = max(2, (len(pages) + 1) // 2)
    found = set()
    for line, key in candidates:
        pages_here = {p for p, y in places[key] if abs(y - line.y0) <= _SAME_PLACE}
        if _PAGE_NUMBER.fullmatch(key) or (len(pages) >= 2 and len(pages_here) >= need):
            found.add(id(line))
    return found


@dataclass(frozen=True)
class Column:
    """The text column: its edges, and the usual gap between the lines of a paragraph."""

    left: float
    right: float  # where full lines end
    leading: float  # as a share of the font size
    reach: float = 0.0  # where the longest line ends: the right margin of ragged text

    def centred(self, line: Line) -> bool:
        """Set in the middle of the column, away from its left edge."""
        inset = line.x0 - self.left
        return inset > line.size and abs(inset - (self.reach - line.x1)) <= line.size


def text_column(
    lines: Sequence[Line], leading: float, usual: float | None = None, width: float = 0.0
) -> Column:
    """A page's text column: from its leftmost line start to the median end of its
    long lines (those reaching the last quarter of the page's text), so ragged or
    stretched lines, and one line running past the column, do not move it far. A
    page of a few short lines takes the ``usual`` right edge of the document, or
    else a margin as wide as the left one on a page ``width`` wide."""
    if not lines:
        return Column(0.0, 0.0, leading)
    left = min(ln.x0 for ln in lines)
    reach = max(ln.x1 for ln in lines)
    long = [ln.x1 for ln in lines if ln.x1 >= left + 0.75 * (reach - left)]
    if len(long) < _FEW_LINES:
        edge = max(usual if usual is not None else width - left, reach)
        return Column(left, edge, leading, edge)
    return Column(left, statistics.median(long), leading, reach)


def usual_right(pages: Sequence[list[Line]]) -> float | None:
    """The right edge of the text on pages with enough lines to tell it."""
    edges = [text_column(lines, 0.0).right for lines in pages if len(lines) >= 2 * _FEW_LINES]
    return statistics.median(edges) if edges else None


def leading(pages: Sequence[list[Line]]) -> float:
    """The median gap between successive lines of the same size, relative to that
    size: the space between the lines of a paragraph."""
    gaps = [
        (b.y0 - a.y1) / a.size
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if a.size and abs(a.size - b.size) <= 0.1 * a.size and b.y0 >= a.y1 - a.size
    ]
    return statistics.median(gaps) if gaps else 0.2
