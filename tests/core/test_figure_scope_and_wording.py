"""What a figure measures, beyond its own clause, over families of generated report
text: a change stated in a review of several years is that many years' change; a count
of people whose 人 is left out is still of people; a share reworded is the same share,
a scope put before its subject another subject."""

from __future__ import annotations

import itertools

import pytest

from reportdiff.core.compare import compare

from .figure_helpers import doc_of

OPENINGS = (
    "过去五年，我国发展成就举世瞩目。",
    "五年来，各项事业全面进步。",
    "“十三五”期间，我们攻坚克难。",
)
CHANGES = (("农村贫困人口减少", "万人"), ("城镇新增就业", "万人"), ("单位GDP能耗下降", "%"))


def _pairs(old: str, new: str) -> list[tuple[str, str]]:
    c = compare(doc_of(old), doc_of(new))
    return [(n.old.text, n.new.text) for n in c.numbers if n.old and n.new]


@pytest.mark.parametrize("opening", OPENINGS)
def test_a_change_stated_in_a_review_of_several_years_never_pairs_with_one_years(opening):
    for (subject, unit), (a, b) in itertools.product(CHANGES, ((1000, 1240), (18.2, 5))):
        old = f"一、回顾\n{opening}经济持续发展，{subject}{a}{unit}，成效明显。\n"
        new = f"一、回顾\n——人民生活继续改善。{subject}{b}{unit}，成效明显。\n"
        assert _pairs(old, new) == [], (old, new)


@pytest.mark.parametrize("opening", OPENINGS)
def test_a_level_reached_in_a_review_of_several_years_still_pairs(opening):
    for subject, (a, b) in itertools.product(("铁路营业里程", "高速公路通车里程"), ((12.1, 12.4),)):
        old = f"一、回顾\n{opening}{subject}达到{a}万公里，基础设施全面跃升。\n"
        new = f"一、回顾\n——基础设施继续完善。{subject}达到{b}万公里。\n"
        assert _pairs(old, new) == [(f"{a}万公里", f"{b}万公里")], (old, new)


PEOPLE = ("农村贫困人口减少", "城镇新增就业人数", "接待游客", "在校学生")


def test_a_count_of_people_without_its_person_word_pairs_with_one_with_it():
    for subject, (a, b) in itertools.product(PEOPLE, ((1442, 1240), (85, 90))):
        old = f"一、概况\n全年{subject}{a}万人，好于预期。\n"
        new = f"一、概况\n全年{subject}{b}万，好于预期。\n"
        assert _pairs(old, new) == [(f"{a}万人", f"{b}万")], (old, new)


def test_a_count_of_things_without_its_counter_is_no_count_of_people():
    for subject in ("棚户区住房改造", "农村危房改造"):
        old = f"一、概况\n全年{subject}601万人，好于预期。\n"
        new = f"一、概况\n全年{subject}600万，好于预期。\n"
        assert _pairs(old, new) == [], (old, new)


SHARES = (
    ("服务业在国内生产总值中的比重", "服务业增加值占国内生产总值比重"),
    ("消费在经济增长中的贡献率", "消费对经济增长的贡献率"),
    ("第三产业在地区生产总值中的比重", "第三产业增加值占地区生产总值的比重"),
    ("城镇人口在总人口中的比重", "城镇人口占总人口比重"),
)


def test_a_share_reworded_is_the_same_share():
    for (old_name, new_name), (a, b) in itertools.product(SHARES, ((50.5, 51.6), (62.1, 60.4))):
        old = f"一、概况\n——结构调整取得积极进展。{old_name}上升到{a}%，首次过半。\n"
        new = f"一、概况\n——经济结构加快调整。{new_name}上升到{b}%。高技术产业较快增长。\n"
        assert _pairs(old, new) == [(f"{a}%", f"{b}%")], (old, new)


SCOPES = (
    ("规模以上工业增加值增长", "工业增加值增长"),
    ("城镇居民人均可支配收入增长", "居民人均可支配收入增长"),
    ("全国一般公共预算收入增长", "地方一般公共预算收入增长"),
)


def test_a_scope_put_before_the_subject_is_another_subject():
    for (old_name, new_name), (a, b) in itertools.product(SCOPES, ((6.2, 7.1),)):
        old = f"一、概况\n各项工作有序推进，{old_name}{a}%，好于预期。\n"
        new = f"一、概况\n经济稳中向好。{new_name}{b}%。\n"
        assert _pairs(old, new) == [], (old, new)
