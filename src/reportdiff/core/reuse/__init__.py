"""Boilerplate: carried-over, shared, template, repeated and stale passages."""

from .boilerplate import ReuseContext, carried_over_share, find_boilerplate
from .corpus import (
    TEMPLATE_SHARE,
    DocShare,
    DocSketch,
    Occurrence,
    PassageCluster,
    PlacedSentence,
    ScanResult,
    UnionFind,
    cluster_order,
    frequent,
    join_bucket,
    key_hash,
    shared_runs,
    sketch_document,
)
from .shingles import CLOSED_WEIGHT, MIN_WEIGHT, SENTENCE_WEIGHT, SHINGLE_CHARS, SKETCH_SIZE
from .stale import report_year

__all__ = [
    "CLOSED_WEIGHT",
    "MIN_WEIGHT",
    "SENTENCE_WEIGHT",
    "SHINGLE_CHARS",
    "SKETCH_SIZE",
    "TEMPLATE_SHARE",
    "DocShare",
    "DocSketch",
    "Occurrence",
    "PassageCluster",
    "PlacedSentence",
    "ReuseContext",
    "ScanResult",
    "UnionFind",
    "carried_over_share",
    "cluster_order",
    "find_boilerplate",
    "frequent",
    "join_bucket",
    "key_hash",
    "report_year",
    "shared_runs",
    "sketch_document",
]
