"""Reading order on pages set in columns: generated PDFs with two columns, a sidebar and
three columns, in Chinese and English, read column after column; single-column pages,
lists of labelled values and borderless tables of figures keep their line order."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.readers import read_document
from tests.readers.column_pages import Box, draw, flow, pdf_of, wrap

LEFT, RIGHT = 56.0, 539.0  # an A4 page's text block


def zh_paragraphs(n: int, start: int = 1) -> list[str]:
    return [
        f"第{k}段说明清水县水利局第{k}项重点工作的进展：完成投资{k * 12}万元，"
        f"新建灌溉渠道{k + 3}公里，受益农田{k * 150}亩，群众满意度较上年有所提高。"
        for k in range(start, start + n)
    ]


def en_paragraphs(n: int, start: int = 1) -> list[str]:
    return [
        f"Item {k} of the review: the harbor ferry carried {k * 3}.2 million riders in the "
        f"period, while a fleet of {k + 10} vessels kept to the published timetable on most "
        f"days and the crews logged {k * 40} hours of safety drills along the way."
        for k in range(start, start + n)
    ]


def two_columns(page: int, top: float, bottom: float, gutter: float = 20.0) -> list[Box]:
    width = (RIGHT - LEFT - gutter) / 2
    return [
        Box(page, LEFT, width, top, bottom),
        Box(page, LEFT + width + gutter, width, top, bottom),
    ]


def blocks(path: Path) -> list[str]:
    doc = read_document(path)
    return [doc.block_text(b) for b in doc.blocks]


@pytest.mark.parametrize("cjk", [True, False], ids=["zh", "en"])
def test_two_columns_read_one_after_the_other(tmp_path: Path, cjk: bool) -> None:
    """A title across the page, two columns (a paragraph running on from the foot of
    the left one into the right one), and a closing paragraph across the page."""
    size = 10.5 if cjk else 10.0
    body = zh_paragraphs(8) if cjk else en_paragraphs(8)
    closing = (zh_paragraphs(1, 9) if cjk else en_paragraphs(1, 9))[0]
    title = "清水县水利局工作简报" if cjk else "Harbor Transit Quarterly Review"
    ops = [draw(title, 200, 50, 16, cjk)]
    ops += flow(body, two_columns(0, 100, 330 if cjk else 500), size, cjk)[0]
    ops += flow([closing], [Box(0, LEFT, RIGHT - LEFT, 620, 800)], size, cjk)[0]
    got = blocks(_write(tmp_path, [ops], cjk))
    assert got == [title, *body, closing]


def test_a_sidebar_is_read_apart_from_the_main_text(tmp_path: Path) -> None:
    """A narrow column in a smaller font beside the main one: lines that do not share
    baselines with the main text, and are read as the column they are."""
    side = [f"提示{k}：本栏目列出第{k}季度需要关注的灌区管护事项和联系方式。" for k in range(1, 4)]
    main = zh_paragraphs(5)
    ops = flow(side, [Box(0, LEFT, 118, 80, 700)], 9.0, True, leading=1.4)[0]
    ops += flow(main, [Box(0, LEFT + 136, RIGHT - LEFT - 136, 80, 700)], 10.5, True)[0]
    assert blocks(_write(tmp_path, [ops], True)) == [*side, *main]


def test_columns_run_on_over_a_page_break(tmp_path: Path) -> None:
    body = en_paragraphs(14)
    pages = flow(body, two_columns(0, 80, 380) + two_columns(1, 80, 380), 10.0, False)
    assert sorted(pages) == [0, 1]
    assert blocks(_write(tmp_path, [pages[0], pages[1]], False)) == body


def test_three_columns_are_read_left_to_right(tmp_path: Path) -> None:
    width = (RIGHT - LEFT - 2 * 18) / 3
    boxes = [Box(0, LEFT + k * (width + 18), width, 80, 330) for k in range(3)]
    body = zh_paragraphs(9)
    ops = flow(body, boxes, 10.5, True)[0]
    assert blocks(_write(tmp_path, [ops], True)) == body


def test_a_single_column_page_is_read_line_by_line(tmp_path: Path) -> None:
    body = zh_paragraphs(6)
    ops = flow(body, [Box(0, LEFT, RIGHT - LEFT, 80, 800)], 10.5, True)[0]
    assert blocks(_write(tmp_path, [ops], True)) == body


def test_labelled_values_keep_each_label_with_its_value(tmp_path: Path) -> None:
    """A borderless list of short labels beside long values that wrap to the margin:
    two stacks of text side by side, but one of them a few words apiece."""
    labels = ["项目名称", "主管部门", "实施单位", "资金来源", "实施期限", "绩效目标"]
    values = [p[:40] for p in zh_paragraphs(len(labels))]
    ops = flow(zh_paragraphs(1, 7), [Box(0, LEFT, RIGHT - LEFT, 60, 160)], 10.5, True)[0]
    y = 180.0
    for label, value in zip(labels, values, strict=True):
        ops.append(draw(label, LEFT, y, 10.5, True))
        for n, line in enumerate(wrap(value, RIGHT - 160, 10.5, True, 0)):
            ops.append(draw(line, 160, y + 16 * n, 10.5, True))
        y += 16 * (n + 1) + 6
    text = "".join(read_document(_write(tmp_path, [ops], True)).text.split())
    assert "".join(label + value for label, value in zip(labels, values, strict=True)) in text


def test_a_borderless_table_of_figures_keeps_its_rows(tmp_path: Path) -> None:
    rows = [(f"Line item {k}", f"{k * 1234.5:,.2f}", f"{k * 1100.25:,.2f}") for k in range(1, 9)]
    ops = flow(en_paragraphs(1), [Box(0, LEFT, RIGHT - LEFT, 60, 200)], 10.0, False)[0]
    for k, row in enumerate(rows):
        ops += [draw(cell, LEFT + 180 * n, 220 + 16 * k, 10.0, False) for n, cell in enumerate(row)]
    text = " ".join(read_document(_write(tmp_path, [ops], False)).text.split())
    assert " ".join(" ".join(row) for row in rows) in text


def _write(tmp_path: Path, pages: list[list[bytes]], cjk: bool) -> Path:
    path = tmp_path / "columns.pdf"
    path.write_bytes(pdf_of(pages, cjk))
    return path
