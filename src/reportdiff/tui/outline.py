"""The outline: aligned section pairs as a tree, with status, counts and review marks."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ..core.text import without_markup
from ..model import Comparison
from ..review import ReviewState, pair_key
from ..wording import status_mark
from .marks import PairCounts, pair_counts

STATUS_STYLE = {
    "unchanged": "dim",
    "changed": "bold #ffd75f",
    "added": "bold #5fff5f",
    "removed": "bold #ff5f5f",
}


class Outline(Tree[int]):
    """Nodes carry the displayed pair index; Enter or a click jumps to the pair."""

    # The keys less, vim and tig users reach for, beside the arrows and Home/End.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, comparison: Comparison, review: ReviewState, **kwargs) -> None:
        super().__init__("Outline", **kwargs)
        self.c = comparison
        self.review = review
        self.counts: list[PairCounts] = pair_counts(comparison)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self.nodes_by_pair: dict[int, TreeNode[int]] = {}

    def fill(self, order: list[int], hide_unchanged: bool) -> None:
        """(Re)build the tree for the displayed pairs, nested as the comparison's outline
        over both documents nests them (a hidden pair's children move up to its place)."""
        self.clear()
        self.nodes_by_pair = {}
        depth = {row.pair: row.depth for row in self.c.outline_rows()}
        stack: list[tuple[int, TreeNode[int]]] = []
        for d, pi in enumerate(order):
            pair = self.c.pairs[pi]
            if hide_unchanged and pair.status == "unchanged" and not pair.moved:
                continue
            level = depth.get(pi, 0)
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1] if stack else self.root
            node = parent.add(self.label(pi), data=d, expand=True)
            self.nodes_by_pair[d] = node
            stack.append((level, node))
        for node in list(self.nodes_by_pair.values()):
            if not node.children:
                node.allow_expand = False

    def label(self, pi: int) -> Text:
        """The node text of the comparison's pair ``pi``."""
        pair = self.c.pairs[pi]
        s = self.c.section("new", pair.new) or self.c.section("old", pair.old)
        title = "(preamble)" if s is None or s.id == "0" else without_markup(s.heading)
        done = self.review.is_reviewed(pair_key(pair))
        text = Text()
        if self.review.changed_since_reviewed(pair_key(pair)):
            text.append("! ", style="bold #ffd75f")  # its text changed since it was marked
        else:
            text.append("✓ " if done else "  ", style="bold #5fff5f")
        glyph = status_mark(pair)
        text.append(glyph + " ", style=STATUS_STYLE[pair.status])
        text.append(title, style="dim" if pair.status == "unchanged" else "")
        if pair.weak:
            text.append(" ?weak", style="italic #ff8700")
        text.append(self._counts(pi), style="#8787af")
        if self.review.note(pair_key(pair)):
            text.append(" ✎", style="#87afff")
        return text

    def _counts(self, pi: int) -> str:
        k = self.counts[pi]
        parts = [f"{k.edits}e" if k.edits else "", f"{k.figures}#" if k.figures else ""]
        parts.append(f"{k.flags}B" if k.flags else "")
        shown = " ".join(p for p in parts if p)
        return f" {shown}" if shown else ""

    def refresh_pair(self, d: int, pi: int) -> None:
        node = self.nodes_by_pair.get(d)
        if node is not None:
            node.set_label(self.label(pi))

    def show_pair(self, d: int) -> None:
        """Move the tree's cursor to a pair without selecting it."""
        node = self.nodes_by_pair.get(d)
        if node is not None and node.line >= 0:
            self.move_cursor(node, animate=False)
