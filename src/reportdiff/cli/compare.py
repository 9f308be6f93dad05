"""`reportdiff compare OLD NEW`: the main job."""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitStatus
from ..model import Comparison, Document
from ..options import CompareOptions
from .archive import add_archive_argument
from .exports import EXPORTS
from .output import add_output_arguments, emit, render_options

if TYPE_CHECKING:
    from ..core.reuse import ReuseContext
    from ..review import ReviewStore
    from ..review_carry import ReviewEntry

FORMATS = ("text", "json", "html", "docx")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare",
        help="compare two versions of a report",
        description="Compare OLD and NEW: aligned sections, word-level edits, figures, "
        "arithmetic checks and boilerplate. Exit status: 0 no differences, "
        "1 differences, 2 trouble.",
    )
    p.add_argument("old", metavar="OLD", help="the earlier report: a file or AGENCY@YEAR")
    p.add_argument("new", metavar="NEW", help="the later report: a file or AGENCY@YEAR")
    add_compare_arguments(p)
    add_archive_argument(p)
    add_output_arguments(p, FORMATS, interactive=True)
    p.add_argument(
        "--full",
        action="store_true",
        help="in the text report, show long edits whole instead of cut at 400 characters",
    )
    p.set_defaults(run=run)


def add_compare_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--all-numbers",
        action="store_true",
        help="list unchanged figures too, not only changed, added and removed ones",
    )
    p.add_argument(
        "--timeout",
        type=seconds,
        default=1.0,
        metavar="SECONDS",
        help="word-level diff budget per section pair before a sentence-level "
        "fallback (default: 1)",
    )
    p.add_argument(
        "--template",
        action="append",
        default=[],
        metavar="FILE",
        help="a blank template or form the reports were filled in from; passages of it "
        "left in are flagged as template (repeatable)",
    )
    p.add_argument(
        "--corpus",
        metavar="DIR|INDEX",
        help="a folder of other reports, or a corpus index made by `scan --index`; passages "
        "NEW shares with them are flagged as shared (or template, when most of them have it)",
    )


def seconds(text: str) -> float:
    """A --timeout value: a finite number of seconds above zero (not 0, nan or inf)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds above 0")
    return value


def compare_options(args: argparse.Namespace) -> CompareOptions:
    return CompareOptions(diff_timeout_s=args.timeout, all_numbers=args.all_numbers)


def run(args: argparse.Namespace) -> int:
    from ..archive.inputs import read_input
    from ..core.compare import compare

    old, new = read_input(args.old, args.archive), read_input(args.new, args.archive)
    comparison = compare(old, new, compare_options(args), reuse_context(args))
    return show(comparison, args)


def reuse_context(args: argparse.Namespace) -> ReuseContext | None:
    """Templates (--template) and a reference corpus (--corpus) to check NEW against."""
    from ..core.reuse import ReuseContext
    from ..readers import read_document

    templates = getattr(args, "template", None) or []
    corpus_dir = getattr(args, "corpus", None)
    if not templates and not corpus_dir:
        return None
    corpus: tuple[Document, ...] = ()
    lookup = None
    if corpus_dir and Path(corpus_dir).is_file():
        from ..corpusdb import CorpusIndex, IndexLookup

        inputs = [str(Path(p).resolve()) for p in (args.old, args.new)]
        lookup = IndexLookup(CorpusIndex(corpus_dir), exclude=inputs)
    elif corpus_dir:
        from ..scan import find_reports, read_reports, warn_skip

        corpus = tuple(read_reports(find_reports(corpus_dir), warn_skip))
    return ReuseContext(
        templates=tuple(read_document(t) for t in templates),
        corpus=corpus,
        corpus_index=lookup,
    )


def wants_ui(args: argparse.Namespace) -> bool:
    return (
        args.format is None and args.output is None and sys.stdout.isatty() and sys.stdin.isatty()
    )


def review_store(comparison: Comparison, args: argparse.Namespace) -> ReviewStore:
    """Archive references keep their marks in the archive; plain files in the state dir."""
    from ..archive.inputs import archived_version

    archive_dir = getattr(args, "archive", None)
    specs = [getattr(args, name, None) for name in ("old", "new")]
    versions = [archived_version(s, archive_dir) if s else None for s in specs]
    if any(versions):
        from ..archive.reviews import ArchiveReviewStore

        old, new = versions
        return ArchiveReviewStore(archive_dir, old, new, comparison=comparison)
    from ..review import DirectoryReviewStore

    return DirectoryReviewStore()


def saved_reviews(comparison: Comparison, args: argparse.Namespace) -> list[ReviewEntry] | None:
    """The review saved on this pair (where the review UI would keep it), for an export."""
    from ..review import saved_entries

    return saved_entries(comparison, review_store(comparison, args))


def show(comparison: Comparison, args: argparse.Namespace) -> int:
    """Print (or open) a comparison as args ask; the exit status follows diff(1).

    On a terminal, with no --format and no --output, the review UI opens instead.
    """
    if wants_ui(args):
        from ..tui import run_review

        run_review(comparison, review_store(comparison, args))
        return ExitStatus.DIFFERENT if comparison.has_differences else ExitStatus.SAME
    fmt = args.format or "text"
    if fmt in EXPORTS:
        from .exports import export

        export(comparison, fmt, args, saved_reviews(comparison, args) or ())
    elif fmt == "json":
        from ..render.json import render_json

        emit(args, render_json(comparison, reviews=saved_reviews(comparison, args)) + "\n")
    else:
        from ..render.text import render_text

        options = replace(render_options(args), full=getattr(args, "full", False))
        emit(args, render_text(comparison, options))
    sys.stdout.flush()
    return ExitStatus.DIFFERENT if comparison.has_differences else ExitStatus.SAME
