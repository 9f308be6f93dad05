"""Soft line breaks: where PDF-to-text cut a sentence at the page width.

「…占79.49%；项目支出⏎603.14万元」 is one sentence on two lines (often with a blank
line between, where a page ended). Labels, lists of parts and totals read across
such a break; they stop at a real one: after a sentence end, before a numbered
heading or list item, at a table row, or after a short line (a title).
"""

from __future__ import annotations

import re

from .numbering import parse_numbering
from .tokens import APPROX_PATTERN, MAGNITUDE_PATTERN, UNIT_PATTERN
from .width import cells

# display cells (a Chinese character takes two): shorter lines end where their writer
# ended them; PDF pages are 60 to 100 cells wide
MIN_WRAPPED_CELLS = 50
_BLANK = " \u3000\r\n"
_MID_SENTENCE = "，、"  # a paragraph never ends at a comma: its sentence goes on
_MAX_BLANK_LINES = 2  # a page break leaves a blank line or two between the halves
# a unit that starts a line finishes the number that ended the line before: 「增加 1062.85⏎⏎万元」
_UNIT_START = re.compile(
    rf"(?:{APPROX_PATTERN})?(?:{MAGNITUDE_PATTERN})?(?:{APPROX_PATTERN})?(?:{UNIT_PATTERN})"
)


def soft_break(text: str, nl: int) -> int | None:
    """Where the line that the break at ``nl`` wraps into begins, or None when the
    break is a real one. ``nl`` may be any line break between the two halves."""
    if text[nl : nl + 1] != "\n":
        return None
    a = nl
    while a > 0 and text[a - 1] in _BLANK:
        a -= 1
    b = nl
    while b < len(text) and text[b] in _BLANK:
        b += 1
    if a == 0 or b >= len(text) or text.count("\n", a, b) > _MAX_BLANK_LINES + 1:
        return None
    last = text[a - 1]
    runs_on = last.isalpha() or last in _MID_SENTENCE or _closes_inside(text, a)
    if not (runs_on or _unit_follows(text, a, b)):
        return None  # 。；：and figures end a line on purpose, unless their unit follows
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    after = text[b : len(text) if line_end < 0 else line_end]
    before = text[line_start:a]
    if "\t" in before or "\t" in after or cells(before) < MIN_WRAPPED_CELLS:
        return None
    return None if parse_numbering(after) else b


def _unit_follows(text: str, a: int, b: int) -> bool:
    """A number ends the line and a unit, a whole word, starts the next: 「1062.85⏎万元，」
    (not 「110.00⏎人员经费」, where 人 begins the next row's name)."""
    if not text[a - 1].isdigit():
        return False
    unit = _UNIT_START.match(text, b)
    return unit is not None and not text[unit.end() : unit.end() + 1].isalpha()


def _closes_inside(text: str, a: int) -> bool:
    """A line may end at a closing parenthesis inside a sentence (设备（不含车辆）⏎0台),
    not at one that closes a remark after a sentence end (。（如持平作持平表述）)."""
    if text[a - 1] not in "）)":
        return False
    line = text.rfind("\n", 0, a) + 1  # a parenthesis opens on its own line, or not at all
    opening = max(text.rfind("（", line, a), text.rfind("(", line, a))
    return opening > 0 and text[opening - 1] not in "。！？；\n"


def is_soft_break(text: str, nl: int) -> bool:
    return soft_break(text, nl) is not None
