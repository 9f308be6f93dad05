"""A corpus index as the reference corpus of a comparison (``compare --corpus FILE``):
NEW's sentences looked up by exact key, then through their sketch's buckets, each
candidate verified as a near copy, just as a corpus read into memory is searched."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.reuse import SENTENCE_WEIGHT, Hit, Sentence, band_keys, near_copy, sketch
from .store import CorpusIndex

_BUCKET_CAP = 64  # candidate units per bucket, as in the in-memory search
# Documents taken as evidence per sentence: a passage in more reports than this is
# counted as in this many (the template share of a national index saturates here).
DOCS_PER_SENTENCE = 2000


class IndexLookup:
    def __init__(self, index: CorpusIndex, exclude: Iterable[str] = ()) -> None:
        self.index = index
        docs = index.documents()
        left_out = set(exclude)
        self.names = {d.id: d.name for d in docs if d.path not in left_out}
        self._size = len(self.names)

    @property
    def size(self) -> int:
        return self._size

    def place(self, hit: Hit) -> str:
        return self.names[hit.doc]

    def lookup(self, sentence: Sentence) -> list[Hit]:
        if not sentence.matchable:
            return []
        best: dict[int, Hit] = {}
        exact = self.index.unit_of(sentence.key)
        if exact is not None:
            self._add(best, exact, 1.0, 0, 0)
        if sentence.weight >= SENTENCE_WEIGHT:
            for unit, key in self.index.bucket_units(band_keys(sketch(sentence.key)), _BUCKET_CAP):
                if unit == exact:
                    continue
                score, lead, trail = near_copy(sentence.key, key)
                if score:
                    self._add(best, unit, score / 100, lead, trail)
        return sorted(best.values(), key=lambda h: (h.doc, h.index))

    def _add(self, best: dict[int, Hit], unit: int, score: float, lead: int, trail: int) -> None:
        for doc, seq in self.index.holders(unit, DOCS_PER_SENTENCE):
            if doc in self.names and (doc not in best or score > best[doc].score):
                best[doc] = Hit(doc, seq, score, lead, trail)
