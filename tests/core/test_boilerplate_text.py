"""Sentence keys, soft line wraps and template phrases: the pieces flags are built from."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.reuse.shingles import keyed_sentences, sentence_key
from reportdiff.core.reuse.template_phrases import find_template_phrases
from reportdiff.core.text.line_wraps import wrap_width
from reportdiff.core.text.width import cells


def test_key_masks_figures_and_years_but_keeps_units() -> None:
    a = sentence_key("2023年本单位基本支出5105.15万元，较上年增长10.93%。")
    b = sentence_key("2024年本单位基本支出5,322.40万元，较上年增长3.2%。")
    assert a == b
    assert sentence_key("在职人员45人。") != sentence_key("在职人员45元。")


def test_key_folds_width_punctuation_space_and_list_numbers() -> None:
    a = sentence_key("（三）加强　预算管理，ＡＢＣ系统上线。")
    b = sentence_key("3. 加强预算管理, ABC 系统上线.")
    assert a == b == "加强预算管理abc系统上线"


def test_sentences_carry_offsets_into_the_original_text() -> None:
    text = "一、概况\n  本局共有职工20人。主要职责是：\n\t负责全县水利工作；"
    sentences = keyed_sentences(text)
    assert [text[s.start : s.end] for s in sentences] == [
        "一、概况",
        "本局共有职工20人。",
        "主要职责是：",
        "负责全县水利工作；",
    ]


def _wrap(paragraph: str, width: int) -> str:
    return "\n".join(paragraph[i : i + width] for i in range(0, len(paragraph), width))


def test_pdf_hard_wraps_are_undone_wherever_the_line_broke() -> None:
    para = (
        "本部门严格执行预算管理制度，加强资金使用监督，确保各项资金专款专用并按规定及时拨付到位。"
        * 3
    )
    filler = "\n".join(["预算执行情况良好，各项工作任务完成。"] * 12)
    a = keyed_sentences(_wrap(para, 30) + "\n" + filler)
    b = keyed_sentences(_wrap(para, 27) + "\n" + filler)
    assert wrap_width((_wrap(para, 30) + "\n" + filler).split("\n")) is not None
    keys_a = [s.key for s in a if s.weight > 30]
    keys_b = [s.key for s in b if s.weight > 30]
    assert keys_a == keys_b
    assert len(keys_a) == 3


def test_running_text_is_not_treated_as_wrapped() -> None:
    lines = ["本部门严格执行预算管理制度，加强资金使用监督。" * 6] * 12
    assert wrap_width(lines) is None


def test_template_phrases_found_and_labelled() -> None:
    text = (
        "某县水利局绩效自评报告范本\n（报告范围包括机关和下属单位）\n"
        "围绕部门整体绩效目标完成情况进行绩效分析。\n"
        "包括预算执行、资金结余和违规记录等情况。\n"
        "于XX月XX日前完成；文号〔2024〕××号；【请填写单位名称】；（填写本部门其他事项）\n"
    )
    labels = [h.label for h in find_template_phrases(text)]
    assert labels == [
        "范本",
        "（报告范围包括……）",
        "围绕……进行绩效分析",
        "包括……等情况",
        "XX",
        "××",
        "【】",
        "（根据……填写/描述）",
    ]
    xx = find_template_phrases(text)[4]
    assert text[xx.start : xx.end] == "XX月XX日"


def test_genuine_text_has_no_template_phrase() -> None:
    text = (
        "本局围绕防汛抗旱中心工作，完成水库除险加固3座。\n"
        "主要支出包括工资福利支出和商品服务支出。\n"
        "XXL 型号设备（含税）采购2台，Louis XIV 展览。\n"
        "认股书由认股人填写认购的股份数、金额、住所，并签名或者盖章。\n"
        "If you use GitHub Enterprise Cloud, the [Enterprise Cloud Addendum](/articles/x) "
        "and [Addendum B](/b) apply; see [Describe API](https://e.com).\n"
    )
    assert find_template_phrases(text) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("绩效目标完成情况由项目单位填写。", "由……填写"),
        ("（本栏由财务股填列）", "（根据……填写/描述）"),
        ("本表由财务股填列", "由……填写"),
        ("请各单位填报；", "由……填写"),
        ("The agency [insert name of agency] reports to [Enter date].", "[insert …]"),
        ("Total spending was <add figure> in FY2024.", "[insert …]"),
    ],
)
def test_template_instructions_are_still_found(text: str, label: str) -> None:
    assert label in [h.label for h in find_template_phrases(text)]


def _plain_wrap_width(lines: list[str]) -> int | None:
    """wrap_width as defined: the 95th percentile of the widths of 20 cells or more."""
    widths = sorted(w for w in map(cells, lines) if w >= 20)
    if len(widths) < 10:
        return None
    return widths[int(len(widths) * 0.95)] if widths[int(len(widths) * 0.95)] <= 100 else None


@settings(max_examples=500, deadline=None)
@given(
    st.integers(5, 110),
    st.lists(st.tuples(st.integers(-12, 3), st.integers(0, 100)), min_size=8, max_size=40),
)
def test_wrap_width_measures_only_the_lines_that_can_decide(
    width: int, shapes: list[tuple[int, int]]
) -> None:
    # lines of about one width, each with its share of wide characters
    lines = []
    for jitter, wide_percent in shapes:
        n = max(0, width + jitter)
        wide = n * wide_percent // 100
        lines.append("预" * wide + "a" * (n - wide))
    assert wrap_width(lines) == _plain_wrap_width(lines)
