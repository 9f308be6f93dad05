"""Text columns measured in terminal cells, where a Chinese character takes two."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.text import cells


def pad(text: str, width: int) -> str:
    """Left-justify by terminal cells, so CJK columns line up; truncate with …."""
    if cells(text) > width:
        text = fitting(text, width - 1) + "…"
    return text + " " * max(0, width - cells(text))


def pad_middle(text: str, width: int) -> str:
    """``pad``, but a text too long loses its middle: labels of one table share their
    start (行政事业单位养老支出（款）…) and differ at the end, which must stay."""
    if cells(text) > width:
        head = fitting(text, (width - 1) // 3)
        tail = fitting(reversed(text[len(head) :]), width - 1 - cells(head))[::-1]
        text = head + "…" + tail
    return text + " " * max(0, width - cells(text))


def fitting(chars: Iterable[str], width: int) -> str:
    """The longest start of ``chars`` that fits in ``width`` terminal cells."""
    out, used = [], 0
    for ch in chars:
        used += cells(ch)
        if used > width:
            break
        out.append(ch)
    return "".join(out)
