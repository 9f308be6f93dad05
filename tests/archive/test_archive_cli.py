from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdiff.archive import ENV_VAR, default_archive_dir
from reportdiff.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_add_list_log_show(
    capsys: pytest.CaptureFixture[str], archive_dir: Path, reports: dict[str, Path]
) -> None:
    a = ("--archive", str(archive_dir))

    def add(year: str) -> tuple[int, str, str]:
        return run(
            capsys,
            "archive",
            "add",
            str(reports[year]),
            "--agency",
            "清河县水利局",
            "--year",
            year,
            *a,
        )

    status, out, _ = add("2022")
    assert status == 0
    assert out.startswith("added: 清河县水利局@2022 as ")
    assert out.rstrip().endswith("(first version)")
    add("2023")
    status, out, _ = add("2023")
    assert out == "unchanged: 清河县水利局@2023 (already archived)\n"

    status, out, _ = run(capsys, "archive", "list", *a)
    rows = out.splitlines()
    assert rows[0].split() == ["agency", "year", "kind", "added", "source"]
    assert [r.split()[:3] for r in rows[1:]] == [
        ["清河县水利局", "2022", "report"],
        ["清河县水利局", "2023", "report"],
    ]
    status, out, _ = run(capsys, "archive", "log", "清河县水利局", *a)
    lines = out.splitlines()
    assert len(lines) == 2
    assert "清河县水利局@2023 added: vs 2022:" in lines[0]
    assert lines[1].endswith("清河县水利局@2022 added: first version")

    status, out, _ = run(capsys, "archive", "show", "清河县水利局@latest", *a)
    assert status == 0
    assert "year:   2023" in out
    assert out.endswith(reports["2023"].read_text(encoding="utf-8"))
    status, out, _ = run(capsys, "archive", "show", "清河县水利局@previous", "--meta", *a)
    assert "source: water-2022.txt" in out
    assert "部门基本情况" not in out


def test_compare_archive_references(
    capsys: pytest.CaptureFixture[str],
    archive_dir: Path,
    reports: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ENV_VAR, str(archive_dir))
    assert default_archive_dir() == archive_dir
    for year in ("2022", "2023"):
        run(
            capsys, "archive", "add", str(reports[year]), "--agency", "清河县水利局", "--year", year
        )
    status, out, _ = run(
        capsys, "compare", "清河县水利局@previous", "清河县水利局@latest", "--format", "json"
    )
    assert status == 1
    data = json.loads(out)
    assert data["old"]["path"] == "清河县水利局@2022"
    assert data["new"]["path"] == "清河县水利局@2023"
    assert data["new"]["text"] == reports["2023"].read_text(encoding="utf-8")
    assert data["summary"]["sections_added"] == 1
    # A file and a reference mix; identical content compares equal (exit 0).
    status, out, _ = run(capsys, "compare", str(reports["2022"]), "清河县水利局@2022")
    assert status == 0
    assert "identical" in out


def test_cli_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], archive_dir: Path, reports: dict[str, Path]
) -> None:
    a = ("--archive", str(archive_dir))
    cases = [
        (("archive", "list", *a), "no report archive at"),
        (("compare", "X@2022", "X@2023", *a), "no report archive at"),
        (
            ("archive", "add", str(reports["2022"]), "--agency", "", "--year", "2022", *a),
            "the agency name is empty",
        ),
        (
            ("archive", "add", str(reports["2022"]), "--agency", "A", "--year", "22", *a),
            "the year must be four digits",
        ),
        (
            (
                "archive",
                "add",
                str(reports["2022"]),
                "--agency",
                "A",
                "--year",
                "2022",
                "--kind",
                "../x",
                *a,
            ),
            "the kind must be",
        ),
    ]
    for args, message in cases:
        status, _, err = run(capsys, *args)
        assert status == 2, args
        assert err.count("\n") == 1, err
        assert message in err
    run(capsys, "archive", "add", str(reports["2022"]), "--agency", "A", "--year", "2022", *a)
    status, _, err = run(capsys, "compare", "A@2022", "A@2031", *a)
    assert status == 2
    assert err == "reportdiff: error: no archived 2031 version of 'A' (have: 2022)\n"
    status, _, err = run(capsys, "compare", "A@2022", "missing.txt", *a)
    assert err == "reportdiff: error: missing.txt: no such file\n"


@pytest.mark.parametrize(
    ("file_year", "given", "warned"), [("2022", "2023", True), ("2023", "2023", False)]
)
def test_a_report_added_under_another_year_than_its_title_is_warned_of(
    capsys: pytest.CaptureFixture[str],
    archive_dir: Path,
    reports: dict[str, Path],
    file_year: str,
    given: str,
    warned: bool,
) -> None:
    args = ("--agency", "清河县水利局", "--year", given, "--archive", str(archive_dir))
    status, out, err = run(capsys, "archive", "add", str(reports[file_year]), *args)
    assert status == 0  # stored as asked: the archive keeps every revision
    assert out.startswith(f"added: 清河县水利局@{given}")
    if warned:
        assert err.count("\n") == 1
        assert f"its title names {file_year}, not {given}: check --year" in err
    else:
        assert err == ""
