"""Figures: every number of a document with its value, unit, label and section.

Reading the numbers is core/figures/parse.py, naming them core/figures/label.py,
totals and parts core/figures/tree.py, matching OLD to NEW core/figures/match.py.
This module walks a Document's blocks and puts those together.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence

from ...model import Block, Document, Figure, Section, Span
from ..text.contents import contents_spans
from ..text.line_wraps import soft_break
from .english import english_counts, english_labels, is_english
from .label import clean_label, prose_labels
from .parse import Reading, read_numbers
from .ratios import part_labels, ratio_parts, ratio_spans
from .role import figure_role
from .table_head import column_heads
from .tree import link_parts
from .written_dates import date_parts

__all__ = ["extract_figures", "figure_breaks", "section_finder"]

_QUOTE_RE = re.compile(r"“[^”\n]{0,40}”|「[^」\n]{0,40}」|\"[^\"\n]{0,40}\"")
# where digits are no figures: web addresses (and the dates in them), the target of a
# link or image (](../images/2017-09-05-results/chart.png), [chart]: /images/2016-06/a.png)
# and any path of three or more parts, e-mail addresses, postal codes, document and
# regulation numbers (国发〔2021〕5号, (EU) 2021/914), phone numbers
_NOISE_RE = re.compile(
    # the characters a match can start with: the scan skips all others at once
    r"(?=[A-Za-z0-9._%+\-邮〔\[（(电传/])(?:"
    r"(?:https?://|www\.)[^\s\u3000，。；）)」”]+"
    r"|(?<=\]\()[^)\s]+"
    r"|(?m:^[ \t]*\[[^\]\n]{1,80}\]:[ \t]*\S+)"
    r"|(?<![\w/])(?:\.{1,2}/|/)?(?=[A-Za-z0-9_./-]*[A-Za-z])[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+){2,}"
    # ASCII and anchored at its start: a long run of word characters is not retried
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+"
    r"|(?:邮政?编码|邮编|postcode|post code|zip code)\s*[:：]?\s*\d{5,6}"
    r"|[〔\[（(]\s*(?:19|20)\d\d\s*[〕\]）)]\s*\d+\s*号"
    r"|\b(?:19|20)\d\d/\d{1,4}\b"
    r"|(?:电话|传真|Tel\.?|Fax)\s*[:：]?\s*[\d\s()（）-]{7,})",
    re.IGNORECASE,
)
_TABLE_UNIT_RE = re.compile(r"单位\s*[:：]\s*(万元|亿元|千元|元)")
# 金额（万元）, 合计(万元), 支出（单位：万元）: a unit in a header cell
_HEAD_YEAR_RE = re.compile(r"(?:19|20)\d\d\s?年度?")  # 2024年“三公”经费预算数
_HEAD_UNIT_RE = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?(万元|亿元|千元|元)\s*[)）]")
_MONEY_WORDS = re.compile(r"费|资金|经费|支出|收入|预算|金额|款|投入|投资|资产|成本|价")


def extract_figures(doc: Document, sections: Sequence[Section]) -> tuple[Figure, ...]:
    """Every figure of doc in text order; parent indexes link parts to their total."""
    readings: list[Reading] = []
    labels: list[str] = []
    columns: dict[int, str] = {}  # reading start -> its table column's name
    numbers = _Numbers(doc.text)
    breaks = figure_breaks(doc, sections)
    for group in _paragraphs(doc, breaks):
        block = group[0]
        got = (
            _table(doc, block, numbers, columns)
            if block.kind == "table"
            else _prose(numbers, group)
        )
        for r, label in got:
            readings.append(r)
            labels.append(label)
    readings = _resolve_magnitudes(doc.text, readings, labels)
    labels = part_labels(doc.text, readings, _distribute(labels))
    parents = link_parts(doc.text, readings, breaks)
    where = section_finder(sections)
    return tuple(
        _figure(doc.text, r, label, where(r.start), parent, columns.get(r.start, ""))
        for r, label, parent in zip(readings, labels, parents, strict=True)
    )


def _figure(
    text: str, r: Reading, label: str, section: str | None, parent: int | None, column: str
) -> Figure:
    label, role = figure_role(text, r.start, r.end, r.qualifier, label)
    return Figure(
        text=r.text,
        value=r.value,
        unit=r.unit,
        start=r.start,
        end=r.end,
        label=label,
        kind=r.kind,
        section=section,
        parent=parent,
        qualifier=r.qualifier,
        role=role,
        column=column,
        date=date_parts(r.text) if r.kind == "date" else None,
    )


class _Numbers:
    """Every number of a text, read once; each block and cell takes its share.
    Numbers inside short “quotes” are names (“8.19”案件), not figures, and digits in
    addresses, codes and document numbers (_NOISE_RE) or in a table of contents
    (list numbers, years, pages) are none either."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = sorted(
            [m.span() for m in _QUOTE_RE.finditer(text)]
            + [m.span() for m in _NOISE_RE.finditer(text)]
            + contents_spans(text)
        )
        starts = [q[0] for q in spans]
        reach = list(itertools.accumulate((q[1] for q in spans), max))

        def inside(pos: int) -> bool:
            i = bisect.bisect_right(starts, pos) - 1
            return i >= 0 and pos < reach[i]

        found = [r for r in read_numbers(text, 0, len(text)) if not inside(r.start)]
        self.found = ratio_parts(found, ratio_spans(text))
        self.starts = [r.start for r in self.found]

    def between(self, start: int, end: int, *, keep_bare: bool) -> list[Reading]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [r for r in self.found[lo:hi] if r.end <= end and (keep_bare or not r.bare)]


def _paragraphs(doc: Document, breaks: set[int]) -> list[list[Block]]:
    """Blocks grouped into paragraphs: lines a PDF wrapped mid-sentence go together.
    A table, a heading (a section start) or a real line break starts a new group."""
    groups: list[list[Block]] = []
    for block in doc.blocks:
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None
            and prev.kind == block.kind == "paragraph"
            and prev.start not in breaks
            and block.start not in breaks
            and soft_break(doc.text, prev.end) == block.start
        ):
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def _prose(numbers: _Numbers, group: list[Block]) -> list[tuple[Reading, str]]:
    text, start, end = numbers.text, group[0].start, group[-1].end
    if is_english(text[start:end]):
        return [pair for block in group for pair in _english(numbers, block)]
    found = numbers.between(start, end, keep_bare=False)
    if len(group) == 1:
        return list(zip(found, prose_labels(text, found, start, end), strict=True))
    # labels are read on the paragraph with its soft breaks taken out
    joined = "".join(text[b.start : b.end] for b in group)
    lead = [b.start for b in group]
    shift = [b.start - sum(x.end - x.start for x in group[:i]) for i, b in enumerate(group)]
    moved = []
    for r in found:
        d = shift[bisect.bisect_right(lead, r.start) - 1]
        d_end = shift[bisect.bisect_right(lead, r.end - 1) - 1]  # 1062.85⏎⏎万元 spans a break
        moved.append(r._replace(start=r.start - d, end=r.end - d_end))
    return list(zip(found, prose_labels(joined, moved, 0, len(joined)), strict=True))


def _english(numbers: _Numbers, block: Block) -> list[tuple[Reading, str]]:
    text, start, end = numbers.text, block.start, block.end
    found = english_counts(text, numbers.between(start, end, keep_bare=True), start, end)
    return list(zip(found, english_labels(text, found, start, end), strict=True))


def _table(
    doc: Document, block: Block, numbers: _Numbers, columns: dict[int, str]
) -> list[tuple[Reading, str]]:
    """Cells: a lone number counts; its label is the row's text cell and, in a row of
    two or more values, its column's name (table_head.py):
    「合计 / 人员经费」. A unit stated for the table (单位：万元), a column (金额（万元）)
    or a row (支出（万元） | …) makes its lone numbers amounts in that unit."""
    text = doc.text
    unit = _TABLE_UNIT_RE.search(text, max(0, block.start - 200), block.start + 200)
    table_unit = unit.group(1) if unit else ""
    rows = [[(c, text[c.start : c.end].strip()) for c in row] for row in block.cells]
    readings = [[_cell_readings(numbers, c.start, c.end, s) for c, s in row] for row in rows]
    head_rows = _header_rows(rows, readings)
    heads = column_heads([[s for _, s in row] for row in rows[:head_rows]])
    column_units: list[str] = []
    out: list[tuple[Reading, str]] = []
    for n, (cells, per_cell) in enumerate(zip(rows, readings, strict=True)):
        if n < head_rows and _years_row(per_cell):  # 项目 | 2022 | 2023: names, not values
            per_cell = [[] for _ in per_cell]
        if all(r.kind in ("year", "date") for found in per_cell for r in found):
            # a header row, of however many: 金额（万元） | 2024年（万元）
            named = [_unit_named(s) for _, s in cells]
            column_units = [
                u or (column_units[i] if i < len(column_units) else "") for i, u in enumerate(named)
            ]
        numeric = sum(bool(found) for found in per_cell)
        row_unit = next((_unit_named(s) for _, s in cells if _unit_named(s)), "")
        name_col = next((i for i in range(len(cells)) if _words(cells, per_cell, i)), 0)
        for col, found in enumerate(per_cell):
            if not found:
                continue
            cell, words = cells[col]
            # a lone number names nothing itself: its row and column do
            lone = len(found) == 1 and found[0].text.strip() == words
            if lone and col < name_col and found[0].bare:
                continue  # before the row's name: its code (201 | 05 | 07) or 序号, not a value
            own = [""] if lone else prose_labels(text, found, cell.start, cell.end)
            levels = heads[col] if numeric > 1 and col < len(heads) else ()
            col_unit = column_units[col] if col < len(column_units) else ""
            for r, label in zip(found, own, strict=True):
                label = label if len(label) >= 2 else _row_label(cells, per_cell, col)
                r = _table_unit(r, col_unit or row_unit or table_unit)
                out.append((r, _with_column(label, levels)))
                if levels:
                    columns[r.start] = " ".join(levels)
    return out


def _with_column(label: str, levels: tuple[str, ...]) -> str:
    """「合计 / 人员经费」, its column's nearest level after the row's name (the figure's
    column holds both); a row with no name of its own is its column's, both levels:
    「公务用车购置及运行费 小计」."""
    if not levels or levels[-1] == label:
        return label
    return f"{label} / {levels[-1]}" if label else " ".join(levels)


_MAX_HEADER_ROWS = 4
_MAX_HEADER_CELL = 24


def _header_rows(rows: list[list[tuple[Span, str]]], readings: list[list[list[Reading]]]) -> int:
    """How many rows head the table: the leading rows of short words with no values in
    them (years may head columns), before the first row with values."""
    n = 0
    while n < min(_MAX_HEADER_ROWS, len(rows) - 1):
        words = [s for _, s in rows[n] if s]
        values = [r for found in readings[n] for r in found if r.kind not in ("year", "date")]
        short = all(len(w) <= _MAX_HEADER_CELL for w in words)
        if (values and not _years_row(readings[n])) or not words or not short:
            break
        n += 1
    return n


def _years_row(per_cell: list[list[Reading]]) -> bool:
    """A row whose numbers are all bare years, two or more: a header, not values."""
    found = [r for cell in per_cell for r in cell]
    return len(found) >= 2 and all(
        r.bare and r.value.is_integer() and 1900 <= r.value <= 2100 and len(r.text) == 4
        for r in found
    )


def _unit_named(cell: str) -> str:
    """金额（万元） → 万元: the unit a header cell states for its column or row."""
    m = _HEAD_UNIT_RE.search(cell)
    return m.group(1) if m else ""


def _cell_readings(numbers: _Numbers, start: int, end: int, stripped: str) -> list[Reading]:
    if not stripped:
        return []
    found = numbers.between(start, end, keep_bare=True)
    return [r for r in found if not r.bare or r.text.strip() == stripped]


def _row_label(cells: list[tuple[Span, str]], per_cell: list[list[Reading]], col: int) -> str:
    """The nearest cell with words in it, left first: the row's header."""
    order = [*range(col - 1, -1, -1), *range(col + 1, len(cells))]
    for i in order:
        words = _words(cells, per_cell, i)
        if words:
            return clean_label(words) or words.strip()[:20]
    return ""


def _words(cells: list[tuple[Span, str]], per_cell: list[list[Reading]], i: int) -> str:
    """A cell's text without its figures, when two or more letters are left: a name."""
    words = cells[i][1]
    for r in per_cell[i]:
        words = words.replace(r.text, "")
    return words if sum(ch.isalpha() for ch in words) >= 2 else ""


def _table_unit(r: Reading, unit: str) -> Reading:
    """A lone number in a table stated in 万元 is an amount in 万元."""
    if not r.bare or not unit:
        return r._replace(kind="count") if r.bare else r
    scale = {"万元": 1e4, "亿元": 1e8, "千元": 1e3}.get(unit, 1.0)
    return r._replace(value=r.value * scale, unit="元", kind="amount", scale=scale, shown=unit)


# what statistics count livestock, poultry, fish and crops in: 万头, 万只, 万羽, 万尾, 万担
_COUNTERS = frozenset("头只羽尾担匹")
# a count whose label names people is of people when its 人 is left out: 农村贫困人口减少1240万
_PEOPLE_WORDS = re.compile(r"人口|人数|人员|劳动力|职工|农民工|游客|学生")


def _resolve_magnitudes(text: str, readings: list[Reading], labels: list[str]) -> list[Reading]:
    """1128万 with no 元: money where its label or its neighbours say so, else a count
    (of people where its label names them)."""
    out = []
    for i, r in enumerate(readings):
        counter = text[r.end : r.end + 1] if r.magnitude_only else ""
        if counter and counter in _COUNTERS:  # 94.28万头, 21.43万担: counted in head, in dan
            out.append(
                r._replace(
                    end=r.end + 1,
                    text=r.text + counter,
                    unit=counter,
                    kind="count",
                    shown=r.shown + counter,
                    magnitude_only=False,
                )
            )
            continue
        if r.magnitude_only and r.shown[:1] in "千万亿":
            after = text[r.end : r.end + 1]
            follows_noun = bool(after) and after.isalpha() and not after.isascii()
            # neighbours before it as already read: 项目总预算1410.00万，其中…340.00万，…
            # (the total is money by its label, so the first part is too)
            money = _MONEY_WORDS.search(labels[i]) or (
                not follows_noun and _money_nearby(out, readings, i)
            )
            r = r._replace(unit="元", kind="amount", shown=r.shown + "元") if money else r
            people = not money and _PEOPLE_WORDS.search(labels[i])
            r = r if money else r._replace(kind="count", unit="人" if people else "")
        elif r.magnitude_only:
            r = r._replace(kind="count")
        out.append(r)
    return out


def _distribute(labels: list[str]) -> list[str]:
    """「查处吸毒人员、强戒 分别 72 人、25 人」: the n-th figure gets the n-th name."""
    out = list(labels)
    i = 0
    while i < len(out):
        names = out[i].split("、")
        j = i
        while j < len(out) and labels[j] == labels[i]:
            j += 1
        if len(names) > 1 and j - i == len(names):
            out[i:j] = [name.strip() for name in names]
        i = max(j, i + 1)
    return out


def _money_nearby(read: list[Reading], readings: list[Reading], i: int) -> bool:
    """Money within three figures of reading ``i``: those before it as already read
    (``read``), those after it as written."""
    near = read[max(0, i - 3) : i] + readings[i + 1 : i + 4]
    return any(n.unit == "元" and abs(n.start - readings[i].start) < 300 for n in near)


def figure_breaks(doc: Document, sections: Sequence[Section]) -> set[int]:
    """Offsets no list of parts runs across: headings and table edges."""
    out = {s.start for s in sections if s.id != "0"}
    out.update(b.start for b in doc.blocks if b.kind == "table")
    out.update(b.end for b in doc.blocks if b.kind == "table")
    return out


def section_finder(sections: Sequence[Section]) -> Callable[[int], str | None]:
    """pos -> id of the innermost section holding it (the preamble is "0")."""
    ordered = sorted(sections, key=lambda s: (s.start, -s.end))
    starts = [s.start for s in ordered]
    by_id = {s.id: s for s in ordered}

    def where(pos: int) -> str | None:
        i = bisect.bisect_right(starts, pos) - 1
        s = ordered[i] if i >= 0 else None
        while s is not None and pos >= s.end:
            s = by_id.get(s.parent) if s.parent else None
        return s.id if s else (ordered[0].id if ordered else None)

    return where
