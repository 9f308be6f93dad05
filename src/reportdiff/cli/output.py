"""Output options shared by the commands that print a comparison."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import ReportdiffError
from ..fsutil import atomic_writer
from ..options import RenderOptions
from ..safetext import shown_name

# The arguments that name files or folders a command reads: -o must not replace them.
_INPUT_ARGUMENTS = ("old", "new", "template", "corpus", "folder", "file")


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
    """Print ``text``, or write it to -o FILE; never anything but valid UTF-8."""
    text = shown_name(text)
    if args.output:
        write_output(args.output, text.encode("utf-8"), input_paths(args))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def input_paths(args: argparse.Namespace) -> list[str]:
    found: list[str] = []
    for name in _INPUT_ARGUMENTS:
        value = getattr(args, name, None)
        found.extend(value if isinstance(value, list) else [value] if value else [])
    return found


def _check_target(path: str, inputs: Sequence[str]) -> None:
    target = Path(path)
    if target.is_dir():
        raise ReportdiffError(f"{path}: is a directory; give a file name to -o")
    if not target.parent.is_dir():
        raise ReportdiffError(f"{path}: folder {target.parent} does not exist")
    refuse_input(target, inputs)


def write_output(path: str, data: bytes, inputs: Sequence[str] = ()) -> None:
    """Write a file the user named with -o; problems become one-line errors."""
    write_chunks(path, [data], inputs)


def emit_chunks(args: argparse.Namespace, chunks: Iterable[str]) -> None:
    """Like ``emit``, for output produced piece by piece (never held whole)."""
    if not args.output:
        for chunk in chunks:
            sys.stdout.write(shown_name(chunk))
        sys.stdout.flush()
        return
    write_chunks(args.output, (shown_name(c).encode("utf-8") for c in chunks), input_paths(args))


def write_chunks(path: str, chunks: Iterable[bytes], inputs: Sequence[str] = ()) -> None:
    """Write -o FILE atomically from pieces; a full disk or a refusal is one line."""
    _check_target(path, inputs)
    try:
        with atomic_writer(path) as fh:
            for chunk in chunks:
                fh.write(chunk)
    except OSError as exc:
        raise ReportdiffError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def refuse_input(target: Path, inputs: Sequence[str]) -> None:
    """-o naming a file the command reads (or a report inside a folder it reads) is refused."""
    from ..scan import REPORT_SUFFIXES

    if not target.is_file():
        return  # a new file, or a device such as /dev/stdout: nothing to lose
    for name in inputs:
        source = Path(name)
        if source.is_dir():
            inside = target.resolve().is_relative_to(source.resolve())
            clash = inside and target.suffix.lower() in REPORT_SUFFIXES
        else:
            clash = source.is_file() and os.path.samefile(source, target)
        if clash:
            raise ReportdiffError(
                f"{target}: -o names one of the reports being read; give another file name"
            )
