"""The review app: outline, synchronised panes, tables, review marks and notes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane, Tree

from ..errors import ReportdiffError
from ..model import Comparison
from ..render.figure_display import document_is_english
from ..review import MemoryReviewStore, ReviewState, ReviewStore, open_review, pair_key
from ..safetext import safe_line
from .diffview import DiffView
from .marks import heading_label, pair_title
from .outline import Outline
from .panels import ChecksTable, FiguresTable, FlagsTable, Jump
from .screens import HelpScreen, NoteScreen
from .topbar import TopBar

# Narrower than this, the outline starts hidden; narrower still, the unified view.
OUTLINE_MIN_WIDTH = 110
UNIFIED_MAX_WIDTH = 72
PANELS_MIN_HEIGHT = 30


class ReviewApp(App[None]):
    """Review one finished Comparison; marks and notes go to ``store`` at once."""

    CSS_PATH = "app.tcss"
    TITLE = "reportdiff"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_change", "Next change"),
        Binding("p", "prev_change", "Prev change", show=False),
        Binding("N", "prev_match", "Previous match (n: next, while searching)", show=False),
        Binding("right_square_bracket", "next_section", "Next section", key_display="]"),
        Binding("left_square_bracket", "prev_section", "Prev section", key_display="[", show=False),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("r", "toggle_reviewed", "Reviewed"),
        Binding("e", "edit_note", "Note"),
        Binding("u", "toggle_unchanged", "Hide unchanged", show=False),
        Binding("b", "toggle_boilerplate", "Boilerplate marks", show=False),
        Binding("v", "toggle_view", "Side by side / unified", show=False),
        Binding("o", "toggle_outline", "Outline", show=False),
        Binding("t", "toggle_panels", "Tables", show=False),
        Binding("1", "panel('figures')", "Figures table", show=False),
        Binding("2", "panel('checks')", "Checks table", show=False),
        Binding("3", "panel('flags')", "Flags table", show=False),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, comparison: Comparison, store: ReviewStore | None = None) -> None:
        super().__init__()
        self.c = comparison
        self.store = store if store is not None else MemoryReviewStore()
        self.review = open_review(comparison, self.store)
        self.summary = comparison.summary()
        self.pair_keys = [pair_key(p) for p in comparison.pairs]

    # -- building -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Horizontal(id="main"):
            yield Outline(self.c, self.review, id="outline")
            with Vertical(id="right"):
                yield Static(id="sticky")
                yield DiffView(self.c, self.review, id="diff")
        with TabbedContent(id="panels"):
            with TabPane(f"Figures ({len(self.c.numbers)})", id="figures"):
                english = document_is_english(self.c.new)  # "pp" or 个百分点
                yield FiguresTable(self.c.numbers, english, id="figures-table")
            with TabPane(f"Checks ({len(self.c.checks)})", id="checks"):
                yield ChecksTable(self.c.checks, id="checks-table")
            with TabPane(f"Flags ({len(self.c.boilerplate)})", id="flags"):
                yield FlagsTable(self.c, id="flags-table")
        yield Input(placeholder="search both documents; Enter: next match, Esc: close", id="search")
        yield Footer()

    @property
    def diff(self) -> DiffView:
        return self.query_one(DiffView)

    @property
    def outline(self) -> Outline:
        return self.query_one(Outline)

    def on_mount(self) -> None:
        width, height = self.size
        self.diff.unified = width < UNIFIED_MAX_WIDTH
        self.query_one("#outline").display = width >= OUTLINE_MIN_WIDTH
        self.query_one("#panels").display = height >= PANELS_MIN_HEIGHT
        self.query_one("#search").display = False
        footer = self.query_one(Footer)  # narrow: room for every key, Quit included
        footer.compact = width < OUTLINE_MIN_WIDTH
        footer.show_command_palette = width >= OUTLINE_MIN_WIDTH
        self.diff.focus()
        self.call_after_refresh(self._first_layout)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The panes have no rule of their own to light up; their title bar does.
        self.query_one("#sticky").set_class(event.widget is self.diff, "-keys-here")

    def _first_layout(self) -> None:
        if self.diff.layout_ is None:
            self.diff.rebuild()
        self.outline.fill(self.diff.laid_out.order, self.diff.hide_unchanged)
        self._update_bars()

    # -- current pair ---------------------------------------------------------------
    def current(self) -> int:
        """The displayed pair under review: the outline's when it has focus."""
        node = self.outline.cursor_node
        if self.outline.has_focus and node is not None and node.data is not None:
            return node.data
        return self.diff.current_pair

    def pair_at(self, d: int):
        return self.c.pairs[self.diff.laid_out.order[d]]

    def on_diff_view_pair_changed(self, event: DiffView.PairChanged) -> None:
        if not self.outline.has_focus:
            self.outline.show_pair(event.pair)
        self._update_bars()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        if self.outline.has_focus and event.node.data is not None:
            self._goto_pair(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None:
            self._goto_pair(event.node.data)

    def _goto_pair(self, d: int) -> None:
        y = self.diff.pair_row(d)
        if y is not None:
            self.diff.goto(y)

    def _update_bars(self) -> None:
        s = self.summary
        done, total = self.review.progress(self.pair_keys)
        counts = (
            f"{s.sections_changed} changed · {s.sections_added} added · "
            f"{s.sections_removed} removed · {s.sections_moved} moved"
        )
        names = (_name(self.c.old.path), _name(self.c.new.path))
        self.query_one(TopBar).show(f" {done}/{total} reviewed ", done < total, names, counts)
        self.query_one("#sticky", Static).update(self._sticky())

    def _sticky(self) -> Text:
        if not self.diff.rows:
            return Text("")
        pair = self.pair_at(self.diff.current_pair)
        if self.diff.unified:
            return Text(" " + pair_title(self.c, pair), no_wrap=True, overflow="ellipsis")
        half = (self.diff.scrollable_content_region.width - 1) // 2
        old = heading_label(self.c.section("old", pair.old)) or "(none)"
        new = heading_label(self.c.section("new", pair.new)) or "(none)"
        left = Text.assemble((" OLD ", "bold #ff8787"), old, no_wrap=True, overflow="ellipsis")
        left.truncate(half, pad=True)
        right = Text.assemble((" NEW ", "bold #87ff87"), new, no_wrap=True, overflow="ellipsis")
        return Text.assemble(left, ("│", "#5f5f87"), right)

    # -- navigation -----------------------------------------------------------------
    def action_next_change(self) -> None:
        """n: the next change, or while a search is on, the next match (as in less)."""
        if self.diff.search:
            self._step_match(1)
            return
        self._step(self.diff.change_starts(), 1, "no more changes below")

    def action_prev_match(self) -> None:
        """N: the previous match of the search."""
        if not self.diff.search:
            self.notify("no search: press / to search", timeout=2)
            return
        self._step_match(-1)

    def _step_match(self, direction: int) -> None:
        rows = sorted(set(self._matches(self.diff.search)))
        here = self.diff.cursor
        ahead = [y for y in rows if (y > here if direction > 0 else y < here)]
        if not ahead:
            where = "below" if direction > 0 else "above"
            self.notify(f"no more matches {where} (an empty search ends it)", timeout=2)
            return
        y = ahead[0] if direction > 0 else ahead[-1]
        self.diff.goto(y)
        self.notify(f"match {rows.index(y) + 1} of {len(rows)}", timeout=2)

    def action_prev_change(self) -> None:
        self._step(self.diff.change_starts(), -1, "no more changes above")

    def action_next_section(self) -> None:
        self._step(sorted(self.diff.laid_out.pair_start.values()), 1, "last section")

    def action_prev_section(self) -> None:
        self._step(sorted(self.diff.laid_out.pair_start.values()), -1, "first section")

    def _step(self, stops: list[int], direction: int, at_end: str) -> None:
        here = self.diff.cursor
        ahead = [y for y in stops if (y > here if direction > 0 else y < here)]
        if not ahead:
            self.notify(at_end, timeout=2)
            return
        self.diff.goto(ahead[0] if direction > 0 else ahead[-1])

    def on_jump(self, event: Jump) -> None:
        self.diff.focus_spans = event.spans
        side = "new" if event.spans["new"] else "old"
        if not event.spans[side]:
            return
        offset = event.spans[side][0][0]
        y = self.diff.laid_out.row_of(side, offset)
        if y is None and self.diff.hide_unchanged:
            self.action_toggle_unchanged()
            y = self.diff.laid_out.row_of(side, offset)
        self.diff.refresh_rows()
        if y is not None:
            self.diff.goto(y)

    # -- search ---------------------------------------------------------------------
    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        self.diff.search = query
        self.diff.refresh_rows()
        # As in less: Enter closes the prompt, and n / N then step through the matches.
        event.input.display = False
        self.diff.focus()
        if not query:
            return
        rows = sorted(set(self._matches(query)))
        if not rows:
            self.notify(f"not found: {query}", severity="warning", timeout=3)
            return
        ahead = [y for y in rows if y > self.diff.cursor] or rows
        self.diff.goto(ahead[0])
        self.notify(f"match {rows.index(ahead[0]) + 1} of {len(rows)}", timeout=2)

    def _matches(self, query: str) -> Iterable[int]:
        for side in ("old", "new"):
            for start, _ in self.diff.search_hits(side, query):
                y = self.diff.laid_out.row_of(side, start)
                if y is not None:
                    yield y

    def on_key(self, event) -> None:
        box = self.query_one("#search", Input)
        if event.key == "escape" and box.has_focus:
            box.display = False
            self.diff.focus()
            event.stop()

    # -- toggles --------------------------------------------------------------------
    def action_toggle_unchanged(self) -> None:
        self.diff.hide_unchanged = not self.diff.hide_unchanged
        self.diff.rebuild()
        self.outline.fill(self.diff.laid_out.order, self.diff.hide_unchanged)
        shown = "hidden" if self.diff.hide_unchanged else "shown"
        self.notify(f"unchanged sections {shown}", timeout=2)

    def action_toggle_boilerplate(self) -> None:
        self.diff.boilerplate = not self.diff.boilerplate
        self.diff.rebuild(marks=True)
        self.notify(f"boilerplate marks {'on' if self.diff.boilerplate else 'off'}", timeout=2)

    def action_toggle_view(self) -> None:
        self.diff.unified = not self.diff.unified
        self.diff.rebuild()
        self._update_bars()

    def action_toggle_outline(self) -> None:
        box = self.query_one("#outline")
        box.display = not box.display

    def action_toggle_panels(self) -> None:
        box = self.query_one("#panels")
        box.display = not box.display

    def action_panel(self, name: str) -> None:
        panels = self.query_one("#panels", TabbedContent)
        panels.display = True
        panels.active = name
        self.query_one(f"#{name}-table").focus()

    # -- review ---------------------------------------------------------------------
    def action_toggle_reviewed(self) -> None:
        d = self.current()
        key = pair_key(self.pair_at(d))
        # On a section changed since it was reviewed, the key confirms the new text.
        confirm = self.review.changed_since_reviewed(key)
        self.review.set_reviewed(key, confirm or not self.review.is_reviewed(key))
        self._save_and_show(d)

    def action_edit_note(self) -> None:
        d = self.current()
        pair = self.pair_at(d)
        title = pair_title(self.c, pair)

        def done(note: str | None) -> None:
            if note is not None:
                self.review.set_note(pair_key(pair), note)
                self._save_and_show(d)

        self.push_screen(NoteScreen(title, self.review.note(pair_key(pair))), done)

    def _save_and_show(self, d: int) -> None:
        """Show the edit at once; save it in a worker thread, so the UI never waits on
        the store's lock (another reviewer may hold it); the saved state, with marks
        colleagues saved meanwhile, is shown when the save is done."""
        self._show_review(d)
        self.run_worker(partial(self._save, self.review.snapshot()), thread=True, group="save")

    def _save(self, snapshot: ReviewState) -> None:
        try:
            self.store.save(snapshot)
        except (ReportdiffError, OSError) as exc:
            message = safe_line(str(exc))
            self._from_thread(partial(self.notify, message, severity="error", timeout=10))
            return  # the edits stay pending: the next save takes them along
        self._from_thread(partial(self._adopt, snapshot))

    def _from_thread(self, callback: Callable[[], object]) -> None:
        with contextlib.suppress(RuntimeError):  # the app closed while the save ran
            self.call_from_thread(callback)

    def _adopt(self, saved: ReviewState) -> None:
        self.review.adopt(saved)
        for d, pi in enumerate(self.diff.laid_out.order):
            self.outline.refresh_pair(d, pi)
        self.diff.refresh_rows()
        self._update_bars()

    def _show_review(self, d: int) -> None:
        self.outline.refresh_pair(d, self.diff.laid_out.order[d])
        self.diff.refresh_rows()
        self._update_bars()

    # -- help and palette -----------------------------------------------------------
    def key_help(self) -> list[tuple[str, str]]:
        out = []
        for b in self.BINDINGS:
            assert isinstance(b, Binding)
            keys = b.key_display or b.key
            if "," in b.key:
                keys = " / ".join(self.get_key_display(Binding(k, "")) for k in b.key.split(","))
            out.append((keys, b.description))
        # Moving in the text (the diff view's and the outline's own keys).
        out[1:1] = [
            ("j / k", "Down / up a row (also ↓ / ↑)"),
            ("g / G", "Top / bottom (also Home / End)"),
        ]
        return out

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_help()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for b in self.BINDINGS:
            assert isinstance(b, Binding)
            key = b.key_display or b.key
            yield SystemCommand(b.description, f"key: {key}", partial(self.run_action, b.action))


def _name(path: str) -> str:
    return safe_line(Path(path).name)


def build_app(comparison: Comparison, store: ReviewStore | None = None) -> ReviewApp:
    """The review app for a finished comparison (tests pass a MemoryReviewStore)."""
    return ReviewApp(comparison, store)
