"""What pairs two sections: named weights, the second pass, weak pairs, the outline."""

import pytest

from reportdiff.core.sections import scoring
from reportdiff.core.sections.align import align_sections
from reportdiff.options import CompareOptions
from tests.outline_builder import build

# Two bodies per topic, written differently: a rewritten section shares few bigrams.
WATER = "全县水利工程建设稳步推进，完成水库除险加固三座，新建灌溉渠道二十公里。"
WATER_2 = "今年重点抓好防汛抗旱准备，落实河长巡查制度，整治入河排污口十余处。"
ROADS = "农村公路提质改造全面完成，新增硬化道路四十公里，客运班线通达各乡镇。"
ROADS_2 = "交通运输安全形势平稳，开展隐患排查专项行动，处置重大隐患两起无事故。"
DUTY = "负责全县水资源统一管理和保护工作，组织实施取水许可和水资源论证制度落实。"
SPEND = "本年支出主要用于人员经费和日常公用经费，保障机构正常运转和履职需要。"
ISSUE = "部分项目资金拨付进度偏慢，绩效目标设置不够细化，个别指标难以量化考核评价。"
FIX = "下一步将加强预算执行监控，完善绩效指标体系，压实项目单位主体责任按期推进。"
OPEN = "按规定在政府门户网站公开自评报告，接受社会监督，评价结果用于下年预算安排。"


def _pairs(old_outline, new_outline):
    old, old_s = build(old_outline)
    new, new_s = build(new_outline)
    pairs = align_sections(old, old_s, new, new_s, CompareOptions())
    titles = {("old", s.id): s.title for s in old_s} | {("new", s.id): s.title for s in new_s}
    return {titles["old", p.old]: p for p in pairs if p.old and p.new and not p.secondary}, titles


def _new_title(pair, titles):
    return titles["new", pair.new]


# -- the second pass -------------------------------------------------------------------

# Subsections alike in title and text: only their parents tell which is which.
ALIKE = "本年各项工作平稳有序，主要任务按期完成。"
SAME_NAMED_CHILDREN = (
    [
        (1, "一、水利建设", WATER),
        (2, "（一）概况", ALIKE),
        (1, "二、交通建设", ROADS),
        (2, "（一）概况", ALIKE),
    ],
    [
        (1, "一、交通建设", ROADS),
        (2, "（一）概况", ALIKE),
        (1, "二、水利建设", WATER),
        (2, "（一）概况", ALIKE),
    ],
)


def _child_partners():
    old, old_s = build(SAME_NAMED_CHILDREN[0])
    new, new_s = build(SAME_NAMED_CHILDREN[1])
    pairs = align_sections(old, old_s, new, new_s, CompareOptions())
    return {p.old: p.new for p in pairs if p.old and p.new}


def test_same_named_subsections_follow_their_parents():
    partners = _child_partners()
    assert partners["1"] == "2"
    assert partners["2"] == "1"
    assert partners["1.1"] == "2.1"
    assert partners["2.1"] == "1.1"


def test_without_the_second_pass_same_named_subsections_lose_their_parents(monkeypatch):
    off = scoring.WEIGHTS._replace(parent_bonus=0.0, child_weight=0.0)
    monkeypatch.setattr(scoring, "WEIGHTS", off)
    partners = _child_partners()
    assert partners.get("1.1") != "2.1"  # the second pass is what puts them right


def test_a_renamed_heading_only_parent_is_found_through_its_children_only_in_pass_two(
    monkeypatch,
):
    old = [(1, "一、水利和交通建设", ""), (2, "（一）水利", WATER), (2, "（二）交通", ROADS)]
    new = [(1, "一、基础设施建设情况", ""), (2, "（一）水利", WATER), (2, "（二）交通", ROADS)]
    by_old, titles = _pairs(old, new)
    assert _new_title(by_old["水利和交通建设"], titles) == "基础设施建设情况"
    assert by_old["水利和交通建设"].basis == "position"
    assert not by_old["水利和交通建设"].weak  # both its children agree
    off = scoring.WEIGHTS._replace(child_weight=0.0, max_child_weight=0.0)
    monkeypatch.setattr(scoring, "WEIGHTS", off)
    by_old, _ = _pairs(old, new)
    assert "水利和交通建设" not in by_old


def test_weights_live_in_one_record():
    fields = set(scoring.AlignWeights._fields)
    assert {"title", "body", "parent_bonus", "child_weight", "outline_bonus"} <= fields
    assert scoring.WEIGHTS.title + scoring.WEIGHTS.body == pytest.approx(1.0)


# -- weak pairs ------------------------------------------------------------------------


def test_a_pair_held_only_by_a_generic_title_word_is_weak_or_unpaired():
    old = [(1, "一、水利建设情况", WATER), (1, "二、交通建设", ROADS)]
    new = [(1, "一、整体情况", ROADS_2), (1, "二、交通建设", ROADS)]
    by_old, _ = _pairs(old, new)
    pair = by_old.get("水利建设情况")
    assert pair is None or pair.weak
    assert not by_old["交通建设"].weak
    assert by_old["交通建设"].basis in ("title", "content")


def test_rewritten_section_with_shared_text_is_paired_by_content_not_weak():
    old = [(1, "一、水利", WATER + WATER_2 + ROADS), (1, "二、其他", DUTY)]
    new = [(1, "一、农村建设", WATER + WATER_2 + ROADS_2), (1, "二、其他", DUTY)]
    by_old, titles = _pairs(old, new)
    assert _new_title(by_old["水利"], titles) == "农村建设"
    assert by_old["水利"].basis == "content"
    assert not by_old["水利"].weak


def test_every_pair_states_its_basis_and_weak_pairs_name_one():
    old = [(1, "一、水利建设情况", WATER), (1, "二、交通", ROADS), (1, "三、职责", DUTY)]
    new = [(1, "一、整体情况", ROADS_2), (1, "二、交通", ROADS), (1, "三、职能", DUTY)]
    by_old, _ = _pairs(old, new)
    for pair in by_old.values():
        assert pair.basis in ("title", "content", "outline", "position")


# -- the genre's standard outline --------------------------------------------------------

REPORT_OLD = [
    (1, "一、部门基本情况", DUTY),
    (1, "二、一般公共预算支出情况", SPEND),
    (1, "三、存在的问题及原因分析", ISSUE),
    (1, "四、下一步改进措施", FIX),
    (1, "五、绩效自评结果公开情况", OPEN),
]
REPORT_NEW = [
    (1, "一、部门基本情况", "县水务局是县政府工作部门，内设股室五个。"),
    (1, "二、部门财政资金支出情况", "年度财政资金使用于保障运转、民生项目两大方面。"),
    (1, "三、存在问题", "预算编制精细化程度还不高，项目前期论证时间不够充分。"),
    (1, "四、改进建议", "强化事前绩效评估，建立项目储备库，提高资金使用效率。"),
    (1, "五、结果应用情况", "评价结果作为以后年度安排预算的重要依据，并在网上公布。"),
]


def test_sections_in_the_same_outline_slot_pair_when_their_words_differ():
    by_old, titles = _pairs(REPORT_OLD, REPORT_NEW)
    assert _new_title(by_old["下一步改进措施"], titles) == "改进建议"
    assert by_old["下一步改进措施"].basis == "outline"
    assert _new_title(by_old["一般公共预算支出情况"], titles) == "部门财政资金支出情况"
    assert _new_title(by_old["绩效自评结果公开情况"], titles) == "结果应用情况"
    assert _new_title(by_old["存在的问题及原因分析"], titles) == "存在问题"
    assert not any(p.weak for p in by_old.values())


def test_without_a_genre_the_outline_gives_no_evidence():
    """Two sections of an unrelated report named 改进措施 and 改进建议 have nothing but
    two shared characters: not enough to pair them as a match."""
    old = [(1, "一、水利", WATER), (1, "二、改进措施", FIX)]
    new = [(1, "一、水利", WATER), (1, "二、改进建议", OPEN)]
    by_old, _ = _pairs(old, new)
    pair = by_old.get("改进措施")
    assert pair is None or pair.weak
