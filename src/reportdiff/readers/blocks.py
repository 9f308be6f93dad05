"""Split normalised text into paragraph and table blocks (shared by the readers)."""

from __future__ import annotations

from ..model import Block, Span


def blocks_from_lines(text: str) -> tuple[Block, ...]:
    """One block per non-blank line; consecutive tab-separated lines form a table."""
    blocks: list[Block] = []
    table_rows: list[tuple[Span, ...]] = []
    table_start = table_end = 0
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if "\t" in line.strip():
            if not table_rows:
                table_start = start
            table_rows.append(_cells(line, start))
            table_end = end
            continue
        if table_rows:
            blocks.append(Block(table_start, table_end, "table", cells=tuple(table_rows)))
            table_rows = []
        lstripped = len(line) - len(line.lstrip())
        if line.strip():
            blocks.append(Block(start + lstripped, start + len(line.rstrip())))
    if table_rows:
        blocks.append(Block(table_start, table_end, "table", cells=tuple(table_rows)))
    return tuple(blocks)


def _cells(line: str, offset: int) -> tuple[Span, ...]:
    spans = []
    pos = offset
    for cell in line.split("\t"):
        spans.append(Span(pos, pos + len(cell)))
        pos += len(cell) + 1
    return tuple(spans)
