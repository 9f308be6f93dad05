"""Word .docx reports: guard the zip, then walk the body with python-docx.

Paragraphs and tables come in body order (content controls are entered, a table of
contents is skipped). Automatic numbering is rendered into the text and kept in
Block.label; heading levels come from heading styles or outline levels on the
paragraph or its style chain. python-docx is imported here only, and lazily.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Block, Document, Span
from .normalize import clean_chars, clean_line
from .numbering import Numbering
from .sniff import check_file
from .zipguard import ZIP_ERRORS, check_docx_zip

_HEADING_STYLE = re.compile(r"(?i)^(?:heading|标题)\s*([1-9])$")
_TOC_STYLE = re.compile(r"(?i)^(?:toc|目录)\s*\d$|^toc heading$")
_TITLE_STYLES = {"title", "标题"}
_CJK_END = re.compile(r"[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]$")
MAX_TITLE_CHARS = 200


def read_docx(path: Path) -> Document:
    from ..options import MAX_DOCX_BYTES

    check_file(path, MAX_DOCX_BYTES)
    check_docx_zip(path)
    doc = _open(path)
    builder = _Builder()
    try:
        numbering = Numbering(_numbering_xml(doc))
        _walk(doc.element.body, doc, builder, numbering)
    except ZIP_ERRORS as exc:  # python-docx reads parts lazily in places
        raise InputError(str(path), f"is a damaged .docx file ({_reason(exc)})") from None
    text = builder.text()
    if not text:
        raise InputError(str(path), "contains no text; there is nothing to compare")
    title = (builder.title or _first_text(text, builder.blocks))[:MAX_TITLE_CHARS]
    return Document(
        path=str(path),
        title=title or path.stem,
        text=text,
        blocks=tuple(builder.blocks),
        source_format="docx",
        encoding="utf-8",
    )


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(str(path))
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise InputError(str(path), f"is a damaged .docx file ({_reason(exc)})") from None
    except (PackageNotFoundError, XMLSyntaxError, KeyError, *ZIP_ERRORS) as exc:
        raise InputError(str(path), f"cannot be read as a Word .docx ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def _numbering_xml(doc: Any) -> Any | None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:  # not doc.part.numbering_part, which adds an empty part when there is none
        return doc.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        return None


class _Builder:
    """Collects lines of text and the blocks that index them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.title = ""

    def _append(self, line: str) -> int:
        if not line and (not self.lines or not self.lines[-1]):
            return self.pos  # no leading blank lines, no runs of blank lines
        start = self.pos + (1 if self.lines else 0)
        self.lines.append(line)
        self.pos = start + len(line)
        return start

    def paragraph(self, text: str, level: int | None, label: str, bold: bool) -> None:
        lines = [clean_line(s) for s in text.split("\n")]
        if not any(lines):
            self._append("")
            return
        first = True
        for line in lines:
            if not line:
                continue
            start = self._append(line)
            block = Block(start, start + len(line), style_level=level, label=label, bold=bold)
            self.blocks.append(block)
            if first:  # a soft line break's later lines are not the heading or list item
                level, label, first = None, "", False

    def table(self, rows: list[list[str]]) -> None:
        spans: list[tuple[Span, ...]] = []
        start = None
        for cells in rows:
            line_start = self._append("\t".join(cells))
            start = line_start if start is None else start
            row, pos = [], line_start
            for cell in cells:
                row.append(Span(pos, pos + len(cell)))
                pos += len(cell) + 1
            spans.append(tuple(row))
        if start is not None:
            self.blocks.append(Block(start, self.pos, "table", cells=tuple(spans)))

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""


def _walk(parent: Any, doc: Any, out: _Builder, numbering: Numbering) -> None:
    """Body-level paragraphs and tables in order, entering content controls."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            _paragraph(Paragraph(child, doc.part), out, numbering)
        elif tag == "tbl":
            out.table(_table_rows(Table(child, doc.part)))
        elif tag == "sdt" and not _is_toc(child):
            for content in child.findall(_w("sdtContent")):
                _walk(content, doc, out, numbering)


def _paragraph(p: Any, out: _Builder, numbering: Numbering) -> None:
    styles = list(_style_chain(p.style))
    names = [(s.name or "").strip() for s in styles]
    if any(_TOC_STYLE.match(n) for n in names[:1]):
        return
    text = clean_chars(_paragraph_text(p))
    label, suffix = _label(p, styles, numbering)
    if label and text.strip():
        sep = "" if suffix == "nothing" or _CJK_END.search(label) else " "
        text = label + sep + text.lstrip()
    if names and names[0].lower() in _TITLE_STYLES and not out.title and text.strip():
        out.title = clean_line(text)
    out.paragraph(text, _heading_level(p, styles), label, _all_bold(p, styles))


def _paragraph_text(p: Any) -> str:
    """Text of every run outside deletions and text boxes, including tracked insertions."""
    from docx.text.run import Run

    runs = p._p.xpath(
        ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
        " and not(ancestor::w:txbxContent)]"
    )
    return "".join(Run(r, p).text for r in runs)


def _style_chain(style: Any) -> list[Any]:
    chain, seen = [], set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        chain.append(style)
        style = style.base_style
    return chain


def _heading_level(p: Any, styles: list[Any]) -> int | None:
    direct = _outline_level(p._p)
    if direct is not None:
        return direct
    for style in styles:
        m = _HEADING_STYLE.match((style.name or "").strip())
        if m:
            return int(m.group(1))
        level = _outline_level(style.element)
        if level is not None:
            return level
    return None


def _outline_level(el: Any) -> int | None:
    """w:outlineLvl 0..8 is heading level 1..9; 9 means body text."""
    vals = el.xpath("./w:pPr/w:outlineLvl/@w:val")
    if not vals:
        return None
    try:
        level = int(vals[0])
    except ValueError:
        return None
    return level + 1 if 0 <= level < 9 else None


def _label(p: Any, styles: list[Any], numbering: Numbering) -> tuple[str, str]:
    """The numbering label of a paragraph: numPr on the paragraph, else its style chain."""
    num_id, ilvl = _num_pr(p._p)
    for style in styles:
        if num_id is not None and ilvl is not None:
            break
        s_num, s_ilvl = _num_pr(style.element)
        num_id = num_id if num_id is not None else s_num
        ilvl = ilvl if ilvl is not None else s_ilvl
    if not num_id or num_id == "0":
        return "", ""
    return numbering.next_label(num_id, int(ilvl or 0))


def _num_pr(el: Any) -> tuple[str | None, str | None]:
    num = el.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    lvl = el.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
    return (num[0] if num else None), (lvl[0] if lvl and lvl[0].isdigit() else None)


def _all_bold(p: Any, styles: list[Any]) -> bool:
    """True when every run with visible text is bold (directly or through its styles)."""
    style_bold = next((s.font.bold for s in styles if s.font.bold is not None), False)
    seen = False
    for run in p.runs:
        if not run.text.strip():
            continue
        seen = True
        bold = run.bold
        if bold is None and run.style is not None:
            chain = _style_chain(run.style)
            bold = next((s.font.bold for s in chain if s.font.bold is not None), None)
        if not (style_bold if bold is None else bold):
            return False
    return seen


def _table_rows(table: Any) -> list[list[str]]:
    """Rows of cell texts; a merged cell appears once, where it starts."""
    rows: list[list[str]] = []
    earlier: set[Any] = set()  # lxml elements, kept alive so identity is stable
    for row in table.rows:
        cells: list[str] = []
        here: set[Any] = set()
        for cell in row.cells:
            tc = cell._tc
            if tc in here:
                continue  # a horizontal span repeats its cell
            here.add(tc)
            # a vertical merge's lower rows repeat the top cell: keep the column, empty
            cells.append("" if tc in earlier else _cell_text(cell))
        earlier |= here
        if any(cells):
            rows.append(cells)
    return rows


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs (and nested tables) on one line, tab-free."""
    parts = [
        clean_line(clean_chars(_paragraph_text(p)).replace("\n", " ")) for p in cell.paragraphs
    ]
    for nested in cell.tables:
        parts.extend(" ".join(row) for row in _table_rows(nested))
    return " ".join(s for s in parts if s)


def _is_toc(sdt: Any) -> bool:
    gallery = sdt.find(f"{_w('sdtPr')}/{_w('docPartObj')}/{_w('docPartGallery')}")
    return gallery is not None and "content" in (gallery.get(_w("val")) or "").lower()


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _first_text(text: str, blocks: list[Block]) -> str:
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    return text[first.start : first.end] if first else ""
