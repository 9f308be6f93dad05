"""`compare --format html|docx -o FILE`: the comparison as a file to send or open."""

from __future__ import annotations

import argparse

from ..errors import ReportdiffError
from ..model import Comparison
from .output import input_paths, write_output

EXPORTS = ("html", "docx")


def export(comparison: Comparison, fmt: str, args: argparse.Namespace) -> None:
    """Write the HTML report or the Word redline to -o FILE, atomically."""
    output = args.output
    if not output:
        raise ReportdiffError(f"--format {fmt} writes a file: add -o FILE.{fmt}")
    if fmt == "html":
        from ..render.html import render_html

        data = render_html(comparison).encode("utf-8")
    else:
        from ..render.docx import render_docx

        data = render_docx(comparison)
    write_output(output, data, input_paths(args))
