"""Read a Word redline back as a reviewer's software would: accept or reject all."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def revision_text(docx: bytes | Path, *, accept: bool) -> str:
    """The document's text after accepting (or rejecting) every tracked change."""
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    dropped = f"{W}del" if accept else f"{W}ins"
    out: list[str] = []
    for p in root.iter(f"{W}p"):
        for el in p.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            if any(a.tag == dropped for a in el.iterancestors()):
                continue
            out.append("\t" if el.tag == f"{W}tab" else el.text or "")
        mark = p.find(f"{W}pPr/{W}rPr")
        merged = mark is not None and mark.find(dropped) is not None
        # A dropped paragraph mark joins this paragraph to the next one.
        out.append("" if merged else "\n")
    return "".join(out)[:-1]  # no mark after the last paragraph


def revision_ops(docx: bytes | Path) -> list[tuple[int, str]]:
    """The document as (op, text) in order: -1 deleted, 1 inserted, 0 unchanged; a
    paragraph mark is a "\\n" with its revision's op (none after the last paragraph)."""
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out: list[tuple[int, str]] = []
    for p in root.iter(f"{W}p"):
        for el in p.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            out.append((_op(el), "\t" if el.tag == f"{W}tab" else el.text or ""))
        mark = p.find(f"{W}pPr/{W}rPr")
        changed = [] if mark is None else mark.findall(f"{W}del") + mark.findall(f"{W}ins")
        out.append((_op(changed[0]) if changed else 0, "\n"))
    return out[:-1]


def _op(el: etree._Element) -> int:
    tags = {el.tag} | {a.tag for a in el.iterancestors()}
    return -1 if f"{W}del" in tags else 1 if f"{W}ins" in tags else 0


def revisions(docx: bytes | Path) -> list[etree._Element]:
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return list(root.iter(f"{W}ins", f"{W}del"))
