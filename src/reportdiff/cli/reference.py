"""The command-line reference, generated from the argparse parser so it cannot drift:
docs/cli.md (markdown) and a man page (roff).

    python -m reportdiff.cli.reference markdown > docs/cli.md
    python -m reportdiff.cli.reference man > reportdiff.1
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date

from .. import __version__

Command = tuple[str, argparse.ArgumentParser]


def commands(parser: argparse.ArgumentParser, prefix: str = "reportdiff") -> Iterator[Command]:
    """Every command and sub-command with its parser, in the order help lists them."""
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name in dict.fromkeys(action.choices):
                yield from commands(action.choices[name], f"{prefix} {name}")


def options_of(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    """(how it is written, what it does) for each argument, positionals first."""
    actions = [a for a in parser._actions if not isinstance(a, argparse._SubParsersAction)]
    actions.sort(key=lambda a: bool(a.option_strings))
    for a in actions:
        if a.help == argparse.SUPPRESS:
            continue
        yield _spelling(a), _help_text(a)


def _spelling(a: argparse.Action) -> str:
    if not a.option_strings:
        return str(a.metavar or a.dest)
    value = ""
    if a.nargs != 0:
        if a.choices is not None and a.metavar is None:
            value = " {" + ",".join(map(str, a.choices)) + "}"
        else:
            value = f" {a.metavar or a.dest.upper()}"
    return ", ".join(f"{o}{value}" for o in a.option_strings)


def _help_text(a: argparse.Action) -> str:
    text = (a.help or "").replace("%(default)s", str(a.default)).replace("%%", "%")
    if a.choices is not None and a.metavar is not None and not a.option_strings:
        text += f" (one of: {', '.join(map(str, a.choices))})"
    return text


def _usage(parser: argparse.ArgumentParser) -> str:
    return " ".join(parser.format_usage().split())[len("usage: ") :]


def markdown(parser: argparse.ArgumentParser) -> str:
    lines = [
        "# Command-line reference",
        "",
        "<!-- Generated from the parser by `python -m reportdiff.cli.reference markdown`;"
        " a test keeps it current. -->",
        "",
    ]
    for name, p in commands(parser):
        lines += [f"## {name}", "", f"`{_usage(p)}`", ""]
        if p.description:
            lines += [p.description, ""]
        rows = list(options_of(p))
        if rows:
            lines += ["| argument | meaning |", "| --- | --- |"]
            lines += [f"| `{spell}` | {_cell(text)} |" for spell, text in rows]
            lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def man(parser: argparse.ArgumentParser, today: date | None = None) -> str:
    """A section 1 man page: NAME, SYNOPSIS, DESCRIPTION, then each command."""
    when = (today or date.today()).isoformat()
    out = [
        f'.TH REPORTDIFF 1 "{when}" "reportdiff {__version__}" "User Commands"',
        ".SH NAME",
        f"reportdiff \\- {_roff(parser.description or '')}",
        ".SH SYNOPSIS",
        f".B {_roff(_usage(parser))}",
    ]
    for name, p in commands(parser):
        out += [".SH " + _roff(name.upper()), ".B " + _roff(_usage(p))]
        if p.description and p is not parser:
            out += [".PP", _roff(p.description)]
        for spell, text in options_of(p):
            out += [".TP", f".B {_roff(spell)}", _roff(text)]
    out += [
        ".SH ENVIRONMENT",
        ".TP",
        ".B REPORTDIFF_PAGER, PAGER",
        "The pager for text output on a terminal (default: less \\-FRX).",
        ".TP",
        ".B NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE",
        "Turn colour off, or on where stdout is not a terminal.",
        ".TP",
        ".B REPORTDIFF_ARCHIVE, REPORTDIFF_STATE_DIR",
        "Where the report archive and the review state are kept.",
        ".TP",
        ".B REPORTDIFF_CACHE_DIR",
        "Where compiled patterns are kept from one run to the next (default: reportdiff in "
        "the user cache folder, ~/.cache on Linux); set empty to keep none.",
        ".SH EXIT STATUS",
        "0 no differences (or success), 1 differences (or a failed check), 2 trouble.",
    ]
    return "\n".join(out) + "\n"


def _roff(text: str) -> str:
    """Escape for roff: backslashes, hyphens, and a leading dot or quote."""
    text = " ".join(text.split()).replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def main(argv: list[str] | None = None) -> int:
    from . import build_parser

    what = (argv if argv is not None else sys.argv[1:]) or ["markdown"]
    if what[0] not in ("markdown", "man"):
        print("usage: python -m reportdiff.cli.reference {markdown,man}", file=sys.stderr)
        return 2
    parser = build_parser()
    sys.stdout.write(markdown(parser) if what[0] == "markdown" else man(parser))
    return 0


if __name__ == "__main__":
    sys.exit(main())
