"""`reportdiff trend` and `reportdiff history` on a temporary archive of two sample years."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdiff.archive import Archive
from reportdiff.cli import main
from reportdiff.core.figures.trend import pick_figure, trend
from reportdiff.model import Figure
from tests.conftest import ROOT

SAMPLES = ROOT / "samples" / "zh"
AGENCY = "清水县水利局"


@pytest.fixture(scope="module")
def qingshui(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("archive")
    archive = Archive(where)
    for year in (2023, 2024):
        archive.add(SAMPLES / f"qingshui-water-{year}.txt", AGENCY, year)
    return where


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_trend_text_and_json(capsys: pytest.CaptureFixture[str], qingshui: Path) -> None:
    status, out, _ = run(capsys, "trend", AGENCY, "基本支出", "--archive", str(qingshui))
    assert status == 0
    assert "2023  3862.47万元" in out
    assert "+152.73万元" in out
    assert "+3.95%" in out
    status, out, _ = run(
        capsys, "trend", AGENCY, "基本支出", "--archive", str(qingshui), "--format", "json"
    )
    years = json.loads(out)["years"]
    assert [y["year"] for y in years] == [2023, 2024]
    assert years[0]["delta"] is None
    assert years[1]["text"] == "4015.20万元"
    assert years[1]["delta"] == pytest.approx(4015.20e4 - 3862.47e4)
    assert all(y["exact"] for y in years)


def test_trend_says_when_a_year_has_several_figures_so_labelled(
    capsys: pytest.CaptureFixture[str], qingshui: Path
) -> None:
    args = ("trend", AGENCY, "农村自来水普及率", "--archive", str(qingshui))
    _, out, _ = run(capsys, *args)
    assert "first of 2 so labelled" in out
    _, out, _ = run(capsys, *args, "--format", "json")
    assert [y["matches"] for y in json.loads(out)["years"]] == [2, 2]


def test_trend_unknown_label_or_agency(capsys: pytest.CaptureFixture[str], qingshui: Path) -> None:
    status, _, err = run(capsys, "trend", AGENCY, "完全无关的标签", "--archive", str(qingshui))
    assert status == 2
    assert err.count("\n") == 1
    assert "no figure labelled" in err
    status, _, err = run(capsys, "trend", "无此单位", "基本支出", "--archive", str(qingshui))
    assert status == 2
    assert "no archived versions" in err


def test_history(capsys: pytest.CaptureFixture[str], qingshui: Path) -> None:
    status, out, _ = run(capsys, "history", AGENCY, "--archive", str(qingshui))
    assert status == 0
    assert "2023  first archived year" in out
    assert "2024  vs 2023:" in out
    assert "carried over" in out
    _, out, _ = run(capsys, "history", AGENCY, "--archive", str(qingshui), "--format", "json")
    first, second = json.loads(out)["years"]
    assert first == {"year": 2023, "previous": None}
    assert second["previous"] == 2023
    assert second["sections_changed"] > 0
    assert second["figures_changed"] > 0
    # The 2024 report reuses much of 2023's wording, but not all of it.
    assert 0.3 < second["carried_over"] < 0.95
    status, _, err = run(capsys, "history", AGENCY, "--kind", "budget", "--archive", str(qingshui))
    assert status == 2
    assert "no archived 'budget' reports" in err
    status, _, err = run(capsys, "history", "无此单位", "--archive", str(qingshui))
    assert status == 2
    assert err.count("\n") == 1


def _fig(label: str, value: float, kind: str = "amount") -> Figure:
    return Figure(
        text=f"{value}万元", value=value * 1e4, unit="元", start=0, end=1, label=label, kind=kind
    )


def test_pick_figure_prefers_exact_then_close_then_nothing() -> None:
    figs = [_fig("基本支出上年", 1), _fig("基本支出", 2), _fig("2023", 3, kind="year")]
    assert pick_figure(figs, "基本支出") == (figs[1], True)
    close = [_fig("项目支出合计", 5)]
    assert pick_figure(close, "项目支出总计") == (close[0], False)
    assert pick_figure(close, "人员编制") is None
    assert pick_figure([_fig("2023", 3, kind="year")], "2023") is None


def test_trend_skips_years_without_the_figure_and_orders_by_year() -> None:
    points = trend([(2024, [_fig("收入", 120)]), (2022, [_fig("收入", 100)]), (2023, [])], "收入")
    assert [p.year for p in points] == [2022, 2024]
    assert points[1].delta == pytest.approx(200000)
    assert points[1].pct == pytest.approx(20.0)


@pytest.mark.parametrize(
    ("written", "bound"),
    [
        ("超过{}人", "≥"),
        ("不少于{}人", "≥"),
        ("{}人以上", "≥"),
        ("不超过{}人", "≤"),
        ("约{}人", "≈"),
    ],
)
def test_trend_keeps_a_figures_bound(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, written: str, bound: str
) -> None:
    """A bounded figure (超过1200人) reads in the trend as compare shows it (≥1200人),
    never as the bare number; the JSON names the bound."""
    archive = Archive(tmp_path / "archive")
    for year, value in ((2023, 1200), (2024, 1350)):
        report = tmp_path / f"{year}.txt"
        report.write_text(
            f"{year}年度培训工作报告\n一、培训情况\n全年培训人数{written.format(value)}。\n",
            encoding="utf-8",
        )
        archive.add(report, "某县人社局", year)
    args = ("trend", "某县人社局", "培训人数", "--archive", str(tmp_path / "archive"))
    status, out, _ = run(capsys, *args, "--format", "json")
    assert status == 0
    years = json.loads(out)["years"]
    assert [y["qualifier"] for y in years] != ["", ""]
    shown = [y["shown"] for y in years]
    assert shown == [f"{bound}{v}人" for v in (1200, 1350)]
    _, out, _ = run(capsys, *args)
    assert all(s in out for s in shown)
