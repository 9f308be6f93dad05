"""The printed report: summary, aligned outline, then each changed section's edits,
figures, arithmetic checks and boilerplate flags. Plain text; ANSI colour on request."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..core.diff import CELL
from ..core.text import unsplit_cut, without_markup
from ..model import Comparison, Document, Edit, Section, SectionPair, Side
from ..options import RenderOptions
from ..safetext import safe_styled
from ..wording import pair_words, status_mark
from .columns import pad, pad_middle
from .figure_display import (
    change_label,
    change_text,
    document_is_english,
    figure_text,
    related_line,
    status_text,
)
from .figures import check_lines
from .positions import Positions

if TYPE_CHECKING:
    from ..review_carry import ReviewEntry

_ANSI = {
    "del": "\x1b[31m",
    "ins": "\x1b[32m",
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
    "move": "\x1b[36m",
    "warn": "\x1b[33m",
    "reset": "\x1b[0m",
}


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, kind: str, text: str) -> str:
        return f"{_ANSI[kind]}{text}{_ANSI['reset']}" if self.color and text else text


def render_text(
    c: Comparison, options: RenderOptions | None = None, reviews: Sequence[ReviewEntry] = ()
) -> str:
    """The report; ``reviews`` (marks and notes saved on the comparison) follow its header."""
    options = options or RenderOptions()
    style = _Style(options.color)
    parts = [
        _header(c, style),
        "\n".join(review_lines(reviews, len(c.pairs))) if reviews else "",
        _outline(c, style, options),
        _changes(c, style, options),
        _figures(c, style),
        _checks(c, style),
        _flags(c, style),
        _notes(c, style),
    ]
    report = "\n\n".join(p for p in parts if p) + "\n"
    return safe_styled(report, tuple(_ANSI.values()) if options.color else ())


def review_lines(entries: Sequence[ReviewEntry], total: int, title: str = "Review") -> list[str]:
    """ "Review: 3 of 9 section pairs reviewed, 1 changed since reviewed", then one line
    per mark: ✓ reviewed, ✎ noted only, ! changed since reviewed."""
    done = sum(e.reviewed and e.pair is not None for e in entries)
    changed = sum(e.changed for e in entries)
    head = f"{title}: {done} of {total} section pairs reviewed"
    lines = [head + (f", {changed} changed since reviewed" if changed else "")]
    for e in entries:
        mark = "!" if e.changed else "✓" if e.reviewed else "✎"
        note = f": {' '.join(e.note.split())}" if e.note else ""
        lines.append(f"  {mark} {e.heading or e.key} — {e.status}{note}")
    return lines


def section_label(s: Section | None) -> str:
    if s is None:
        return ""
    if s.id == "0":
        return "(preamble)"
    return f"§{s.id} {without_markup(s.heading)}"


def short_label(s: Section | None, width: int = 40) -> str:
    return pad(section_label(s), width).rstrip()


def _header(c: Comparison, style: _Style) -> str:
    s = c.summary()
    lines = [style("bold", f"reportdiff  {c.old.path}  →  {c.new.path}")]
    if c.identical:
        lines.append("The two documents are identical.")
        return "\n".join(lines)
    lines.append(
        f"Sections: {s.sections_changed} changed, {s.sections_added} added, "
        f"{s.sections_removed} removed, {s.sections_moved} moved · "
        f"Figures: {s.numbers_changed} changed, {s.numbers_added} added, "
        f"{s.numbers_removed} removed · Checks: {s.checks} · "
        f"Boilerplate: {s.boilerplate_flags} flags"
    )
    return "\n".join(lines)


def _pair_status(p: SectionPair) -> str:
    words = pair_words(p)
    if p.status == "changed":
        words.append(f"{len(p.edits)} edit{'s' if len(p.edits) != 1 else ''}")
        words.append(f"{p.similarity:.0%} similar")
    return ", ".join(words)


def _outline(c: Comparison, style: _Style, options: RenderOptions) -> str:
    col = max(20, (options.width - 30) // 2)
    lines = [style("bold", "Outline") + "  (old → new)"]
    for row in c.outline_rows():
        p = c.pairs[row.pair]
        o, n = c.section("old", p.old), c.section("new", p.new)
        mark = status_mark(p)
        indent = "  " * max(0, row.depth - 1)
        left = pad(indent + section_label(o), col)
        right = pad(indent + section_label(n), col)
        kind = {"added": "ins", "removed": "del"}.get(p.status, "dim" if mark == "=" else "bold")
        lines.append(style(kind, f"{mark} {left} {right} ") + _pair_status(p))
    return "\n".join(lines)


def _changes(c: Comparison, style: _Style, options: RenderOptions) -> str:
    blocks = []
    for p in (c.pairs[row.pair] for row in c.outline_rows()):
        if p.status == "unchanged" and not p.edits:
            continue
        o, n = c.section("old", p.old), c.section("new", p.new)
        title = f"{section_label(o) or '(none)'}  →  {section_label(n) or '(none)'}"
        lines = [style("bold", title) + f"   [{_pair_status(p)}]"]
        if p.note:
            lines.append(style("warn", f"  note: {p.note}"))
        lines.extend(_edit_lines(c, _rows_together(c, p.edits), style, options))
        blocks.append("\n".join(lines))
    return ("\n\n".join(blocks)) if blocks else ""


def _rows_together(c: Comparison, edits: Iterable[Edit]) -> list[Edit | list[Edit]]:
    """The edits, those in one row of a table gathered in a list: the row is printed
    once with each changed cell marked, as git's word diff prints a line."""
    out: list[Edit | list[Edit]] = []
    last: tuple[int, int] | None = None
    for e in edits:
        row = _row_of(c, e)
        if row is not None and row == last and isinstance(out[-1], list):
            out[-1].append(e)
        else:
            out.append([e] if row is not None else e)
        last = row
    return out


def _row_of(c: Comparison, e: Edit) -> tuple[int, int] | None:
    """Where the table row an edit lies in starts, in OLD and in NEW; None for an edit
    that is not inside one row."""
    if e.op == "move" or e.old_start is None or e.new_start is None or e.new_end is None:
        return None
    if "\n" in e.old_text.removesuffix("\n") or "\n" in e.new_text.removesuffix("\n"):
        return None  # (the row's own line break may end an edit of its last cell)
    start, end = _line_bounds(c.new.text, e.new_start)
    if CELL not in c.new.text[start : max(end, e.new_end)]:
        return None
    return _line_bounds(c.old.text, e.old_start)[0], start


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    """Where the line holding offset ``at`` starts and ends (before its line break)."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _row_line(text: str, edits: list[Edit], style: _Style) -> str:
    """One table row of NEW with its edits marked in place."""
    assert edits[0].new_start is not None
    pos = _line_bounds(text, edits[0].new_start)[0]
    pieces = []
    for e in edits:
        assert e.new_start is not None
        gone, came = e.old_text.removesuffix("\n"), e.new_text.removesuffix("\n")
        pieces.append(style("dim", text[pos : e.new_start]))
        if gone:
            pieces.append(style("del", f"[-{gone}-]"))
        if came:
            pieces.append(style("ins", f"{{+{came}+}}"))
        pos = e.new_start + len(came)
    pieces.append(style("dim", text[pos : _line_bounds(text, pos)[1]]))
    op = edits[0].op if all(e.op == edits[0].op for e in edits) else "replace"
    return f"  {op:<7} " + "".join(pieces)


def _edit_lines(
    c: Comparison, edits: Iterable[Edit | list[Edit]], style: _Style, options: RenderOptions
) -> list[str]:
    lines = []
    for e in edits:
        if isinstance(e, list):  # the edits of one table row
            lines.append(_row_line(c.new.text, e, style))
            continue
        if e.op == "move":
            where = short_label(
                c.section("new" if e.move_role == "source" else "old", e.other_section)
            )
            arrow = "moved to" if e.move_role == "source" else "moved from"
            text = e.old_text if e.move_role == "source" else e.new_text
            shown = _oneline(text, None if options.full else 160)
            lines.append("  " + style("move", f"↷ {arrow} {where}: ") + shown)
            continue
        # Context comes from NEW where the edit has a place there, so consecutive
        # edits in one sentence read as the new text with the changes marked.
        if e.new_start is not None:
            before = _context(c.new.text, e.new_start, -options.context)
            after = _context(c.new.text, e.new_end, options.context)
        else:
            before = _context(c.old.text, e.old_start, -options.context)
            after = _context(c.old.text, e.old_end, options.context)
        if (e.new_text or e.old_text).endswith("\n"):
            after = ""  # the next line is another paragraph, often the next heading
        body, limit = "", None if options.full else 400
        if e.old_text:
            body += style("del", f"[-{_oneline(e.old_text, limit)}-]")
        if e.new_text:
            body += style("ins", f"{{+{_oneline(e.new_text, limit)}+}}")
        lines.append(f"  {e.op:<7} " + style("dim", before) + body + style("dim", after))
    return lines


def _context(text: str, at: int | None, span: int) -> str:
    """Up to ``span`` characters of the line before (span < 0) or after ``at``; a
    figure or word at the cut is shown whole, a cut elsewhere is marked with …."""
    if at is None:
        return ""
    if span < 0:
        start = unsplit_cut(text, max(0, at + span), forward=False)
        chunk = text[start:at]
        if "\n" in chunk:
            return chunk.rsplit("\n", 1)[-1]
        return ("…" if start > 0 else "") + chunk
    end = unsplit_cut(text, min(len(text), at + span), forward=True)
    chunk = text[at:end]
    if "\n" in chunk:
        return chunk.split("\n", 1)[0]
    return chunk + ("…" if end < len(text) else "")


def _oneline(text: str, limit: int | None) -> str:
    """The text on one line (line breaks as ⏎), cut at ``limit`` characters (None:
    whole) but never inside a figure or word."""
    # Spaces stay: "{+and AI +}services" must not read as "and AIservices".
    flat = " ⏎ ".join(text.strip("\n").split("\n"))
    if limit is None or len(flat) <= limit:
        return flat
    return flat[: unsplit_cut(flat, limit - 1, forward=False) or limit - 1] + "…"


def _figures(c: Comparison, style: _Style) -> str:
    if not c.numbers:
        return ""
    english = document_is_english(c.new)
    lines = [
        style("bold", "Figures"),
        f"  {pad('label', 28)} {pad('old', 16)} {pad('new', 16)} {pad('Δ', 14)} "
        f"{pad('%', 9)} status",
    ]
    for n in c.numbers:
        shown = change_text(n, english)
        kind = {"added": "ins", "removed": "del", "unchanged": "dim"}.get(n.status, "bold")
        lines.append(
            f"  {pad_middle(change_label(n, english), 28)} {pad(figure_text(n.old), 16)} "
            f"{pad(figure_text(n.new), 16)} {pad(shown.delta, 14)} {pad(shown.pct, 9)} "
            + style(kind, status_text(n))
        )
    if any(status_text(n).endswith("?") for n in c.numbers):
        lines.append("  ? paired with low confidence: check the two figures are one")
    if c.related:
        lines.append(style("bold", "Possibly related (listed as removed and added)"))
        lines.extend(f"  {related_line(n, english)}" for n in c.related)
    return "\n".join(lines)


def _checks(c: Comparison, style: _Style) -> str:
    if not c.checks:
        return ""
    at = {"old": Positions(c.old), "new": Positions(c.new)}
    return "\n".join(check_lines(c.checks, style, at))


def _flags(c: Comparison, style: _Style) -> str:
    """Boilerplate grouped by document and kind, each flag with its evidence, then
    how much of NEW was carried over (whole, and the stickiest sections)."""
    if not c.boilerplate:
        return ""
    lines = [style("bold", "Boilerplate")]
    order = ("carried_over", "shared", "template", "duplicate", "stale")
    sides: tuple[tuple[Side, Document], ...] = (("new", c.new), ("old", c.old))
    for side, doc in sides:
        at = Positions(doc)
        flags = sorted(
            (f for f in c.boilerplate if f.doc == side),
            key=lambda f: (order.index(f.kind), f.start),
        )
        if flags:
            lines.append(style("dim", f"  in {side.upper()} ({doc.path}):"))
        for f in flags:
            where = section_label(c.section(side, f.section)) or "(preamble)"
            lines.append(
                style("warn", f"  {f.kind:<12} ") + f"{pad(where, 30)} {_oneline(f.text, 70)}"
            )
            lines.append(style("dim", f"               {at(f.start)}  {f.detail}"))
    shares = c.carried_over
    if any(f.kind == "carried_over" for f in c.boilerplate):
        lines.append(f"  Carried over from OLD: {shares.share:.0%} of NEW's text")
        top = sorted(shares.sections.items(), key=lambda kv: -kv[1])[:5]
        for sid, share in top:
            if share > 0:
                lines.append(f"    {share:>4.0%}  {section_label(c.section('new', sid))}")
    return "\n".join(lines)


def _notes(c: Comparison, style: _Style) -> str:
    return "\n".join(style("warn", f"note: {n}") for n in c.notes)
