"""Whether one line runs on from another: the wrap that a paragraph, or a table cell's
text, shows where it did not fit its column."""

from __future__ import annotations

import statistics

from ...core.text import ends_with_leader
from .lines import WORD_GAP, Line, is_wide, opens_numbered
from .page import Column

# Punctuation that may not open a line, so a wrap carries it along with the word before.
_NO_LINE_START = set("，。、；：？！）》」』】〕”’%‰,.;:?!)]}")
_SENTENCE_END = ("。", "！", "？", "；", "：", ".", "!", "?", ";", ":")


def runs_on(
    prev: Line, line: Line, column: Column, before: Column | None = None, slack: float = 0.5
) -> bool:
    """Whether ``line`` continues the paragraph of ``prev``: ``prev`` was wrapped
    because the first word of ``line`` did not fit, in the same font, and ``line``
    neither opens with an indent nor stands apart by more than the usual leading.
    ``prev`` is measured against its own column ``before`` (a paragraph may run on
    from the foot of one column, or page, to the head of the next), ``line`` against
    ``column``. ``slack`` (ems) is how far short of the column's right edge the word
    may have ended: a text column's edge is a median of its lines, a ruled cell's
    is exact."""
    before = before or column
    size = prev.size
    if not size or not same_size(prev, line) or line.bold != prev.bold:
        return False
    if line.page == prev.page and line.y0 - prev.y1 > (column.leading + 0.4) * size:
        return False
    if ends_with_leader(prev.text):
        return False  # a contents entry: its leader fills the line, nothing wraps
    if opens_numbered(line.text) and (ends_sentence(prev.text) or _title_like(line, column)):
        return False  # a numbered item or heading after a full line
    word = first_word_width(line)
    if before.centred(prev) and column.centred(line):
        return prev.x1 - prev.x0 + word >= before.reach - before.left - size
    if prev.x1 + word < before.right - slack * size:
        return False
    return line.x0 <= column.left + 1.0 * size  # a first-line indent opens a paragraph


def same_size(a: Line, b: Line) -> bool:
    """Whether two lines are set in one size. A printer may set Latin letters and
    digits smaller than the CJK beside them, so a line of mostly figures measures
    smaller: the sizes are compared script by script where both lines have the script
    (as a whole where they share none)."""
    shared = [
        (x, y) for x, y in zip(_script_sizes(a), _script_sizes(b), strict=True) if x and y
    ] or [(a.size, b.size)]
    return all(abs(x - y) <= 0.1 * x for x, y in shared)


def _script_sizes(line: Line) -> tuple[float, float]:
    """The median size of the line's CJK characters and of its others (0 for none)."""
    wide = [c.size for c in line.visible if is_wide(c.text[0])]
    narrow = [c.size for c in line.visible if not is_wide(c.text[0])]
    return (statistics.median(wide) if wide else 0.0, statistics.median(narrow) if narrow else 0.0)


def _title_like(line: Line, column: Column) -> bool:
    """A short line without closing punctuation: a heading, not a paragraph's end."""
    text = line.text.rstrip()
    return not text.endswith((*_SENTENCE_END, "，", ",", "、")) and (
        line.x1 < column.right - 2 * line.size
    )


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def first_word_width(line: Line) -> float:
    """How much room the line's first word needed: a CJK character or a Latin word,
    with the punctuation that may not open a line."""
    shown = line.visible
    first = shown[0]
    end = first.x1
    latin = not is_wide(first.text[0])
    for c in shown[1:]:
        joined = c.text in _NO_LINE_START or (
            latin and not is_wide(c.text[0]) and c.x0 - end <= WORD_GAP * c.size
        )
        if not joined:
            break
        end = c.x1
    return end - first.x0
