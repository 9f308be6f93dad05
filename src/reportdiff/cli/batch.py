"""`reportdiff batch OLD_DIR NEW_DIR -o FOLDER`: every agency's report against last year's.

Reads both folders (or the archive: each agency's latest year against its previous),
pairs the reports by agency, compares the pairs on all cores and writes into FOLDER
one HTML report per pair plus the summary table as summary.txt, summary.csv (with a
BOM, for Excel and WPS), summary.json and index.html. Running it again into the same
FOLDER compares only the pairs whose files changed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..errors import ExitStatus, ReportdiffError
from .archive import add_archive_argument

if TYPE_CHECKING:
    from ..batch.summary import BatchResult, Skipped, SummaryRow
    from ..core.reuse import DocSketch
    from .batch_jobs import FileInfo, PairJob, PairOutcome

T = TypeVar("T")
REPORTS_FOLDER = "pairs"


# The keys of batch.summary.SORT_COLUMNS, named here so that building the parser does
# not import the summary and the model behind it (a test holds the two equal).
SORT_CHOICES = (
    "attention",
    "checks",
    "changes",
    "carried-over",
    "stale",
    "template",
    "shared",
    "largest-change",
    "sections",
    "reviewed",
    "agency",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="compare every agency's report with last year's, in one go",
        description="Pair the reports in OLD_DIR and NEW_DIR by agency (from each report's "
        "title or file name), compare each pair and write a summary table ranked by what "
        "needs attention, with one HTML report per pair. Without folders, every agency in "
        "the archive is compared: its latest year against its previous. A second run into "
        "the same output folder only compares what changed. Exit status: 0 done, 2 trouble.",
    )
    p.add_argument("old", metavar="OLD_DIR", nargs="?", help="last year's reports")
    p.add_argument("new", metavar="NEW_DIR", nargs="?", help="this year's reports")
    p.add_argument(
        "-o", "--output", metavar="FOLDER", required=True, help="folder for the reports (made)"
    )
    p.add_argument(
        "--sort",
        choices=SORT_CHOICES,
        default="attention",
        help="order of the summary (default: attention, a weighted count of problems)",
    )
    p.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores)"
    )
    add_archive_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..fsutil import atomic_write_bytes, atomic_write_text
    from ..render.batch import (
        render_batch_csv,
        render_batch_html,
        render_batch_json,
        render_batch_text,
    )

    if (args.old is None) != (args.new is None):
        raise ReportdiffError("give both OLD_DIR and NEW_DIR, or neither to use the archive")
    if args.jobs is not None and args.jobs < 1:
        raise ReportdiffError("--jobs must be at least 1")
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise ReportdiffError(f"{out}: exists and is not a folder; -o takes a folder")
    result = run_batch(args, out)
    text = render_batch_text(result)
    atomic_write_text(out / "summary.txt", text)
    atomic_write_bytes(out / "summary.csv", render_batch_csv(result).encode("utf-8-sig"))
    atomic_write_text(out / "summary.json", render_batch_json(result))
    atomic_write_text(out / "index.html", render_batch_html(result))
    from ..safetext import safe_line, safe_text

    if not sys.stdout.isatty():  # on a terminal the summary just printed lists them
        for s in (*result.unpaired, *result.bad):
            print(f"reportdiff: {safe_line(s.path)}: {safe_line(s.reason)}", file=sys.stderr)
    sys.stdout.write(safe_text(text))
    written = f"index.html, summary.txt, summary.csv, summary.json, pairs{os.sep}"
    sys.stdout.write(f"\nwritten to {out}{os.sep} ({written})\n")
    # As diff -r: 1 when any pair differs or any report found no partner or no reading.
    same = not (result.unpaired or result.bad or any(r.differs for r in result.rows))
    return ExitStatus.SAME if same else ExitStatus.DIFFERENT


def run_batch(args: argparse.Namespace, out: Path) -> BatchResult:
    from ..batch.summary import BatchResult, rank

    jobs = args.jobs or os.cpu_count() or 1
    if args.old is None:
        pair_jobs, unpaired, bad, sketches = _archive_jobs(args.archive, out)
        sources = (f"{args.archive or 'archive'}: previous", "latest")
    else:
        pair_jobs, unpaired, bad, sketches = _folder_jobs(args.old, args.new, out, jobs)
        sources = (args.old, args.new)
    if not pair_jobs and not unpaired and not bad:
        raise ReportdiffError("no reports to compare")
    rows, failed, reused = _compare_all(pair_jobs, out, jobs)
    rows = _with_shares(rows, sketches)
    return BatchResult(
        *sources,
        rows=tuple(rank(rows, args.sort)),
        unpaired=tuple(unpaired),
        bad=tuple(bad + failed),
        sorted_by=args.sort,
        reused=reused,
    )


def _folder_jobs(
    old_dir: str, new_dir: str, out: Path, jobs: int
) -> tuple[list[PairJob], list[Skipped], list[Skipped], list[DocSketch]]:
    """Read both folders, pair their reports: the jobs, the unpaired, the unreadable."""
    from ..batch.pairing import Named, pair_reports
    from ..batch.summary import Skipped
    from ..scan import REPORT_SUFFIXES, ProgressBar, walk_folder
    from .batch_jobs import PairJob, describe_file

    # The output folder may lie inside an input folder: its summary.txt is no report.
    ours = out.resolve()
    listed: list[tuple[str, str]] = []
    unread: list[Skipped] = []  # an agency's .doc or .wps is told, not passed over
    for folder, side in ((old_dir, "old"), (new_dir, "new")):
        found, others = walk_folder(folder)
        listed += [(str(p), side) for p in found if ours not in p.resolve().parents]
        unread += [
            Skipped(str(p), p.stem, why, side)
            for p, why in others
            if p.suffix.lower() not in REPORT_SUFFIXES and ours not in p.resolve().parents
        ]
    tasks = [partial(describe_file, path, side == "new") for path, side in listed]
    infos: list[FileInfo] = [None] * len(tasks)  # type: ignore[list-item]
    for n, info in _in_pool(tasks, jobs, ProgressBar("reading")):
        infos[n] = info
    bad = unread + [
        Skipped(i.path, Path(i.path).stem, f"unreadable: {i.problem}", side)
        for i, (_, side) in zip(infos, listed, strict=True)
        if i.problem
    ]
    sides: dict[str, list[FileInfo]] = {"old": [], "new": []}
    for info, (_, side) in zip(infos, listed, strict=True):
        if not info.problem:
            sides[side].append(info)
    named = {
        s: [Named(i.path, i.title, Path(i.path).stem, i.declared) for i in sides[s]] for s in sides
    }
    pairing = pair_reports(named["old"], named["new"])
    used: set[str] = set()
    pair_jobs = []
    for pair in pairing.pairs:
        old, new = sides["old"][pair.old], sides["new"][pair.new]
        report = _report_path(out, pair.agency, used)
        pair_jobs.append(PairJob(pair.agency, old.path, new.path, old.sha256, new.sha256, report))
    unpaired = [
        Skipped(sides[u.side][u.index].path, u.agency, u.reason, u.side) for u in pairing.unpaired
    ]
    sketches = [i.sketch for i in sides["new"] if i.sketch is not None]
    return pair_jobs, unpaired, bad, sketches


def _archive_jobs(
    archive_dir: str | None, out: Path
) -> tuple[list[PairJob], list[Skipped], list[Skipped], list[DocSketch]]:
    """Every agency's latest archived year against its previous one."""
    from ..archive import DEFAULT_KIND, Archive
    from ..batch.summary import Skipped
    from ..core.reuse import sketch_document
    from .batch_jobs import PairJob

    archive = Archive(archive_dir)
    by_agency: dict[str, list] = {}
    for v in archive.versions():
        if v.kind == DEFAULT_KIND:
            by_agency.setdefault(v.agency, []).append(v)
    pair_jobs, unpaired, sketches = [], [], []
    used: set[str] = set()
    for agency, versions in sorted(by_agency.items()):
        versions.sort(key=lambda v: v.year)
        if len(versions) < 2:
            reason = f"only {versions[0].year} is archived, no earlier year to compare with"
            unpaired.append(Skipped(versions[0].ref, agency, reason, "new"))
            continue
        prev, last = versions[-2], versions[-1]
        report = _report_path(out, agency, used)
        pair_jobs.append(
            PairJob(agency, prev.ref, last.ref, prev.sha256, last.sha256, report, str(archive.path))
        )
        sketches.append(sketch_document(last.ref, archive.text(last)))
    return pair_jobs, unpaired, [], sketches


def _report_path(out: Path, agency: str, used: set[str]) -> Path:
    """pairs/<agency>.html, the name made safe and unique within this batch."""
    from ..archive.names import agency_key as safe_name

    try:
        stem = safe_name(agency)
    except ReportdiffError:
        stem = "report"
    name, n = stem, 1
    while name.casefold() in used:
        n += 1
        name = f"{stem}-{n}"
    used.add(name.casefold())
    return out / REPORTS_FOLDER / f"{name}.html"


def _compare_all(
    pair_jobs: list[PairJob], out: Path, jobs: int
) -> tuple[list[SummaryRow], list[Skipped], int]:
    """Compare every pair not already done; a pair that fails is listed, not fatal."""
    from ..batch.summary import Skipped, SummaryRow
    from ..scan import ProgressBar
    from .batch_jobs import compare_pair, earlier_outcome, keep_outcome

    done = [o for j in pair_jobs if (o := earlier_outcome(j, out)) is not None]
    todo = [j for j in pair_jobs if j not in {o.job for o in done}]
    progress = ProgressBar("comparing")
    outcomes: list[PairOutcome] = list(done)
    for _, outcome in _in_pool([partial(compare_pair, j) for j in todo], jobs, progress, len(done)):
        keep_outcome(outcome, out)
        outcomes.append(outcome)
    rows, failed = [], []
    for o in outcomes:
        if o.row is None:
            failed.append(Skipped(f"{o.job.old} → {o.job.new}", o.job.agency, o.problem))
            continue
        report = o.job.report.relative_to(out).as_posix()
        rows.append(replace(SummaryRow(**o.row), report=report))
    return rows, failed, len(done)


def _with_shares(rows: list[SummaryRow], sketches: list[DocSketch]) -> list[SummaryRow]:
    """Each NEW report's share of text found in other agencies' NEW reports."""
    from ..batch.summary import with_attention
    from ..corpusdb import CorpusIndex, cluster_index
    from ..scan import load_text

    if len(sketches) < 2:
        return rows
    with CorpusIndex(":memory:") as index:
        with index.transaction():
            batch = index.new_batch("batch")
            for s in sketches:
                index.add(s, s.path, batch, (0, 0))
        paths = [d.path for d in index.documents()]
        result = cluster_index(index, load_text)  # only shares are read: nothing is quoted
    share = {paths[s.doc]: s.shared for s in result.shares}
    return [with_attention(replace(r, shared_with_others=share.get(r.new_path))) for r in rows]


def _in_pool(
    tasks: Sequence[Callable[[], T]],
    jobs: int,
    progress: Callable[[int, int], None],
    already: int = 0,
) -> Iterator[tuple[int, T]]:
    """Run the tasks on ``jobs`` processes (in this one for a single job): (index of
    the task, its result) as each finishes, which need not be in order."""
    total = len(tasks) + already
    progress(already, total)
    if jobs <= 1 or len(tasks) <= 1:
        for n, task in enumerate(tasks):
            yield n, task()
            progress(already + n + 1, total)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only when pooled

    with ProcessPoolExecutor(min(jobs, len(tasks))) as pool:
        futures = {pool.submit(task): n for n, task in enumerate(tasks)}
        for done, future in enumerate(as_completed(futures), start=already + 1):
            yield futures[future], future.result()
            progress(done, total)
