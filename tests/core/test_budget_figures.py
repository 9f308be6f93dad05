"""Figures of budget reports (部门预算) as their genre writes them: tables of contents,
itemised subjects in quotes, parts broken down in brackets, column headers, list
numbers. Each rule is tested over a generated family, then on the real PDFs."""

from __future__ import annotations

import itertools

import pytest

from reportdiff.core.checks.document import check_document
from reportdiff.core.sections.segment import segment_document

from .figure_helpers import doc_of, figures_of

_PARENS = (("（", "）"), ("(", ")"))
_SUB_TRIGGERS = ("其中", "")


def _checks(text: str):
    doc = doc_of(text)
    return check_document(doc, segment_document(doc), "new")


@pytest.mark.parametrize(
    ("paren", "trigger", "unit", "which"),
    list(itertools.product(_PARENS, _SUB_TRIGGERS, ("平方米", "万元", "人"), (0, 1, 2))),
)
def test_parts_in_brackets_after_a_part_are_its_own_parts(paren, trigger, unit, which):
    parts = [8013, 5356, 120]
    subs = [parts[which] - 15, 15]
    total = sum(parts)
    opening, closing = paren
    clauses = []
    names = ("地上面积", "地下面积", "附属面积")
    for k, (name, value) in enumerate(zip(names, parts, strict=True)):
        clause = f"{name}为{value}{unit}"
        if k == which:
            inner = f"计容面积{subs[0]}{unit}，不计容面积{subs[1]}{unit}"
            clause += f"{opening}{trigger}{inner}{closing}"
        clauses.append(clause)
    text = f"总面积为{total}{unit}，其中" + "，".join(clauses) + "，建筑高度为29.8米。"
    figures = figures_of(text)
    values = [f.value for f in figures]
    index = {f.text: i for i, f in enumerate(figures)}
    part_at = index[f"{parts[which]}{unit}"]
    for sub in subs:
        assert figures[index[f"{sub}{unit}"]].parent == part_at
    for value in parts:
        assert figures[index[f"{value}{unit}"]].parent == values.index(figures[0].value)
    assert not [k for k in _checks(text) if k.kind == "sum"]


@pytest.mark.parametrize("paren", _PARENS)
def test_sub_parts_that_exceed_their_part_are_flagged_on_the_part(paren):
    opening, closing = paren
    text = (
        f"总面积为13500平方米，其中地上面积为8000平方米{opening}其中计容面积7990平方米，"
        f"不计容面积105平方米{closing}，地下面积为5500平方米。"
    )
    sums = [k for k in _checks(text) if k.kind == "sum"]
    assert [k.figures[0].text for k in sums] == ["8000平方米"]


@pytest.mark.parametrize("paren", _PARENS)
def test_a_bracket_after_a_total_that_is_no_breakdown_stays_out_of_lists(paren):
    opening, closing = paren
    text = f"共配备终端65台{opening}含备用1台{closing}，其中：执法终端40台，办公终端25台。"
    figures = figures_of(text)
    spare = next(f for f in figures if f.text == "1台")
    assert spare.parent is None
    assert not [k for k in _checks(text) if k.kind == "sum"]


_LEADERS = ("……………………", "..........", "·········", "．．．．．．．．")
_LIST_NUMBERS = ("{n}．", "{n}.", "{n}. ", "（{n}）")


def _contents(year: int, leader: str, number: str, pages: bool, heading: bool) -> str:
    titles = ("部门财务收支预算总表", "部门一般公共预算支出功能分类预算表", "部门“三公”经费预算表")
    lines = ["目 录"] if heading else []
    for n, title in enumerate(titles, start=4):
        page = f"{n * 3}" if pages else ""
        lines.append(f"{number.format(n=n)}{year}年{title}{leader}{page}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("leader", "number", "pages", "heading"),
    list(itertools.product(_LEADERS, _LIST_NUMBERS, (True, False), (True, False))),
)
def test_a_table_of_contents_yields_no_figures_and_no_reuse_sentences(
    leader, number, pages, heading
):
    from reportdiff.core.reuse.shingles import keyed_sentences

    toc = _contents(2025, leader, number, pages, heading)
    body = "一、收入预算\n2025年，收入预算18,976.76万元，比2024年预算增加3,355.65万元。"
    text = f"上海市某区2025年部门预算\n{toc}\n{body}"
    figures = [f for f in figures_of(text) if f.kind not in ("year", "date")]
    assert [f.text for f in figures] == ["18,976.76万元", "3,355.65万元"]
    toc_end = text.index(body)
    assert all(
        s.start >= toc_end or text[s.start : s.end].startswith("上海市")
        for s in keyed_sentences(text)
    )


@pytest.mark.parametrize("dot", ["．", "."])
@pytest.mark.parametrize("year", [1998, 2024, 2025, 2031])
@pytest.mark.parametrize("n", [1, 5, 12])
@pytest.mark.parametrize("suffix", ["年", "年度"])
def test_a_list_number_before_a_year_is_no_decimal(dot, year, n, suffix):
    text = f"{n}{dot}{year}{suffix}部门预算安排支出45.2万元，工期2.5年。"
    found = figures_of(text)
    assert [(f.kind, f.value) for f in found if f.kind == "year"] == [("year", year)]
    assert "count" in {f.kind for f in found if f.text == "2.5年"}  # a real duration stays


def test_contents_years_do_not_pair_across_years():
    from reportdiff.core.compare import compare

    old = doc_of(_contents(2024, "……………………", "{n}．", True, True) + "\n一、概况\n支出10万元。")
    new = doc_of(_contents(2025, "……………………", "{n}．", True, True) + "\n一、概况\n支出12万元。")
    changes = [c for c in compare(old, new).numbers if c.status != "unchanged"]
    assert [(c.old.text if c.old else None, c.new.text if c.new else None) for c in changes] == [
        ("10万元", "12万元")
    ]
