"""Names in the archive: agency names made safe as path components, years, kinds, refs.

An agency name comes from the user and ends up as a directory name inside git trees
(and in any checkout of the archive), so it is escaped: no separator, no leading dot,
no control character can reach a path, no Windows device name (CON, nul.txt) or
trailing dot or space is left as it is, and a long name is shortened (with a hash of
the whole) so that every checkout, Windows included, can hold it. A name that mixes
Latin letters with Cyrillic or Greek ones — a look-alike of another agency's name —
is refused. The original spelling is kept in metadata.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from ..errors import ArchiveError

DEFAULT_KIND = "report"
MAX_AGENCY_CHARS = 100
_UNSAFE = set('/\\%:*?"<>|')
# Windows opens these devices for any file named so, with or without an extension.
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{p}{n}" for p in ("COM", "LPT") for n in range(10))}
MAX_KEY_BYTES = 120  # well under 255 bytes a name, and leaves room in a 260-char path
_LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
_KIND = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_SELECTORS = ("latest", "previous")


def clean_agency(name: str) -> str:
    """The agency name as stored: NFC, trimmed; refused when empty, too long or odd."""
    clean = unicodedata.normalize("NFC", name).strip()
    if not clean:
        raise ArchiveError("the agency name is empty")
    if len(clean) > MAX_AGENCY_CHARS:
        raise ArchiveError(f"the agency name is longer than {MAX_AGENCY_CHARS} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in clean):
        raise ArchiveError(f"the agency name {clean!r} contains control characters")
    scripts = sorted(_lookalike_scripts(clean))
    if len(scripts) > 1:
        raise ArchiveError(
            f"the agency name {clean!r} mixes {' and '.join(s.title() for s in scripts)} "
            "letters, which look alike; type it in one alphabet"
        )
    return clean


def _lookalike_scripts(name: str) -> set[str]:
    found = set()
    for ch in name:
        if ch.isalpha():
            script = unicodedata.name(ch, "").split(" ")[0]
            if script in _LOOKALIKE_SCRIPTS:
                found.add(script)
    return found


def agency_key(name: str) -> str:
    """A directory name for ``name`` that can never climb out of its folder.

    Separators, '%' and Windows-reserved characters are percent-escaped, and so is a
    leading dot, so '../../etc' becomes '%2E.%2F..%2Fetc': one plain name.
    """
    clean = clean_agency(name)
    out = [f"%{ord(ch):02X}" if ch in _UNSAFE else ch for ch in clean]
    if out[0] == "." or clean.split(".")[0].strip().upper() in _DEVICES:
        out[0] = f"%{ord(clean[0]):02X}"
    if out[-1] in (".", " "):  # Windows drops them, so two names would meet
        out[-1] = f"%{ord(out[-1]):02X}"
    return _shortened("".join(out))


def _shortened(key: str) -> str:
    """``key`` cut to MAX_KEY_BYTES of UTF-8, ending in a hash of the whole when cut."""
    if len(key.encode("utf-8")) <= MAX_KEY_BYTES:
        return key
    digest = "~" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    room = MAX_KEY_BYTES - len(digest)
    head = key.encode("utf-8")[:room].decode("utf-8", "ignore")
    return head.rstrip(". ") + digest


def check_year(year: int | str) -> int:
    text = str(year).strip()
    if not re.fullmatch(r"[0-9]{4}", text) or not 1900 <= int(text) <= 2200:
        raise ArchiveError(f"the year must be four digits, like 2023 (got {year!r})")
    return int(text)


def check_kind(kind: str) -> str:
    if not _KIND.fullmatch(kind):  # fullmatch: '$' would let a final newline in
        raise ArchiveError(f"the kind must be lowercase letters, digits, '-' or '_' (got {kind!r})")
    return kind


@dataclass(frozen=True)
class Ref:
    """``AGENCY@YEAR``, ``AGENCY@latest`` or ``AGENCY@previous``, optionally ``:KIND``."""

    agency: str
    selector: str  # a year as text, "latest" or "previous"
    kind: str | None = None

    def __str__(self) -> str:
        return f"{self.agency}@{self.selector}" + (f":{self.kind}" if self.kind else "")


def parse_ref(text: str) -> Ref:
    """Parse an archive reference; the last '@' separates the agency from the year."""
    agency, at, rest = text.rpartition("@")
    if not at or not agency.strip():
        raise ArchiveError(f"{text!r} is not an archive reference (use AGENCY@YEAR)")
    selector, _, kind = rest.partition(":")
    selector = selector.strip().lower()
    if selector not in _SELECTORS:
        selector = str(check_year(selector))
    return Ref(clean_agency(agency), selector, check_kind(kind) if kind else None)


def looks_like_ref(text: str) -> bool:
    try:
        parse_ref(text)
    except ArchiveError:
        return False
    return True
