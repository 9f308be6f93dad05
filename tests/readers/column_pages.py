"""Pages set in columns, drawn as a printer sets them: text flows from one column box
into the next (and onto the next page), wrapped at the column's width — CJK one em a
character, Latin ragged-right — with a first-line indent for each paragraph.

Chinese is drawn in pdf_builder.SONG, English in Helvetica; a document is one or the
other, as pdf_builder gives a page one font.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.readers.pdf_builder import HELVETICA, SONG, build_pdf

PAGE_HEIGHT = 842
# Helvetica advances (of the em) for the letters that differ most from half an em;
# wrapping uses them with a margin, so no line overruns its column.
_NARROW = dict.fromkeys("ijlt.,;:'!| ", 0.3) | dict.fromkeys("frI()-", 0.35)
_WIDE = dict.fromkeys("mwMW", 0.95) | dict.fromkeys("ABCDEFGHKNOPQRSTUVXYZ&%", 0.75)


@dataclass(frozen=True)
class Box:
    """A column on a page: its left edge, width, and the top and bottom of its text."""

    page: int
    x: float
    width: float
    top: float
    bottom: float


def advance(ch: str, size: float, cjk: bool) -> float:
    if cjk:
        return size * (0.5 if ord(ch) < 0x80 else 1.0)
    return size * 1.05 * _WIDE.get(ch, _NARROW.get(ch, 0.56))


def wrap(text: str, width: float, size: float, cjk: bool, indent: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` points (the first ``indent``
    points shorter): CJK at any character, Latin at spaces."""
    lines: list[str] = []
    room = width - indent
    if cjk:  # a break may fall between any two characters, but not inside a number
        line, used = "", 0.0
        for unit in re.findall(r"[\x21-\x7e]+|.", text):
            need = sum(advance(ch, size, cjk) for ch in unit)
            if used + need > room and line:
                lines.append(line)
                line, used, room = "", 0.0, width
            line += unit
            used += need
        return [*lines, line]
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if sum(advance(ch, size, cjk) for ch in trial) > room and line:
            lines.append(line)
            line, room = word, width
        else:
            line = trial
    return [*lines, line]


def draw(text: str, x: float, y: float, size: float, cjk: bool) -> bytes:
    """One line of text with its top ``y`` points below the page's top."""
    base = PAGE_HEIGHT - y - 0.88 * size
    if cjk:
        shown = b"<" + text.encode("utf-16-be").hex().encode() + b">"
    else:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        shown = b"(" + escaped.encode("cp1252") + b")"
    return b"BT /F1 %g Tf %g %g Td %s Tj ET" % (size, x, base, shown)


def flow(
    paragraphs: list[str], boxes: list[Box], size: float, cjk: bool, leading: float = 1.5
) -> dict[int, list[bytes]]:
    """Drawing operations per page: the paragraphs poured into the boxes in order,
    a paragraph gap of half a line between paragraphs. Every box gets some text."""
    ops: dict[int, list[bytes]] = {}
    k, y = 0, boxes[0].top
    for text in paragraphs:
        indent = 2 * size if cjk else 1.5 * size
        for n, line in enumerate(wrap(text, boxes[k].width, size, cjk, indent)):
            if y + size > boxes[k].bottom:
                k += 1
                y = boxes[k].top
            box = boxes[k]
            ops.setdefault(box.page, []).append(
                draw(line, box.x + (indent if n == 0 else 0), y, size, cjk)
            )
            y += leading * size
        y += 0.5 * size
    assert k == len(boxes) - 1, "the text does not reach the last box"
    return ops


def pdf_of(pages: list[list[bytes]], cjk: bool) -> bytes:
    return build_pdf([b"\n".join(p) for p in pages], font=SONG if cjk else HELVETICA)
