"""Modal screens: the key help and the note editor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

EXTRA_KEYS = (
    ("Tab / Shift+Tab", "move focus: outline, panes, tables"),
    ("↑ ↓ j k", "move the cursor in the panes"),
    ("PgUp PgDn Space", "page through the panes"),
    ("Home End", "first or last row"),
    ("Enter", "outline: go to the section; tables: go to the figure, check or flag"),
    ("s", "figures table: sort by the next column (or click a column header)"),
    ("Ctrl+P", "command palette: every action by name"),
)


class HelpScreen(ModalScreen[None]):
    """Every key of the review UI, taken from the bindings themselves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", key_display="Esc")
    ]

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column(style="bold #ffd75f", width=16)
        table.add_column(ratio=1)
        for key, text in (*self.keys, *EXTRA_KEYS):
            table.add_row(key, text)
        with VerticalScroll(id="help"):
            yield Label("Keys  (Esc closes)", id="help-title")
            yield Static(table)


class NoteScreen(ModalScreen[str | None]):
    """Edit the note of one section pair; Ctrl+S saves, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.title_text = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note"):
            yield Label(f"Note on {self.title_text}", id="note-title")
            yield TextArea(self.note, id="note-text", soft_wrap=True)
            yield Label("Ctrl+S save · Esc cancel", id="note-help")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
