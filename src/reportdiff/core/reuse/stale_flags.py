"""Stale flags: each names the out-of-place reference and why it does not fit."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from ...model import Document, Flag
from .matching import SentenceIndex
from .passages import IndexedDoc
from .stale import (
    LEVEL_NAMES,
    admin_level,
    foreign_name_mentions,
    own_names,
    past_year_claims,
    places_in,
    report_years,
    wrong_level_mentions,
    years_in,
)


def stale_flags(
    new: IndexedDoc,
    old: IndexedDoc,
    carried: Sequence[Flag],
    corpus: Sequence[Document] = (),
    later: bool = True,
) -> list[Flag]:
    """One flag per sentence of ``new`` holding references that no longer fit.

    ``old`` is the other side of the comparison (its names are foreign here);
    ``carried`` are ``new``'s carried-over flags, whose years are checked against
    ``old``'s: pass none, and ``later=False``, when ``new`` is the earlier report.
    """
    reasons: dict[int, list[str]] = {}  # sentence index -> reasons
    starts = [s.start for s in new.sentences]
    for pos, reason in _references(new, old, carried, corpus, later):
        i = bisect_right(starts, pos) - 1
        if i >= 0 and reason not in reasons.setdefault(i, []):
            reasons[i].append(reason)
    flags = []
    for i, why in sorted(reasons.items()):
        s = new.sentences[i]
        text = new.doc.text[s.start : s.end]
        section = new.locate(s.start)
        flags.append(Flag("stale", new.side, s.start, s.end, text, "; ".join(why), section))
    return flags


def _references(
    new: IndexedDoc,
    old: IndexedDoc,
    carried: Sequence[Flag],
    corpus: Sequence[Document],
    later: bool,
) -> Iterator[tuple[int, str]]:
    """(offset, why) of every reference in ``new`` that does not fit it."""
    text = new.doc.text
    years = _years(old, new, later)
    new_year = years[1]
    yield from _carried_references(old, new, carried, years)
    if new_year:
        for year, start, _ in past_year_claims(text, new_year):
            yield start, f"「{year}年是…之年」 in a report for {new_year}"
    level = admin_level(new.doc.title, text)
    if level:
        for word, start, _ in wrong_level_mentions(text, level):
            yield start, f"「{word}」 in a {LEVEL_NAMES[level]} report"
    mine = own_names(new.doc.title, text)
    for name, whose, start, _ in foreign_name_mentions(text, mine, _foreign(old, new, corpus)):
        yield start, f"names 「{name}」, {whose}"


def _carried_pairs(
    old: IndexedDoc, new: IndexedDoc, carried: Sequence[Flag]
) -> Iterator[tuple[int, int]]:
    """(NEW sentence, OLD sentence) index pairs of the sentences carried over."""
    spans = [(f.start, f.end) for f in carried if f.kind == "carried_over"]
    if not spans:
        return
    index = SentenceIndex()
    index.add(old.sentences)
    for i, s in enumerate(new.sentences):
        if any(a <= s.start < b for a, b in spans):
            for hit in index.lookup(s)[:1]:
                yield i, hit.index


def _years(old: IndexedDoc, new: IndexedDoc, later: bool) -> tuple[int | None, int | None]:
    """(OLD's year, NEW's year), each read with the other (``later``: NEW is the
    later version, as in a comparison's NEW side)."""
    a, b = (old, new) if later else (new, old)
    years = report_years(a.doc.title, a.doc.text, b.doc.title, b.doc.text)
    return years if later else (years[1], years[0])


def _carried_references(
    old: IndexedDoc,
    new: IndexedDoc,
    carried: Sequence[Flag],
    years: tuple[int | None, int | None],
) -> Iterator[tuple[int, str]]:
    """What a carried-over sentence kept from OLD that no longer fits NEW: OLD's own
    year in a slot that was not moved on, or a place name put where OLD had its own."""
    old_year, new_year = years
    stale_year = old_year if old_year and new_year and old_year < new_year else None
    old_own = own_names(old.doc.title, old.doc.text)
    new_own = own_names(new.doc.title, new.doc.text)
    for i, j in _carried_pairs(old, new, carried):
        s, o = new.sentences[i], old.sentences[j]
        mine, theirs = new.doc.text[s.start : s.end], old.doc.text[o.start : o.end]
        where = f"{old.name} {old.ref(j)}"
        if stale_year:
            for year, at in _unmoved_years(mine, theirs, stale_year):
                yield (
                    s.start + at,
                    f"{year}年 unchanged from {where}; this report is for {new_year}",
                )
        swapped = places_in(mine) - places_in(theirs) - new_own
        had = sorted((places_in(theirs) - places_in(mine)) & (old_own | new_own))
        for name in sorted(swapped) if had else ():
            yield s.start + mine.index(name), f"names 「{name}」 where {where} had 「{had[0]}」"


def _unmoved_years(mine: str, theirs: str, stale_year: int) -> list[tuple[int, int]]:
    """(year, offset) of year slots still holding ``stale_year`` in both sentences. A
    fixed baseline (较2020年) or last year's figure (较2023年) is not stale."""
    a, b = years_in(mine), years_in(theirs)
    if len(a) != len(b):
        return []  # the figures do not line up one to one
    return [(y, at) for (y, at, _), (oy, _, _) in zip(a, b, strict=True) if y == oy == stale_year]


def _foreign(old: IndexedDoc, new: IndexedDoc, corpus: Sequence[Document]) -> list[tuple[str, str]]:
    """Names of the other documents' places and agencies, with whose they are."""
    mine = own_names(new.doc.title, new.doc.text)
    out: list[tuple[str, str]] = []
    for doc, label in [(old.doc, old.name), *((d, IndexedDoc.label(d)) for d in corpus)]:
        if doc.text == new.doc.text:
            continue
        theirs = own_names(doc.title, doc.text)
        if theirs and not theirs & mine:
            out.extend(
                (n, f"the name used by {label}") for n in sorted(theirs, key=len, reverse=True)
            )
    return out
