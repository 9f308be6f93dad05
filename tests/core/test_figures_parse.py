"""Reading numbers: units, magnitudes, qualifiers, Chinese numerals, dates, what is not a figure."""

import pytest

from reportdiff.core.figures.parse import chinese_value, read_numbers
from reportdiff.core.figures.shown import as_written, display_scale

from .figure_helpers import figures_of, named


def read(text: str):
    return read_numbers(text, 0, len(text))


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("支出14万元。", 140000, "元", "amount"),
        ("支出140,000元。", 140000, "元", "amount"),
        ("支出0.0014亿元。", 140000, "元", "amount"),
        ("预算3千元。", 3000, "元", "amount"),
        ("规模2.5万亿元。", 2.5e12, "元", "amount"),
        ("增长10.93%。", 10.93, "%", "percent"),
        ("提高1.5个百分点。", 1.5, "百分点", "percent"),
        ("共有民警58名。", 58, "人", "count"),
        ("观看4.59亿+人次。", 4.59e8, "人次", "count"),
        ("Revenue was $211.9 billion.", 211.9e9, "$", "amount"),
        ("up 7 percent.", 7, "%", "percent"),
        ("up 2.5 percentage points.", 2.5, "百分点", "percent"),
        ("外汇储备3万亿美元。", 3e12, "$", "amount"),
        ("工作2023年度", 2023, "年", "year"),
        ("服务期 3 年", 3, "年", "count"),
    ],
)
def test_units_normalise_to_a_base_unit(text, value, unit, kind):
    (r,) = [r for r in read(text) if not r.bare]
    assert r.value == pytest.approx(value)
    assert (r.unit, r.kind) == (unit, kind)


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        ("投入200余名警力", "200余名", "approx"),
        ("点击4.59亿+人次", "4.59亿+人次", "at_least"),
        ("吸引25万+群众", "25万+", "at_least"),
        ("在线率95%以上", "95%", "at_least"),
        ("达到≥90%", "90%", "at_least"),
        ("资金近3个亿", "3个亿", "approx"),
        ("消除5人以下的所", "5人", "at_most"),
        ("共计1.5万多人", "1.5万多人", "approx"),
        ("单价100万元（含）以上设备", "100万元", "at_least"),
        ("消除5人(含)以下的所", "5人", "at_most"),
    ],
)
def test_bounds_and_approximations(text, figure, qualifier):
    (r,) = [r for r in read(text) if not r.bare]
    assert (r.text, r.qualifier) == (figure, qualifier)


def test_colloquial_hundred_millions():
    (r,) = read("资金近3个亿，")
    assert r.value == 3e8


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("两", 2), ("三", 3), ("十二", 12), ("一千", 1000), ("三万", 30000), ("两千三百", 2300)],
)
def test_chinese_numerals(numeral, value):
    assert chinese_value(numeral) == value


def test_chinese_numerals_count_only_with_a_counter_or_magnitude():
    text = "抽调两名民警，设三个工作站，印一千份，一体化推进，十分重要"
    found = [(r.text, r.value) for r in read(text)]
    assert found == [("两名", 2), ("三个", 3), ("一千份", 1000)]


def test_dates_and_years_are_not_amounts():
    kinds = {r.text: r.kind for r in read("2023年9月20日立案，6月18日开赛，2024年再议，5月底完成")}
    assert kinds == {"2023年9月20日": "date", "6月18日": "date", "2024年": "year", "5月": "date"}


def test_quoted_names_numbering_and_model_names_are_not_figures():
    figs = figures_of("1、侦破“8.19”案件，抓获3人；配备350M基站2座，第3名。\n")
    assert [f.text for f in figs] == ["3人", "2座"]


def test_thousands_grouping_must_be_exact():
    assert [r.text for r in read("1,2345元") if not r.bare] == ["2345元"]


def test_display_scale_is_the_written_unit():
    assert display_scale("5105.15万元", "元") == (1e4, "万元")
    assert display_scale("$4.2 million", "$") == (1e6, "$ million")
    assert display_scale("58辆", "辆") == (1.0, "辆")


def test_english_counts_names_and_labels():
    text = (
        "Overview\nIn 2023 the Authority employed 214 full-time staff and ran four routes "
        "from Pier 3. Microsoft 365 grew. Spending was $38.6 million, mainly on the refit "
        "of the ferry Gull Island ($2.5 million). On July 1 service began.\n"
    )
    found = {(f.text, f.kind): f.label for f in figures_of(text)}
    assert found == {
        ("2023", "year"): "",
        ("214", "count"): "full-time staff",
        ("four", "count"): "routes",
        ("$38.6 million", "amount"): "Spending",
        ("$2.5 million", "amount"): "refit of the ferry Gull Island",
    }


def test_english_labels_from_lists_targets_and_stated_changes():
    text = (
        "Results\nRidership rose 4.5% to 2.3 million from 2.2 million in 2023. "
        "Punctuality reached 96.1% against a target of 95%. The score was 81 out of 100 "
        "and the fault rate fell to 1.2 per 10,000 trips.\n"
        "- Bus punctuality: 96.1% (target 95%)\n"
    )
    found = [(f.text, named(f)) for f in figures_of(text) if f.kind not in ("year", "date")]
    assert found == [
        ("4.5%", "Ridership rose"),
        ("2.3 million", "Ridership"),
        ("2.2 million", "Ridership <previous>"),
        ("96.1%", "Punctuality"),
        ("95%", "Punctuality target <target>"),
        ("81", "score"),
        ("1.2", "fault rate"),
        ("96.1%", "Bus punctuality"),
        ("95%", "Bus punctuality target <target>"),
    ]  # "out of 100" and "per 10,000 trips" are scales, not figures


def test_captions_and_words_that_begin_with_a_counter_are_not_figures():
    found = [(f.text, f.label) for f in figures_of(
        "一、概况\n表1 支出明细如下。更换水表1800余块，建立台账3本，查处违法行为42起。\n"
    ) if f.kind != "year"]  # fmt: skip
    assert found == [("1800余块", "更换水表"), ("42起", "查处违法行为")]


def test_english_numbering_names_and_bounds():
    text = (
        "## 1. Overview\n\nRisks (1) include COVID-19 and Form 10-K filings. Nearly 92% of "
        "riders were satisfied, on-time performance was over 90% and complaints were under "
        "40. We agreed to acquire Harbor Ferries, Inc. for $68.7 million.\n"
    )
    found = {f.text: (f.label, f.qualifier) for f in figures_of(text)}
    assert found == {
        "92%": ("riders satisfied", "approx"),  # a share is of its population and what it says
        "90%": ("on-time performance", "at_least"),
        "40": ("complaints", "at_most"),
        "$68.7 million": ("agreed to acquire Harbor Ferries Inc", ""),
    }
    costs = (
        "Costs\n\nCosts were $8.0 million, of which $5.0 million was wages and $3.0 million "
        "was fuel.\n"
    )
    assert [f.label for f in figures_of(costs)] == ["Costs", "wages", "fuel"]


def test_dollars_written_in_chinese_are_shown_as_written():
    assert as_written(5e8, "12亿美元", "$") == "5亿美元"
    assert as_written(2.3e6, "$40.9 million", "$") == "$2.3 million"


def test_anniversaries_and_time_words_are_not_figures_or_labels():
    assert read_numbers("实现建军一百年奋斗目标", 0, 11) == []
    found = [(f.text, f.label) for f in figures_of(
        "一、概况\n今年中央补助资金拟安排500万元，赤字率拟按3%安排。\n"
    ) if f.kind != "year"]  # fmt: skip
    assert found == [("500万元", "中央补助资金拟安排"), ("3%", "赤字率")]


def test_ordinals_and_names_are_not_chinese_counts():
    text = (
        "召开第二十次全国代表大会，按照十三届全国人大五次会议批准的安排，落实中央八项规定精神，"
        "三百六十行行行出状元，统筹两个大局，做到两个维护、两个确立，增强四个意识、坚定四个自信，"
        "坚持两个毫不动摇，在和平共处五项原则基础上，两次降准，抽调两名民警，召开三次会议"
    )
    assert [(r.text, r.value) for r in read(text)] == [("两次", 2), ("两名", 2), ("三次", 3)]


def test_national_reports_read_no_names_as_counts(real_dir):
    from .figure_helpers import read_figures

    for year in (2022, 2023, 2024):
        doc, figures = read_figures(real_dir / f"gwr_national_{year}.txt")
        names = [doc.text[f.start : f.end + 2] for f in figures if f.text[0] >= "\u4e00"]
        assert not [f for f in figures if f.text in ("十次", "三百六十", "五次", "五项")]
        ends = ("规定", "维护", "确立", "大局", "意识", "自信")
        assert not [n for n in names if n.endswith(ends)]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("装机规模突破10亿千瓦。", "10亿千瓦", 1e9, "千瓦"),
        ("装机1.2万千瓦，", "1.2万千瓦", 1.2e4, "千瓦"),
        ("发电量9.4万亿千瓦时，", "9.4万亿千瓦时", 9.4e12, "千瓦时"),
        ("化肥5千克，", "5千克", 5, "千克"),
        ("制定修订行政法规180件次。", "180件次", 180, "件次"),
        ("制定修订行政法规15部。", "15部", 15, "部"),
    ],
)
def test_power_weight_and_law_counters(text, figure, value, unit):
    (r,) = [r for r in read(text) if not r.bare]
    assert (r.text, r.value, r.unit, r.kind) == (figure, value, unit, "count")


def test_department_words_are_not_a_counter_of_laws():
    assert [r.text for r in read("15部门联合部署，3部分") if not r.bare] == []


def test_the_unit_after_a_list_is_each_items():
    found = read("分别净减少10.6万、3.8万、3.3万平方公里，投入10万、20万元，1128万，3万人")
    got = [(r.text, r.value, r.unit, r.kind) for r in found if not r.bare]
    assert got == [
        ("10.6万", 1.06e5, "平方公里", "count"),
        ("3.8万", 3.8e4, "平方公里", "count"),
        ("3.3万平方公里", 3.3e4, "平方公里", "count"),
        ("10万", 1e5, "元", "amount"),
        ("20万元", 2e5, "元", "amount"),
        ("1128万", 1.128e7, "", "count"),  # no list: money or count by context, as before
        ("3万人", 3e4, "人", "count"),
    ]
    assert display_scale("10.6万", "平方公里") == (1e4, "万平方公里")


def test_national_reports_read_power_laws_and_areas(real_dir):
    from .figure_helpers import read_figures

    _, figures = read_figures(real_dir / "gwr_national_2023.txt")
    got = {f.text: (f.value, f.unit, f.label) for f in figures}
    assert got["12亿千瓦"] == (1.2e9, "千瓦", "可再生能源装机规模")
    assert got["180件次"][:2] == (180, "件次")
    assert got["3.8万"] == (3.8e4, "平方公里", "荒漠化 减少")
    _, figures = read_figures(real_dir / "gwr_national_2024.txt")
    assert [(f.value, f.unit) for f in figures if f.text == "25部"] == [(25, "部")]
