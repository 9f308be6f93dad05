"""Offsets into a Document's normalised text, told as line:column of the file it was
read from, so a reviewer can go to the place in an editor."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...model import Document

_NEWLINE = re.compile("\n")


class Positions:
    """line:column (both 1-based) of offsets into one document's text."""

    def __init__(self, doc: Document) -> None:
        self._starts = [0, *(m.end() for m in _NEWLINE.finditer(doc.text))]
        self._origins = doc.line_origins

    def line_column(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._starts, offset) - 1
        column = offset - self._starts[index] + 1
        if index < len(self._origins):
            line, indent = self._origins[index]
            return line, column + indent
        return index + 1, column

    def __call__(self, offset: int) -> str:
        line, column = self.line_column(offset)
        return f"{line}:{column}"
