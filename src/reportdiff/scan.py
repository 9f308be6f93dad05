"""Reading a folder of reports for `scan` and `compare --corpus`: file walking,
parallel sketching over the cores, and a progress bar on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import InputError, ReportdiffError
from .model import Document

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
MAX_REPORTS = 100_000  # a bound on what one scan walks, against pointing it at /


def find_reports(folder: str | Path) -> list[Path]:
    """The report files under ``folder`` (recursively, hidden entries skipped), sorted."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(str(folder), "is not a directory")
    found: list[Path] = []
    for path in _walk(root):
        found.append(path)
        if len(found) > MAX_REPORTS:
            raise ReportdiffError(f"{folder}: more than {MAX_REPORTS} report files")
    return sorted(found)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(REPORT_SUFFIXES):
                yield Path(dirpath) / name


def read_reports(
    paths: list[Path], on_skip: Callable[[Path, str], None] | None = None
) -> list[Document]:
    """Read each report; one that cannot be read is skipped (and reported via ``on_skip``)."""
    from .readers import read_document

    docs = []
    for path in paths:
        try:
            docs.append(read_document(path))
        except InputError as exc:
            if on_skip:
                on_skip(path, exc.problem)
    return docs


def warn_skip(path: Path, problem: str) -> None:
    print(f"reportdiff: skipped {path}: {problem}", file=sys.stderr)
