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


_SUBJECTS = (
    ("一般公共服务支出", "统计信息事务", "专项普查活动"),
    ("城乡社区支出", "城乡社区管理事务", "其他城乡社区管理事务支出"),
    ("社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"),
    ("一般公共服务支出", "群众团体事务", "一般行政管理事务"),
)


def _subject_line(n: int, subject: tuple[str, str, str], between: str, amount: str) -> str:
    cls, kuan, xiang = subject
    return f"{n}. “{cls}（类）{kuan}（款）{xiang}（项）”{between}{amount}万元，主要用于{xiang}。"


@pytest.mark.parametrize("between", ["", "科目", "为", "科目为"])
@pytest.mark.parametrize("subject", _SUBJECTS)
def test_an_itemised_subject_in_quotes_names_its_amount(subject, between):
    _, kuan, xiang = subject
    [figure] = figures_of(_subject_line(3, subject, between, "43.83"))
    assert figure.label == f"{kuan}（款）{xiang}（项）"


def test_quoted_subjects_pair_across_years_however_the_amount_is_introduced():
    from reportdiff.core.compare import compare

    amounts = [("25.77", "43.83"), ("42.60", "42.29"), ("88.87", "107.50"), ("13.52", "13.53")]
    old_lines = [
        _subject_line(n, s, "", a[0])
        for n, (s, a) in enumerate(zip(_SUBJECTS, amounts, strict=True))
    ]
    new_lines = [
        _subject_line(n, s, "科目", a[1])
        for n, (s, a) in enumerate(zip(_SUBJECTS, amounts, strict=True))
    ]
    old = doc_of("财政拨款支出主要内容如下：\n" + "\n".join(old_lines))
    new = doc_of("财政拨款支出主要内容如下：\n" + "\n".join(new_lines))
    pairs = {(c.old.text, c.new.text) for c in compare(old, new).numbers if c.old and c.new}
    assert pairs == {(f"{a}万元", f"{b}万元") for a, b in amounts}


_NUMBERS = ["（二）", "二、", "2.", "2．", "2. ", "(2)", "2）", "②"]


@pytest.mark.parametrize("number", _NUMBERS)
@pytest.mark.parametrize("name", ["公务用车购置及运行费", "因公出国（境）费", "机关运行经费"])
def test_a_list_number_is_no_part_of_a_label(number, name):
    found = figures_of(f"{number}{name}36.56万元，比2024年预算持平。")
    assert [f.label for f in found if f.kind == "amount"] == [name]


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ("「", "」")])
@pytest.mark.parametrize("quoted", ["三公", "两新", "放管服"])
@pytest.mark.parametrize("rest", ["经费预算数为", "经费", "组织数量"])
def test_a_short_quotation_inside_a_label_is_kept(opening, closing, quoted, rest):
    figures = figures_of(f"2025年{opening}{quoted}{closing}{rest}37.91万元。")
    assert figures[-1].label == f"{opening}{quoted}{closing}{rest}".removesuffix("为")


def _unit_table(unit: str, row: tuple[str, str, str]) -> str:
    return (
        f"2025年部门“三公”经费预算表\n编制部门：某区某局 单位：{unit}\n"
        f"项目\t人员经费\t公用经费\n合计\t{row[0]}\t{row[1]}\n办公费\t{row[2]}\t0\n"
    )


@pytest.mark.parametrize(
    ("unit", "old_row", "new_row"),
    [
        ("万元", ("46.56", "25.00", "3.2"), ("36.56", "21.56", "2.9")),
        ("元", ("156,211,123", "9,000", "320"), ("189,767,551", "8,000", "290")),
        ("千元", ("4,656", "250", "32"), ("3,656", "215", "29")),
    ],
)
def test_a_table_figure_and_its_change_are_shown_in_the_same_unit(unit, old_row, new_row):
    from reportdiff.core.compare import compare
    from reportdiff.render.figure_display import change_text, figure_text

    old, new = doc_of(_unit_table(unit, old_row)), doc_of(_unit_table(unit, new_row))
    changed = [c for c in compare(old, new).numbers if c.status == "changed"]
    assert len(changed) == 3
    for c in changed:
        delta = change_text(c).delta
        for shown in (figure_text(c.old), figure_text(c.new), delta):
            assert shown.endswith(unit), (shown, delta)
            assert shown.removesuffix(unit)[-1].isdigit()


@pytest.mark.parametrize("value", [189767551, 1234567.5, 10000, 999])
@pytest.mark.parametrize("written", ["0", "12", "3,000", "0.00"])
def test_a_value_shown_like_a_table_cell_is_grouped_in_thousands(value, written):
    from reportdiff.core.checks import show
    from reportdiff.model import Figure

    like = Figure(text=written, value=float(written.replace(",", "")), unit="元", start=0, end=1)
    shown = show(value, like)
    assert shown.replace(",", "").startswith(f"{value:.0f}"[:3])
    assert ("," in shown) == (value >= 1000)


def _grid_table(unit: str, head: list[list[str]], rows: list[list[str]]) -> str:
    lines = [f"编制部门：某区某局 单位：{unit}", *("\t".join(r) for r in head + rows)]
    return "2025年部门基本支出预算表\n" + "\n".join(lines) + "\n"


_GROUP_HEADS = [
    # one group over its columns, spanning from its first cell
    [
        ["项目", "", "一般公共预算基本支出", "", ""],
        ["编码", "科目名称", "合计", "人员经费", "公用经费"],
    ],
    # the same under a code row that names the code columns only
    [
        ["项目", "", "一般公共预算基本支出", "", ""],
        ["编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["类", "", "", "", ""],
    ],
    # the group's words in a row of their own, with a year and a unit in them
    [
        ["", "", "2025年一般公共预算基本支出（元）", "", ""],
        ["编码", "科目名称", "合计", "人员经费", "公用经费"],
    ],
]


@pytest.mark.parametrize("head", _GROUP_HEADS)
@pytest.mark.parametrize(
    "values", [("1,000", "600", "400"), ("90,514,044", "90,000,000", "514,044")]
)
def test_table_figures_carry_their_column_name(head, values):
    rows = [["301", "工资福利支出", *values], ["合计", "", *values]]
    figures = [f for f in figures_of(_grid_table("元", head, rows)) if f.kind == "amount"]
    columns = [f.column for f in figures]
    named = [
        "一般公共预算基本支出 合计",
        "一般公共预算基本支出 人员经费",
        "一般公共预算基本支出 公用经费",
    ]
    assert columns == named * 2
    # the row's name and the column's nearest level; once where they are one word
    assert [f.label for f in figures[3:]] == ["合计", "合计 / 人员经费", "合计 / 公用经费"]


def test_a_spanning_cell_names_no_column_past_a_new_group_above():
    from reportdiff.core.figures.table_head import column_heads

    rows = [
        ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
        ["", "", "", "小计", "购置费", "运行费", ""],
    ]
    assert [" ".join(levels) for levels in column_heads(rows)] == [
        "“三公”经费预算数 合计",
        "“三公”经费预算数 因公出国(境)费",
        "“三公”经费预算数 公务接待费",
        "公务用车购置及运行费 小计",
        "公务用车购置及运行费 购置费",
        "公务用车购置及运行费 运行费",
        "机关运行经费预算数",
    ]


@pytest.mark.parametrize(("old_year", "new_year"), [(2024, 2025), (2023, 2024)])
def test_columns_pair_with_their_own_column_across_years(old_year, new_year):
    from reportdiff.core.compare import compare

    def table(year: int, personnel: str, public: str) -> str:
        head = [["项目", f"{year}年人员经费（元）", f"{year}年公用经费（元）"]]
        return _grid_table(
            "元", head, [["工资福利支出", personnel, public], ["合计", personnel, public]]
        )

    old = doc_of(table(old_year, "88,282,511", "5,873,551"))
    new = doc_of(table(new_year, "90,238,584", "10,827,702"))
    pairs = {
        (c.old.column, c.new.column, c.old.text, c.new.text)
        for c in compare(old, new).numbers
        if c.old and c.new
    }
    assert pairs == {
        ("人员经费", "人员经费", "88,282,511", "90,238,584"),
        ("公用经费", "公用经费", "5,873,551", "10,827,702"),
    }


def test_a_row_with_no_header_is_named_by_its_columns():
    head = [
        ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
        ["", "", "", "小计", "购置费", "运行费", ""],
    ]
    rows = [["37.91", "0", "1.35", "36.56", "15", "21.56", "464.64"]]
    figures = {f.text: f.label for f in figures_of(_grid_table("万元", head, rows))}
    assert figures["36.56"] == "公务用车购置及运行费 小计"
    assert figures["464.64"] == "机关运行经费预算数"


def test_json_figures_carry_their_column():
    from reportdiff.render.json import figure_to_dict

    head = [["项目", "人员经费", "公用经费"]]
    figures = figures_of(_grid_table("元", head, [["合计", "600", "400"]]))
    dicts = [figure_to_dict(f) for f in figures if f.kind == "amount"]
    assert [d["column"] for d in dicts] == ["人员经费", "公用经费"]
    prose = figure_to_dict(figures_of("基本支出600万元。")[0])
    assert "column" not in prose


@pytest.mark.parametrize("number", _LIST_NUMBERS)
@pytest.mark.parametrize("year", [2024, 2025])
def test_a_contents_without_leaders_under_its_heading_yields_no_figures(number, year):
    toc = _contents(year, "", number, False, True)
    body = f"一、收入预算\n{year}年，收入预算18,976.76万元，比上年增加3,355.65万元。"
    text = f"上海市某区{year}年部门预算\n{toc}\n{body}"
    figures = [f for f in figures_of(text) if f.kind not in ("year", "date")]
    assert [f.text for f in figures] == ["18,976.76万元", "3,355.65万元"]
    assert not [f for f in figures_of(text) if f.start < text.index(body) and f.start > 20]
