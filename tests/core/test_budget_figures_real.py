"""The budget-report rules of test_budget_figures.py on real published 部门预算 PDFs:
one office's two years (万里街道 2024 → 2025) and other offices' 2025 reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.text.contents import contents_spans
from reportdiff.core.text.numbering import parse_numbering
from reportdiff.readers import read_document
from reportdiff.render.figure_display import change_text, figure_text

from .figure_helpers import read_figures

PDFS = Path(__file__).resolve().parents[3] / "shared" / "real" / "dev" / "pdf"
WANLI = ("putuo-wanli-jiedao-bumen-yusuan-2024.pdf", "putuo-wanli-jiedao-bumen-yusuan-2025.pdf")
_LIST_KEYS = {"cn()", "ar()", "cn、", "cn.", "ar、", "ar).", "ar)", "ar.", "circ"}

pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(
        not PDFS.is_dir(), reason="the real budget PDFs in ../shared/real/dev/pdf are not here"
    ),
]


@pytest.fixture(scope="module")
def wanli():
    old, new = (read_document(PDFS / name) for name in WANLI)
    return compare(old, new)


def _all_pdfs() -> list[str]:
    return sorted(p.name for p in PDFS.glob("*.pdf")) if PDFS.is_dir() else []


@pytest.mark.parametrize("name", _all_pdfs())
def test_contents_hold_no_figures_and_labels_hold_no_list_numbers(name):
    doc, figures = read_figures(PDFS / name)
    spans = contents_spans(doc.text)
    assert spans, "every one of these reports opens with a table of contents"
    assert not [f.text for f in figures if any(a <= f.start < b for a, b in spans)]
    assert not [f.text for f in figures if re.fullmatch(r"\d{1,2}[.．](?:19|20)\d\d年度?", f.text)]
    numbered = [f.label for f in figures if (n := parse_numbering(f.label)) and n.key in _LIST_KEYS]
    assert not numbered


def test_quoted_subjects_pair_across_the_two_years(wanli):
    comparison = wanli
    quoted = [c for c in comparison.numbers if c.label.endswith("（项）")]
    paired = [c for c in quoted if c.old is not None and c.new is not None]
    # 33 subjects in 2025, most of them in 2024 too; the unchanged ones are not listed
    assert len(paired) >= 20
    assert all(c.old.label == c.new.label for c in paired)
    assert not [c for c in comparison.numbers if c.label == "科目"]


def test_basic_spending_columns_pair_with_their_own_column(wanli):
    comparison = wanli
    totals = [
        c
        for c in comparison.numbers
        if c.old and c.new and c.old.label.startswith("合计 / ") and "经费" in c.old.column
    ]
    columns = {c.old.column for c in totals}
    assert {"一般公共预算基本支出 人员经费", "一般公共预算基本支出 公用经费"} <= columns
    assert all(c.old.column == c.new.column for c in totals)


def test_bracketed_sub_parts_are_no_siblings(wanli):
    # 13459 = 8013 + 5356 above ground and below; 8013 is broken down in brackets into
    # 7998 + 105, which is 8103: the report's own slip, found on the part, not the total
    areas = [k for k in wanli.checks if k.kind == "sum" and k.figures[0].unit == "平方米"]
    assert sorted((k.doc, k.figures[0].text, len(k.figures)) for k in areas) == [
        ("new", "8013平方米", 3),
        ("old", "8013平方米", 3),
    ]


def test_values_and_changes_are_shown_in_one_unit(wanli):
    comparison = wanli
    for c in comparison.numbers:
        if c.status != "changed" or c.old is None or c.new is None or c.old.kind != "amount":
            continue
        delta = change_text(c).delta
        unit = re.sub(r"^[-+≈\d,.]+", "", delta)
        assert figure_text(c.old).endswith(unit), (c.label, figure_text(c.old), delta)
        assert figure_text(c.new).endswith(unit), (c.label, figure_text(c.new), delta)
