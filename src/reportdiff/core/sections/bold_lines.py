"""Whether a bold line heads a section or is emphasis, a label or a list item.

Bold alone says little: writers bold sub-headings, but also a phrase inside a
sentence, a row label, the name over an address, the items of a list. A bold line
is no heading when what stands around it says it belongs to the running text:

- the sentence runs through it: the line before stops mid-clause (at a comma, or
  at a word after a run of text), or the line after carries on (a lower-case word,
  a comma, a full stop or a closing bracket);
- it is a label with its figure ("Total: 1,204", "合计 3862.47万元");
- it is as long as the text's own lines: a bolded sentence, not a title;
- it labels the block under it: a table row, an address or signature.

- it is one of several bold lines in a row: the items of a list.

Evidence that needs the other headings (a bold line among numbered points) is
weighed in segment.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...model import Document
from ..text.numbering import parse_numbering
from .lines import FIGURE_LINE, LEADING_CELL, is_latin, neighbour

_STOPS = "。；：:！？.;!?"
_FULL_STOPS = "。.!?！？"
_RUNS_ON = "，,、"  # a line ending here has its sentence go on
_CARRIES_ON = "，,；;、。.）)]"  # a line opening with one of these finishes a sentence
_BLOCK_LINE_WORDS = 6  # an address or signature line: this many words at most, no stop
_RUN_ON_WORDS = 4  # a Latin line cut mid-sentence at a word holds at least this many
_RUN_ON_CHARS = 12  # likewise a CJK line
_SENTENCE_WORDS = 9  # a bold line this long (Latin words) may be a bolded sentence
_SENTENCE_CHARS = 20  # likewise (CJK characters)
_MIN_BOLD_LIST = 3  # bold lines in a row with no text between them: a list
_MIN_BODY_LINES = 5  # body lines needed before their typical length is evidence
_CURRENCY = r"[$€£¥￥]"
_UNIT = r"%|％|[万亿]?元|million|billion|bn"
# a figure after its label: behind a colon, or an amount (decimals, separators or a unit)
_NUMBER = rf"[-+−]?{_CURRENCY}?\d[\d,，]*"
_LABELLED_FIGURE = re.compile(
    rf"[:：]\s*{_NUMBER}(?:[.．]\d+)?\s*(?:{_UNIT})?\s*$"
    rf"|\s{_NUMBER}(?:[,，.．]\d+\s*(?:{_UNIT})?|\s*(?:{_UNIT}))\s*$"
)


class TextShape(NamedTuple):
    """What a document's running text looks like: the width its lines were wrapped
    at (PDF text), and the length of a typical body line."""

    wrap: int | None = None
    body_line: int | None = None


def text_shape(doc: Document, wrap: int | None) -> TextShape:
    """The shape of ``doc``'s running text; body lines are the paragraphs that end a
    sentence (a wrapped paragraph's other lines are measured by ``wrap``)."""
    lengths = []
    for b in doc.blocks:
        line = doc.text[b.start : b.end].strip()
        if b.kind == "paragraph" and line and line[-1] in _FULL_STOPS and not b.bold:
            lengths.append(len(line))
    if len(lengths) < _MIN_BODY_LINES:
        return TextShape(wrap, None)
    # the median (statistics.median's, whose import costs more than this line)
    lengths.sort()
    mid = len(lengths) // 2
    typical = lengths[mid] if len(lengths) % 2 else (lengths[mid - 1] + lengths[mid]) / 2
    return TextShape(wrap, int(typical))


def bold_in_running_text(doc: Document, i: int, text: str, shape: TextShape) -> bool:
    """The bold line ``i`` (``text``, its marks left out) belongs to the running
    text, or labels a block, rather than heads a section."""
    return (
        _sentence_runs_through(doc, i, text)
        or _in_bold_list(doc, i)
        or _LABELLED_FIGURE.search(text) is not None
        or _as_long_as_body(text, shape)
        or labels_a_block(doc, i)
    )


def _sentence_runs_through(doc: Document, i: int, text: str) -> bool:
    before, after = _paragraph(doc, i - 1), _paragraph(doc, i + 1)
    if after and (after[0] in _CARRIES_ON or (after[0].islower() and is_latin(text))):
        return True
    if not before or before.startswith(("#", "**")) or before.endswith("**"):
        return False  # a heading or another bold line before it
    if parse_numbering(before) is not None and not _cut_mid_sentence(before):
        return False  # a numbered heading: the bold line opens its body
    return before[-1] in _RUNS_ON or (before[-1].isalnum() and _cut_mid_sentence(before))


def _in_bold_list(doc: Document, i: int) -> bool:
    """One of several bold lines in a row with no text between them: the items of
    a list (or the lines of a cover page), not headings each with a body."""
    above = next((k for k in range(1, _MIN_BOLD_LIST) if not _is_bold(doc, i - k)), _MIN_BOLD_LIST)
    below = next((k for k in range(1, _MIN_BOLD_LIST) if not _is_bold(doc, i + k)), _MIN_BOLD_LIST)
    return above + below - 1 >= _MIN_BOLD_LIST


def _is_bold(doc: Document, j: int) -> bool:
    if not 0 <= j < len(doc.blocks) or doc.blocks[j].kind != "paragraph":
        return False
    line = neighbour(doc, j, 0)
    bold_marks = line.startswith("**") and line.endswith("**") and len(line) > 4
    return doc.blocks[j].bold or bold_marks


def _cut_mid_sentence(line: str) -> bool:
    """A line of running text that stops at a word: long, and (English) at a
    lower-case word, where a title would stop at a capitalised one."""
    if is_latin(line):
        words = line.split()
        return len(words) >= _RUN_ON_WORDS and words[-1][0].islower()
    return len(line) >= _RUN_ON_CHARS


def _as_long_as_body(text: str, shape: TextShape) -> bool:
    if not _sentence_long(text):
        return False
    if shape.wrap is not None and len(text) >= shape.wrap - 2:
        return True  # it fills the page width, as the wrapped lines of a paragraph do
    return shape.body_line is not None and len(text) >= shape.body_line


def _sentence_long(text: str) -> bool:
    if is_latin(text):
        return len(text.split()) >= _SENTENCE_WORDS
    return len(text) >= _SENTENCE_CHARS


def labels_a_block(doc: Document, i: int) -> bool:
    """A bold line that labels what follows rather than heads a section: a table row
    (a figure comes next) or an address or signature block (two or more short Latin
    lines without sentence punctuation come next)."""
    after = neighbour(doc, i, 1)
    if after and (FIGURE_LINE.fullmatch(after) or LEADING_CELL.match(after)):
        return True
    return all(_block_line(neighbour(doc, i, k)) for k in (1, 2))


def _block_line(text: str) -> bool:
    """A line of an address or signature: a few Latin words, no sentence, no table."""
    return (
        is_latin(text)
        and "\t" not in text
        and len(text.split()) <= _BLOCK_LINE_WORDS
        and text[-1] not in _STOPS + ","
    )


def _paragraph(doc: Document, j: int) -> str:
    """The text of block ``j`` when it is a paragraph ("" for a table or no block)."""
    if 0 <= j < len(doc.blocks) and doc.blocks[j].kind == "paragraph":
        return neighbour(doc, j, 0)
    return ""
