"""Output options shared by the commands that print a report: format (named, or told
by the extension of -o), output file, colour, and the pager on a terminal."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReportdiffError
from ..office_formats import OFFICE_FORMATS
from ..safetext import shown_name

if TYPE_CHECKING:
    from ..options import RenderOptions

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
    add_file_argument(parser, formats)
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (default: auto: on a terminal, unless NO_COLOR is "
        "set; FORCE_COLOR or CLICOLOR_FORCE colour it anywhere)",
    )
    add_pager_argument(parser)


def add_file_argument(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """-o FILE; its extension picks the format when --format is not given."""
    known = ", ".join(f".{f}" for f in formats if f != "text")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"write the output to FILE (atomically) instead of stdout; without --format, "
        f"the extension picks the format ({known}; anything else is text)",
    )
    parser.set_defaults(output_formats=formats)


def add_pager_argument(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a default here would overwrite `reportdiff --no-pager COMMAND`.
    parser.add_argument(
        "--no-pager",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print to the terminal directly instead of through $REPORTDIFF_PAGER, $PAGER or less",
    )


# Extensions that name a format; which of them a command can write is its own choice.
FORMAT_OF_EXTENSION = {
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".docx": "docx",
    ".csv": "csv",
    ".txt": "text",
}


# Extensions of formats no command writes: plain text under such a name would open as a
# broken file (a PDF is made by printing the .html export).
_NOT_WRITTEN = {".pdf": "a PDF (print the .html to PDF)", **OFFICE_FORMATS}


def output_format(args: argparse.Namespace) -> str:
    """--format when given, else the format -o's extension names, else text."""
    if args.format:
        return str(args.format)
    output = getattr(args, "output", None)
    if not output:
        return "text"
    suffix = Path(output).suffix.lower()
    formats = getattr(args, "output_formats", ("text",))
    if suffix in _NOT_WRITTEN:
        written = ", ".join(
            e for e, f in FORMAT_OF_EXTENSION.items() if f in formats and e != ".htm"
        )
        raise ReportdiffError(f"{output}: {_NOT_WRITTEN[suffix]} is not written; write {written}")
    fmt = FORMAT_OF_EXTENSION.get(suffix, "text")
    if fmt not in formats:
        raise ReportdiffError(
            f"{output}: this command does not write {fmt}; "
            f"use --format {' or '.join(formats)} or another extension"
        )
    return fmt


def render_options(args: argparse.Namespace) -> RenderOptions:
    from ..options import RenderOptions

    to_terminal = args.output is None and sys.stdout.isatty()
    color = args.color == "always" or (
        args.color == "auto" and args.output is None and colour_wanted(to_terminal)
    )
    if color and to_terminal and args.color == "auto":
        from .console import shows_ansi

        color = shows_ansi(sys.stdout)  # not on a Windows console that cannot show it
    width = shutil.get_terminal_size((100, 24)).columns if to_terminal else 100
    return RenderOptions(color=color, width=width)


def colour_wanted(to_terminal: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Colour by the conventions: FORCE_COLOR / CLICOLOR_FORCE force it (unless "0"),
    NO_COLOR turns it off, otherwise colour only on a terminal."""
    env = os.environ if environ is None else environ
    if any(env.get(name, "") not in ("", "0") for name in ("FORCE_COLOR", "CLICOLOR_FORCE")):
        return True
    if env.get("NO_COLOR"):
        return False
    return to_terminal


def emit(args: argparse.Namespace, text: str) -> None:
    """Print ``text`` (through the pager when stdout is a terminal), or write it to -o
    FILE; never anything but valid UTF-8."""
    text = shown_name(text)
    if args.output:
        write_output(args.output, text.encode("utf-8"), input_paths(args))
        return
    from .pager import page, pager_command, should_page

    command = pager_command()
    if command and should_page(sys.stdout, getattr(args, "no_pager", False)):
        page(text, command)
        return
    from . import console

    console.write(text, output_format(args))
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
        from . import console

        fmt = output_format(args)
        for chunk in chunks:
            console.write(shown_name(chunk), fmt)
        sys.stdout.flush()
        return
    write_chunks(args.output, (shown_name(c).encode("utf-8") for c in chunks), input_paths(args))


def write_chunks(path: str, chunks: Iterable[bytes], inputs: Sequence[str] = ()) -> None:
    """Write -o FILE atomically from pieces; a full disk or a refusal is one line."""
    from ..fsutil import atomic_writer

    _check_target(path, inputs)
    try:
        with atomic_writer(path) as fh:
            for chunk in chunks:
                fh.write(chunk)
    except OSError as exc:
        raise ReportdiffError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def refuse_input(target: Path, inputs: Sequence[str]) -> None:
    """-o naming a file the command reads (or a report inside a folder it reads) is refused."""
    if not target.is_file():
        return  # a new file, or a device such as /dev/stdout: nothing to lose
    for name in inputs:
        source = Path(name)
        if source.is_dir():
            from ..scan import REPORT_SUFFIXES

            inside = target.resolve().is_relative_to(source.resolve())
            clash = inside and target.suffix.lower() in REPORT_SUFFIXES
        else:
            clash = source.is_file() and os.path.samefile(source, target)
        if clash:
            raise ReportdiffError(
                f"{target}: -o names one of the reports being read; give another file name"
            )
