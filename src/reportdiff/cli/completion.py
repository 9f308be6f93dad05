"""`reportdiff completion SHELL`: a shell completion script generated from the parser.

The script is written here from the parser's own commands and options (no library:
the ones that do this are not permissively licensed), so it always knows every
command, option and choice: a bash function, which zsh runs through bashcompinit.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

SHELLS = ("bash", "zsh")
# Arguments whose value is a file, told by their metavar (…DIR ones take a folder).
_FILE_METAVARS = {"OLD", "NEW", "FILE", "DIR|INDEX", "INDEX"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for SHELL, generated from reportdiff's own "
        "parser so it knows every command and option. Install with e.g. "
        "`reportdiff completion bash > ~/.local/share/bash-completion/completions/reportdiff` "
        "or, for zsh, `source <(reportdiff completion zsh)` in ~/.zshrc.",
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help=" | ".join(SHELLS))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(completion_script(args.shell))
    return 0


@dataclass
class _Command:
    """What completion needs of one command: its words, options and their values."""

    path: str  # "reportdiff archive log"
    subcommands: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # option -> compgen arguments
    positional: str = "-f"  # compgen arguments for a positional word


def completion_script(shell: str) -> str:
    from . import build_parser

    commands = _commands(build_parser(), "reportdiff")
    body = _bash(commands)
    if shell == "zsh":
        return "autoload -U +X bashcompinit && bashcompinit\n" + body
    return body


def _commands(parser: argparse.ArgumentParser, path: str) -> list[_Command]:
    command = _Command(path)
    found = [command]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                command.subcommands.append(name)
                found += _commands(child, f"{path} {name}")
        elif action.option_strings:
            command.options += action.option_strings
            if action.nargs != 0:
                for option in action.option_strings:
                    command.values[option] = _values(action)
        elif action.dest != "help":
            command.positional = _values(action)
    return found


def _values(action: argparse.Action) -> str:
    if action.choices:
        return "-W " + _quote(" ".join(sorted(map(str, action.choices))))
    if str(action.metavar).endswith("DIR"):
        return "-d"
    if action.metavar in _FILE_METAVARS or action.metavar is None:
        return "-f"
    return ""  # a number, a name: nothing to offer


def _bash(commands: list[_Command]) -> str:
    paths = "|".join(_quote(c.path) for c in commands)
    value_cases, option_cases, word_cases = [], [], []
    for c in commands:
        for option, values in sorted(c.values.items()):
            case = _quote(f"{c.path}|{option}")
            value_cases.append(f"        {case}) _reportdiff_words {values}; return;;")
        if c.options:
            words = _quote(" ".join(sorted(c.options)))
            option_cases.append(f"            {_quote(c.path)}) _reportdiff_words -W {words};;")
        words = f"-W {_quote(' '.join(sorted(c.subcommands)))}" if c.subcommands else c.positional
        word_cases.append(f"        {_quote(c.path)}) _reportdiff_words {words};;")
    return "\n".join(
        [
            "# reportdiff completion, generated from its parser",
            "_reportdiff_words() {",
            "    [ $# -eq 0 ] && { COMPREPLY=(); return; }",
            '    mapfile -t COMPREPLY < <(compgen "$@" -- "$cur")',
            "}",
            "_reportdiff() {",
            "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
            "    local path=reportdiff i",
            "    for ((i = 1; i < COMP_CWORD; i++)); do",
            '        case "$path ${COMP_WORDS[i]}" in',
            f'            {paths}) path="$path ${{COMP_WORDS[i]}}";;',
            "        esac",
            "    done",
            '    case "$path|$prev" in',
            *value_cases,
            "    esac",
            "    if [[ $cur == -* ]]; then",
            '        case "$path" in',
            *option_cases,
            "        esac",
            "        return",
            "    fi",
            '    case "$path" in',
            *word_cases,
            "    esac",
            "}",
            "complete -o filenames -F _reportdiff reportdiff",
            "",
        ]
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
