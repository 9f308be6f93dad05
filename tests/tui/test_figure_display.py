"""The review app shows figures and their changes as the printed report does: a
rate's change in points (个百分点 / pp), bounds kept, the same text in the figures
table, in the inline notes and in `compare --format text`."""

from __future__ import annotations

from html import unescape

from reportdiff.render.text import render_text
from reportdiff.tui import build_app

from .conftest import comparison_of

# Fictional, written for these tests.
OLD_ZH = (
    "一、绩效目标\n亡人事故数占比超过60%，群众满意率92%，基本支出3862.47万元。\n"
    "二、存在的问题\n部分项目进度偏慢。\n"
)
NEW_ZH = (
    "一、绩效目标\n亡人事故数占比超过65%，群众满意率93%，基本支出4015.20万元。\n"
    "二、存在的问题\n部分项目进度偏慢。\n"
)
OLD_EN = "1. SERVICE\nOn-time departures reached 91.4% of sailings in the year.\n"
NEW_EN = "1. SERVICE\nOn-time departures reached 94.2% of sailings in the year.\n"


async def table_and_screen(c) -> tuple[dict[str, list[str]], str]:
    """The figures table's rows by label, and the screen's text, as shown."""
    app = build_app(c)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # the figures table
        await pilot.pause()
        table = app.query_one("#figures-table")
        rows = {}
        for key in table.rows:
            cells = [str(x) for x in table.get_row(key)]
            rows[cells[0]] = cells
        screen = unescape(app.export_screenshot()).replace("\u00a0", " ")
    return rows, screen


async def test_a_rate_changes_in_points_in_the_table_and_inline():
    c = comparison_of(OLD_ZH, NEW_ZH)
    rows, screen = await table_and_screen(c)
    assert rows["群众满意率"][1:5] == ["92%", "93%", "+1个百分点", "+1.09%"]
    assert "Δ+1个百分点" in screen  # not "Δ+1.1%", which reads as the rate itself
    assert rows["基本支出"][3:5] == ["+152.73万元", "+3.95%"]
    assert "Δ+3.95%" in screen  # for an amount the relative change says most
    printed = render_text(c)  # the same words as the printed report
    assert "+1个百分点     +1.09%" in printed
    assert "+152.73万元    +3.95%" in printed


async def test_a_bound_is_shown_and_its_change_marked_approximate():
    rows, screen = await table_and_screen(comparison_of(OLD_ZH, NEW_ZH))
    assert rows["亡人事故数占比"][1:5] == ["≥60%", "≥65%", "≈+5个百分点", "≈+8.33%"]
    assert "Δ≈+5个百分点" in screen


async def test_an_english_report_speaks_of_percentage_points():
    rows, screen = await table_and_screen(comparison_of(OLD_EN, NEW_EN))
    row = next(r for r in rows.values() if r[1] == "91.4%")
    assert row[2:4] == ["94.2%", "+2.8 pp"]
    assert "Δ+2.8 pp" in screen
    assert "百分点" not in screen


async def test_a_change_has_the_decimals_of_both_figures_and_a_large_one_reads_as_a_multiple():
    old = "一、预算\n专项债券3.65万亿元，接待费0.3万元。\n"
    new = "一、预算\n专项债券3.8万亿元，接待费9746.50万元。\n"
    c = comparison_of(old, new)
    rows, screen = await table_and_screen(c)
    assert rows["专项债券"][3:5] == ["+0.15万亿元", "+4.11%"]  # not +0.1万亿元
    assert rows["接待费"][3:5] == ["+9,746.20万元", "×32,488"]  # not +3248733.33%
    assert "Δ×32,488" in screen
    assert "+0.15万亿元    +4.11%" in render_text(c)
