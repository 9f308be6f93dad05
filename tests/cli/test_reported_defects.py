"""Defects a first-time user ran into, each held by a test of the behaviour."""

from __future__ import annotations

import json

import pytest

from reportdiff.cli import main
from reportdiff.core.compare import compare
from reportdiff.core.text.markup import without_markup
from reportdiff.readers import read_document
from reportdiff.render.text import render_text
from reportdiff.scan import find_reports, is_report_name
from tests.conftest import run_cli


def test_archive_log_of_an_unknown_agency_is_trouble(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("一、基本情况\n本单位基本支出500万元。\n", encoding="utf-8")
    archive = ["--archive", str(tmp_path / "archive")]
    assert (
        main(["archive", "add", str(report), "--agency", "甲局", "--year", "2023", *archive]) == 0
    )
    capsys.readouterr()
    assert main(["archive", "log", "甲局", *archive]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    result = run_cli("archive", "log", "乙局", *archive)
    assert result.returncode == 2
    assert result.stderr.startswith("reportdiff: error: no archived versions of '乙局'")
    assert result.stderr.count("\n") == 1


def test_figures_of_one_document_do_not_call_its_checks_new(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text(
        "一、收支情况\n本单位基本支出500万元，其中：人员经费300万元，公用经费100万元。\n",
        encoding="utf-8",
    )
    assert main(["figures", str(report), "--format", "text"]) == 1  # 300 + 100 ≠ 500
    out = capsys.readouterr().out
    checks = out[out.index("Checks") :]
    assert "! sum:" in checks
    assert "[new]" not in out
    assert "(2:" in checks  # the figures' places as line:column


def test_a_repeated_placeholder_is_one_flag_with_its_count(tmp_path):
    blank = "".join(f"{n}、XX局第{n}项工作\nXX局完成了XX项任务。\n" for n in "一二三四五六七八九")
    filled = "".join(
        f"{n}、水利局第{n}项工作\n水利局完成了12项任务。\n" for n in "一二三四五六七八九"
    )
    old, new = tmp_path / "template.txt", tmp_path / "filled.txt"
    old.write_text(blank, encoding="utf-8")
    new.write_text(filled, encoding="utf-8")
    c = compare(read_document(old), read_document(new))
    xx = [f for f in c.boilerplate if f.kind == "template" and "XX" in f.detail]
    assert len(xx) == 1
    assert "27 times" in xx[0].detail
    assert xx[0].text == "XX"
    assert xx[0].start == blank.index("XX")


def test_blank_real_template_as_old_gives_few_placeholder_flags(real_dir):
    c = compare(
        read_document(real_dir / "jsjs_shanghai_template_2024.txt"),
        read_document(real_dir / "jsjs_putuo_caizhengju_2024.txt"),
    )
    placeholders = [f for f in c.boilerplate if "「XX」" in f.detail and f.doc == "old"]
    assert 1 <= len(placeholders) <= 3
    assert sum(int(f.detail.split(", ")[1].split()[0]) for f in placeholders) > 100


def test_distinct_template_sentences_stay_separate_flags(tmp_path):
    text = (
        "一、基本情况\n（由主管部门根据三定方案填写）\n"
        "二、预算执行\n（由财务部门根据决算报表填写）\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    c = compare(doc, doc)
    assert len([f for f in c.boilerplate if f.kind == "template" and f.doc == "new"]) == 2


@pytest.mark.parametrize(
    ("heading", "shown"),
    [
        ("5. **强化反恐防暴。**", "5. 强化反恐防暴。"),
        ("**二、存在问题**", "二、存在问题"),
        ("## 三、__下一步__打算", "三、下一步打算"),
        ("四、2×3 矩阵*说明", "四、2×3 矩阵*说明"),
    ],
)
def test_heading_markup_is_not_shown(heading, shown):
    assert without_markup(heading) == shown


def test_bold_headings_of_the_seed_report_show_plain(seeds_dir):
    old = read_document(seeds_dir / "daoxian-police-2023.txt")
    new = read_document(seeds_dir / "ebian-police-2023.txt")
    assert "**" in old.text + new.text  # the file does have the markers
    text = render_text(compare(old, new))
    outline = text[text.index("Outline") : text.index("\n\n", text.index("Outline"))]
    assert "**" not in outline


def test_scan_skips_the_folders_own_files(tmp_path, capsys):
    body = "一、基本情况\n全面加强预算管理，提高资金使用效益，确保各项工作任务顺利完成。\n"
    for name in ("a.txt", "b.md", "c.txt"):
        (tmp_path / name).write_text(body, encoding="utf-8")
    for name in ("README.md", "LICENSE.txt", "CHANGELOG.md", "requirements.txt", "readme.txt"):
        (tmp_path / name).write_text(body, encoding="utf-8")
    assert [p.name for p in find_reports(tmp_path)] == ["a.txt", "b.md", "c.txt"]
    assert main(["scan", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["documents"]) == 3


@pytest.mark.parametrize(
    ("name", "report"),
    [
        ("2023年度部门决算.txt", True),
        ("readme-first-2023-report.docx", True),
        ("Readme.MD", False),
        ("LICENCE.txt", False),
        ("CODE-OF-CONDUCT.md", False),
        (".hidden.txt", False),
        ("notes.pdf", True),
        ("notes.xlsx", False),
    ],
)
def test_report_names(name, report):
    assert is_report_name(name) is report


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf", "soon"])
def test_timeout_must_be_a_positive_number_of_seconds(tmp_path, value):
    a = tmp_path / "a.txt"
    a.write_text("一、甲\n乙。\n", encoding="utf-8")
    result = run_cli("compare", str(a), str(a), f"--timeout={value}")
    assert result.returncode == 2
    assert "--timeout" in result.stderr
    assert "Traceback" not in result.stderr


def test_timeout_accepts_a_positive_number(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("一、甲\n乙。\n", encoding="utf-8")
    assert main(["compare", str(a), str(a), "--timeout", "0.5", "--format", "json"]) == 0
