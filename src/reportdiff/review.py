"""Review state of one comparison: which section pairs a reviewer marked as reviewed,
and the notes they wrote on them.

The state is plain data keyed by a stable hash of the two documents' texts, so the
same pair of reports finds its marks again however the files are named. Stores are
anything with ``load(key)`` and ``save(state)``: the directory store below writes one
JSON file per comparison atomically (every change is saved at once, so a crash or
Ctrl-C loses nothing); an archive can store the same ``to_dict()`` elsewhere.

Several reviewers may have one comparison open at once, so a save never writes the
whole state it loaded: it re-reads what the store holds, applies this reviewer's own
edits since the last save (``ReviewState.merged_into``), writes that under the
store's lock, and the state takes the result — marks colleagues saved meanwhile
included. The last writer wins only for the same field of the same pair.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from .errors import ReportdiffError
from .folders import reviews_dir, state_dir
from .fsutil import atomic_write_text
from .model import Comparison
from .review_carry import (
    ReviewEntry,
    carry_forward,
    current_anchors,
    find_previous,
    review_entries,
    text_sha,
)
from .review_carry import pair_key as pair_key  # where the review UI and outputs find it

SCHEMA = "reportdiff.review/1"
_LOCK_TIMEOUT_S = 30.0


def comparison_key(old_text: str, new_text: str) -> str:
    """A stable id of an (old, new) pair of texts: sha256 over both, length-prefixed."""
    h = hashlib.sha256()
    for text in (old_text, new_text):
        data = text.encode("utf-8")
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()[:32]


@dataclass
class PairReview:
    reviewed: bool = False
    note: str = ""


@dataclass
class ReviewState:
    """Reviewed marks and notes of one comparison, by pair_key.

    ``anchors`` hold, per marked pair, its headings and a hash of its text as they were
    when it was marked (review_carry.pair_anchor): what lets a mark follow its section
    into a revised comparison and tell when the text changed since. ``current`` are the
    anchors of the comparison the state is open on; an edit takes the pair's from there.
    """

    key: str
    old_path: str = ""
    new_path: str = ""
    pairs: dict[str, PairReview] = field(default_factory=dict)
    updated: str = ""
    # This reviewer's edits not yet saved: pair key -> (edit number, changed fields).
    pending: dict[str, tuple[int, dict[str, Any]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    edits: int = field(default=0, repr=False, compare=False)
    adopted: int = field(default=0, repr=False, compare=False)
    old_sha: str = ""  # text_sha of each document, to find this review from a revision
    new_sha: str = ""
    anchors: dict[str, dict[str, str]] = field(default_factory=dict)
    current: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def for_comparison(cls, comparison: Comparison) -> ReviewState:
        old, new = comparison.old, comparison.new
        key = comparison_key(old.text, new.text)
        return cls(key, old.path, new.path, old_sha=text_sha(old.text), new_sha=text_sha(new.text))

    def changed_since_reviewed(self, key: str) -> bool:
        """The pair was marked or noted on a text that has changed since."""
        then, now = self.anchors.get(key), self.current.get(key)
        return key in self.pairs and bool(then and now and then["text"] != now["text"])

    def get(self, key: str) -> PairReview:
        return self.pairs.get(key, PairReview())

    def is_reviewed(self, key: str) -> bool:
        return self.get(key).reviewed

    def set_reviewed(self, key: str, reviewed: bool) -> None:
        self._edit(key, reviewed=reviewed)

    def note(self, key: str) -> str:
        return self.get(key).note

    def set_note(self, key: str, note: str) -> None:
        self._edit(key, note=note.strip())

    def progress(self, keys: Iterable[str]) -> tuple[int, int]:
        """(reviewed, total) over the given pair keys."""
        keys = list(keys)
        return sum(self.is_reviewed(k) for k in keys), len(keys)

    def _edit(self, key: str, **changes: Any) -> None:
        current = self.get(key)
        review = PairReview(
            changes.get("reviewed", current.reviewed), changes.get("note", current.note)
        )
        self._put(key, review)
        self.edits += 1
        earlier = self.pending.get(key, (0, {}))[1]
        self.pending[key] = (self.edits, {**earlier, **changes})
        self.updated = datetime.now(UTC).isoformat(timespec="seconds")
        # Marking or writing on a pair reviews the text it has now.
        if key in self.current:
            self.anchors[key] = self.current[key]
        else:
            self.anchors.pop(key, None)

    def carry(self, key: str, review: PairReview, anchor: dict[str, str] | None) -> None:
        """Take a mark from the review of an earlier version, with the anchor it was made
        on; it is saved with this state's next save, as an edit of this reviewer's."""
        self._put(key, review)
        if anchor:
            self.anchors[key] = anchor
        self.edits += 1
        self.pending[key] = (self.edits, {"reviewed": review.reviewed, "note": review.note})

    def _put(self, key: str, review: PairReview) -> None:
        if review.reviewed or review.note:
            self.pairs[key] = review
        else:
            self.pairs.pop(key, None)

    def _apply(self, edits: Mapping[str, tuple[int, dict[str, Any]]]) -> None:
        for key, (_, changes) in edits.items():
            current = self.get(key)
            self._put(
                key,
                PairReview(
                    changes.get("reviewed", current.reviewed), changes.get("note", current.note)
                ),
            )

    def snapshot(self) -> ReviewState:
        """A copy to save from another thread while this one goes on being edited."""
        return copy.deepcopy(self)

    def merged_into(self, stored: ReviewState | None) -> ReviewState:
        """What the store should hold: ``stored`` (a colleague's saves included) with
        this reviewer's pending edits applied on top."""
        base = copy.deepcopy(stored) if stored is not None else ReviewState(self.key)
        base.old_path = self.old_path or base.old_path
        base.new_path = self.new_path or base.new_path
        base._apply(self.pending)
        base.old_sha = self.old_sha or base.old_sha
        base.new_sha = self.new_sha or base.new_sha
        base.current = self.current
        base.anchors.update({k: self.anchors[k] for k in self.pending if k in self.anchors})
        base.pending, base.edits, base.adopted = {}, self.edits, self.edits
        base.updated = self.updated or base.updated
        return base

    def adopt(self, saved: ReviewState) -> None:
        """Take the state a save wrote (``saved.adopted`` edits in it); edits made since
        stay pending and shown. An older save finishing late changes nothing."""
        if saved.adopted < self.adopted:
            return
        self.adopted = saved.adopted
        self.pending = {k: v for k, v in self.pending.items() if v[0] > saved.adopted}
        self.pairs = {k: PairReview(v.reviewed, v.note) for k, v in saved.pairs.items()}
        mine = {k: self.anchors[k] for k in self.pending if k in self.anchors}
        self.anchors = {**saved.anchors, **mine}
        self._apply(self.pending)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "key": self.key,
            "old_path": self.old_path,
            "new_path": self.new_path,
            "updated": self.updated,
            "pairs": {
                k: {"reviewed": v.reviewed, "note": v.note} for k, v in sorted(self.pairs.items())
            },
            "old_sha": self.old_sha,
            "new_sha": self.new_sha,
            "anchors": {
                k: anchor
                for k in sorted(self.pairs)
                if (anchor := self.anchors.get(k) or self.current.get(k))
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewState:
        """Rebuild a state from to_dict() output; ValueError on anything else."""
        if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} record")
        pairs = data.get("pairs", {})
        if not isinstance(data.get("key"), str) or not isinstance(pairs, Mapping):
            raise ValueError("missing key or pairs")
        state = cls(
            data["key"],
            str(data.get("old_path", "")),
            str(data.get("new_path", "")),
            updated=str(data.get("updated", "")),
            old_sha=str(data.get("old_sha", "")),
            new_sha=str(data.get("new_sha", "")),
        )
        anchors = data.get("anchors", {})
        if isinstance(anchors, Mapping):
            state.anchors = {
                str(k): {str(f): str(x) for f, x in v.items()}
                for k, v in anchors.items()
                if isinstance(v, Mapping) and "text" in v
            }
        for k, v in pairs.items():
            if not isinstance(v, Mapping):
                raise ValueError(f"pair {k!r} is not an object")
            state.pairs[str(k)] = PairReview(bool(v.get("reviewed")), str(v.get("note", "")))
        return state


class ReviewStore(Protocol):
    """Where review states live: a state directory, an archive, memory in tests."""

    def load(self, key: str) -> ReviewState | None: ...

    def save(self, state: ReviewState) -> None:
        """Merge ``state``'s pending edits into the stored state, write it, and let
        ``state`` adopt what was written."""
        ...


class DirectoryReviewStore:
    """One JSON file per comparison under ``<root>/reviews/``, written atomically."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else state_dir()

    def path(self, key: str) -> Path:
        return reviews_dir(self.root) / f"{key}.json"

    def load(self, key: str) -> ReviewState | None:
        path = self.path(key)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ReportdiffError(f"cannot read review state {path}: {exc.strerror}") from None
        try:
            return ReviewState.from_dict(json.loads(raw))
        except ValueError as exc:
            raise ReportdiffError(
                f"review state {path} is damaged ({exc}); move it away to start afresh"
            ) from None

    def all_states(self) -> list[ReviewState]:
        """Every readable state in the folder (a damaged one is passed over here)."""
        found = []
        for path in sorted(reviews_dir(self.root).glob("*.json")):
            try:
                found.append(ReviewState.from_dict(json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError):
                continue
        return found

    def save(self, state: ReviewState) -> None:
        from filelock import FileLock, Timeout

        path = self.path(state.key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(self.root / "reviews.lock", timeout=_LOCK_TIMEOUT_S):
                merged = state.merged_into(self.load(state.key))
                text = json.dumps(merged.to_dict(), ensure_ascii=False, indent=1) + "\n"
                atomic_write_text(path, text)
        except Timeout:
            raise ReportdiffError(f"review state {path} is locked by another reportdiff") from None
        except OSError as exc:
            raise ReportdiffError(f"cannot save review state in {self.root}: {exc}") from None
        state.adopt(merged)


class MemoryReviewStore:
    """A store that keeps states in a dict (tests, or no state directory wanted)."""

    def __init__(self) -> None:
        self.states: dict[str, dict[str, Any]] = {}

    def load(self, key: str) -> ReviewState | None:
        data = self.states.get(key)
        return ReviewState.from_dict(data) if data else None

    def save(self, state: ReviewState) -> None:
        merged = state.merged_into(self.load(state.key))
        self.states[state.key] = merged.to_dict()
        state.adopt(merged)

    def all_states(self) -> list[ReviewState]:
        return [ReviewState.from_dict(d) for d in self.states.values()]


def open_review(comparison: Comparison, store: ReviewStore) -> ReviewState:
    """The saved state of this comparison; else the review of an earlier version of
    the pair (one side since revised) carried forward onto it; else a fresh one.

    A store that can list its states (``all_states()``) is searched for that earlier
    review; a carried review is saved only when the reviewer next changes it.
    """
    fresh = ReviewState.for_comparison(comparison)
    state = store.load(fresh.key)
    if state is None:
        listing = getattr(store, "all_states", None)
        previous = find_previous(fresh, listing() if listing else [])
        state = carry_forward(comparison, previous, fresh) if previous else fresh
    state.current = current_anchors(comparison)
    return state


def saved_entries(comparison: Comparison, store: ReviewStore) -> list[ReviewEntry] | None:
    """The marks and notes a reviewer saved on this comparison (or on an earlier version
    of it, carried forward), as the outputs show them; None when there are none."""
    state = open_review(comparison, store)
    return review_entries(comparison, state) if state.pairs else None
