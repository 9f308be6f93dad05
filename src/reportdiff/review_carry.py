"""Review marks that follow their sections: anchors, carrying forward, and the view
every output shows of them.

An anchor records what a mark was made on: the pair's headings on each side and a
hash of the pair's own text. When one side of a reviewed pair is revised, the review
of the earlier version is found (same text on one side, same file or archive
reference on the other) and each mark and note is re-anchored to the section pair of
the new comparison that matches it — by unchanged text, else by headings, else by the
pair's place. A pair whose text differs from its anchor reads "changed since reviewed":
neither silently unmarked nor silently kept. Pure: no I/O, nothing about stores.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Comparison, Section, SectionPair

if TYPE_CHECKING:
    from .review import ReviewState

Anchor = dict[str, str]  # {"old": heading, "new": heading, "text": hash of the pair's text}
CHANGED_SINCE_REVIEWED = "changed since reviewed"


def pair_key(pair: SectionPair) -> str:
    """A section pair's key within its comparison: "OLD_ID>NEW_ID", "-" for no side."""
    return f"{pair.old or '-'}>{pair.new or '-'}"


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def heading_of(section: Section | None) -> str:
    if section is None:
        return ""
    return "(preamble)" if section.id == "0" else section.heading.strip()


def pair_anchor(c: Comparison, pair: SectionPair) -> Anchor:
    """The pair's headings and a hash of the text a reviewer sees of it (each side's
    heading and own body, subsections apart)."""
    old, new = c.section("old", pair.old), c.section("new", pair.new)
    h = hashlib.sha256()
    for doc, s in ((c.old, old), (c.new, new)):
        part = doc.text[s.start : s.body_end] if s else ""
        h.update(f"{len(part)}:{part}".encode())
    return {"old": heading_of(old), "new": heading_of(new), "text": h.hexdigest()[:32]}


def current_anchors(c: Comparison) -> dict[str, Anchor]:
    return {pair_key(p): pair_anchor(c, p) for p in c.pairs}


def find_previous(fresh: ReviewState, states: Iterable[ReviewState]) -> ReviewState | None:
    """The latest review of an earlier version of this pair: one side the same text,
    the other the same file or archive reference (a revised submission)."""

    def earlier(s: ReviewState) -> bool:
        if s.key == fresh.key or not s.pairs:
            return False
        same_old = bool(s.old_sha) and s.old_sha == fresh.old_sha
        same_new = bool(s.new_sha) and s.new_sha == fresh.new_sha
        return (same_old and s.new_path == fresh.new_path) or (
            same_new and s.old_path == fresh.old_path
        )

    return max((s for s in states if earlier(s)), key=lambda s: s.updated, default=None)


def carry_forward(c: Comparison, previous: ReviewState, fresh: ReviewState) -> ReviewState:
    """``fresh`` (the new comparison's state) given ``previous``'s marks and notes, each
    on the pair that matches the one it was made on, with the anchor it was made on.
    A mark that matches no pair keeps its old key, so it is listed, not lost."""
    now = current_anchors(c)
    for key, review in sorted(previous.pairs.items()):
        then = previous.anchors.get(key)
        target = _place(key, then, now, taken=fresh.pairs) or key
        if target not in fresh.pairs:
            fresh.carry(target, review, then)
    fresh.updated = previous.updated
    return fresh


def _place(
    key: str, then: Anchor | None, now: dict[str, Anchor], taken: Iterable[str]
) -> str | None:
    """The key of the new pair a mark made on ``then`` belongs to, if any is free."""
    free = {k: a for k, a in now.items() if k not in set(taken)}
    if then is None:
        return key if key in free else None
    tests = (
        lambda a: a["text"] == then["text"],
        lambda a: (a["old"], a["new"]) == (then["old"], then["new"]),
        lambda a: bool(then["new"]) and a["new"] == then["new"],
        lambda a: bool(then["old"]) and a["old"] == then["old"],
    )
    for test in tests:
        hits = [k for k, a in free.items() if test(a)]
        if len(hits) == 1 or (hits and key in hits):
            return key if key in hits else hits[0]
    return None


@dataclass(frozen=True)
class ReviewEntry:
    """One mark or note as every output shows it."""

    key: str
    pair: int | None  # its pair's index in the comparison; None when it matches none
    heading: str
    reviewed: bool
    note: str
    changed: bool  # the pair's text changed since it was marked

    @property
    def status(self) -> str:
        words = ["reviewed" if self.reviewed else "noted"]
        if self.changed:
            words.append(CHANGED_SINCE_REVIEWED)
        if self.pair is None:
            words.append("its section is gone")
        return ", ".join(words)


def review_entries(c: Comparison, state: ReviewState) -> list[ReviewEntry]:
    """The state's marks and notes in the comparison's pair order; unplaced ones last."""
    index = {pair_key(p): i for i, p in enumerate(c.pairs)}
    now = current_anchors(c)
    out = []
    for key, review in state.pairs.items():
        then = state.anchors.get(key)
        here = now.get(key)
        shown = here or then or {"old": "", "new": ""}
        out.append(
            ReviewEntry(
                key=key,
                pair=index.get(key),
                heading=shown["new"] or shown["old"],
                reviewed=review.reviewed,
                note=review.note,
                changed=bool(then and here and then["text"] != here["text"]),
            )
        )
    return sorted(out, key=lambda e: (e.pair is None, e.pair or 0, e.key))
