"""The Document of a PDF's pages: heading levels from font sizes, and blocks as the
txt and docx readers make them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ...errors import InputError
from ...model import Document
from ..blocks import MAX_TITLE_CHARS, BlockBuilder, first_paragraph
from ..normalize import clean_chars
from .lines import Item
from .paragraphs import layout_items
from .records import Page

# points: how far a size drawn at a set size strays by rounding (a shrunk page's
# sizes stray by tenths)
_GRID_SLACK = 0.01
# Fitting a sheet to its page shrinks type to about 0.86 at most in printed reports;
# a size further below the next set size was chosen, not fitted.
_MIN_FIT = 0.85


def heading_levels(items: Sequence[Item]) -> list[int | None]:
    """A heading level for each paragraph set larger than the body text: the largest
    such size is level 1. A size used only before the first body paragraph is the
    title's (a cover page), as Word's Title style, and no level. A page shrunk to fit
    (a spreadsheet printed to PDF) sets its title in a size off the half-point grid
    that word processors use; shrinking never enlarges, so such a title takes the
    level of the nearest heading size at least as large (one template, one outline)."""
    sizes = [_size(it) for it in items]
    weight: dict[float, int] = defaultdict(int)
    for it, size in zip(items, sizes, strict=True):
        if size:
            weight[size] += len(it.text)
    if not weight:
        return [None] * len(items)
    body = max(weight, key=lambda k: weight[k])
    first_body = next((i for i, sz in enumerate(sizes) if sz == body), len(items))
    large = {sz for sz in sizes if sz > body * 1.1}
    set_sizes = sorted(sz for sz in large if not _off_grid(sz))
    snapped = {sz: _unshrunk(sz, set_sizes) for sz in large}
    later = {snapped[sz] for sz in sizes[first_body:] if sz in snapped}
    ranks = {sz: rank for rank, sz in enumerate(sorted(later, reverse=True), start=1)}
    return [ranks.get(snapped[sz]) if sz in snapped else None for sz in sizes]


def _size(item: Item) -> float:
    """A paragraph's font size: to the half point when set on that grid; 0 for a table."""
    if not item.lines:
        return 0.0
    size = item.lines[0].size
    return round(size, 2) if _off_grid(size) else round(size * 2) / 2


def _off_grid(size: float) -> bool:
    return abs(size - round(size * 2) / 2) > _GRID_SLACK


def _unshrunk(size: float, set_sizes: list[float]) -> float:
    """The size a shrunk title was set in: the smallest set heading size not below it."""
    if not _off_grid(size):
        return size
    above = next((sz for sz in set_sizes if sz >= size), size)
    return above if size >= _MIN_FIT * above else size


def layout_document(name: str, pages: Sequence[Page]) -> Document:
    """The Document of a PDF's pages: blocks as the txt and docx readers make them."""
    out = BlockBuilder()
    items = layout_items(pages)
    for item, level in zip(items, heading_levels(items), strict=True):
        if item.rows:
            out.table(item.rows)
        else:
            out.paragraph(clean_chars(item.text), level, "", item.bold)
    text = out.text()
    if not text:
        raise InputError(name, "contains no text; there is nothing to compare")
    return Document(
        path=name,
        title=first_paragraph(text, out.blocks)[:MAX_TITLE_CHARS] or name,
        text=text,
        blocks=tuple(out.blocks),
        source_format="pdf",
        encoding="utf-8",
    )
