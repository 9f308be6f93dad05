"""What the panes highlight: per-document spans (edits, moves, figures, boilerplate,
headings) and short inline notes (a figure's delta, where a passage moved).

Plain Python over the model, no textual: the diff view asks a SideMarks which spans
overlap the text of one row and styles them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len

from ..model import Comparison, Document, Edit, Figure, NumberChange, Section, SectionPair, Side
from ..render.figure_display import change_text, document_is_english
from ..render.text import section_label
from ..safetext import safe_line
from ..wording import STATUS_MARK, pair_words

CHANGE_KINDS = frozenset({"del", "ins", "move"})
# The figures a stated change starts from (较上年8000万元, from 88%): their own change
# is last year's, which the reviewer does not need beside the text.
_STARTING_POINT = ("start", "previous")
# Words after a figure that belong to it (95%以上, 36处左右, 200 or more): a note
# stands after them, not between the figure and its bound.
_STARTS_FROM = re.compile(r"(?:\bfrom\s+|(?:较|比)?(?:上年|去年|上一年)度?的?(?:为|是)?|[由从])$")
_BOUND_AFTER = ("以上", "以下", "以内", "左右", "余", "多", " or more", " or less", " and above")


Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # del | ins | move | fig | flag | heading
    label: str = ""  # flag kind, figure status …


@dataclass(frozen=True, slots=True)
class Note:
    """Text shown right after offset ``at`` of a document, e.g. " Δ+4.3%"."""

    at: int
    text: str
    kind: str  # fig | move | flag


class SideMarks:
    """The marks and notes of one document, searchable by range."""

    def __init__(
        self, marks: Iterable[Mark], notes: Iterable[Note], whole: Iterable[Range] = ()
    ) -> None:
        self.marks = sorted((m for m in marks if m.end > m.start), key=lambda m: m.start)
        self._starts = [m.start for m in self.marks]
        # Running maximum of ends: monotone, so bisect finds the first mark that can
        # still reach a position even when long marks start early.
        self._reach = list(accumulate((m.end for m in self.marks), max))
        # Spans a row never cuts: every figure with its bound word, changed or not.
        spans = {(m.start, m.end) for m in self.marks if m.kind == "fig"} | set(whole)
        self.figures = _disjoint(sorted(spans))
        # Where a moved passage begins or ends: it stands on rows of its own.
        moves = [m for m in self.marks if m.kind == "move"]
        self.move_edges = sorted({p for m in moves for p in (m.start, m.end)})
        self.notes: dict[int, list[Note]] = {}
        for n in notes:
            self.notes.setdefault(n.at, []).append(n)
        self._note_at = sorted(self.notes)
        # rich, not core.text.cells: these widths wrap rows that Textual draws with rich
        self._note_cells = {at: sum(cell_len(n.text) for n in ns) for at, ns in self.notes.items()}

    def overlapping(self, start: int, end: int, kinds: frozenset[str] | None = None) -> list[Mark]:
        first = bisect_right(self._reach, start)
        last = bisect_left(self._starts, end)
        return [
            m
            for m in self.marks[first:last]
            if m.end > start and (kinds is None or m.kind in kinds)
        ]

    def move_cuts(self, start: int, end: int) -> list[int]:
        """Edges of moved passages strictly inside [start, end)."""
        lo, hi = bisect_right(self.move_edges, start), bisect_left(self.move_edges, end)
        return self.move_edges[lo:hi]

    def has_change(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end, CHANGE_KINDS))

    def _notes_between(self, start: int, end: int) -> list[int]:
        """Offsets of notes standing after a character of [start, end)."""
        lo, hi = bisect_right(self._note_at, start), bisect_right(self._note_at, end)
        return self._note_at[lo:hi]

    def notes_in(self, start: int, end: int) -> list[Note]:
        return [n for at in self._notes_between(start, end) for n in self.notes[at]]

    def note_widths(self, start: int, end: int) -> dict[int, int]:
        """Cells of the notes after characters of [start, end), by offset."""
        return {at: self._note_cells[at] for at in self._notes_between(start, end)}


def build_marks(c: Comparison, *, boilerplate: bool = True) -> dict[Side, SideMarks]:
    marks: dict[Side, list[Mark]] = {"old": [], "new": []}
    notes: dict[Side, list[Note]] = {"old": [], "new": []}
    outlines: tuple[tuple[Side, tuple[Section, ...]], ...] = (
        ("old", c.old_sections),
        ("new", c.new_sections),
    )
    for side, sections in outlines:
        marks[side].extend(Mark(s.start, s.body_start, "heading") for s in sections if s.id != "0")
    for pair in c.pairs:
        for e in pair.edits:
            _edit_marks(c, e, marks, notes)
    _figure_marks(c, marks, notes)
    if boilerplate:
        for f in c.boilerplate:
            marks[f.doc].append(Mark(f.start, f.end, "flag", f.kind))
            notes[f.doc].append(Note(f.end, f" [{f.kind.replace('_', ' ')}]", "flag"))
    whole = _figure_spans(c)
    return {side: SideMarks(marks[side], notes[side], whole[side]) for side in ("old", "new")}


def _edit_marks(
    c: Comparison, e: Edit, marks: dict[Side, list[Mark]], notes: dict[Side, list[Note]]
) -> None:
    if e.op == "move":
        if e.move_role == "source" and e.old_start is not None and e.old_end is not None:
            marks["old"].append(Mark(e.old_start, e.old_end, "move"))
            where = short_label(c.section("new", e.other_section))
            notes["old"].append(Note(e.old_end, f" [moved to {where}]", "move"))
        if e.move_role == "target" and e.new_start is not None and e.new_end is not None:
            marks["new"].append(Mark(e.new_start, e.new_end, "move"))
            where = short_label(c.section("old", e.other_section))
            notes["new"].append(Note(e.new_end, f" [moved from {where}]", "move"))
        return
    if e.old_start is not None and e.old_end is not None and e.op != "insert":
        marks["old"].append(Mark(e.old_start, e.old_end, "del"))
    if e.new_start is not None and e.new_end is not None and e.op != "delete":
        marks["new"].append(Mark(e.new_start, e.new_end, "ins"))


def _figure_marks(
    c: Comparison, marks: dict[Side, list[Mark]], notes: dict[Side, list[Note]]
) -> None:
    english = document_is_english(c.new)
    for n in c.numbers:
        if n.status == "unchanged":
            continue
        if n.old is not None:
            marks["old"].append(Mark(n.old.start, n.old.end, "fig", n.status))
        if n.new is not None:
            marks["new"].append(Mark(n.new.start, n.new.end, "fig", n.status))
            if n.status == "changed" and not is_starting_point(c.new.text, n):
                at = figure_end(c.new.text, n.new)
                notes["new"].append(Note(at, f" {change_text(n, english).short}", "fig"))


def is_starting_point(text: str, n: NumberChange) -> bool:
    """A figure a stated change starts from (last year's value, "from 88%"): by its
    label, or, where the label does not tell, by the words just before it."""
    figure = n.new if n.new is not None else n.old
    if figure is not None and figure.role in _STARTING_POINT:
        return True
    return n.new is not None and bool(
        _STARTS_FROM.search(text, max(0, n.new.start - 12), n.new.start)
    )


def figure_end(text: str, f: Figure) -> int:
    """Where a figure's text ends, with a bound word written after it (95%以上)."""
    if f.qualifier:
        for word in _BOUND_AFTER:
            if text.startswith(word, f.end):
                return f.end + len(word)
    return f.end


def _figure_spans(c: Comparison) -> dict[Side, list[Range]]:
    """Every figure of each document, with its bound word, as (start, end)."""
    out: dict[Side, list[Range]] = {"old": [], "new": []}
    for n in c.numbers:
        ends: tuple[tuple[Side, Figure | None, Document], ...] = (
            ("old", n.old, c.old),
            ("new", n.new, c.new),
        )
        for side, f, doc in ends:
            if f is not None:
                out[side].append((f.start, figure_end(doc.text, f)))
    return out


def _disjoint(spans: list[Range]) -> list[Range]:
    """Sorted spans with overlapping ones merged, so bisect by start is exact."""
    out: list[Range] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def short_label(s: Section | None) -> str:
    """ "§3.2" for a section, "(preamble)" for the text before the first heading."""
    if s is None:
        return "?"
    return "(preamble)" if s.id == "0" else f"§{s.id}"


def pair_status(pair: SectionPair) -> str:
    """ "changed, moved, renamed" — the words for a pair's status."""
    return ", ".join(pair_words(pair))


def pair_title(c: Comparison, pair: SectionPair) -> str:
    """One line naming a pair: "§2 二、… → §3 三、…  [changed, moved · 4 edits]"."""
    o, n = c.section("old", pair.old), c.section("new", pair.new)
    left, right = heading_label(o), heading_label(n)
    names = left if left == right else f"{left or '(none)'} → {right or '(none)'}"
    edits = len(pair.edits)
    extra = f" · {edits} edit{'s' if edits != 1 else ''}" if edits else ""
    return f"{STATUS_MARK[pair.status]} {names}  [{pair_status(pair)}{extra}]"


def heading_label(s: Section | None) -> str:
    """A section named as the reports name it, made safe for the terminal."""
    return safe_line(section_label(s))


@dataclass(frozen=True, slots=True)
class PairCounts:
    edits: int
    figures: int
    flags: int


def pair_counts(c: Comparison) -> list[PairCounts]:
    """Edits, changed figures and boilerplate flags of each pair (comparison order)."""
    figs: dict[tuple[str, str | None], int] = {}
    for n in c.numbers:
        if n.status != "unchanged":
            for key in (("old", n.old_section), ("new", n.new_section)):
                figs[key] = figs.get(key, 0) + 1
    flags: dict[tuple[str, str | None], int] = {}
    for f in c.boilerplate:
        key = (f.doc, f.section or _section_at(c, f.doc, f.start))
        flags[key] = flags.get(key, 0) + 1
    out = []
    for p in c.pairs:
        fig = figs.get(("new", p.new), 0) if p.new else figs.get(("old", p.old), 0)
        flag = flags.get(("old", p.old), 0) * bool(p.old) + flags.get(("new", p.new), 0) * bool(
            p.new
        )
        out.append(PairCounts(len(p.edits), fig, flag))
    return out


def _section_at(c: Comparison, side: Side, offset: int) -> str | None:
    """The innermost section whose own text holds the offset."""
    sections = c.old_sections if side == "old" else c.new_sections
    hit = [s for s in sections if s.start <= offset < max(s.body_end, s.start + 1)]
    return hit[-1].id if hit else None
