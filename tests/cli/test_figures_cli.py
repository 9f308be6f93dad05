"""`reportdiff figures FILE`: text and JSON, exit statuses."""

import json

import pytest

from reportdiff.cli import main
from tests.conftest import run_cli

TEXT = (
    "一、收支情况\n"
    "本单位基本支出500万元，其中：人员经费300万元，公用经费200万元。\n"
    "车辆共12辆，增长20%。\n"
)


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_text_lists_figures_with_parts_under_totals(report, capsys):
    status = main(["figures", str(report), "--format", "text"])
    out = capsys.readouterr().out
    assert status == 0
    assert "4 figures" in out.splitlines()[0] or "figures," in out.splitlines()[0]
    lines = {line.split()[1]: line for line in out.splitlines()[2:] if line.strip()}
    assert "5,000,000元" in lines["基本支出"]
    assert "  人员经费" in out
    assert "3,000,000元" in lines["人员经费"]


def test_json_has_figures_with_parents(report, capsys):
    assert main(["figures", str(report), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "reportdiff.figures/1"
    figs = {f["label"]: f for f in data["figures"]}
    assert figs["人员经费"]["parent"] == figs["基本支出"]["index"]
    assert figs["车辆"]["value"] == 12
    assert figs["车辆"]["unit"] == "辆"
    text = TEXT
    assert all(text[f["start"] : f["end"]] == f["text"] for f in data["figures"])


def test_a_failed_check_exits_1(tmp_path, capsys):
    path = tmp_path / "bad.txt"
    path.write_text("基本支出500万元，包含：人员经费300万元，公用经费100万元。\n", encoding="utf-8")
    assert main(["figures", str(path), "--format", "json"]) == 1
    checks = json.loads(capsys.readouterr().out)["checks"]
    assert [c["kind"] for c in checks] == ["sum"]


def test_bad_input_is_one_line_and_status_2(tmp_path):
    result = run_cli("figures", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "missing.txt" in result.stderr


def test_years_and_dates_print_as_such(tmp_path, capsys):
    path = tmp_path / "dated.txt"
    path.write_text("截至2023年12月31日，2023年度车辆9辆。\n", encoding="utf-8")
    main(["figures", str(path), "--format", "text"])
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[2:]]
    assert [row[-2:] for row in rows] == [
        ["2023-12-31", "date"],
        ["2023", "year"],
        ["9辆", "count"],
    ]


def test_compare_all_numbers_lists_unchanged_figures(tmp_path, capsys):
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text("一、概况\n车辆9辆，人员12人。\n", encoding="utf-8")
    new.write_text("一、概况\n车辆9辆，人员14人。\n", encoding="utf-8")
    assert main(["compare", str(old), str(new), "--format", "json"]) == 1
    quiet = json.loads(capsys.readouterr().out)["numbers"]
    main(["compare", str(old), str(new), "--format", "json", "--all-numbers"])
    every = json.loads(capsys.readouterr().out)["numbers"]
    assert [(n["label"], n["status"]) for n in quiet] == [("人员", "changed")]
    assert [(n["label"], n["status"]) for n in every] == [
        ("车辆", "unchanged"),
        ("人员", "changed"),
    ]
    assert every[1]["delta"] == 2
