"""Atomic file writes: nothing a user wrote is ever left half-written."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import ReportdiffError

# Windows refuses to replace a file another program holds open: Word, WPS or Excel
# showing it, or for a moment an antivirus or indexer reading it. Tries, and the pause
# before each retry (seconds): long enough for a scanner to let go.
REPLACE_TRIES = 5
REPLACE_PAUSE = 0.2


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over ``path``.

    A symlink is followed (the file it names is replaced, the link stays), and the
    file keeps its permissions, or gets the umask's default when new."""
    with atomic_writer(path) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, piece by piece: the pieces go to a temp
    file in the same folder that replaces ``path`` only when the block ends without an
    error (fsync first), so a reader never sees half of it."""
    if _is_special(path):
        # A device or pipe (/dev/null, /dev/stdout, a FIFO) is written to, never
        # replaced: renaming over it would turn it into a plain file. It is opened by
        # its own name, not its resolved one: /dev/stdout resolves to a pipe's
        # pseudo-name under /proc that cannot be opened by that name.
        with open(path, "wb") as fh:
            yield fh
        return
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory")
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where the mode is the default
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _replace(tmp: str, target: Path) -> None:
    """os.replace, retried while another program holds ``target`` open; then one clear
    error naming the file the user knows (not the temp file)."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if attempt + 1 < REPLACE_TRIES:
                time.sleep(REPLACE_PAUSE)
    raise ReportdiffError(
        f"{target}: cannot replace the file: another program has it open "
        "(close it in Word, WPS or Excel) or it is read-only"
    )


def _is_special(path: str | Path) -> bool:
    """True for a device, pipe or descriptor name: anything but a user's file or folder.

    /dev/stdout redirected to a file is a regular file, yet its name is the stream's:
    nothing under /dev or /proc is replaced by renaming."""
    if Path(path).is_absolute() and Path(path).parts[1:2] in (("dev",), ("proc",)):
        return os.path.exists(path)
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode))


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
