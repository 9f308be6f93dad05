"""A disagreement is told once, in words that read right for one part or many."""

from __future__ import annotations

import itertools

from reportdiff.core.checks.document import check_document, sum_message
from reportdiff.core.sections.segment import segment_document

from .figure_helpers import doc_of


def checks_of(text: str):
    doc = doc_of(text)
    return check_document(doc, segment_document(doc), "new")


def test_text_against_table_is_told_once() -> None:
    text = (
        "示例站\n一、决算表\n单位：万元\n科目\t金额\n"
        "城乡社区支出\t45.00\n农林水支出\t15.00\n"
        "二、情况说明\n城乡社区支出48.00万元。\n"
    )
    checks = checks_of(text)
    assert [c.kind for c in checks] == ["prose_vs_table"]
    assert checks[0].message == "城乡社区支出 is 48.00万元 in the text but 45.00 in the table"


def test_two_values_in_prose_are_still_a_label_conflict() -> None:
    filler = "本段说明年度工作安排与执行情况，不含任何数字。" * 15
    text = f"示例站\n公共设施维护经费12.00万元。\n{filler}\n公共设施维护经费13.00万元。\n"
    assert [c.kind for c in checks_of(text)] == ["label_conflict"]


def test_one_part_is_not_called_parts() -> None:
    (check,) = checks_of("示例站\n本年支出合计100.00万元，其中：基本支出120.00万元。\n")
    assert check.message == "支出 100.00万元, but its one part is 120.00万元 (+20.00万元)"
    assert sum_message("合计", "9", 2, "8", "−1") == "合计 9, but its 2 parts add up to 8 (−1)"


_FILLER = "本段说明年度工作安排与执行情况，不含任何数字。" * 15
_THINGS = (("个", "自贸试验区"), ("家", "科技孵化基地"), ("所", "普惠幼儿园"))
_PART_WORDS = ("新设", "新增", "新建", "其中新建", "增设", "新批")


def test_a_part_is_not_a_conflicting_statement_of_the_total() -> None:
    # 「新设7个自贸试验区」 … 「建设11个自贸试验区」: the new ones are some of the eleven
    for (counter, thing), word in itertools.product(_THINGS, _PART_WORDS):
        for part, total in ((7, 11), (3, 21)):
            text = (
                f"示例站\n一、工作回顾\n推广改革经验，{word}{part}{counter}{thing}。\n{_FILLER}\n"
                f"二、今年任务\n高标准建设{total}{counter}{thing}。\n"
            )
            assert [c.kind for c in checks_of(text)] == [], (word, thing)


def test_two_statements_of_the_total_or_of_the_new_ones_still_conflict() -> None:
    for (counter, thing), word in itertools.product(_THINGS, ("", *_PART_WORDS)):
        text = (
            f"示例站\n一、工作回顾\n今年{word}{7}{counter}{thing}。\n{_FILLER}\n"
            f"二、今年任务\n今年{word}{9}{counter}{thing}。\n"
        )
        assert [c.kind for c in checks_of(text)] == ["label_conflict"], (word, thing)


_AREAS = (("平方米", "建筑面积", "地上", "地下"), ("万元", "项目支出", "工程费用", "其他费用"))


def test_an_approximate_total_is_not_summed_exactly() -> None:
    for word, (unit, total, a, b) in itertools.product(("约为", "约合", "约"), _AREAS):
        text = f"示例站\n一、概况\n{total}{word}13000{unit}，其中{a}8013{unit}，{b}5356{unit}。\n"
        assert not checks_of(text), text
        exact = text.replace(word, "为")
        assert [c.kind for c in checks_of(exact)] == ["sum"]


def test_text_and_table_agree_to_the_rounding_of_what_the_text_writes() -> None:
    # 15621.11万元 in the text is the table's 156,211,123 元; 15621.13万元 is not
    for yuan in (156_211_123, 189_767_551, 4_212_300, 25_770):
        wan = f"{yuan / 1e4:.2f}"
        table = (
            f"示例站\n一、收入预算表\n单位：元\n项目\t预算数\n财政拨款收入\t{yuan:,}\n其他收入\t0\n"
        )
        text = table + f"二、情况说明\n财政拨款收入{wan}万元。\n"
        assert not checks_of(text), text
        off = f"{(yuan + 200) / 1e4:.2f}"
        assert [c.kind for c in checks_of(table + f"二、情况说明\n财政拨款收入{off}万元。\n")] == [
            "prose_vs_table"
        ]
