"""Plain-text and markdown reports: decode, normalise, split into blocks."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Block, Document
from ..options import MAX_TEXT_BYTES
from .blocks import blocks_from_lines


def read_text(path: Path) -> Document:
    raw = path.read_bytes()
    if len(raw) > MAX_TEXT_BYTES:
        raise InputError(str(path), f"larger than {MAX_TEXT_BYTES // 2**20} MiB")
    if not raw.strip():
        raise InputError(str(path), "is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "is not UTF-8 text") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: tuple[Block, ...] = blocks_from_lines(text)
    title = text[blocks[0].start : blocks[0].end] if blocks else path.stem
    fmt = "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    return Document(path=str(path), title=title, text=text, blocks=blocks, source_format=fmt)
