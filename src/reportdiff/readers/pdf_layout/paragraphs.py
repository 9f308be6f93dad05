"""Paragraphs and tables in reading order: wrapped lines run on into one paragraph,
across page breaks too, and a table broken by a page goes on."""

from __future__ import annotations

from collections.abc import Sequence

from .aligned import aligned_tables
from .columns import page_order
from .continued import continues, join_table
from .lines import (
    WORD_GAP,
    Item,
    Line,
    group_lines,
    is_wide,
    join_text,
    opens_numbered,
    spaces_scripts_apart,
)
from .page import Column, furniture, leading, usual_right
from .records import Page
from .tables import page_tables

# Punctuation that may not open a line, so a wrap carries it along with the word before.
_NO_LINE_START = set("，。、；：？！）》」』】〕”’%‰,.;:?!)]}")
_SENTENCE_END = ("。", "！", "？", "；", "：", ".", "!", "?", ";", ":")


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
    for found, lines in zip(tables, body, strict=True):  # tables set in whitespace
        aligned, lines[:] = aligned_tables(lines)
        found.extend(aligned)
    spacing, usual = leading(body), usual_right(body)
    spaced = spaces_scripts_apart(line.text for lines in body for line in lines)
    items: list[Item] = []
    before: Column | None = None  # the text column of the line read last
    for page, lines, found in zip(pages, body, tables, strict=True):
        for item, column in page_order(lines, found, spacing, usual, page.width):
            _append(items, item, column, spaced, before)
            before = before if item.rows else column
    return items


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


def runs_on(prev: Line, line: Line, column: Column, before: Column | None = None) -> bool:
    """Whether ``line`` continues the paragraph of ``prev``: ``prev`` was wrapped
    because the first word of ``line`` did not fit, in the same font, and ``line``
    neither opens with an indent nor stands apart by more than the usual leading.
    ``prev`` is measured against its own column ``before`` (a paragraph may run on
    from the foot of one column, or page, to the head of the next), ``line`` against
    ``column``."""
    before = before or column
    size = prev.size
    if not size or abs(line.size - size) > 0.1 * size or line.bold != prev.bold:
        return False
    if line.page == prev.page and line.y0 - prev.y1 > (column.leading + 0.4) * size:
        return False
    if opens_numbered(line.text) and (ends_sentence(prev.text) or _title_like(line, column)):
        return False  # a numbered item or heading after a full line
    word = first_word_width(line)
    if before.centred(prev) and column.centred(line):
        return prev.x1 - prev.x0 + word >= before.reach - before.left - size
    if prev.x1 + word < before.right - 0.5 * size:
        return False
    return line.x0 <= column.left + 1.0 * size  # a first-line indent opens a paragraph


def _title_like(line: Line, column: Column) -> bool:
    """A short line without closing punctuation: a heading, not a paragraph's end."""
    text = line.text.rstrip()
    return not text.endswith((*_SENTENCE_END, "，", ",", "、")) and (
        line.x1 < column.right - 2 * line.size
    )


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def first_word_width(line: Line) -> float:
    """How much room the line's first word needed: a CJK character or a Latin word,
    with the punctuation that may not open a line."""
    shown = line.visible
    first = shown[0]
    end = first.x1
    latin = not is_wide(first.text[0])
    for c in shown[1:]:
        joined = c.text in _NO_LINE_START or (
            latin and not is_wide(c.text[0]) and c.x0 - end <= WORD_GAP * c.size
        )
        if not joined:
            break
        end = c.x1
    return end - first.x0
