"""`-` as an input: a report piped in, read as a file of the same bytes would be."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..errors import InputError
from ..model import Document
from ..options import MAX_DOCX_BYTES, MAX_TEXT_BYTES

STDIN_NAME = "-"


def read_stdin() -> Document:
    """Read stdin to its end (bounded) and read it as a report named ``-``.

    The bytes go through a temporary file so that stdin gets exactly the checks and
    the format sniffing a file on disk gets (a .docx can be piped in too).
    """
    limit = max(MAX_DOCX_BYTES, MAX_TEXT_BYTES)
    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        raise InputError(STDIN_NAME, f"is larger than {limit // (1024 * 1024)} MiB")
    if not raw:
        raise InputError(
            STDIN_NAME, "is empty; pipe a report in, e.g. `cat a.txt | reportdiff compare - b.txt`"
        )
    from ..readers import read_document

    with tempfile.TemporaryDirectory(prefix="reportdiff-stdin-") as folder:
        path = Path(folder) / "stdin"
        path.write_bytes(raw)
        doc = read_document(path)
    title = doc.title if doc.title != path.stem else STDIN_NAME
    return doc._replace(path=STDIN_NAME, title=title)
