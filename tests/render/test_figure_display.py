"""How figures and their changes read in the printed report, `reportdiff figures`
and the HTML report: points for rates (in the document's language), bounds kept,
scale words spaced, currency first, unchanged rows blank, long check lists counted."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from reportdiff.cli import main
from reportdiff.core.compare import compare
from reportdiff.core.figures.shown import as_written
from reportdiff.model import Check, Document, Figure, NumberChange
from reportdiff.options import CompareOptions
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.figure_display import change_text
from reportdiff.render.figures import check_lines
from reportdiff.render.html import render_html
from reportdiff.render.positions import Positions
from reportdiff.render.text import render_text
from tests.conftest import SAMPLES

# Fictional, written for these tests: bounded (超过, 以上), approximate (余) and exact.
OLD_ZH = (
    "一、绩效目标\n亡人事故数占比超过60%，视频在线率95%以上，出动警力200余名，"
    "群众满意率92%，基本支出3862.47万元。\n"
)
NEW_ZH = (
    "一、绩效目标\n亡人事故数占比超过65%，视频在线率97%以上，出动警力260余名，"
    "群众满意率93%，基本支出4015.20万元。\n"
)


def _doc(path: str, text: str) -> Document:
    return Document(path, text.split("\n", 1)[0], text, blocks_from_lines(text))


@pytest.fixture(scope="module")
def zh():
    return compare(_doc("old.txt", OLD_ZH), _doc("new.txt", NEW_ZH))


@pytest.fixture(scope="module")
def harbor():
    en = SAMPLES / "en"
    return compare(
        read_document(en / "harbor-transit-2023.md"),
        read_document(en / "harbor-transit-2024.md"),
        CompareOptions(all_numbers=True),
    )


def table_rows(text: str) -> list[list[str]]:
    """The rows of a printed report's Figures table, cut at its column widths
    (terminal cells: label 28, old 16, new 16, Δ 14, % 9, then status)."""
    table = text[text.index("\nFigures\n") :].split("\n\n", 1)[0].splitlines()[3:]
    rows = []
    for line in table:
        cells, cell, used, bounds = [], "", 0, [30, 47, 64, 79, 89]
        for ch in line:
            if bounds and used >= bounds[0]:
                cells.append(cell.strip())
                cell, bounds = "", bounds[1:]
            cell += ch
            used += cell_len(ch)
        rows.append([*cells, cell.strip()])
    return rows


def figure_rows(text: str) -> dict[str, list[str]]:
    """The same rows by label (the first row of each label), empty cells left out."""
    rows: dict[str, list[str]] = {}
    for cells in table_rows(text):
        rows.setdefault(cells[0], [c for c in cells if c])
    return rows


def test_a_rate_changes_in_points_in_chinese(zh):
    rows = figure_rows(render_text(zh))
    assert rows["群众满意率"][1:] == ["92%", "93%", "+1个百分点", "+1.09%", "changed"]
    assert rows["基本支出"][3] == "+152.73万元"


def test_a_rate_changes_in_points_in_english(harbor):
    text = render_text(harbor)
    assert "个百分点" not in text
    rows = figure_rows(text)
    assert rows["On-time departures"][1:4] == ["91.4%", "94.2%", "+2.8 pp"]
    assert rows["Fare revenue rose"][1:4] == ["12.5%", "9.4%", "-3.1 pp"]


def test_a_scale_word_is_spaced_and_currency_comes_first(harbor):
    rows = figure_rows(render_text(harbor))
    assert rows["passengers"][1:4] == ["1.82 million", "1.95 million", "+0.13 million"]
    assert rows["energy"][3] == "-$0.2 million"
    assert as_written(130000, "1.82 million", "") == "0.13 million"
    assert as_written(-200000, "$6.3 million", "$") == "-$0.2 million"
    assert as_written(54, "664名", "人") == "54名"  # as the report counts: 名, not 人


def test_figures_command_writes_currency_before_the_value(capsys):
    assert main(["figures", str(SAMPLES / "en" / "harbor-transit-2023.md")]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if " Operating expenditure " in x)
    assert "$38,600,000" in line
    assert "$" not in line.replace("$38.6 million", "").replace("$38,600,000", "")


def test_bounds_and_approximations_stay_visible(zh):
    rows = figure_rows(render_text(zh))
    assert rows["亡人事故数占比"][1:5] == ["≥60%", "≥65%", "≈+5个百分点", "≈+8.33%"]
    assert rows["视频在线率"][1:3] == ["≥95%", "≥97%"]
    # 余 already says "about": nothing added to the figure, the change is marked
    assert rows["出动警力"][1:4] == ["200余名", "260余名", "≈+60名"]


def test_figures_command_shows_a_bound_in_the_value(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text(OLD_ZH, encoding="utf-8")
    assert main(["figures", str(path)]) == 0
    lines = {x.split()[1]: x.split() for x in capsys.readouterr().out.splitlines()[2:]}
    assert lines["亡人事故数占比"][2:4] == ["60%", "≥60%"]  # as written, value
    assert lines["出动警力"][2:4] == ["200余名", "≈200人"]


def test_unchanged_figures_show_no_change(harbor):
    rows = figure_rows(render_text(harbor))
    assert rows["Bus collision rate target"][1:] == ["2.5", "2.5", "unchanged"]
    assert rows["public piers"][1:] == ["three", "three", "unchanged"]
    zh = SAMPLES / "zh"
    qingshui = compare(
        read_document(zh / "qingshui-water-2023.txt"),
        read_document(zh / "qingshui-water-2024.txt"),
        CompareOptions(all_numbers=True),
    )
    unchanged = [
        r for t in (render_text(harbor), render_text(qingshui)) for r in table_rows(t)
        if r[-1] == "unchanged"
    ]  # fmt: skip
    assert len(unchanged) > 20
    assert all(r[3:5] == ["", ""] for r in unchanged), unchanged  # Δ and % blank


def test_a_check_with_many_figures_counts_the_rest():
    figs = tuple(Figure(f"{i}万元", i * 1e4, "元", i * 10, i * 10 + 3) for i in range(1, 10))
    check = Check("sum", "old", "基本支出 45万元, but its 8 parts add up to 44万元", figs)
    text = "".join(f"{'x' * 9}\n" for _ in range(10))  # offset 10*k is line k+1, column 1
    doc = Document("old.txt", "t", text, ())
    at = {"old": Positions(doc), "new": Positions(doc)}
    lines = check_lines([check], lambda kind, text: text, at)
    assert lines[-1].strip() == (
        "figures: 1万元 (2:1), 2万元 (3:1), 3万元 (4:1), 4万元 (5:1), 5万元 (6:1), "
        "6万元 (7:1), … and 3 more"
    )
    assert "[old]" in lines[1]
    short = check_lines([Check("sum", "old", "m", figs[:6])], lambda kind, text: text, at)
    assert "more" not in short[-1]


def test_html_shows_changes_as_the_text_report_does(zh, harbor):
    zh_html = render_html(zh)
    assert "<td>≥60%</td><td>≥65%</td><td>≈+5个百分点</td><td>≈+8.33%</td>" in zh_html
    assert 'title="群众满意率: 92% → 93% (+1个百分点, +1.09%)"' in zh_html
    en_html = render_html(harbor)
    assert "<td>+2.8 pp</td>" in en_html
    assert "<td>+0.13 million</td>" in en_html
    assert "个百分点" not in en_html


def test_seed_checks_and_bounds(seeds_dir):
    old = read_document(seeds_dir / "daoxian-police-2023.txt")
    new = read_document(seeds_dir / "ebian-police-2023.txt")
    text = render_text(compare(old, new, CompareOptions(all_numbers=True)))
    assert re.search(r"figures: (\S+ \(\d+:\d+\), ){6}… and \d+ more", text)
    assert "≥60%" in text  # 超过60% in the old report


def _rate_change(label: str) -> NumberChange:
    old, new = Figure("5.0%", 5.0, "%", 0, 4, label), Figure("5.2%", 5.2, "%", 0, 4, label)
    return NumberChange(label, "1", "1", old, new, "changed", 0.2, 4.0)


def test_the_label_then_the_document_decides_the_language_of_points():
    assert change_text(_rate_change("On-time departures")).delta == "+0.2 pp"
    assert change_text(_rate_change("增长率"), english=True).delta == "+0.2个百分点"
    # an acronym is no sign of English: the document decides
    assert change_text(_rate_change("GDP")).delta == "+0.2个百分点"
    assert change_text(_rate_change("GDP"), english=True).delta == "+0.2 pp"
    assert change_text(_rate_change(""), english=True).short == "Δ+0.2 pp"


def test_a_per_mille_rate_changes_in_per_mille_points():
    old = Figure("0.9‰", 0.9, "‰", 0, 4, "火灾受害率", "percent")
    new = Figure("0.7‰", 0.7, "‰", 0, 4, "火灾受害率", "percent")
    change = NumberChange("火灾受害率", "1", "1", old, new, "changed", -0.2, -22.22)
    assert change_text(change).delta == "-0.2个千分点"
    assert change_text(change).short == "Δ-0.2个千分点"


# Fictional, written for these tests: figures written to different decimals, and a
# figure that grew some thousandfold.
OLD_DECIMALS = "一、预算\n专项债券3.65万亿元，接待费0.3万元，会议费0.94万元，培训费2993.92万元。\n"
NEW_DECIMALS = "一、预算\n专项债券3.8万亿元，接待费9746.50万元，会议费452.40万元，培训费0万元。\n"


def test_a_change_has_as_many_decimals_as_the_finer_figure():
    c = compare(_doc("old.txt", OLD_DECIMALS), _doc("new.txt", NEW_DECIMALS))
    rows = figure_rows(render_text(c))
    assert rows["专项债券"][1:5] == ["3.65万亿元", "3.8万亿元", "+0.15万亿元", "+4.11%"]
    assert rows["培训费"][3] == "-2,993.92万元"  # not -2,994万元 after 0万元
    assert "<td>+0.15万亿元</td>" in render_html(c)


def test_a_very_large_relative_change_reads_as_a_multiple_within_its_column():
    c = compare(_doc("old.txt", OLD_DECIMALS), _doc("new.txt", NEW_DECIMALS))
    text = render_text(c)
    assert "…" not in text[text.index("\nFigures\n") :]  # nothing cut in the % column
    rows = figure_rows(text)
    assert rows["接待费"][3:5] == ["+9,746.20万元", "×32,488"]
    assert rows["会议费"][4] == "×481"
    pct = {n.label: n.pct for n in c.numbers}
    assert pct["接待费"] == pytest.approx(3248733.33, abs=0.01)  # JSON keeps the number
    assert "<td>×32,488</td>" in render_html(c)


@pytest.mark.parametrize(
    ("pct", "shown"),
    [(4.11, "+4.11%"), (-100.0, "-100.00%"), (999.99, "+999.99%"), (1789.77, "×18.9"),
     (3248733.33, "×32,488"), (5e9, "×5.0e+07"), (-2100.0, "-2100%")],
)  # fmt: skip
def test_relative_change_text(pct, shown):
    from reportdiff.render.figure_display import pct_text

    assert pct_text(pct) == shown


def test_a_table_cell_changes_in_the_tables_unit():
    table = (
        "一、收支预算总表\n\n单位：万元\n\n项目\t预算数\n一般公共服务支出\t{}\n教育支出\t1,000.00\n"
    )
    c = compare(
        _doc("old.txt", table.format("2,940.05")), _doc("new.txt", table.format("2,950.05"))
    )
    (n,) = [n for n in c.numbers if n.status == "changed"]
    assert change_text(n).delta == "+10.00万元"  # not +100,000元: the cells are in 万元
