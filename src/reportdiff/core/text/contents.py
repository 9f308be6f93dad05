"""A table of contents: lines that point to pages rather than say anything.

An entry is a line with a dot leader (「5．2024年部门一般公共预算支出功能分类预算表……12」,
"Introduction ........ 3"); a page set two entries on one line keeps its leaders. The
heading over them (目录, 目 录, Contents) belongs to the table, and under that heading
short numbered lines with no sentence in them are entries without leaders. Its numbers are list
numbers, years and pages, never figures, and its words repeat the headings below, so
neither the figures nor the reuse flags read it.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .numbering import parse_numbering

# three ellipses or six dots in a row: a leader, not the ellipsis of prose (……); the
# lookahead lets the scan of a whole report skip every other character at once
_LEADER = re.compile(r"(?=[…⋯.．·•・])(?:…{3,}|⋯{3,}|(?:[.．·•・]\s?){6,})")
# a leader closing its line, with the page number it points to or none (a contents
# whose numbers stand in a column of their own)
_LEADER_END = re.compile(
    _LEADER.pattern + r"\s*(?:\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|(?i:[ivxlc]{1,6}))?\s*$"
)
_GAP = r"[ \t\u3000]*"
_HEADING = re.compile(rf"{_GAP}(?:目{_GAP}录|(?i:table of contents|contents)){_GAP}")
_HEADING_LINE = re.compile(rf"(?m)^{_HEADING.pattern}$")
_SENTENCE = re.compile(r"[。，；;！？]")
_MAX_ENTRY = 60  # characters: two entries a page set on one line, no more
_LIST_NUMBER = re.compile(r"\d{1,3}[.．]\s*\S")  # 4．2025年…, which parse_numbering reads as 4.2


def contents_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of table-of-contents lines in text, with its heading."""
    return list(_contents_spans(text))


# a comparison asks twice for each report's (its figures, its reuse keys): read once
@lru_cache(maxsize=4)
def _contents_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = _led_entries(text)
    for m in _HEADING_LINE.finditer(text):
        end = _numbered_entries(text, m.end())
        if end > m.end() and not any(a <= m.start() < b for a, b in spans):
            spans.append((m.start(), end))
    return tuple(sorted(spans))


def ends_with_leader(line: str) -> bool:
    """Whether ``line`` ends with a dot leader (and its page number): a contents entry,
    which points to a page and so ends where it stands, however wide it is set."""
    return _LEADER_END.search(line) is not None


def _numbered_entries(text: str, pos: int) -> int:
    """Where the entries under a 目录 heading end: short numbered lines with no sentence
    in them (一、部门主要职能 / 1. 2025年部门收入预算总表), as a contents without
    leaders or page numbers sets them."""
    end = pos
    while end < len(text) and text[end] == "\n":
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[end + 1 : nxt].strip(" \t\u3000")
        if not line or len(line) > _MAX_ENTRY or _SENTENCE.search(line):
            break
        if parse_numbering(line) is None and not _LIST_NUMBER.match(line):
            break
        end = nxt
    return end


def _led_entries(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _LEADER.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if spans and start <= spans[-1][1]:
            continue  # a second leader on a line already taken
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if spans and text[spans[-1][1] : start].strip() == "":
            spans[-1] = (spans[-1][0], end)  # the next entry of the same table
        else:
            spans.append((_with_heading(text, start), end))
    return spans


def _with_heading(text: str, start: int) -> int:
    """start, or the start of the 目录 line right above it."""
    if start < 2:
        return start
    above = text.rfind("\n", 0, start - 1) + 1
    return above if _HEADING.fullmatch(text, above, start - 1) else start


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of spans (sorted, as contents_spans gives)."""
    i = bisect.bisect_right(spans, (start, len(spans) and spans[-1][1] + 1)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
