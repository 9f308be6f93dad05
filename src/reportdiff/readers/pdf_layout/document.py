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


def heading_levels(items: Sequence[Item]) -> list[int | None]:
    """A heading level for each paragraph set larger than the body text: the largest
    such size is level 1. A size used only before the first body paragraph is the
    title's (a cover page), as Word's Title style, and no level."""
    sizes = [_size(it) for it in items]
    weight: dict[float, int] = defaultdict(int)
    for it, size in zip(items, sizes, strict=True):
        if size:
            weight[size] += len(it.text)
    if not weight:
        return [None] * len(items)
    body = max(weight, key=lambda k: weight[k])
    first_body = next((i for i, sz in enumerate(sizes) if sz == body), len(items))
    later = {sz for sz in sizes[first_body:] if sz and sz > body * 1.1}
    ranks = {sz: rank for rank, sz in enumerate(sorted(later, reverse=True), start=1)}
    return [ranks.get(sz) if sz else None for sz in sizes]


def _size(item: Item) -> float:
    """A paragraph's font size to the half point; 0 for a table."""
    return round(item.lines[0].size * 2) / 2 if item.lines else 0.0


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
