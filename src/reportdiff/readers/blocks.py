"""Split normalised text into paragraph and table blocks (used by the text reader).

One block per non-blank line. Tab-separated lines (and markdown pipe tables) form
table blocks whose cells are spans of the text; a single blank line inside a run of
rows does not end the table. Markdown ``#`` headings set ``style_level`` and whole
``**bold**`` lines set ``bold``; their text stays as written for the segmenter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Block, Span
from .normalize import clean_line

_MD_HEADING = re.compile(r"#{1,6}(?=[ \t]+\S)")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S).+?(?<=\S)\1")
_PIPE_ROW = re.compile(r"\|.*\|")
_PIPE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?")

Line = tuple[int, int, str]  # start offset, end offset, text
MAX_TITLE_CHARS = 200


def blocks_from_lines(text: str) -> tuple[Block, ...]:
    """Blocks of normalised text, in order; Document.text[b.start:b.end] is b's text."""
    blocks: list[Block] = []
    rows: list[Line] = []
    kind = ""  # the kind of table being collected: "tab" or "pipe"
    for line in _lines(text):
        _, _, s = line
        row_kind = "tab" if "\t" in s else "pipe" if _PIPE_ROW.fullmatch(s) else ""
        if not s and rows and kind == "tab":
            continue  # a blank line inside a tab-separated table
        if rows and row_kind != kind:
            blocks.extend(_table(rows, kind))
            rows = []
        if row_kind:
            rows.append(line)
            kind = row_kind
        elif s:
            blocks.append(_paragraph(*line))
    if rows:
        blocks.extend(_table(rows, kind))
    return tuple(blocks)


def first_paragraph(text: str, blocks: list[Block] | tuple[Block, ...]) -> str:
    """The first paragraph's text, cut to a title's length: a document's default title."""
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    return text[first.start : first.end][:MAX_TITLE_CHARS] if first else ""


def _lines(text: str) -> Iterator[Line]:
    pos = 0
    for s in text.split("\n"):
        yield pos, pos + len(s), s
        pos += len(s) + 1


def _paragraph(start: int, end: int, s: str) -> Block:
    heading = _MD_HEADING.match(s)
    return Block(
        start,
        end,
        style_level=len(heading.group(0)) if heading else None,
        bold=bool(_MD_BOLD.fullmatch(s)),
    )


def _table(rows: list[Line], kind: str) -> list[Block]:
    """A table block; a lone pipe line is only a paragraph that happens to use pipes."""
    if kind == "pipe" and len(rows) < 2:
        return [_paragraph(*rows[0])]
    cells = tuple(
        tab_cells(start, s) if kind == "tab" else _pipe_cells(start, s)
        for start, _, s in rows
        if kind == "tab" or not _PIPE_RULE.fullmatch(s)
    )
    return [Block(rows[0][0], rows[-1][1], "table", cells=cells)]


def tab_cells(offset: int, line: str) -> tuple[Span, ...]:
    """Spans of the tab-separated cells of ``line``, which starts at ``offset``."""
    spans = []
    pos = offset
    for cell in line.split("\t"):
        spans.append(Span(pos, pos + len(cell)))
        pos += len(cell) + 1
    return tuple(spans)


def _pipe_cells(offset: int, line: str) -> tuple[Span, ...]:
    """Cells between the pipes, trimmed of the spaces that pad them."""
    spans = []
    inner_start = offset + 1
    for cell in line[1:-1].split("|"):
        lead = len(cell) - len(cell.lstrip()) if cell.strip() else 0
        spans.append(Span(inner_start + lead, inner_start + len(cell.rstrip())))
        inner_start += len(cell) + 1
    return tuple(spans)


class BlockBuilder:
    """Collects lines of text and the blocks that index them (the docx and PDF readers)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.title = ""

    def _append(self, line: str) -> int:
        if not line and (not self.lines or not self.lines[-1]):
            return self.pos  # no leading blank lines, no runs of blank lines
        start = self.pos + (1 if self.lines else 0)
        self.lines.append(line)
        self.pos = start + len(line)
        return start

    def paragraph(self, text: str, level: int | None, label: str, bold: bool) -> None:
        lines = [clean_line(s) for s in text.split("\n")]
        if not any(lines):
            self._append("")
            return
        first = True
        for line in lines:
            if not line:
                continue
            start = self._append(line)
            block = Block(start, start + len(line), style_level=level, label=label, bold=bold)
            self.blocks.append(block)
            if first:  # a soft line break's later lines are not the heading or list item
                level, label, first = None, "", False

    def table(self, rows: list[list[str]]) -> None:
        spans: list[tuple[Span, ...]] = []
        start = None
        for cells in rows:
            line = "\t".join(cells)
            line_start = self._append(line)
            start = line_start if start is None else start
            spans.append(tab_cells(line_start, line))
        if start is not None:
            self.blocks.append(Block(start, self.pos, "table", cells=tuple(spans)))

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""
