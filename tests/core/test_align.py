"""Alignment on composed outlines (independent of the segmenter)."""

from reportdiff.core.sections.align import align_sections
from reportdiff.options import CompareOptions
from tests.outline_builder import build

BODY = {
    "basic": "本单位基本支出主要用于保障机构正常运转，包括人员工资、办公经费和车辆运行维护费用。",
    "project": "项目支出主要用于农田水利设施维修养护、小型水库除险加固和河道清淤疏浚工程建设。",
    "fund": "政府性基金预算支出主要为水利建设基金，用于防洪工程和水资源节约保护项目实施。",
    "problem": "部分项目资金拨付进度偏慢，绩效目标设置不够细化，个别指标难以量化考核评价。",
    "measure": "下一步将加强预算执行监控，完善绩效指标体系，压实项目单位主体责任按期推进。",
    "duty": "负责全县水资源统一管理和保护工作，组织实施取水许可和水资源论证制度落实。",
}


def _align(old_outline, new_outline):
    old, old_s = build(old_outline)
    new, new_s = build(new_outline)
    pairs = align_sections(old, old_s, new, new_s, CompareOptions())
    by_old = {p.old: p for p in pairs if p.old}
    by_new = {p.new: p for p in pairs if p.new}
    title = {s.id: s.title for s in (*old_s,)}
    ntitle = {s.id: s.title for s in (*new_s,)}
    return pairs, by_old, by_new, title, ntitle


def test_every_section_of_either_side_appears_in_a_pair():
    old = [(1, "一、基本支出", BODY["basic"]), (1, "二、项目支出", BODY["project"])]
    new = [(1, "一、项目支出", BODY["project"]), (1, "二、新增内容", BODY["fund"])]
    pairs, *_ = _align(old, new)
    _, old_s = build(old)
    _, new_s = build(new)
    assert {s.id for s in old_s} <= {p.old for p in pairs}
    assert {s.id for s in new_s} <= {p.new for p in pairs}


def test_renumbered_and_renamed_sections_still_match():
    old = [
        (1, "一、基本支出情况", BODY["basic"]),
        (1, "二、项目支出情况", BODY["project"]),
        (1, "三、存在的问题", BODY["problem"]),
    ]
    new = [
        (1, "一、部门职责", BODY["duty"]),  # inserted first: everything renumbers
        (1, "二、基本支出情况", BODY["basic"]),
        (1, "三、项目支出执行情况", BODY["project"] + "全年完成工程十二处。"),
        (1, "四、存在问题及原因分析", BODY["problem"]),
    ]
    pairs, by_old, by_new, _, _ = _align(old, new)
    assert by_old["1"].new == "2"
    assert by_old["2"].new == "3"
    assert by_old["2"].renamed
    assert by_old["3"].new == "4"
    assert by_new["1"].status == "added"
    assert not any(p.moved for p in pairs)


def test_moved_section_is_marked_moved_and_only_it():
    old = [
        (1, "一、基本支出", BODY["basic"]),
        (1, "二、项目支出", BODY["project"]),
        (1, "三、基金支出", BODY["fund"]),
        (1, "四、存在问题", BODY["problem"]),
    ]
    new = [old[0], old[2], old[3], old[1]]
    pairs, by_old, *_ = _align(old, new)
    assert [p.old for p in pairs if p.moved] == ["2"]
    assert by_old["2"].new == "4"


def test_global_assignment_beats_first_come_greedy():
    # Old "项目支出" is a fair match for both new sections, but the better total pairs
    # it with the second; greedy on old order would take the first.
    old = [(1, "一、项目支出", BODY["project"]), (1, "二、项目资金", BODY["fund"])]
    new = [(1, "一、项目资金", BODY["fund"]), (1, "二、项目支出", BODY["project"])]
    _, by_old, *_ = _align(old, new)
    assert by_old["1"].new == "2"
    assert by_old["2"].new == "1"


def test_children_follow_their_matched_parent():
    old = [
        (1, "一、支出情况", ""),
        (2, "（一）基本支出", BODY["basic"]),
        (2, "（二）项目支出", BODY["project"]),
        (1, "二、问题", ""),
        (2, "（一）基本支出", BODY["problem"]),
    ]
    new = [
        (1, "一、预算支出情况", ""),
        (2, "（一）基本支出", BODY["basic"]),
        (2, "（二）项目支出", BODY["project"]),
        (1, "二、问题", ""),
        (2, "（一）基本支出", BODY["problem"]),
    ]
    _, by_old, *_ = _align(old, new)
    assert by_old["1"].new == "1"  # heading-only parent found through its children
    assert by_old["1.1"].new == "1.1"
    assert by_old["2.1"].new == "2.1"


def test_unrelated_sections_are_added_and_removed_not_forced_together():
    old = [(1, "一、基本支出", BODY["basic"])]
    new = [(1, "一、工作成效", BODY["measure"])]
    _, by_old, by_new, _, _ = _align(old, new)
    assert by_old["1"].status == "removed"
    assert by_new["1"].status == "added"


def test_split_section_is_related_to_its_source():
    old = [(1, "一、支出情况", BODY["basic"] + BODY["project"]), (1, "二、问题", BODY["problem"])]
    new = [
        (1, "一、基本支出情况", BODY["basic"]),
        (1, "二、项目支出情况", BODY["project"]),
        (1, "三、问题", BODY["problem"]),
    ]
    pairs, *_ = _align(old, new)
    related = {p.new: p for p in pairs if p.old == "1"}
    assert set(related) == {"1", "2"}
    assert {p.relation for p in related.values()} == {"split"}


def test_merged_sections_are_related_to_their_target():
    old = [
        (1, "一、基本支出情况", BODY["basic"]),
        (1, "二、项目支出情况", BODY["project"]),
        (1, "三、问题", BODY["problem"]),
    ]
    new = [(1, "一、支出情况", BODY["basic"] + BODY["project"]), (1, "二、问题", BODY["problem"])]
    pairs, *_ = _align(old, new)
    related = {p.old: p for p in pairs if p.new == "1"}
    assert set(related) == {"1", "2"}
    assert {p.relation for p in related.values()} == {"merge"}


def test_children_moving_with_their_parent_are_not_reported_again():
    old = [
        (1, "一、基本支出", BODY["basic"]),
        (1, "二、项目支出", BODY["project"]),
        (2, "（一）水利工程", BODY["fund"]),
        (1, "三、存在问题", BODY["problem"] + BODY["measure"] + BODY["duty"]),
    ]
    new = [old[0], old[3], old[1], old[2]]
    pairs, _by_old, *_ = _align(old, new)
    assert [p.old for p in pairs if p.moved] == ["2"]


def test_a_section_under_a_new_parent_in_the_same_place_has_not_moved():
    old = [
        (1, "一、工作情况", BODY["duty"]),
        (2, "（一）基本支出", BODY["basic"]),
        (2, "（二）项目支出", BODY["project"]),
    ]
    new = [
        (1, "一、工作情况", BODY["duty"]),
        (2, "（一）基本支出", BODY["basic"]),
        (1, "二、项目情况", BODY["measure"]),
        (2, "（一）项目支出", BODY["project"]),
    ]
    _pairs, by_old, *_ = _align(old, new)
    assert by_old["1.2"].new == "2.1"
    assert not by_old["1.2"].moved


def test_unrelated_english_sections_are_not_paired_by_shared_letters():
    old = [
        (1, "1. Operations", "The fleet ran on schedule throughout the year."),
        (
            2,
            "1.1 Emergency Drills",
            "The Authority held six evacuation drills with the fire "
            "department and the coast guard auxiliary during the spring season.",
        ),
    ]
    new = [
        (1, "1. Operations", "The fleet ran on schedule throughout the year."),
        (
            2,
            "1.1 Water Taxi Pilot",
            "A six-month water taxi pilot between the piers carried "
            "many passengers at a modest cost, met from the operating budget.",
        ),
    ]
    _, by_old, by_new, _, _ = _align(old, new)
    assert by_old["1.1"].status == "removed"
    assert by_new["1.1"].status == "added"
