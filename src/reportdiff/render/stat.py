"""Short forms of a comparison: one line per changed section (`--stat`, as
`git diff --stat`), one line for the whole (`--brief`, as `diff -q`), and the line
identical inputs get."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.text import cells
from ..model import Comparison, SectionPair
from ..options import RenderOptions
from ..wording import counted
from .text import pad, section_label

_ANSI = {"+": "\x1b[32m", "-": "\x1b[31m", "reset": "\x1b[0m"}
_MAX_LABEL = 48


@dataclass(frozen=True)
class PairStat:
    label: str
    inserted: int  # characters
    deleted: int


def identical_line(c: Comparison) -> str:
    return f"Files {c.old.path} and {c.new.path} are identical\n"


def render_brief(c: Comparison) -> str:
    """`diff -q`: a line when the reports differ, nothing when they do not."""
    return f"Files {c.old.path} and {c.new.path} differ\n" if c.has_differences else ""


def render_stat(c: Comparison, options: RenderOptions | None = None) -> str:
    """A line per changed, added, removed or moved section with a +/- bar, then totals."""
    options = options or RenderOptions()
    if c.identical:
        return identical_line(c)
    stats = [pair_stat(c, p) for p in c.pairs if _shown(p)]
    if not stats:
        return f"Files {c.old.path} and {c.new.path} differ only in layout\n"
    label_w = min(_MAX_LABEL, max(cells(s.label) for s in stats))
    count_w = len(str(max(s.inserted + s.deleted for s in stats)))
    bar_w = max(10, options.width - label_w - count_w - 6)
    biggest = max(s.inserted + s.deleted for s in stats)
    lines = [
        f" {pad(s.label, label_w)} | {s.inserted + s.deleted:>{count_w}} "
        + _bar(s, bar_w, biggest, options.color)
        for s in stats
    ]
    lines.append(_totals(c, stats))
    return "\n".join(lines) + "\n"


def pair_stat(c: Comparison, p: SectionPair) -> PairStat:
    """Characters inserted and deleted in a pair; a moved passage counts as neither."""
    inserted = sum(len(e.new_text) for e in p.edits if e.op != "move")
    deleted = sum(len(e.old_text) for e in p.edits if e.op != "move")
    return PairStat(_label(c, p), inserted, deleted)


def _shown(p: SectionPair) -> bool:
    return p.status != "unchanged" or p.moved or bool(p.edits)


def _label(c: Comparison, p: SectionPair) -> str:
    old, new = c.section("old", p.old), c.section("new", p.new)
    if old and new and (p.renamed or p.moved) and section_label(old) != section_label(new):
        return f"{section_label(old)} => {section_label(new)}"
    return section_label(new or old)


def _bar(s: PairStat, width: int, biggest: int, color: bool) -> str:
    total = s.inserted + s.deleted
    if total == 0:
        return ""
    cells = max(1, round(width * total / biggest)) if biggest > width else total
    if s.inserted and s.deleted:  # as git: both kinds of change show, however scaled
        cells = max(cells, 2)
    plus = round(cells * s.inserted / total)
    if s.inserted and not plus:
        plus = 1
    minus = cells - plus
    if s.deleted and not minus:
        plus, minus = plus - 1, 1
    if not color:
        return "+" * plus + "-" * minus
    return (f"{_ANSI['+']}{'+' * plus}{_ANSI['reset']}" if plus else "") + (
        f"{_ANSI['-']}{'-' * minus}{_ANSI['reset']}" if minus else ""
    )


def _totals(c: Comparison, stats: list[PairStat]) -> str:
    s = c.summary()
    parts = [counted(s.sections_changed, "section") + " changed"]
    parts += [
        f"{n} {word}"
        for n, word in (
            (s.sections_added, "added"),
            (s.sections_removed, "removed"),
            (s.sections_moved, "moved"),
        )
        if n
    ]
    inserted = sum(x.inserted for x in stats)
    deleted = sum(x.deleted for x in stats)
    return (
        f" {', '.join(parts)}; {counted(inserted, 'character')} inserted(+), {deleted} deleted(-)"
    )
