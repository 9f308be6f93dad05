"""Figures and checks in the printed compare report and in its JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.options import CompareOptions
from reportdiff.readers import read_document
from reportdiff.render.json import render_json
from reportdiff.render.text import render_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "zh"


@pytest.fixture(scope="module")
def sample():
    old = read_document(SAMPLES / "qingshui-water-2023.txt")
    new = read_document(SAMPLES / "qingshui-water-2024.txt")
    return compare(old, new, CompareOptions(all_numbers=True))


def _row(text: str, label: str) -> list[str]:
    section = text[text.index("\nFigures\n") :]
    line = next(x for x in section.splitlines() if x.strip().startswith(label + " "))
    return line.split()


def test_text_table_shows_change_in_the_reports_unit(sample):
    text = render_text(sample)
    assert _row(text, "基本支出") == [
        "基本支出", "3862.47万元", "4015.20万元", "+152.73万元", "+3.95%", "changed"
    ]  # fmt: skip
    assert _row(text, "差旅费")[3:5] == ["-2.15万元", "-5.69%"]
    rows = [line.split() for line in text.splitlines() if "农村自来水普及率 " in line]
    assert ["农村自来水普及率", "92.6%", "94.1%", "+1.5个百分点", "+1.62%", "changed"] in rows
    assert _row(text, "资本性支出")[-1] == "unchanged"
    assert "-0.3个百分点" in text  # a change of a rate in points: 1.8 → 1.5个百分点


def test_text_lists_the_checks_with_line_and_column_of_the_file(sample):
    text = render_text(sample)
    checks = text[text.index("Checks (the report's own arithmetic)") :]
    assert "[old] sum: 项目支出 1268.50万元" in checks
    assert "[old] change: 政府性基金预算支出" in checks
    figure = next(f for k in sample.checks for f in k.figures if f.text == "1268.50万元")
    line, column = _position_in_file(SAMPLES / "qingshui-water-2023.txt", figure.text)
    assert f"1268.50万元 ({line}:{column})" in checks


def _position_in_file(path: Path, needle: str) -> tuple[int, int]:
    """Where ``needle`` first stands in the file as an editor counts: line:column."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle} not in {path}")


def test_json_numbers_and_checks(sample):
    data = json.loads(render_json(sample))
    basic = next(n for n in data["numbers"] if n["label"] == "基本支出")
    assert basic["old"]["value"] == 38624700
    assert basic["new"]["text"] == "4015.20万元"
    assert data["new"]["text"][basic["new"]["start"] : basic["new"]["end"]] == "4015.20万元"
    assert basic["delta"] == pytest.approx(1527300)
    assert {c["kind"] for c in data["checks"]} == {"sum", "change"}
    assert data["summary"]["checks"] == 2
    for status in ("changed", "added", "removed"):
        counted = sum(n["status"] == status for n in data["numbers"])
        assert data["summary"][f"numbers_{status}"] == counted


def test_docx_pair_finds_the_same_figure_changes(sample):
    old = read_document(SAMPLES / "qingshui-water-2023.docx")
    new = read_document(SAMPLES / "qingshui-water-2024.docx")
    from_docx = compare(old, new)
    key = lambda c: sorted(  # noqa: E731
        (n.status, n.old.text if n.old else "", n.new.text if n.new else "") for n in c.numbers
    )
    changed_txt = [k for k in key(sample) if k[0] != "unchanged"]
    changed_docx = key(from_docx)
    missing = [k for k in changed_txt if k not in changed_docx]
    assert missing == []
