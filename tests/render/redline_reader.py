"""Read a Word redline back as a reviewer's software would: accept or reject all.

A table reads as its rows, each its cells apart by tabs and ended by a line break, as
the readers write a table; a tracked inserted or deleted row (w:trPr/w:ins, w:del) is
all inserted or deleted, its tabs and line break included."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DELETED, SAME, INSERTED = -1, 0, 1


def revision_text(docx: bytes | Path, *, accept: bool) -> str:
    """The document's text after accepting (or rejecting) every tracked change."""
    dropped = DELETED if accept else INSERTED
    return "".join(t for op, t in revision_ops(docx) if op != dropped)


def revision_ops(docx: bytes | Path) -> list[tuple[int, str]]:
    """The document as (op, text) in order: -1 deleted, 1 inserted, 0 unchanged; a
    paragraph mark is a "\\n" with its revision's op (none after the last paragraph)."""
    out: list[tuple[int, str]] = []
    for el in _body(docx):
        if el.tag == f"{W}p":
            out += _runs(el)
            out.append((_revision_in(el.find(f"{W}pPr/{W}rPr")), "\n"))
        elif el.tag == f"{W}tbl":
            out += _table_ops(el)
    return out[:-1]


def table_lines(docx: bytes | Path, *, accept: bool) -> list[list[str]]:
    """Each table's rows, cells apart by tabs, after accepting (or rejecting) all."""
    dropped = DELETED if accept else INSERTED
    return [
        "".join(t for op, t in _table_ops(tbl) if op != dropped).split("\n")[:-1]
        for tbl in tables(docx)
    ]


def _table_ops(tbl: etree._Element) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for tr in tbl.iterchildren(f"{W}tr"):
        row = _revision_in(tr.find(f"{W}trPr"))
        for k, tc in enumerate(tr.iterchildren(f"{W}tc")):
            out += [(row, "\t")] if k else []
            for p in tc.iterchildren(f"{W}p"):
                out += _runs(p)
        out.append((row, "\n"))
    return out


def revisions(docx: bytes | Path) -> list[etree._Element]:
    return [r for el in _body(docx) for r in el.iter(f"{W}ins", f"{W}del")]


def tables(docx: bytes | Path) -> list[etree._Element]:
    return [el for el in _body(docx) if el.tag == f"{W}tbl"]


def _body(docx: bytes | Path) -> list[etree._Element]:
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return list(root.find(f"{W}body"))


def _runs(p: etree._Element) -> list[tuple[int, str]]:
    return [
        (_op(el), "\t" if el.tag == f"{W}tab" else el.text or "")
        for el in p.iter(f"{W}t", f"{W}delText", f"{W}tab")
    ]


def _revision_in(props: etree._Element | None) -> int:
    """The revision a paragraph mark's or a row's properties hold, if any."""
    if props is None:
        return SAME
    return (
        DELETED
        if props.find(f"{W}del") is not None
        else (INSERTED if props.find(f"{W}ins") is not None else SAME)
    )


def _op(el: etree._Element) -> int:
    tags = {a.tag for a in el.iterancestors()}
    return DELETED if f"{W}del" in tags else INSERTED if f"{W}ins" in tags else SAME
