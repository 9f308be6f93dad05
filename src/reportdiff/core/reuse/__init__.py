"""Boilerplate: carried-over, shared, template, repeated and stale passages.

The corpus scan's pieces (``corpus``) load when first asked for: comparing a pair
needs none of them.
"""

from typing import TYPE_CHECKING, Any

from .boilerplate import ReuseContext, find_boilerplate
from .matching import Hit, near_copy
from .passages import CorpusLookup
from .places import section_locator, section_refs
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
from .template_share import TEMPLATE_SHARE, frequent

if TYPE_CHECKING:
    from .corpus import (
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
        key_hash,
        shared_runs,
        sketch_document,
    )

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
    "section_locator",
    "section_refs",
    "shared_runs",
    "sketch",
    "sketch_document",
]


def __getattr__(name: str) -> Any:
    """A listed name not yet defined here is one of the corpus scan's: load it now."""
    if name in __all__:
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
