"""A label a report gives under several headings (单位能耗下降 in the review, the plan and
the five-year goals) pairs under the same heading; the heading is its own line, not
the paragraph after it, which is rewritten every year."""

from __future__ import annotations

import random

from reportdiff.core.compare import compare

from .figure_helpers import chinese_numeral, doc_of

_OPENINGS = (
    "过去一年，我国发展面临多重困难和严峻挑战。",
    "过去一年，我国发展面临国内外诸多矛盾叠加、风险隐患交汇的严峻挑战。",
    "一年来，面对复杂严峻的国内外形势，全国上下共同努力。",
    "这一年，经济运行总体平稳，发展质量稳步提升。",
)
_HEADS = ("工作回顾", "工作总体部署", "重点工作任务")


def _report(year: int, opening: str, values: tuple[str, str, str]) -> str:
    parts = [f"{year}年政府工作报告"]
    for n, (head, value) in enumerate(zip(_HEADS, values, strict=True)):
        numeral = "一二三"[n]
        sentence = f"{opening}单位国内生产总值能耗下降{value}%。"
        parts.append(f"{numeral}、{year - 1 + (n > 0)}年{head}\n\n{sentence}")
    return "\n\n".join(parts) + "\n"


def test_a_repeated_label_pairs_under_the_same_heading_whatever_follows_it():
    rng = random.Random(3)
    for _ in range(12):
        old_open, new_open = rng.sample(_OPENINGS, 2)
        old_values = ("5.6", "3.4", "15")
        new_values = ("5", "3.4", "15")
        old = _report(2016, old_open, old_values)
        new = _report(2017, new_open, new_values)
        c = compare(doc_of(old), doc_of(new))
        changed = [(n.old.text, n.new.text) for n in c.numbers if n.status == "changed"]
        assert changed == [("5.6%", "5%")], (old_open, new_open, changed)
        assert all(n.status == "changed" for n in c.numbers)


_ARTICLES = (
    "召开股东大会会议，应当于会议召开二十日前通知各股东。",
    "股东大会作出决议，必须经出席会议的股东所持表决权过半数通过。",
    "董事会每年度至少召开两次会议，每次会议应当于会议召开十日前通知全体董事。",
)


def _statute(first: int, rates: tuple[int, int, int], renamed: bool) -> str:
    lines = ["# 示例法", "## 第四章 股份有限公司"]
    for k, (opening, rate) in enumerate(zip(_ARTICLES, rates, strict=True)):
        opening = opening.replace("股东大会", "股东会") if renamed else opening
        lines.append(f"第{chinese_numeral(first + k)}条 {opening}")
        lines.append(
            f"单独或者合计持有公司百分之{chinese_numeral(rate)}以上股份的股东，可以提出议案。"
        )
    return "\n\n".join(lines) + "\n"


def test_an_article_reworded_in_a_revision_is_still_the_item_its_figures_stand_under():
    # 召开股东大会会议… / 召开股东会会议…: one article, its rate changed from 3% to 1%
    for first, new_first in ((102, 115), (98, 120), (150, 188)):
        old = _statute(first, (3, 10, 10), renamed=False)
        new = _statute(new_first, (1, 10, 10), renamed=True)
        c = compare(doc_of(old, "old.md"), doc_of(new, "new.md"))
        changed = [(n.old.value, n.new.value) for n in c.numbers if n.status != "unchanged"]
        assert changed == [(3.0, 1.0)], (first, new_first, changed)
