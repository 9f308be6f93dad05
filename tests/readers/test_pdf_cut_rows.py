"""Table rows a page break cut, and cells whose text wraps, read as the source's cells.

Tables are laid out here as a word processor prints them: CJK text wrapped at each
cell's width (one em a character, the first line indented or not), a row as tall as
its tallest cell, and a row that does not fit above the page's foot cut between two
lines, its rest at the top of the next page. Read back, every row is the source's.
"""

from __future__ import annotations

import random
import re

from reportdiff.readers.pdf_layout import Char, layout_items
from tests.readers.test_pdf_layout import SIZE, grid, page, place, texts, wrap

PAD = 5.0  # points between a cell's rules and its text
PITCH = 1.2 * SIZE  # from one line of a cell to the next
TOP, FOOT = 72.0, 770.0  # where a page's body begins and ends
WORDS = "公安基础设施建设运行维护管理平台经费项目服务采购装备信息网络通讯保障专项培训"


def cjk(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(max(n, 1)))


def wrapped(text: str, capacity: int, indent: int) -> list[str]:
    """A cell's lines, ``capacity`` ems wide, the first ``indent`` ems narrower: CJK
    breaks after any character, digits (half an em) never."""
    lines, line, room = [], "", capacity - indent
    for piece in re.findall(r"\d+|.", text):
        width = len(piece) * (0.5 if piece.isdigit() else 1.0)
        if line and width > room:
            lines.append(line)
            line, room = "", capacity
        line += piece
        room -= width
    return [*lines, line] if line else lines


class Printer:
    """Lays rows of a two-or-more-column table out over pages, cutting a row that
    does not fit at the page's foot between two of its lines."""

    def __init__(self, capacities: list[int], indent: int, top: float) -> None:
        self.capacities, self.indent = capacities, indent
        self.xs = [72.0]
        for cap in capacities:
            self.xs.append(self.xs[-1] + cap * SIZE + 2 * PAD)
        self.pages: list[tuple[list[Char], list[float]]] = [([], [top])]
        self.cut = 0  # rows cut by a page break

    def row(self, cells: list[str]) -> None:
        lines = [
            [(k == 0, line) for k, line in enumerate(wrapped(text, cap, self.indent))]
            for text, cap in zip(cells, self.capacities, strict=True)
        ]
        while True:
            ys = self.pages[-1][1]
            tall = max(len(ls) for ls in lines)
            fit = int((FOOT - ys[-1] - 2 * PAD) // PITCH)
            if fit >= tall:
                self._draw(lines, tall)
                return
            if fit >= 1 and ys[-1] > ys[0]:  # cut the row: its first lines stay here
                self._draw([ls[:fit] for ls in lines], fit)
                lines = [ls[fit:] for ls in lines]
                self.cut += 1
            self.pages.append(([], [TOP]))

    def page_break(self) -> None:
        self.pages.append(([], [TOP]))

    def _draw(self, lines: list[list[tuple[bool, str]]], tall: int) -> None:
        chars, ys = self.pages[-1]
        y = ys[-1]
        for left, cell in zip(self.xs, lines, strict=False):
            for k, (first, text) in enumerate(cell):
                x = left + PAD + (self.indent * SIZE if first else 0.0)
                chars += place(text, x, y + PAD + k * PITCH)
        ys.append(y + tall * PITCH + 2 * PAD)

    def read(self) -> list[str]:
        pages = [
            page(chars, k, tuple(grid(self.xs, ys)) if len(ys) > 1 else ())
            for k, (chars, ys) in enumerate(self.pages)
        ]
        return texts(pages)


def as_text(rows: list[list[str]]) -> list[str]:
    return ["|".join("\t".join(row) for row in rows)]


def random_rows(rng: random.Random, capacities: list[int], indent: int) -> list[list[str]]:
    """Labels that fill their last line exactly as often as not, beside figures (that
    fit their cell's width) or sentences of any length."""
    rows = []
    for _ in range(rng.randint(12, 24)):
        cap = capacities[0]
        label = cjk(rng, rng.choice([cap - indent, 2 * cap - indent, rng.randint(1, 3 * cap)]))
        values = [
            rng.choice([str(rng.randint(1, 10**c)), cjk(rng, rng.randint(1, 4 * c)) + "。"])
            for c in capacities[1:]
        ]
        rows.append([label, *values])
    return rows


def test_rows_cut_anywhere_by_page_breaks_read_as_the_sources_rows() -> None:
    cut = 0
    for seed in range(60):
        rng = random.Random(seed)
        capacities = [rng.choice([2, 3, 4, 6]), rng.choice([4, 6, 10]), rng.choice([3, 8])]
        capacities = capacities[: rng.choice([2, 3])]
        indent = rng.choice([0, 0, 1, 2]) if capacities[0] > 2 else 0
        printer = Printer(capacities, indent, rng.uniform(500.0, 700.0))
        rows = random_rows(rng, capacities, indent)
        for row in rows:
            printer.row(row)
        assert printer.read() == as_text(rows), seed
        cut += printer.cut
    assert cut >= 40  # most cases cut a row, often inside its label


def test_a_label_cut_by_the_break_joins_though_its_row_fills_other_cells() -> None:
    """The label's first line, before the break, is full; the figure beside it ended
    there, so the next page's first row fills the label alone."""
    printer = Printer([4, 6], 2, 720.0)
    rows = [["运行", "12"], ["信息网络通讯平台", "3"], ["装备", "4"]]
    for row in rows:
        printer.row(row)
    assert "".join(c.text for c in printer.pages[1][0]).startswith("网络通讯平台装备4")
    assert printer.read() == as_text(rows)


def test_a_row_after_a_full_label_at_the_foot_of_a_page_stays_a_row() -> None:
    """The last row before the break ends with a full line, the first row after it
    fills the same cells: it is a row of its own, as its figure beside shows."""
    printer = Printer([4, 6], 0, 700.0)
    rows = [["运行维护", "12"], ["信息网络通讯平台", "3"], ["装备采购", "4"], ["培训", "5"]]
    for row in rows:
        printer.row(row)
    assert [len(ys) for _, ys in printer.pages] == [3, 3]  # no row cut: two on each page
    assert printer.read() == as_text(rows)


def test_a_new_row_that_opens_with_an_indent_stays_a_row() -> None:
    printer = Printer([4, 6], 2, 720.0)
    rows = [["运行", "12"], ["维护平台", ""], ["装备采购", "4"]]
    printer.row(rows[0])
    printer.page_break()
    for row in rows[1:]:
        printer.row(row)
    assert printer.read() == as_text(rows)


def test_a_cell_that_ended_a_sentence_is_not_run_on_by_the_next_page() -> None:
    """Every cell of the last row ends with a full line, and the next page's row fills
    the same cells from their left edges: only the sentence that ended tells."""
    printer = Printer([4, 6], 0, 720.0)
    rows = [["运行维护", "经费保障完。"], ["信息网络", "平台建设通讯。"]]
    printer.row(rows[0])
    printer.page_break()
    printer.row(rows[1])
    assert printer.read() == as_text(rows)


def test_a_cell_wrapped_where_scripts_meet_takes_the_documents_spacing() -> None:
    """A wrap hides whether the source had a space between a CJK character and a
    figure; a cell's wrap is read as the document's paragraphs show its habit."""
    for spaced in (True, False):
        gap = " " if spaced else ""
        body = "".join(f"第{gap}{n}{gap}项工作投入{gap}{n * 7}{gap}万元。" for n in range(1, 20))
        chars = [c for line in wrap(body, 100) for c in line]
        xs, ys = [72.0, 120.0, 300.0], [400.0, 440.0]
        chars += place("编制", 76, 404) + place("核定编制人数", 124, 404)
        chars += place("12", 124, 420) + place("名", 136 + (3 if spaced else 0), 420)
        items = layout_items([page(chars, rules=tuple(grid(xs, ys)))])
        assert items[-1].rows == [["编制", f"核定编制人数{gap}12{gap}名"]]
