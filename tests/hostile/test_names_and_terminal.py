"""File names that are not UTF-8, and names and notes that carry terminal escapes."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from reportdiff.archive import Archive
from reportdiff.archive.reviews import ArchiveReviewStore
from reportdiff.review import ReviewState
from reportdiff.safetext import safe_line, safe_text, shown_name

from .bounded import run_bounded

OLD = "一、基本情况\n本单位负责全县的公共安全工作。\n二、绩效目标\n全年完成项目12个。\n"
NEW = OLD.replace("12个", "15个")
GBK_NAME = "你好".encode("gbk") + b".txt"  # as unzipped on Linux from a Chinese archive
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\u202e"

needs_bytes_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="file names here are always Unicode"
)


def _no_escapes(text: str) -> None:
    for ch in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert ch not in text, repr(text)


def _write(folder: Path, name: bytes | str, text: str) -> Path:
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))
    return Path(os.fsdecode(path))


@needs_bytes_names
def test_a_gbk_file_name_gives_valid_utf8_json(tmp_path: Path) -> None:
    old = _write(tmp_path, b"old.txt", OLD)
    new = _write(tmp_path, GBK_NAME, NEW)
    out = tmp_path / "out.json"
    run = run_bounded("compare", "--format", "json", "-o", str(out), str(old), os.fsencode(new))
    assert run.status == 1, run.stderr
    data = json.loads(out.read_bytes().decode("utf-8"))
    assert data["new"]["path"].endswith("\\xc4\\xe3\\xba\\xc3.txt")
    stdout = run_bounded("compare", "--format", "json", str(old), os.fsencode(new))
    json.loads(stdout.stdout.decode("utf-8"))


@needs_bytes_names
def test_a_gbk_file_name_can_be_archived_and_scanned(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    report = _write(folder, GBK_NAME, NEW)
    _write(folder, b"other.txt", OLD)
    archive = tmp_path / "ar"
    run = run_bounded(
        "archive", "add", os.fsencode(report), "--agency", "公安局", "--year", "2023",
        "--archive", str(archive),
    )  # fmt: skip
    assert run.status == 0, run.stderr
    listed = run_bounded("archive", "list", "--archive", str(archive))
    assert "\\xc4\\xe3\\xba\\xc3.txt" in listed.stdout.decode("utf-8")
    out = tmp_path / "scan.json"
    run = run_bounded("scan", "--format", "json", "-o", str(out), str(folder))
    assert run.status == 0, run.stderr
    paths = json.loads(out.read_bytes().decode("utf-8"))["documents"]
    assert any("\\xc4" in d["path"] for d in paths), paths


@needs_bytes_names
def test_escapes_in_a_file_name_do_not_reach_the_terminal(tmp_path: Path) -> None:
    old = _write(tmp_path, b"old.txt", OLD)
    new = _write(tmp_path, f"new{ESCAPES}.txt", NEW)
    run = run_bounded("compare", "--format", "text", str(old), str(new))
    assert run.status == 1
    _no_escapes(run.stdout.decode("utf-8"))
    assert "\\x1b]0;pwned" in run.stdout.decode("utf-8")
    missing = run_bounded("compare", str(old), str(tmp_path / f"gone{ESCAPES}.txt"))
    missing.assert_one_line_error()
    _no_escapes(missing.stderr)
    scan = run_bounded("scan", str(tmp_path))
    assert scan.status == 0, scan.stderr
    _no_escapes(scan.stdout.decode("utf-8"))


def test_escapes_in_review_notes_and_names_do_not_reach_the_terminal(tmp_path: Path) -> None:
    report = _write(tmp_path, b"r.txt", OLD)
    archive = Archive(tmp_path / "ar")
    version = archive.add(report, "公安局", 2023).version
    state = ReviewState("k" * 32, old_path=f"x{ESCAPES}.txt")
    state.set_note("1>1", f"see {ESCAPES}\nforged line")
    ArchiveReviewStore(archive, version, None).save(state)
    run = run_bounded("archive", "reviews", "公安局@2023", "--archive", str(archive.path))
    assert run.status == 0, run.stderr
    out = run.stdout.decode("utf-8")
    _no_escapes(out)
    assert "\\x0aforged line" in out  # a note cannot forge a line of its own


def test_the_sanitiser_shows_what_it_escapes() -> None:
    assert safe_line("a\x1b[2Jb\nc") == "a\\x1b[2Jb\\x0ac"
    assert safe_text("a\x1b[2Jb\nc\td") == "a\\x1b[2Jb\nc\td"
    assert safe_line("\u202eabc\u2066") == "\\u202eabc\\u2066"
    assert safe_line("\x9b31m") == "\\x9b31m"
    assert shown_name(b"\xc4\xe3.txt".decode("utf-8", "surrogateescape")) == "\\xc4\\xe3.txt"
    assert safe_line("道县公安局 Report 2023") == "道县公安局 Report 2023"
