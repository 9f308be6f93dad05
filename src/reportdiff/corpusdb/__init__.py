"""The corpus index: sentence sketches of many reports in SQLite, added to year after
year, and the shared-passage clustering that runs over it in bounded memory."""

from .cluster import Edges, cluster_index, local_bucket_edges
from .lookup import IndexLookup
from .store import CorpusIndex, IndexedDocument

__all__ = [
    "CorpusIndex",
    "Edges",
    "IndexLookup",
    "IndexedDocument",
    "cluster_index",
    "local_bucket_edges",
]
