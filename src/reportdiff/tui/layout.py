"""Rows of the side-by-side (or unified) view, aligned and wrapped by terminal cells.

A section pair is cut at *anchors*: line starts that lie in unchanged text on both
sides. Between two anchors each side's lines are wrapped to the column width and the
shorter side is padded with filler rows, so matched paragraphs stand on the same rows
however differently the two columns wrap (Rich would wrap a CJK run as one word;
here every character is measured with rich.cells). Rows hold offsets only; the view
styles the text when a row is drawn.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from itertools import accumulate, pairwise, zip_longest
from operator import itemgetter
from typing import NamedTuple

from rich.cells import get_character_cell_size

from ..model import Comparison, Section, SectionPair, Side
from .marks import Range, SideMarks

# Closing punctuation never starts a row; the character before it moves down instead.
_NO_ROW_START = frozenset("，。、；：！？）》」』”’,.;:!?)]}％%")


class _Widths(dict[str, int]):
    """Cell width per character, filled on first sight (control characters: 1)."""

    def __missing__(self, ch: str) -> int:
        w = 1 if ch < " " else get_character_cell_size(ch)
        self[ch] = w
        return w


_WIDTHS = _Widths()


class Row(NamedTuple):
    kind: str  # "pair": a pair's header; "text": document text; "ctx": unified context
    pair: int  # index into Layout.order's pairs (the displayed order)
    old: Range | None  # text of the old document on this row; None = filler
    new: Range | None


def char_width(ch: str) -> int:
    return _WIDTHS[ch]


def wrap_line(
    text: str,
    start: int,
    end: int,
    width: int,
    notes: Mapping[int, int] | None = None,
    whole: Sequence[Range] = (),
) -> list[Range]:
    """Cut text[start:end] (one line) into ranges at most ``width`` cells wide.

    ``notes`` maps an offset to the cells of inline notes standing right after the
    character before it; a note stays on that character's row. Latin words are not
    broken where a space allows; CJK breaks anywhere but not before closing
    punctuation; ``whole`` spans (figures with their units, sorted) are never cut.
    A row may pass ``width`` by one space at its end, which the view crops.
    """
    width = max(width, 4)
    widths = list(map(_WIDTHS.__getitem__, text[start:end]))
    for at, w in (notes or {}).items():
        if start < at <= end:
            widths[at - 1 - start] += w
    cum = list(accumulate(widths, initial=0))  # cum[k]: cells of text[start:start+k]
    rows: list[Range] = []
    k0, n = 0, end - start
    while True:
        k = bisect_right(cum, cum[k0] + width) - 1
        if k >= n:
            rows.append((start + k0, end))
            return rows
        k = max(k, k0 + 1)
        cut = _break_at(text, start + k0, start + k, whole) - start
        if text[start + cut] == " " and widths[cut] == 1 and cut + 1 < n:
            cut += 1  # the space ends this row (cropped if it overflows), not begins the next
        rows.append((start + k0, start + cut))
        k0 = cut


def _break_at(text: str, row_start: int, i: int, whole: Sequence[Range]) -> int:
    # Each rule may move the cut left, so the next one judges where it now stands:
    # "fuel." keeps its "." by moving "l" down, which the word rule then sees.
    if text[i] in _NO_ROW_START and i - 1 > row_start:
        i -= 1
    k = bisect_right(whole, i, key=itemgetter(0)) - 1
    if k >= 0 and whole[k][0] < i < whole[k][1] and whole[k][0] > row_start:
        i = whole[k][0]
    if _latin(text[i]) and _latin(text[i - 1]):
        space = text.rfind(" ", row_start + 1, i)
        if space > row_start:  # a word wider than the row is the only one cut
            return space + 1
        # Amid CJK text a number or word has no space before it: the whole run moves
        # down ("2023年", not "202│3年"), unless it alone is wider than the row.
        run = i - 1
        while run > row_start and _latin(text[run - 1]):
            run -= 1
        if run > row_start:
            return run
    return i


def _latin(ch: str) -> bool:
    """A character of a Latin word or number, which a row should not split."""
    return (ch.isascii() and (ch.isalnum() or ch in "$.,%'-")) or ch in "×"


def display_order(c: Comparison) -> list[int]:
    """Pairs in reading order: the comparison's outline over both documents, the
    order the text and HTML reports list them in."""
    return [row.pair for row in c.outline_rows()]


def pair_ranges(c: Comparison, pair: SectionPair) -> tuple[Range | None, Range | None]:
    """The text a pair shows on each side: its heading and its own body."""
    o, n = c.section("old", pair.old), c.section("new", pair.new)
    return (_own(o), _own(n))


def _own(s: Section | None) -> Range | None:
    return None if s is None else (s.start, s.body_end)


def anchors(c: Comparison, pair: SectionPair, old: Range, new: Range) -> list[tuple[int, int]]:
    """Offsets (old, new) where both sides start a line inside text the diff found
    unchanged (the pair's ``same`` runs)."""
    found = [(old[0], new[0])]
    for a0, b0, size in pair.same:
        found.extend(_line_anchors(c.old.text, a0, a0 + size, c.new.text, b0, b0 + size))
    found.append((old[1], new[1]))
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(found)):
        if not (old[0] <= a <= old[1] and new[0] <= b <= new[1]):
            continue
        if not out or (a >= out[-1][0] and b >= out[-1][1]):  # sorted and unique
            out.append((a, b))
    if out[-1] != (old[1], new[1]):
        out[-1] = (old[1], new[1])
    return out


def _line_anchors(old: str, a0: int, a1: int, new: str, b0: int, b1: int) -> list[tuple[int, int]]:
    """Line starts of an unchanged run (equal text on both sides)."""
    return [
        (a0 + k, b0 + k)
        for k in range(a1 - a0 + 1)  # the end too: a change may start a line
        if (a0 + k == 0 or old[a0 + k - 1] == "\n") and (b0 + k == 0 or new[b0 + k - 1] == "\n")
    ]


class Layout:
    """All rows for one column width and mode; rebuilt on resize or a filter change."""

    def __init__(
        self,
        c: Comparison,
        marks: dict[Side, SideMarks],
        width: int,
        *,
        unified: bool = False,
        hide_unchanged: bool = False,
        order: Sequence[int] | None = None,
    ) -> None:
        self.c = c
        self.marks = marks
        self.width = width
        self.unified = unified
        self.order = list(order if order is not None else display_order(c))
        self.rows: list[Row] = []
        self.pair_start: dict[int, int] = {}  # displayed pair -> its header row
        for d, pi in enumerate(self.order):
            pair = c.pairs[pi]
            if hide_unchanged and pair.status == "unchanged" and not pair.moved:
                continue
            self.pair_start[d] = len(self.rows)
            self.rows.append(Row("pair", d, None, None))
            self.rows.extend(self._pair_rows(d, pair))
        self._index: dict[str, list[tuple[int, int]]] = {"old": [], "new": []}
        for y, row in enumerate(self.rows):
            if row.old:
                self._index["old"].append((row.old[0], y))
            if row.new:
                self._index["new"].append((row.new[0], y))
        for entries in self._index.values():
            entries.sort()

    def _pair_rows(self, d: int, pair: SectionPair) -> list[Row]:
        old, new = pair_ranges(self.c, pair)
        if old is None or new is None:
            side: Side = "old" if old is not None else "new"
            span = old or new
            assert span is not None
            lines = self._wrap(side, span)
            return [
                Row("text", d, r, None) if side == "old" else Row("text", d, None, r) for r in lines
            ]
        rows: list[Row] = []
        cuts = anchors(self.c, pair, old, new)
        for (a0, b0), (a1, b1) in pairwise(cuts):
            left, right = self._wrap("old", (a0, a1)), self._wrap("new", (b0, b1))
            if self.unified:
                rows.extend(self._unified(d, left, right, (a0, a1), (b0, b1)))
            else:
                rows.extend(Row("text", d, o, n) for o, n in zip_longest(left, right))
        return rows

    def _unified(
        self, d: int, left: list[Range], right: list[Range], old: Range, new: Range
    ) -> list[Row]:
        same = not self.marks["old"].has_change(*old) and not self.marks["new"].has_change(*new)
        if same and left and right:
            return [Row("ctx", d, None, r) for r in right]
        return [Row("text", d, r, None) for r in left] + [Row("text", d, None, r) for r in right]

    def _wrap(self, side: Side, span: Range) -> list[Range]:
        text = self.c.old.text if side == "old" else self.c.new.text
        marks = self.marks[side]
        out: list[Range] = []
        pos = span[0]
        while pos < span[1]:
            nl = text.find("\n", pos, span[1])
            line_end = span[1] if nl < 0 else nl
            if not text[pos:line_end].isspace() and line_end > pos:
                # A moved passage inside a line gets rows of its own, so its gutter
                # mark and colour do not spread over the text beside it.
                for a, b in pairwise([pos, *marks.move_cuts(pos, line_end), line_end]):
                    notes = marks.note_widths(a, b)
                    out.extend(wrap_line(text, a, b, self.width, notes, marks.figures))
            pos = line_end + 1
        return out

    def row_of(self, side: str, offset: int) -> int | None:
        """The row that shows ``offset`` of a document (None when it is hidden)."""
        entries = self._index[side]
        k = bisect_right(entries, offset, key=itemgetter(0)) - 1
        if k < 0:
            return None
        y = entries[k][1]
        pair = self.c.pairs[self.order[self.rows[y].pair]]
        span = pair_ranges(self.c, pair)[0 if side == "old" else 1]
        return y if span and span[0] <= offset <= span[1] else None
