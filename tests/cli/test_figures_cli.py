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
