"""Whether a bold line heads a section or labels what follows it."""

from __future__ import annotations

from ...model import Document
from .lines import FIGURE_LINE, LEADING_CELL, is_latin, neighbour

_STOPS = "。；：:！？.;!?"
_BLOCK_LINE_WORDS = 6  # an address or signature line: this many words at most, no stop


def labels_a_block(doc: Document, i: int) -> bool:
    """A bold line that labels what follows rather than heads a section: a table row
    (a figure comes next) or an address or signature block (two or more short Latin
    lines without sentence punctuation come next)."""
    after = neighbour(doc, i, 1)
    if after and (FIGURE_LINE.fullmatch(after) or LEADING_CELL.match(after)):
        return True
    return all(_block_line(neighbour(doc, i, k)) for k in (1, 2))


def _block_line(text: str) -> bool:
    """A line of an address or signature: a few Latin words, no sentence, no table."""
    return (
        is_latin(text)
        and "\t" not in text
        and len(text.split()) <= _BLOCK_LINE_WORDS
        and text[-1] not in _STOPS + ","
    )
