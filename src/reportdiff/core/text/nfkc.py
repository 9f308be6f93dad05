"""NFKC normalisation, several times faster on Chinese text than unicodedata's own.

Chinese reports are full of full-width forms (，：（）％１２ and the ideographic space),
which NFKC maps to ASCII. unicodedata then decomposes and recomposes the whole string
character by character. Replacing those forms by their ASCII decomposition first gives
the same result — a text and the text so replaced decompose to the same characters, so
they compose alike — and leaves a string that passes normalisation's quick check.
"""

from __future__ import annotations

import re
import unicodedata

# Full-width ASCII, the ideographic and no-break spaces, and the ellipsis.
_TO_ASCII = {
    c: unicodedata.normalize("NFKD", chr(c))
    for c in (*range(0xFF01, 0xFF5F), 0x3000, 0x00A0, 0x2026)
}
# Runs of them, translated run by run: str.translate alone walks every character of a
# Chinese text through a dictionary lookup.
_RUN = re.compile("[\uff01-\uff5e\u3000\u00a0\u2026]+")


def _to_ascii(run: re.Match[str]) -> str:
    return run.group().translate(_TO_ASCII)


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``."""
    return unicodedata.normalize("NFKC", _RUN.sub(_to_ascii, text))
