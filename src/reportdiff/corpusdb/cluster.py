"""Shared-passage clustering over a corpus index, in memory that does not grow with the
text: per-unit arrays (a few bytes each), one document's sentences at a time, and
occurrences kept in a temporary table until they are written out.

Passes over the index:
1. near-copy buckets (only those holding more than one unit) join units into
   sentence clusters;
2. every sentence once, to count and fingerprint the documents holding each cluster
   (an order-independent hash of the set: equal sets, equal group);
3. every document's sentences once more, to cut shared runs and give each run its
   passage cluster.
Quoted text is read back from the source files, only for the clusters shown.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import overload

from ..core.reuse import (
    TEMPLATE_SHARE,
    DocShare,
    Occurrence,
    PassageCluster,
    PlacedSentence,
    ScanResult,
    UnionFind,
    bucket_edges,
    cluster_order,
    frequent,
    shared_runs,
)
from .store import CorpusIndex, display_names

_MASK64 = (1 << 64) - 1
_TEXTS_CACHED = 16


Edges = Callable[[CorpusIndex], Iterable[tuple[int, int]]]


def local_bucket_edges(index: CorpusIndex) -> Iterator[tuple[int, int]]:
    """The near-copy edges of every shared bucket, worked out in this process."""
    for _band, rows in groupby(index.shared_buckets(), key=itemgetter(0)):
        yield from bucket_edges([(unit, key) for _, unit, key in rows])


def cluster_index(
    index: CorpusIndex,
    load_text: Callable[[str], str],
    *,
    template_share: float = TEMPLATE_SHARE,
    skipped: Sequence[tuple[str, str]] = (),
    new_batch: int | None = None,
    edges: Edges = local_bucket_edges,
) -> ScanResult:
    """Cluster everything in ``index``. With ``new_batch``, the result is about that
    add: its documents' shares, and the passages they hold (with everything indexed
    before that they share them with). ``edges`` works out the buckets (here, or on
    a cluster: the result is the same)."""
    docs = index.documents()
    position = {d.id: i for i, d in enumerate(docs)}
    root = _sentence_clusters(index, edges)
    count, sig = _holder_fingerprints(index, root)
    passes = _PassageBuilder(index.db, len(docs), template_share)
    shares: list[DocShare] = []
    chars = index.chars()
    for doc_id, rows in groupby(index.sentences(), key=lambda r: r[0]):
        placed = passes.place(position[doc_id], rows, root, count, sig)
        shares.append(passes.add_document(position[doc_id], placed, chars[doc_id]))
    passes.finish()
    new_from = 0
    if new_batch is not None:
        new_from = next((i for i, d in enumerate(docs) if d.batch == new_batch), len(docs))
    names = display_names(docs)
    clusters = _ClusterList(index.db, passes, [d.path for d in docs], load_text, new_from)
    ranked = sorted(
        (s for s in shares if s.doc >= new_from), key=lambda s: (-s.shared, -s.template, s.doc)
    )
    return ScanResult(
        paths=tuple(names),
        clusters=clusters,
        shares=tuple(ranked),
        skipped=tuple(skipped),
        new_from=new_from,
        years=tuple(d.year for d in docs),
    )


def _sentence_clusters(index: CorpusIndex, edges: Edges) -> array:
    uf = UnionFind(index.unit_count() + 1)
    for a, b in edges(index):
        uf.union(a, b)
    return uf.roots()


def _holder_fingerprints(index: CorpusIndex, root: array) -> tuple[array, array]:
    """For each sentence cluster: how many documents hold it, and a hash of which."""
    n = len(root)
    count = array("l", bytes(8 * n))
    last = array("l", [-1]) * n
    sig = array("Q", bytes(8 * n))
    for doc, _start, _end, unit, *_ in index.sentences():
        r = root[unit]
        if last[r] != doc:
            last[r] = doc
            count[r] += 1
            sig[r] = (sig[r] + _mix(doc)) & _MASK64
    return count, sig


def _mix(x: int) -> int:
    """splitmix64: spreads document ids so a sum of them identifies the set."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)


@dataclass
class _Cluster:
    group: int
    kind: str
    best: tuple[int, int, int]  # (doc, start, end) of its longest occurrence


class _PassageBuilder:
    """Runs of each document in turn → passage clusters; occurrences go to a temp table."""

    def __init__(self, db: sqlite3.Connection, total: int, template_share: float) -> None:
        self.db = db
        self.total = total
        self.share = template_share
        self.group_of: dict[tuple[int, int], int] = {}
        self.group_docs: list[array] = []  # the documents holding each group, in order
        self.group_count: list[int] = []
        self.clusters: list[_Cluster] = []
        self.by_run: dict[tuple[int, ...], int] = {}
        self.owner: dict[int, int] = {}
        self.pending: list[tuple[int, int, int, int]] = []
        db.execute("DROP TABLE IF EXISTS temp.occurrences")
        db.execute(
            "CREATE TEMP TABLE occurrences("
            "cluster INTEGER, doc INTEGER, start INTEGER, end INTEGER)"
        )

    def place(self, doc, rows, root, count, sig) -> list[PlacedSentence]:
        placed = []
        for _doc, start, end, unit, substantial, solid_start, solid_end in rows:
            r = root[unit]
            group = -1
            if count[r] > 1:
                key = (count[r], sig[r])
                group = self.group_of.get(key, -1)
                if group < 0:
                    group = self.group_of[key] = len(self.group_docs)
                    self.group_docs.append(array("l"))
                    self.group_count.append(count[r])
                held = self.group_docs[group]
                if not held or held[-1] != doc:
                    held.append(doc)
            placed.append(
                PlacedSentence(start, end, r, group, bool(substantial), solid_start, solid_end)
            )
        return placed

    def add_document(self, doc: int, placed: list[PlacedSentence], chars: int) -> DocShare:
        shared = template = 0
        runs = shared_runs(placed)
        for run in runs:
            cid = self._cluster_for(run.clusters, run.group)
            if cid is None:
                holders = self.group_count[run.group]
                kind = "template" if frequent(holders, self.total, self.share) else "shared"
                cid = len(self.clusters)
                self.clusters.append(_Cluster(run.group, kind, (doc, run.start, run.end)))
            cluster = self.clusters[cid]
            self.by_run[run.clusters] = cid
            for c in run.clusters:
                self.owner.setdefault(c, cid)
            _, best_start, best_end = cluster.best
            if run.end - run.start > best_end - best_start:
                cluster.best = (doc, run.start, run.end)
            self.pending.append((cid, doc, run.start, run.end))
            shared += run.solid
            template += run.solid if cluster.kind == "template" else 0
        if len(self.pending) > 10_000:
            self._flush()
        total = chars or 1
        return DocShare(doc, round(shared / total, 4), round(template / total, 4), len(runs))

    def _cluster_for(self, run: tuple[int, ...], group: int) -> int | None:
        """The same run seen before, or a cluster that shares a sentence with it and
        stands in the same documents (the run was cut shorter or longer elsewhere)."""
        if run in self.by_run:
            return self.by_run[run]
        for c in run:
            cid = self.owner.get(c)
            if cid is not None and self.clusters[cid].group == group:
                return cid
        return None

    def finish(self) -> None:
        self._flush()
        self.db.execute("CREATE INDEX temp.occurrences_by_cluster ON occurrences(cluster)")
        self.by_run.clear()
        self.owner.clear()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO temp.occurrences VALUES (?, ?, ?, ?)", self.pending)
        self.pending.clear()


class _ClusterList(Sequence[PassageCluster]):
    """The passage clusters, most widespread first, read in full only when looked at:
    text from the source file, occurrences from the temporary table."""

    def __init__(
        self,
        db: sqlite3.Connection,
        built: _PassageBuilder,
        paths: list[str],
        load_text: Callable[[str], str],
        new_from: int,
    ) -> None:
        self.db = db
        self.built = built
        self.paths = paths
        self.load = lru_cache(maxsize=_TEXTS_CACHED)(load_text)
        clusters = built.clusters
        docs = built.group_docs
        ids: Sequence[int] = range(len(clusters))
        if new_from:  # about an add: the passages its documents hold
            ids = [c for c in ids if docs[clusters[c].group][-1] >= new_from]
        self.order = cluster_order(
            lambda c: len(docs[clusters[c].group]),
            lambda c: clusters[c].best[2] - clusters[c].best[1],
            ids,
        )
        self.template_count = sum(clusters[c].kind == "template" for c in self.order)

    def __len__(self) -> int:
        return len(self.order)

    @overload
    def __getitem__(self, i: int) -> PassageCluster: ...
    @overload
    def __getitem__(self, i: slice) -> list[PassageCluster]: ...
    def __getitem__(self, i: int | slice) -> PassageCluster | list[PassageCluster]:
        if isinstance(i, slice):
            return [self._materialise(c) for c in self.order[i]]
        return self._materialise(self.order[i])

    def __iter__(self) -> Iterator[PassageCluster]:
        return (self._materialise(c) for c in self.order)

    def _materialise(self, cid: int) -> PassageCluster:
        c = self.built.clusters[cid]
        doc, start, end = c.best
        occurrences = [
            Occurrence(d, s, e)
            for d, s, e in self.db.execute(
                "SELECT doc, start, end FROM temp.occurrences WHERE cluster = ? ORDER BY rowid",
                (cid,),
            )
        ]
        text = self.load(self.paths[doc])[start:end]
        return PassageCluster(c.kind, text, tuple(self.built.group_docs[c.group]), occurrences)
