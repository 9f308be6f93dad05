"""`reportdiff batch --archive DIR`: every agency's latest archived year against its
previous one."""

from __future__ import annotations

import json
from pathlib import Path

from reportdiff.archive import Archive
from reportdiff.cli import main

from .agency_reports import Plan, agency_name, report_text, write


def test_the_archive_compares_each_agencys_last_two_years(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    for i in range(3):
        for year in (2022, 2023, 2024):
            plan = Plan(bad_sum=True) if (i, year) == (1, 2024) else Plan()
            f = write(tmp_path / "in" / f"{i}-{year}.txt", report_text(i, year, plan))
            archive.add(f, agency_name(i), year)
    lone = write(tmp_path / "in" / "lone.txt", report_text(5, 2024))
    archive.add(lone, agency_name(5), 2024)
    out = tmp_path / "out"
    assert main(["batch", "--archive", str(archive.path), "-o", str(out), "--jobs", "2"]) == 1
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    rows = data["rows"]
    assert rows[0]["agency"] == agency_name(1)
    assert {(r["old_path"], r["new_path"]) for r in rows} == {
        (f"{agency_name(i)}@2023", f"{agency_name(i)}@2024") for i in range(3)
    }
    assert all((out / r["report"]).is_file() for r in rows)
    (single,) = data["unpaired"]
    assert single["agency"] == agency_name(5)
    assert "only 2024 is archived" in single["reason"]
