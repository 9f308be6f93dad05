"""Paragraphs and tables in reading order: wrapped lines run on into one paragraph,
across page breaks too, and a table broken by a page goes on."""

from __future__ import annotations

from collections.abc import Sequence

from .aligned import aligned_tables
from .columns import page_order
from .continued import continues, join_table
from .lines import Item, Line, group_lines, join_text, spaces_scripts_apart
from .page import Column, furniture, leading, usual_right
from .records import Page
from .runon import runs_on
from .tables import finish_cell, page_tables


def layout_items(pages: Sequence[Page]) -> list[Item]:
    """Paragraphs and tables of all pages in reading order."""
    per_page: list[list[Line]] = []
    tables: list[list[Item]] = []
    for page in pages:
        found, loose = page_tables(page)
        per_page.append(group_lines(loose, page.index))
        tables.append(found)
    drop = furniture(per_page, [p.height for p in pages])
    body = [[line for line in lines if id(line) not in drop] for lines in per_page]
    ending: Item | None = None  # a table set in whitespace that ended the page before
    for found, lines in zip(tables, body, strict=True):  # tables set in whitespace
        aligned, lines[:] = aligned_tables(lines, ending)
        found.extend(aligned)
        ending = _last_on_page(aligned, found, lines)
    spacing, usual = leading(body), usual_right(body)
    spaced = spaces_scripts_apart(line.text for lines in body for line in lines)
    items: list[Item] = []
    before: Column | None = None  # the text column of the line read last
    for page, lines, found in zip(pages, body, tables, strict=True):
        for item, column in page_order(lines, found, spacing, usual, page.width):
            _append(items, item, column, spaced, before)
            before = before if item.rows else column
    for item in items:
        finish_cells(item, spaced)
    return items


def _last_on_page(aligned: list[Item], tables: list[Item], lines: list[Line]) -> Item | None:
    """The table set in whitespace that ends its page: no line and no table below it."""
    if not aligned:
        return None
    last = max(aligned, key=lambda t: t.y)
    bottom = max((e.last.y1 for row in last.ends for e in row if e is not None), default=last.y)
    if any(t.y > last.y for t in tables) or any(ln.y0 > bottom for ln in lines):
        return None
    return last


def finish_cells(table: Item, spaced: bool) -> None:
    """Join each cell's wrapped lines as the document joins its paragraphs' wraps."""
    table.rows = [[finish_cell(text, spaced) for text in row] for row in table.rows]


def _append(
    items: list[Item], item: Item, column: Column, spaced: bool, before: Column | None
) -> None:
    prev = items[-1] if items else None
    if item.rows:
        if prev is not None and prev.rows and continues(prev, item):
            join_table(prev, item)
        else:
            items.append(item)
        return
    if (
        prev is not None
        and not prev.rows
        and runs_on(prev.lines[-1], item.lines[0], column, before)
    ):
        prev.text = join_text(prev.text, item.text, spaced)
        prev.lines.append(item.lines[0])
        prev.bold = prev.bold and item.bold
        return
    items.append(item)
