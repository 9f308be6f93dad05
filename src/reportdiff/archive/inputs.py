"""What `compare` reads: a file on disk, or an archive reference like 道县公安局@2023."""

from __future__ import annotations

from pathlib import Path

from ..model import Document
from .names import looks_like_ref, parse_ref
from .store import Archive


def read_input(spec: str, archive_dir: str | Path | None = None) -> Document:
    """Read ``spec`` as a file when one exists, else as AGENCY@YEAR|latest|previous.

    An existing file always wins, so a file whose name contains '@' still works.
    """
    from ..readers import read_document

    if Path(spec).exists() or not looks_like_ref(spec):
        return read_document(spec)
    archive = Archive(archive_dir)
    return archive.read_document(archive.resolve(parse_ref(spec)))
