"""Lines that only look like headings: table-row labels and address-block labels."""

from __future__ import annotations

import pytest

from reportdiff.core.sections.segment import segment_document
from reportdiff.readers import read_document
from tests.core.test_segment import outline

BODY = "本年度各项工作有序推进，完成了年初确定的目标任务。"


@pytest.mark.parametrize("cell", ["9746.50", "1,234.00", "12,500", "0.00", "-35.20"])
@pytest.mark.parametrize("label", ["一、一般公共预算财政拨款", "（二）项目支出", "3、其他收入"])
def test_a_numbered_label_followed_by_a_cell_figure_is_a_table_row(label, cell):
    text = f"一、收入支出情况\n{BODY}\n{label}\n{cell}   二、外交支出\n{BODY}\n"
    titles = [t for _, _, t in outline(text)]
    assert label.split("、")[-1].split("）")[-1] not in titles
    assert "收入支出情况" in titles


@pytest.mark.parametrize("label", ["一、一般公共预算财政拨款", "（二）项目支出", "3、其他收入"])
def test_the_same_label_followed_by_text_stays_a_heading(label):
    text = f"一、收入支出情况\n{BODY}\n{label}\n2023年，{BODY}\n"
    titles = [t for _, _, t in outline(text)]
    assert label.split("、")[-1].split("）")[-1] in titles


def test_a_numbered_heading_followed_by_a_numbered_subheading_is_no_table_row():
    text = (
        "1. OVERVIEW\n\nThe Authority runs ferries.\n\n2. FINANCES\n\n"
        "2.1 Operating Budget\n\nSpending rose.\n"
    )
    titles = [t for _, _, t in outline(text)]
    assert titles == ["OVERVIEW", "FINANCES", "Operating Budget"]


ADDRESS = "Example Ltd\n70 Harbour Quay\nDublin 2, Ireland\n"


@pytest.mark.parametrize("label", ["**Data Protection Officer**", "**Contact**", "**Write to us**"])
def test_a_bold_label_over_an_address_block_is_no_heading(label):
    text = (
        f"# Privacy\n\n## Contacting us\n\nWrite to us with any question.\n\n{label}\n"
        f"{ADDRESS}\nWe answer every letter.\n\n## Retention\n\nWe keep data a year.\n"
    )
    titles = [t for _, _, t in outline(text)]
    assert titles == ["Privacy", "Contacting us", "Retention"]


def test_a_bold_line_over_a_paragraph_stays_a_heading():
    text = (
        "# Privacy\n\n## Contacting us\n\nWrite to us.\n\n**Data Protection Officer**\n\n"
        "Our officer answers questions about your data within thirty days.\n"
    )
    titles = [t for _, _, t in outline(text)]
    assert titles == ["Privacy", "Contacting us", "Data Protection Officer"]


def test_pdf_table_row_labels_of_a_real_report_are_not_headings(real_dir):
    doc = read_document(real_dir / "jsjs_putuo_guihuaziyuanju_2024.txt")
    titles = [s.title for s in segment_document(doc)]
    assert "一般公共预算财政拨款" not in titles
    assert "一般公共预算财政拨款收入" not in titles
    assert "主要职能" in titles
    assert "收入支出决算总体情况说明" in titles
