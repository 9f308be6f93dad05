"""Finding a document's sentences in other documents.

Candidates first, then exact verification (the datasketch habit): a sentence is
looked up by its key (exact copies, figures masked) and, failing that, through the
buckets of its bottom-k MinHash sketch; every bucket candidate is verified with a
rapidfuzz ratio on the keys, and its edits must be short, before it counts as a near
copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Opcodes

from .shingles import SENTENCE_WEIGHT, Sentence, bands

NEAR_SIMILARITY = 90.0  # rapidfuzz ratio (0..100) of two keys for a near copy
# ... and no edit in it longer than this: a word changed is a near copy, a clause
# added is new writing
MAX_EDIT_RUN = 4
_BUCKET_CAP = 64  # candidates examined per sketch bucket: bounds cost on huge corpora
EVIDENCE_CAP = 16  # places kept per sentence: evidence names a few, then "and N more"


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
            places = self._exact.get(sentence.key, ())[: EVIDENCE_CAP + 1]
            found = self._exact_hits[sentence.key] = [Hit(d, i, 1.0) for d, i in places]
        return [h for h in found if (h.doc, h.index) != skip][:EVIDENCE_CAP]

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
    no edit may be longer than ``max_edit_run`` characters (None: any length; 0: the
    same text but for the clauses, see ``_one_core``).
    """
    score = fuzz.ratio(a, b, score_cutoff=similarity)
    if not score or max_edit_run is None:
        return score, 0, 0
    opcodes = Indel.opcodes(a, b)
    if max_edit_run == 0:
        ends = _one_core(a, b, opcodes)
        return (score, *ends) if ends else (0.0, 0, 0)
    ops = [op for op in opcodes if op.tag != "equal"]
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


def _one_core(a: str, b: str, opcodes: Opcodes) -> tuple[int, int] | None:
    """(lead, trail) when ``a`` and ``b`` are one text with, at each end, a clause on
    one side only; else None. An alignment may pair a letter of an added clause with
    the copy ("although our" with "our": "alth", "ou" kept, "ghou"), so the longest
    block kept in common is widened while both sides agree before reading the ends."""
    kept = [op for op in opcodes if op.tag == "equal"]
    if not kept:
        return None
    core = max(kept, key=lambda op: op.src_end - op.src_start)
    i, j, k, m = core.src_start, core.dest_start, core.src_end, core.dest_end
    while i and j and a[i - 1] == b[j - 1]:
        i, j = i - 1, j - 1
    while k < len(a) and m < len(b) and a[k] == b[m]:
        k, m = k + 1, m + 1
    if (i and j) or (k < len(a) and m < len(b)):
        return None  # something added on both sides at one end: an edit, not a clause
    return i, len(a) - k
