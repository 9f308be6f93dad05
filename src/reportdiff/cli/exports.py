"""`compare --format html|docx -o FILE`: the comparison as a file to send or open."""

from __future__ import annotations

from ..errors import ReportdiffError
from ..fsutil import atomic_write_bytes
from ..model import Comparison

EXPORTS = ("html", "docx")


def export(comparison: Comparison, fmt: str, output: str | None) -> None:
    """Write the HTML report or the Word redline to ``output``, atomically."""
    if not output:
        raise ReportdiffError(f"--format {fmt} writes a file: add -o FILE.{fmt}")
    if fmt == "html":
        from ..render.html import render_html

        data = render_html(comparison).encode("utf-8")
    else:
        from ..render.docx import render_docx

        data = render_docx(comparison)
    atomic_write_bytes(output, data)
