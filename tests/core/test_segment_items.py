"""Numbered lines that state something are list items, not headings: a label with its
figure, a full sentence, a lone item introduced by "包括：" — and the siblings of one
numbering sequence are read alike."""

from __future__ import annotations

import itertools
import random

import pytest

from tests.core.test_segment import outline

INTRO = "2025年“三公”经费预算数为{total}万元。其中："
LABELS = ["因公出国（境）费", "公务用车购置及运行费", "公务接待费", "会议费", "培训费"]
TAILS = [
    "，与上年持平。",
    "。与上年持平，主要原因是严格控制支出。",
    "，比上年减少{d}万元，主要原因是压减一般性支出。",
    "。",
    "，占比{p}%。",
]
UNITS = ["万元", "元", "亿元"]


def items(rng: random.Random, n: int) -> list[str]:
    out = []
    for k, label in enumerate(LABELS[:n]):
        amount = f"{rng.randint(0, 900)}.{rng.randint(0, 99):02d}{rng.choice(UNITS)}"
        tail = rng.choice(TAILS).format(d=f"{rng.randint(1, 9)}.5", p=rng.randint(1, 99))
        out.append(f"（{'一二三四五'[k]}）{label}{amount}{tail}")
    return out


@pytest.mark.parametrize("seed", range(20))
def test_numbered_lines_stating_a_figure_are_items_of_their_heading(seed: int) -> None:
    rng = random.Random(seed)
    lines = items(rng, rng.randint(2, 5))
    head = ["报告", "一、“三公”经费预算情况说明", INTRO.format(total="9.00")]
    text = "\n".join([*head, *lines, "二、机关运行经费预算", "本单位机关运行经费预算为20.00万元。"])
    assert outline(text + "\n") == [
        (1, "一、", "“三公”经费预算情况说明"),
        (1, "二、", "机关运行经费预算"),
    ]


@pytest.mark.parametrize("title", ["项目支出", "基本支出预算执行情况", "2025年重点工作"])
def test_a_numbered_title_without_a_figure_stays_a_heading(title: str) -> None:
    text = f"报告\n一、总体情况\n正文。\n（一）{title}\n本年完成目标。\n（二）其他事项\n正文。\n"
    assert (2, "（一）", title) in outline(text)


LEADS = ["负责管理各项财政收支", "拟订国库管理制度", "牵头编制国有资产管理情况报告"]
SENTENCES = [
    "贯彻执行有关法律、法规和方针政策，研究起草有关规章草案，并组织实施。",
    "审核和汇总编制社会保险基金预决算草案，会同有关部门拟订管理制度。",
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(4)))[:12])
def test_siblings_of_one_sequence_are_read_alike(order: tuple[int, ...]) -> None:
    # a duties list: some items open with a short clause ("…。…"), some are one long
    # sentence; whatever the order, none of them heads a section
    pool = [f"{lead}。编制年度计划，并组织执行。" for lead in LEADS[:2]] + SENTENCES
    lines = [f"（{'一二三四'[k]}）{pool[i]}" for k, i in enumerate(order)]
    text = "\n".join(["报告", "一、主要职能", "主要职能包括：", *lines, "二、机构设置", "正文。"])
    assert outline(text + "\n") == [(1, "一、", "主要职能"), (1, "二、", "机构设置")]


def test_inline_headings_without_sentences_among_them_stay_headings() -> None:
    text = "报告\n一、概况\n（一）机构设置。本单位设三个科室。\n（二）人员情况。共有十人。\n"
    assert [n for _, n, _ in outline(text)] == ["一、", "（一）", "（二）"]


@pytest.mark.parametrize("intro", ["具体包括：", "本部门包括以下单位:"])
@pytest.mark.parametrize("item", ["1.财政局本部", "1. 某某中心", "（一）某某办公室"])
def test_a_lone_item_after_an_introduction_heads_nothing(intro: str, item: str) -> None:
    text = f"报告\n一、机构设置\n本部门预算包括本部。\n{intro}\n{item}\n二、名词解释\n正文。\n"
    assert outline(text) == [(1, "一、", "机构设置"), (1, "二、", "名词解释")]


def test_a_lone_numbered_heading_with_a_body_stays() -> None:
    text = (
        "报告\n一、机构设置\n情况如下：\n1.财政局本部\n本部负责全局工作。\n二、名词解释\n正文。\n"
    )
    assert (2, "1.", "财政局本部") in outline(text)
