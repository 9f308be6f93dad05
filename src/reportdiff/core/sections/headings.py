"""Which lines of a document could be headings, and how each one reads.

This module looks at one line at a time (plus its neighbours for unnumbered English
title lines); whether a numbered line really is a heading, and at which level, is
decided over the whole document in segment.py.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from ...model import Document
from ..text.line_wraps import paragraph_wrap_width
from ..text.numbering import Numbering, parse_numbering
from .bold_lines import TextShape, bold_in_running_text, text_shape
from .lines import FIGURE_LINE, LEADING_CELL, is_latin, neighbour

# title: a short line without sentence punctuation ("一、部门基本情况")
# inline: a short heading ended by 。 or ：, with its body on the same line
# short: a short sentence ending in 。 ("(一) 机构组成。") — a heading or a list item
# wrapped: a line of hard-wrapped text that starts with a number; it runs on
# sentence: a full sentence or clause, or a table cell — a list item, never a heading
Form = Literal["title", "inline", "short", "wrapped", "sentence"]

TITLE_MAX = 60  # characters of a CJK heading without closing punctuation
SHORT_MAX = 32  # characters of a heading that ends in 。
LEAD_MAX = 32  # characters of a heading followed by its body on the same line
LATIN_TITLE_WORDS = 12

_LEAD = re.compile(r"[\s\u3000]*(?:\[bookmark: [^\]]*\][\s\u3000]*)?")
_MD = re.compile(r"(#{1,6})[ \t]+")
_INLINE_STOPS = re.compile(r"[。：:！？!?]")
_CLAUSE = re.compile(r"[，,；;]")
_STOPS = "。；：:！？.;!?"
_SENTENCE_ENDS = ("。", "！", "？", "；", ";")
_TRAIL = "。：:；;，,.！？!? \t\u3000"
_OPEN_QUOTES = "“‘\"'《（(【「"
_ROW = re.compile(r"\d,\d{3}|[\s\u3000][一二三四五六七八九十]+、")
# An amount: money, a share or a decimal figure. A heading names a topic; a line
# that states its figure is a list item (years and counts are no amounts).
_AMOUNT = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?\s*(?:[万亿千]?元|%|％)|\d\.\d")
_TOC_MARKERS = {"目录", "目次", "contents", "tableofcontents"}


class Candidate(NamedTuple):
    """A line that may open a section, with its parts as offsets into the text."""

    block: int  # index into Document.blocks
    start: int
    head_end: int  # the heading ends here; the section's own body starts here
    number: str
    title: str
    key: str  # numbering style, or "bold" / "caps" / "title" / "md" / "style"
    frame: str
    ordinal: int | None
    rank: int | None = None  # a declared level: Word heading style or markdown #
    fixed: bool = False  # chapter-like numbering: never nests under itself
    form: Form = "title"
    forced: bool = False  # declared by the source, so always a heading


def find_candidates(doc: Document) -> list[Candidate]:
    """Every line that could be a heading, in document order, table of contents excluded."""
    paragraphs = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"]
    shape = text_shape(doc, paragraph_wrap_width(paragraphs))
    found: list[Candidate] = []
    for i, block in enumerate(doc.blocks):
        if block.kind != "paragraph":
            continue
        cand = read_line(doc, i, shape)
        if cand is not None:
            found.append(cand)
    return _drop_contents(doc, found)


def read_line(doc: Document, i: int, shape: TextShape | None = None) -> Candidate | None:
    shape = shape or TextShape()
    block = doc.blocks[i]
    raw = doc.text[block.start : block.end]
    lead = _LEAD.match(raw)
    skip = lead.end() if lead else 0
    line = raw[skip:].rstrip()
    if not line:
        return None
    base = block.start + skip
    rank, pos = block.style_level, 0
    md = _MD.match(line)
    if md:
        rank, pos = len(md.group(1)), md.end()
    bold_line = _is_bold_line(line, pos)
    inner = pos + 2 if bold_line else pos
    num = parse_numbering(line[inner:])
    if num is not None:
        num = num._replace(end=inner + num.end)  # offsets within ``line``
        return _numbered(doc, i, line, base, num, rank, shape.wrap)
    title_end = len(line) - 2 if bold_line else len(line)
    title, _, form = split_title(line[:title_end], inner)
    if _sized_field(doc, rank, form, line[inner:title_end]):
        return None
    if rank is not None:
        key = "md" if md else "style"
        return Candidate(
            i, base, base + len(line), "", title, key, key, None, rank, form=form, forced=True
        )
    bold = bold_line or block.bold
    if bold and bold_in_running_text(doc, i, line[inner:title_end], shape):
        return None  # emphasis or a label in the text: not a title line either
    if bold and form in ("title", "short"):
        return Candidate(i, base, base + len(line), "", title, "bold", "bold", None, form=form)
    return _latin_title(doc, i, line, base)


def _numbered(
    doc: Document, i: int, line: str, base: int, num: Numbering, rank: int | None, wrap: int | None
) -> Candidate | None:
    """A numbered line: its title, where its heading ends, and its form."""
    title, end, form = split_title(line, num.end)
    if line.endswith("**") and end == len(line) - 2:
        end = len(line)  # "**一、概况**": the heading runs to the closing stars
    if not title and not (num.fixed or rank is not None):
        return None
    if form == "title" and wrap and len(line) >= wrap - 2 and not num.fixed:
        form = "wrapped"
    if form != "inline" and not num.fixed and _is_cell(doc, i, title):
        form = "sentence"
    if not num.fixed and _AMOUNT.search(title):
        form = "sentence"  # "（三）公务接待费1.35万元。": a label with its figure is an item
    return Candidate(
        block=i,
        start=base,
        head_end=base + end,
        number=num.text,
        title=title,
        key=num.key,
        frame=num.frame,
        ordinal=num.ordinal,
        rank=rank,
        fixed=num.fixed,
        form=form,
        forced=rank is not None,
    )


def split_title(line: str, p: int) -> tuple[str, int, Form]:
    """Title, end of the heading (offset in ``line``) and form of ``line[p:]``."""
    r = line[p:]
    if r.startswith("**"):
        close = r.find("**", 2)
        if 2 < close <= LEAD_MAX + 3:
            bold = r[2:close]
            if line[p + close + 2 :].strip():
                return bold.strip(_TRAIL), p + close + 2, "inline"
            return bold.strip(_TRAIL), len(line), _whole_form(bold)
    stop = _INLINE_STOPS.search(r)
    if stop and r[stop.end() :].strip(" \u3000*”’\"'）)"):
        lead = r[: stop.start()]
        if _lead_ok(lead):
            return lead.strip(_TRAIL + "*"), p + stop.end(), "inline"
        return r.strip(_TRAIL), len(line), "sentence"
    return r.strip(_TRAIL + "*"), len(line), _whole_form(r)


def _sized_field(doc: Document, rank: int | None, form: Form, line: str) -> bool:
    """A PDF line set large that reads ``label：value`` ("预算单位：上海市财政局" on a
    cover): a field of a title block. A PDF's level is read from type size, no
    declaration, so the words decide."""
    return rank is not None and doc.source_format == "pdf" and form == "inline" and _is_field(line)


def _is_field(line: str) -> bool:
    """A ``label：value`` line: a short label, then a value that is no sentence."""
    label, colon, value = line.partition("：")
    if not colon:
        label, colon, value = line.partition(":")
    value = value.strip()
    return bool(value) and len(label) <= LEAD_MAX and not any(c in _STOPS for c in value)


def _is_cell(doc: Document, i: int, title: str) -> bool:
    """A table cell that PDF extraction put on a line of its own: a row holding
    figures with thousands separators or a second numbered label, or a line followed
    by a bare figure or by the broken-off end of a cell ("款")."""
    if _ROW.search(title):
        return True
    after = neighbour(doc, i, 1)
    return bool(after) and (
        len(after) <= 2
        or FIGURE_LINE.fullmatch(after) is not None
        or LEADING_CELL.match(after) is not None
    )


def _lead_ok(lead: str) -> bool:
    if is_latin(lead):
        return len(lead.split()) <= 8 and not _CLAUSE.search(lead)
    return 0 < len(lead) <= LEAD_MAX and _clauses(lead) <= 1


def _whole_form(s: str) -> Form:
    s = s.strip(" \u3000*")
    if not s:
        return "title"
    last = s[-1]
    if is_latin(s):
        words = len(s.split())
        if last in ";,":
            return "sentence"
        if last in ".!?":
            return "short" if words <= 8 and "," not in s else "sentence"
        return "title" if words <= LATIN_TITLE_WORDS * 2 else "sentence"
    if last in "；;，,、" or "；" in s or ";" in s:
        return "sentence"
    if last in "。！？!?.":
        return "short" if len(s) <= SHORT_MAX and _clauses(s) <= 1 else "sentence"
    return "title" if len(s) <= TITLE_MAX else "sentence"


def _clauses(s: str) -> int:
    """Commas between clauses; a semicolon counts as many: headings never hold one."""
    return len(_CLAUSE.findall(s)) + 9 * (s.count("；") + s.count(";"))


def _is_bold_line(line: str, pos: int) -> bool:
    return (
        line.startswith("**", pos)
        and line.endswith("**")
        and len(line) - pos > 4
        and "**" not in line[pos + 2 : -2]
    )


def _latin_title(doc: Document, i: int, line: str, base: int) -> Candidate | None:
    """An unnumbered English heading: an ALL CAPS line, or a short title line that
    stands alone between paragraphs (not the first line of a wrapped paragraph)."""
    if not (line[0].isascii() and (line[0].isupper() or line[0].isdigit())) or not is_latin(line):
        return None
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    if line.upper() == line and len(letters) >= 4 and len(words) <= LATIN_TITLE_WORDS * 2:
        return Candidate(i, base, base + len(line), "", line.strip(_TRAIL), "caps", "caps", None)
    if len(words) > LATIN_TITLE_WORDS or line[-1] in _TRAIL or line[0] in "•·-–":
        return None
    prev_text, next_text = neighbour(doc, i, -1), neighbour(doc, i, 1)
    if not next_text or not (next_text[0].isupper() or next_text[0] in _OPEN_QUOTES + "•"):
        return None
    if prev_text and prev_text[-1] not in '.:;?!”’")' and not prev_text.isupper():
        return None  # the previous line runs on into this one
    return Candidate(i, base, base + len(line), "", line.strip(_TRAIL), "title", "title", None)


def _drop_contents(doc: Document, found: list[Candidate]) -> list[Candidate]:
    """Leave out the entries of a table of contents: from a 目录 / Contents line up to
    where its first entry's numbering comes back as the real heading."""
    markers = [
        i
        for i, b in enumerate(doc.blocks[:400])
        if b.kind == "paragraph" and _squash(doc.text[b.start : b.end]) in _TOC_MARKERS
    ]
    if not markers:
        return found
    first = next((k for k, c in enumerate(found) if c.block > markers[0]), None)
    if first is None:
        return found
    head, stop = found[first], _contents_end(doc, markers[0])
    for k in range(first + 1, len(found)):
        c = found[k]
        if c.block >= stop or (c.key == head.key and c.ordinal == head.ordinal):
            return found[:first] + found[k:]
    end = first
    while end < len(found) and found[end].block == head.block + (end - first):
        end += 1  # no repeat found: drop the run of lines right after the marker
    return found[:first] + found[end:]


def _contents_end(doc: Document, marker: int) -> int:
    """The first block after a contents marker that is no entry of the contents: a
    table, a line set as a heading (a declared level), or a paragraph that ends a
    sentence. Entries are short lines, with leaders and page numbers or without."""
    for i in range(marker + 1, len(doc.blocks)):
        b = doc.blocks[i]
        line = doc.text[b.start : b.end].rstrip()
        if b.kind != "paragraph" or b.style_level is not None or line.endswith(_SENTENCE_ENDS):
            return i
    return len(doc.blocks)


def _squash(s: str) -> str:
    return re.sub(r"[\s\u3000]+", "", s).lower()
