"""A figure's role is a field read from the words around it, never part of its label:
families of generated sentences, each role in many subjects and values."""

from __future__ import annotations

import itertools

import pytest

from .figure_helpers import figures_of

SUBJECTS = ("基本支出", "办案经费", "培训人次", "绿化面积", "营业收入")
VALUES = (("1250.5万元", "amount"), ("36.8%", "percent"), ("420人", "count"))
# (the words before the figure, the role they give it)
FRAMES = (
    ("{s}为{v}", "current"),
    ("{s}累计达到{v}", "cumulative"),
    ("五年来{s}共{v}", "cumulative"),
    ("过去五年{s}{v}", "cumulative"),
    ("{s}年均{v}", "average"),
    ("计划{s}{v}", "plan"),
    ("力争{s}达到{v}", "target"),
)


@pytest.mark.parametrize(("frame", "role"), FRAMES)
def test_role_words_give_every_figure_its_role(frame, role):
    for subject, (value, kind) in itertools.product(SUBJECTS, VALUES):
        text = "一、概况\n" + frame.format(s=subject, v=value) + "。\n"
        (f,) = [f for f in figures_of(text) if f.kind == kind]
        assert f.role == role, (text, f.role)
        assert f.label.strip(), text
        assert not f.label.endswith(("上年", "由", "(previous)")), f.label


def test_last_year_and_a_starting_point_are_roles_not_label_words():
    for subject, (value, _kind) in itertools.product(SUBJECTS, VALUES[:2]):
        lower = value.replace("1250.5", "1100.0").replace("36.8", "30.2").replace("420", "380")
        ranged = f"一、概况\n{subject}由{lower}提高到{value}。\n"
        start, end = [f for f in figures_of(ranged) if f.kind not in ("year", "date")]
        assert (start.role, end.role) == ("start", "current")
        assert start.label == end.label
        previous = f"一、概况\n{subject}{value}，上年{lower}。\n"
        now, before = [f for f in figures_of(previous) if f.kind not in ("year", "date")]
        assert (now.role, before.role) == ("current", "previous")
        assert now.label == before.label == subject


@pytest.mark.parametrize(
    "amount", ["十万元", "五十万元", "二十万元", "一千元", "5000元", "1万元", "0.5万元"]
)
def test_a_bound_set_by_a_rule_is_a_bound(amount):
    text = f"第一章 总则\n违反本法规定的，处{amount}以下的罚款。\n"
    (f,) = [f for f in figures_of(text) if f.kind == "amount"]
    assert (f.role, f.qualifier) == ("bound", "at_most")
    reported = f"一、概况\n全年支出{amount}以上。\n"
    (g,) = [f for f in figures_of(reported) if f.kind == "amount"]
    assert g.role == "current"  # a reported figure with a bound is still this year's


def test_a_check_names_its_rule_and_the_figures_it_read():
    from reportdiff.core.checks import check_document
    from reportdiff.core.sections.segment import segment_document

    from .figure_helpers import doc_of

    for total, parts in ((100, (40, 50)), (80, (30, 20))):
        a, b = parts
        text = f"一、概况\n支出合计{total}万元，其中基本支出{a}万元，项目支出{b}万元。\n"
        doc = doc_of(text)
        (check,) = check_document(doc, segment_document(doc), "new")
        assert check.evidence[0].startswith("a total and the parts")
        assert any(f"{total}万元" in e and "current" in e for e in check.evidence[1:])


def test_a_multi_year_total_is_never_checked_against_one_years_parts():
    from reportdiff.core.checks import check_document
    from reportdiff.core.sections.segment import segment_document

    from .figure_helpers import doc_of

    for years in ("五年来", "过去五年", "累计"):
        text = f"一、概况\n{years}投入资金共1000万元，其中本年投入300万元、上年投入200万元。\n"
        doc = doc_of(text)
        checks = check_document(doc, segment_document(doc), "new")
        assert [k for k in checks if k.kind == "sum"] == []
