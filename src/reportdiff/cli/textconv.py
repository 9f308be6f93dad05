"""`reportdiff textconv FILE`: a report's normalised text, for a git diff driver."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "textconv",
        help="print a report's normalised text (a git textconv diff driver)",
        description="Print FILE's normalised text so that `git diff` on .docx reports "
        "shows readable text. Set up with `*.docx diff=reportdiff` in .gitattributes and "
        '`git config diff.reportdiff.textconv "reportdiff textconv"`.',
    )
    p.add_argument("file", metavar="FILE", help="a report (.txt, .md, .docx or .pdf)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..readers import read_document

    text = read_document(args.file).text
    if text and not text.endswith("\n"):
        text += "\n"
    # git compares bytes: always UTF-8, whatever the locale's encoding.
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0
