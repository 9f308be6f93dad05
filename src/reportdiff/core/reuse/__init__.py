"""Boilerplate: carried-over, shared, template, repeated and stale passages."""

from .boilerplate import ReuseContext, find_boilerplate
from .corpus import (
    TEMPLATE_SHARE,
    DocShare,
    DocSketch,
    Occurrence,
    PassageCluster,
    PlacedSentence,
    ScanResult,
    SketchedSentence,
    UnionFind,
    bucket_edges,
    cluster_order,
    frequent,
    key_hash,
    shared_runs,
    sketch_document,
)
from .passages import CorpusLookup, Hit, near_copy
from .shingles import (
    CLOSED_WEIGHT,
    MIN_WEIGHT,
    SENTENCE_WEIGHT,
    SHINGLE_CHARS,
    SKETCH_SIZE,
    Sentence,
    band_keys,
    sketch,
)
from .stale import report_year

__all__ = [
    "CLOSED_WEIGHT",
    "MIN_WEIGHT",
    "SENTENCE_WEIGHT",
    "SHINGLE_CHARS",
    "SKETCH_SIZE",
    "TEMPLATE_SHARE",
    "CorpusLookup",
    "DocShare",
    "DocSketch",
    "Hit",
    "Occurrence",
    "PassageCluster",
    "PlacedSentence",
    "ReuseContext",
    "ScanResult",
    "Sentence",
    "SketchedSentence",
    "UnionFind",
    "band_keys",
    "bucket_edges",
    "cluster_order",
    "find_boilerplate",
    "frequent",
    "key_hash",
    "near_copy",
    "report_year",
    "shared_runs",
    "sketch",
    "sketch_document",
]
