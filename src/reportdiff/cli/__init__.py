"""Command line: one module per command, each a thin layer over a library call.

Every ReportdiffError becomes one line on stderr and exit status 2; textual is only
imported by the commands that open the terminal UI.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import ExitStatus, ReportdiffError

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
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportdiff",
        description="Show what changed between two versions of a sectioned report, "
        "and what in it is copy-pasted boilerplate.",
    )
    parser.add_argument("--version", action="version", version=f"reportdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ReportdiffError as exc:
        print(f"reportdiff: error: {exc}", file=sys.stderr)
        return ExitStatus.TROUBLE
    except KeyboardInterrupt:
        print("reportdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error of ours.
        sys.stderr.close()
        return ExitStatus.TROUBLE


if __name__ == "__main__":
    sys.exit(main())
