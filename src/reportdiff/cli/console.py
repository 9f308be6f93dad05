"""Standard output that is not UTF-8: a Windows console or redirect takes the system
code page (cp936 on Chinese Windows, cp1252 on English), as does a POSIX locale.

Report text is mostly within the code page; the marks the text report draws (⏎ ↷ ✓ −)
and an odd character of a report often are not. Each character the code page lacks is
written as a readable stand-in (-> for →, | for ⏎), or ? when there is none, instead of
failing the run. Machine formats (JSON, JSON lines, CSV) are written as UTF-8 whatever
the console: JSON is UTF-8 by its standard, and a program reading it expects that.
"""

from __future__ import annotations

import codecs
import io
import sys
from typing import TextIO

STAND_IN = "reportdiff-stand-in"  # the codecs error handler's name
MACHINE_FORMATS = ("json", "jsonl", "csv")

# Stand-ins in ASCII, which every code page holds.
_STAND_INS = {
    "⏎": "|",
    "↷": "~>",
    "→": "->",
    "↕": "<>",
    "✓": "v",
    "✎": "*",
    "−": "-",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
    "±": "+/-",
    "×": "x",
    "…": "...",
    "—": "--",
    "–": "-",
    "·": ".",
    "•": "*",
    "§": "S",
    "Δ": "d",
    "€": "EUR",
    "£": "GBP",
    "‰": "o/oo",
    "\u3000": " ",
}


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    lacking = error.object[error.start : error.end]
    return "".join(_STAND_INS.get(c, "?") for c in lacking), error.end


codecs.register_error(STAND_IN, _stand_in)


def is_utf8(stream: TextIO) -> bool:
    return codecs.lookup(stream.encoding or "utf-8").name.startswith("utf-")


def prepare(stream: TextIO | None = None) -> None:
    """Let ``stream`` (default: stdout) write what its encoding lacks as stand-ins."""
    stream = stream or sys.stdout
    if not isinstance(stream, io.TextIOWrapper) or is_utf8(stream):
        return  # (a test's capture, or a stream that writes anything)
    stream.reconfigure(errors=STAND_IN)


# SetConsoleMode flag: the console reads ANSI escape sequences (Windows 10 and later)
_VIRTUAL_TERMINAL = 0x0004


def shows_ansi(stream: TextIO) -> bool:
    """Whether colour codes written to ``stream`` show as colour. A Windows console
    shows them once switched to virtual-terminal processing, which Windows Terminal
    does and the classic console (cmd.exe, PowerShell's window) does not: this switches
    it, and says no where it cannot (before Windows 10)."""
    if sys.platform != "win32":
        return True
    import ctypes
    import msvcrt

    try:
        handle = msvcrt.get_osfhandle(stream.fileno())
        mode = ctypes.c_uint32()
        kernel32 = ctypes.windll.kernel32
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return True  # no console (a pipe, a terminal emulator's pty): codes pass on
        if mode.value & _VIRTUAL_TERMINAL:
            return True
        return bool(kernel32.SetConsoleMode(handle, mode.value | _VIRTUAL_TERMINAL))
    except (OSError, ValueError, AttributeError):
        return False


def encode_for(stream: TextIO, text: str) -> bytes:
    """``text`` in ``stream``'s encoding, with stand-ins for what it lacks (for a pager)."""
    return text.encode(stream.encoding or "utf-8", errors=STAND_IN)


def write(text: str, fmt: str = "text") -> None:
    """Print ``text`` to stdout: a machine format as UTF-8 bytes, other text as prepared."""
    out = sys.stdout
    if fmt in MACHINE_FORMATS and not is_utf8(out) and hasattr(out, "buffer"):
        out.flush()
        out.buffer.write(text.encode("utf-8"))
        out.buffer.flush()
        return
    out.write(text)
