"""A unit written in a table's column or row header makes its lone numbers amounts,
as a 单位：万元 line above the table does."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.checks.document import check_document
from reportdiff.core.sections.segment import segment_document
from reportdiff.readers import read_document
from tests.readers.docx_builder import new_document, save

from .figure_helpers import doc_of, figures_of


def cells(text: str) -> dict[str, tuple[float, str, str]]:
    return {f.text: (f.value, f.unit, f.kind) for f in figures_of(text) if "\t" not in f.text}


def kinds(text: str) -> list[str]:
    doc = doc_of(text)
    return [c.kind for c in check_document(doc, segment_document(doc), "new")]


def test_a_column_header_unit_applies_to_its_cells() -> None:
    table = "科目\t合计（万元）\t人数\n城乡社区支出\t45.00\t12\n"
    text = f"示例站\n一、表\n{table}二、说明\n城乡社区支出48.00万元。\n"
    got = cells(text)
    assert got["45.00"] == (450000.0, "元", "amount")
    assert got["12"][2] == "count"  # the column without a unit keeps its counts
    assert kinds(text) == ["prose_vs_table"]


def test_a_row_header_unit_applies_to_its_row() -> None:
    text = "示例站\n项目\t2023年\t2024年\n维护经费(万元)\t11.50\t12.50\n巡查次数\t40\t42\n"
    got = cells(text)
    assert got["12.50"] == (125000.0, "元", "amount")
    assert got["42"][2] == "count"


def test_a_unit_in_the_second_header_row() -> None:
    text = "示例站\n项目\t决算\t\n\t金额（万元）\t占比\n设备购置\t8.00\t40%\n"
    assert cells(text)["8.00"] == (80000.0, "元", "amount")


def test_docx_table_with_unit_in_column_header(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("示例站2025年度报告")
    table = doc.add_table(rows=3, cols=2)
    rows = [("项目", "金额(万元)"), ("印刷费", "7.00"), ("邮电费", "3.00")]
    for row, (a, b) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = a, b
    doc.add_paragraph("印刷费7.50万元。")
    report = read_document(save(doc, tmp_path / "units.docx"))
    checks = check_document(report, segment_document(report), "new")
    assert [c.message for c in checks] == ["印刷费 is 7.50万元 in the text but 7.00 in the table"]


def test_numbers_before_a_rows_name_are_its_code_not_values() -> None:
    # 功能分类科目编码 (类 | 款 | 项) or 序号 stand before the row's name: no amounts, so
    # they neither pair across years nor contradict the row's amounts
    rows = [
        ("201", "05", "07", "专项普查活动", "257,700"),
        ("204", "99", "", "其他公共安全支出", "1,333,000"),
        ("3", "", "", "公共法律服务", "300,000"),
    ]
    table = "类\t款\t项\t科目名称\t金额\n" + "".join("\t".join(r) + "\n" for r in rows)
    text = f"示例局\n单位：元\n{table}二、说明\n专项普查活动257,700元。\n"
    got = cells(text)
    assert not {"201", "05", "07", "204", "99", "3"} & set(got)
    assert {"257,700", "1,333,000", "300,000"} <= set(got)
    assert got["257,700"] == (257700.0, "元", "amount")
    assert kinds(text) == []
    # a table of numbers with no name column keeps every number
    assert set(cells("示例局\n2023\t100\t200\n2024\t110\t210\n")) >= {"100", "210"}
