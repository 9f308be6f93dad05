"""Readers turn a file on disk into a Document; everything after them is pure."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Document


def read_document(path: str | Path) -> Document:
    """Read a .txt/.md or .docx report, refusing anything else with an InputError."""
    p = Path(path)
    name = str(path)
    if p.is_dir():
        raise InputError(name, "is a directory, not a report file")
    if not p.exists():
        raise InputError(name, "no such file")
    suffix = p.suffix.lower()
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(p)
    from .text import read_text

    return read_text(p)
