"""`reportdiff compare OLD NEW`: the main job."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..collector import collector_paused
from ..errors import ExitStatus, ReportdiffError
from ..folders import any_saved_review
from .archive import add_archive_argument
from .exports import EXPORTS
from .output import add_output_arguments, emit, output_format, render_options
from .progress import BIG_INPUT_CHARS, working

if TYPE_CHECKING:
    from ..archive import Version
    from ..core.reuse import ReuseContext
    from ..model import Comparison, Document
    from ..options import CompareOptions
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
    p.add_argument(
        "old", metavar="OLD", help="the earlier report: a file, AGENCY@YEAR, or - for stdin"
    )
    p.add_argument(
        "new", metavar="NEW", help="the later report: a file, AGENCY@YEAR, or - for stdin"
    )
    add_compare_arguments(p)
    add_archive_argument(p)
    add_output_arguments(p, FORMATS, interactive=True)
    p.add_argument(
        "--full",
        action="store_true",
        help="in the text report, show long edits whole instead of cut at 400 characters",
    )
    add_short_form_arguments(p)
    p.set_defaults(run=run)


def add_short_form_arguments(p: argparse.ArgumentParser) -> None:
    short = p.add_mutually_exclusive_group()
    short.add_argument(
        "--stat",
        action="store_true",
        help="one line per changed section with its characters inserted and deleted, "
        "as `git diff --stat`",
    )
    short.add_argument(
        "-q",
        "--brief",
        action="store_true",
        help="only say whether the reports differ, as `diff -q` (exit status as usual)",
    )


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
    from ..options import CompareOptions

    return CompareOptions(diff_timeout_s=args.timeout, all_numbers=args.all_numbers)


def run(args: argparse.Namespace) -> int:
    if args.old == "-" and args.new == "-":
        raise ReportdiffError("only one of OLD and NEW can be - (stdin)")
    short = (
        "--stat" if getattr(args, "stat", False) else "-q" if getattr(args, "brief", False) else ""
    )
    fmt = output_format(args) if short else "text"
    if fmt != "text":
        raise ReportdiffError(
            f"{short} prints a short text form, not {fmt}; "
            "drop --format or -o, or write it to a .txt file"
        )
    # Loading the core and reading two reports make hundreds of thousands of objects
    # that live on, and next to no cycles: the collector would only walk them again.
    with collector_paused():
        from ..core.compare import compare

        old, new = read_compare_input(args.old, args), read_compare_input(args.new, args)
    context = reuse_context(args)  # (a corpus folder is read with the collector on)
    big = len(old.text) + len(new.text) > BIG_INPUT_CHARS
    slow = big or bool(context and (context.corpus or context.corpus_index))
    with working(f"comparing {Path(old.path).name} and {Path(new.path).name}", shown=slow):
        comparison = compare(old, new, compare_options(args), context)
    return show(comparison, args)


def read_compare_input(spec: str, args: argparse.Namespace) -> Document:
    """A file (the common case, read without loading the archive), - for stdin, or
    AGENCY@YEAR."""
    if spec == "-":
        from .stdin import read_stdin

        return read_stdin()
    if Path(spec).exists():
        from ..readers import read_document

        return read_document(spec)
    from ..archive.inputs import read_input

    return read_input(spec, args.archive)


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
        from ..scan import reread_unchanged

        inputs = [str(Path(p).resolve()) for p in (args.old, args.new)]
        lookup = IndexLookup(CorpusIndex(corpus_dir), exclude=inputs, reread=reread_unchanged)
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
        args.format is None
        and args.output is None
        and not getattr(args, "stat", False)
        and not getattr(args, "brief", False)
        and sys.stdout.isatty()
        and sys.stdin.isatty()
    )


def review_store(comparison: Comparison, args: argparse.Namespace) -> ReviewStore:
    """Archive references keep their marks in the archive; plain files in the state dir."""
    versions = _archived_versions(args)
    if any(versions):
        from ..archive.reviews import ArchiveReviewStore

        old, new = versions
        return ArchiveReviewStore(getattr(args, "archive", None), old, new, comparison=comparison)
    from ..review import DirectoryReviewStore

    return DirectoryReviewStore()


def _archived_versions(args: argparse.Namespace) -> list[Version | None]:
    archive_dir = getattr(args, "archive", None)
    return [_archived(getattr(args, name, None), archive_dir) for name in ("old", "new")]


def _archived(spec: str | None, archive_dir: str | None) -> Version | None:
    """The archived version a spec names; files and stdin are looked at without
    loading the archive (the common case, on the path of every export)."""
    if not spec or spec == "-" or Path(spec).exists():
        return None
    from ..archive.inputs import archived_version

    return archived_version(spec, archive_dir)


def saved_reviews(comparison: Comparison, args: argparse.Namespace) -> list[ReviewEntry] | None:
    """The review saved on this pair (where the review UI would keep it), for an export."""
    if not any(_archived_versions(args)) and not any_saved_review():
        return None  # nothing reviewed yet: the review machinery need not load
    from ..review import saved_entries

    return saved_entries(comparison, review_store(comparison, args))


def text_report(comparison: Comparison, args: argparse.Namespace) -> str:
    """The text report, its --stat or --brief short form, or the one identical line."""
    from ..render import stat

    if getattr(args, "brief", False):
        return stat.render_brief(comparison)
    if getattr(args, "stat", False):
        return stat.render_stat(comparison, render_options(args))
    if comparison.identical:
        return stat.identical_line(comparison)
    from ..render.text import render_text

    options = render_options(args)._replace(full=getattr(args, "full", False))
    return render_text(comparison, options, saved_reviews(comparison, args) or ())


def show(comparison: Comparison, args: argparse.Namespace) -> int:
    """Print (or open) a comparison as args ask; the exit status follows diff(1).

    On a terminal, with no --format and no --output, the review UI opens instead.
    """
    if wants_ui(args):
        from .. import regex_cache
        from ..tui import run_review

        regex_cache.settle()  # a reviewer's searches are not kept
        run_review(comparison, review_store(comparison, args))
        return ExitStatus.DIFFERENT if comparison.has_differences else ExitStatus.SAME
    fmt = output_format(args)
    if fmt in EXPORTS:
        from .exports import export

        export(comparison, fmt, args, saved_reviews(comparison, args) or ())
    elif fmt == "json":
        from ..render.json import render_json

        emit(args, render_json(comparison, reviews=saved_reviews(comparison, args)) + "\n")
    else:
        emit(args, text_report(comparison, args))
    sys.stdout.flush()
    return ExitStatus.DIFFERENT if comparison.has_differences else ExitStatus.SAME
