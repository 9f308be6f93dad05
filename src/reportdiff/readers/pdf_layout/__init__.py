"""Undo printing: from the characters and rules of PDF pages back to paragraphs and tables.

Works on plain records only (no pdfium), in small steps that are tested apart:

1. ``find_grids`` (tables): ruled lines that touch form a table grid; the characters
   inside it become rows of cells (a cell whose lower rule is missing merges
   downwards, as in Word, so its text stands in its top row).
2. ``group_lines`` (lines): the other characters form lines by their vertical position.
3. ``furniture`` (page): running headers/footers and page numbers, found by position
   and repetition across pages, are dropped.
4. ``reading_order`` (columns): a page set in columns side by side is read column
   after column, found from where its text stands along x.
5. ``layout_items`` (paragraphs): a line that was wrapped at the column's width runs
   on into the next (CJK without a space, Latin with one, de-hyphenated), across
   column and page breaks too.
6. ``layout_document`` (document): heading levels from font sizes, and the blocks.

Spacing follows the source rather than the printer: a PDF shows a gap between a CJK
character and a digit or Latin letter (``2023 年``), which no space in the source
caused, so no space is written there; Latin words keep one space.
"""

from .columns import reading_order
from .document import heading_levels, layout_document
from .lines import Item, Line, group_lines, is_wide, join_text, line_text, spaces_scripts_apart
from .page import Column, furniture, leading, text_column, usual_right
from .paragraphs import layout_items
from .records import TOUCH, Char, Grid, Page, Rule
from .runon import runs_on
from .tables import cell_text, find_grids, page_tables, read_table

__all__ = [
    "TOUCH",
    "Char",
    "Column",
    "Grid",
    "Item",
    "Line",
    "Page",
    "Rule",
    "cell_text",
    "find_grids",
    "furniture",
    "group_lines",
    "heading_levels",
    "is_wide",
    "join_text",
    "layout_document",
    "layout_items",
    "leading",
    "line_text",
    "page_tables",
    "read_table",
    "reading_order",
    "runs_on",
    "spaces_scripts_apart",
    "text_column",
    "usual_right",
]
