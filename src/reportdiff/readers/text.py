"""Plain-text and markdown reports: decode, normalise, split into blocks."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import Document
from ..options import MAX_TEXT_BYTES
from ..safetext import shown_name
from .blocks import blocks_from_lines, first_paragraph
from .encoding import NotText, decode
from .normalize import normalize_with_origins
from .sniff import check_file, read_bounded

_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_TITLE_MARKUP = re.compile(r"^#{1,6}\s+|^(\*\*|__)|(\*\*|__)$")


def read_text(path: Path) -> Document:
    """A Document from a text file in any encoding ``encoding.decode`` recognises."""
    check_file(path, MAX_TEXT_BYTES)
    raw = read_bounded(path, MAX_TEXT_BYTES)
    try:
        decoded, encoding = decode(raw)
    except NotText as exc:
        raise InputError(
            str(path), f"is not a text report ({exc}); give a .txt, .md, .docx or .pdf report"
        ) from None
    text, origins = normalize_with_origins(decoded)
    if not text:
        raise InputError(str(path), "contains only whitespace; there is nothing to compare")
    blocks = blocks_from_lines(text)
    fmt = "md" if path.suffix.lower() in _MARKDOWN_SUFFIXES else "txt"
    title = _TITLE_MARKUP.sub("", first_paragraph(text, blocks)).strip() or path.stem
    return Document(
        path=shown_name(str(path)),  # valid UTF-8 in every output
        title=title,
        text=text,
        blocks=blocks,
        source_format=fmt,
        encoding=encoding,
        line_origins=origins,
    )
