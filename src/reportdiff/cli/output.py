"""Output options shared by the commands that print a comparison."""

from __future__ import annotations

import argparse
import os
import shutil
import sys

from ..fsutil import atomic_write_text
from ..options import RenderOptions


def add_output_arguments(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument(
        "--format",
        choices=formats,
        default=None,
        help="output format (default: the review UI on a terminal, text otherwise)",
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
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
