"""Signs of life on stderr for work that can take more than a second; on a terminal
only, so logs and pipes stay clean."""

from __future__ import annotations

import shutil
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# Inputs above this many characters (both sides) take about a second or more to compare.
BIG_INPUT_CHARS = 150_000


def fit(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` terminal cells (wide characters count two)."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used > cells:
            return text[: max(0, i - 1)] + "…"
    return text


@contextmanager
def working(message: str, stream: TextIO | None = None, *, shown: bool = True) -> Iterator[None]:
    """Show ``message…`` while the block runs (when ``shown``), then clear the line."""
    out = stream or sys.stderr
    shown = shown and out.isatty()
    if shown:
        # One row only: a line that wrapped could not be cleared with \r.
        out.write(fit(f"{message}…", shutil.get_terminal_size((80, 24)).columns - 1))
        out.flush()
    try:
        yield
    finally:
        if shown:
            out.write("\r\x1b[K")
            out.flush()
