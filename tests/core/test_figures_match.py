"""Matching OLD's figures to NEW's: the samples' planted changes, form-only changes,
cross-agency restraint, years and dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.options import CompareOptions
from reportdiff.readers import read_document

from .figure_helpers import doc_of
from .truth_helpers import covers, load_truth, span_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


TRUTHS = ["zh/qingshui-water", "zh/baishi-police", "en/harbor-transit"]


def _compare_truth(name: str):
    truth = load_truth(SAMPLES, name)
    folder = SAMPLES / name.split("/")[0]
    old = read_document(folder / truth["old"])
    new = read_document(folder / truth["new"])
    return truth, compare(old, new, CompareOptions(all_numbers=True))


@pytest.fixture(scope="module")
def sample_comparison():
    return _compare_truth("zh/qingshui-water")


@pytest.fixture(scope="module", params=TRUTHS)
def any_sample(request):
    return _compare_truth(request.param)


def _planted(truth, c):
    """Each truth figure, dates included, with the changes at it."""
    for e in truth["figures"]:
        old_span = span_of(c.old.text, e["old_context"], e["old"])
        new_span = span_of(c.new.text, e["new_context"], e["new"])
        hits = [
            n
            for n in c.numbers
            if (old_span is None or covers(n.old, old_span))
            and (new_span is None or covers(n.new, new_span))
        ]
        yield e, hits


def test_every_planted_figure_change_is_found(any_sample):
    truth, c = any_sample
    missed = [
        (e["label"], e["status"], e["old"], e["new"])
        for e, hits in _planted(truth, c)
        if [n.status for n in hits] != [e["status"]]
    ]
    assert not missed
    assert sum(1 for e, _ in _planted(truth, c) if e["status"] != "unchanged") > 20


def test_nothing_else_is_reported_changed(any_sample):
    truth, c = any_sample
    planted = {id(n) for e, hits in _planted(truth, c) if e["status"] == "changed" for n in hits}
    extra = [
        (n.label, n.old.text, n.new.text)
        for n in c.numbers
        if n.status == "changed" and id(n) not in planted
    ]
    assert extra == []


def test_cross_agency_figures_of_the_same_meaning_are_paired():
    shared = load_truth(SAMPLES, "zh/shared")
    old = read_document(SAMPLES / "zh" / "baishi-police-2024.txt")
    new = read_document(SAMPLES / "zh" / "qingshui-water-2024.txt")
    c = compare(old, new, CompareOptions(all_numbers=True))
    paired = {(n.old.text, n.new.text): n for n in c.numbers if n.old and n.new}
    for e in shared["figures"]:
        n = paired[(e["baishi-police-2024.txt"], e["qingshui-water-2024.txt"])]
        assert n.label == e["label"]
    for n in paired.values():  # a table cell pairs only with the same column
        assert n.old.label.partition(" / ")[2] == n.new.label.partition(" / ")[2]


def test_form_only_changes_are_unchanged(sample_comparison):
    _, c = sample_comparison
    forms = {(n.old.text, n.new.text): n.status for n in c.numbers if n.old and n.new}
    assert forms[("14万元", "140,000元")] == "unchanged"
    assert forms[("63.5万元", "635,000元")] == "unchanged"


def test_changes_carry_delta_and_percent(sample_comparison):
    _, c = sample_comparison
    (basic,) = [n for n in c.numbers if n.label == "基本支出" and n.new.role == "current"]
    assert basic.delta == pytest.approx(1527300)  # 4015.20万元 − 3862.47万元
    assert basic.pct == pytest.approx(3.954, abs=1e-3)
    assert (basic.old_section, basic.new_section) == (basic.old.section, basic.new.section)


def test_unchanged_figures_only_when_asked(sample_comparison):
    _, c = sample_comparison
    quiet = compare(c.old, c.new, CompareOptions(all_numbers=False))
    assert all(n.status != "unchanged" for n in quiet.numbers)
    assert len(quiet.numbers) == sum(n.status != "unchanged" for n in c.numbers)


def test_years_and_dates_moved_by_the_report_year_are_not_reported():
    old = doc_of("一、概况\n2023年5月1日起，2023年度本局车辆10辆。\n")
    new = doc_of("一、概况\n2024年5月1日起，2024年度本局车辆12辆。\n")
    c = compare(old, new, CompareOptions(all_numbers=True))
    assert [(n.old.text, n.new.text, n.status) for n in c.numbers] == [
        ("2023年5月1日", "2024年5月1日", "unchanged"),
        ("10辆", "12辆", "changed"),
    ]
    assert [n.label for n in compare(old, new).numbers] == ["车辆"]


def test_a_date_that_moved_beyond_the_report_year_is_changed():
    old = doc_of("一、概况\n2023年度任务于2023年9月30日前完成，车辆10辆。\n")
    new = doc_of("一、概况\n2024年度任务于2024年10月15日前完成，车辆10辆。\n")
    (n,) = compare(old, new).numbers
    assert (n.old.text, n.new.text, n.status) == ("2023年9月30日", "2024年10月15日", "changed")
    assert (n.delta, n.pct) == (15.0, None)  # days, the year's shift removed
    assert n.label == "2024年度任务于…前完成"  # the clause around it, as written


def test_the_same_number_twice_matches_by_place():
    old = doc_of("一、概况\n办公楼2座，仓库2座。\n二、其他\n宿舍2座。\n")
    new = doc_of("一、概况\n办公楼2座，仓库3座。\n二、其他\n宿舍2座。\n")
    c = compare(old, new)
    assert [(n.label, n.old.text, n.new.text) for n in c.numbers] == [("仓库", "2座", "3座")]


def test_cross_agency_figures_are_not_paired_by_accident(seeds_dir):
    old = read_document(seeds_dir / "daoxian-police-2023.txt")
    new = read_document(seeds_dir / "ebian-police-2023.txt")
    c = compare(old, new, CompareOptions(all_numbers=True))
    for n in c.numbers:
        if n.old and n.new:  # whatever is paired must measure the same thing
            assert n.old.unit == n.new.unit
            assert n.old.label[:2] == n.new.label[:2], (n.old.label, n.new.label)
    assert sum(n.status == "removed" for n in c.numbers) > 100


def test_a_renamed_item_in_the_same_slot_is_not_the_same_item():
    # 公用经费 and 办公经费 sit in the same place of the same sentence and differ by one
    # character: they are two items, as 会议费 and 会议室改造费 are; a label that holds
    # the other (在职人员 / 实有在职人员) still names the same thing.
    old = doc_of(
        "一、支出\n基本支出500万元，其中：人员经费400万元，公用经费100万元。会议费3万元。在职人员79人。\n"
    )
    new = doc_of(
        "一、支出\n基本支出520万元，其中：人员经费410万元，办公经费110万元。会议室改造费5万元。"
        "实有在职人员82人。\n"
    )
    c = compare(old, new)
    paired = {(n.old.label, n.new.label) for n in c.numbers if n.old and n.new}
    assert paired == {
        ("基本支出", "基本支出"),
        ("人员经费", "人员经费"),
        ("在职人员", "实有在职人员"),
    }
    assert {n.label for n in c.numbers if n.status == "added"} == {"办公经费", "会议室改造费"}
    assert {n.label for n in c.numbers if n.status == "removed"} == {"公用经费", "会议费"}


def test_a_measure_given_under_every_item_pairs_only_under_the_same_item():
    # 年初预算 and 支出决算 stand under each 「n、…（项）」: the item says what they are
    def report(items):
        body = "".join(
            f"{n}、{name}（项）。主要用于：日常支出。年初预算为{a}万元，支出决算为{b}万元。\n"
            for n, (name, a, b) in enumerate(items, 1)
        )
        return doc_of("一、支出决算具体情况\n" + body)

    old = report([("行政运行", "100.00", "98.00"), ("事业运行", "50.00", "49.00"),
                  ("行政单位医疗", "8.00", "7.50")])  # fmt: skip
    new = report([("信息化建设", "30.00", "29.00"), ("行政单位医疗", "9.00", "8.60"),
                  ("行政运行", "120.00", "118.00")])  # fmt: skip
    c = compare(old, new)
    changed = sorted((n.old.text, n.new.text) for n in c.numbers if n.status == "changed")
    assert changed == [("100.00万元", "120.00万元"), ("7.50万元", "8.60万元"),
                       ("8.00万元", "9.00万元"), ("98.00万元", "118.00万元")]  # fmt: skip
    assert {n.old.text for n in c.numbers if n.status == "removed"} == {"50.00万元", "49.00万元"}
    assert {n.new.text for n in c.numbers if n.status == "added"} == {"30.00万元", "29.00万元"}


def test_cross_agency_budget_lines_pair_only_under_the_same_item(real_dir):
    old = read_document(real_dir / "jsjs_putuo_caizhengju_2024.txt")
    new = read_document(real_dir / "jsjs_putuo_guihuaziyuanju_2024.txt")
    paired = [
        n
        for n in compare(old, new).numbers
        if n.old and n.new and n.label in ("年初预算", "支出决算")
    ]

    def item(text: str, pos: int) -> str | None:
        """The end of the （项） name the figure stands under, if it is close before."""
        before = text[max(0, pos - 150) : pos].replace("\n", "")
        return before.rsplit("（项）", 1)[0][-4:] if "（项）" in before else None

    under_items = [(item(old.text, n.old.start), item(new.text, n.new.start)) for n in paired]
    under_items = [(a, b) for a, b in under_items if a and b]
    assert len(under_items) >= 8
    assert all(a == b for a, b in under_items), under_items


def test_a_rise_is_not_paired_with_a_fall():
    old = doc_of("一、概况\n机关运行经费支出184.65万元，比上年增加2.55万元，增长1.40%。\n")
    new = doc_of("一、概况\n机关运行经费支出142.80万元，比上年减少13.52万元，下降8.65%。\n")
    c = compare(old, new)
    assert [(n.old.text, n.new.text) for n in c.numbers if n.status == "changed"] == [
        ("184.65万元", "142.80万元")
    ]
    assert {n.old.text for n in c.numbers if n.status == "removed"} == {"2.55万元", "1.40%"}
    assert {n.new.text for n in c.numbers if n.status == "added"} == {"13.52万元", "8.65%"}


def test_an_average_over_years_is_not_a_years_figure():
    old = doc_of("一、回顾\n城镇调查失业率平均为5.1%。居民收入年均增长5.1%。\n")
    new = doc_of("一、回顾\n年末城镇调查失业率降到5.5%。居民收入增长6.1%。\n")
    c = compare(old, new)
    assert not [n for n in c.numbers if n.status == "changed"]
    assert {n.old.text for n in c.numbers if n.status == "removed"} == {"5.1%"}
    assert len([n for n in c.numbers if n.status == "removed"]) == 2


def test_how_a_label_says_its_figure_moved():
    from reportdiff.core.figures.match import sort_of
    from reportdiff.model import Figure

    def sort(label: str) -> str:
        return sort_of(Figure("1", 1.0, "元", 0, 1, label, "amount"))

    assert sort("赤字规模 扩大") == "rise"  # every change word of the labels is known here
    assert sort("支出 缩小") == "fall"
    assert sort("国内生产总值增速") == "rise"
    assert sort("Fare revenue rose") == "rise"
    assert sort("Backup") == sort("Shutdown") == "level"  # up and down as whole words only
    assert sort("城镇调查失业率平均") == "level average"
