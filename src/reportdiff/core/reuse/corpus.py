"""Shared passages across a corpus: the pure part of `reportdiff scan`.

Each document is reduced to a ``DocSketch`` (its sentences' keys and bottom-k MinHash
sketches), which is cheap to compute in parallel and to send between processes.
Clustering then runs in time near-linear in the corpus size:

1. sentences with equal keys (figures masked) are one unit;
2. units whose sketches share a bucket (two of their smallest hashes) are
   candidates, each verified with a rapidfuzz ratio against at most a few
   representatives of the bucket (so a bucket holding one template sentence from
   5,000 documents costs 5,000 comparisons, not 12.5M);
3. verified units are joined (union-find) into sentence clusters;
4. in each document, consecutive sentences whose clusters span the same documents
   are merged into maximal passages, and equal passages form one passage cluster.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .passages import near_copy
from .shingles import SENTENCE_WEIGHT, band_keys, sketch, split_sentences

_REPS_PER_BUCKET = 8
_UNITS_PER_PASS = 200_000  # bucket passes: one per this many distinct sentences
_SPACE_RE = re.compile(r"\s+")
TEMPLATE_SHARE = 0.5  # a passage in at least this share of the corpus (and 3 documents)


@dataclass(frozen=True, slots=True)
class SketchedSentence:
    start: int
    end: int
    key: str
    weight: float
    bands: tuple[int, ...]  # LSH bucket keys (none for sentences too short for near copies)
    substantial: bool  # long enough to make a passage of its own


@dataclass(frozen=True)
class DocSketch:
    """What clustering needs of one document (its text only to quote passages)."""

    path: str
    text: str
    sentences: tuple[SketchedSentence, ...]
    chars: int  # non-blank characters


def sketch_document(path: str, text: str) -> DocSketch:
    sentences = tuple(
        SketchedSentence(
            s.start,
            s.end,
            s.key,
            s.weight,
            tuple(band_keys(sketch(s.key))) if s.weight >= SENTENCE_WEIGHT else (),
            s.substantial,
        )
        for s in split_sentences(text)
        if s.matchable
    )
    return DocSketch(path, text, sentences, len(_SPACE_RE.sub("", text)))


@dataclass
class Occurrence:
    doc: int
    start: int
    end: int


@dataclass
class PassageCluster:
    """One passage standing in several documents."""

    kind: str  # "template" (in a large share of the corpus) or "shared"
    text: str  # as it reads in the first document holding it
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
    clusters: tuple[PassageCluster, ...]  # largest first
    shares: tuple[DocShare, ...]  # most boilerplate first
    skipped: tuple[tuple[str, str], ...] = ()  # (path, problem)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_sentences(docs: Sequence[DocSketch]) -> list[list[int]]:
    """For each document, the cluster id of each of its sentences."""
    unit_of: dict[str, int] = {}
    units: list[SketchedSentence] = []
    per_doc = []
    for d in docs:
        ids = []
        for s in d.sentences:
            uid = unit_of.get(s.key)
            if uid is None:
                uid = unit_of[s.key] = len(units)
                units.append(s)
            ids.append(uid)
        per_doc.append(ids)
    uf = _UnionFind(len(units))
    _join_near_units(units, uf)
    return [[uf.find(u) for u in ids] for ids in per_doc]


def _join_near_units(units: Sequence[SketchedSentence], uf: _UnionFind) -> None:
    # Buckets are built a share of the band values at a time: every bucket is still
    # seen whole, but only a share of them is held in memory at once.
    parts = max(1, len(units) // _UNITS_PER_PASS)
    for part in range(parts):
        buckets: dict[int, list[int]] = defaultdict(list)
        for uid, s in enumerate(units):
            for band in s.bands:
                if band % parts == part:
                    buckets[band].append(uid)
        for members in buckets.values():
            if len(members) > 1:
                _join_bucket(members, units, uf)


def _join_bucket(members: list[int], units: Sequence[SketchedSentence], uf: _UnionFind) -> None:
    """Join each member to the first of a few representatives it is a near copy of."""
    reps: list[int] = []
    for uid in members:
        key = units[uid].key
        for rep in reps:
            if uf.find(rep) == uf.find(uid) or near_copy(key, units[rep].key)[0]:
                uf.union(rep, uid)
                break
        else:
            if len(reps) < _REPS_PER_BUCKET:
                reps.append(uid)


def frequent(count: int, total: int, share: float = TEMPLATE_SHARE) -> bool:
    """Whether a passage in ``count`` of ``total`` documents is template-like."""
    return count >= 3 and count >= share * total


def scan_corpus(
    docs: Sequence[DocSketch],
    template_share: float = TEMPLATE_SHARE,
    skipped: Sequence[tuple[str, str]] = (),
) -> ScanResult:
    clusters_of = cluster_sentences(docs)
    group, members = _holder_groups(clusters_of)
    passages: dict[tuple[int, ...], PassageCluster] = {}
    owner: dict[int, PassageCluster] = {}  # sentence cluster -> passage cluster holding it
    shares = []
    for d, ids in enumerate(clusters_of):
        runs = _runs(docs[d], ids, group)
        for run_ids, start, end in runs:
            cluster = _cluster_for(run_ids, members[group[run_ids[0]]], owner, passages)
            if cluster is None:
                found_in = members[group[run_ids[0]]]
                kind = (
                    "template" if frequent(len(found_in), len(docs), template_share) else "shared"
                )
                cluster = PassageCluster(kind, docs[d].text[start:end], found_in)
            passages[run_ids] = cluster
            for c in run_ids:
                owner.setdefault(c, cluster)
            cluster.occurrences.append(Occurrence(d, start, end))
            if end - start > len(cluster.text):
                cluster.text = docs[d].text[start:end]
        shares.append(_share(d, docs[d], runs, passages))
    ranked = sorted(
        {id(c): c for c in passages.values()}.values(),
        key=lambda c: (-len(c.documents), -len(c.text), c.text),
    )
    return ScanResult(
        paths=tuple(d.path for d in docs),
        clusters=tuple(ranked),
        shares=tuple(sorted(shares, key=lambda s: (-s.shared, -s.template, s.doc))),
        skipped=tuple(skipped),
    )


def _holder_groups(
    clusters_of: Sequence[Sequence[int]],
) -> tuple[dict[int, int], list[tuple[int, ...]]]:
    """Number each distinct set of documents holding a sentence cluster: ``group``
    maps a cluster to its set's number (-1 when only one document holds it) and
    ``members`` lists each numbered set, so runs compare small integers."""
    holders: dict[int, list[int]] = defaultdict(list)
    for d, ids in enumerate(clusters_of):
        for c in ids:
            h = holders[c]
            if not h or h[-1] != d:
                h.append(d)
    numbers: dict[tuple[int, ...], int] = {}
    group: dict[int, int] = {}
    for c, docs_with in holders.items():
        key = tuple(docs_with)
        group[c] = numbers.setdefault(key, len(numbers)) if len(key) > 1 else -1
    return group, list(numbers)


def _cluster_for(
    run_ids: tuple[int, ...],
    docs_with: tuple[int, ...],
    owner: dict[int, PassageCluster],
    passages: dict[tuple[int, ...], PassageCluster],
) -> PassageCluster | None:
    """The passage cluster a run belongs to: the same run seen before, or one that
    shares a sentence with it and stands in the same documents (the run was cut
    a sentence shorter or longer in another document)."""
    if run_ids in passages:
        return passages[run_ids]
    for c in run_ids:
        cluster = owner.get(c)
        if cluster is not None and cluster.documents is docs_with:
            return cluster
    return None


def _runs(
    doc: DocSketch, ids: Sequence[int], group: dict[int, int]
) -> list[tuple[tuple[int, ...], int, int]]:
    """Maximal runs of consecutive shared sentences standing in the same documents."""
    runs: list[tuple[tuple[int, ...], int, int]] = []
    current: list[int] = []
    start = end = last = 0
    substantial = False
    for s, c in zip(doc.sentences, ids, strict=True):
        g = group[c]
        if current and g == last:
            current.append(c)
            end, substantial = s.end, substantial or s.substantial
            continue
        if current and substantial:
            runs.append((tuple(current), start, end))
        current = [c] if g >= 0 else []
        start, end, last, substantial = s.start, s.end, g, s.substantial
    if current and substantial:
        runs.append((tuple(current), start, end))
    return runs


def _share(
    d: int,
    doc: DocSketch,
    runs: Sequence[tuple[tuple[int, ...], int, int]],
    passages: dict[tuple[int, ...], PassageCluster],
) -> DocShare:
    shared = template = 0
    for run_ids, start, end in runs:
        n = len(_SPACE_RE.sub("", doc.text[start:end]))
        shared += n
        if passages[run_ids].kind == "template":
            template += n
    total = doc.chars or 1
    return DocShare(d, round(shared / total, 4), round(template / total, 4), len(runs))
