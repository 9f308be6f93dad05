"""Check a path before reading it, and tell file kinds apart by their first bytes.

Everything here reads at most a bounded number of bytes, so a 10 GB file, a FIFO or
/dev/zero is refused before any of it lands in memory.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Literal

from ..errors import InputError

Kind = Literal["text", "zip", "pdf"]

_REFUSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "is a legacy Office file (Word .doc, WPS .wps) or an encrypted one, "
        "which is not supported; save it as .docx (without a password)",
    ),
    (b"{\\rtf", "is an RTF file, which is not supported; save it as .docx or .txt"),
    (b"\x1f\x8b", "is gzip-compressed; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "is a 7-Zip archive; extract the report first"),
    (b"Rar!", "is a RAR archive; extract the report first"),
    (b"\x89PNG", "is a PNG image, not a report"),
    (b"\xff\xd8\xff", "is a JPEG image, not a report"),
    (b"\x7fELF", "is a program (ELF binary), not a report"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_PDF_MAGIC = b"%PDF-"
_SNIFF_BYTES = 16


def check_file(path: Path, max_bytes: int) -> int:
    """Refuse what is not a readable regular file of at most ``max_bytes``; return its size."""
    name = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(
            name, "is a directory, not a report file; name a .txt, .md, .docx or .pdf file"
        )
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, "is not a regular file (a device, pipe or socket)")
    if st.st_size > max_bytes:
        raise InputError(
            name,
            f"is {_mib(st.st_size)}, over the {_mib(max_bytes)} limit for "
            "this format; is it really a report?",
        )
    if st.st_size == 0:
        raise InputError(name, "is empty")
    return st.st_size


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The whole file, or an InputError if it turns out longer than ``max_bytes``."""
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(str(path), f"is over the {_mib(max_bytes)} limit for this format")
    return data


def sniff(path: Path) -> Kind:
    """ "zip", "pdf" or "text" from the first bytes; refuse formats known not to be reports."""
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if head.lstrip(b" \t\r\n").startswith(_PDF_MAGIC):
        return "pdf"
    refuse_magic(path, head)
    return "zip" if head.startswith(_ZIP_MAGIC) else "text"


def refuse_magic(path: Path, head: bytes) -> None:
    for magic, problem in _REFUSED_MAGIC:
        if head.startswith(magic):
            raise InputError(str(path), problem)


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB" if n >= 2**20 else f"{n} bytes"
