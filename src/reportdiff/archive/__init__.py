"""The report archive: versions of reports (and reviews of them) kept in git."""

from __future__ import annotations

from .names import DEFAULT_KIND, Ref, agency_key, parse_ref
from .store import ENV_VAR, AddResult, Archive, LogEntry, Version, default_archive_dir

__all__ = [
    "DEFAULT_KIND",
    "ENV_VAR",
    "AddResult",
    "Archive",
    "LogEntry",
    "Ref",
    "Version",
    "agency_key",
    "default_archive_dir",
    "parse_ref",
]
