"""The two synchronised panes: one ScrollView that draws OLD and NEW on each row.

Rows come from layout.Layout (offsets only); a row is styled when it is drawn
(render_line), with an LRU cache, so a long pair opens fast and never holds the whole
document as rich text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.text import without_emphasis
from ..model import Comparison, Side
from ..review import ReviewState, pair_key
from ..review_carry import CHANGED_SINCE_REVIEWED
from ..safetext import safe_line
from .layout import Layout, Range, Row
from .marks import SideMarks, build_marks, pair_title

STYLES = {
    "heading": Style(bold=True),
    "fig": Style(color="#ffd75f", bold=True, underline=True),
    "flag": Style(color="#d7af87", italic=True),
    "del": Style(color="#ffd7d7", bgcolor="#5a1d24"),
    "ins": Style(color="#d7ffd7", bgcolor="#1b4a24"),
    "move": Style(color="#d7f7ff", bgcolor="#1f4f6f"),
    "search": Style(color="#000000", bgcolor="#ffd700"),
    "focus": Style(reverse=True),
}
NOTE_STYLES = {
    "fig": Style(color="#ffd75f", bold=True),
    "move": Style(color="#5fd7ff", italic=True),
    "flag": Style(color="#d7af87", italic=True),
}
_PRIORITY = ("heading", "flag", "fig", "del", "ins", "move")
GUTTER: tuple[tuple[str, str, str], ...] = (
    ("move", ">", "#5fd7ff"),
    ("del", "-", "#ff5f5f"),
    ("ins", "+", "#5fff5f"),
)
GUTTER += (("fig", "#", "#ffd75f"), ("flag", "B", "#d7af87"))
FILLER = Style(color="#3a3a3a")
RULE = Style(color="#5f5f87")
CURSOR_BG = Style(bgcolor="#2a2a48")
HEADER = Style(bold=True, bgcolor="#303048")
HEADER_CURSOR = Style(bold=True, bgcolor="#4a4a78")


class DiffView(ScrollView, can_focus=True):
    """OLD and NEW side by side (or one column, unified), aligned row by row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("home,g", "edge(0)", "Top", show=False),
        Binding("end,G", "edge(1)", "Bottom", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class PairChanged(Message):
        """The cursor entered another section pair (its display index)."""

        def __init__(self, pair: int) -> None:
            super().__init__()
            self.pair = pair

    def __init__(self, comparison: Comparison, review: ReviewState, **kwargs) -> None:
        super().__init__(**kwargs)
        self.c = comparison
        self.review = review
        self.unified = False
        self.hide_unchanged = False
        self.boilerplate = True
        self.search = ""
        self._hits: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.focus_spans: dict[str, list[Range]] = {"old": [], "new": []}
        self.marks: dict[Side, SideMarks] = build_marks(comparison)
        self.layout_: Layout | None = None
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._pair = -1
        self._stops: tuple[Layout | None, list[int]] | None = None

    # -- layout ---------------------------------------------------------------------
    @property
    def laid_out(self) -> Layout:
        """The current layout: there is one from the first refresh on."""
        assert self.layout_ is not None
        return self.layout_

    @property
    def rows(self) -> list[Row]:
        return self.layout_.rows if self.layout_ else []

    def text_width(self, width: int | None = None) -> int:
        width = self.scrollable_content_region.width if width is None else width
        return max(4, width - 1) if self.unified else max(4, (width - 1) // 2 - 1)

    def rebuild(self, *, marks: bool = False) -> None:
        """Lay the rows out again (width, mode or filter changed), keeping the place."""
        if marks:
            self.marks = build_marks(self.c, boilerplate=self.boilerplate)
        keep = self._place()
        order = self.layout_.order if self.layout_ else None
        self.layout_ = Layout(
            self.c,
            self.marks,
            self.text_width(),
            unified=self.unified,
            hide_unchanged=self.hide_unchanged,
            order=order,
        )
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))
        self.refresh_rows()
        if keep is not None:
            self.goto(self._find(*keep), top=False)

    def _place(self) -> tuple[int, str, int] | None:
        if not self.rows:
            return None
        row = self.rows[min(self.cursor, len(self.rows) - 1)]
        if row.new:
            return row.pair, "new", row.new[0]
        if row.old:
            return row.pair, "old", row.old[0]
        return row.pair, "", 0

    def _find(self, pair: int, side: str, offset: int) -> int:
        assert self.layout_ is not None
        if side:
            y = self.layout_.row_of(side, offset)
            if y is not None:
                return y
        return self.pair_row(pair) or 0

    def pair_row(self, pair: int) -> int | None:
        return self.layout_.pair_start.get(pair) if self.layout_ else None

    def refresh_rows(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self) -> None:
        if self.layout_ is None or self.layout_.width != self.text_width():
            self.rebuild()

    # -- movement -------------------------------------------------------------------
    @property
    def current_pair(self) -> int:
        rows = self.rows
        return rows[min(self.cursor, len(rows) - 1)].pair if rows else 0

    def goto(self, y: int, *, top: bool = True) -> None:
        """Put the cursor on row y and scroll it into view (near the top when asked)."""
        if not self.rows:
            return
        y = max(0, min(y, len(self.rows) - 1))
        self.cursor = y
        height = self.scrollable_content_region.height
        if top or not (self.scroll_y <= y < self.scroll_y + height):
            # Two rows of context, but never the previous section's: the pane header
            # names the cursor's section, and the top rows must belong to it.
            first = y
            while first > 0 and first > y - 2 and self.rows[first - 1].pair == self.rows[y].pair:
                first -= 1
            self.scroll_to(y=first, animate=False, immediate=True)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_rows()
        if self.rows and self.current_pair != self._pair:
            self._pair = self.current_pair
            self.post_message(self.PairChanged(self._pair))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        height = self.scrollable_content_region.height
        top = round(new)
        if self.rows and height and not (top <= self.cursor < top + height):
            self.cursor = min(max(self.cursor, top), top + height - 1, len(self.rows) - 1)

    def action_cursor(self, step: int) -> None:
        self.goto(self.cursor + step, top=False)

    def action_page(self, step: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + step * height, animate=False, immediate=True)
        self.goto(self.cursor + step * height, top=False)

    def action_edge(self, end: int) -> None:
        self.goto(len(self.rows) - 1 if end else 0, top=not end)

    def on_focus(self) -> None:
        self.refresh_rows()

    def on_blur(self) -> None:
        self.refresh_rows()

    def on_click(self, event) -> None:
        self.goto(int(self.scroll_y) + event.y, top=False)

    def change_starts(self) -> list[int]:
        """Rows where a run of changed rows begins: the stops of next/previous change."""
        if self._stops is None or self._stops[0] is not self.layout_:
            self._stops = (self.layout_, self._find_change_starts())
        return self._stops[1]

    def _find_change_starts(self) -> list[int]:
        stops, before = [], False
        for y, row in enumerate(self.rows):
            changed = row.kind != "pair" and self._row_changed(row)
            if changed and not before:
                stops.append(y)
            before = changed
        return stops

    def _row_changed(self, row: Row) -> bool:
        return bool(
            (row.old and self.marks["old"].has_change(*row.old))
            or (row.new and self.marks["new"].has_change(*row.new))
        )

    # -- drawing --------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if index >= len(self.rows):
            return Strip.blank(width)
        key = (index, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(self.rows[index], width)
            if index == self.cursor:
                strip = _with_cursor(strip) if self.has_focus else strip
            self._cache[key] = strip
        return strip

    def _render_row(self, row: Row, width: int) -> Strip:
        if row.kind == "pair":
            return self._header(row, width)
        if self.unified:
            side: Side = "old" if row.old else "new"
            sign = "" if row.kind == "ctx" else ("-" if side == "old" else "+")
            return Strip(self._side(side, row.old or row.new, width - 1, sign), width)
        left = (width - 1) // 2
        segments = self._side("old", row.old, left - 1)
        segments.append(Segment("│", RULE))
        segments.extend(self._side("new", row.new, width - left - 2))
        return Strip(segments, width)

    def _header(self, row: Row, width: int) -> Strip:
        pair = self.c.pairs[self.layout_.order[row.pair]] if self.layout_ else None
        if pair is None:
            return Strip.blank(width)
        mark = "✓ " if self.review.is_reviewed(pair_key(pair)) else "  "
        note = safe_line(" ".join(self.review.note(pair_key(pair)).split()))
        note = f"   ✎ {note}" if note else ""
        if self.review.changed_since_reviewed(pair_key(pair)):
            mark, note = "! ", f"   ({CHANGED_SINCE_REVIEWED}){note}"
        text = f"{mark}{pair_title(self.c, pair)}{note}"
        style = HEADER_CURSOR if self.rows[self.cursor] is row and self.has_focus else HEADER
        segments = Segment.adjust_line_length([Segment(text, style)], width, style)
        return Strip(segments, width)

    def _side(self, side: Side, rng: Range | None, width: int, sign: str = "") -> list:
        """One column of a row; ``sign`` ("-"/"+") overrides the gutter in one column."""
        if rng is None:
            return [Segment(" " + "╱" * width, FILLER)]
        a, b = rng
        text = (self.c.old.text if side == "old" else self.c.new.text)[a:b]
        marks = self.marks[side].overlapping(a, b)
        notes = self.marks[side].notes_in(a, b)
        spans = [(m.start, m.end, m.kind) for m in marks]
        spans += [(s, e, "focus") for s, e in self.focus_spans[side] if s < b and e > a]
        spans += self._search_spans(side, a, b)
        cuts = sorted(
            {a, b, *(n.at for n in notes)} | {p for s, e, _ in spans for p in (s, e) if a < p < b}
        )
        out = [self._gutter(side, {k for _, _, k in spans}, sign)]
        for s, e in itertools.pairwise(cuts):
            kinds = {k for ms, me, k in spans if ms < e and me > s}
            part = _clean(text[s - a : e - a])
            if "heading" in kinds:
                part = without_emphasis(part)  # `**` in a heading is typing, not text
            out.append(Segment(part, _style(kinds)))
            out.extend(Segment(n.text, NOTE_STYLES[n.kind]) for n in notes if n.at == e)
        return Segment.adjust_line_length(out, width + 1)

    def _gutter(self, side: str, kinds: set[str], sign: str) -> Segment:
        if sign:
            return Segment(sign, Style(color="#ff5f5f" if sign == "-" else "#5fff5f", bold=True))
        for kind, char, color in GUTTER:
            if kind in kinds:
                if kind == "move":
                    char = ">" if side == "old" else "<"
                return Segment(char, Style(color=color, bold=True))
        return Segment(" ")

    def _search_spans(self, side: str, a: int, b: int) -> list[tuple[int, int, str]]:
        """The matches over [a, b), found in the whole text: one a row wraps is still lit."""
        hits = self.search_hits(side, self.search)
        out = []
        for s, e in hits[bisect.bisect_left(hits, (a - len(self.search), 0)) :]:
            if s >= b:
                break
            if e > a:
                out.append((s, e, "search"))
        return out

    def search_hits(self, side: str, query: str) -> list[tuple[int, int]]:
        """Every match of query in one side's text, looked for once per query."""
        key = (side, query)
        if key not in self._hits:
            text = self.c.old.text if side == "old" else self.c.new.text
            # matched in place, not on text.lower(): lowering can change a length (İ)
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            found = [m.span() for m in pattern.finditer(text)] if query else []
            self._hits = {k: v for k, v in self._hits.items() if k[1] == query}  # one query
            self._hits[key] = found
        return self._hits[key]


def _with_cursor(strip: Strip) -> Strip:
    """The cursor row: a background wherever the text has none of its own, so the
    highlights of edits stay readable on it."""
    segments = [
        Segment(seg.text, seg.style + CURSOR_BG if seg.style else CURSOR_BG)
        if seg.style is None or seg.style.bgcolor is None
        else seg
        for seg in strip
    ]
    return Strip(segments, strip.cell_length)


def _style(kinds: set[str]) -> Style:
    style = Style()
    for kind in (*_PRIORITY, "search", "focus"):
        if kind in kinds:
            style += STYLES[kind]
    return style


def _clean(text: str) -> str:
    return "".join(" " if ch < " " else ch for ch in text) if any(ch < " " for ch in text) else text
