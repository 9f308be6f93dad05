"""Finding a document's sentences in other documents, and merging hits into passages.

Candidates first, then exact verification (the datasketch habit): a sentence is
looked up by its key (exact copies, figures masked) and, failing that, through the
buckets of its bottom-k MinHash sketch; every bucket candidate is verified with a
rapidfuzz ratio on the keys, and its edits must be short, before it counts as a near
copy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import PurePath
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ...model import Document, Section, Side
from ..sections.segment import segment_document
from .places import section_locator, section_refs
from .shingles import (
    SENTENCE_WEIGHT,
    Sentence,
    bands,
    key_offsets,
    keyed_sentences,
)

NEAR_SIMILARITY = 90.0  # rapidfuzz ratio (0..100) of two keys for a near copy
# ... and no edit in it longer than this: a word changed is a near copy, a clause
# added is new writing
MAX_EDIT_RUN = 4
_BUCKET_CAP = 64  # candidates examined per sketch bucket: bounds cost on huge corpora
_EVIDENCE_CAP = 16  # places kept per sentence: evidence names a few, then "and N more"


class Hit:
    """Sentence ``index`` of indexed document ``doc`` matches, with a 0..1 score."""

    __slots__ = ("doc", "index", "lead", "score", "trail")

    def __init__(self, doc: int, index: int, score: float, lead: int = 0, trail: int = 0) -> None:
        self.doc = doc
        self.index = index
        self.score = score
        self.lead = lead  # key characters at the start of the query that the match lacks
        self.trail = trail  # ... and at its end (a clause added before or after a copy)


class SentenceIndex:
    """Sentences of many documents, looked up by exact key and by sketch."""

    def __init__(
        self, near_similarity: float = NEAR_SIMILARITY, max_edit_run: int | None = MAX_EDIT_RUN
    ) -> None:
        self.near_similarity = near_similarity
        self.max_edit_run = max_edit_run
        self.docs: list[Sequence[Sentence]] = []
        self._exact: dict[str, list[tuple[int, int]]] = {}
        self._buckets: dict[int, list[tuple[int, int]]] = {}
        # the hits of each exact key, made once: a sentence repeated n times asks n times
        self._exact_hits: dict[str, list[Hit]] = {}

    def add(self, sentences: Sequence[Sentence]) -> int:
        """Index a document's matchable sentences; returns its number."""
        doc = len(self.docs)
        self.docs.append(sentences)
        self._exact_hits.clear()
        for i, s in enumerate(sentences):
            if not s.matchable:
                continue
            self._exact.setdefault(s.key, []).append((doc, i))
            if s.weight < SENTENCE_WEIGHT:
                continue
            for band in bands(s.key):
                self._buckets.setdefault(band, []).append((doc, i))
        return doc

    def lookup(self, sentence: Sentence, skip: tuple[int, int] | None = None) -> list[Hit]:
        """Every indexed document's best match for ``sentence`` (none for short ones)."""
        if not sentence.matchable:
            return []
        best: dict[int, Hit] = {}
        for doc, i in self._exact.get(sentence.key, ()):
            if (doc, i) != skip and doc not in best:
                best[doc] = Hit(doc, i, 1.0)
        if sentence.weight < SENTENCE_WEIGHT:
            return sorted(best.values(), key=lambda h: (h.doc, h.index))
        for doc, i in self._near_candidates(sentence.key):
            if (doc, i) == skip or (doc in best and best[doc].score == 1.0):
                continue
            score, lead, trail = near_copy(
                sentence.key, self.docs[doc][i].key, self.near_similarity, self.max_edit_run
            )
            if score and (doc not in best or score / 100 > best[doc].score):
                best[doc] = Hit(doc, i, score / 100, lead, trail)
        hits = list(best.values())  # of one document (a pair's own index): nothing to order
        return hits if len(hits) < 2 else sorted(hits, key=lambda h: (h.doc, h.index))

    def all_hits(self, sentence: Sentence, skip: tuple[int, int] | None = None) -> list[Hit]:
        """Every exact copy of ``sentence`` (several per document), for repeats."""
        if not sentence.matchable:
            return []
        found = self._exact_hits.get(sentence.key)
        if found is None:
            places = self._exact.get(sentence.key, ())[: _EVIDENCE_CAP + 1]
            found = self._exact_hits[sentence.key] = [Hit(d, i, 1.0) for d, i in places]
        return [h for h in found if (h.doc, h.index) != skip][:_EVIDENCE_CAP]

    def _near_candidates(self, key: str) -> set[tuple[int, int]]:
        found: set[tuple[int, int]] = set()
        for band in bands(key):
            found.update(self._buckets.get(band, ())[:_BUCKET_CAP])
        return found


def near_copy(
    a: str, b: str, similarity: float = NEAR_SIMILARITY, max_edit_run: int | None = MAX_EDIT_RUN
) -> tuple[float, int, int]:
    """How far ``a`` is a near copy of ``b``: (rapidfuzz ratio 0..100, or 0 when it is
    not one; key characters added at the start of ``a``; at its end).

    A clause added or dropped at either end is allowed (the copy is the rest); inside,
    no edit may be longer than ``max_edit_run`` characters (None: any length).
    """
    score = fuzz.ratio(a, b, score_cutoff=similarity)
    if not score or max_edit_run is None:
        return score, 0, 0
    ops = [op for op in Indel.opcodes(a, b) if op.tag != "equal"]
    lead = trail = 0
    if ops and ops[0].src_start == 0 and ops[0].dest_start == 0:
        lead = ops[0].src_end
        ops = ops[1:]
    if ops and ops[-1].src_end == len(a) and ops[-1].dest_end == len(b):
        trail = len(a) - ops[-1].src_start
        ops = ops[:-1]
    for op in ops:
        if max(op.src_end - op.src_start, op.dest_end - op.dest_start) > max_edit_run:
            return 0.0, 0, 0
    return score, lead, trail


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


def merge_passages(
    sentences: Sequence[Sentence],
    hits: Sequence[Sequence[Hit]],
    section_of: Callable[[int], str],
    headings: frozenset[int] = frozenset(),
    trim: Callable[[Sentence, int, int], tuple[int, int]] | None = None,
) -> list[Passage]:
    """Merge consecutive sentences with hits into maximal passages.

    A run continues across short unmatchable sentences (a list label, a figure in a
    table cell) but not across a matchable sentence without hits, nor across a
    section boundary, so that each passage belongs to one section. Headings (whose
    starts are ``headings``) and runs without one full sentence (table labels) are
    left out: they repeat by design. A sentence that matches only without a clause at
    its start or end (``Hit.lead``/``trail``) is cut by ``trim`` to the part that
    matches, and the clause breaks the run.
    """
    passages: list[Passage] = []
    current: Passage | None = None
    for s, found in zip(sentences, hits, strict=True):
        if s.start in headings:
            # Headings repeat by design: they neither start nor join a passage, so a
            # passage's evidence names only documents that hold its own sentences.
            current = None
            continue
        if not found:
            if s.matchable:
                current = None
            continue
        section = section_of(s.start)
        score = max(h.score for h in found)
        qualifies = s.substantial
        lead, trail = min(h.lead for h in found), min(h.trail for h in found)
        start, end = trim(s, lead, trail) if trim and (lead or trail) else (s.start, s.end)
        if start != s.start:
            current = None
        if current is not None and current.section == section:
            current.end = end
            if len(current.evidence) < 4 * _EVIDENCE_CAP:
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

    def passages(self, hits: Sequence[Sequence[Hit]]) -> list[Passage]:
        """This document's sentences with ``hits`` merged into passages."""
        return merge_passages(self.sentences, hits, self.locate, self.headings, self._trim)

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
