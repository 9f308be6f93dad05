"""A Word redline: NEW as a .docx whose tracked changes (w:ins / w:del) lead from OLD.

Word, WPS and LibreOffice show the changes as revisions by ``author`` at ``date``;
accepting them all gives NEW's normalised text, rejecting them all gives OLD's.
The revisions are the comparison's own redline (core.diff.redline: the section
diffs' unchanged runs that stand in order in both texts, the rest deleted and
inserted, each revision widened to whole figures and words), so that promise holds
exactly even where sections moved: a moved section reads as deleted here and
inserted there. Nothing is diffed here.
Paragraph marks are revisions too, so paragraphs split or joined round-trip. NEW's
tables are Word tables, their rows tracked as inserted or deleted where NEW added or
dropped them (docx_tables.py). Headings of NEW's outline get Word heading styles,
which makes the navigation pane useful.
Review marks and notes become Word comments (w:comment) on their section's heading.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..core.diff import DELETE, EQUAL, INSERT, redline
from ..model import Comparison, Side
from .docx_runs import (
    XML_ILLEGAL,
    Para,
    Revisions,
    append_runs,
    mark_paragraph,
    paragraphs,
    qn,
)
from .docx_tables import Row, table_element, table_ends, take_rows

if TYPE_CHECKING:
    from ..review_carry import ReviewEntry

DEFAULT_AUTHOR = "reportdiff"


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
    paras = list(paragraphs(redline(c)))
    levels = {s.start: s.level for s in c.new_sections if s.level > 0}
    tables = table_ends(c.new)
    document = docx.Document()
    document.core_properties.title = c.new.title[:200]
    document.core_properties.author = author
    body = document.element.body
    revisions = Revisions(author, when)
    starts: dict[tuple[str, int], object] = {}  # (side, offset) -> paragraph there
    i = 0
    while i < len(paras):
        at = paras[i].new_start
        taken = take_rows(paras, i, tables[at]) if at in tables else None
        if taken is not None:
            rows, i = taken
            _add_table(document, rows, revisions, starts)
        else:
            _add_paragraph(document, paras[i], levels.get(at), revisions, starts)
            i += 1
    _comment_reviews(document, c, reviews, starts, author)
    sect = body.find(qn("w:sectPr"))
    if sect is not None:  # keep the section properties last, as Word requires
        body.append(sect)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_paragraph(document, para: Para, level: int | None, revisions, starts) -> None:
    """One paragraph of the redline, with a heading style where NEW's outline has one."""
    style = f"Heading {min(level, 9)}" if level and para.mark != DELETE else None
    p = document.add_paragraph(style=style)
    append_runs(p._p, para.runs, revisions)
    if para.mark != EQUAL:
        mark_paragraph(p._p, para.mark, revisions)
    if para.mark != DELETE:
        starts.setdefault(("new", para.new_start), p)
    if para.mark != INSERT:
        starts.setdefault(("old", para.old_start), p)


def _add_table(document, rows: list[Row], revisions: Revisions, starts) -> None:
    """One of NEW's tables as a Word table; each row's first cell is where it starts."""
    from docx.text.paragraph import Paragraph

    tbl, firsts = table_element(rows, revisions, _table_style(document), _width(document))
    sect = document.element.body.find(qn("w:sectPr"))
    if sect is not None:  # where add_paragraph puts paragraphs: before the section properties
        sect.addprevious(tbl)
    else:
        document.element.body.append(tbl)
    for row, p in zip(rows, firsts, strict=True):
        for side, at in (("new", row.new_start), ("old", row.old_start)):
            if at is not None:
                starts.setdefault((side, at), Paragraph(p, document._body))


def _table_style(document) -> str:
    """The id of the template's bordered table style (Table Grid)."""
    return document.styles["Table Grid"].style_id


def _width(document) -> int:
    """The text width of the page, in twips."""
    section = document.sections[0]
    return int(section.page_width - section.left_margin - section.right_margin) // 635


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
    return XML_ILLEGAL.sub("\ufffd", f"{text}\n{entry.note}" if entry.note else text)
