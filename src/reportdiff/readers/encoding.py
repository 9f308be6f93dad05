"""Decode the bytes of a text report: UTF-8 (with or without BOM), GB18030/GBK, UTF-16/32.

Order matters. Strict UTF-8 is almost never wrong when it succeeds; BOMs are certain;
BOM-less UTF-16 shows itself by NUL bytes in one byte position (a few NULs anywhere
else are read as spaces, many mean binary data); GB18030 is tried
and mostly-ASCII Windows-1252 before charset-normalizer, because the latter often
calls short Chinese GBK texts Big5 or UTF-16, and accented English cp1250.
Any decoding with many control characters is judged binary.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE_CHARS = 20_000  # enough to judge a decoding; keeps the judgement cheap
# What binary data read as text is full of: control characters other than white
# space, C1 controls, surrogates, private-use characters and U+FFFD.
_ODD_RE = re.compile("[\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f\\ud800-\\uf8ff\\ufffd]")
_WIDE_RE = re.compile("[^\\x00-\\x7f]")


class NotText(ValueError):
    """The bytes are binary data or in no encoding we can tell."""


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) of ``raw``; NotText when it is not text."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, name), name
    if b"\x00" in raw:
        utf16 = _bomless_utf16(raw)
        if utf16:
            return utf16
        if raw.count(0) > max(1, len(raw) // 100):
            raise NotText("contains NUL bytes")
        # A stray NUL (a copy-paste or a damaged save) is a space, not a reason to
        # refuse the report; in UTF-8 and GB18030 no character contains the byte 0.
        raw = raw.replace(b"\x00", b" ")
    try:
        return _checked(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    gb = _gb18030(raw)
    if gb is not None:
        return _checked(gb), "gb18030"
    western = _western(raw)
    if western is not None:
        return _checked(western), "cp1252"
    return _charset_normalizer(raw)


def _checked(text: str) -> str:
    if not _plausible(text):
        raise NotText("looks like binary data (many control characters)")
    return text


def _strict(raw: bytes, name: str) -> str:
    try:
        return _checked(raw.decode(name))
    except UnicodeDecodeError as exc:
        raise NotText(f"starts with a {name} byte-order mark but is not valid {name}") from exc


_MIN_UTF16_NULS = 8


def _bomless_utf16(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: NULs (the high bytes of ASCII) sit in one byte position."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[: 2 * _SAMPLE_CHARS]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # A few NULs are no evidence: any short blob has one in some position, and read
    # as UTF-16 it is plausible-looking hanzi. A report's newlines and digits give many.
    enough = max(_MIN_UTF16_NULS, len(sample) // 100)
    if max(even, odd) < enough or min(even, odd) > max(even, odd) // 4:
        return None
    name = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = raw.decode(name)
    except UnicodeDecodeError:
        return None
    return (text, name) if _plausible(text) else None


def _gb18030(raw: bytes) -> str | None:
    """GB18030 (a superset of GBK and GB2312) when its non-ASCII characters are common hanzi.

    GB18030 decodes most byte soups, so accept it only when nearly all non-ASCII
    characters fall in GB2312, the everyday set; Big5 or Shift-JIS bytes read as GBK
    land mostly outside it.
    """
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = "".join(_WIDE_RE.findall(text, 0, _SAMPLE_CHARS * 2))[:_SAMPLE_CHARS]
    if not wide:
        return None
    # GB2312 writes each of its non-ASCII characters in two bytes, and "?" (one) for
    # a character outside it: the bytes beyond one a character count those inside.
    common = len(wide.encode("gb2312", errors="replace")) - len(wide)
    return text if common >= 0.8 * len(wide) else None


def _western(raw: bytes) -> str | None:
    """Windows-1252 for mostly-ASCII text with a few accents, curly quotes or dashes.

    charset-normalizer tends to call such text mac_latin2 or cp1250; CJK legacy
    encodings, by contrast, make a large share of bytes non-ASCII.
    """
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:_SAMPLE_CHARS]
    wide = sum(1 for c in sample if ord(c) > 0x7F)
    return text if wide <= len(sample) // 3 else None


def _charset_normalizer(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise NotText("is in no text encoding that could be recognised")
    text = str(best)
    if not _plausible(text):
        raise NotText("looks like binary data")
    return text, best.encoding


def _plausible(text: str) -> bool:
    """Few control characters and no unpaired surrogates or private-use soup."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    odd = len(_ODD_RE.findall(sample))
    return odd <= len(sample) // 50
