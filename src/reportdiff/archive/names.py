"""Names in the archive: agency names made safe as path components, years, kinds, refs.

An agency name comes from the user and ends up as a directory name inside git trees
(and in any checkout of the archive), so it is escaped: no separator, no leading dot,
no control character can reach a path. The original spelling is kept in metadata.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import ArchiveError

DEFAULT_KIND = "report"
MAX_AGENCY_CHARS = 100
_UNSAFE = set('/\\%:*?"<>|')
_KIND = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
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
    return clean


def agency_key(name: str) -> str:
    """A directory name for ``name`` that can never climb out of its folder.

    Separators, '%' and Windows-reserved characters are percent-escaped, and so is a
    leading dot, so '../../etc' becomes '%2E.%2F..%2Fetc': one plain name.
    """
    clean = clean_agency(name)
    out = [f"%{ord(ch):02X}" if ch in _UNSAFE else ch for ch in clean]
    if out[0] == ".":
        out[0] = "%2E"
    return "".join(out)


def check_year(year: int | str) -> int:
    text = str(year).strip()
    if not re.fullmatch(r"\d{4}", text) or not 1900 <= int(text) <= 2200:
        raise ArchiveError(f"the year must be four digits, like 2023 (got {year!r})")
    return int(text)


def check_kind(kind: str) -> str:
    if not _KIND.match(kind):
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
