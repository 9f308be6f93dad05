"""A stated change that names both its figures by year (2023年…执行数为A，2024年预算安排B，
比2023年…增加p%) is recomputed from those two, and an item's amount restated in its own
passage with another value is flagged: over many generated paragraphs in the shapes a
部门预算 explains its items in, both ways (a contradiction is flagged, a consistent
paragraph is not), and on the real report where one item says both 350.35 and 352.67."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from reportdiff.core.checks.document import check_document
from reportdiff.core.sections.segment import segment_document
from reportdiff.readers import read_document

from .figure_helpers import doc_of

ITEMS = [
    ("住房保障支出", "住房改革支出", "住房公积金"),
    ("住房保障支出", "住房改革支出", "购房补贴"),
    ("城乡社区支出", "城乡社区环境卫生", "城乡社区环境卫生"),
    ("城乡社区支出", "城乡社区公共设施", "其他城乡社区公共设施支出"),
    ("一般公共服务支出", "财政事务", "信息化建设"),
    ("一般公共服务支出", "统计信息事务", "专项普查活动"),
    ("社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"),
    ("社会保障和就业支出", "就业补助", "公益性岗位补贴"),
    ("卫生健康支出", "公共卫生", "重大公共卫生服务"),
    ("卫生健康支出", "计划生育事务", "计划生育服务"),
    ("文化旅游体育与传媒支出", "体育", "群众体育"),
    ("公共安全支出", "司法", "公共法律服务"),
]
STAGES = ["预算执行数", "决算数", "预算数"]


@dataclass
class Shape:
    """One item's paragraph: its amount, last year's, this year's restated (or not),
    and how the change is stated."""

    item: tuple[str, str, str]
    unit: str  # 万元 (two decimals) or 元 (whole)
    stage: str  # what last year's figure is: 预算执行数, 决算数, 预算数
    last: str  # 2023年 or 上年
    opener: str  # 比 or 较
    amount: float  # the item's amount, in the unit
    base: float  # last year's figure
    restated: float | None  # this year's figure said again, or None
    says: str  # "pct", "delta" or "both"
    flat_if_equal: bool = True


def written(value: float, unit: str) -> str:
    return f"{value:.2f}万元" if unit == "万元" else f"{round(value)}元"


def change_words(shape: Shape, current: float) -> str:
    """The change as a correct report states it, from last year's figure to current."""
    diff = current - shape.base
    if abs(diff) < 1e-9 and shape.flat_if_equal:
        return "持平"
    word, pct_word = ("增加", "增长") if diff >= 0 else ("减少", "下降")
    delta = written(abs(diff), shape.unit)
    pct = f"{abs(diff) / shape.base * 100:.2f}%"
    if shape.says == "pct":
        return f"{word}{pct}"
    if shape.says == "delta":
        return f"{word}{delta}"
    return f"{word}{delta}，{pct_word}{pct}"


def paragraph(shape: Shape, change: str | None = None, n: int = 1) -> str:
    kind, section, item = shape.item
    now = "本年" if shape.last == "上年" else "2024年"
    current = shape.restated if shape.restated is not None else shape.amount
    change = change or change_words(shape, current)
    said_now = (
        "" if shape.restated is None else f"{now}预算安排{written(shape.restated, shape.unit)}，"
    )
    return (
        f"{n}. “{kind}（类）{section}（款）{item}（项）”{written(shape.amount, shape.unit)}，"
        f"主要用于{item}。{shape.last}当年{shape.stage}为{written(shape.base, shape.unit)}，"
        f"{said_now}{shape.opener}{shape.last}{shape.stage}{change}。主要原因是：{item}经费变化。\n"
    )


def document(*paragraphs: str) -> str:
    return "一、部门预算编制说明\n" + "".join(paragraphs)


def checks_in(text: str):
    doc = doc_of(text)
    return check_document(doc, segment_document(doc), "new")


def random_shape(rng: random.Random, restated: bool) -> Shape:
    unit = rng.choice(["万元", "元"])
    scale = 1 if unit == "万元" else 10_000
    base = round(rng.uniform(5, 3000) * scale, 2 if unit == "万元" else 0)
    move = rng.choice([-1, 0, 1])
    amount = base if move == 0 else round(base * (1 + move * rng.uniform(0.01, 0.6)), 2)
    amount = amount if unit == "万元" else float(round(amount))
    return Shape(
        item=rng.choice(ITEMS),
        unit=unit,
        stage=rng.choice(STAGES),
        last=rng.choice(["2023年", "上年"]),
        opener=rng.choice(["比", "较"]),
        amount=amount,
        base=base,
        restated=amount if restated else None,
        says=rng.choice(["pct", "delta", "both"]),
    )


SHAPES = [random_shape(random.Random(seed), restated=seed % 2 == 0) for seed in range(120)]


def kinds(checks) -> list[str]:
    return sorted(k.kind for k in checks)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_consistent_paragraph_is_not_flagged(shape):
    assert checks_in(document(paragraph(shape))) == ()


@pytest.mark.parametrize("shape", SHAPES)
def test_a_wrong_stated_change_is_flagged_against_the_two_named_figures(shape):
    current = shape.restated if shape.restated is not None else shape.amount
    if current == shape.base:
        wrong = f"增加{written(shape.base * 0.1, shape.unit)}"  # and not 持平
        expected = wrong
    else:
        # the change as if from another figure: 7% more than it is
        shifted = Shape(**{**shape.__dict__, "base": shape.base / 1.07})
        wrong = change_words(shifted, current)
        expected = wrong.split("，")[-1]
    checks = checks_in(document(paragraph(shape, wrong)))
    assert kinds(checks) == ["change"], [k.message for k in checks]
    message = checks[0].message
    assert message.endswith(f"not {expected}") or f"not {expected}" in message
    texts = {f.text for f in checks[0].figures}
    assert written(shape.base, shape.unit) in texts  # last year's figure, as named
    assert written(current, shape.unit) in texts


@pytest.mark.parametrize("shape", [s for s in SHAPES if s.base != s.amount])
def test_a_flat_change_between_two_values_is_flagged(shape):
    checks = checks_in(document(paragraph(shape, "持平")))
    assert kinds(checks) == ["change"]
    assert checks[0].message.endswith("not 持平")


@pytest.mark.parametrize("shape", [s for s in SHAPES if s.restated is not None])
def test_an_item_restated_with_another_value_is_flagged_naming_both(shape):
    # the amount is right (the stated change is computed from it), the restatement is off
    change = change_words(shape, shape.amount)
    restated = round(shape.amount * 1.05 + (1 if shape.unit == "元" else 0.01), 2)
    if shape.unit == "元":
        restated = float(round(restated))
    wrong = Shape(**{**shape.__dict__, "restated": restated})
    checks = checks_in(document(paragraph(wrong, change)))
    (restatement,) = [k for k in checks if k.kind == "restated"]
    amount, again = written(shape.amount, shape.unit), written(restated, shape.unit)
    assert amount in restatement.message
    assert again in restatement.message
    assert restatement.figures[0].text == amount
    assert restatement.figures[1].text == again
    assert f"the stated change bears out {amount}" in restatement.message
    assert any("the stated change holds for" in e for e in restatement.evidence)


@pytest.mark.parametrize("shape", [s for s in SHAPES if s.restated and s.unit == "万元"])
def test_a_restatement_within_rounding_is_not_flagged(shape):
    # the amount in 元 (3,503,497元) and restated in 万元 (350.35万元): one figure
    amount = written(shape.amount, "万元") + "，主要用于"
    in_yuan = f"{round(shape.amount * 10_000) - 3:,}元，主要用于"
    text = paragraph(shape).replace(amount, in_yuan, 1)
    assert in_yuan in text
    assert checks_in(document(text)) == ()


def test_items_of_one_report_are_checked_each_on_their_own():
    rng = random.Random(7)
    shapes = [random_shape(rng, restated=True) for _ in ITEMS]
    for s, item in zip(shapes, ITEMS, strict=True):
        s.item = item  # one paragraph per item, as a report has
    wrong_item = 5
    paragraphs = []
    for n, s in enumerate(shapes, start=1):
        if n - 1 == wrong_item:
            s = Shape(**{**s.__dict__, "restated": s.amount + 3})
            paragraphs.append(paragraph(s, change_words(s, s.amount), n))
        else:
            paragraphs.append(paragraph(s, None, n))
    checks = checks_in(document(*paragraphs))
    assert {k.kind for k in checks} <= {"restated", "change"}
    restated = [k for k in checks if k.kind == "restated"]
    assert len(restated) == 1
    assert restated[0].figures[0].text == written(
        shapes[wrong_item].amount, shapes[wrong_item].unit
    )


# shapes that look alike but state nothing that can be checked this way: no check
@pytest.mark.parametrize(
    "text",
    [
        # last year's figure is given for another year than the comparison names
        "1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
        "2022年当年预算执行数为300.00万元，2024年预算安排350.35万元，比2023年预算执行数增加0.53%。\n",
        # the comparison names 预算 but the sentence gives only 执行数
        "1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
        "2023年当年预算执行数为300.00万元，2024年预算安排350.35万元，比2023年预算增加0.53%。\n",
        # the opening amount is a total whose parts follow: the change may be of a part
        "1. 基本支出350.35万元，其中人员经费300.00万元，公用经费50.35万元。"
        "2023年执行数为340.00万元，2024年预算安排352.67万元，比2023年执行数增加3.73%。\n",
        # the comparison's figures name another item than the passage opens with
        "1. 项目支出350.35万元，主要用于信息化建设。2023年基本支出执行数为340.00万元，"
        "2024年基本支出预算安排352.67万元，比2023年基本支出执行数增加3.73%。\n",
        # last year's and this year's figures are of two things
        "1. 2023年人员经费执行数为340.00万元，2024年公用经费预算安排52.67万元，"
        "比2023年执行数增加3.73%。\n",
        # the opening amount is itself last year's stage (决算), not this year's budget
        "1. 上年决算支出350.35万元。2023年执行数为340.00万元，2024年预算安排352.67万元，"
        "比2023年执行数增加3.73%。\n",
        # 基本持平 allows a small difference
        "1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
        "2023年当年预算执行数为350.00万元，2024年预算安排350.35万元，比2023年预算执行数基本持平。\n",
        # no year named at all: 同比 leaves last year's figure unnamed
        "1. 住房公积金350.35万元。上年执行数为300.00万元，同比增加0.53%。\n",
        # 持平 with last year's budget, which the passage does not state
        "1. （三）公务接待费28.50万元，与2024年预算持平。\n",
    ],
)
def test_look_alike_shapes_raise_no_check(text):
    checks = checks_in(document(text))
    assert checks == (), [k.message for k in checks]


def test_an_item_without_its_own_amount_borrows_none_from_the_item_before():
    text = document(
        "1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
        "2023年当年预算执行数为348.52万元，2024年预算安排350.35万元，比2023年预算执行数增加0.53%。\n",
        "2. “住房保障支出（类）住房改革支出（款）购房补贴（项）”科目，主要用于购房补贴。"
        "2023年当年预算执行数为318.14万元，比2023年预算执行数增加0.64%。\n",
    )
    assert checks_in(text) == ()


WANLI_2024 = "putuo-wanli-jiedao-bumen-yusuan-2024.pdf"


@pytest.fixture
def wanli_2024(real_dir):
    path = real_dir / "dev" / "pdf" / WANLI_2024
    if not path.is_file():
        pytest.skip(f"the real 部门预算 {WANLI_2024} is not in ../shared/real/dev/pdf")
    return read_document(path)


def test_the_real_item_that_says_350_35_and_352_67_is_flagged(wanli_2024):
    checks = check_document(wanli_2024, segment_document(wanli_2024), "new")
    (restated,) = [k for k in checks if k.kind == "restated"]
    assert [f.text for f in restated.figures[:2]] == ["350.35万元", "352.67万元"]
    assert "the tables and the stated change bear out 350.35万元" in restated.message
    assert any(e.startswith("the tables give 住房公积金 3,503,499") for e in restated.evidence)
    changes = [k for k in checks if k.kind == "change"]
    assert len(changes) == 1
    assert changes[0].message.endswith("is +1.19%, not 增加0.53%")
    assert {f.text for f in changes[0].figures} == {"352.67万元", "348.52万元", "0.53%"}


def test_every_item_change_of_the_real_report_is_really_checked(wanli_2024):
    # each 比2023年预算执行数增加/减少p% made wrong beyond the rounding of its figures
    # (0.31 → 0.39万元 may be anything from +22% to +30%) is flagged, each 持平 made
    # 增加1.00% too
    text = wanli_2024.text
    phrase = "比2023年预算执行数"
    at = [i for i in range(len(text)) if text.startswith(phrase, i)]
    assert len(at) >= 30
    broken, pos = [], 0
    for i in at:
        j = i + len(phrase)
        broken.append(text[pos:j])
        if text.startswith("持平", j):
            broken.append("增加1.00%")
            pos = j + 2
        else:
            k = text.index("%", j)
            word, pct = text[j : j + 2], float(text[j + 2 : k])
            broken.append(f"{word}{pct * 1.5 + 3:.2f}")
            pos = k
    broken.append(text[pos:])
    doc = doc_of("".join(broken), WANLI_2024)
    checks = check_document(doc, segment_document(doc), "new")
    flagged = [k for k in checks if k.kind == "change"]
    # the item that went from 0.00 to 25.00 has no rate to recompute
    assert len(flagged) == len(at) - 1


@pytest.mark.parametrize(
    ("last", "compared", "now", "checked"),
    [
        ("2023年", "上年", "2024年", True),  # 上年 beside a 2024 is 2023
        ("上年", "2023年", "2024年", True),
        ("2022年", "上年", "2024年", False),  # 上年 beside a 2024 is not 2022
        ("2023年", "上年", "本年", False),  # nothing says which year 本年 is
    ],
)
def test_last_year_named_by_number_or_by_word(last, compared, now, checked):
    text = document(
        f"1. 住房公积金350.35万元。{last}执行数为300.00万元，{now}预算安排350.35万元，"
        f"比{compared}执行数增加9.99%。\n"
    )
    assert kinds(checks_in(text)) == (["change"] if checked else [])


def test_the_table_row_of_the_item_is_cited_for_the_figure_it_bears_out():
    paragraph_text = (
        "3. “一般公共服务支出（类）财政事务（款）信息化建设（项）”166.66万元，主要用于系统运维。"
        "2023年当年预算执行数为150.00万元，2024年预算安排168.80万元，比2023年预算执行数增加11.11%。\n"
    )
    table = "二、部门预算表\n单位：元\n项目\t合计\t基本支出\n信息化建设\t{}\t{}\n"
    for cell, backed in (("1,666,600", "166.66万元"), ("1,688,000", "168.80万元")):
        checks = checks_in(document(paragraph_text) + table.format(cell, cell))
        (restated,) = [k for k in checks if k.kind == "restated"]
        assert f"the tables give 信息化建设 {cell}: {backed}" in " ".join(restated.evidence)
        assert "the tables" in restated.message.split(f"out {backed}")[0]


@pytest.mark.parametrize(
    "comparison",
    ["与2023年预算执行数相比，增加{}", "与2023年预算执行数相比增加{}", "较2023年预算执行数增加{}"],
)
def test_a_comparison_closed_by_xiangbi_names_its_figures_too(comparison):
    def text(pct: str) -> str:
        return document(
            "1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，"
            "主要用于住房公积金。2023年当年预算执行数为348.52万元，"
            f"2024年预算安排350.35万元，{comparison.format(pct)}。\n"
        )

    assert checks_in(text("0.53%")) == ()
    (check,) = checks_in(text("1.53%"))
    assert check.message.endswith("is +0.53%, not 增加1.53%")


@pytest.mark.parametrize(
    ("opening", "checked"),
    [
        ("本单位住房公积金预算", True),
        ("本单位2024年住房公积金预算", True),  # named for this year: still the item's amount
        ("本单位2023年住房公积金支出", False),  # last year's, not this year's
        ("本单位住房公积金决算", False),  # another stage of the money
    ],
)
def test_the_passage_opening_amount_stands_for_this_year_only_when_nothing_says_otherwise(
    opening, checked
):
    text = document(
        f"1. {opening}350.35万元。2023年执行数为348.52万元，比2023年执行数增加5.53%。\n"
    )
    assert kinds(checks_in(text)) == (["change"] if checked else [])
    right = text.replace("5.53%", "0.53%")
    assert checks_in(right) == ()
