"""The plain records that flow from the readers through the core to every output.

Everything here is an immutable record (a NamedTuple: it costs next to nothing to
create at import, where a frozen dataclass costs half a millisecond on every run)
holding offsets into a Document's normalised text; ``record._replace(field=value)``
makes a changed copy. Nothing in this module does I/O or knows about any output format; the JSON
contract lives in ``render/json.py`` and is an explicit view of these records.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, NamedTuple

BlockKind = Literal["paragraph", "table"]
PairStatus = Literal["unchanged", "changed", "added", "removed"]
EditOp = Literal["insert", "delete", "replace", "move"]
PairRelation = Literal["match", "split", "merge"]
FigureStatus = Literal["changed", "added", "removed", "unchanged"]
FlagKind = Literal["carried_over", "shared", "template", "duplicate", "stale"]
Side = Literal["old", "new"]
PairBasis = Literal["title", "content", "outline", "position"]
FigureKind = Literal["amount", "percent", "count", "date", "year", "other"]
# What a figure is in its sentence: this period's value (current), where a stated move
# started (start: 由60%), last year's (previous: 上年3650万元), a plan or target
# (计划, 力争), a total over several years (累计, 五年来), an average (年均) or a bound
# a rule sets (十万元以下). Figures of different roles are different quantities.
FigureRole = Literal[
    "current", "start", "previous", "plan", "target", "cumulative", "average", "bound"
]


class Span(NamedTuple):
    """A half-open character range [start, end) of a Document's text."""

    start: int
    end: int


class Block(NamedTuple):
    """One paragraph or table of a document, as the reader found it.

    ``style_level`` is the heading level a word processor declared (Word heading or
    outline style, markdown ``#``); None means the reader saw no declaration and the
    segmenter must judge from the text. ``label`` is automatic list numbering the
    reader rendered into the text (e.g. "（一）"), kept so the segmenter can tell it
    came from a list definition. A table's ``cells`` are rows of cell spans.
    """

    start: int
    end: int
    kind: BlockKind = "paragraph"
    style_level: int | None = None
    label: str = ""
    bold: bool = False
    cells: tuple[tuple[Span, ...], ...] = ()


class Document(NamedTuple):
    """A report as read from disk: normalised text plus the blocks that tile it."""

    path: str
    title: str
    text: str
    blocks: tuple[Block, ...]
    source_format: str = "txt"  # "txt" | "md" | "docx" | "pdf"
    encoding: str = "utf-8"
    # Per line of ``text``: (line in the file it was read from, 1-based; indentation
    # characters dropped from its start). Empty when the source has no lines (.docx).
    line_origins: tuple[tuple[int, int], ...] = ()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


class Section(NamedTuple):
    """A node of a document's outline.

    ``start``..``end`` covers the heading and everything under it, children included;
    ``body_start``..``body_end`` is the section's own text (after its heading line,
    before its first child). ``number`` is the numbering as written ("一、", "1）．"),
    ``title`` the heading without it. The preamble before the first heading is a
    level-0 section with id "0".
    """

    id: str
    heading: str
    number: str
    title: str
    level: int
    path: tuple[str, ...]
    start: int
    end: int
    body_start: int
    body_end: int
    parent: str | None = None


class Edit(NamedTuple):
    """One readable edit group. Offsets index the old and new Document texts.

    A "move" edit names, in ``other_section``, the section on the other side where the
    passage stands (for a deleted-here passage: where it was inserted, and vice versa).
    """

    op: EditOp
    old_text: str
    new_text: str
    old_start: int | None = None
    old_end: int | None = None
    new_start: int | None = None
    new_end: int | None = None
    other_section: str | None = None
    move_role: Literal["source", "target"] | None = None  # which end of a move this is


class SectionPair(NamedTuple):
    """Two aligned sections (or one, when added or removed) and their differences.

    ``relation`` is "match" for one-to-one pairs, "split" when one old section's text
    went to several new ones, "merge" when several old sections went into one new (on
    every pair of that split or merge).
    """

    old: str | None
    new: str | None
    status: PairStatus
    moved: bool = False
    renamed: bool = False
    similarity: float = 0.0
    edits: tuple[Edit, ...] = ()
    relation: PairRelation = "match"
    note: str = ""  # e.g. why a coarser diff was used
    # A further part of a split or merge (not the one-to-one match): its text is shown
    # as all new (split) or all gone (merge), and where it came from or went as moves.
    secondary: bool = False
    # What paired the two sections: alike titles, shared text, the same part of the
    # genre's standard outline, or their place (parents and children matched).
    basis: PairBasis | None = None
    weak: bool = False  # nothing but a loose resemblance holds the pair: a guess
    # The text the diff found unchanged, as (old start, new start, length) runs in
    # document order, so displays line the two sides up without diffing again.
    same: tuple[tuple[int, int, int], ...] = ()


class DateParts(NamedTuple):
    """What a date figure states: its year, month and day, None where the report leaves
    one out (6月17日 has no year, 2024年6月 no day, 2025年底 only a year); ``last`` is a
    range's end (6月17日至20日), with the parts it leaves out taken from the start."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    last: DateParts | None = None

    def as_date(self) -> datetime.date | None:
        """The day itself, when year, month and day are all stated (2月30日 is the
        month's last day); a month or a year is a period, not a date."""
        if self.year is None or self.month is None or self.day is None:
            return None
        if not 1 <= self.month <= 12 or not datetime.MINYEAR <= self.year <= datetime.MAXYEAR:
            return None
        day = min(max(self.day, 1), calendar.monthrange(self.year, self.month)[1])
        return datetime.date(self.year, self.month, day)


class Figure(NamedTuple):
    """A number as written in a document, with its value normalised to a base unit.

    A date's ``value`` is its parts as one number (20230920, 618 for 6月18日), kept for
    sorting and the JSON's ``value``; ``date`` holds them as they are meant."""

    text: str
    value: float
    unit: str
    start: int
    end: int
    label: str = ""
    kind: FigureKind = "amount"
    section: str | None = None
    parent: int | None = None  # index of the enclosing total in the same list, if any
    qualifier: str = ""  # "approx", "at_least", "at_most", "" …
    role: FigureRole = "current"
    column: str = ""  # a table figure's column name (一般公共预算基本支出 人员经费), else ""
    date: DateParts | None = None  # for kind "date": what it states, as a date


class NumberChange(NamedTuple):
    """A figure of OLD paired with its figure in NEW (or either alone), and the change."""

    label: str
    old_section: str | None
    new_section: str | None
    old: Figure | None
    new: Figure | None
    status: FigureStatus
    delta: float | None = None
    pct: float | None = None
    # how sure the pairing of old and new is (1.0 for added/removed), and what it rests on
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()


class Check(NamedTuple):
    """A document's own arithmetic or consistency that does not hold."""

    kind: str
    doc: Side
    message: str
    figures: tuple[Figure, ...] = ()
    evidence: tuple[str, ...] = ()  # what the check relied on, in words


class Flag(NamedTuple):
    """A passage that looks reused, with the evidence a reviewer can verify."""

    kind: FlagKind
    doc: Side
    start: int
    end: int
    text: str
    detail: str
    section: str | None = None
    score: float = 1.0


class CarriedOverShare(NamedTuple):
    """Share of NEW's text (non-blank characters) carried over from OLD: the whole
    report's and each section's own text's (heading and body before any subsection)."""

    share: float = 0.0
    sections: Mapping[str, float] = MappingProxyType({})


class Summary(NamedTuple):
    """How many sections, figures, checks and flags a comparison found, by kind."""

    sections_changed: int
    sections_added: int
    sections_removed: int
    sections_moved: int
    numbers_changed: int
    numbers_added: int
    numbers_removed: int
    checks: int
    boilerplate_flags: int


class OutlineRow(NamedTuple):
    """One line of the outline over both documents: ``pair`` indexes
    ``Comparison.pairs``; ``parent`` indexes ``Comparison.outline`` (None at the top,
    where ``depth`` is 1)."""

    pair: int
    depth: int
    parent: int | None = None


class Comparison(NamedTuple):
    """The one result of the core: everything every output needs, nothing more."""

    old: Document
    new: Document
    old_sections: tuple[Section, ...]
    new_sections: tuple[Section, ...]
    pairs: tuple[SectionPair, ...]
    numbers: tuple[NumberChange, ...] = ()
    checks: tuple[Check, ...] = ()
    boilerplate: tuple[Flag, ...] = ()
    notes: tuple[str, ...] = ()
    # The pairs as one tree over both documents, in the order every output lists them.
    outline: tuple[OutlineRow, ...] = ()
    carried_over: CarriedOverShare = CarriedOverShare()
    # pairs of an added and a removed figure with some evidence of being one figure,
    # too little to call them changed: shown apart, for the reviewer to judge
    related: tuple[NumberChange, ...] = ()

    def outline_rows(self) -> tuple[OutlineRow, ...]:
        """The outline; a Comparison built without one lists its pairs in order, each at
        its section's level."""
        if self.outline:
            return self.outline
        rows = []
        for k, p in enumerate(self.pairs):
            s = self.section("new", p.new) or self.section("old", p.old)
            rows.append(OutlineRow(k, max(1, s.level) if s else 1))
        return tuple(rows)

    @property
    def identical(self) -> bool:
        return self.old.text == self.new.text

    @property
    def has_differences(self) -> bool:
        return not self.identical and (
            any(p.status != "unchanged" or p.moved for p in self.pairs)
            or any(n.status != "unchanged" for n in self.numbers)
        )

    def summary(self) -> Summary:
        return Summary(
            sections_changed=sum(p.status == "changed" for p in self.pairs),
            sections_added=sum(p.status == "added" for p in self.pairs),
            sections_removed=sum(p.status == "removed" for p in self.pairs),
            sections_moved=sum(p.moved for p in self.pairs),
            numbers_changed=sum(n.status == "changed" for n in self.numbers),
            numbers_added=sum(n.status == "added" for n in self.numbers),
            numbers_removed=sum(n.status == "removed" for n in self.numbers),
            checks=len(self.checks),
            boilerplate_flags=len(self.boilerplate),
        )

    def section(self, side: Side, section_id: str | None) -> Section | None:
        if section_id is None:
            return None
        sections = self.old_sections if side == "old" else self.new_sections
        return next((s for s in sections if s.id == section_id), None)
