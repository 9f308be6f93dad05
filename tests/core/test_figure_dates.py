"""Dates across two reports: the year shift, what counts as moved, and the samples'
and real reports' dates."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.figures.dates import date_change, date_delta_text, date_figures, ymd_span
from reportdiff.model import Document, Figure
from reportdiff.options import CompareOptions
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.html import render_html
from reportdiff.render.json import comparison_to_dict
from reportdiff.render.text import render_text
from reportdiff.tui.marks import build_marks

from .figure_helpers import doc_of, figures_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _date(text: str) -> Figure:
    (f,) = date_figures(text, figures_of(text))
    return f


def _moved(old: str, new: str, shift: int = 1) -> tuple[str, float | None, str]:
    n = date_change(_date(old), _date(new), shift, "")
    return n.status, n.delta, date_delta_text(n)


def _dates(c) -> list[tuple[str, str, str, str]]:
    return [
        (n.status, n.old.text if n.old else "", n.new.text if n.new else "", date_delta_text(n))
        for n in c.numbers
        if (n.old or n.new).kind == "date" and n.status != "unchanged"
    ]


def test_a_date_reads_as_year_month_day():
    assert ymd_span(_date("截至2023年12月31日。")) == ((2023, 12, 31), None)
    assert ymd_span(_date("工程于2023年3月开工。")) == ((2023, 3, 0), None)
    assert ymd_span(_date("11月底完成。")) == ((0, 11, 0), None)
    assert ymd_span(_date("力争2025年底前完成。")) == ((2025, 0, 0), None)


def test_a_range_is_one_date_whose_end_takes_the_start_month():
    f = _date("6月17日至20日强降雨期间，转移群众。")
    assert (f.text, f.label) == ("6月17日至20日", "…强降雨期间")
    assert ymd_span(f) == ((0, 6, 17), (0, 6, 20))
    assert ymd_span(_date("6月28日-7月3日开展演练。")) == ((0, 6, 28), (0, 7, 3))


def test_bare_years_are_not_dates():
    assert date_figures("2023年度本局车辆10辆。", figures_of("2023年度本局车辆10辆。")) == []


def test_a_date_moved_by_the_shift_or_not_at_all_is_unchanged():
    assert _moved("截至2023年12月31日。", "截至2024年12月31日。") == ("unchanged", 0.0, "")
    assert _moved("于2021年6月到期。", "于2021年6月到期。") == ("unchanged", 0.0, "")
    assert _moved("于6月18日开展。", "于6月18日开展。") == ("unchanged", 0.0, "")


def test_a_date_moved_otherwise_is_changed_by_days_months_or_years():
    assert _moved("于2023年9月30日前完成。", "于2024年10月15日前完成。") == ("changed", 15, "+15天")
    assert _moved("于2023年9月30日前完成。", "于2023年10月15日前完成。") == ("changed", 15, "+15天")
    assert _moved("工程于2023年3月开工。", "工程于2024年5月开工。") == ("changed", 61, "+2个月")
    assert _moved("力争2025年底前完成。", "力争2027年底前完成。") == ("changed", 365, "+1年")
    assert _moved("于6月24日开展。", "于6月17日开展。") == ("changed", -7, "-7天")


def test_a_range_whose_end_alone_moved_is_changed():
    assert _moved("6月17日至20日开展。", "6月17日至22日开展。") == ("changed", 2, "+2天")


def test_a_new_event_told_in_last_years_words_is_not_a_moved_date():
    old = doc_of("一、工作开展情况\n我局于5月25日成功侦破省督“某APP”组织卖淫案，抓获12名。\n")
    new = doc_of("一、工作开展情况\n我局于8月3日成功侦破部督“某平台”网络赌博案，抓获5名。\n")
    c = compare(old, new)
    assert _dates(c) == [("removed", "5月25日", "", ""), ("added", "", "8月3日", "")]


def test_the_shift_comes_from_the_reports_not_from_one_date():
    """Titles name 2023 and 2024; the one date moving by two years has moved."""
    old = _titled(2023, "一、概况\n2023年度任务于2023年9月30日前完成。\n")
    new = _titled(2024, "一、概况\n2024年度任务于2025年9月30日前完成。\n")
    assert _dates(compare(old, new)) == [("changed", "2023年9月30日", "2025年9月30日", "+1年")]


def _titled(year: int, body: str) -> Document:
    text = f"清水县水利局{year}年度部门整体支出绩效自评报告\n{body}"
    title = text.split("\n")[0]
    return Document(path=f"{year}.txt", title=title, text=text, blocks=blocks_from_lines(text))


def test_a_date_left_standing_is_left_to_the_stale_check():
    body = (
        "一、基本情况\n{y}年度本局车辆10辆。\n二、工作开展情况\n2023年6月，我局组织开展"
        "全县水利工程安全隐患排查整治专项行动，覆盖全部小型水库和重点堤段。\n"
    )
    old, new = _titled(2023, body.format(y=2023)), _titled(2024, body.format(y=2024))
    c = compare(old, new, CompareOptions(all_numbers=True))
    (n,) = [n for n in c.numbers if n.new.kind == "date"]
    assert (n.new.text, n.status) == ("2023年6月", "unchanged")
    (stale,) = [f for f in c.boilerplate if f.kind == "stale"]
    assert stale.start <= n.new.start < stale.end
    assert "2023年" in stale.detail


def test_qingshui_reports_exactly_its_moved_added_and_removed_dates():
    old = read_document(SAMPLES / "zh" / "qingshui-water-2023.txt")
    new = read_document(SAMPLES / "zh" / "qingshui-water-2024.txt")
    c = compare(old, new, CompareOptions(all_numbers=True))
    paired = {n.old.text: (n.new.text, n.status) for n in c.numbers if n.old and n.new}
    assert paired["2023年3月"] == ("2024年3月", "unchanged")  # 工程于…开工, a year on
    assert paired["2023年12月31日"] == ("2024年12月31日", "unchanged")
    assert _dates(c) == [
        ("added", "", "2024年6月", ""),
        ("changed", "6月17日至20日", "6月24日至27日", "+7天"),
        ("removed", "12月", "", ""),
        ("added", "", "2024年底", ""),  # in the section added in 2024
        ("added", "", "2025年底", ""),
    ]


def test_a_date_change_in_the_text_report_json_html_and_review_ui():
    old = doc_of("一、概况\n2023年度任务于2023年9月30日前完成。\n")
    new = doc_of("一、概况\n2024年度任务于2024年10月15日前完成。\n")
    c = compare(old, new)
    (row,) = [line for line in render_text(c).splitlines() if line.startswith("  2024年度任务")]
    assert row.split()[-3:] == ["2024年10月15日", "+15天", "changed"]
    (n,) = comparison_to_dict(c)["numbers"]
    assert (n["delta"], n["pct"], n["new"]["kind"]) == (15.0, None, "date")
    assert "<td>2024年10月15日</td><td>+15天</td>" in render_html(c)
    notes = build_marks(c)["new"].notes_in(0, len(new.text))
    assert [(note.at, note.text) for note in notes] == [(c.numbers[0].new.end, " Δ+15天")]


def test_baishi_years_moved_by_one_report_nothing():
    old = read_document(SAMPLES / "zh" / "baishi-police-2023.txt")
    new = read_document(SAMPLES / "zh" / "baishi-police-2024.txt")
    c = compare(old, new, CompareOptions(all_numbers=True))
    dates = [
        (n.old.text, n.new.text, n.status) for n in c.numbers if n.new and n.new.kind == "date"
    ]
    assert dates == [("2023年末", "2024年末", "unchanged")]
    assert not any((n.old or n.new).kind == "year" for n in c.numbers)


@pytest.mark.parametrize("years", [(2022, 2023), (2023, 2024)])
def test_government_work_reports_dates_move_with_the_year(real_dir, years):
    """The titles name no year and the most cited year of 2023's is 2022: the date
    each report was delivered, a year apart, sets the shift."""
    old, new = (read_document(real_dir / f"gwr_national_{y}.txt") for y in years)
    c = compare(old, new, CompareOptions(all_numbers=True))
    (delivered,) = [n for n in c.numbers if n.old and n.new and n.new.kind == "date"]
    assert delivered.new.text == f"{years[1]}年3月5日"
    assert delivered.status == "unchanged"
    assert not [d for d in _dates(c) if d[0] == "changed"]


def test_cross_agency_dates_are_not_paired(seeds_dir):
    old = read_document(seeds_dir / "daoxian-police-2023.txt")
    new = read_document(seeds_dir / "ebian-police-2023.txt")
    c = compare(old, new, CompareOptions(all_numbers=True))
    dates = [n for n in c.numbers if (n.old or n.new).kind == "date"]
    assert len(dates) > 10
    assert all(n.old is None or n.new is None for n in dates)


_DATE_FORMS = [
    # written, the parts it states, the parts its range's end states
    ("{y}年{m}月{d}日", "ymd", None),
    ("{y}年{m}月", "ym", None),
    ("{m}月{d}日", "md", None),
    ("{y}年底", "y", None),
    ("{m}月{d}日至{e}日", "md", "md"),
    ("{y}年{m}月{d}日至{m2}月{e}日", "ymd", "ymd"),
]


@pytest.mark.parametrize(("form", "stated", "range_stated"), _DATE_FORMS)
def test_a_date_figure_holds_its_parts_and_the_day_it_names(form, stated, range_stated):
    for y, m, d in ((2023, 9, 20), (2024, 2, 29), (2025, 12, 1), (2021, 6, 17)):
        e, m2 = min(d + 3, 28), min(m + 1, 12)
        written = form.format(y=y, m=m, d=d, e=e, m2=m2)
        f = _date(f"一、概况\n工程于{written}开工建设。\n")
        assert f.date is not None, written
        want = (y if "y" in stated else None, m if "m" in stated else None)
        assert (f.date.year, f.date.month) == want
        assert f.date.day == (d if "d" in stated else None)
        full = stated == "ymd"
        assert f.date.as_date() == (datetime.date(y, m, d) if full else None)
        if range_stated is None:
            assert f.date.last is None
        else:
            assert f.date.last is not None
            # the end takes the parts it leaves out from the start
            end_month = m2 if "{m2}" in form else m
            assert (f.date.last.month, f.date.last.day) == (end_month, e)
            assert f.date.last.year == f.date.year


def test_dates_in_the_json_carry_their_parts_and_iso_day():
    old = doc_of("一、工程\n工程于2023年9月20日开工，2023年11月竣工。\n")
    new = doc_of("一、工程\n工程于2024年10月15日开工，2024年12月竣工。\n")
    data = comparison_to_dict(compare(old, new))
    dates = [
        side
        for n in data["numbers"]
        for side in (n["old"], n["new"])
        if side is not None and side["kind"] == "date"
    ]
    assert {d["date"]["iso"] for d in dates} == {"2023-09-20", "2024-10-15", None}
    for d in dates:
        assert d["date"]["year"] in (2023, 2024)
        assert (d["date"]["day"] is None) == (d["date"]["iso"] is None)
