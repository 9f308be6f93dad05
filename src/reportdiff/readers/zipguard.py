"""Check a .docx's zip container before python-docx opens it.

python-docx reads every member into memory and parses every XML part, with no size
limit; its parser leaves entities unresolved, which silently truncates paragraph
text. So: the zip must open, hold word/document.xml, stay within the member-count,
size and compression-ratio limits of options.py (as its directory declares them;
zipfile never inflates a member past its declared size), and no XML part may carry
a DOCTYPE. A part is XML by its name (.xml, .rels) or by the content type
[Content_Types].xml gives it — python-docx goes by the latter, so a main part named
word/main.dat is checked like any other. Only each XML part's prolog is read, so
the check costs little.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from ..errors import InputError
from ..options import (
    MAX_DOCX_MEMBERS,
    MAX_DOCX_RATIO,
    MAX_DOCX_UNCOMPRESSED,
    MAX_DOCX_XML,
)

MAIN_PART = "word/document.xml"
_RATIO_FLOOR = 1024 * 1024  # members smaller than this may compress as well as they like
_PROLOG_BYTES = 64 * 1024
# An XML prolog: declaration, comments, processing instructions and white space.
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
_ROOT = re.compile(rb"<[A-Za-z_:]")
_XML_SUFFIXES = (".xml", ".rels")
_CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError)


def check_docx_zip(path: Path) -> None:
    """InputError unless ``path`` is a zip that python-docx can safely open."""
    name = str(path)
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
            _check_members(name, members)
            for info in members:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    _check_prolog(name, info.filename, _head(z, info))
            xml = _xml_members(z, members)
            _check_xml_size(name, xml)
            for info in xml:
                if not info.filename.lower().endswith(_XML_SUFFIXES):
                    _check_prolog(name, info.filename, _head(z, info))
    except ZIP_ERRORS as exc:
        raise InputError(
            name, f"is a damaged zip/.docx file ({describe(exc)}); open and re-save it in Word"
        ) from None


def _check_members(name: str, members: list[zipfile.ZipInfo]) -> None:
    if MAIN_PART not in {m.filename for m in members}:
        raise InputError(
            name, "is a zip archive but not a Word .docx (no word/document.xml); save it as .docx"
        )
    if len(members) > MAX_DOCX_MEMBERS:
        raise InputError(
            name,
            f"has {len(members)} zip members, over the limit of "
            f"{MAX_DOCX_MEMBERS}; refusing it as a possible zip bomb",
        )
    total = sum(m.file_size for m in members)
    if total > MAX_DOCX_UNCOMPRESSED:
        raise InputError(
            name,
            f"would expand to {total // 2**20} MiB, over the "
            f"{MAX_DOCX_UNCOMPRESSED // 2**20} MiB limit; refusing it as a "
            "possible zip bomb",
        )
    for m in members:
        if m.file_size > _RATIO_FLOOR and m.file_size > MAX_DOCX_RATIO * max(m.compress_size, 1):
            raise InputError(
                name,
                f"member {m.filename} expands {m.file_size // max(m.compress_size, 1)}"
                f"-fold, over the limit of {MAX_DOCX_RATIO}; refusing it as a "
                "possible zip bomb",
            )


def _xml_members(z: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The members python-docx parses: XML by name, or by the content type declared."""
    types = _content_types(z)
    return [m for m in members if m.filename.lower().endswith(_XML_SUFFIXES) or _is_xml(m, types)]


def _content_types(z: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """(extension -> type, /part/name -> type) from [Content_Types].xml, empty if absent.

    Its prolog was checked (no DOCTYPE) and its size bounded before it is parsed here.
    """
    from lxml import etree

    try:
        root = etree.fromstring(z.read(_CONTENT_TYPES))
    except (KeyError, etree.XMLSyntaxError):
        return {}, {}
    defaults = {
        (el.get("Extension") or "").lower(): el.get("ContentType") or ""
        for el in root.iter(f"{_CT_NS}Default")
    }
    overrides = {
        (el.get("PartName") or "").lower(): el.get("ContentType") or ""
        for el in root.iter(f"{_CT_NS}Override")
    }
    return defaults, overrides


def _is_xml(member: zipfile.ZipInfo, types: tuple[dict[str, str], dict[str, str]]) -> bool:
    defaults, overrides = types
    name = member.filename.lower()
    extension = posixpath.splitext(name)[1].lstrip(".")
    kind = overrides.get("/" + name) or defaults.get(extension, "")
    return "xml" in kind and not kind.startswith("image/")  # an SVG picture is not parsed


def _check_xml_size(name: str, xml: list[zipfile.ZipInfo]) -> None:
    size = sum(m.file_size for m in xml)
    if size > MAX_DOCX_XML:
        raise InputError(
            name, f"holds {size // 2**20} MiB of XML, over the {MAX_DOCX_XML // 2**20} MiB limit"
        )


def _head(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with z.open(info) as f:
        return f.read(_PROLOG_BYTES)


def _check_prolog(name: str, member: str, head: bytes) -> None:
    """Refuse a DOCTYPE (and so any ENTITY declaration): it can only precede the root.

    Whatever follows the declaration, comments and processing instructions must be
    the root element; an over-long or unterminated comment is refused too.
    """
    head = _as_utf8(head)
    pos = 0
    while m := _PROLOG_ITEM.match(head, pos):
        pos = m.end()
    rest = head[pos:]
    if rest[:9].upper() == b"<!DOCTYPE":
        raise InputError(
            name,
            f"{member} declares a DOCTYPE (where entities are declared), which Word never "
            "writes; refusing it",
        )
    if rest and not _ROOT.match(rest):
        raise InputError(name, f"{member} does not start like an XML part; refusing it")


def _as_utf8(head: bytes) -> bytes:
    """XML may be stored as UTF-16; look at its prolog in UTF-8."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        codec = (
            "utf-16"
            if head[:2] in (b"\xff\xfe", b"\xfe\xff")
            else ("utf-16-le" if head[0] == 0x3C else "utf-16-be")
        )
        return head[: len(head) // 2 * 2].decode(codec, errors="replace").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")


def describe(exc: BaseException) -> str:
    """The first line of an exception's message, short enough for a one-line error."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120].rstrip(".")
