"""Habits of statistical bulletins and work reports, over families of generated text:
a negative rate written after its change word (同比增长-0.5%), and items that differ
only by their number (第一产业 / 第二产业, 一季度 / 二季度)."""

from __future__ import annotations

import itertools

import pytest

from reportdiff.core.compare import compare
from reportdiff.options import CompareOptions

from .figure_helpers import doc_of, figures_of

SUBJECTS = (
    "地区生产总值",
    "规模以上工业增加值",
    "社会消费品零售总额",
    "固定资产投资",
    "粮食总产量",
)
VERBS = ("同比增长", "比上年增长", "增长", "增速为", "比上年下降")
NEGATIVE = (-0.5, -6.6, -12.35)


def _rates(text: str):
    return [f for f in figures_of(text) if f.kind == "percent"]


def test_a_minus_sign_after_words_is_the_rates_sign():
    """The sign changes the value and nothing else: label and role are those of the
    same sentence with a positive rate."""
    for subject, verb, value in itertools.product(SUBJECTS, VERBS, NEGATIVE):
        text = f"一、综合\n全年{subject}3120万元，{verb}{value}%。\n"
        (f,) = _rates(text)
        (positive,) = _rates(text.replace(f"{value}%", f"{-value}%"))
        assert f.value == value, text
        assert f.text == f"{value}%"
        assert (f.label, f.role) == (positive.label, positive.role) == (positive.label, "current")


@pytest.mark.parametrize("written", ["2019-2023年", "3-5月", "A-1区", "十-十二月"])
def test_a_dash_inside_a_range_or_code_is_no_sign(written):
    text = f"一、综合\n项目{written}完成投资25.6%。\n"
    assert all(f.value >= 0 for f in figures_of(text)), written


def test_a_positive_rate_and_a_negative_one_of_one_subject_pair():
    for subject, verb in itertools.product(SUBJECTS, VERBS[:3]):
        old = f"一、综合\n全年{subject}3120万元，{verb}8.8%。\n"
        new = f"一、综合\n全年{subject}3205万元，{verb}-0.5%。\n"
        c = compare(doc_of(old), doc_of(new))
        rates = [n for n in c.numbers if n.old and n.new and n.old.kind == "percent"]
        assert [(n.old.value, n.new.value, n.status) for n in rates] == [(8.8, -0.5, "changed")], (
            old,
            new,
        )


ITEMS = (
    ("一产业", "二产业", "三产业"),
    ("第一产业增加值", "第二产业增加值", "第三产业增加值"),
    ("一季度增加值", "二季度增加值", "三季度增加值"),
    ("一级指标得分", "二级指标得分", "三级指标得分"),
)
MOVES = (("上升", "下降"), ("提高", "降低"))


def _shares(names: tuple[str, ...], moves: tuple[str, ...], values: tuple[float, ...]) -> str:
    stated = zip(names, moves, values, strict=True)
    return "一、综合\n" + "，".join(f"{n}所占比重{m}{v}个百分点" for n, m, v in stated)


def test_items_that_differ_only_by_their_number_never_pair():
    """Each version names the items in turn, with other values and other moves: every
    item pairs with itself or with nothing, never with its neighbour."""
    for names, (up, down) in itertools.product(ITEMS, MOVES):
        old_moves, new_moves = (down, up, down), (up, down, up)
        old = _shares(names, old_moves, (1, 1.6, 0.6))
        new = _shares(names, new_moves, (0.4, 1.9, 1.5))
        c = compare(doc_of(old + "。\n"), doc_of(new + "。\n"))
        paired = [(n.old.label, n.new.label) for n in c.numbers if n.old and n.new]
        assert all(a == b for a, b in paired), (old, new, paired)


def test_a_renumbered_article_is_still_the_same_item():
    for old_no, new_no in (("二百一十八", "二百六十六"), ("十五", "十七"), ("九", "十二")):
        old = f"第一章 附则\n第{old_no}条 本法自2006年1月1日起施行。\n"
        new = f"第一章 附则\n第{new_no}条 本法自2024年7月1日起施行。\n"
        c = compare(doc_of(old), doc_of(new))
        dates = [n for n in c.numbers if n.old and n.new and n.old.kind == "date"]
        assert len(dates) == 1, (old, new)
        assert dates[0].status == "changed"


def test_a_sessions_number_advances_with_the_year_and_names_the_same_event():
    terms = (("十三", "十四"), ("五", "六"))
    sessions = (("五", "一"), ("二", "三"))
    for (a, b), (c_, d) in itertools.product(terms, sessions):
        old = f"一、概况\n2022年3月5日在第{a}届人民代表大会第{c_}次会议上作报告。\n"
        new = f"一、概况\n2023年3月5日在第{b}届人民代表大会第{d}次会议上作报告。\n"
        c = compare(doc_of(old), doc_of(new), CompareOptions(all_numbers=True))
        dates = [n for n in c.numbers if n.old and n.new and n.old.kind == "date"]
        assert len(dates) == 1, (old, new)


COUNTED = (
    ("生猪出栏", "头"),
    ("家禽出笼", "羽"),
    ("出栏羊", "只"),
    ("收购烟叶", "担"),
    ("鱼苗投放", "尾"),
)


def test_livestock_and_crops_keep_the_counter_they_are_counted_in():
    for subject, counter in COUNTED:
        (f,) = figures_of(f"二、农业\n全年{subject}94.28万{counter}，好于预期。\n")
        assert (f.text, f.unit, f.kind) == (f"94.28万{counter}", counter, "count")
        assert f.value == 942800.0


def test_counts_in_different_counters_never_pair():
    for (a, unit_a), (_, unit_b) in itertools.permutations(COUNTED, 2):
        old = f"二、农业\n全年出栏{a}94.28万{unit_a}。\n"
        new = f"二、农业\n全年出栏{a}95.12万{unit_b}。\n"
        c = compare(doc_of(old), doc_of(new))
        assert [n for n in c.numbers if n.old and n.new] == [], (old, new)
