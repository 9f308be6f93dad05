"""The redline's paragraphs as WordprocessingML: runs of text, each unchanged or inside
a tracked insertion (w:ins) or deletion (w:del), and a paragraph mark that may be a
revision too. Used by the redline's body paragraphs and by its table cells alike."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..core.diff import DELETE, EQUAL, INSERT

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Para:
    """One paragraph of the redline: runs of (op, text) and its paragraph mark's op."""

    runs: list[tuple[int, str]] = field(default_factory=list)
    mark: int = EQUAL
    new_start: int = 0  # offset in NEW's text where this paragraph begins
    old_start: int = 0  # … and in OLD's


def paragraphs(diffs: list[tuple[int, str]]) -> Iterator[Para]:
    """Cut the diff at every newline; the newline's op becomes the paragraph mark's."""
    para, new_pos, old_pos = Para(), 0, 0
    for op, text in diffs:
        for i, chunk in enumerate(text.split("\n")):
            if i:  # a newline ended the paragraph
                para.mark = op
                yield para
                new_pos += op != DELETE  # the newline itself
                old_pos += op != INSERT
                para = Para(new_start=new_pos, old_start=old_pos)
            if chunk:
                para.runs.append((op, chunk))
                new_pos += len(chunk) if op != DELETE else 0
                old_pos += len(chunk) if op != INSERT else 0
    yield para


class Revisions:
    """Makes w:ins / w:del elements with unique ids, one author and one date."""

    def __init__(self, author: str, date: str) -> None:
        self.author, self.date, self.next_id = author, date, 1

    def wrap(self, op: int):
        from docx.oxml import OxmlElement

        el = OxmlElement("w:ins" if op == INSERT else "w:del")
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el


def append_runs(
    p, runs: list[tuple[int, str]], revisions: Revisions, *, half_points: int | None = None
) -> None:
    """Append ``runs`` to the paragraph element ``p``, each changed one in its revision;
    ``half_points`` sets their font size (else the paragraph style's)."""
    from docx.oxml import OxmlElement

    for op, text in runs:
        run = OxmlElement("w:r")
        if half_points:
            props = OxmlElement("w:rPr")
            for tag in ("w:sz", "w:szCs"):
                size = OxmlElement(tag)
                size.set(qn("w:val"), str(half_points))
                props.append(size)
            run.append(props)
        t = OxmlElement("w:delText" if op == DELETE else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = XML_ILLEGAL.sub("\ufffd", text)
        run.append(t)
        if op == EQUAL:
            p.append(run)
        else:
            wrapper = revisions.wrap(op)
            wrapper.append(run)
            p.append(wrapper)


def mark_paragraph(p, op: int, revisions: Revisions) -> None:
    """Make the paragraph mark of ``p`` an insertion or deletion (``op`` not EQUAL)."""
    from docx.oxml import OxmlElement

    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)  # rPr comes last in pPr (before sectPr/pPrChange, unused here)
    rpr.append(revisions.wrap(op))


def qn(tag: str) -> str:
    from docx.oxml.ns import qn as namespaced

    return namespaced(tag)
