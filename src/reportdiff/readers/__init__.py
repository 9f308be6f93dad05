"""Readers turn a file on disk into a Document; everything after them is pure.

The file's first bytes, not its name, decide how it is read: a zip goes to the
.docx reader, a PDF to the PDF reader, known non-report formats are refused, and
the rest is read as text.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Document
from ..options import MAX_DOCUMENT_CHARS, MAX_DOCX_BYTES, MAX_PDF_BYTES, MAX_TEXT_BYTES
from .sniff import check_file, sniff


def read_document(path: str | Path) -> Document:
    """Read a .txt/.md, .docx or .pdf report, refusing anything else with an InputError,
    and any report with more text than a comparison is bounded for."""
    doc = _read(Path(path))
    if len(doc.text) > MAX_DOCUMENT_CHARS:
        raise InputError(
            str(path),
            f"holds {len(doc.text):,} characters of text, more than the "
            f"{MAX_DOCUMENT_CHARS:,} a comparison is bounded for; split the report",
        )
    return doc


def _read(p: Path) -> Document:
    check_file(p, max(MAX_DOCX_BYTES, MAX_PDF_BYTES, MAX_TEXT_BYTES))
    kind = sniff(p)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(p)
    if p.suffix.lower() == ".pdf":
        raise InputError(str(p), "is named .pdf but is not a PDF (no %PDF- header)")
    if kind == "zip":
        from .docx import read_docx

        return read_docx(p)
    if p.suffix.lower() == ".docx":
        raise InputError(str(p), "is named .docx but is not a Word .docx file (not a zip)")
    from .text import read_text

    return read_text(p)
