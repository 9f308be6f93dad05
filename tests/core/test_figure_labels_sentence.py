"""Labels that need the sentence (分别 lists, movements that borrow a subject, 由…至
ranges), and what they buy: rates of different meaning are never paired."""

from __future__ import annotations

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.figures.label import clean_label
from reportdiff.options import CompareOptions
from reportdiff.readers import read_document

from .figure_helpers import doc_of, figures_of, named


def labelled(text: str) -> list[tuple[str, str]]:
    return [(f.text, named(f)) for f in figures_of(text) if f.kind not in ("year", "date")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "一、概况\n全镇茶叶、油茶产值分别增长8.2%、5.6%，带动农户增收。\n",
            [("8.2%", "茶叶 增长"), ("5.6%", "油茶产值 增长")],
        ),
        (
            "一、概况\n全县盗窃案件、诈骗案件分别同比下降7.5%和3.1%，群众满意度96.2分。\n",
            [("7.5%", "盗窃案件 下降"), ("3.1%", "诈骗案件 下降"), ("96.2分", "群众满意度")],
        ),
        (
            "一、概况\n全县生产总值达到215亿元，增长6.1%，居全市前列。\n",
            [("215亿元", "生产总值"), ("6.1%", "生产总值 增长")],
        ),
        (
            "一、概况\n设备故障率由4.8%下降至3.2%，维修时长由上年的6小时缩短至4小时。\n",
            [
                ("4.8%", "设备故障率 <start>"),
                ("3.2%", "设备故障率"),
                ("6小时", "维修时长 <start>"),
                ("4小时", "维修时长"),
            ],
        ),
        (
            "一、概况\n调整项目由上年的12个减少至7个。\n",
            [("12个", "调整项目 <start>"), ("7个", "调整项目")],
        ),
        ("一、概况\n截至2024年底已整改完成5项。\n", [("5项", "整改完成")]),
        (
            "一、概况\n本年收入30.00万元，占12.5%；邮电费9.00万元，上年8.00万元。\n",
            [
                ("30.00万元", "收入"),
                ("12.5%", "收入 占比"),
                ("9.00万元", "邮电费"),
                ("8.00万元", "邮电费 <previous>"),
            ],
        ),
        (
            "一、概况\n维修费较上年增长6.0%，达到53.00万元。\n",
            [("6.0%", "维修费 增长"), ("53.00万元", "维修费")],
        ),
        (
            "一、概况\n预算执行率不低于90%，结转资金低于5%。\n",
            [("90%", "预算执行率"), ("5%", "结转资金")],
        ),
        (
            "一、概况\n计划新增就业3000人左右，失业率控制在4.5%以内。\n",
            [("3000人", "计划新增就业 <plan>"), ("4.5%", "失业率")],
        ),
        ("一、概况\n水厂建成后，近2万农村群众和周边学校受益。\n", [("2万", "农村群众")]),
        (
            "一、概况\n供水量、售水量年均分别增长6.2%、5.8%。\n",
            [("6.2%", "供水量 年均增长 <average>"), ("5.8%", "售水量 年均增长 <average>")],
        ),
    ],
)
def test_sentence_labels(sentence, expected):
    assert labelled(sentence) == expected


def test_a_growth_rate_is_never_paired_with_a_share():
    old = "一、概况\n全县茶叶销量增长42.5%，电商销售额增长18%。\n"
    new = "一、概况\n全县茶叶销量占全市比重超过30%，电商销售额增长21%。\n"
    c = compare(doc_of(old), doc_of(new), CompareOptions(all_numbers=True))
    pairs = {(n.old.text if n.old else None, n.new.text if n.new else None) for n in c.numbers}
    assert ("18%", "21%") in pairs
    old = "一、概况\n今年人均补助标准提高5元。\n"
    new = "一、概况\n今年人均补助标准为84元。\n"
    c = compare(doc_of(old), doc_of(new), CompareOptions(all_numbers=True))
    assert not [n for n in c.numbers if n.old and n.new]  # a raise is not a standard
    assert ("42.5%", None) in pairs
    assert (None, "30%") in pairs


@pytest.mark.seeds
def test_government_work_reports_pair_rates_of_the_same_meaning(real_dir):
    old = read_document(real_dir / "gwr_national_2023.txt")
    new = read_document(real_dir / "gwr_national_2024.txt")
    c = compare(old, new, CompareOptions(all_numbers=True))
    paired = [n for n in c.numbers if n.old and n.new and n.old.kind == "percent"]
    assert paired, "some rates are reported in both years"
    for n in paired:  # a growth rate against a growth rate, a level against a level
        grows = ["增长" in f.label or "上涨" in f.label for f in (n.old, n.new)]
        assert grows[0] == grows[1], (n.old.label, n.new.label)
    growth = {(n.old.text, n.new.text) for n in paired if n.label == "国内生产总值 增长"}
    assert ("3%", "5.2%") in growth  # last year's growth against this year's
    # 基础设施投资增长9.4% (2022) has no counterpart in the 2024 report
    infra = [n for n in c.numbers if n.old and n.old.text == "9.4%"]
    assert [(n.old.label, n.new) for n in infra] == [("基础设施 增长", None)]
    bounded = [f for f in (n.new for n in c.numbers if n.new) if f.text == "60%"]
    assert bounded
    assert all(f.qualifier == "at_least" for f in bounded)


def test_a_label_cut_to_length_says_so():
    label = clean_label("阶段性将小规模纳税人增值税起征点从月销售额")
    assert label.startswith("…")
    assert len(label) == 20
    assert label.endswith("起征点从月销售额")
    assert clean_label("基本支出") == "基本支出"


def test_a_scale_that_grew_by_an_amount_is_a_change():
    (level, change) = figures_of("一、预算\n支出规模2.6万亿元，比去年扩大2000亿元。\n")
    assert (level.label, change.label) == ("支出规模", "支出规模 扩大")


def test_a_year_inside_a_name_does_not_cut_it_short():
    found = figures_of(
        "一、绩效\n编报绩效目标的2024年度项目4个，涉及预算金额598.42万元；"
        "绩效自评的2024年度项目3个。本局2024年度收入支出总计100万元。\n"
    )
    labels = [f.label for f in found if f.kind != "year"]
    assert labels == ["编报绩效目标的项目", "涉及预算金额", "绩效自评的项目", "收入支出"]


def test_the_reporting_agency_is_not_part_of_a_label():
    assert clean_label("上海市普陀区财政局政府采购金额") == "政府采购金额"
    assert clean_label("某市某区规划和自然资源局部门（单位）共有车辆") == "车辆"
    assert clean_label("中共某市某区委社会工作部 政府采购金额") == "政府采购金额"
    assert clean_label("某县公安局预算单位") == "预算单位"
    assert clean_label("国家区域医疗中心") == "国家区域医疗中心"  # no agency: kept whole
    assert clean_label("县财政局") == "县财政局"  # nothing after it: it is the name
    assert clean_label("某市某区财政局部门预算") == "部门预算"  # 部门预算 is a thing
    for name in ("社区居民委员会补助经费", "区域布局优化项目", "街道市民中心办公室运行费用"):
        assert clean_label(name) == name  # places and 布局, not an agency
    assert clean_label("市区两级办公室租金支出") == "市区两级办公室租金支出"


def test_cross_agency_vehicle_counts_pair(real_dir):
    old = read_document(real_dir / "jsjs_putuo_caizhengju_2024.txt")
    new = read_document(real_dir / "jsjs_putuo_guihuaziyuanju_2024.txt")
    c = compare(old, new, CompareOptions(all_numbers=True))
    vehicles = [n for n in c.numbers if n.label == "车辆"]
    assert [(n.old.text, n.new.text.strip()) for n in vehicles] == [("0辆", "0 辆")]
