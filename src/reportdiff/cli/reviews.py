"""`reportdiff reviews OLD NEW`: the marks and notes saved on a comparison.

Works for plain files (the state folder) and archive references (the archive's
reviews branch) alike. A review of an earlier version of the pair (one side since
revised) is carried forward, and sections whose text changed since they were marked
say so.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ..errors import ExitStatus
from .archive import add_archive_argument
from .output import add_file_argument, emit, output_format

if TYPE_CHECKING:
    from ..review_carry import ReviewEntry

SCHEMA_ID = "reportdiff.reviews/1"
FORMATS = ("text", "json")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reviews",
        help="list the reviewed marks and notes saved on a comparison",
        description="List the sections of OLD → NEW marked as reviewed or given a note in "
        "the review UI, and those whose text changed since they were marked.",
    )
    p.add_argument("old", metavar="OLD", help="the earlier report: a file or AGENCY@YEAR")
    p.add_argument("new", metavar="NEW", help="the later report: a file or AGENCY@YEAR")
    p.add_argument("--format", choices=FORMATS, default=None, help="output format (default: text)")
    add_file_argument(p, FORMATS)
    add_archive_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive.inputs import read_input
    from ..core.compare import compare
    from ..review import open_review
    from ..review_carry import review_entries
    from .compare import review_store

    comparison = compare(read_input(args.old, args.archive), read_input(args.new, args.archive))
    state = open_review(comparison, review_store(comparison, args))
    entries = review_entries(comparison, state)
    if output_format(args) == "json":
        from ..render.json import reviews_to_dict

        data = {
            "schema": SCHEMA_ID,
            "old": comparison.old.path,
            "new": comparison.new.path,
            "key": state.key,
            "updated": state.updated,
            "reviews": reviews_to_dict(comparison, entries),
        }
        emit(args, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return ExitStatus.SAME
    emit(args, _text(comparison.old.path, comparison.new.path, entries, len(comparison.pairs)))
    return ExitStatus.SAME


def _text(old: str, new: str, entries: list[ReviewEntry], total: int) -> str:
    from ..render.text import review_lines
    from ..safetext import safe_text

    if not entries:
        return safe_text(f"no reviews of {old} → {new}\n")
    return safe_text("\n".join(review_lines(entries, total, f"review of {old} → {new}")) + "\n")
