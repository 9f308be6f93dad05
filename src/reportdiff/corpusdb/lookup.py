"""A corpus index as the reference corpus of a comparison (``compare --corpus FILE``):
NEW's sentences looked up by exact key, then through their sketch's buckets, each
candidate verified as a near copy, just as a corpus read into memory is searched.
Evidence names the indexed report and the section the passage stands in there,
found by reading that report again (only the reports evidence names)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from ..core.reuse import (
    SENTENCE_WEIGHT,
    Hit,
    Sentence,
    band_keys,
    near_copy,
    section_locator,
    section_refs,
    sketch,
)
from ..core.sections import segment_document
from ..model import Document
from .store import CorpusIndex, display_names

_BUCKET_CAP = 64  # candidate units per bucket, as in the in-memory search
# Documents taken as evidence per sentence: a passage in more reports than this is
# counted as in this many (the template share of a national index saturates here).
DOCS_PER_SENTENCE = 2000
_OUTLINES_KEPT = 256  # reports whose outline is kept between evidence lines

# Reads an indexed report again, given its path and the (size, mtime_ns) it had when
# indexed; None when it is gone or changed since (its offsets no longer hold).
Reread = Callable[[str, tuple[int, int]], Document | None]
_Outline = tuple[Callable[[int], str], dict[str, str]]


class IndexLookup:
    def __init__(
        self, index: CorpusIndex, exclude: Iterable[str] = (), reread: Reread | None = None
    ) -> None:
        self.index = index
        docs = index.documents()
        left_out = set(exclude)
        shown = display_names(docs)
        self.names = {d.id: n for d, n in zip(docs, shown, strict=True) if d.path not in left_out}
        self.paths = {d.id: d.path for d in docs if d.id in self.names}
        self._size = len(self.names)
        self._reread = reread
        self._outlines: OrderedDict[int, _Outline | None] = OrderedDict()

    @property
    def size(self) -> int:
        return self._size

    def place(self, hit: Hit) -> str:
        """The report's name and the section the hit stands in ("2023/a.txt §二"); the
        name alone when the report cannot be read as it was indexed."""
        name = self.names[hit.doc]
        outline = self._outline(hit.doc)
        start = self.index.sentence_start(hit.doc, hit.index) if outline else None
        if outline is None or start is None:
            return name
        locate, refs = outline
        return f"{name} {refs[locate(start)]}"

    def _outline(self, doc: int) -> _Outline | None:
        if doc in self._outlines:
            self._outlines.move_to_end(doc)
            return self._outlines[doc]
        stamp = self.index.stamp(doc)
        read = self._reread(self.paths[doc], stamp) if self._reread and stamp else None
        sections = segment_document(read) if read is not None else None
        outline = (section_locator(sections), section_refs(sections)) if sections else None
        self._outlines[doc] = outline
        if len(self._outlines) > _OUTLINES_KEPT:
            self._outlines.popitem(last=False)
        return outline

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
