"""Reading figures as a reader does, over families of generated text: Chinese numerals
with their unit and bound, mixed forms, noise that holds digits, table header years."""

from __future__ import annotations

import itertools

import pytest

from reportdiff.core.compare import compare
from reportdiff.options import CompareOptions

from .figure_helpers import chinese_numeral, doc_of, figures_of

_CN = {1: "一", 2: "二", 5: "五", 10: "十", 20: "二十", 50: "五十", 100: "一百"}


@pytest.mark.parametrize(("bound", "qualifier"), [("以下", "at_most"), ("以上", "at_least")])
def test_a_chinese_amount_is_one_figure_with_its_unit_and_bound(bound, qualifier):
    for (n, numeral), magnitude in itertools.product(_CN.items(), ("万", "")):
        if n == 1 and not magnitude:
            continue  # 一元 alone is left unread, with 一个 and other rhetoric
        amount = f"{numeral}{magnitude}元"
        text = f"第一章 总则\n有前款行为的，可以并处{amount}{bound}的罚款。\n"
        (f,) = [f for f in figures_of(text) if f.kind != "year"]
        scale = 1e4 if magnitude else 1.0
        assert (f.text, f.value, f.unit, f.kind) == (amount, n * scale, "元", "amount")
        assert f.qualifier == qualifier


def test_the_whole_bound_word_before_a_figure_decides_its_bound():
    """A negated bound is the other bound (不超过 is at most though it ends in 超过,
    不低于 at least though it ends in 低于), in every sentence and unit."""
    from reportdiff.core.figures.bounds import APPROX_BEFORE, AT_LEAST_BEFORE, AT_MOST_BEFORE

    words = (
        [(w, "at_least") for w in AT_LEAST_BEFORE]
        + [(w, "at_most") for w in AT_MOST_BEFORE]
        + [(w, "approx") for w in APPROX_BEFORE]
    )
    sentences = ("全年培训人数{}。", "项目资金{}，已全部拨付。", "办结时限压缩至{}。")
    figures = ("1200人", "35.6万元", "15个工作日", "98%")
    for (word, qualifier), sentence, figure in itertools.product(words, sentences, figures):
        text = "一、工作情况\n" + sentence.format(word + figure) + "\n"
        (f,) = [f for f in figures_of(text) if f.text == figure]
        assert f.qualifier == qualifier, (word, figure)


def test_a_changed_chinese_amount_is_one_change_not_a_removal_and_an_addition():
    for (a, x), (b, y) in itertools.combinations(_CN.items(), 2):
        old = f"第一章 总则\n情节严重的，并处{x}万元以下的罚款。\n"
        new = f"第一章 总则\n情节严重的，并处{y}万元以下的罚款。\n"
        c = compare(doc_of(old), doc_of(new))
        (n,) = c.numbers
        assert n.status == "changed"
        assert (n.old.value, n.new.value) == (a * 1e4, b * 1e4)


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [("3万2千吨", 32000, "吨"), ("1亿5000万元", 1.5e8, "元"), ("2万3千人", 23000, "人")],
)
def test_a_mixed_form_is_one_figure(written, value, unit):
    (f,) = figures_of(f"一、概况\n全年完成{written}。\n")
    assert (f.text, f.value, f.unit) == (written, value, unit)


@pytest.mark.parametrize(
    "noise",
    [
        "详见https://www.example.gov.cn/2023-05/12/content_5123.htm",
        "联系邮箱stats2023@example.com",
        "邮编100826",
        "依据国发〔2021〕5号",
        "Regulation (EU) 2021/914",
        "see https://example.com/2019/07/02/terms",
    ],
)
def test_digits_in_addresses_codes_and_document_numbers_are_no_figures(noise):
    for amount in ("300万元", "45.5%", "12名"):
        text = f"一、概况\n{noise}，本年投入{amount}。\n"
        assert [f.text for f in figures_of(text) if f.kind not in ("year", "date")] == [amount]


def test_article_numbers_are_no_figures():
    for n in ("十五", "二十三", "一百零二", "15"):
        text = f"第一章 总则\n第{n}条 依照本法第{n}条规定处理。\n"
        assert [f.text for f in figures_of(text)] == []


def test_table_header_years_are_labels_not_values():
    for first in range(2015, 2024):
        row = "| 项目 | {} | {} |\n|---|---|---|\n| 收入 | {} | {} |\n"
        old = doc_of("一、收支\n" + row.format(first, first + 1, 120, 130), "a.md")
        new = doc_of("一、收支\n" + row.format(first + 1, first + 2, 130, 150), "b.md")
        c = compare(old, new)
        assert not [n for n in c.numbers if n.status == "changed"]  # no year moved "+1"
        assert {(n.status, n.label) for n in c.numbers} == {
            ("removed", f"收入 / {first}"),
            ("added", f"收入 / {first + 2}"),
        }


_HEADS = ("“三公”经费预算数", "机关运行经费预算数", "项目支出预算数")


def test_a_header_of_the_year_a_column_is_of_names_the_same_column_next_year():
    # 2024年“三公”经费预算数 | 2024年机关运行经费预算数 → the same heads a year on
    for year, suffix in itertools.product(range(2018, 2026), ("年", "年度", " 年")):
        row = "| {} | {} | {} |\n|---|---|---|\n| {} | {} | {} |\n"
        heads = [f"{{}}{suffix}{h}" for h in _HEADS]
        old = row.format(*(h.format(year) for h in heads), "47.91", "443.18", "12.00")
        new = row.format(*(h.format(year + 1) for h in heads), "37.91", "464.64", "12.00")
        c = compare(
            doc_of("一、预算表\n单位：万元\n" + old, "a.md"),
            doc_of("一、预算表\n单位：万元\n" + new, "b.md"),
        )
        changed = {(n.old.text, n.new.text) for n in c.numbers if n.status == "changed"}
        assert changed == {("47.91", "37.91"), ("443.18", "464.64")}, (year, suffix)
        assert all(n.status in ("changed", "unchanged") for n in c.numbers)
        for n in c.numbers:  # each change named by its column's head, without the year
            assert n.label.endswith(_HEADS[0 if n.new.text == "37.91" else 1]), n.label


@pytest.mark.parametrize("value", [1_250, 12_480, 480_001, 1_250_000])
def test_space_grouped_thousands_are_one_number_in_latin_text(value):
    grouped = f"{value:,}".replace(",", " ")
    for before, after in (("produced ", "tonnes"), ("spent $", "on repairs")):
        text = f"Results\n\nThe plant {before}{grouped} {after} in 2024.\n"
        found = [f for f in figures_of(text) if f.kind != "year"]
        assert [f.value for f in found] == [value], text
    table = f"一、概况\n项目 {grouped}\n"  # cells of a PDF table, set apart by spaces
    assert [f.value for f in figures_of(table)] != [value]


_COUNTERS = ("人", "个", "名", "家")


def test_one_with_a_counter_and_a_bound_is_a_figure_one_without_is_rhetoric():
    for counter, bound in itertools.product(_COUNTERS, ("以上", "以下", "以内")):
        (f,) = figures_of(f"第一章 总则\n设立公司，应当有一{counter}{bound}为发起人。\n")
        assert (f.value, f.qualifier) == (1.0, "at_least" if bound == "以上" else "at_most")
        assert not figures_of(f"第一章 总则\n一{counter}又一{counter}，表决实行一{counter}一票。\n")


def test_a_lower_bound_never_pairs_with_an_upper_bound():
    # 由五十个以下股东 → 由一个以上五十个以下股东: a minimum added, the maximum unchanged
    for counter, (n, written) in itertools.product(_COUNTERS, list(_CN.items())[2:]):
        old = f"第一章 总则\n公司由{written}{counter}以下股东出资设立。\n"
        new = f"第一章 总则\n公司由一{counter}以上{written}{counter}以下股东出资设立。\n"
        c = compare(doc_of(old), doc_of(new), CompareOptions(all_numbers=True))
        got = {(x.status, x.old and x.old.value, x.new and x.new.value) for x in c.numbers}
        assert got == {("unchanged", float(n), float(n)), ("added", None, 1.0)}, got


@pytest.mark.parametrize("scope", ["全国", "全省", "全县", ""])
def test_a_scope_word_and_an_exceeding_verb_are_not_the_name(scope):
    # 全国财政收入突破20万亿元 is 财政收入, at least 20万亿元
    for name, (verb, qualifier) in itertools.product(
        ("财政收入", "粮食产量", "城镇新增就业"),
        (("突破", "at_least"), ("超过", "at_least"), ("达到", ""), ("为", "")),
    ):
        (f,) = figures_of(f"一、回顾\n{scope}{name}{verb}20万亿元，保持稳定。\n")
        assert (f.label, f.qualifier) == (name, qualifier), (scope, verb)


def test_a_rate_in_words_is_a_percentage():
    # 百分之十五 is 15%, 千分之三 3‰: statutes write their rates so
    for n in range(1, 101):
        for per, unit in (("百", "%"), ("千", "‰")):
            for numeral in (chinese_numeral(n), str(n)):
                written = f"{per}分之{numeral}"
                (f,) = figures_of(f"第一章 总则\n应当提取利润的{written}列入公积金。\n")
                assert (f.text, f.value, f.unit, f.kind) == (written, float(n), unit, "percent")


def test_a_changed_rate_in_words_is_one_change():
    for a, b in ((3, 1), (10, 5), (25, 30)):
        text = "第一章 总则\n持有公司{}以上股份的股东，可以提出临时提案。\n"
        old, new = (text.format(f"百分之{chinese_numeral(x)}") for x in (a, b))
        (n,) = compare(doc_of(old), doc_of(new)).numbers
        assert (n.status, n.old.value, n.new.value, n.delta) == ("changed", a, b, b - a)
        assert n.old.qualifier == n.new.qualifier == "at_least"


def test_a_period_is_one_figure_with_its_whole_unit():
    """15个工作日, 3个月, 24个小时 are periods, read whole with their unit (not 15个),
    and a period set in 个工作日 pairs with one in 工作日 across versions."""
    periods = {
        "个工作日": "工作日",
        "工作日": "工作日",
        "个月": "个月",
        "个小时": "小时",
        "天": "天",
    }
    sentences = ("办结时限压缩至{}。", "平均{}办结，", "整改期限为{}，")
    for (written, unit), sentence, n in itertools.product(periods.items(), sentences, (3, 15)):
        figure = f"{n}{written}"
        text = "一、工作情况\n" + sentence.format(figure) + "\n"
        (f,) = figures_of(text)
        assert (f.text, f.value, f.unit) == (figure, n, unit)
    old = doc_of("一、工作情况\n办结时限压缩至15个工作日。\n")
    new = doc_of("一、工作情况\n办结时限压缩至10工作日。\n")
    (n,) = compare(old, new).numbers
    assert (n.status, n.old.value, n.new.value) == ("changed", 15, 10)
