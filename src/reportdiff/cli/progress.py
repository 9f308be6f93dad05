"""Signs of life on stderr for work that can take more than a second; on a terminal
only, so logs and pipes stay clean."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# Inputs above this many characters (both sides) take about a second or more to compare.
BIG_INPUT_CHARS = 150_000


@contextmanager
def working(message: str, stream: TextIO | None = None, *, shown: bool = True) -> Iterator[None]:
    """Show ``message…`` while the block runs (when ``shown``), then clear the line."""
    out = stream or sys.stderr
    shown = shown and out.isatty()
    if shown:
        out.write(f"{message}…")
        out.flush()
    try:
        yield
    finally:
        if shown:
            out.write("\r\x1b[K")
            out.flush()
