"""Totals inside tables (core/check_tables.py) on composed tables: what is summed,
what is never summed, and how nesting is read."""

from __future__ import annotations

from reportdiff.core.checks.document import check_document
from reportdiff.core.checks.tables import check_tables, table_totals
from reportdiff.core.figures.extract import extract_figures
from reportdiff.core.sections.segment import segment_document

from .figure_helpers import doc_of


def table(*rows: str, before: str = "") -> str:
    """A tab-separated table; cells are written with | for readability."""
    lines = ["\t".join(cell.strip() for cell in r.split("|")) for r in rows]
    return before + "\n".join(lines) + "\n"


def totals(text: str):
    doc = doc_of(text)
    return table_totals(doc, extract_figures(doc, segment_document(doc)))


def flagged(text: str):
    doc = doc_of(text)
    return check_tables(doc, extract_figures(doc, segment_document(doc)), "new")


def summary(text: str) -> list[tuple[str, int, bool]]:
    """Each total's label, how many parts it was compared with, whether it holds."""
    return [(t.label, len(t.parts), t.holds) for t in totals(text)]


def messages(text: str) -> list[str]:
    return [k.message for k in flagged(text)]


SCORES = (
    "一级指标 | 二级指标 | 指标值 | 得分",
    "产出指标 | 数量指标 | ≥100座 | 20",
    " | 质量指标 | ≥95% | 18",
    "效益指标 | 社会效益指标 | 未发生 | 30",
    "满意度指标 | 满意度 | ≥90% | 25",
)


def test_score_total_is_summed_and_a_wrong_one_flagged():
    assert [t.holds for t in totals(table(*SCORES, "合计 | | | 93"))] == [True]
    [check] = flagged(table(*SCORES, "合计 | | | 95"))
    assert check.kind == "sum"
    assert check.message == "合计 / 得分 95, but its 4 parts add up to 93 (−2)"
    assert [f.text for f in check.figures] == ["95", "20", "18", "30", "25"]
    text = table(*SCORES, "合计 | | | 95")
    assert all(text[f.start : f.end] == f.text for f in check.figures)


def test_amounts_in_a_wan_yuan_table_within_rounding():
    # 0.335 + 0.335 + 0.335 = 1.005: written to the cent the total may say 1.00 or 1.01
    rows = ("项目 | 金额", "甲 | 0.34", "乙 | 0.33", "丙 | 0.34")
    assert messages(table(*rows, "合计 | 1.01", before="单位：万元\n")) == []
    [message] = messages(table(*rows, "合计 | 1.11", before="单位：万元\n"))
    assert message == "合计 / 金额 1.11万元, but its 3 parts add up to 1.01万元 (−0.10万元)"


def test_rates_shares_years_and_serial_numbers_are_never_summed():
    text = table(
        "序号 | 年份 | 项目 | 金额（万元） | 占比 | 执行率（%） | 人均",
        "1 | 2021年 | 甲 | 60.00 | 60% | 95.5 | 3",
        "2 | 2022年 | 乙 | 40.00 | 40% | 97.1 | 5",
        "3 | 2023年 | 丙 | 0.00 | 0% | 88.0 | 7",
        " | | 合计 | 100.00 | 100% | 93.2 | 5",
    )
    found = totals(text)
    assert [(t.label, t.holds) for t in found] == [("合计 / 金额（万元）", True)]


def test_qualified_and_worded_cells_skip_their_total():
    text = table(
        "指标 | 目标值 | 完成值",
        "甲 | ≥10 | 12",
        "乙 | 不发生 | 5",
        "丙 | ≥20 | 30",
        "合计 | 40 | 46",
    )
    # 目标值 holds words and bounds: no sum; 完成值 47 ≠ 46 is a real gap
    assert messages(text) == ["合计 / 完成值 46, but its 3 parts add up to 47 (+1)"]


def test_qizhong_rows_are_parts_of_the_row_above():
    rows = (
        "项目 | 金额",
        "基本支出 | 60.00",
        "其中：人员经费 | 50.00",
        "公用经费 | 10.00",
        "项目支出 | 40.00",
    )
    assert messages(table(*rows, "合计 | 100.00")) == []
    [message] = messages(table(*rows, "合计 | 110.00"))
    assert "its 2 parts add up to 100.00" in message
    assert "(−10.00)" in message
    # a partial 其中 (one of several parts) is left under its parent too
    partial = ("项目 | 金额", "基本支出 | 60", "其中：人员经费 | 30", "项目支出 | 40")
    assert messages(table(*partial, "合计 | 100")) == []


def test_unmarked_children_equal_to_their_parent_are_not_counted_twice():
    text = table(
        "项目 | 金额",
        "工资福利支出 | 80",
        "基本工资 | 50",
        "津贴补贴 | 30",
        "商品和服务支出 | 20",
        "合计 | 100",
    )
    assert messages(text) == []
    assert [t.holds for t in totals(text)] == [True]


def test_subtotals_and_totals_nest_by_rank():
    text = table(
        "项目 | 数量",
        "甲 | 3",
        "乙 | 4",
        "小计 | 7",
        "丙 | 5",
        "丁 | 6",
        "小计 | 11",
        "合计 | 18",
    )
    assert summary(text) == [
        ("小计 / 数量", 2, True),
        ("小计 / 数量", 2, True),
        ("合计 / 数量", 2, True),
    ]
    wrong = text.replace("合计\t18", "合计\t19")
    assert messages(wrong) == ["合计 / 数量 19, but its 2 parts add up to 18 (−1)"]
    # a wrong 小计 stands in for its rows, so the 合计 over 7 + 12 is off as well
    wrong = text.replace("小计\t11", "小计\t12")
    assert messages(wrong) == [
        "小计 / 数量 12, but its 2 parts add up to 11 (−1)",
        "合计 / 数量 18, but its 2 parts add up to 19 (+1)",
    ]


def test_two_sided_summary_table_with_carry_over():
    # 收入 | 决算数 | 支出 | 决算数, a 总计 over 本年收入合计 and the carry-over with its rows
    text = table(
        "收入项目 | 决算数 | 支出项目 | 决算数",
        "一、财政拨款收入 | 90.00 | 一、一般公共服务支出 | 70.00",
        "二、其他收入 | 10.00 | 二、住房保障支出 | 25.00",
        "本年收入合计 | 100.00 | 本年支出合计 | 95.00",
        "年初结转和结余 | 5.00 | 年末结转和结余 | 10.00",
        "一、财政拨款结转 | 5.00 | | ",
        "总计 | 105.00 | 总计 | 105.00",
        before="单位：万元\n",
    )
    found = totals(text)
    assert len(found) == 4
    assert all(t.holds for t in found)
    # the right side's header cell left empty does not lend it the left side's 合计
    alone = text.replace("本年支出合计\t95.00", "\t95.00").replace(
        "总计\t105.00\t总计", "总计\t105.00\t"
    )
    assert [t.label for t in totals(alone)] == ["本年收入合计 / 决算数", "总计 / 决算数"]
    # a wrong 本年支出合计 is found, and so is the 总计 it then no longer adds up to
    assert messages(text.replace("本年支出合计\t95.00", "本年支出合计\t96.00")) == [
        "本年支出合计 / 决算数 96.00万元, but its 2 parts add up to 95.00万元 (−1.00万元)",
        "总计 / 决算数 105.00万元, but its 2 parts add up to 106.00万元 (+1.00万元)",
    ]


def test_leading_total_with_subject_codes():
    rows = (
        "科目编码 | 科目名称 | 合计",
        " | 合计 | 30.00",
        "201 | 一般公共服务支出 | 20.00",
        "20106 | 财政事务 | 20.00",
        "2010601 | 行政运行 | 12.00",
        "2010699 | 其他财政事务支出 | 8.00",
        "221 | 住房保障支出 | 10.00",
        "22102 | 住房改革支出 | 10.00",
        "2210201 | 住房公积金 | 10.00",
    )
    found = totals(table(*rows))
    assert len(found) == 5
    assert all(t.holds for t in found)
    # 8.00 → 9.00: only 款 20106 is off; 类 201 and 合计 still add up
    [message] = messages(table(*rows).replace("8.00", "9.00"))
    assert message == "财政事务 / 合计 20.00, but its 2 parts add up to 21.00 (+1.00)"


def test_codes_split_over_class_section_item_cells():
    text = table(
        "类 | 款 | 项 | 科目名称 | 决算数",
        "208 | | | 社会保障和就业支出 | 15",
        "208 | 05 | | 行政事业单位养老支出 | 15",
        "208 | 05 | 01 | 行政单位离退休 | 9",
        "208 | 05 | 05 | 养老保险缴费支出 | 6",
        " | | | 合计 | 15",
    )
    found = totals(text)
    assert [(t.label, t.holds) for t in found] == [
        ("合计 / 决算数", True),
        ("社会保障和就业支出 / 决算数", True),
        ("行政事业单位养老支出 / 决算数", True),
    ]


def test_a_code_that_lost_its_leading_zero_still_nests():
    # a spreadsheet printed 款 02 and 07 as the numbers 2 and 7
    rows = [
        "类 | 款 | 经济分类科目名称 | 合计",
        "301 | | 工资福利支出 | 100",
        "301 | 01 | 基本工资 | 50",
        "301 | 2 | 津贴补贴 | 30",
        "301 | 7 | 绩效工资 | 20",
    ]
    assert summary(table(*rows)) == [("工资福利支出 / 合计", 3, True)]
    rows[-1] = "301 | 7 | 绩效工资 | 25"
    assert messages(table(*rows)) == ["工资福利支出 / 合计 100, but its 3 parts add up to 105 (+5)"]


def test_total_column_of_each_header_group():
    text = table(
        "项目 | 预算数 | | | 决算数 | |",
        " | 合计 | 基本支出 | 项目支出 | 合计 | 基本支出 | 项目支出",
        "一般公共服务 | 100 | 60 | 40 | 98 | 60 | 38",
        "住房保障 | 20 | 20 | | 20 | 20 | -",
    )
    found = totals(text)
    assert len(found) == 4
    assert all(t.holds for t in found)
    [message] = messages(text.replace("98\t60\t38", "97\t60\t38"))
    assert message == "一般公共服务 / 合计 97, but its 2 parts add up to 98 (+1)"


def test_total_column_after_its_parts_and_other_units_left_alone():
    text = table(
        "部门 | 男 | 女 | 合计 | 占比",
        "甲 | 3人 | 4人 | 7人 | 70%",
        "乙 | 1人 | 2人 | 3人 | 30%",
        "合计 | 4人 | 6人 | 10人 | 100%",
    )
    found = totals(text)
    assert len(found) == 6
    assert all(t.holds for t in found)


def test_english_total_rows():
    text = table(
        "Item | FY2023 | FY2024",
        "Product revenue | 120.5 | 130.0",
        "Service revenue | 79.5 | 90.0",
        "Total revenue | 200.0 | 220.0",
    )
    assert [t.holds for t in totals(text)] == [True, True]
    [message] = messages(text.replace("220.0", "222.0"))
    assert message == "Total revenue / FY2024 222.0, but its 2 parts add up to 220.0 (−2.0)"


def test_rows_that_only_name_totals_are_not_checked():
    # 收入总额 and 支出总额 head their own figures, with nothing to add up
    text = table("指标 | 金额", "收入总额 | 100", "支出总额 | 90", "结余 | 10")
    assert totals(text) == []
    # a cell that says 总计 with its figure is not a total row
    text = table("项目 | 说明", "租赁费 | 总计 25.2万元", "通讯费 | 总计 1.98万元")
    assert totals(text) == []


def test_a_prose_total_is_not_checked_twice():
    text = "基本支出100万元，其中：人员经费60万元，公用经费30万元。\n" + table(
        "项目 | 金额", "人员经费 | 60", "公用经费 | 30", "合计 | 95"
    )
    doc = doc_of(text)
    checks = check_document(doc, segment_document(doc), "new")
    assert sorted(k.figures[0].text for k in checks) == ["100万元", "95"]


def test_subtotals_written_over_their_rows():
    text = table(
        "项目 | 金额",
        "基本支出小计 | 100",
        "人员经费 | 80",
        "公用经费 | 20",
        "项目支出小计 | 50",
        "办案经费 | 30",
        "装备购置 | 20",
        "合计 | 150",
    )
    assert messages(text) == []
    assert [t.holds for t in totals(text)] == [True, True, True]
    wrong = text.replace("装备购置\t20", "装备购置\t25")
    # the 小计 is off; the 合计 over the two 小计 still holds
    assert messages(wrong) == ["项目支出小计 / 金额 50, but its 2 parts add up to 55 (+5)"]
    wrong = text.replace("人员经费\t80", "人员经费\t70")
    assert messages(wrong) == ["基本支出小计 / 金额 100, but its 2 parts add up to 90 (−10)"]


def test_a_total_that_closes_nothing_counts_as_a_row():
    # 年度资金总额 heads its own figures (its 分值 10 is one of the scores), and the 合计
    # at the foot sums every score, that one included
    text = table(
        "项目 | 预算数 | 执行数 | 分值 | 得分",
        "年度资金总额 | 1,200.00 | 1,100.00 | 10 | 9",
        "其中：财政拨款 | 1,200.00 | 1,100.00 | |",
        "产出指标 | | | 50 | 48",
        "效益指标 | | | 40 | 37",
        "合计 | | | 100 | 94",
    )
    assert messages(text) == []
    assert summary(text) == [
        ("合计 / 分值", 3, True),
        ("合计 / 得分", 3, True),
    ]
    [message] = messages(text.replace("| 94", "| 95").replace("\t94", "\t95"))
    assert message == "合计 / 得分 95, but its 3 parts add up to 94 (−1)"


def test_three_levels_without_codes_or_numbering():
    # 类 = 款 = 项 + 项: a row equal to the rows after it stands in for them, at any depth
    text = table(
        "科目名称 | 决算数",
        "一般公共服务支出 | 21.00",
        "财政事务 | 21.00",
        "行政运行 | 15.10",
        "一般行政管理事务 | 0.40",
        "信息化建设 | 5.50",
        "住房保障支出 | 4.50",
        "住房改革支出 | 4.50",
        "住房公积金 | 2.50",
        "购房补贴 | 2.00",
        "合计 | 25.50",
        before="单位：万元\n",
    )
    assert [t.holds for t in totals(text)] == [True]
    [message] = messages(text.replace("25.50", "26.50"))
    assert message == "合计 / 决算数 26.50万元, but its 2 parts add up to 25.50万元 (−1.00万元)"


def test_markdown_table_with_bold_total():
    text = (
        "| 项目 | 人数 |\n| --- | ---: |\n| 在职 | 50人 |\n| 退休 | 12人 |\n| **合计** | 62人 |\n"
    )
    assert [(t.label, t.holds) for t in totals(text)] == [("合计 / 人数", True)]
    assert messages(text.replace("62人", "60人")) == [
        "合计 / 人数 60人, but its 2 parts add up to 62人 (+2人)"
    ]


def test_negative_cells_leave_their_total_unchecked():
    for cell in ("-40.00", "（40.00）", "(40.00)", "－40.00"):
        text = table("项目 | 金额", "收入 | 100.00", f"调减 | {cell}", "合计 | 60.00")
        assert totals(text) == [], cell


def test_qizhong_rows_under_a_total_may_be_a_selection():
    lead = ("项目 | 金额", "合计 | 100", "其中：财政拨款 | 80", "上年结转 | 10")
    assert [t.holds for t in totals(table(*lead))] == [True]
    [message] = messages(table(*lead).replace("上年结转\t10", "上年结转\t30"))
    assert message == "合计 / 金额 100, but its 2 parts add up to 110 (+10)"
    # 其中 under a 小计 belongs to that 小计, not to the rows of the next one
    text = table(
        "项目 | 金额",
        "甲 | 60",
        "乙 | 40",
        "小计 | 100",
        "其中：财政拨款 | 80",
        "丙 | 25",
        "丁 | 25",
        "小计 | 50",
        "合计 | 150",
    )
    assert [(len(t.parts), t.holds) for t in totals(text)] == [(2, True), (2, True), (2, True)]


def test_total_column_followed_by_columns_that_are_not_its_parts():
    text = table(
        "项目 | 年初结转和结余 | 本年支出合计 | 基本支出 | 项目支出 | 年末结转和结余",
        "一般公共服务 | 5.00 | 100.00 | 60.00 | 40.00 | 8.00",
        "住房保障 | | 20.00 | 20.00 | | 1.00",
    )
    assert summary(text) == [
        ("一般公共服务 / 本年支出合计", 2, True),
        ("住房保障 / 本年支出合计", 1, True),
    ]
    [message] = messages(text.replace("100.00\t60.00", "99.00\t60.00"))
    assert message == "一般公共服务 / 本年支出合计 99.00, but its 2 parts add up to 100.00 (+1.00)"
