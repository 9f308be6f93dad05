"""Command line: one module per command, each a thin layer over a library call.

Every failure — a ReportdiffError, a bad argument, an OS error, even a bug — becomes
one line on stderr and exit status 2; only "the reports differ" exits 1. No traceback
reaches the user unless REPORTDIFF_DEBUG is set. Building the parser imports only the
command modules, which import nothing heavy at module level: each command imports the
core, readers, renderers, archive or UI it needs when it runs, so `compare --format
json` never loads textual, python-docx or git.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from .. import __version__
from ..errors import ExitStatus, ReportdiffError
from . import console

# Each module has register(subparsers) and sets args.run to a function(args) -> int.
COMMAND_MODULES = (
    "compare",
    "demo",
    "scan",
    "archive",
    "figures",
    "trend",
    "history",
    "textconv",
    "batch",
    "reviews",
    "completion",
)


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line (its subcommand parsers inherit it)."""

    def error(self, message: str) -> NoReturn:
        hint = _did_you_mean(message, self)
        fail(f"{message}{hint} (see `{self.prog} --help`)")


def _did_you_mean(message: str, parser: argparse.ArgumentParser) -> str:
    """' — did you mean …?' for a mistyped command, action or option; else ''."""
    import difflib

    choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        typed, offered = choice.group(1), re.findall(r"'([^']*)'", choice.group(2))
    elif message.startswith("unrecognized arguments: "):
        typed = next((a for a in message.split()[2:] if a.startswith("-")), "")
        offered = sorted(_option_strings(parser))
    else:
        return ""
    close = difflib.get_close_matches(typed, offered, n=1, cutoff=0.6) if typed else []
    return f" — did you mean {close[0]!r}?" if close else ""


def _option_strings(parser: argparse.ArgumentParser) -> set[str]:
    """Every option of ``parser`` and of its subcommands, all the way down."""
    found = set(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                found |= _option_strings(sub)
    return found


def fail(message: str) -> NoReturn:
    from ..safetext import safe_line

    print(f"reportdiff: error: {safe_line(message)}", file=sys.stderr)
    raise SystemExit(ExitStatus.TROUBLE)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` that one command's part of it (the
    others' modules are then not imported: a run names its command)."""
    parser = _Parser(
        prog="reportdiff",
        description="Show what changed between two versions of a sectioned report, "
        "and what in it is copy-pasted boilerplate.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"reportdiff {__version__}")
    parser.add_argument(
        "--no-pager",
        action="store_true",
        help="never page text output (on a terminal it goes through $REPORTDIFF_PAGER, "
        "$PAGER or less -FRX)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in (only,) if only else COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def named_command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when its first word that is not an option names one;
    otherwise None (the whole parser then answers: help, or the error that lists them)."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return word if word in COMMAND_MODULES else None


def main(argv: Sequence[str] | None = None, started: Callable[[], None] | None = None) -> int:
    """Run the command line; ``started`` is called as the command begins, its arguments
    read (the process entry uses it: see entry.py)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    console.prepare()  # a code page that lacks a character writes a stand-in, not a failure
    if argv[:1] in (["-V"], ["--version"]):  # as argparse answers it, without the parser
        print(f"reportdiff {__version__}")
        return ExitStatus.SAME
    command = named_command(argv)
    if command:  # (help and --version compile next to no patterns)
        from .. import regex_cache

        regex_cache.start()  # before the command's modules compile theirs
    args = build_parser(command).parse_args(argv)
    if started is not None:
        started()
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("reportdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error of ours.
        sys.stderr.close()
        return ExitStatus.TROUBLE
    except Exception as exc:  # the one place every failure is turned into one line
        if os.environ.get("REPORTDIFF_DEBUG"):
            raise
        from ..safetext import safe_line

        print(f"reportdiff: error: {safe_line(describe_failure(exc))}", file=sys.stderr)
        return ExitStatus.TROUBLE


def describe_failure(exc: Exception) -> str:
    """One line for any exception: the user's problem as it is, anything else named."""
    if isinstance(exc, ReportdiffError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "out of memory; the input is too large for this machine"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    first = str(exc).splitlines()[0][:200] if str(exc) else ""
    return (
        f"unexpected {type(exc).__name__}{': ' + first if first else ''} "
        "(a bug; rerun with REPORTDIFF_DEBUG=1 for details)"
    )


if __name__ == "__main__":
    sys.exit(main())
