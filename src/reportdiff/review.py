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
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from .errors import ReportdiffError
from .fsutil import atomic_write_text
from .model import Comparison, SectionPair

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


def pair_key(pair: SectionPair) -> str:
    """A section pair's key within its comparison: "OLD_ID>NEW_ID", "-" for no side."""
    return f"{pair.old or '-'}>{pair.new or '-'}"


@dataclass
class PairReview:
    reviewed: bool = False
    note: str = ""


@dataclass
class ReviewState:
    """Reviewed marks and notes of one comparison, by pair_key."""

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

    @classmethod
    def for_comparison(cls, comparison: Comparison) -> ReviewState:
        key = comparison_key(comparison.old.text, comparison.new.text)
        return cls(key, comparison.old.path, comparison.new.path)

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
        )
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


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$REPORTDIFF_STATE_DIR, else $XDG_STATE_HOME/reportdiff, else the platform's
    user state folder (~/.local/state/reportdiff on Linux, %LOCALAPPDATA% on Windows)."""
    env = os.environ if environ is None else environ
    if env.get("REPORTDIFF_STATE_DIR"):
        return Path(env["REPORTDIFF_STATE_DIR"])
    if env.get("XDG_STATE_HOME"):
        return Path(env["XDG_STATE_HOME"]) / "reportdiff"
    import platformdirs

    return platformdirs.user_state_path("reportdiff", appauthor=False)


class DirectoryReviewStore:
    """One JSON file per comparison under ``<root>/reviews/``, written atomically."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else state_dir()

    def path(self, key: str) -> Path:
        return self.root / "reviews" / f"{key}.json"

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


def open_review(comparison: Comparison, store: ReviewStore) -> ReviewState:
    """The saved state of this comparison, or a fresh one."""
    fresh = ReviewState.for_comparison(comparison)
    return store.load(fresh.key) or fresh
