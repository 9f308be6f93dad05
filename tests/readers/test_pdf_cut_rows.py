"""Table rows a page break cut, and cells whose text wraps, read as the source's cells.

Tables are laid out here as a word processor prints them: CJK text wrapped at each
cell's width (one em a character, the first line indented or not), a row as tall as
its tallest cell, and a row that does not fit above the page's foot cut between two
lines, its rest at the top of the next page. Read back, every row is the source's.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reportdiff.readers import read_document
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


# --- tables set in whitespace -----------------------------------------------------------


class Typist:
    """Lays a table out with whitespace alone: labels wrapped in a column ``capacity``
    ems wide at the left, figures right-aligned in two columns beside it, set at the
    top of their row or at its bottom; a page holds ``per_page`` lines, with a line of
    prose above the table on the first page and below it on the last."""

    def __init__(self, capacity: int, top_aligned: bool, per_page: int) -> None:
        self.capacity, self.top_aligned, self.per_page = capacity, top_aligned, per_page
        self.rights = [72 + capacity * SIZE + 110.0, 72 + capacity * SIZE + 200.0]
        self.lines: list[list[Char]] = [place("下表列出本年预算的收支情况。", 72, 0)]

    def row(self, label: str, figures: list[str], indent: int = 0) -> None:
        labels = wrapped(label, self.capacity, indent)
        at = 0 if self.top_aligned else len(labels) - 1
        for k, text in enumerate(labels):
            line = place(text, 72 + (indent * SIZE if k == 0 else 0.0), 0)
            if k == at:
                for figure, right in zip(figures, self.rights, strict=True):
                    line += place(figure, right - 0.5 * SIZE * len(figure), 0)
            self.lines.append(line)

    def pages(self) -> list:
        lines = [*self.lines, place("以上数据均为财政拨款。", 72, 0)]
        out = []
        for start in range(0, len(lines), self.per_page):
            chars = []
            for k, line in enumerate(lines[start : start + self.per_page]):
                y = TOP + k * 1.5 * SIZE
                chars += [Char(c.text, c.x0, y, c.x1, y + SIZE, c.size) for c in line]
            out.append(page(chars, len(out)))
        return out


def amount(rng: random.Random) -> str:
    return f"{rng.randint(1, 9999)}.{rng.randint(0, 99):02d}"


def set_rows(rng: random.Random, capacity: int, rows: tuple[int, int] = (4, 12)) -> list[list[str]]:
    return [
        [
            cjk(rng, rng.choice([capacity - 1, capacity + 2, 2 * capacity + 1, rng.randint(1, 9)])),
            amount(rng),
            amount(rng),
        ]
        for _ in range(rng.randint(*rows))
    ]


def test_wrapped_labels_in_a_table_set_in_whitespace_read_whole() -> None:
    """Labels wrapped over several lines, figures at the top or the bottom of their
    row, on one page: one table whose rows are the source's, prose around it."""
    for seed in range(40):
        rng = random.Random(seed)
        capacity = rng.choice([4, 6, 8])
        typist = Typist(capacity, rng.choice([True, False]), per_page=60)
        rows = set_rows(rng, capacity)
        for label, *figures in rows:
            typist.row(label, figures)
        assert texts(typist.pages()) == [
            "下表列出本年预算的收支情况。",
            *as_text(rows),
            "以上数据均为财政拨款。",
        ], seed


def test_a_table_set_in_whitespace_goes_on_over_page_breaks() -> None:
    """The same tables over pages of a few lines: one table still, however few of
    its rows a page holds, and a row whose label a break cut reads as one row."""
    for seed in range(40):
        rng = random.Random(seed)
        capacity = rng.choice([4, 6, 8])
        typist = Typist(capacity, True, per_page=rng.randint(7, 12))
        rows = set_rows(rng, capacity, (12, 30))
        for label, *figures in rows:
            typist.row(label, figures)
        pages = typist.pages()
        assert len(pages) >= 2
        assert texts(pages) == [
            "下表列出本年预算的收支情况。",
            *as_text(rows),
            "以上数据均为财政拨款。",
        ], seed


def test_a_row_without_figures_in_whitespace_stays_a_row() -> None:
    """A heading row over a group is no wrap: the label above it ended short of the
    column's width (which the widest label sets), or it is indented."""
    rows = [
        ["人员经费合计", "1204.50", "1310.00"],
        ["公用经费", "", ""],
        ["差旅费及会议费", "45.00", "40.00"],
        ["其中：会议费", "", ""],
        ["会议费", "5.00", "4.00"],
    ]
    typist = Typist(7, True, per_page=60)
    for label, *figures in rows:
        typist.row(label, figures, indent=2 if label.startswith("其中") else 0)
    assert texts(typist.pages())[1] == as_text(rows)[0]


def test_a_latin_label_wrapped_in_whitespace_joins_with_a_space() -> None:
    lines = [
        ("Staff costs and", "1,204.50"),
        ("pensions", ""),
        ("Office rent", "300.00"),
        ("Vehicles", "45.00"),
        ("Total", "1,549.50"),
    ]
    chars: list[Char] = []
    for k, (label, figure) in enumerate(lines):
        chars += place(label, 72, 100 + 18 * k)
        if figure:
            chars += place(figure, 260 - 0.5 * SIZE * len(figure), 100 + 18 * k)
    assert texts([page(chars)]) == [
        "Staff costs and pensions\t1,204.50|Office rent\t300.00|Vehicles\t45.00|Total\t1,549.50"
    ]


# --- the same, printed by LibreOffice ---------------------------------------------------

LATIN = ["staff", "wages", "office", "rent", "network", "upkeep", "vehicle", "repairs", "grants"]


def word_table(path: Path, rows: list[list[str]], ruled: bool) -> None:
    """A .docx of a paragraph, a table of narrow label and figure columns, and a
    paragraph: with ruling lines or without (python-docx's default table has none)."""
    from docx import Document as WordDocument
    from docx.shared import Cm

    doc = WordDocument()
    doc.add_paragraph("下表列出本年预算的收支情况，单位为万元，数据均为财政拨款，按项目列示如下。")
    table = doc.add_table(rows=len(rows), cols=3)
    if ruled:
        table.style = "Table Grid"
    for cells, texts_ in zip(table.rows, rows, strict=True):
        for k, (cell, text) in enumerate(zip(cells.cells, texts_, strict=True)):
            cell.text = text
            cell.width = Cm(3.5 if k == 0 else 3.0)
    doc.add_paragraph("以上数据均为财政拨款。")
    doc.save(str(path))


def print_docx(docx: Path) -> Path:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed, so nothing can be printed here")
    profile = docx.parent / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return docx.with_suffix(".pdf")


@pytest.mark.slow
@pytest.mark.parametrize("ruled", [False, True], ids=["whitespace", "ruled"])
@pytest.mark.parametrize("script", ["cjk", "latin"])
def test_a_long_table_printed_by_libreoffice_reads_row_for_row(
    tmp_path: Path, ruled: bool, script: str
) -> None:
    """60 rows over pages, labels wrapped in a narrow column, some over fifteen lines
    (which LibreOffice cuts at a page break, inside the label), read back as the
    source's rows."""
    rng = random.Random(1)

    def label() -> str:
        if script == "cjk":
            return cjk(rng, rng.choice([3, 5, 9, 14, 40, 120]))
        return " ".join(rng.choice(LATIN) for _ in range(rng.choice([1, 2, 4, 14, 40])))

    rows = [[label(), amount(rng), amount(rng)] for _ in range(60)]
    word_table(tmp_path / "table.docx", rows, ruled)
    doc = read_document(print_docx(tmp_path / "table.docx"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert [[doc.text[c.start : c.end] for c in row] for row in tables[0].cells] == rows
    assert doc.text.rstrip().endswith("以上数据均为财政拨款。")
