"""Build small .docx files for reader tests: python-docx plus raw numbering XML."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = nsdecls("w")


def new_document() -> docx.document.Document:
    return docx.Document()


def add_abstract_num(doc, abstract_id: int, levels: list[tuple[str, str, int]]) -> None:
    """Levels as (numFmt, lvlText, start), from ilvl 0 down."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels)
    )
    numbering = doc.part.numbering_part.element
    el = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)


def add_num(doc, num_id: int, abstract_id: int, start_overrides: dict[int, int] | None = None):
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    doc.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{overrides}</w:num>"
        )
    )


def set_num_pr(element, num_id: int, ilvl: int | None = 0) -> None:
    """Put w:numPr into a paragraph's or a style's w:pPr."""
    ppr = element.get_or_add_pPr()
    lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.insert(0, parse_xml(f'<w:numPr {W_NS}>{lvl}<w:numId w:val="{num_id}"/></w:numPr>'))


def numbered(doc, text: str, num_id: int, ilvl: int = 0, style: str | None = None):
    p = doc.add_paragraph(text, style=style)
    set_num_pr(p._p, num_id, ilvl)
    return p


def save(doc, path: Path) -> Path:
    doc.save(str(path))
    return path
