"""Review marks and notes kept in the archive, on a branch of their own.

Branch ``reviews`` holds ``reviews/<comparison key>.json``: the ReviewState record
(review.ReviewState.to_dict) plus which archived versions it concerns, the pair count
and the section headings the notes belong to. Every save is one commit, written under
the archive's lock and moved with the same compare-and-swap as ``archive add``, so a
team shares reviews by pushing and pulling ``refs/heads/reviews``; branch ``main`` is
never touched. A save merges: it applies this reviewer's edits to the review as the
branch holds it at that moment, so two reviewers never undo each other's marks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArchiveError
from ..model import Comparison
from ..review import ReviewState, pair_key
from . import gitstore
from .store import Archive, Version

BRANCH = "reviews"
_SAVE_ATTEMPTS = 3
FOLDER = ("reviews",)


def version_info(v: Version | None) -> dict[str, Any] | None:
    return {"agency": v.agency, "year": v.year, "kind": v.kind} if v else None


@dataclass(frozen=True)
class ReviewRecord:
    """One stored review: its state and what it was a review of."""

    state: ReviewState
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    total: int | None
    headings: dict[str, str]

    def concerns(self, v: Version) -> bool:
        return version_info(v) in (self.old, self.new)


class ArchiveReviewStore:
    """A ReviewStore that commits each save to the archive's ``reviews`` branch."""

    def __init__(
        self,
        archive: Archive | str | Path | None = None,
        old: Version | None = None,
        new: Version | None = None,
        comparison: Comparison | None = None,
    ) -> None:
        self.archive = archive if isinstance(archive, Archive) else Archive(archive)
        self.old, self.new = old, new
        self.comparison = comparison

    def load(self, key: str) -> ReviewState | None:
        record = self.record(key)
        return record.state if record else None

    def record(self, key: str) -> ReviewRecord | None:
        if not gitstore.is_repository(self.archive.path):
            return None
        with gitstore.open_repo(self.archive.path) as repo:
            data = gitstore.blob_bytes(self._folder(repo), f"{key}.json")
        return _record(data, key) if data is not None else None

    def records(self) -> list[ReviewRecord]:
        """Every stored review, newest save first."""
        if not gitstore.is_repository(self.archive.path):
            return []
        with gitstore.open_repo(self.archive.path) as repo:
            tree = self._folder(repo)
            found = [_record(b.data_stream.read(), b.name) for b in tree.blobs] if tree else []
        return sorted(found, key=lambda r: r.state.updated, reverse=True)

    def all_states(self) -> list[ReviewState]:
        """Every stored review's state: where an earlier version's review is found."""
        return [r.state for r in self.records()]

    def save(self, state: ReviewState) -> None:
        """Merge this reviewer's edits into the review as the branch holds it now, and
        commit that; a commit made elsewhere meanwhile (the compare-and-swap fails)
        means merging again onto it."""
        for attempt in range(_SAVE_ATTEMPTS):
            with gitstore.write_lock(self.archive.path):
                try:
                    merged = self._save_merged(state)
                except ArchiveError:
                    if attempt == _SAVE_ATTEMPTS - 1:
                        raise
                    continue
            state.adopt(merged)
            return

    def _save_merged(self, state: ReviewState) -> ReviewState:
        with gitstore.open_repo(self.archive.path, create=True) as repo:
            head = gitstore.branch_commit(repo, BRANCH)
            folder = gitstore.subtree(head.tree if head else None, FOLDER)
            name = f"{state.key}.json"
            stored = gitstore.blob_bytes(folder, name)
            previous = _record(stored, name) if stored is not None else None
            merged = state.merged_into(previous.state if previous else None)
            files = {b.name: b.data_stream.read() for b in folder.blobs} if folder else {}
            files[name] = self._record_json(merged, previous)
            tree = gitstore.put_tree(repo, head.tree if head else None, FOLDER, files)
            gitstore.commit_tree(repo, BRANCH, tree, self._message(merged), head)
        return merged

    def _folder(self, repo):
        head = gitstore.branch_commit(repo, BRANCH)
        return gitstore.subtree(head.tree if head else None, FOLDER)

    def _record_json(self, state: ReviewState, previous: ReviewRecord | None) -> bytes:
        """The state plus its context; context this store lacks is kept from before."""
        record = state.to_dict()
        record["old_version"] = version_info(self.old) or (previous and previous.old)
        record["new_version"] = version_info(self.new) or (previous and previous.new)
        if self.comparison is not None:
            record["pairs_total"] = len(self.comparison.pairs)
            record["headings"] = _headings(self.comparison)
        elif previous is not None:
            record["pairs_total"], record["headings"] = previous.total, previous.headings
        return json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"

    def _message(self, state: ReviewState) -> str:
        done = sum(p.reviewed for p in state.pairs.values())
        names = " vs ".join(v.ref for v in (self.old, self.new) if v) or state.key
        return f"review of {names}: {done} pairs reviewed\n\nKey: {state.key}\n"


def _headings(comparison: Comparison) -> dict[str, str]:
    """pair_key -> the heading a note on that pair is about (new side, else old)."""
    titles = {s.id: s.heading for s in comparison.old_sections}
    titles.update({f"+{s.id}": s.heading for s in comparison.new_sections})
    out = {}
    for pair in comparison.pairs:
        heading = titles.get(f"+{pair.new}") if pair.new else titles.get(pair.old or "")
        out[pair_key(pair)] = heading or ""
    return out


def _record(data: bytes, name: str) -> ReviewRecord:
    try:
        raw = json.loads(data)
        state = ReviewState.from_dict(raw)
    except ValueError as exc:
        raise ArchiveError(f"the archive holds an unreadable review {name}: {exc}") from None
    total = raw.get("pairs_total")
    headings = raw.get("headings")
    return ReviewRecord(
        state,
        _info(raw.get("old_version")),
        _info(raw.get("new_version")),
        total if isinstance(total, int) else None,
        dict(headings) if isinstance(headings, Mapping) else {},
    )


def _info(value: Any) -> dict[str, Any] | None:
    return dict(value) if isinstance(value, Mapping) else None
