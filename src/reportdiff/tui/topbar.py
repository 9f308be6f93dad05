"""The top bar: review progress, the two files and the section counts on one line."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from ..render.columns import fitting


class TopBar(Static):
    """Review progress, the two files and the section counts on one line. It lays
    itself out when drawn: the counts matter more than whole file names, so long names
    give way to whatever width the terminal has now."""

    _parts: tuple[str, bool, tuple[str, str], str] | None = None

    def show(self, progress: str, pending: bool, names: tuple[str, str], counts: str) -> None:
        self._parts = (progress, pending, names, counts)
        self.refresh()

    def on_resize(self) -> None:
        self.refresh()

    def render(self) -> Text:
        if self._parts is None:
            return Text("")
        progress, pending, (old, new), counts = self._parts
        width = self.size.width or self.app.size.width  # 0 until first laid out
        room = max(8, width - cell_len(progress + counts) - 8) // 2
        return Text.assemble(
            (progress, "bold reverse" if pending else "bold #5fff5f"),
            f"  {_middle_cut(old, room)} → {_middle_cut(new, room)}   ",
            (counts, "#d0d0d0"),
            no_wrap=True,
            overflow="ellipsis",
        )


def _middle_cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, its middle replaced by … when it is wider.
    The end gets two thirds of the room: two years' files differ in their year and
    share their agency's name at the start."""
    if cell_len(text) <= width:
        return text
    tail_room = (2 * (width - 1) + 2) // 3
    tail = fitting(reversed(text), tail_room)
    head = fitting(text, width - 1 - cell_len(tail))
    return head + "…" + tail[::-1]
