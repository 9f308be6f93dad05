"""`compare --format html|docx -o FILE`: the comparison as a file to send or open."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import ReportdiffError
from .output import input_paths, write_output

if TYPE_CHECKING:
    from ..model import Comparison
    from ..review_carry import ReviewEntry

EXPORTS = ("html", "docx")


def export(
    comparison: Comparison,
    fmt: str,
    args: argparse.Namespace,
    reviews: Sequence[ReviewEntry] = (),
) -> None:
    """Write the HTML report or the Word redline to -o FILE, atomically, with the
    review's marks and notes beside their sections (as Word comments in the redline)."""
    output = args.output
    if not output:
        raise ReportdiffError(f"--format {fmt} writes a file: add -o FILE.{fmt}")
    if fmt == "html":
        from ..render.html import render_html

        data = render_html(comparison, reviews).encode("utf-8")
    else:
        from ..render.docx import render_docx

        data = render_docx(comparison, reviews=reviews)
    write_output(output, data, input_paths(args))
