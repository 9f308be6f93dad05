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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import InputError
from ..model import Document
from ..safetext import shown_name
from .blocks import MAX_TITLE_CHARS, BlockBuilder, first_paragraph
from .normalize import clean_chars, clean_line
from .numbering import Numbering
from .sniff import check_file
from .wordstyles import W, WordStyles, num_pr, on_off, outline_level, w
from .zipguard import ZIP_ERRORS, check_docx_zip, describe

_TITLE_STYLES = {"title", "标题"}
_RUNS = etree.XPath(  # runs a reader sees: not deleted, not in text boxes, not hidden
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
    " and not(ancestor::w:txbxContent)"
    " and not(w:rPr/w:vanish[not(@w:val) or not(@w:val='0' or @w:val='false')])]",
    namespaces={"w": W},
)
_T, _NB_HYPHEN = w("t"), w("noBreakHyphen")
_P, _TBL, _TR, _TC = w("p"), w("tbl"), w("tr"), w("tc")
_TABS, _BREAKS = {w("tab"), w("ptab")}, {w("br"), w("cr")}
# python-docx meeting a part in the wrong namespace or of the wrong content type (a
# damaged or hand-made package) fails with these rather than an error of its own.
_MALFORMED = (AttributeError, TypeError, IndexError)
_NOT_WELL_FORMED = "is not a well-formed Word package"
_CJK_END = re.compile(r"[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]$")


def read_docx(path: Path) -> Document:
    from ..options import MAX_DOCX_BYTES

    check_file(path, MAX_DOCX_BYTES)
    check_docx_zip(path)
    doc = _open(path)
    builder = BlockBuilder()
    try:
        styles = WordStyles(doc.styles.element)
        numbering = Numbering(_numbering_xml(doc), lambda s: styles.numbering(s)[0])
        ctx = _Context(styles, numbering)
        _walk(doc.element.body, ctx, builder)
    except ZIP_ERRORS as exc:  # python-docx reads parts lazily in places
        raise InputError(str(path), f"is a damaged .docx file ({describe(exc)})") from None
    except _MALFORMED as exc:
        raise InputError(str(path), f"{_NOT_WELL_FORMED} ({describe(exc)})") from None
    text = builder.text()
    if not text:
        raise InputError(str(path), "contains no text; there is nothing to compare")
    title = builder.title[:MAX_TITLE_CHARS] or first_paragraph(text, builder.blocks)
    return Document(
        path=shown_name(str(path)),  # valid UTF-8 in every output
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
        raise InputError(str(path), f"is a damaged .docx file ({describe(exc)})") from None
    except (PackageNotFoundError, XMLSyntaxError, KeyError, *ZIP_ERRORS) as exc:
        raise InputError(str(path), f"cannot be read as a Word .docx ({describe(exc)})") from None
    except _MALFORMED as exc:
        raise InputError(str(path), f"{_NOT_WELL_FORMED} ({describe(exc)})") from None


def _numbering_xml(doc: Any) -> Any | None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:  # not doc.part.numbering_part, which adds an empty part when there is none
        return doc.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        return None


@dataclass
class _Context:
    styles: WordStyles
    numbering: Numbering


def _walk(parent: Any, ctx: _Context, out: BlockBuilder) -> None:
    """Body-level paragraphs and tables in order, entering content controls."""
    for child in parent.iterchildren():
        if child.tag == w("p"):
            _paragraph(child, ctx, out)
        elif child.tag == w("tbl"):
            out.table(_table_rows(child))
        elif child.tag == w("sdt") and not _is_toc(child):
            for content in child.findall(w("sdtContent")):
                _walk(content, ctx, out)


def _paragraph(p: Any, ctx: _Context, out: BlockBuilder) -> None:
    style = _style_id(p) or ctx.styles.default_paragraph
    if ctx.styles.is_toc(style):
        return
    runs = _runs(p)
    text = clean_chars(_paragraph_text(p, runs))
    label, suffix = _label(p, style, ctx)
    if label and text.strip():
        sep = "" if suffix == "nothing" or _CJK_END.search(label) else " "
        text = label + sep + text.lstrip()
    if ctx.styles.name(style).lower() in _TITLE_STYLES and not out.title and text.strip():
        out.title = clean_line(text)
    level = outline_level(p) or ctx.styles.heading_level(style)
    out.paragraph(text, level, label, _all_bold(runs, style, ctx.styles))


def _style_id(p: Any) -> str | None:
    el = p.find(f"{w('pPr')}/{w('pStyle')}")
    return el.get(w("val")) if el is not None else None


def _runs(p: Any) -> list[Any]:
    """Visible runs outside deletions and text boxes; insertions and hyperlinks count."""
    return _RUNS(p)


def _paragraph_text(p: Any, runs: list[Any] | None = None) -> str:
    return "".join(_run_text(r) for r in (_runs(p) if runs is None else runs))


def _run_text(r: Any) -> str:
    """A run's text as Word shows it: tabs, line breaks and non-breaking hyphens included."""
    parts: list[str] = []
    for child in r.iterchildren():
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _TABS:
            parts.append("\t")
        elif tag in _BREAKS and child.get(w("type"), "textWrapping") == "textWrapping":
            parts.append("\n")
        elif tag == _NB_HYPHEN:
            parts.append("-")
    return "".join(parts)


def _label(p: Any, style: str | None, ctx: _Context) -> tuple[str, str]:
    """The numbering label of a paragraph: numPr on the paragraph, else its style chain."""
    num_id, ilvl = num_pr(p)
    if num_id is None or ilvl is None:
        s_num, s_ilvl = ctx.styles.numbering(style)
        num_id = num_id if num_id is not None else s_num
        ilvl = ilvl if ilvl is not None else s_ilvl
    if not num_id or num_id == "0":
        return "", ""
    return ctx.numbering.next_label(num_id, int(ilvl or 0))


def _all_bold(runs: list[Any], style: str | None, styles: WordStyles) -> bool:
    """True when every run with visible text is bold (directly or through its styles)."""
    paragraph_bold = bool(styles.bold(style))
    seen = False
    for r in runs:
        if not _run_text(r).strip():
            continue
        seen = True
        bold = on_off(r.find(f"{w('rPr')}/{w('b')}"))
        if bold is None:
            rstyle = r.find(f"{w('rPr')}/{w('rStyle')}")
            bold = styles.bold(rstyle.get(w("val"))) if rstyle is not None else None
        if not (paragraph_bold if bold is None else bold):
            return False
    return seen


def _table_rows(tbl: Any) -> list[list[str]]:
    """Rows of cell texts, one per grid column: a merged cell's text stands where it
    starts and the columns it spans hold empty cells, as a PDF's table reads, so
    every figure stands under its column's header.

    Read from the XML rather than python-docx's row.cells, which repeats a cell for
    every grid column it spans and finds a vertical merge's top cell recursively, row
    by row. A span (w:gridSpan is the file's to choose) is bounded by the columns the
    table's grid declares and has left, so no quantity from the file sizes anything.
    """
    columns = len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}"))
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(_TR):
        cells: list[str] = []
        for tc in tr.iterchildren(_TC):
            cells.append("" if _continues_merge(tc) else _cell_text(tc))
            cells += [""] * (min(_grid_span(tc), columns - len(cells) + 1) - 1)
        if any(cells):
            rows.append(cells)
    return rows


def _grid_span(tc: Any) -> int:
    span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
    value = span.get(w("val"), "1") if span is not None else "1"
    return int(value) if value.isdigit() and len(value) < 6 else 1


def _continues_merge(tc: Any) -> bool:
    merge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
    return merge is not None and merge.get(w("val"), "continue") == "continue"


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs (and nested tables) on one line, tab-free."""
    parts = [
        clean_line(clean_chars(_paragraph_text(p)).replace("\n", " ")) for p in tc.iterchildren(_P)
    ]
    for nested in tc.iterchildren(_TBL):
        parts.extend(" ".join(row) for row in _table_rows(nested))
    return " ".join(s for s in parts if s)


def _is_toc(sdt: Any) -> bool:
    gallery = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return gallery is not None and "content" in (gallery.get(w("val")) or "").lower()
