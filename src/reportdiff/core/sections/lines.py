"""A document read line by line: a line's neighbours, its script, table figures."""

from __future__ import annotations

import re

from ...model import Document

FIGURE_LINE = re.compile(r"[\d,.%\-－（）() ]+")
# A table cell's figure opening the next line ("9746.50   一、一般公共服务支出"): the
# line before is the row's label. Written as an amount (thousands separators or two
# decimals) and set apart by a column gap or the line's end, so a body starting
# "2023年" and a numbered heading "2.1 Operating Budget" are not one.
LEADING_CELL = re.compile(
    r"[-－]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2})(?:[ \u3000]{2,}|\t|$)"
)
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def is_latin(s: str) -> bool:
    """Mostly Latin script (an English line) rather than CJK."""
    letters = len(_LATIN.findall(s))
    return letters > 0 and letters > 3 * len(_HAN.findall(s))


def neighbour(doc: Document, i: int, step: int) -> str:
    j = i + step
    if 0 <= j < len(doc.blocks):
        b = doc.blocks[j]
        return doc.text[b.start : b.end].strip()
    return ""
