"""Sentences a PDF wrapped at the page width: labels and lists of parts read across
the soft break, never across a heading, a table row or a sentence end."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.checks.document import check_document
from reportdiff.core.figures.extract import extract_figures
from reportdiff.core.sections.segment import segment_document
from reportdiff.core.text.line_wraps import soft_break

from .figure_helpers import by_label, doc_of, figures_of, one, read_figures

# one sentence cut after 其他 at the page width, a blank line where the page ended
WRAPPED = (
    "示例中心2025年度部门决算\n"
    "二、收入决算情况说明\n"
    "本年收入合计500.00万元，其中：财政拨款收入420.00万元，占84.00%；事业收入\n"
    "\n"
    "60.00万元，占12.00%；其他收入20.00万元，占4.00%。\n"
    "三、支出决算情况说明\n"
    "本年支出合计480.00万元，其中：基本支出300.00万元，占62.50%；项目支出\n"
    "170.00万元，占35.42%。\n"
)


def test_label_runs_back_over_a_soft_break() -> None:
    figures = figures_of(WRAPPED)
    assert one(figures, "事业收入").text == "60.00万元"
    assert one(figures, "项目支出").text == "170.00万元"
    assert one(figures, "项目支出 占比").text == "35.42%"


def test_parts_run_over_a_soft_break_and_are_summed() -> None:
    figures = figures_of(WRAPPED)
    income = figures.index(next(f for f in figures if f.text == "500.00万元"))
    assert [f.text for f in figures if f.parent == income] == [
        *("420.00万元", "60.00万元", "20.00万元"),
    ]
    doc = doc_of(WRAPPED)
    checks = check_document(doc, segment_document(doc), "new")
    sums = [c for c in checks if c.kind == "sum"]
    assert len(sums) == 1  # 300 + 170 is not 480; 420 + 60 + 20 is 500
    assert "480.00万元" in sums[0].message


def test_no_soft_break_at_a_sentence_end_heading_or_table_row() -> None:
    line = "本年支出合计480.00万元，其中：基本支出300.00万元，占62.50%；项目支出"
    assert soft_break(line + "\n170.00万元", len(line)) == len(line) + 1
    assert soft_break(line + "\n\n\n170.00万元", len(line) + 1) == len(line) + 3
    assert soft_break(line + "。\n170.00万元", len(line) + 1) is None
    assert soft_break(line + "\n二、项目支出170.00万元", len(line)) is None
    assert soft_break(line + "\n项目\t170.00", len(line)) is None
    assert soft_break("项目支出\n170.00万元", 4) is None  # a short line ends on purpose
    heading = "三、支出决算情况说明（本节列示全部支出的构成和变动原因说明）"
    figures = figures_of(f"{heading}\n170.00万元用于项目。\n")
    assert not by_label(figures, "三、支出决算情况说明（本节列示全部支出的构成和变动原因说明）")


def test_shanghai_reports_read_across_page_width_wraps(real_dir: Path) -> None:
    """Labels verified by reading the three filled-in reports, each cut mid-name by
    the conversion (卫生健\u23ce康支出, 其他\u23ce收入, 项目支出\u23ce603.14万元)."""
    expect = {
        "jsjs_putuo_caizhengju_2024.txt": [
            ("项目支出", "603.14万元"),
            ("项目支出 占比", "20.51%"),
            ("一般公共服务支出（类）", "2106.66万元"),
            ("住房保障支出（类） 占比", "15.16%"),
            ("一般公共预算财政拨款支出 减少", "63.14万元"),
            ("完成年初预算", "98.20%"),
            ("公务用车购置及运行维护费支出决算", "0.00万元"),
        ],
        "jsjs_putuo_guihuaziyuanju_2024.txt": [
            ("卫生健康支出（类）", "236.63 万元"),
            ("人员经费", "4896.98 万元"),
            ("财政拨款收入支出", "9746.50 万元"),
            ("涉及预算金额", "4415.48万元"),
        ],
        "jsjs_putuo_shehuigongzuobu_2024.txt": [
            ("社会保障和就业支出（类）", "10.82 万元"),
            ("基本支出 占比", "34.30%"),
            ("人员经费", "95.36 万元"),
        ],
    }
    for name, pairs in expect.items():
        _, figures = read_figures(real_dir / name)
        for label, text in pairs:
            assert text in [f.text for f in by_label(figures, label)], (name, label)
        for junk in ("康支出（类）", "初预算", "成年初预算", "度 减少", "出决算"):
            assert not by_label(figures, junk), (name, junk)


def test_other_income_is_a_part_of_the_total(real_dir: Path) -> None:
    _, figures = read_figures(real_dir / "jsjs_putuo_caizhengju_2024.txt")
    other = one(figures, "其他收入")
    assert other.text == "6.2万元"
    assert other.parent is not None
    assert figures[other.parent].text == "2946.25万元"


def test_shanghai_reports_add_up_once_read_across_wraps(real_dir: Path) -> None:
    """Their stated totals are right; lists read across wraps must not break them."""
    for name in ("caizhengju", "guihuaziyuanju", "shehuigongzuobu"):
        doc, figures = read_figures(real_dir / f"jsjs_putuo_{name}_2024.txt")
        assert check_document(doc, segment_document(doc), "new", figures) == (), name


# a number at the end of a page-wide line, its unit on the next line after a blank one
UNIT_WRAPPED = (
    "示例中心2025年度部门决算\n"
    "一、收入支出决算总体情况说明\n"
    "示例中心 2025 年度收入支出总计 500.00 万元。与上年相比，收入支出总计增加 62.85\n"
    "\n"
    "万元，增长 14.38%。其中：车辆 3 辆，其中：机要通信用车 1 辆、离退休干部用车 2\n"
    "\n"
    "辆。\n"
    "合计 62.85\n"
    "\n"
    "万元\n"
    "支出\t62.85\n"
    "万元\t2\n"
)


def test_a_unit_on_the_next_line_completes_the_number() -> None:
    doc = doc_of(UNIT_WRAPPED)
    figures = extract_figures(doc, segment_document(doc))
    rise = one(figures, "收入支出 增加")
    assert (rise.text, rise.value, rise.unit) == ("62.85万元", 628500.0, "元")
    assert doc.text[rise.start : rise.end] == "62.85\n\n万元"  # offsets index the text
    assert one(figures, "收入支出 增长").text == "14.38%"
    cars = one(figures, "离退休干部用车")
    assert (cars.text, cars.value, cars.unit) == ("2辆", 2.0, "辆")
    # a short line and a table row end where their writer ended them
    assert [f.text for f in figures if f.value == 628500.0] == ["62.85万元"]


def test_page_wrapped_units_in_shanghai_reports(real_dir: Path) -> None:
    expect = {
        "jsjs_putuo_guihuaziyuanju_2024.txt": [
            ("收入支出 增加", "1062.85万元"),
            ("财政拨款收入", "9746.50万元"),
            ("城乡社区支出（类）", "3832.36万元"),
            ("支出决算", "225.12万元"),
            ("货物采购金额", "122.43万元"),
            ("离退休干部用车", "0辆"),
        ],
        "jsjs_putuo_shehuigongzuobu_2024.txt": [("收入支出", "307.82万元")],
    }
    for name, pairs in expect.items():
        doc, figures = read_figures(real_dir / name)
        for label, text in pairs:
            found = [f for f in by_label(figures, label) if f.text == text]
            assert found, (name, label, text)
            assert "\n" in doc.text[found[0].start : found[0].end]


def test_a_line_may_wrap_after_a_closing_parenthesis() -> None:
    line = "其他用车 0 辆。单价 100 万元（含）以上设备（不含车辆）的购置情况说明如下，本年度"
    line = line[: line.index("）的") + 1]
    assert soft_break(line + "\n\n0 台（套）。", len(line)) == len(line) + 2
    remark = "主要原因：人员增加，业务经费相应增加。（如持平作持平表述，本说明不再重复）"
    assert soft_break(remark + "\n2024 年度“三公”经费", len(remark)) is None


def test_equipment_count_after_a_wrapped_parenthesis(real_dir: Path) -> None:
    _, figures = read_figures(real_dir / "jsjs_putuo_guihuaziyuanju_2024.txt")
    (units,) = [f for f in figures if f.text == "0 台"]
    assert units.label.endswith("以上设备（不含车辆）（套）")
    (price,) = [f for f in figures if f.text == "100 万元" and f.label.startswith("单价")]
    assert price.qualifier == "at_least"


def test_a_line_that_ends_at_a_comma_runs_on() -> None:
    # 「…基本支出 300.00 万元，⏎⏎占 62.50%」: a paragraph never ends at a comma
    text = (
        "三、支出决算情况说明\n"
        "本年支出合计480.00万元，其中：项目支出180.00万元，占37.50%；基本支出 300.00 万元，\n"
        "\n"
        "占 62.50%。\n"
    )
    line = text.split("\n")[1]
    assert soft_break(text, text.index(line) + len(line)) is not None
    figures = figures_of(text)
    assert one(figures, "基本支出 占比").text == "62.50%"
    total = figures.index(one(figures, "支出"))
    assert [f.text for f in figures if f.parent == total] == ["180.00万元", "300.00 万元"]
    short = "项目支出，\n占 62.50%"  # a short line still ends where its writer ended it
    assert soft_break(short, short.index("\n")) is None


def test_a_word_that_starts_the_next_row_is_not_a_unit() -> None:
    # rows of a table set in spaces: 人 and 日 begin the next rows' names
    row = "项目名称        年初预算        调整预算        决算数        完成率"
    text = (
        f"一、部门支出情况\n{row} 1234.56\n"
        "日常公用经费    100.00          120.00     91.67 2345.67\n"
        "人员经费        200.00          220.00          210.00        95.45\n"
    )
    assert figures_of(text) == ()
    line = "收入支出总计增加了，较上年相比主要是由于项目支出增加的缘故，本年增加 1062.85"
    wrapped = figures_of(f"一、说明\n{line}\n\n万元，增长12.08%。\n")
    assert (wrapped[0].text, wrapped[0].value) == ("1062.85万元", 10628500)
