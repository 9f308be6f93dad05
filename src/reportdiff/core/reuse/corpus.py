"""Shared passages across a corpus: the pure parts of `reportdiff scan`.

Each document is reduced to a ``DocSketch`` (its sentences' keys, offsets and bottom-k
MinHash bands), cheap to compute in parallel and to keep in an on-disk index. The
clustering that runs over the index (``reportdiff.corpusdb``) is built from the pieces
here:

1. sentences with equal keys (figures masked) are one unit;
2. units whose sketches share a bucket (two of their smallest hashes) are
   candidates, each verified with a rapidfuzz ratio against at most a few
   representatives of the bucket (``bucket_edges``: a bucket holding one template
   sentence from 5,000 documents costs 5,000 comparisons, not 12.5M);
3. verified units are joined (``UnionFind``) into sentence clusters;
4. in each document, consecutive sentences whose clusters stand in the same documents
   are merged into maximal passages (``shared_runs``), and equal passages form one
   passage cluster.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..text.lazy_regex import lazy_compile
from .matching import near_copy
from .shingles import SENTENCE_WEIGHT, band_keys, keyed_sentences, sketch

REPS_PER_BUCKET = 8
_BLANK_RE = lazy_compile(r"\s")


@dataclass(frozen=True, slots=True)
class SketchedSentence:
    start: int
    end: int
    key: str
    bands: tuple[int, ...]  # LSH bucket keys (none for sentences too short for near copies)
    substantial: bool  # long enough to make a passage of its own
    solid_start: int  # non-blank characters of the document before ``start``
    solid_end: int  # … and before ``end``: a run's share is counted without the text


@dataclass(frozen=True)
class DocSketch:
    """What clustering needs of one document; its text is read again only to quote."""

    path: str
    sentences: tuple[SketchedSentence, ...]
    chars: int  # non-blank characters


def sketch_document(path: str, text: str) -> DocSketch:
    # Non-blank characters before a position: the position less the blanks before it
    # (blanks are few in report text, so they are found, not the solid characters).
    blanks = [m.start() for m in _BLANK_RE.finditer(text)]

    def solid(pos: int) -> int:
        return pos - bisect_left(blanks, pos)

    sentences = tuple(
        SketchedSentence(
            s.start,
            s.end,
            s.key,
            tuple(band_keys(sketch(s.key))) if s.weight >= SENTENCE_WEIGHT else (),
            s.substantial,
            solid(s.start),
            solid(s.end),
        )
        for s in keyed_sentences(text)
        if s.matchable
    )
    return DocSketch(path, sentences, len(text) - len(blanks))


def key_hash(key: str) -> int:
    """A sentence key as a signed 64-bit integer (the index's unit identity)."""
    return int.from_bytes(
        hashlib.blake2b(key.encode(), digest_size=8).digest(), "little", signed=True
    )


# --- results --------------------------------------------------------------------------


@dataclass
class Occurrence:
    doc: int
    start: int
    end: int


@dataclass
class PassageCluster:
    """One passage standing in several documents."""

    kind: str  # "template" (in a large share of the corpus) or "shared"
    text: str  # as it reads where it stands longest
    documents: tuple[int, ...]  # every document holding its sentences
    occurrences: list[Occurrence] = field(default_factory=list)  # where it stands whole


@dataclass(frozen=True)
class DocShare:
    doc: int
    shared: float  # share of the document's text in any shared passage
    template: float  # share in template passages (a large share of the corpus has them)
    passages: int


@dataclass(frozen=True)
class ScanResult:
    paths: tuple[str, ...]
    clusters: Sequence[PassageCluster]  # most widespread first (read lazily)
    shares: tuple[DocShare, ...]  # most boilerplate first
    skipped: tuple[tuple[str, str], ...] = ()  # (path, problem)
    new_from: int = 0  # documents from this index on were added by this scan
    years: tuple[int | None, ...] = ()  # each document's year, where its name has one

    @property
    def template_clusters(self) -> int:
        return getattr(self.clusters, "template_count", None) or sum(
            c.kind == "template" for c in self.clusters
        )


# --- clustering pieces ----------------------------------------------------------------


class UnionFind:
    """Union-find over dense integer ids in a compact array (8 bytes an id)."""

    def __init__(self, n: int) -> None:
        self.parent = array("q", range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def roots(self) -> array[int]:
        return array("q", (self.find(x) for x in range(len(self.parent))))


def bucket_edges(members: Sequence[tuple[int, str]]) -> list[tuple[int, int]]:
    """Which (unit, key) of one bucket are near copies of which: each member is tied to
    the first of a few representatives it is a near copy of. Decided from the bucket
    alone, so buckets can be worked through in any order or on any machine and their
    edges joined after: the sentence clusters come out the same."""
    reps: list[tuple[int, str]] = []
    edges: list[tuple[int, int]] = []
    for uid, key in members:
        for rep, rep_key in reps:
            if near_copy(key, rep_key)[0]:
                edges.append((rep, uid))
                break
        else:
            if len(reps) < REPS_PER_BUCKET:
                reps.append((uid, key))
    return edges


@dataclass(frozen=True, slots=True)
class PlacedSentence:
    """A document's sentence as the run finder sees it: where, which cluster, and the
    group of documents holding that cluster (-1: this document alone)."""

    start: int
    end: int
    cluster: int
    group: int
    substantial: bool
    solid_start: int
    solid_end: int


@dataclass(frozen=True, slots=True)
class Run:
    clusters: tuple[int, ...]
    group: int
    start: int
    end: int
    solid: int  # non-blank characters


def shared_runs(sentences: Iterable[PlacedSentence]) -> list[Run]:
    """Maximal runs of consecutive shared sentences standing in the same documents;
    a run counts when one of its sentences is substantial."""
    runs: list[Run] = []
    current: list[PlacedSentence] = []
    substantial = False

    def close() -> None:
        if current and substantial:
            first, last = current[0], current[-1]
            runs.append(
                Run(
                    tuple(s.cluster for s in current),
                    first.group,
                    first.start,
                    last.end,
                    last.solid_end - first.solid_start,
                )
            )

    for s in sentences:
        if current and s.group == current[0].group:
            current.append(s)
            substantial = substantial or s.substantial
            continue
        close()
        current = [s] if s.group >= 0 else []
        substantial = s.substantial
    close()
    return runs


def cluster_order(
    count: Callable[[int], int], length: Callable[[int], int], ids: Iterable[int]
) -> list[int]:
    """Passage clusters most widespread first, then longest, then as first found."""
    return sorted(ids, key=lambda c: (-count(c), -length(c), c))
