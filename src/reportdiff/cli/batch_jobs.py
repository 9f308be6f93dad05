"""The work of `reportdiff batch` that runs in worker processes, and its resume records.

Workers get and return plain picklable records: a file to describe (title, hash,
and for NEW a sketch to find text shared between agencies), or a pair to compare
(read both, compare, write the pair's HTML report with the marks and notes saved on
it, return its summary row). A pair whose inputs and saved review are unchanged since
an earlier run into the same folder is not compared again: its row is kept in
``.reportdiff-batch/<key>.json`` next to the reports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..core.reuse import DocSketch
from ..errors import ReportdiffError
from ..fsutil import atomic_write_text

if TYPE_CHECKING:
    from ..model import Comparison
    from ..review import ReviewStore

STATE_FOLDER = ".reportdiff-batch"


@dataclass(frozen=True)
class FileInfo:
    path: str
    title: str = ""
    sha256: str = ""
    declared: str = ""  # the agency the cover declares (预算主管部门：…)
    problem: str = ""  # why it cannot be read; empty when it can
    sketch: DocSketch | None = None


def describe_file(path: str, with_sketch: bool) -> FileInfo:
    """Read one report for pairing; a bad file gives its problem instead."""
    from ..batch.names import declared_agency
    from ..core.reuse import sketch_document
    from ..readers import read_document

    try:
        doc = read_document(path)
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except ReportdiffError as exc:
        return FileInfo(path, problem=getattr(exc, "problem", str(exc)))
    except OSError as exc:
        return FileInfo(path, problem=f"cannot read ({exc.strerror or exc})")
    sketch = sketch_document(path, doc.text) if with_sketch else None
    return FileInfo(path, doc.title, digest, declared=declared_agency(doc.text), sketch=sketch)


@dataclass(frozen=True)
class PairJob:
    agency: str
    old: str  # a file, or AGENCY@YEAR with ``archive`` set
    new: str
    old_hash: str
    new_hash: str
    report: Path  # the pair's HTML report
    archive: str | None = None

    @property
    def key(self) -> str:
        """Same inputs, same reportdiff: the same result, so an earlier one can stand."""
        h = hashlib.sha256()
        for part in (__version__, self.agency, self.old_hash, self.new_hash):
            h.update(part.encode("utf-8") + b"\0")
        return h.hexdigest()[:32]


@dataclass(frozen=True)
class PairOutcome:
    job: PairJob
    row: dict[str, Any] | None = None
    problem: str = ""
    reused: bool = False
    review: tuple[str, str] = ("", "")  # the saved review it shows: (key, when saved)


def review_store(job: PairJob, comparison: Comparison | None = None) -> ReviewStore:
    """Where the review UI keeps this pair's marks (the state folder, or the archive)."""
    from .compare import review_store as store_for

    args = argparse.Namespace(old=job.old, new=job.new, archive=job.archive)
    return store_for(comparison, args)  # type: ignore[arg-type]


def saved_stamp(store: ReviewStore, key: str) -> str:
    saved = store.load(key)
    return saved.updated if saved else ""


def compare_pair(job: PairJob) -> PairOutcome:
    """Compare one pair and write its HTML report; trouble becomes the outcome's problem."""
    from ..archive.inputs import read_input
    from ..batch.summary import summarize
    from ..core.compare import compare
    from ..render.html import render_html
    from ..review import open_review
    from ..review_carry import review_entries

    try:
        comparison = compare(read_input(job.old, job.archive), read_input(job.new, job.archive))
        store = review_store(job, comparison)
        state = open_review(comparison, store)
        reviews = review_entries(comparison, state)
        atomic_write_text(job.report, render_html(comparison, reviews))
        stamp = (state.key, saved_stamp(store, state.key))
    except ReportdiffError as exc:
        return PairOutcome(job, problem=str(exc))
    except OSError as exc:
        return PairOutcome(job, problem=f"cannot write {job.report}: {exc.strerror or exc}")
    except Exception as exc:  # one odd report must not stop a batch of hundreds
        return PairOutcome(job, problem=f"could not be compared ({type(exc).__name__}: {exc})")
    row = summarize(comparison, job.agency, reviews).to_dict()
    return PairOutcome(job, row=row, review=stamp)


def earlier_outcome(job: PairJob, out_dir: Path) -> PairOutcome | None:
    """The row an earlier run left for the same inputs, if its report is still there
    and the review it shows is still the one saved."""
    path = out_dir / STATE_FOLDER / f"{job.key}.json"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        row, (key, stamp) = record["row"], record["review"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(row, dict) or not job.report.is_file():
        return None
    if saved_stamp(review_store(job), key) != stamp:
        return None
    return PairOutcome(job, row=row, reused=True, review=(key, stamp))


def keep_outcome(outcome: PairOutcome, out_dir: Path) -> None:
    if outcome.row is None or outcome.reused:
        return
    record = {"row": outcome.row, "review": list(outcome.review)}
    path = out_dir / STATE_FOLDER / f"{outcome.job.key}.json"
    atomic_write_text(path, json.dumps(record, ensure_ascii=False) + "\n")
