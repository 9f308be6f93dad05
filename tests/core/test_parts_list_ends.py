"""Where a list of parts (其中…) ends, as statistical bulletins write them: a figure after
the list's end is never a part, and a list that may have ended takes no more parts, so
a sum is checked only on parts the clause structure vouches for. Tested over a family
of generated bulletin sentences, on the real 中江县 bulletins, and against the true
sums that must still be flagged."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reportdiff.core.checks.document import check_document
from reportdiff.core.sections.segment import segment_document
from reportdiff.readers import read_document

from .figure_helpers import doc_of, figures_of

HELDOUT = Path(__file__).resolve().parents[2] / "bench" / "heldout"

TOTAL = 80.3
# parts that add up to the total, by length; a list without its last part is partial
PARTS = {
    2: (14.8, 65.5),
    3: (10.2, 30.4, 39.7),
    4: (5.1, 20.2, 25.0, 30.0),
}
NAMES = ("小春粮食", "大春粮食", "早稻", "晚稻")
# what follows the list: nothing, a quantity larger than the whole, a quantity that
# names a whole of its own, one larger than what the parts leave, one that would fit
FOLLOWERS = ("none", "more_than_whole", "whole_named", "more_than_left", "fits")


def _sums(text: str) -> list:
    doc = doc_of(text)
    return [k for k in check_document(doc, segment_document(doc), "new") if k.kind == "sum"]


def _bulletin(parts, part_sep: str, end: str, follower: str, growth: bool) -> tuple[str, str]:
    """The sentence and the follower's figure as written ("" when there is none)."""

    def rate(i: int) -> str:
        return f"，增长{1.1 + i:.1f}%" if growth else ""

    named = zip(NAMES, parts, strict=False)
    listed = part_sep.join(f"{name}产量{v}万吨{rate(i + 1)}" for i, (name, v) in enumerate(named))
    text = f"全年粮食产量{TOTAL}万吨{rate(0)}，其中：{listed}"
    left = TOTAL - sum(parts)
    value = {
        "more_than_whole": round(TOTAL * 1.6, 1),
        "whole_named": 1.2,
        "more_than_left": round(left + 5.0, 1),
        "fits": round(left / 2, 1) if left > 1 else 0.3,
    }.get(follower)
    if value is None:
        return text + "。\n", ""
    name = "蔬菜及食用菌总" if follower == "whole_named" else "油料作物"
    shown = f"{value}万吨"
    return f"{text}{end}{name}产量{shown}{rate(9)}。\n", shown


CASES = [
    (n, complete, part_sep, end, follower, growth)
    for n, complete, part_sep, end, follower, growth in itertools.product(
        PARTS, (True, False), ("，", "；"), ("；", "。", "，"), FOLLOWERS, (True, False)
    )
    # past a comma, a quantity that fits alone but not with the parts is as likely a
    # part as not: the family leaves that reading to the check's tests below
    if not (follower == "more_than_left" and end == "，")
    and not (follower == "none" and end != "。")
]


def _ended(complete: bool, end: str, follower: str) -> bool:
    """Whether the clause structure says the list ended before the follower."""
    if complete or end == "。":
        return True
    return follower in ("more_than_whole", "whole_named", "more_than_left")


@pytest.mark.parametrize(("n", "complete", "part_sep", "end", "follower", "growth"), CASES)
def test_a_quantity_after_a_bulletin_parts_list_is_never_its_part(
    n, complete, part_sep, end, follower, growth
):
    parts = PARTS[n] if complete else PARTS[n][:-1]
    text, follower_shown = _bulletin(parts, part_sep, end, follower, growth)
    figures = figures_of(text)
    total = next(i for i, f in enumerate(figures) if f.text == f"{TOTAL}万吨")
    for value in parts:
        part = next(f for f in figures if f.text == f"{value}万吨" and f.start > figures[total].end)
        assert part.parent == total, (text, part.text)
    if follower_shown and _ended(complete, end, follower):
        after = next(f for f in reversed(figures) if f.text == follower_shown)
        assert after.parent is None, text
    assert not _sums(text), text


def test_the_family_holds_every_shape_it_names():
    # the family above is no smaller than it says: every length, end and follower
    assert {c[0] for c in CASES} == set(PARTS)
    assert {c[3] for c in CASES} == {"；", "。", "，"}
    assert {c[4] for c in CASES} == set(FOLLOWERS)
    assert len(CASES) > 150


@pytest.mark.parametrize("part_sep", ["，", "；", "、"])
@pytest.mark.parametrize(
    "follower", ["", "；油料作物产量128.5万元", "，油料作物产量128.5万元", "。其他收入9万元"]
)
def test_a_money_breakdown_short_of_its_total_is_still_flagged(part_sep, follower):
    # money broken into two or more parts is meant to be complete, whatever follows it
    text = f"本年支出100万元，其中：基本支出60万元{part_sep}项目支出30万元{follower}。\n"
    sums = _sums(text)
    assert [k.figures[0].text for k in sums] == ["100万元"], text
    assert len(sums[0].figures) == 3


@pytest.mark.parametrize("part_sep", ["、", "，"])
def test_parts_listed_right_after_the_trigger_that_exceed_the_total_are_flagged(part_sep):
    text = f"抓获27人，其中主犯23人{part_sep}从犯5人；另查获车辆3辆。\n"
    assert [k.figures[0].text for k in _sums(text)] == ["27人"]


def test_one_part_per_line_runs_over_semicolons_and_is_summed():
    text = "项目支出300万元，其中：\nA项目经费120万元；\nB项目经费150万元；\nC项目经费60万元。\n"
    sums = _sums(text)
    assert [k.figures[0].text for k in sums] == ["300万元"]
    assert len(sums[0].figures) == 4


@pytest.mark.parametrize(
    "name", ["zhongjiang-tongjigongbao-2022.txt", "zhongjiang-tongjigongbao-2023.txt"]
)
def test_real_bulletins_whose_arithmetic_is_right_raise_no_check(name):
    # 中江县 2022: 「油料作物产量14.5万吨…其中：油菜籽产量11.1万吨…；蔬菜及食用菌总产量
    # 49.9万吨」 — the vegetables are the next quantity, not a second part of oil crops
    doc = read_document(HELDOUT / name)
    assert check_document(doc, segment_document(doc), "new") == ()


@pytest.mark.parametrize(
    "named", ["区级支持总部经济", "市总工会补助", "交警总队装备", "总医院建设"]
)
@pytest.mark.parametrize("unit", ["万元", "万"])
def test_a_part_whose_name_holds_a_bare_zong_is_still_a_part(named: str, unit: str) -> None:
    """总 in a name (总部经济, 总工会, 总队, 总医院) is no whole of its own: the list runs on
    and its parts, which add up, raise no alarm — with 万元 written, or with 万 alone in
    a budget sentence."""
    parts = [
        ("支持外贸发展", 370.0),
        ("支持商销稳增长", 30.0),
        (named, 1106.0),
        ("其他专项", 153.0),
    ]
    total = sum(v for _, v in parts)
    listed = "，".join(f"{name}{v:.2f}{unit}" for name, v in parts)
    stated = f"{total:.2f}{unit}"
    text = f"六、年度预算安排\n2025年度项目总预算{stated}，其中{listed}，合计{stated}。\n"
    assert _sums(text) == []
    broken = text.replace(f"{named}1106.00", f"{named}1006.00")
    assert _sums(broken)


@pytest.mark.parametrize("parts_count", [3, 5, 7])
def test_bare_wan_parts_of_a_money_total_are_money(parts_count: int) -> None:
    """项目总预算1410.00万，其中A 340.00万，B 120.00万，…，E 80.00万元: the total is money
    by its label, so every part written with 万 alone is too (the first part as well,
    however far the one 万元 written stands), and the parts that add up raise no alarm."""
    values = [340.0, 120.0, 800.0, 70.0, 80.0, 55.0, 35.0][:parts_count]
    total = sum(values)
    units = ["万"] * (parts_count - 1) + ["万元"]
    listed = "，".join(
        f"支持第{i + 1}类项目{v:.2f}{u}" for i, (v, u) in enumerate(zip(values, units, strict=True))
    )
    text = f"六、年度预算安排\n2025年度项目总预算{total:.2f}万，其中{listed}，合计{total:.2f}万。\n"
    shown = {f"{v:.2f}{u}" for v, u in zip(values, units, strict=True)}
    parts = [f for f in figures_of(text) if f.text in shown]
    assert len(parts) == parts_count
    assert all((f.kind, f.unit) == ("amount", "元") for f in parts)
    assert _sums(text) == []
