"""Soft line breaks: where PDF-to-text cut a sentence at the page width.

「…占79.49%；项目支出⏎603.14万元」 is one sentence on two lines (often with a blank
line between, where a page ended). Labels, lists of parts and totals read across
such a break; they stop at a real one: after a sentence end, before a numbered
heading or list item, at a table row, or after a short line (a title).

Every question about hard-wrapped text is answered here, each at the cost its caller
can pay: ``soft_break`` judges one break from the two lines around it (figures and
labels ask it at a handful of breaks); ``wrap_width`` and ``join_soft_wraps`` undo
every soft break of a text at once, from the page width its long lines share (reuse
keys); ``paragraph_wrap_width`` is the typical width of the lines that stop
mid-sentence, against which a numbered line as wide reads as a wrapped paragraph
line rather than a heading (the heading reader).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .numbering import parse_numbering
from .tokens import APPROX_PATTERN, MAGNITUDE_PATTERN, UNIT_PATTERN
from .width import cells

# display cells (a Chinese character takes two): shorter lines end where their writer
# ended them; PDF pages are 60 to 100 cells wide
MIN_WRAPPED_CELLS = 50
_BLANK = " \u3000\r\n"
_STOPS = "。；：:！？.;!?"
_LINE_END_RE = re.compile(r"[。！？；：!?;:]\s*$")
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


def paragraph_wrap_width(paragraphs: Sequence[str]) -> int | None:
    """The line width of hard-wrapped text (PDF extraction), if the text is wrapped:
    then most lines stop mid-sentence, at about the same width."""
    lengths = [len(p) for p in paragraphs if len(p) >= 15]
    open_lines = sorted(len(p) for p in paragraphs if len(p) >= 15 and p[-1] not in _STOPS)
    if len(open_lines) < 20 or len(open_lines) < 0.6 * len(lengths):
        return None
    return open_lines[len(open_lines) // 2]


def wrap_width(lines: list[str]) -> int | None:
    """The page width a hard-wrapped text was cut at, or None for running text.

    Word and web text keeps a paragraph on one line (hundreds of cells); PDF
    extraction cuts every line near one width. A document whose long lines are
    almost all under 100 cells is taken as wrapped at their 95th percentile.
    """
    # A line of over 100 characters is over 100 cells and one of under 10 under 20: only
    # the others are measured (how far over 100 a line is never decides, see below).
    measured = (len(line) if len(line) > 100 else cells(line) for line in lines if len(line) >= 10)
    widths = sorted(w for w in measured if w >= 20)
    if len(widths) < 10:
        return None
    p95 = widths[int(len(widths) * 0.95)]
    return p95 if p95 <= 100 else None


def _opens_heading(line: str) -> bool:
    """Does the line start with heading numbering or a markdown heading mark?"""
    stripped = line.lstrip()
    return stripped.startswith("#") or parse_numbering(stripped) is not None


def join_soft_wraps(text: str) -> str:
    """``text`` with soft line breaks replaced by spaces (same length, same offsets).

    A break is soft when the line before it fills the page width and does not end a
    sentence, and the next non-blank line does not start a heading or list item.
    Blank lines between the two halves (page breaks) are bridged too.
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    chars = list(text)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    threshold = 0.8 * width
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        if "\t" in line or cells(stripped) < threshold or _LINE_END_RE.search(stripped):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or j - i > 3 or _opens_heading(lines[j]):
            continue
        for k in range(i + 1, j + 1):
            chars[starts[k] - 1] = " "  # the newline ending line k-1
        for k in range(i + 1, j):
            chars[starts[k] : starts[k] + len(lines[k])] = " " * len(lines[k])
    return "".join(chars)
