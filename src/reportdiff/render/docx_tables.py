"""NEW's tables as Word tables in the redline, with the revisions inside their cells.

The redline's text holds a table row as one line, its cells apart by tabs (as the
readers write it). A table of NEW becomes a w:tbl whose every row accepts to NEW's
line and rejects to OLD's:

- a line both documents hold with the same tabs and line break is a row whose cells
  carry the revisions of their text;
- a line NEW added whole is a tracked inserted row (w:trPr/w:ins), and a line OLD had
  and NEW dropped whole a tracked deleted row (w:trPr/w:del), cut at OLD's tabs;
- lines changed in any other way (a column added or dropped, a row split or joined)
  are shown as OLD's rows deleted and NEW's rows inserted, up to the next line break
  both documents share.

A table whose first line does not start a line in OLD too (NEW split a paragraph
there), or whose last line ends inside a change, stays paragraphs with tabs: no table
could accept to NEW and reject to OLD exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple
from unicodedata import east_asian_width

from ..core.diff import CELL, DELETE, EQUAL, INSERT
from ..model import Document, Span
from .docx_runs import Para, Revisions, append_runs, qn

Runs = list[tuple[int, str]]


class Row(NamedTuple):
    """One row of a redline table: in both documents (EQUAL), NEW's only (INSERT) or
    OLD's only (DELETE); where it starts in NEW and OLD (None where it is not there)."""

    op: int
    cells: list[Runs]
    new_start: int | None
    old_start: int | None


def table_ends(doc: Document) -> dict[int, int]:
    """Where each table of ``doc`` made of lines with tab-separated cells starts (its
    first row) and ends (its last row's end). Rows with a blank line between them make
    two tables; a Markdown pipe table is not made a Word table."""
    ends: dict[int, int] = {}
    for block in doc.blocks:
        if block.kind != "table" or not all(_tab_line(doc.text, r) for r in block.cells):
            continue
        start = end = -2
        for spans in block.cells:
            if spans[0].start != end + 1:  # not the next line: a table of its own
                start = spans[0].start
            end = ends[start] = spans[-1].end
    return ends


def _tab_line(text: str, spans: Sequence[Span]) -> bool:
    """Whether the cells ``spans`` are a whole line of ``text``, apart by tabs."""
    start, end = spans[0].start, spans[-1].end
    line = text[start:end]
    return (
        (not start or text[start - 1] == "\n")
        and text[end : end + 1] in ("\n", "")
        and "\n" not in line
        and CELL.join(text[s.start : s.end] for s in spans) == line
    )


def take_rows(paras: Sequence[Para], i: int, end: int) -> tuple[list[Row], int] | None:
    """The rows of the table whose NEW text starts with ``paras[i]`` and ends at
    ``end``, and the index of the first paragraph after them; None when the table
    cannot be exact (see the module's notes)."""
    if not _line_start_in_both(paras, i):
        return None
    rows: list[Row] = []
    j = i
    while j < len(paras) and paras[j].new_start <= end:
        para = paras[j]
        op = _whole_row_op(para)
        if op is not None:
            rows.append(Row(op, _cells(para.runs), *_starts(op, para)))
            j += 1
            continue
        k = j
        while k < len(paras) and paras[k].mark != EQUAL:
            k += 1
        if k >= len(paras) or paras[k].new_start > end:
            return None  # the change runs on past the table
        rows += _replaced(paras[j : k + 1])
        j = k + 1
    if j >= len(paras):  # Word wants a paragraph after a table
        return None
    return rows, j


def _line_start_in_both(paras: Sequence[Para], i: int) -> bool:
    """Whether ``paras[i]`` starts a line of OLD as well as of NEW: the line break
    before it is in both, or only lines added or dropped whole stand between."""
    k = i - 1
    while k >= 0 and paras[k].mark != EQUAL:
        if any(op != paras[k].mark for op, _ in paras[k].runs):
            return False
        k -= 1
    return True


def _whole_row_op(para: Para) -> int | None:
    """EQUAL for a line in both with its tabs unchanged, INSERT or DELETE for a line
    added or dropped whole; None for any other change."""
    ops = {op for op, _ in para.runs}
    if para.mark in (INSERT, DELETE) and ops <= {para.mark}:
        return para.mark
    if para.mark == EQUAL and all(op == EQUAL for op, t in para.runs if CELL in t):
        return EQUAL
    return None


def _starts(op: int, para: Para) -> tuple[int | None, int | None]:
    return (para.new_start if op != DELETE else None, para.old_start if op != INSERT else None)


def _replaced(block: Sequence[Para]) -> list[Row]:
    """Paragraphs from one shared line break to the next: OLD's lines as deleted rows,
    then NEW's as inserted rows."""
    rows: list[Row] = []
    for op, side_start in ((DELETE, block[0].old_start), (INSERT, block[0].new_start)):
        line, at = "", side_start
        for para in block:
            line += "".join(t for o, t in para.runs if o in (EQUAL, op))
            if para.mark in (EQUAL, op):  # the line ends in this document
                starts = (None, at) if op == DELETE else (at, None)
                rows.append(Row(op, _cells([(op, line)]), *starts))
                at += len(line) + 1
                line = ""
    return rows


def _cells(runs: Runs) -> list[Runs]:
    """The runs of a row cut into its cells at the tabs."""
    cells: list[Runs] = [[]]
    for op, text in runs:
        for k, piece in enumerate(text.split(CELL)):
            if k:
                cells.append([])
            if piece:
                cells[-1].append((op, piece))
    return cells


def table_element(rows: Sequence[Row], revisions: Revisions, style_id: str, width: int):
    """A w:tbl of ``rows`` (``width`` in twips) and, per row, its first cell's w:p."""
    from docx.oxml import OxmlElement

    widths = _column_widths(rows, width)
    columns = len(widths)
    tbl = OxmlElement("w:tbl")
    props = _child(tbl, "w:tblPr")
    _child(props, "w:tblStyle", val=style_id)
    _child(props, "w:tblW", w="0", type="auto")
    grid = _child(tbl, "w:tblGrid")
    for column_width in widths:
        _child(grid, "w:gridCol", w=str(column_width))
    firsts = []
    for row in rows:
        tr = _child(tbl, "w:tr")
        if len(row.cells) < columns or row.op != EQUAL:
            tr_props = _child(tr, "w:trPr")
            if len(row.cells) < columns:  # a row shorter than the grid
                _child(tr_props, "w:gridAfter", val=str(columns - len(row.cells)))
            if row.op != EQUAL:
                tr_props.append(revisions.wrap(row.op))
        for k, runs in enumerate(row.cells):
            tc = _child(tr, "w:tc")
            _child(_child(tc, "w:tcPr"), "w:tcW", w=str(widths[k]), type="dxa")
            p = _child(tc, "w:p")
            append_runs(p, runs, revisions, half_points=CELL_FONT_HALF_POINTS)
            if not k:
                firsts.append(p)
    return tbl, firsts


def _column_widths(rows: Sequence[Row], width: int) -> list[int]:
    """Column widths in twips within the page's ``width``. A column keeps at least its
    longest figure or word on one line (up to a bound: a deleted and an inserted figure
    side by side are one run that nothing breaks, and may wrap) and a few characters of
    text, and asks for its longest cell up to a bound; wide characters wrap anywhere.
    What does not fit is taken from the wishes beyond the floors, in proportion, or
    from the floors themselves when even they do not fit."""
    columns = max(len(row.cells) for row in rows)
    floor, need = [1] * columns, [1] * columns
    for row in rows:
        for k, runs in enumerate(row.cells):
            text = "".join(t for _, t in runs)
            whole = max((_display_width(w) for w in _UNBREAKABLE.findall(text)), default=0)
            wish = min(_display_width(text), _MAX_CHARS)
            floor[k] = max(floor[k], min(whole, _WHOLE_CHARS), min(wish, _FLOOR_CHARS))
            need[k] = max(need[k], floor[k], wish)
    floor_tw, need_tw = [_PAD + n * _CHAR for n in floor], [_PAD + n * _CHAR for n in need]
    if sum(need_tw) <= width:
        return [n * width // sum(need_tw) for n in need_tw]
    if sum(floor_tw) >= width:
        return [f * width // sum(floor_tw) for f in floor_tw]
    spare, wished = width - sum(floor_tw), sum(need_tw) - sum(floor_tw)
    return [f + (n - f) * spare // wished for n, f in zip(need_tw, floor_tw, strict=True)]


# A line breaks at spaces and between wide (CJK) characters; nowhere else in a run of
# other characters, such as a figure.
_UNBREAKABLE = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff01-\uff60]+")
# Twips, at the cells' 9 pt: a narrow character and a cell's left and right margins.
_CHAR, _PAD = 115, 300
# In narrow characters: a column asks for at most _MAX_CHARS, keeps its longest figure
# or word up to _WHOLE_CHARS (one amount such as 189,767,551) and, when it has them,
# _FLOOR_CHARS (three wide ones: 支出合 rather than 支 alone on a line).
_MAX_CHARS, _WHOLE_CHARS, _FLOOR_CHARS = 24, 12, 6
CELL_FONT_HALF_POINTS = 18


def _display_width(text: str) -> int:
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def _child(parent, tag: str, **attrs: str):
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    parent.append(el)
    return el
