"""Turn a Document into an outline of Sections.

A first, simple segmenter: numbered or styled short lines are headings, and a
numbering style's level is the order in which it first appears in this document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Section

_NUMBERING = [
    ("cn_dun", re.compile(r"^[一二三四五六七八九十]+、")),
    ("cn_paren", re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    ("ar_dun", re.compile(r"^\d+、")),
    ("ar_paren", re.compile(r"^\d+[）)]．?")),
    ("ar_dot", re.compile(r"^\d+[.．](?!\d)")),
    ("md", re.compile(r"^#+\s*")),
]
_MAX_HEADING_CHARS = 40


@dataclass
class _Heading:
    start: int
    end: int
    number: str
    title: str
    style: str
    level: int = 0


def segment_document(doc: Document) -> tuple[Section, ...]:
    headings = _find_headings(doc)
    return build_sections(doc, headings)


def _find_headings(doc: Document) -> list[_Heading]:
    found: list[_Heading] = []
    style_order: list[str] = []
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        line = doc.block_text(block)
        for style, rx in _NUMBERING:
            m = rx.match(line)
            if not m:
                continue
            title = line[m.end() :].strip()
            if len(title) > _MAX_HEADING_CHARS or title.endswith(("。", "；", ";")):
                break
            if style not in style_order:
                style_order.append(style)
            found.append(_Heading(block.start, block.end, m.group(0), title, style))
            break
    for h in found:
        h.level = style_order.index(h.style) + 1
    return found


def build_sections(doc: Document, headings: list[_Heading]) -> tuple[Section, ...]:
    """Sections with offsets, ids ("1", "1.2") and paths from headings with levels."""
    text = doc.text
    sections: list[Section] = []
    first = headings[0].start if headings else len(text)
    sections.append(
        Section("0", "", "", doc.title, 0, (), 0, first if headings else len(text), 0, first)
    )
    counters: list[int] = []
    stack: list[tuple[int, str, str]] = []  # (level, id, title)
    ends: dict[str, int] = {}
    for i, h in enumerate(headings):
        nxt = headings[i + 1].start if i + 1 < len(headings) else len(text)
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        depth = len(stack)
        del counters[depth + 1 :]
        if len(counters) <= depth:
            counters.append(0)
        counters[depth] += 1
        sid = ".".join(str(c) for c in counters[: depth + 1])
        parent = stack[-1][1] if stack else None
        path = (*(t for _, _, t in stack), h.title)
        sections.append(
            Section(
                id=sid,
                heading=text[h.start : h.end],
                number=h.number,
                title=h.title,
                level=depth + 1,
                path=path,
                start=h.start,
                end=nxt,
                body_start=h.end,
                body_end=nxt,
                parent=parent,
            )
        )
        stack.append((h.level, sid, h.title))
    # A section's extent runs to the start of the next heading at its level or above.
    result: list[Section] = []
    for i, s in enumerate(sections):
        if s.id == "0":
            result.append(s)
            continue
        end = len(text)
        for later in sections[i + 1 :]:
            if later.level <= s.level:
                end = later.start
                break
        ends[s.id] = end
        result.append(_with_end(s, end))
    return tuple(result)


def _with_end(s: Section, end: int) -> Section:
    from dataclasses import replace

    return replace(s, end=end)
