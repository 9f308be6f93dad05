"""The corpus index: sentence sketches of many reports in SQLite, added to year after
year, and the shared-passage clustering that runs over it in bounded memory."""

from .cluster import cluster_index
from .lookup import IndexLookup
from .store import CorpusIndex, IndexedDocument

__all__ = ["CorpusIndex", "IndexLookup", "IndexedDocument", "cluster_index"]
