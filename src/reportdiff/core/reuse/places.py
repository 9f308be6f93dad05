"""How flags name the places they point to: the section holding an offset, a section's
numbering chain as a reviewer cites it (§三(二)), and lists of places cut short."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from ...model import Section

H = TypeVar("H")  # a hit of a sentence, however a lookup records it


def section_locator(sections: Sequence[Section]) -> Callable[[int], str]:
    """A function from a character offset to the id of the deepest section holding it."""
    ordered = sorted((s for s in sections if s.id != "0"), key=lambda s: (s.start, s.level))
    starts = [s.start for s in ordered]
    by_id = {s.id: s for s in ordered}

    def locate(pos: int) -> str:
        i = bisect_right(starts, pos) - 1
        s = ordered[i] if i >= 0 else None
        while s is not None and s.end <= pos:  # past its end: an ancestor may still hold pos
            s = by_id.get(s.parent) if s.parent else None
        return s.id if s is not None else "0"

    return locate


def section_refs(sections: Sequence[Section]) -> dict[str, str]:
    """How a reviewer cites each section: its numbering chain, e.g. "§三(二)"."""
    by_id = {s.id: s for s in sections}
    refs = {}
    for sec in sections:
        chain = []
        s: Section | None = sec
        while s is not None:
            chain.append(_plain_number(s.number))
            s = by_id.get(s.parent) if s.parent else None
        refs[sec.id] = "§" + _join_chain(chain[::-1]) if all(chain) else f"§{sec.id}"
    refs["0"] = "(preamble)"
    return refs


def _join_chain(parts: list[str]) -> str:
    out = ""
    for part in parts:  # 三 + (二) -> 三(二); 六 + 一 -> 六.一; 2 + 2.1 -> 2.1
        if out and part.startswith(out + "."):
            out = part  # decimal numbering already names its parent
            continue
        joint = "" if not out or out.endswith(")") or part.startswith("(") else "."
        out += joint + part
    return out


def _plain_number(number: str) -> str:
    n = number.strip().replace("（", "(").replace("）", ")")
    return n.rstrip("、.．").strip("#").strip()


def join_names(names: Iterable[str], limit: int = 3) -> str:
    """ "a, b and c", or "a, b, c and 4 more" past ``limit``."""
    items = list(dict.fromkeys(names))
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def join_places(hits: Sequence[H], place: Callable[[H], str], limit: int = 3) -> str:
    """``join_names`` of the hits' places, placing only the hits named: placing one
    may read a report again, and a template passage has thousands of hits."""
    if len(hits) <= limit:
        return join_names((place(h) for h in hits), limit)
    shown = list(dict.fromkeys(place(h) for h in hits[:limit]))
    return ", ".join(shown) + f" and {len(hits) - len(shown)} more"
