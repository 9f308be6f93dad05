"""Ruled tables in generated PDFs: every cell read back under its own column.

The PDFs are drawn here (Helvetica text, one path per rule), so what each cell holds
is known exactly; the reader must give one text per column in every row, whatever
spans, merges, empty cells, wrapped text or right-aligned numbers the table has.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reportdiff.core.checks import check_document
from reportdiff.core.sections import segment_document
from reportdiff.model import Document
from reportdiff.readers import read_document
from tests.readers.pdf_builder import Cell, ruled_table, text_at, text_width, write_pdf

WORDS = ["Wages", "Rent", "Travel", "Office", "Fees", "Repairs", "Grants", "Other costs"]


def tables(doc: Document) -> list[list[list[str]]]:
    return [
        [[doc.text[c.start : c.end] for c in row] for row in b.cells]
        for b in doc.blocks
        if b.kind == "table"
    ]


def read_pages(tmp_path: Path, *pages: bytes) -> Document:
    return read_document(write_pdf(tmp_path / "table.pdf", list(pages)))


def budget(staff_total: str) -> list[list[Cell]]:
    """A budget by kind: codes in two columns, a total row spanning codes and name."""
    return [
        [Cell("Code", 2), Cell("Name"), Cell("Total"), Cell("Staff"), Cell("Office")],
        [Cell("301"), Cell(), Cell("Wages"), Cell("100"), Cell("100"), Cell("0")],
        [Cell("301"), Cell("01"), Cell("Base pay"), Cell("60"), Cell("60"), Cell("0")],
        [Cell("301"), Cell("02"), Cell("Extra\nallowance"), Cell("40"), Cell("40"), Cell("0")],
        [Cell("Total", 3), Cell("100"), Cell(staff_total), Cell("0")],
    ]


WIDTHS = [40.0, 40.0, 120.0, 70.0, 70.0, 70.0]


def test_a_cell_spanning_columns_leaves_the_columns_it_covers_empty(tmp_path: Path) -> None:
    drawn, _ = ruled_table(budget("100"), WIDTHS)
    (table,) = tables(read_pages(tmp_path, text_at("Budget by kind", 56, 80, 12) + b"\n" + drawn))
    assert table == [
        ["Code", "", "Name", "Total", "Staff", "Office"],
        ["301", "", "Wages", "100", "100", "0"],
        ["301", "01", "Base pay", "60", "60", "0"],
        ["301", "02", "Extra allowance", "40", "40", "0"],
        ["Total", "", "", "100", "100", "0"],
    ]


def test_a_total_row_is_checked_under_its_own_headers(tmp_path: Path) -> None:
    """With the total's label spanning three columns, its figures still stand under
    Total, Staff and Office: a right total raises nothing, a wrong one is named."""

    def sums(staff_total: str) -> list[str]:
        drawn, _ = ruled_table(budget(staff_total), WIDTHS)
        doc = read_pages(tmp_path, text_at("Budget by kind", 56, 80, 12) + b"\n" + drawn)
        return [k.message for k in check_document(doc, segment_document(doc), "new")]

    assert sums("100") == []
    wrong = sums("90")
    assert wrong
    assert all("90" in m for m in wrong)
    assert any(m.startswith("Total / Staff 90") for m in wrong)


def test_a_header_group_and_a_cell_merged_downwards(tmp_path: Path) -> None:
    rows = [
        [Cell("Item"), Cell("Budget", 3)],
        [Cell(merged=True), Cell("Total"), Cell("Basic"), Cell("Project")],
        [Cell("Grants"), Cell("1,250.50"), Cell("250.50"), Cell("1,000.00")],
        [Cell("Total"), Cell("1,250.50"), Cell("250.50"), Cell("1,000.00")],
    ]
    drawn, _ = ruled_table(rows, [150.0, 80.0, 80.0, 80.0])
    (table,) = tables(read_pages(tmp_path, drawn))
    assert table == [
        ["Item", "Budget", "", ""],
        ["", "Total", "Basic", "Project"],
        ["Grants", "1,250.50", "250.50", "1,000.00"],
        ["Total", "1,250.50", "250.50", "1,000.00"],
    ]


def test_a_lone_total_row_on_the_next_page_joins_its_table_in_its_columns(
    tmp_path: Path,
) -> None:
    """The next page shows only the total, whose label spans the code and name columns:
    that page alone knows fewer columns, yet the row lands under the table's own."""
    rows = budget("100")
    first, _ = ruled_table(rows[:-1], WIDTHS, top=700)
    last, _ = ruled_table(rows[-1:], WIDTHS, top=60)
    (table,) = tables(read_pages(tmp_path, first, last))
    assert table[-1] == ["Total", "", "", "100", "100", "0"]
    assert len(table) == 5


def test_a_table_of_other_columns_on_the_next_page_is_another_table(tmp_path: Path) -> None:
    first, _ = ruled_table(budget("100"), WIDTHS, top=600)
    other = [[Cell("Name"), Cell("Count")], [Cell("Cars"), Cell("7")]]
    second, _ = ruled_table(other, [200.0, 90.0], top=60)
    assert [len(t) for t in tables(read_pages(tmp_path, first, second))] == [5, 2]


def random_table(rng: random.Random) -> tuple[list[list[Cell]], list[float], list[list[str]]]:
    """A table of random shape and what a reader of it sees, one text per column.

    The first row has no spans, so that every column edge is drawn somewhere; a cell
    merges downwards only into a cell of the same columns.
    """
    widths = [float(rng.randint(60, 110)) for _ in range(rng.randint(3, 7))]
    while sum(widths) > 595 - 2 * 30:  # a printed table fits its page (what is off it is unseen)
        widths.pop()
    width = len(widths)
    drawn: list[list[Cell]] = [[Cell(f"H{c}") for c in range(width)]]
    seen: list[list[str]] = [[f"H{c}" for c in range(width)]]
    for _ in range(rng.randint(2, 9)):
        above = {}
        col = 0
        for cell in drawn[-1]:
            above[col] = cell.span
            col += cell.span
        row: list[Cell] = []
        shown: list[str] = []
        col = 0
        while col < width:
            span = rng.randint(2, width - col) if col < width - 1 and rng.random() < 0.2 else 1
            if above.get(col) == span and rng.random() < 0.15:
                row.append(Cell(merged=True, span=span))
                shown += [""] * span
                col += span
                continue
            pick = rng.random()
            if pick < 0.2:
                text = ""
            elif pick < 0.6:
                text = f"{rng.randint(0, 9_999_999):,}" + (".00" if rng.random() < 0.3 else "")
            elif pick < 0.8:
                text = rng.choice(WORDS) + "\n" + rng.choice(WORDS).lower()
            else:
                text = rng.choice(WORDS)
            row.append(Cell(text, span))
            shown += [text.replace("\n", " ")] + [""] * (span - 1)
            col += span
        drawn.append(row)
        if any(shown):
            seen.append(shown)
    return drawn, widths, seen


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_read_back_cell_for_cell(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    drawn, widths, seen = random_table(rng)
    content, _ = ruled_table(drawn, widths, left=30, top=60)
    assert tables(read_pages(tmp_path, content)) == [seen]


TASKS = [Cell("Area"), Cell("Task"), Cell("Content")]


def two_pages(tmp_path: Path, before: list[list[Cell]], after: list[list[Cell]]) -> list:
    widths = [90.0, 120.0, 220.0]
    first, _ = ruled_table([TASKS, *before], widths, top=640)
    second, _ = ruled_table(after, widths, top=60)
    return tables(read_pages(tmp_path, first, second))


def test_a_row_cut_by_a_page_break_is_one_row(tmp_path: Path) -> None:
    """The page ends inside a tall row: the next page goes on with its text in the cells
    that had text, and nothing where the row named itself."""
    before = [
        [Cell("Core"), Cell("Staff"), Cell("Wages and\npensions.")],
        [Cell(merged=True), Cell("Networks"), Cell("Leased lines for\nthe stations and")],
    ]
    after = [
        [Cell(), Cell(), Cell("the mobile\nterminals.")],
        [Cell(), Cell("Cameras"), Cell("Upkeep.")],
    ]
    assert two_pages(tmp_path, before, after) == [
        [
            ["Area", "Task", "Content"],
            ["Core", "Staff", "Wages and pensions."],
            ["", "Networks", "Leased lines for the stations and the mobile terminals."],
            ["", "Cameras", "Upkeep."],
        ]
    ]


def test_a_row_of_its_own_after_a_page_break_stays_a_row(tmp_path: Path) -> None:
    """A new row names itself in the label column, even when the columns left of it
    are empty (merged downwards) and it fills only cells the last row filled."""
    before = [
        [Cell("Core"), Cell("Staff"), Cell("Wages and\npensions")],
        [Cell(merged=True), Cell("Repairs"), Cell("Parts")],
    ]
    after = [
        [Cell(), Cell("Networks"), Cell("Leased lines")],
        [Cell(), Cell("Cameras"), Cell("Upkeep")],
        [Cell("Other"), Cell(), Cell("Spare parts")],
    ]
    assert two_pages(tmp_path, before, after) == [
        [
            ["Area", "Task", "Content"],
            ["Core", "Staff", "Wages and pensions"],
            ["", "Repairs", "Parts"],
            ["", "Networks", "Leased lines"],
            ["", "Cameras", "Upkeep"],
            ["Other", "", "Spare parts"],
        ]
    ]


def test_a_row_filling_other_cells_after_a_page_break_stays_a_row(tmp_path: Path) -> None:
    before = [[Cell("Core"), Cell("Staff"), Cell()]]
    after = [[Cell(), Cell(), Cell("Spare parts")]]
    assert two_pages(tmp_path, before, after)[0][-1] == ["", "", "Spare parts"]


# --- tables set in whitespace, without rules --------------------------------------------


def set_in_columns(rows: list[list[str]], rights: list[float], top: float = 200) -> bytes:
    """Rows laid out with spaces alone: the first column aligned left at 72, the others
    aligned right at ``rights`` (figures, as budget tables set them)."""
    ops = []
    for k, row in enumerate(rows):
        y = top + k * 14
        ops.append(text_at(row[0], 72, y))
        for text, right in zip(row[1:], rights, strict=True):
            if text:
                ops.append(text_at(text, right - text_width(text, 9), y))
    return b"\n".join(ops)


def prose(lines: list[str], top: float) -> bytes:
    return b"\n".join(text_at(line, 72, top + k * 14) for k, line in enumerate(lines))


BUDGET = [
    ["Item", "2023", "2024", "Change"],
    ["Staff costs", "1,204.50", "1,310.00", "105.50"],
    ["Office rent", "300.00", "300.00", "0.00"],
    ["Vehicles", "", "45.00", "45.00"],
    ["Total", "1,504.50", "1,655.00", "150.50"],
]


def test_columns_of_figures_set_with_spaces_are_a_table(tmp_path: Path) -> None:
    page = prose(["The budget rose this year, as the table shows."], 170)
    page += b"\n" + set_in_columns(BUDGET, [260.0, 340.0, 420.0])
    page += b"\n" + prose(["Staff costs rose most."], 290)
    doc = read_pages(tmp_path, page)
    assert tables(doc) == [BUDGET]
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "table", "paragraph"]


def test_a_table_set_with_spaces_has_its_totals_checked(tmp_path: Path) -> None:
    wrong = [row[:] for row in BUDGET]
    wrong[-1][2] = "1,665.00"
    doc = read_pages(tmp_path, set_in_columns(wrong, [260.0, 340.0, 420.0]))
    messages = [k.message for k in check_document(doc, segment_document(doc), "new")]
    assert any(m.startswith("Total / 2024 1,665.00") for m in messages)


def test_two_rows_in_columns_are_too_little_to_call_a_table(tmp_path: Path) -> None:
    doc = read_pages(tmp_path, set_in_columns(BUDGET[:2], [260.0, 340.0, 420.0]))
    assert tables(doc) == []


def test_words_in_columns_without_figures_are_no_table(tmp_path: Path) -> None:
    rows = [
        ["Prepared by", "Office", "Finance", "Audit"],
        ["Checked by", "Board", "Staff", "Public"],
        ["Approved by", "Mayor", "Council", "Court"],
    ]
    assert tables(read_pages(tmp_path, set_in_columns(rows, [260.0, 340.0, 420.0]))) == []


def test_a_page_of_two_text_columns_is_no_table(tmp_path: Path) -> None:
    left = [f"Line {k} of the left column runs on here" for k in range(12)]
    right = [f"and {k} more words in the right one" for k in range(12)]
    page = b"\n".join(
        text_at(a, 72, 100 + k * 14) + b"\n" + text_at(b, 320, 100 + k * 14)
        for k, (a, b) in enumerate(zip(left, right, strict=True))
    )
    doc = read_pages(tmp_path, page)
    assert tables(doc) == []
    assert "Line 3 of the left column" in doc.text


def test_a_contents_list_with_page_numbers_is_no_table(tmp_path: Path) -> None:
    rows = [["1. Functions", "3"], ["2. Staff", "4"], ["3. Budget", "6"], ["4. Notes", "9"]]
    doc = read_pages(tmp_path, set_in_columns(rows, [480.0]))
    assert tables(doc) == []
    assert "3. Budget" in doc.text


def test_a_caption_in_two_parts_above_a_table_stays_a_line(tmp_path: Path) -> None:
    caption = text_at("Prepared by: the Transit Office", 72, 186) + b"\n"
    caption += text_at("Unit: thousand", 400, 186) + b"\n"
    doc = read_pages(tmp_path, caption + set_in_columns(BUDGET, [260.0, 340.0, 420.0]))
    assert tables(doc) == [BUDGET]
    assert doc.text.startswith("Prepared by: the Transit Office")


@pytest.mark.parametrize("where", ["above", "below", "left", "right"])
def test_text_placed_off_the_page_is_not_read(tmp_path: Path, where: str) -> None:
    """Producers leave text outside the page (a paragraph above its top edge, drawn
    again where it is seen); no viewer shows it, so the reader does not read it twice."""
    seen = "Ferries carried 1,250 passengers a day."
    off = {"above": (72, -120), "below": (72, 960), "left": (-500, 300), "right": (700, 300)}
    x, y = off[where]
    page = b"\n".join(
        [text_at("1. Overview", 72, 80, 12), text_at(seen, 72, 110, 12), text_at(seen, x, y, 12)]
    )
    text = read_document(write_pdf(tmp_path / "off.pdf", [page])).text
    assert text.count("1,250") == 1
    assert "Overview" in text
