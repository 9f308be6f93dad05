"""Place each section of a report in its genre's standard outline (``genres.py``).

A section's slot comes from its title: the slot whose title word the title contains
is the longest ("一般公共预算支出情况" → expenditure, "基本支出情况" → the narrower
basic_expenditure); of two as long, the one nearer the end, where a Chinese heading
names its subject ("绩效自评结果…公开情况" is about publication). A title that names
no slot is read from the start of the section's own text, where a long title word
must stand. A genre applies to a comparison when both reports fill at least its
``min_slots`` slots; then a pair in the same slot has outline evidence, and a pair in
two different slots evidence against.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from ...model import Document, Section
from ..text.nfkc import nfkc
from .genres import GENRES

_PUNCT_SPACE = re.compile(r"[\s\W_]+")
_OPENING = 60  # characters of a section's own text read when its title names no slot
_BODY_WORD_MIN = 4  # a slot word found in the text must be this long to count
_Places = dict[str, list[tuple[int, str]]]  # a slot word -> its (index, slot) pairs


class Genre(NamedTuple):
    """A kind of report with a standard outline: its slots and the words that name them."""

    id: str
    name: str
    min_slots: int
    words: tuple[tuple[str, str], ...]  # (word, slot), longest word first


@lru_cache(maxsize=1 << 14)  # each section's title and opening is asked once per genre
def squash(text: str) -> str:
    """Text as slot words are written: NFKC, lower case, no spaces or punctuation."""
    return _PUNCT_SPACE.sub("", nfkc(text)).lower()


@cache
def genres() -> tuple[Genre, ...]:
    out = []
    for g in GENRES:
        words = [(squash(w), slot) for slot, ws in g["slots"].items() for w in ws]
        words.sort(key=lambda ws: -len(ws[0]))
        out.append(Genre(g["id"], g["name"], g["min_slots"], tuple(words)))
    return tuple(out)


# a genre's word finder, remembered by the identity of its word list (kept in the entry,
# so that identity stays its own)
_FINDERS: dict[int, tuple[tuple[tuple[str, str], ...], re.Pattern[str], _Places]] = {}


def _finder(genre: Genre) -> tuple[re.Pattern[str], _Places]:
    """A pattern that finds, at each place of a text, the longest slot word there (the
    alternatives are tried longest first); and each word's (index, slot) pairs. The
    words that matter in ``slot_of`` are always among those it finds."""
    entry = _FINDERS.get(id(genre.words))
    if entry is None or entry[0] is not genre.words:
        places: _Places = {}
        for i, (word, slot) in enumerate(genre.words):
            places.setdefault(word, []).append((i, slot))
        pattern = re.compile("(?=(" + "|".join(map(re.escape, places)) + "))")
        entry = _FINDERS[id(genre.words)] = (genre.words, pattern, places)
    return entry[1], entry[2]


def slot_of(genre: Genre, title: str, opening: str = "") -> str | None:
    """The slot a section with this title (and this start of text) belongs to."""
    # One scan for the words in a title instead of a test of every word of the genre:
    # the longest word wins, and the longest are the ones the scan finds.
    finder, places = _finder(genre)
    key = squash(title)
    found = set(finder.findall(key))
    if found:
        return max((len(w), key.rfind(w) + len(w), slot) for w in found for _, slot in places[w])[2]
    # the first word of the genre's list (the longest) that the opening holds
    start = squash(opening)[:_OPENING]
    long_words = [places[w][0] for w in set(finder.findall(start)) if len(w) >= _BODY_WORD_MIN]
    return min(long_words)[1] if long_words else None


def outline_slots(
    old: Document,
    old_sections: Sequence[Section],
    new: Document,
    new_sections: Sequence[Section],
) -> tuple[list[str | None], list[str | None]] | None:
    """Each section's slot on both sides, in the genre both reports fill the most
    slots of; None when no genre fits both."""
    best: tuple[int, list[str | None], list[str | None]] | None = None
    for genre in genres():
        a = _slots(genre, old, old_sections)
        b = _slots(genre, new, new_sections)
        filled = min(len(set(a) - {None}), len(set(b) - {None}))
        if filled >= genre.min_slots and (best is None or filled > best[0]):
            best = (filled, a, b)
    return None if best is None else (best[1], best[2])


def _slots(genre: Genre, doc: Document, sections: Sequence[Section]) -> list[str | None]:
    return [
        None
        if s.id == "0"
        else slot_of(genre, s.title, doc.text[s.body_start : s.body_start + 2 * _OPENING])
        for s in sections
    ]
