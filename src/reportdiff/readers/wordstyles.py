"""The style sheet of a .docx (styles.xml), resolved once into plain lookups.

python-docx resolves a paragraph's style by scanning every style of the document on
each call, which makes a long report take minutes; this reads styles.xml once and
answers along each style's basedOn chain from a cache. Plain lxml, no docx import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEADING_NAME = re.compile(r"(?i)^(?:heading|标题)\s*([1-9])$")
_TOC_NAME = re.compile(r"(?i)^(?:toc|目录)\s*\d$|^toc heading$")
_FALSE = {"0", "false", "off"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def on_off(el: Any | None) -> bool | None:
    """An OOXML toggle such as <w:b/>: None when absent, else whether it is on."""
    if el is None:
        return None
    return (el.get(w("val")) or "true").lower() not in _FALSE


def outline_level(el: Any) -> int | None:
    """w:pPr/w:outlineLvl 0..8 as heading level 1..9; 9 (body text) and junk as None."""
    lvl = el.find(f"{w('pPr')}/{w('outlineLvl')}")
    val = lvl.get(w("val")) if lvl is not None else None
    if val is None or not val.isdigit():
        return None
    return int(val) + 1 if int(val) < 9 else None


def num_pr(el: Any) -> tuple[str | None, str | None]:
    """(numId, ilvl) of w:pPr/w:numPr on a paragraph or style, None where absent."""
    pr = el.find(f"{w('pPr')}/{w('numPr')}")
    if pr is None:
        return None, None
    num, lvl = pr.find(w("numId")), pr.find(w("ilvl"))
    ilvl = lvl.get(w("val")) if lvl is not None else None
    return (
        num.get(w("val")) if num is not None else None,
        ilvl if ilvl is not None and ilvl.isdigit() else None,
    )


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    heading: int | None  # from the name ("heading 2") or the outline level
    num_id: str | None
    ilvl: str | None
    bold: bool | None


class WordStyles:
    """Lookups along the basedOn chains of one document's styles."""

    def __init__(self, styles_xml: Any | None) -> None:
        self._styles: dict[str, _Style] = {}
        self._chains: dict[str | None, tuple[_Style, ...]] = {}
        self.default_paragraph: str | None = None
        for el in styles_xml.findall(w("style")) if styles_xml is not None else ():
            style_id = el.get(w("styleId")) or ""
            self._styles[style_id] = _read_style(el)
            is_default = el.get(w("default")) in ("1", "true", "on")
            if is_default and el.get(w("type")) == "paragraph":
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> tuple[_Style, ...]:
        """The style and those it is based on, nearest first."""
        if style_id not in self._chains:
            self._chains[style_id] = self._walk(style_id)
        return self._chains[style_id]

    def _walk(self, style_id: str | None) -> tuple[_Style, ...]:
        out: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            out.append(self._styles[style_id])
            style_id = out[-1].based_on
        return tuple(out)

    def name(self, style_id: str | None) -> str:
        style = self._styles.get(style_id or "")
        return style.name if style else ""

    def is_toc(self, style_id: str | None) -> bool:
        return bool(_TOC_NAME.match(self.name(style_id)))

    def heading_level(self, style_id: str | None) -> int | None:
        return next((s.heading for s in self.chain(style_id) if s.heading), None)

    def numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        num_id = next((s.num_id for s in self.chain(style_id) if s.num_id is not None), None)
        ilvl = next((s.ilvl for s in self.chain(style_id) if s.ilvl is not None), None)
        return num_id, ilvl

    def bold(self, style_id: str | None) -> bool | None:
        return next((s.bold for s in self.chain(style_id) if s.bold is not None), None)


def _read_style(el: Any) -> _Style:
    name_el, based_el = el.find(w("name")), el.find(w("basedOn"))
    name = (name_el.get(w("val")) if name_el is not None else "") or ""
    m = _HEADING_NAME.match(name.strip())
    num_id, ilvl = num_pr(el)
    return _Style(
        name=name.strip(),
        based_on=based_el.get(w("val")) if based_el is not None else None,
        heading=int(m.group(1)) if m else outline_level(el),
        num_id=num_id,
        ilvl=ilvl,
        bold=on_off(el.find(f"{w('rPr')}/{w('b')}")),
    )
