"""Text columns measured in terminal cells, where a Chinese character takes two."""

from __future__ import annotations

from ..core.text import cells


def pad(text: str, width: int) -> str:
    """Left-justify by terminal cells, so CJK columns line up; truncate with …."""
    if cells(text) > width:
        out, used = [], 0
        for ch in text:
            w = cells(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * max(0, width - cells(text))
