"""Words every output uses alike: counts in sentences ("1 section changed"), and the
words and the outline mark for a section pair's status ("changed, moved, weak: paired by title",
"~")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the parser imports this module
    from .model import PairStatus, SectionPair

STATUS_MARK: dict[PairStatus, str] = {
    "unchanged": "=",
    "changed": "~",
    "added": "+",
    "removed": "-",
}
MOVED_MARK = "↕"  # a section that only moved


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """n with its noun in the number n takes: counted(1, "section") → "1 section"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def pair_words(pair: SectionPair) -> list[str]:
    """The status of a pair in words: status, moved, renamed, split or merge, and for a
    weak pair what alone paired it."""
    words: list[str] = [pair.status]
    words += [w for w, on in (("moved", pair.moved), ("renamed", pair.renamed)) if on]
    if pair.relation != "match":
        words.append(pair.relation)
    if pair.weak:
        words.append(f"weak: paired by {pair.basis or 'position'} only")
    return words


def status_mark(pair: SectionPair) -> str:
    """The pair's mark in an outline: a moved, unchanged section shows its move."""
    return MOVED_MARK if pair.moved and pair.status == "unchanged" else STATUS_MARK[pair.status]
