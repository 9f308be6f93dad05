"""`reportdiff batch`: two years of 22 generated agencies' reports, paired, compared
in parallel, ranked, written as text, CSV, JSON and HTML, and resumed."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from reportdiff.cli import main

from .agency_reports import Plan, agency_name, report_text, write

AGENCIES = 22
ONLY_NEW = 21  # an agency that files its first report this year
PLANS = {
    4: Plan(bad_sum=True),
    9: Plan(bad_sum=True, bad_change=True),
    12: Plan(bad_change=True),
    7: Plan(stale=True),
}


def new_name(i: int) -> str:
    """Some agencies renamed their file this year; the title still names them."""
    if i % 3 == 0:
        return f"{agency_name(i)}2024年自评.txt"
    if i % 3 == 1:
        return f"submission-{i * 37 % 100:02d}.txt"
    return f"dept-{i:02d}-2024.txt"


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("season")
    for i in range(AGENCIES):
        if i != ONLY_NEW:
            write(root / "2023" / f"dept-{i:02d}-2023.txt", report_text(i, 2023))
        write(root / "2024" / new_name(i), report_text(i, 2024, PLANS.get(i, Plan())))
    (root / "2024" / "scanned.docx").write_bytes(b"PK\x03\x04 not really a zip")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    (root / "2024" / "林业局2024年自评.doc").write_bytes(ole)  # sent in Word 97 format
    (root / "2024" / "README.md").write_text("# 2024年各单位自评报告\n", encoding="utf-8")
    return root / "2023", root / "2024"


@pytest.fixture(scope="module")
def season(folders: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "review"
    assert main(["batch", str(folders[0]), str(folders[1]), "-o", str(out), "--jobs", "2"]) == 1
    return out


def summary(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_reports_pair_by_agency_across_renamed_files(season: Path) -> None:
    rows = summary(season)["rows"]
    assert len(rows) == AGENCIES - 1
    for row in rows:
        i = next(i for i in range(AGENCIES) if agency_name(i) == row["agency"])
        assert Path(row["old_path"]).name == f"dept-{i:02d}-2023.txt"
        assert Path(row["new_path"]).name == new_name(i)


def test_what_could_not_be_paired_or_read_is_listed_with_its_reason(season: Path) -> None:
    data = summary(season)
    (unpaired,) = data["unpaired"]
    assert unpaired["side"] == "new"
    assert unpaired["agency"] == agency_name(ONLY_NEW)
    assert unpaired["reason"].startswith("no report of this agency in OLD")
    bad = {Path(b["path"]).name: b["reason"] for b in data["bad_files"]}
    assert sorted(bad) == ["scanned.docx", "林业局2024年自评.doc"]  # a folder's README is not
    assert bad["scanned.docx"].startswith("unreadable:")
    assert "save it as .docx" in bad["林业局2024年自评.doc"]
    text = (season / "summary.txt").read_text(encoding="utf-8")
    assert "scanned.docx: unreadable" in text
    assert "林业局2024年自评.doc: a legacy Word .doc" in text
    assert agency_name(ONLY_NEW) in text


def test_the_ranking_columns_find_the_planted_problems(season: Path) -> None:
    rows = {r["agency"]: r for r in summary(season)["rows"]}
    for i, row in ((i, rows[agency_name(i)]) for i in range(AGENCIES) if i != ONLY_NEW):
        plan = PLANS.get(i, Plan())
        assert (row["checks_failed"] > 0) == plan.bad_sum, row
        assert (row["changes_not_adding_up"] > 0) == plan.bad_change, row
        assert 0 < row["carried_over"] < 1
        assert row["shared_with_others"] is not None
        assert row["sections_added"] == row["sections_removed"] == 0
    assert rows[agency_name(7)]["stale_references"] >= 1
    assert rows[agency_name(9)]["largest_change_pct"] > 0
    assert "→" in rows[agency_name(9)]["largest_change"]


def test_the_summary_puts_the_problem_reports_first(season: Path) -> None:
    order = [r["agency"] for r in summary(season)["rows"]]
    assert order[0] == agency_name(9)  # two problems
    flagged = {agency_name(i) for i in (4, 9, 12)}
    assert set(order[:3]) == flagged
    attention = [r["attention"] for r in summary(season)["rows"]]
    assert attention == sorted(attention, reverse=True)


def test_each_pair_has_its_html_report_linked_from_the_index(season: Path) -> None:
    index = (season / "index.html").read_text(encoding="utf-8")
    for row in summary(season)["rows"]:
        report = season / row["report"]
        html = report.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>")
        assert row["agency"] in html
        assert f'href="{row["report"]}"' in index


def test_the_csv_opens_in_excel_with_its_bom_and_the_same_order(season: Path) -> None:
    raw = (season / "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["agency"] for r in table] == [r["agency"] for r in summary(season)["rows"]]
    assert table[0]["checks failed"] == "1"
    assert table[0]["carried over"].endswith("%")


def test_a_second_run_compares_only_what_changed(
    folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = folders
    copy = shutil.copytree(new, tmp_path / "2024")
    out = tmp_path / "out"
    assert main(["batch", str(old), str(copy), "-o", str(out), "--jobs", "2"]) == 1
    stamps = {p.name: p.stat().st_mtime_ns for p in (out / "pairs").iterdir()}
    revised = copy / new_name(5)
    revised.write_text(report_text(5, 2024, bump=10.0), encoding="utf-8")
    capsys.readouterr()
    assert main(["batch", str(old), str(copy), "-o", str(out), "--jobs", "2"]) == 1
    assert f"{AGENCIES - 2} unchanged since the last run" in capsys.readouterr().out
    again = {p.name: p.stat().st_mtime_ns for p in (out / "pairs").iterdir()}
    changed = {name for name in stamps if again[name] != stamps[name]}
    assert changed == {f"{agency_name(5)}.html"}
    assert summary(out)["reused"] == AGENCIES - 2


def test_sorting_by_another_column(folders: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "by-agency"
    assert main(["batch", *map(str, folders), "-o", str(out), "--sort", "agency"]) == 1
    order = [r["agency"] for r in summary(out)["rows"]]
    assert order == sorted(order)


def test_bad_arguments_are_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(tmp_path / "nope"), str(tmp_path), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is not a directory" in err
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "o")]) == 2
    assert "give both OLD_DIR and NEW_DIR" in capsys.readouterr().err


def test_the_progress_bar_stays_off_a_pipe(season: Path, folders: tuple[Path, Path]) -> None:
    from tests.conftest import run_cli

    done = run_cli("batch", *map(str, folders), "-o", str(season))
    assert done.returncode == 1, done.stderr
    assert "\r" not in done.stderr
    assert os.path.isfile(season / "index.html")


def test_an_output_folder_inside_the_new_folder_is_not_read_as_reports(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = folders
    copy = shutil.copytree(new, tmp_path / "2024")
    out = copy / "review"
    for _ in range(2):
        assert main(["batch", str(old), str(copy), "-o", str(out), "--jobs", "2"]) == 1
    data = summary(out)
    assert len(data["rows"]) == AGENCIES - 1
    assert not any("summary" in s["path"] for s in data["unpaired"] + data["bad_files"])


def test_the_exit_status_is_diffs(folders: tuple[Path, Path], tmp_path: Path) -> None:
    """As diff -r: 0 when every report has its twin, 1 when any pair differs or is missing."""
    old, _ = folders
    same = tmp_path / "same"
    same.mkdir()
    for f in old.iterdir():
        (same / f.name).write_bytes(f.read_bytes())
    assert main(["batch", str(old), str(same), "-o", str(tmp_path / "a"), "--jobs", "2"]) == 0
    next(same.iterdir()).unlink()  # a report without its partner is a difference
    assert main(["batch", str(old), str(same), "-o", str(tmp_path / "b"), "--jobs", "2"]) == 1
    assert len(summary(tmp_path / "b")["unpaired"]) == 1
