"""`reportdiff scan DIR`: passages shared across a folder of reports."""

from __future__ import annotations

import argparse
import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitStatus, ReportdiffError
from .output import add_file_argument, add_pager_argument, emit, emit_chunks, output_format

if TYPE_CHECKING:
    from ..scan import Engine

FORMATS = ("text", "json", "jsonl", "csv")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "scan",
        help="find passages shared across a folder of reports",
        description="Scan every .txt, .md, .docx and .pdf report under DIR: clusters of "
        "shared passages (the passage, how many reports, which ones) and each report's "
        "boilerplate share, ranked; every file not read is listed with the reason. "
        "With --index, the reports are added to an index file kept from scan to scan, "
        "and the output is about what the new ones share with everything indexed before. "
        "Exit status: 0 done, 2 trouble.",
    )
    p.add_argument("folder", metavar="DIR", help="folder of reports (searched recursively)")
    p.add_argument("--format", choices=FORMATS, default=None, help="output format (default: text)")
    p.add_argument(
        "--index",
        metavar="FILE",
        help="add the reports to this corpus index (made if missing) and scan them "
        "against everything in it; reports already indexed and unchanged are not read again",
    )
    p.add_argument(
        "--table",
        choices=("documents", "clusters"),
        default="documents",
        help="which table --format csv writes (default: documents)",
    )
    add_file_argument(p, FORMATS)
    add_pager_argument(p)
    p.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="worker processes (default: 2)"
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where reading, sketching and bucket matching run: worker processes here "
        "(default), or a Dask cluster (needs pip install 'reportdiff[dask]'); same output",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler to use (tcp://HOST:8786); default: a "
        "local cluster of --workers processes",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="with --engine dask and no --scheduler: local workers (default: 2)",
    )
    p.add_argument(
        "--workdir",
        metavar="DIR",
        help="with --engine dask: a folder every worker can read, for the bucket "
        "partitions (default: a temporary folder, which only a local cluster can read)",
    )
    p.add_argument(
        "--top", type=int, default=20, metavar="N", help="rows per list in the text output"
    )
    p.add_argument(
        "--template-share",
        type=float,
        default=None,
        metavar="F",
        help="a passage in at least this share of the reports (and 3) is template-like "
        "(default: 0.5)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..corpusdb import CorpusIndex
    from ..render.scan import iter_scan_csv, iter_scan_json, iter_scan_jsonl, render_scan_text
    from ..scan import ProgressBar, scan_index

    if args.jobs is not None and args.jobs < 1:
        raise ReportdiffError("--jobs must be at least 1")
    share = args.template_share
    if share is not None and not 0 < share <= 1:
        raise ReportdiffError("--template-share must be in (0, 1]")
    if not Path(args.folder).is_dir():
        raise ReportdiffError(f"{args.folder}: is not a directory")
    fmt = output_format(args)
    with (
        _engine(args) as engine,
        _index_file(args.index) as path,
        CorpusIndex(path) as index,
    ):
        result = scan_index(
            index,
            args.folder,
            engine=engine,
            template_share=share,
            progress=ProgressBar("scanning"),
        )
        if not result.paths and not result.skipped:
            raise ReportdiffError(f"{args.folder}: no .txt, .md, .docx or .pdf reports in it")
        if fmt == "json":
            emit_chunks(args, iter_scan_json(result))
        elif fmt == "jsonl":
            emit_chunks(args, iter_scan_jsonl(result))
        elif fmt == "csv":
            emit_chunks(args, iter_scan_csv(result, args.table))
        else:
            emit(args, render_scan_text(result, args.top))
    return ExitStatus.SAME


@contextlib.contextmanager
def _engine(args: argparse.Namespace) -> Iterator[Engine]:
    if args.engine == "local":
        if args.scheduler or args.workers or args.workdir:
            raise ReportdiffError("--scheduler, --workers and --workdir go with --engine dask")
        from ..scan import local_engine

        yield local_engine(args.jobs)
        return
    if args.workers is not None and args.workers < 1:
        raise ReportdiffError("--workers must be at least 1")
    from ..scan_dask import dask_engine

    with dask_engine(args.scheduler, args.workers, args.workdir) as engine:
        yield engine


@contextlib.contextmanager
def _index_file(named: str | None) -> Iterator[str]:
    """The index the user named, or a throwaway one on disk (memory stays flat)."""
    if named:
        yield named
        return
    with tempfile.TemporaryDirectory(prefix="reportdiff-scan-") as folder:
        yield str(Path(folder) / "corpus.db")
