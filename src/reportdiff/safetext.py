"""Text from files, notes and names, made safe to show on a terminal or store as UTF-8.

A file name, an agency name or a review note shared on the reviews branch may hold
escape sequences (which retitle, recolour or clear a terminal), bidi overrides (which
make text read other than it is stored), or — for file names unzipped on Linux from
GBK archives — bytes that are not UTF-8 (Python holds them as lone surrogates, which
no UTF-8 writer accepts). Every such text passes one of these functions on its way
out; each shows the odd character as a visible escape rather than dropping it. Text
bound for a spreadsheet (CSV) is also kept from starting a formula.
"""

from __future__ import annotations

import os
import re

# C0 and C1 controls and DEL, line/paragraph separators, and the bidi controls:
# marks, embeddings, overrides and isolates.
_NOT_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE_LINE = re.compile(f"[\x00-\x1f{_NOT_C0}]")
_UNSAFE_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f{_NOT_C0}]")  # tab and newline kept
_SURROGATE = re.compile("[\ud800-\udfff]")
_BYTE_ESCAPE = re.compile(rb"\\x([0-9a-f]{2})")


def shown_name(text: str) -> str:
    """``text`` as valid UTF-8: bytes a file name could not decode shown as ``\\xNN``."""
    if not _SURROGATE.search(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from undecodable bytes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def file_name(shown: str) -> str:
    """The file name shown_name showed: ``\\xNN`` escapes back to the bytes they stand for."""
    raw = _BYTE_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), shown.encode("utf-8"))
    return os.fsdecode(raw)


def safe_line(text: str) -> str:
    """One line for a terminal: every control, separator and bidi character escaped."""
    return _UNSAFE_LINE.sub(_escape, shown_name(text))


def safe_text(text: str) -> str:
    """Lines for a terminal: as safe_line, but newlines and tabs stay what they are."""
    return _UNSAFE_TEXT.sub(_escape, shown_name(text))


def safe_styled(text: str, styles: tuple[str, ...]) -> str:
    """safe_text of ``text`` except for the style sequences the renderer put in itself."""
    if not styles:
        return safe_text(text)
    pattern = "(" + "|".join(re.escape(s) for s in sorted(set(styles), key=len, reverse=True)) + ")"
    pieces = re.split(pattern, text)
    return "".join(p if i % 2 else safe_text(p) for i, p in enumerate(pieces))


def spreadsheet_cell(text: str) -> str:
    """A CSV cell of text from a report, a file name or a name, as Excel and WPS will open it.

    safe_line's escapes, and a leading ``'`` before a cell that starts like a formula
    (``=``, ``+``, ``-``, ``@``): a spreadsheet would run it, and a report's text is
    anyone's to write. The quote is what a spreadsheet user types to say "text".
    """
    line = safe_line(text)
    return "'" + line if line[:1] in _FORMULA_START else line


_FORMULA_START = frozenset("=+-@")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
