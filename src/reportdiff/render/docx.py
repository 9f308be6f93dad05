"""A Word redline: NEW as a .docx whose tracked changes (w:ins / w:del) lead from OLD.

Word, WPS and LibreOffice show the changes as revisions by ``author`` at ``date``;
accepting them all gives NEW's normalised text, rejecting them all gives OLD's.
The revisions are the comparison's own redline (core.diff.redline: the section
diffs' unchanged runs that stand in order in both texts, the rest deleted and
inserted, each revision widened to whole figures and words), so that promise holds
exactly even where sections moved: a moved section reads as deleted here and
inserted there. Nothing is diffed here.
Paragraph marks are revisions too, so paragraphs split or joined round-trip. Headings
of NEW's outline get Word heading styles, which makes the navigation pane useful.
Review marks and notes become Word comments (w:comment) on their section's heading.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..core.diff import DELETE, EQUAL, INSERT, redline
from ..model import Comparison, Side

if TYPE_CHECKING:
    from ..review_carry import ReviewEntry

DEFAULT_AUTHOR = "reportdiff"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class _Para:
    """One paragraph of the redline: runs of (op, text) and its paragraph mark's op."""

    runs: list[tuple[int, str]] = field(default_factory=list)
    mark: int = EQUAL
    new_start: int = 0  # offset in NEW's text where this paragraph begins
    old_start: int = 0  # … and in OLD's


def render_docx(
    c: Comparison,
    *,
    author: str = DEFAULT_AUTHOR,
    date: datetime | None = None,
    reviews: Sequence[ReviewEntry] = (),
) -> bytes:
    """The redline as .docx bytes; review marks and notes become Word comments on the
    heading of their section."""
    import docx

    when = (date or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    diffs = redline(c)
    levels = {s.start: s.level for s in c.new_sections if s.level > 0}
    document = docx.Document()
    document.core_properties.title = c.new.title[:200]
    document.core_properties.author = author
    body = document.element.body
    revisions = _Revisions(author, when)
    starts: dict[tuple[str, int], object] = {}  # (side, offset) -> paragraph there
    for para in _paragraphs(diffs):
        level = levels.get(para.new_start)
        style = f"Heading {min(level, 9)}" if level and para.mark != DELETE else None
        p = document.add_paragraph(style=style)
        _fill(p._p, para, revisions)
        if para.mark != DELETE:
            starts.setdefault(("new", para.new_start), p)
        if para.mark != INSERT:
            starts.setdefault(("old", para.old_start), p)
    _comment_reviews(document, c, reviews, starts, author)
    sect = body.find(_qn("w:sectPr"))
    if sect is not None:  # keep the section properties last, as Word requires
        body.append(sect)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(diffs: list[tuple[int, str]]) -> Iterator[_Para]:
    """Cut the diff at every newline; the newline's op becomes the paragraph mark's."""
    para, new_pos, old_pos = _Para(), 0, 0
    for op, text in diffs:
        for i, chunk in enumerate(text.split("\n")):
            if i:  # a newline ended the paragraph
                para.mark = op
                yield para
                new_pos += op != DELETE  # the newline itself
                old_pos += op != INSERT
                para = _Para(new_start=new_pos, old_start=old_pos)
            if chunk:
                para.runs.append((op, chunk))
                new_pos += len(chunk) if op != DELETE else 0
                old_pos += len(chunk) if op != INSERT else 0
    yield para


def _comment_reviews(document, c: Comparison, reviews, starts: dict, author: str) -> None:
    """One Word comment per mark or note, on the first paragraph of its section (NEW's,
    or OLD's for a removed one); a mark whose section is gone goes on the first."""
    from docx.text.run import Run

    for entry in reviews:
        pair = c.pairs[entry.pair] if entry.pair is not None else None
        p = None
        ends: tuple[tuple[Side, str | None], ...] = (
            (("new", pair.new), ("old", pair.old)) if pair else ()
        )
        for side, sid in ends:
            s = c.section(side, sid)
            if s is not None and (p := starts.get((side, s.start))) is not None:
                break
        if p is None:
            p = next(iter(starts.values()), None) or document.add_paragraph()
        runs = p._p.xpath(".//w:r")
        run = Run(runs[0], p) if runs else p.add_run("")
        last = Run(runs[-1], p) if runs else run
        document.add_comment([run, last], _comment_text(entry), author=author, initials="RD")


def _comment_text(entry: ReviewEntry) -> str:
    text = f"{entry.heading}: {entry.status}" if entry.heading else entry.status
    return _XML_ILLEGAL.sub("\ufffd", f"{text}\n{entry.note}" if entry.note else text)


class _Revisions:
    """Makes w:ins / w:del elements with unique ids, one author and one date."""

    def __init__(self, author: str, date: str) -> None:
        self.author, self.date, self.next_id = author, date, 1

    def wrap(self, op: int):
        from docx.oxml import OxmlElement

        el = OxmlElement("w:ins" if op == INSERT else "w:del")
        el.set(_qn("w:id"), str(self.next_id))
        el.set(_qn("w:author"), self.author)
        el.set(_qn("w:date"), self.date)
        self.next_id += 1
        return el


def _fill(p, para: _Para, revisions: _Revisions) -> None:
    """Append the paragraph's runs to ``p`` and mark its paragraph mark if changed."""
    from docx.oxml import OxmlElement

    for op, text in para.runs:
        run = OxmlElement("w:r")
        t = OxmlElement("w:delText" if op == DELETE else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = _XML_ILLEGAL.sub("\ufffd", text)
        run.append(t)
        if op == EQUAL:
            p.append(run)
        else:
            wrapper = revisions.wrap(op)
            wrapper.append(run)
            p.append(wrapper)
    if para.mark != EQUAL:
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(_qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)  # rPr comes last in pPr (before sectPr/pPrChange, unused here)
        rpr.append(revisions.wrap(para.mark))


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)
