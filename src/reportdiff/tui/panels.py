"""Tables under the panes: changed figures, arithmetic checks, boilerplate flags.

Each row knows where its subject stands in the documents; Enter posts Jump with the
spans to show, and the app moves the panes there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from ..core.text import cells
from ..model import Check, Comparison, Figure, Flag, NumberChange
from ..render.columns import pad_middle
from ..render.figure_display import change_label, change_text, figure_text, status_text
from .marks import heading_label

Spans = dict[str, list[tuple[int, int]]]


class Jump(Message):
    """Show these spans of the documents (side -> [(start, end)])."""

    def __init__(self, spans: Spans) -> None:
        super().__init__()
        self.spans = spans


def _spans(*pairs: tuple[str, Figure | Flag | None]) -> Spans:
    out: Spans = {"old": [], "new": []}
    for side, item in pairs:
        if item is not None:
            out[side].append((item.start, item.end))
    return out


class JumpTable(DataTable):
    """A DataTable whose rows carry spans; Enter (or a click) jumps to them."""

    EMPTY = "nothing"

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.spans: dict[str, Spans] = {}

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        spans = self.spans.get(str(event.row_key.value))
        if spans:
            event.stop()
            self.post_message(Jump(spans))


_CELL_PADDING = 2  # a DataTable cell's padding, one cell either side
_SCROLLBAR = 2
_MIN_LABEL = 12


class FiguresTable(JumpTable):
    """label, old, new, Δ, %; `s` (or a click on a header) sorts by the next column."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("s", "sort_next", "Sort", show=True)]
    COLUMNS = ("label", "old", "new", "Δ", "%", "status")

    def __init__(self, numbers: tuple[NumberChange, ...], english: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.english = english  # the document's language, for "pp" vs 个百分点
        shown = [n for n in numbers if n.status != "unchanged"] or list(numbers)
        # Changed figures first: they are what a reviewer checks; then added, removed.
        rank = {"changed": 0, "added": 1, "removed": 2}
        self.numbers = sorted(shown, key=lambda n: rank.get(n.status, 3))
        self.sort_column = -1
        self.reverse = False

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)
        # After the first screen: a long pair has thousands of figures.
        self.call_after_refresh(self._fill, range(len(self.numbers)))

    def _fill(self, order) -> None:
        self.clear()
        rows = []
        for i in order:
            n = self.numbers[i]
            shown = change_text(n, self.english)
            old, new = figure_text(n.old), figure_text(n.new)
            rows.append(
                (change_label(n, self.english), old, new, shown.delta, shown.pct, status_text(n))
            )
            self.spans[str(i)] = _spans(("old", n.old), ("new", n.new))
        room = self._label_room(rows)
        for i, (label, *rest) in zip(order, rows, strict=True):
            shown_label = pad_middle(label, room).rstrip() if cells(label) > room else label
            self.add_row(shown_label, *rest, key=str(i))

    def _label_room(self, rows: Sequence[tuple[str, ...]]) -> int:
        """Cells the label column may take so that the figures, the change and the status
        stay on the screen: a long label loses its middle, never a figure its column."""
        others = sum(
            max([cells(self.COLUMNS[k]), *(cells(r[k]) for r in rows)]) + _CELL_PADDING
            for k in range(1, len(self.COLUMNS))
        )
        width = self.app.size.width or 80
        return max(_MIN_LABEL, width - others - _CELL_PADDING - _SCROLLBAR)

    @staticmethod
    def sort_value(n: NumberChange, column: int):
        """What column ``column`` sorts by: text, value, or the size of a change."""
        if column == 0:
            return (n.label, 0.0)
        if column in (1, 2):
            f = n.old if column == 1 else n.new
            return ("", f.value if f else float("-inf"))
        if column in (3, 4):
            v = n.delta if column == 3 else n.pct
            return ("", abs(v) if v is not None else float("-inf"))
        return (n.status, 0.0)

    def sort_by(self, column: int) -> None:
        """Sort by a column; again on the same column reverses. Changes sort largest first."""
        self.reverse = not self.reverse if column == self.sort_column else column in (3, 4)
        self.sort_column = column
        order = sorted(
            range(len(self.numbers)),
            key=lambda i: self.sort_value(self.numbers[i], column),
            reverse=self.reverse,
        )
        self._fill(order)

    def action_sort_next(self) -> None:
        self.sort_by((self.sort_column + 1) % len(self.COLUMNS))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(event.column_index)


class ChecksTable(JumpTable):
    def __init__(self, checks: tuple[Check, ...], **kwargs) -> None:
        super().__init__(**kwargs)
        self.checks = checks

    def on_mount(self) -> None:
        self.add_columns("doc", "kind", "message")
        for i, k in enumerate(self.checks):
            self.add_row(k.doc, k.kind, k.message, key=str(i))
            self.spans[str(i)] = _spans(*((k.doc, f) for f in k.figures))


class FlagsTable(JumpTable):
    def __init__(self, comparison: Comparison, **kwargs) -> None:
        super().__init__(**kwargs)
        self.c = comparison

    def on_mount(self) -> None:
        self.add_columns("kind", "doc", "section", "passage", "evidence")
        for i, f in enumerate(self.c.boilerplate):
            where = heading_label(self.c.section(f.doc, f.section)) if f.section else ""
            passage = " ".join(f.text.split())
            passage = passage if len(passage) <= 40 else passage[:39] + "…"
            self.add_row(f.kind.replace("_", " "), f.doc, where[:24], passage, f.detail, key=str(i))
            self.spans[str(i)] = _spans((f.doc, f))
