"""Stale flags: each names the out-of-place reference and why it does not fit."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..model import Document, Flag
from .reuse import IndexedDoc, SentenceIndex
from .stale import (
    LEVEL_NAMES,
    admin_level,
    foreign_name_mentions,
    own_names,
    past_year_claims,
    report_year,
    wrong_level_mentions,
    years_in,
)


def stale_flags(
    new: IndexedDoc, old: IndexedDoc, carried: Sequence[Flag], corpus: Sequence[Document] = ()
) -> list[Flag]:
    """One flag per sentence of ``new`` holding references that no longer fit.

    ``old`` is the other side of the comparison (its names are foreign here);
    ``carried`` are ``new``'s carried-over flags, whose years are checked against
    ``old``'s: pass none when ``new`` is the earlier report.
    """
    reasons: dict[int, list[str]] = {}  # sentence index -> reasons
    starts = [s.start for s in new.sentences]

    def note(pos: int, reason: str) -> None:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and reason not in reasons.setdefault(i, []):
            reasons[i].append(reason)

    new_year = report_year(new.doc.title, new.doc.text)
    if new_year:
        for pos, reason in _carried_years(old, new, carried, new_year):
            note(pos, reason)
        for year, start, _ in past_year_claims(new.doc.text, new_year):
            note(start, f"「{year}年是…之年」 in a report for {new_year}")
    level = admin_level(new.doc.title, new.doc.text)
    if level:
        for word, start, _ in wrong_level_mentions(new.doc.text, level):
            note(start, f"「{word}」 in a {LEVEL_NAMES[level]} report")
    for name, whose, start, _ in foreign_name_mentions(
        new.doc.text, own_names(new.doc.title, new.doc.text), _foreign(old, new, corpus)
    ):
        note(start, f"names 「{name}」, {whose}")
    flags = []
    for i, why in sorted(reasons.items()):
        s = new.sentences[i]
        flags.append(
            Flag(
                "stale",
                new.side,
                s.start,
                s.end,
                new.doc.text[s.start : s.end],
                "; ".join(why),
                section=new.locate(s.start),
            )
        )
    return flags


def _carried_years(
    old: IndexedDoc, new: IndexedDoc, carried: Sequence[Flag], new_year: int
) -> list[tuple[int, str]]:
    """Years of OLD's report left unchanged in sentences carried over into NEW."""
    old_year = report_year(old.doc.title, old.doc.text)
    if not old_year or old_year >= new_year or not carried:
        return []
    index = SentenceIndex()
    index.add(old.sentences)
    spans = [(f.start, f.end) for f in carried if f.kind == "carried_over"]
    found = []
    for s in new.sentences:
        if not any(a <= s.start < b for a, b in spans):
            continue
        mine = years_in(new.doc.text[s.start : s.end])
        if not any(y == old_year for y, _, _ in mine):
            continue
        for hit in index.lookup(s)[:1]:
            o = old.sentences[hit.index]
            theirs = years_in(old.doc.text[o.start : o.end])
            if len(theirs) != len(mine):
                continue  # the figures do not line up one to one
            # A year slot still holding OLD's own year was not moved on; a fixed
            # baseline (较2020年) or last year's figure (较2023年) is not stale.
            for (y, a, _), (oy, _, _) in zip(mine, theirs, strict=True):
                if y == oy == old_year:
                    where = old.ref(hit.index)
                    reason = (
                        f"{y}年 unchanged from {old.name} {where}; this report is for {new_year}"
                    )
                    found.append((s.start + a, reason))
    return found


def _foreign(old: IndexedDoc, new: IndexedDoc, corpus: Sequence[Document]) -> list[tuple[str, str]]:
    """Names of the other documents' places and agencies, with whose they are."""
    mine = own_names(new.doc.title, new.doc.text)
    out = []
    for doc, label in [(old.doc, old.name), *((d, IndexedDoc.label(d)) for d in corpus)]:
        if doc.text == new.doc.text:
            continue
        theirs = own_names(doc.title, doc.text)
        if theirs and not theirs & mine:
            out.extend(
                (n, f"the name used by {label}") for n in sorted(theirs, key=len, reverse=True)
            )
    return out
