"""`reportdiff figures FILE`: one document's figures and arithmetic checks."""

from __future__ import annotations

import argparse

from ..errors import ExitStatus
from .output import add_output_arguments, emit, output_format, render_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "figures",
        help="list a report's figures and check its own arithmetic",
        description="List every figure of FILE (value, unit, label, section, the total it "
        "is part of) and the checks of the report's own arithmetic. Exit status: "
        "0 all checks pass, 1 a check failed, 2 trouble.",
    )
    p.add_argument("file", metavar="FILE", help="a report (.txt, .md, .docx or .pdf)")
    add_output_arguments(p, ("text", "json"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.checks import check_document
    from ..core.figures import extract_figures
    from ..core.sections import segment_document
    from ..readers import read_document

    doc = read_document(args.file)
    sections = segment_document(doc)
    figures = extract_figures(doc, sections)
    checks = check_document(doc, sections, "new", figures)
    if output_format(args) == "json":
        from ..render.figures import render_figures_json

        emit(args, render_figures_json(doc, figures, checks))
    else:
        from ..render.figures import render_figures_text

        emit(args, render_figures_text(doc, figures, checks, render_options(args).width))
    return ExitStatus.DIFFERENT if checks else ExitStatus.SAME
