"""Merging the sentences a lookup found (``matching``) into passages: runs of one
section, bridged across short pieces only where these are shown to match too."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cached_property, partial
from pathlib import PurePath
from typing import Protocol

from ...model import Document, Section, Side
from ..sections.segment import segment_document
from ..text.nfkc import nfkc
from ..text.tokens import FIGURE_RE
from .matching import EVIDENCE_CAP, Hit, SentenceIndex
from .places import section_locator, section_refs
from .shingles import MASK, Sentence, key_offsets, keyed_sentences, numbering_end

_FIGURE_DIGITS = re.compile(r"[^\d.%]")  # a figure compared by its digits: 1,234 is 1234
# A list label alone on its line, as PDF tables print it ("1." "2)" "①"): numbering,
# though core/text/numbering reads none where no text follows it.
_BARE_LABEL = re.compile(r"\d{1,3}[.．)）]|[\u2460-\u2473]")
_LABEL_ENDS = frozenset(".．)）" + "".join(map(chr, range(0x2460, 0x2474))))


def figure_values(text: str) -> tuple[str, ...]:
    """The figures of ``text`` by value as written: 1,234.50, 1234.5 and their full
    width forms alike. List numbering at its start is none: the key leaves it out too."""
    if FIGURE_RE.search(text) is None:  # most sentences of a statute, say: spare the rest
        return ()
    plain = nfkc(text)
    found = FIGURE_RE.finditer(plain, numbering_end(plain))
    return tuple(_as_written(_FIGURE_DIGITS.sub("", m.group())) for m in found)


def _as_written(value: str) -> str:
    """A figure's digits without the zeros that end its decimals: 20.00 is 20, 1.50% 1.5%."""
    if "." not in value:
        return value
    number, percent = (value[:-1], "%") if value.endswith("%") else (value, "")
    return number.rstrip("0").rstrip(".") + percent


class Passage:
    """A maximal run of flagged sentences inside one section, with their evidence."""

    __slots__ = ("end", "evidence", "score", "section", "start", "substantial")

    def __init__(
        self,
        start: int,
        end: int,
        section: str,
        evidence: list[Hit],
        score: float,
        substantial: bool,
    ) -> None:
        self.start = start
        self.end = end
        self.section = section
        self.evidence = evidence
        self.score = score  # the weakest sentence match in the run
        self.substantial = (
            substantial  # holds a sentence long enough to be flagged (not only headings)
        )


# Bridges = f(unmatched pieces, hits of the sentence before them, hits of the one after).
Bridges = Callable[[Sequence[int], Sequence[Hit], Sequence[Hit]], bool]


def merge_passages(
    sentences: Sequence[Sentence],
    hits: Sequence[Sequence[Hit]],
    section_of: Callable[[int], str],
    headings: frozenset[int] = frozenset(),
    trim: Callable[[Sentence, int, int], tuple[int, int]] | None = None,
    bridges: Bridges | None = None,
) -> list[Passage]:
    """Merge consecutive sentences with hits into maximal passages.

    A run continues across short unmatchable sentences (a list label, a table cell)
    where ``bridges`` allows it (None: always), but not across a matchable sentence
    without hits, nor across a section boundary, so that each passage belongs to one
    section. Headings (whose starts are ``headings``) and runs without one full
    sentence (table labels) are left out: they repeat by design. A sentence that
    matches only without a clause at its start or end (``Hit.lead``/``trail``) is cut
    by ``trim`` to the part that matches, and the clause breaks the run.
    """
    passages: list[Passage] = []
    current: Passage | None = None
    gap: list[int] = []  # the unmatchable pieces since the current run's last sentence
    last: Sequence[Hit] = ()  # that sentence's hits
    for i, (s, found) in enumerate(zip(sentences, hits, strict=True)):
        if s.start in headings:
            # Headings repeat by design: they neither start nor join a passage, so a
            # passage's evidence names only documents that hold its own sentences.
            current = None
            continue
        if not found:
            if s.matchable:
                current = None
            elif current is not None:
                gap.append(i)
            continue
        section = section_of(s.start)
        score = max(h.score for h in found)
        qualifies = s.substantial
        lead, trail = min(h.lead for h in found), min(h.trail for h in found)
        start, end = trim(s, lead, trail) if trim and (lead or trail) else (s.start, s.end)
        bridged = not gap or bridges is None or bridges(gap, last, found)
        gap, last = [], found
        if start != s.start:
            current = None
        if current is not None and current.section == section and bridged:
            current.end = end
            if len(current.evidence) < 4 * EVIDENCE_CAP:
                current.evidence.extend(found)
            current.score = min(current.score, score)
            current.substantial = current.substantial or qualifies
            continue
        current = Passage(start, end, section, list(found), score, qualifies)
        passages.append(current)
        if end != s.end:
            current = None
    return [p for p in passages if p.substantial]


def _word_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """[start, end) widened to no word and narrowed to whole words: a cut made in
    key characters (where spaces are gone) can fall inside a Latin word — the match
    of "although our …" with "our …" may start at "ough" — so a start inside a word
    moves to the next word, an end inside one back to the word before. CJK text has
    no word boundaries and is cut where it is."""
    if lo < start < hi and _in_word(text, start):
        while start < end and _is_letter(text[start]):
            start += 1
        while start < end and not _is_letter(text[start]):
            start += 1
    if lo < end < hi and _in_word(text, end):
        while end > start and _is_letter(text[end - 1]):
            end -= 1
        while end > start and not _is_letter(text[end - 1]) and text[end - 1] not in ".!?;":
            end -= 1
    return start, end


def _in_word(text: str, at: int) -> bool:
    return _is_letter(text[at - 1]) and _is_letter(text[at])


def _is_letter(ch: str) -> bool:
    """A letter or digit of an alphabetic script (not a CJK character)."""
    return ch.isalnum() and ord(ch) < 0x2E80


class IndexedDoc:
    """A document with its outline and sentences: what reuse detection needs of it."""

    def __init__(
        self,
        doc: Document,
        sections: tuple[Section, ...],
        sentences: tuple[Sentence, ...],
        side: Side = "new",
    ) -> None:
        self.doc = doc
        self.sections = sections
        self.sentences = sentences
        self.side = side  # which side of a comparison it is, for the flags on it

    @classmethod
    def of(
        cls, doc: Document, sections: Sequence[Section] | None = None, side: Side = "new"
    ) -> IndexedDoc:
        secs = tuple(sections) if sections is not None else segment_document(doc)
        return cls(doc, secs, keyed_sentences(doc.text), side)

    @property
    def name(self) -> str:
        return self.label(self.doc)

    @staticmethod
    def label(doc: Document) -> str:
        """How evidence names a document: its file name."""
        return PurePath(doc.path).name or doc.title

    @cached_property
    def locate(self) -> Callable[[int], str]:
        """Offset -> id of the deepest section holding it."""
        return section_locator(self.sections)

    @cached_property
    def headings(self) -> frozenset[int]:
        """Starts of the sentences that are a whole heading line, nothing more (a
        wrapped PDF line taken for a heading continues past it and is prose)."""
        lines = {s.start: s.body_start for s in self.sections if s.id != "0"}
        return frozenset(
            s.start for s in self.sentences if s.start in lines and s.end <= lines[s.start]
        )

    def passages(
        self, hits: Sequence[Sequence[Hit]], against: IndexedDoc | None = None
    ) -> list[Passage]:
        """This document's sentences with ``hits`` (sentences of ``against``, when
        they are of one document) merged into passages; see ``bridges``."""
        bridges = partial(self.bridges, against)
        return merge_passages(self.sentences, hits, self.locate, self.headings, self._trim, bridges)

    def bridges(
        self,
        against: IndexedDoc | None,
        gap: Sequence[int],
        before: Sequence[Hit],
        after: Sequence[Hit],
    ) -> bool:
        """Whether a passage runs on across the unmatched short pieces ``gap`` (table
        cells, short lines) between a sentence matching ``before`` and one matching
        ``after``. Only what is shown to match may be inside a passage: each piece must
        stand in ``against`` beside the match of its neighbour, key for key and figure
        for figure — the first pieces right after the sentence ``before`` matched, the
        rest right before the one ``after`` matched. Where there is no such document
        to read (a corpus), pieces without figures may be bridged, a figure never. List
        labels are passed over: a list renumbered is still the list."""
        if against is None:
            return not any(self.figures(i) for i in gap if not self.is_label(i))
        head = max((self._run_along(gap, against, h.index, 1) for h in before), default=0)
        if head == len(gap):
            return True
        rest = gap[head:][::-1]
        return any(self._run_along(rest, against, h.index, -1) == len(rest) for h in after)

    def _run_along(self, pieces: Sequence[int], other: IndexedDoc, at: int, step: int) -> int:
        """How many of ``pieces``, in order, are (key for key, figure for figure) the
        sentences of ``other`` that follow sentence ``at`` in direction ``step``; list
        labels on either side are passed over."""
        j = at + step
        for done, i in enumerate(pieces):
            if self.is_label(i):
                continue
            while 0 <= j < len(other.sentences) and other.is_label(j):
                j += step
            if not 0 <= j < len(other.sentences):
                return done
            if self.sentences[i].key != other.sentences[j].key:
                return done
            if self.figures(i) != other.figures(j):
                return done
            j += step
        return len(pieces)

    def is_label(self, i: int) -> bool:
        """Sentence ``i`` is a list label alone ("1." "①")."""
        s = self.sentences[i]  # a label's key is one masked figure, and it ends in . ) or ①
        return (
            s.key == MASK
            and self.doc.text[s.end - 1] in _LABEL_ENDS
            and _BARE_LABEL.fullmatch(self.doc.text, s.start, s.end) is not None
        )

    def figures(self, i: int) -> tuple[str, ...]:
        """``figure_values`` of sentence ``i``, read once."""
        found = self._figures.get(i)
        if found is None:
            s = self.sentences[i]
            found = self._figures[i] = figure_values(self.doc.text[s.start : s.end])
        return found

    @cached_property
    def _figures(self) -> dict[int, tuple[str, ...]]:
        return {}

    def trimmed(self, s: Sentence, lead: int, trail: int) -> tuple[int, int]:
        """Where sentence ``s`` stands without ``lead`` and ``trail`` key characters."""
        return self._trim(s, lead, trail) if lead or trail else (s.start, s.end)

    def _trim(self, s: Sentence, lead: int, trail: int) -> tuple[int, int]:
        """The part of sentence ``s`` left when ``lead`` and ``trail`` key characters
        are cut off, as offsets into the text."""
        offsets = key_offsets(self.doc.text[s.start : s.end])
        if len(offsets) != len(s.key) or lead + trail >= len(offsets):
            return s.start, s.end
        start = s.start + offsets[lead] if lead else s.start
        end = s.start + offsets[len(offsets) - 1 - trail] + 1 if trail else s.end
        return _word_bounds(self.doc.text, start, end, s.start, s.end)

    @cached_property
    def refs(self) -> dict[str, str]:
        """Section id -> how a reviewer cites it ("§三(二)")."""
        return section_refs(self.sections)

    def ref(self, index: int) -> str:
        """Where sentence ``index`` stands, as a section reference."""
        return self.refs[self.locate(self.sentences[index].start)]


class CorpusLookup(Protocol):
    """Other reports that a report's sentences are looked up in (``--corpus``)."""

    @property
    def size(self) -> int: ...

    def lookup(self, sentence: Sentence) -> list[Hit]:
        """Each corpus document's best match for ``sentence``."""
        ...

    def place(self, hit: Hit) -> str:
        """Where a hit stands, as evidence names it ("a.txt §二")."""
        ...


class DocumentsLookup:
    """A corpus read into memory: its documents' sentences in a ``SentenceIndex``."""

    def __init__(self, docs: Sequence[IndexedDoc]) -> None:
        self.docs = list(docs)
        self.index = SentenceIndex()
        for d in self.docs:
            self.index.add(d.sentences)

    @property
    def size(self) -> int:
        return len(self.docs)

    def lookup(self, sentence: Sentence) -> list[Hit]:
        return self.index.lookup(sentence)

    def place(self, hit: Hit) -> str:
        doc = self.docs[hit.doc]
        return f"{doc.name} {doc.ref(hit.index)}"
