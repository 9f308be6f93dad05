"""One row of the review-season table per agency, and the order that puts the reports
needing attention first.

A row counts what a reviewer should look at in NEW: its arithmetic that fails, the
changes it states that its own figures contradict, stale references and template
leftovers, how much of it is last year's text unchanged, how much it shares with other
agencies' reports, its largest figure change and the sections it added or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from ..model import Comparison, NumberChange

if TYPE_CHECKING:
    from ..review_carry import ReviewEntry

# "attention" adds up the problems, each weighted by how surely it needs a look: a
# failed sum or a contradicted stated change is an error in the report; a stale year
# or template leftover most likely one; copied text and big changes only call for care.
WEIGHTS = {
    "checks_failed": 3.0,
    "changes_not_adding_up": 3.0,
    "stale_references": 2.0,
    "template_leftovers": 1.0,
    "sections_added": 0.25,
    "sections_removed": 0.25,
    "changed_since_reviewed": 1.0,
}
CARRIED_OVER_HIGH = 0.9  # NEW this much last year's text unchanged: +1 attention
SHARED_HIGH = 0.3  # this much text shared with other agencies: +1 attention
BIG_CHANGE_PCT = 50.0  # a figure that moved by half or more: +1 attention


@dataclass(frozen=True)
class SummaryRow:
    agency: str
    old_path: str
    new_path: str
    checks_failed: int
    changes_not_adding_up: int
    carried_over: float  # share of NEW's text carried over from OLD, 0..1
    stale_references: int
    template_leftovers: int
    shared_with_others: float | None  # share of NEW's text found in other agencies' NEW
    largest_change_pct: float | None  # |relative change| of the figure that moved most
    largest_change: str  # that figure as "label: old → new (+x%)"
    sections_changed: int
    sections_added: int
    sections_removed: int
    report: str = ""  # the pair's HTML report, relative to the summary
    attention: float = 0.0
    section_pairs: int = 0
    reviewed: int = 0  # section pairs a reviewer marked as reviewed
    changed_since_reviewed: int = 0  # marked pairs whose text changed since
    differs: bool = True  # anything at all differs between the pair (its exit status)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarize(c: Comparison, agency: str, reviews: Sequence[ReviewEntry] = ()) -> SummaryRow:
    """The row of one compared pair and the review saved on it (shared_with_others is
    filled in by the caller)."""
    new_checks = [k for k in c.checks if k.doc == "new"]
    flags = [f for f in c.boilerplate if f.doc == "new"]
    s = c.summary()
    biggest = largest_figure_change(c.numbers)
    row = SummaryRow(
        agency=agency,
        old_path=c.old.path,
        new_path=c.new.path,
        checks_failed=sum(k.kind != "change" for k in new_checks),
        changes_not_adding_up=sum(k.kind == "change" for k in new_checks),
        carried_over=c.carried_over.share,
        stale_references=sum(f.kind == "stale" for f in flags),
        template_leftovers=sum(f.kind == "template" for f in flags),
        shared_with_others=None,
        largest_change_pct=round(abs(biggest.pct), 2) if biggest and biggest.pct else None,
        largest_change=_change_text(c, biggest),
        sections_changed=s.sections_changed,
        sections_added=s.sections_added,
        sections_removed=s.sections_removed,
        section_pairs=len(c.pairs),
        reviewed=sum(e.reviewed and e.pair is not None for e in reviews),
        changed_since_reviewed=sum(e.changed for e in reviews),
        differs=c.has_differences,
    )
    return with_attention(row)


def largest_figure_change(numbers: Sequence[NumberChange]) -> NumberChange | None:
    """The changed figure with the largest relative change. Years and dates aside, and
    rates: a rate's relative change (4.5% → 9.1%, +102%) is no measure of how much it
    moved, which is in points, and ranks with no amount."""
    moved = [
        n
        for n in numbers
        if n.status == "changed" and n.pct is not None and n.old and n.old.kind not in _SKIPPED
    ]
    return max(moved, key=lambda n: abs(n.pct or 0.0), default=None)


_SKIPPED = ("year", "date", "percent")


def _change_text(c: Comparison, n: NumberChange | None) -> str:
    """ "基本支出: 3862.47万元 → 4015.20万元 (+3.95%)", as every output shows figures."""
    if n is None:
        return ""
    from ..render.figure_display import change_text, document_is_english, figure_text

    shown = change_text(n, document_is_english(c.new))
    how = shown.pct or shown.delta  # (across zero, 18% → -4%, no relative change)
    text = f"{n.label or 'figure'}: {figure_text(n.old)} → {figure_text(n.new)}"
    return f"{text} ({how})" if how else text


def with_attention(row: SummaryRow) -> SummaryRow:
    """The row with its attention score worked out from its columns."""
    score = sum(weight * getattr(row, name) for name, weight in WEIGHTS.items())
    score += row.carried_over >= CARRIED_OVER_HIGH
    score += (row.shared_with_others or 0.0) >= SHARED_HIGH
    score += (row.largest_change_pct or 0.0) >= BIG_CHANGE_PCT
    return replace(row, attention=round(score, 2))


# The columns a table can be sorted by; numbers sort largest first, names A→Z.
SORT_COLUMNS: dict[str, Callable[[SummaryRow], Any]] = {
    "attention": lambda r: r.attention,
    "checks": lambda r: r.checks_failed,
    "changes": lambda r: r.changes_not_adding_up,
    "carried-over": lambda r: r.carried_over,
    "stale": lambda r: r.stale_references,
    "template": lambda r: r.template_leftovers,
    "shared": lambda r: r.shared_with_others or 0.0,
    "largest-change": lambda r: r.largest_change_pct or 0.0,
    "sections": lambda r: r.sections_added + r.sections_removed,
    "reviewed": lambda r: r.reviewed / r.section_pairs if r.section_pairs else 0.0,
    "agency": lambda r: r.agency,
}


def rank(rows: Sequence[SummaryRow], by: str = "attention") -> list[SummaryRow]:
    """Rows in the order a reviewer takes them: most of ``by`` first, then by attention."""
    if by not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {by!r}; choose one of {', '.join(SORT_COLUMNS)}")
    if by == "agency":
        return sorted(rows, key=lambda r: (r.agency, r.new_path))
    key = SORT_COLUMNS[by]
    return sorted(rows, key=lambda r: (-key(r), -r.attention, r.agency, r.new_path))


@dataclass(frozen=True)
class Skipped:
    """A report the batch could not use, and why: unpaired, unreadable, failed."""

    path: str
    agency: str
    reason: str
    side: str = ""  # "old" | "new" | "" (a pair)


@dataclass(frozen=True)
class BatchResult:
    old_source: str
    new_source: str
    rows: tuple[SummaryRow, ...]  # ranked
    unpaired: tuple[Skipped, ...]
    bad: tuple[Skipped, ...]
    sorted_by: str = "attention"
    reused: int = 0  # pairs taken from an earlier run, unchanged since
