"""Normalise decoded report text so that only what a reader sees is compared.

Line breaks become "\\n"; invisible characters go; odd spaces become plain spaces;
indentation and trailing spaces are dropped; tabs survive only in tab-separated table
rows; extraction artefacts such as ``[bookmark: _GoBack]`` are removed; runs of
blank lines shrink to one, and the text ends with one newline. Every offset in a
Document indexes the result.
"""

from __future__ import annotations

import re
import unicodedata

# Line and page separators that Word exports and extractors leave behind.
_BREAKS = re.compile(r"\r\n|[\r\f\v\x85\u2028\u2029]")
# Zero-width and formatting characters, BOMs in mid-text, soft hyphens, and the bidi
# embeddings, overrides and isolates, which would make text display other than it reads.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f]")
# C0/C1 control characters other than tab and newline.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")
# Bookmarks and anchors that docx-to-text and docx-to-markdown converters emit.
_ARTEFACTS = re.compile(
    r"\[bookmark: [^\]\n]{1,100}\]"  # docx2python / python-docx based extractors
    r"|\[\]\{#[^}\n]{1,100}\}"  # pandoc: []{#_GoBack .anchor}
    r"|\{#_[A-Za-z0-9_]{1,60} \.anchor\}"
)
# Indentation: ASCII whitespace and the full-width space Chinese texts indent with.
_EDGE_SPACE = " \t\u3000"
_INDENT_TAB = re.compile(r"^[ \u3000]*\t?")
_SENTENCE_END = ("。", "！", "？", "；", ".", "!", "?", ";")


def normalize_text(text: str) -> str:
    """The normalised form of a whole decoded text file."""
    return normalize_with_origins(text)[0]


def normalize_with_origins(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The normalised text, and for each of its lines where it came from: the line
    number in the decoded file (1-based) and how many characters of indentation were
    dropped from its start, so a position can be told as the file's line:column."""
    text = clean_chars(text)
    lines = text.split("\n")
    table = _table_rows(lines)
    out: list[str] = []
    origins: list[tuple[int, int]] = []
    for i, raw in enumerate(lines):
        line = _table_row(raw) if i in table else clean_line(raw)
        if line or (out and out[-1]):
            out.append(line)
            origins.append((i + 1, len(raw) - len(raw.lstrip(_EDGE_SPACE)) if line else 0))
    while out and not out[-1]:
        out.pop()
        origins.pop()
    return ("\n".join(out) + "\n" if out else ""), tuple(origins)


def clean_chars(text: str) -> str:
    """Characters only: breaks, invisibles, odd spaces, controls, artefacts, NFC."""
    text = _BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _CONTROLS.sub("", text)
    text = _ARTEFACTS.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_line(line: str) -> str:
    """A prose line: no indentation or trailing space, tabs inside become one space."""
    line = line.strip(_EDGE_SPACE)
    if "\t" in line:
        line = re.sub(r"[ \t]*\t[ \t]*", " ", line)
    return line


def _table_row(line: str) -> str:
    """A tab-separated row keeps its tabs (empty cells count); cells lose edge spaces."""
    return "\t".join(cell.strip(" \u3000") for cell in line.rstrip(" \u3000").split("\t"))


def _table_rows(lines: list[str]) -> set[int]:
    """Indices of lines that are rows of tab-separated tables.

    A line that still has a tab once one indenting tab and trailing spaces are gone is
    a row candidate. Candidates within one blank line of each other form a run; a run
    of two or more is a table. A lone candidate is a table row only when it has two
    cells with text and does not end like a sentence: otherwise the tab is prose.
    """
    rows: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines):
        if (
            "\t" in line
            and line.strip()
            and "\t" in _INDENT_TAB.sub("", line, count=1).rstrip(" \u3000")
        ):
            if run and i - run[-1] > 2:
                _close_run(run, lines, rows)
                run = []
            run.append(i)
        elif line.strip():
            _close_run(run, lines, rows)
            run = []
    _close_run(run, lines, rows)
    return rows


def _close_run(run: list[int], lines: list[str], rows: set[int]) -> None:
    if len(run) >= 2 or (run and _lone_row(lines[run[0]])):
        rows.update(run)


def _lone_row(line: str) -> bool:
    cells = [c for c in line.split("\t") if c.strip(_EDGE_SPACE)]
    return len(cells) >= 2 and not cells[-1].rstrip().endswith(_SENTENCE_END)
