"""A table of contents: lines that point to pages rather than say anything.

An entry is a line with a dot leader (「5．2024年部门一般公共预算支出功能分类预算表……12」,
"Introduction ........ 3"); a page set two entries on one line keeps its leaders. The
heading over them (目录, 目 录, Contents) belongs to the table. Its numbers are list
numbers, years and pages, never figures, and its words repeat the headings below, so
neither the figures nor the reuse flags read it.
"""

from __future__ import annotations

import bisect
import re

# three ellipses or six dots in a row: a leader, not the ellipsis of prose (……)
_LEADER = re.compile(r"…{3,}|⋯{3,}|(?:[.．·•・]\s?){6,}")
_GAP = r"[ \t\u3000]*"
_HEADING = re.compile(rf"{_GAP}(?:目{_GAP}录|(?i:table of contents|contents)){_GAP}")


def contents_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of table-of-contents lines in text, with its heading."""
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
