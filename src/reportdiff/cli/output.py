"""Output options shared by the commands that print a comparison."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from ..errors import ReportdiffError
from ..fsutil import atomic_write_text, atomic_writer
from ..options import RenderOptions


def add_output_arguments(
    parser: argparse.ArgumentParser, formats: tuple[str, ...], *, interactive: bool = False
) -> None:
    parser.add_argument(
        "--format",
        choices=formats,
        default=None,
        help="output format (default: the review UI on a terminal, text otherwise)"
        if interactive
        else "output format (default: text)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the output to FILE (atomically) instead of stdout",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (default: auto, on a terminal)",
    )


def render_options(args: argparse.Namespace) -> RenderOptions:
    to_terminal = args.output is None and sys.stdout.isatty()
    color = args.color == "always" or (
        args.color == "auto" and to_terminal and "NO_COLOR" not in os.environ
    )
    width = shutil.get_terminal_size((100, 24)).columns if to_terminal else 100
    return RenderOptions(color=color, width=width)


def emit(args: argparse.Namespace, text: str) -> None:
    if args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _check_target(path: str) -> None:
    target = Path(path)
    if target.is_dir():
        raise ReportdiffError(f"{path}: is a directory; give a file name to -o")
    if not target.parent.is_dir():
        raise ReportdiffError(f"{path}: folder {target.parent} does not exist")


def write_output(path: str, text: str) -> None:
    """Write a file the user named with -o; problems become one-line errors."""
    _check_target(path)
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise ReportdiffError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def emit_chunks(args: argparse.Namespace, chunks: Iterable[str]) -> None:
    """Like ``emit``, for output produced piece by piece (never held whole)."""
    if not args.output:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    _check_target(args.output)
    try:
        with atomic_writer(args.output) as fh:
            for chunk in chunks:
                fh.write(chunk.encode("utf-8"))
    except OSError as exc:
        raise ReportdiffError(f"{args.output}: cannot write ({exc.strerror or exc})") from exc
