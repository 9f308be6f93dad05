"""The top bar: review progress, the two files and the section counts on one line."""

from __future__ import annotations

import re

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
            "  {} → {}   ".format(*_told_apart(old, new, room)),
            (counts, "#d0d0d0"),
            no_wrap=True,
            overflow="ellipsis",
        )


def _told_apart(old: str, new: str, width: int) -> tuple[str, str]:
    """Both names in at most ``width`` cells each, cut so that what tells them apart
    stays: two years' files of one agency (…-2024.pdf, …-2025.pdf) share all but the
    year, so where they differ is kept, from the start of its word, with as much of the
    shared end as fits."""
    if max(cell_len(old), cell_len(new)) <= width or old == new:
        return _middle_cut(old, width), _middle_cut(new, width)
    pairs = enumerate(zip(old, new, strict=False))
    lead = next((k for k, (a, b) in pairs if a != b), min(len(old), len(new)))
    while lead and old[lead - 1].isascii() and old[lead - 1].isalnum():
        lead -= 1  # from the start of the number or word that differs (2024, not 4)
    if lead == 0:
        return _middle_cut(old, width), _middle_cut(new, width)
    return _kept_from(old, lead, width), _kept_from(new, lead, width)


def _kept_from(text: str, start: int, width: int) -> str:
    """ "…" and ``text`` from ``start``, its end cut (…) if that is still too wide."""
    rest = text[start:]
    if cell_len(rest) + 1 <= width:
        return "…" + rest
    word = re.match(r"[^\W_]+", rest)  # the differing word alone: …2023, not …2023.t…
    if word and cell_len(word.group()) + 1 <= width:
        return "…" + word.group()
    return "…" + fitting(rest, max(1, width - 2)) + "…"


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
