"""`reportdiff completion SHELL`: a shell completion script generated from the parser."""

from __future__ import annotations

import argparse
import sys

SHELLS = ("bash", "zsh", "tcsh")
# Arguments whose value is a path, told by their metavar.
_FILE_METAVARS = {"OLD", "NEW", "FILE"}
_DIR_METAVARS = {"DIR"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for SHELL, generated from reportdiff's own "
        "parser so it knows every command and option. Install with e.g. "
        "`reportdiff completion bash > ~/.local/share/bash-completion/completions/reportdiff` "
        "or, for zsh, into a folder on $fpath as _reportdiff.",
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help=" | ".join(SHELLS))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(completion_script(args.shell))
    return 0


def completion_script(shell: str) -> str:
    import shtab

    from . import build_parser

    parser = build_parser()
    for action in _all_actions(parser):
        if action.metavar in _FILE_METAVARS:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif action.metavar in _DIR_METAVARS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    return shtab.complete(parser, shell=shell)


def _all_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    found = []
    for action in parser._actions:
        found.append(action)
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found.extend(_all_actions(child))
    return found
