"""`reportdiff demo`: compare the bundled sample pair."""

from __future__ import annotations

import argparse

from .compare import add_compare_arguments, compare_options, show
from .output import add_output_arguments

DEMO_OLD = "zh/qingshui-water-2023.txt"
DEMO_NEW = "zh/qingshui-water-2024.txt"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="compare the bundled sample reports",
        description="Compare the bundled pair of sample reports (a fictional county "
        "agency's 2023 and 2024 self-evaluation reports). Exits 0 when the demo ran "
        "(use compare for diff(1)-style exit statuses).",
    )
    add_compare_arguments(p)
    add_output_arguments(p, ("text", "json"), interactive=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.compare import compare
    from ..readers import read_document
    from ..samples import sample_path

    old = read_document(sample_path(DEMO_OLD))
    new = read_document(sample_path(DEMO_NEW))
    show(compare(old, new, compare_options(args)), args)
    return 0
