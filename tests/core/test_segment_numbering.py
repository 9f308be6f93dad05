"""Numbering styles as written, their keys and ordinal values."""

from __future__ import annotations

import pytest

from reportdiff.core.text.numbering import cn_value, parse_numbering, roman_value

from .figure_helpers import chinese_numeral


@pytest.mark.parametrize(
    ("line", "text", "key", "ordinal"),
    [
        ("一、概况", "一、", "cn、", 1),
        ("十一、其他事项", "十一、", "cn、", 11),
        ("二十六、附则", "二十六、", "cn、", 26),
        ("（三）工作任务", "（三）", "cn()", 3),
        ("(一) 机构设置", "(一)", "cn()", 1),
        ("1、收入情况", "1、", "ar、", 1),
        ("7、 问题分析", "7、", "ar、", 7),
        ("2. 支出情况", "2.", "ar.", 2),
        ("3．项目情况", "3．", "ar.", 3),
        ("1）项目", "1）", "ar)", 1),
        ("1）．主要职能。", "1）．", "ar).", 1),
        ("（2）资金使用", "（2）", "ar()", 2),
        ("③ 绩效目标", "③", "circ", 3),
        ("第二章 总则", "第二章", "di章", 2),
        ("第一节 范围", "第一节", "di节", 1),
        ("第十二条 本办法自公布之日起施行。", "第十二条", "di条", 12),
        ("第三部分 说明", "第三部分", "di部分", 3),
        ("1.2 Scope", "1.2", "dec2", 2),
        ("2.3.1 Details", "2.3.1", "dec3", 1),
        ("A. Overview", "A.", "AL.", 1),
        ("IV. Results", "IV.", "ROM.", 4),
        ("(b) the second case", "(b)", "al()", 2),
        ("Item 1A. Risk Factors", "Item 1A.", "item", 1),
        ("Part II", "Part II", "part", 2),
    ],
)
def test_numbering_styles(line: str, text: str, key: str, ordinal: int) -> None:
    num = parse_numbering(line)
    assert num is not None
    assert (num.text, num.key, num.ordinal) == (text, key, ordinal)
    assert line.startswith(num.text)


@pytest.mark.parametrize(
    "line",
    [
        "2.5",  # a bare figure
        "6.20",
        "1.5万元用于设备购置",
        "112.88 年末结转",  # a figure with two decimals, not section 112.88
        "0.00 万元",
        "一是加强管理",  # "一是" enumerates inside a paragraph
        "2023 年是开局之年",
        "(报告范围包括下属单位)",
        "本年度收入合计",
        "",
    ],
)
def test_not_numbering(line: str) -> None:
    assert parse_numbering(line) is None


def test_frames_let_scripts_continue_each_other() -> None:
    six, seven = parse_numbering("六、情况"), parse_numbering("7、问题")
    assert six is not None
    assert seven is not None
    assert six.key != seven.key
    assert six.frame == seven.frame == "、"


def test_chapter_like_numbering_is_fixed() -> None:
    num = parse_numbering("第一部分 概况")
    assert num is not None
    assert num.fixed
    plain = parse_numbering("一、概况")
    assert plain is not None
    assert not plain.fixed


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("九十九", 99),
        ("一百零五", 105),
        ("两", 2),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert cn_value(text) == value


def test_roman_numerals() -> None:
    assert [roman_value(s) for s in ("I", "IV", "IX", "XIV", "XL")] == [1, 4, 9, 14, 40]
    assert roman_value("IIII") is None
    assert roman_value("VX") is None


def test_every_article_of_a_long_statute_is_numbered() -> None:
    # 第一百九十八条 has five numerals; every article up to 第九百九十九条 is read
    for n in range(1, 1000):
        written = f"第{chinese_numeral(n)}条"
        num = parse_numbering(f"{written} 违反本法规定的，依法追究责任。")
        assert num is not None, written
        assert (num.text, num.key, num.ordinal) == (written, "di条", n)
