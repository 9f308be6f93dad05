"""Pairing as a scored decision: families of generated sentence pairs, each pattern
of wrong pairing in many subjects and values, and the evidence a pair carries."""

from __future__ import annotations

import itertools
import json

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.figures import SURE
from reportdiff.render.json import render_json
from reportdiff.render.text import render_text

from .figure_helpers import doc_of

SUBJECTS = (
    "城镇居民收入增速",
    "粮食播种面积",
    "一般公共预算收入",
    "技术合同成交额",
    "新增就业人数",
)
VALUES = ((0.3, 0.5), (1.2, 0.8), (2.5, 3.1))


def _changed(old: str, new: str):
    c = compare(doc_of(old), doc_of(new))
    return [n for n in c.numbers if n.status == "changed"], c


@pytest.mark.parametrize(("up", "down"), [("高", "低"), ("增长", "下降"), ("提高", "降低")])
def test_a_stated_rise_never_pairs_with_a_stated_fall(up, down):
    for subject, (a, b) in itertools.product(SUBJECTS, VALUES):
        old = f"一、概况\n{subject}比全国平均水平{up}{a}个百分点。\n"
        new = f"一、概况\n{subject}比全国平均水平{down}{b}个百分点。\n"
        changed, _ = _changed(old, new)
        assert changed == [], (old, new)


@pytest.mark.parametrize(
    ("many_years", "one_year"),
    [
        ("过去五年，{s}累计达到{v}亿元", "全年{s}达到{v}亿元"),
        ("五年来{s}年均增长{v}%", "{s}增长{v}%"),
    ],
)
def test_a_multi_year_figure_never_pairs_with_one_years(many_years, one_year):
    for subject, (a, b) in itertools.product(SUBJECTS, VALUES):
        old = "一、概况\n" + many_years.format(s=subject, v=a * 10) + "。\n"
        new = "一、概况\n" + one_year.format(s=subject, v=b * 10) + "。\n"
        changed, _ = _changed(old, new)
        assert changed == [], (old, new)


def test_a_half_year_figure_never_pairs_with_the_full_year():
    for subject, (a, b) in itertools.product(SUBJECTS, VALUES):
        old = f"一、概况\n上半年{subject}达到{a * 100}万元。\n"
        new = f"一、概况\n全年{subject}达到{b * 100}万元。\n"
        changed, _ = _changed(old, new)
        assert changed == [], (old, new)


def test_a_figure_replaced_in_an_unchanged_sentence_is_a_sure_pair_with_its_evidence():
    for subject, (a, b) in itertools.product(SUBJECTS, VALUES):
        frame = "一、概况\n今年以来，{s}为{v}万元，较好完成了任务。\n"
        changed, c = _changed(frame.format(s=subject, v=a), frame.format(s=subject, v=b))
        (n,) = changed
        assert n.confidence >= SURE
        assert "same sentence slot" in n.evidence
        shown = json.loads(render_json(c))["numbers"][0]
        assert shown["confidence"] == n.confidence
        assert "same sentence slot" in shown["evidence"]
        assert shown["new"]["role"] == "current"


def test_an_uncertain_pair_is_shown_as_such():
    old = "一、概况\n各项工作有序推进，其中维修改造经费支出12.5万元。\n"
    new = "一、概况\n围绕中心工作，全年维修（护）费共计支出18.2万元，保障了运转。\n"
    changed, c = _changed(old, new)
    for n in changed:
        assert n.confidence < 1.0
        assert n.evidence
    # two labels alike only in part, the sentence rewritten around them: paired, unsure
    assert [n.confidence < SURE for n in changed] == [True]
    assert "changed?" in render_text(c)
