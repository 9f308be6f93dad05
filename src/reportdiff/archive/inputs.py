"""What `compare` reads: a file on disk, or an archive reference like 道县公安局@2023."""

from __future__ import annotations

from pathlib import Path

from ..model import Document
from .names import looks_like_ref, parse_ref
from .store import Archive, Version


def read_input(spec: str, archive_dir: str | Path | None = None) -> Document:
    """Read ``spec`` as a file when one exists, else as AGENCY@YEAR|latest|previous.

    An existing file always wins, so a file whose name contains '@' still works.
    """
    from ..readers import read_document

    version = archived_version(spec, archive_dir)
    if version is None:
        return read_document(spec)
    return Archive(archive_dir).read_document(version)


def archived_version(spec: str, archive_dir: str | Path | None = None) -> Version | None:
    """The archived version ``spec`` names, or None when it is a file (or not a ref)."""
    if Path(spec).exists() or not looks_like_ref(spec):
        return None
    return Archive(archive_dir).resolve(parse_ref(spec))
