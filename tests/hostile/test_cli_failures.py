"""Every failure is exit status 2 and one line on stderr; exit 1 means "differs" only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportdiff.cli import main

from .bounded import ROOT, run_bounded

OLD = "一、基本情况\n本单位负责全县的公共安全工作。\n二、绩效目标\n全年完成项目12个。\n"
NEW = OLD.replace("12个", "15个")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_a_bug_is_one_line_and_exit_2_not_a_traceback(monkeypatch, capsys, pair) -> None:
    def broken(args):
        raise KeyError("no such thing")

    monkeypatch.setattr("reportdiff.cli.compare.run", broken)
    monkeypatch.delenv("REPORTDIFF_DEBUG", raising=False)
    status = main(["compare", str(pair[0]), str(pair[1])])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert "unexpected KeyError" in err
    assert "Traceback" not in err


def test_out_of_memory_is_one_line(monkeypatch, capsys, pair) -> None:
    def hungry(args):
        raise MemoryError

    monkeypatch.setattr("reportdiff.cli.compare.run", hungry)
    assert main(["compare", str(pair[0]), str(pair[1])]) == 2
    assert "out of memory" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "nan", "inf", "-1", "-inf", "soon"])
def test_bad_timeouts_are_refused(pair, value: str) -> None:
    run = run_bounded("compare", "--timeout", value, str(pair[0]), str(pair[1]))
    run.assert_one_line_error()
    assert "--timeout" in run.stderr


def test_a_usage_error_is_one_line(pair) -> None:
    run = run_bounded("compare", "--no-such-option", str(pair[0]), str(pair[1]))
    run.assert_one_line_error()


def test_differences_exit_1_and_sameness_0(pair) -> None:
    assert run_bounded("compare", str(pair[0]), str(pair[1])).status == 1
    assert run_bounded("compare", str(pair[0]), str(pair[0])).status == 0


@pytest.mark.parametrize("fmt", ["text", "json", "html", "docx"])
def test_output_naming_an_input_is_refused(pair, fmt: str) -> None:
    run = run_bounded("compare", "--format", fmt, "-o", str(pair[1]), str(pair[0]), str(pair[1]))
    run.assert_one_line_error()
    assert "one of the reports being read" in run.stderr
    assert pair[1].read_text(encoding="utf-8") == NEW


def test_scan_output_inside_the_scanned_folder_over_a_report_is_refused(tmp_path, pair) -> None:
    run = run_bounded("scan", "-o", str(pair[0]), str(tmp_path))
    run.assert_one_line_error()
    assert pair[0].read_text(encoding="utf-8") == OLD


def test_output_to_dev_stdout_works(pair) -> None:
    if not Path("/dev/stdout").exists():
        pytest.skip("no /dev/stdout here")
    # stdout a file the shell redirected to, then a pipe
    run = run_bounded("compare", "--format", "json", "-o", "/dev/stdout", *map(str, pair))
    assert run.status == 1, run.stderr
    assert json.loads(run.stdout)["summary"]
    piped = subprocess.run(
        [sys.executable, "-m", "reportdiff", "compare", "--format", "json", "-o", "/dev/stdout",
         *map(str, pair)],
        capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=False,
    )  # fmt: skip
    assert piped.returncode == 1, piped.stderr
    assert json.loads(piped.stdout)["summary"]


@pytest.mark.parametrize("fmt", ["html", "docx", "json"])
def test_a_full_device_is_one_line(pair, fmt: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    run = run_bounded("compare", "--format", fmt, "-o", "/dev/full", *map(str, pair))
    run.assert_one_line_error()
    assert "No space left" in run.stderr


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_full_disk_during_export_is_one_line_and_leaves_nothing(tmp_path, pair, fmt) -> None:
    out = tmp_path / "out" / f"report.{fmt}"
    out.parent.mkdir()
    run = run_bounded("compare", "--format", fmt, "-o", str(out), *map(str, pair), file_size=2000)
    run.assert_one_line_error()
    assert list(out.parent.iterdir()) == []


def test_kind_with_a_newline_is_refused(tmp_path, pair) -> None:
    run = run_bounded(
        "archive", "add", str(pair[0]), "--agency", "水利局", "--year", "2023",
        "--kind", "report\n", "--archive", str(tmp_path / "ar"),
    )  # fmt: skip
    run.assert_one_line_error()
    assert not (tmp_path / "ar").exists()


@pytest.mark.parametrize("what", ["dangling", "file"])
def test_an_archive_path_that_cannot_be_a_folder_is_one_line(tmp_path, pair, what) -> None:
    where = tmp_path / "ar"
    if what == "dangling":
        where.symlink_to(tmp_path / "missing")
    else:
        where.write_text("not an archive")
    for args in (
        ("archive", "add", str(pair[0]), "--agency", "水利局", "--year", "2023"),
        ("archive", "list"),
    ):
        run = run_bounded(*args, "--archive", str(where))
        run.assert_one_line_error()


def test_a_foreign_git_repository_is_not_written_into(tmp_path, pair) -> None:
    repo = tmp_path / "project"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "--bare", str(repo)], check=True)
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    run = run_bounded(
        "archive", "add", str(pair[0]), "--agency", "水利局", "--year", "2023",
        "--archive", str(repo),
    )  # fmt: skip
    run.assert_one_line_error()
    assert "not a report archive" in run.stderr
    assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == before


def test_a_folder_with_other_files_is_not_made_an_archive(tmp_path, pair) -> None:
    run = run_bounded(
        "archive", "add", str(pair[0]), "--agency", "水利局", "--year", "2023",
        "--archive", str(tmp_path),
    )  # fmt: skip
    run.assert_one_line_error()
    assert not (tmp_path / "HEAD").exists()


def test_the_cli_module_runs_without_a_debug_variable() -> None:
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    out = subprocess.run(
        [sys.executable, "-m", "reportdiff", "--version"],
        capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )  # fmt: skip
    assert out.returncode == 0
