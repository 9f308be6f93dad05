"""File names that are not UTF-8, and names and notes that carry terminal escapes."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest

from reportdiff.archive import Archive
from reportdiff.archive.reviews import ArchiveReviewStore
from reportdiff.review import ReviewState
from reportdiff.safetext import safe_line, safe_text, shown_name, spreadsheet_cell

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


FORMULAS = ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)")


def test_csv_cells_never_start_a_spreadsheet_formula(tmp_path: Path) -> None:
    """Report text and file names reach Excel and WPS; a cell must not run as a formula."""
    shared = "".join(
        f"{f}本单位严格执行预算管理制度，按照财政部门的要求及时公开部门预算和决算信息。\n"
        for f in FORMULAS
    )
    for i, f in enumerate(FORMULAS):
        name = f"{f[0]}report{i}.txt"  # file names starting like a formula, too
        _write(tmp_path, name, f"一、基本情况\n{shared}二、其他\n第{i}个单位的情况。\n")
    for table in ("documents", "clusters"):
        run = run_bounded("scan", str(tmp_path), "--format", "csv", "--table", table)
        assert run.status == 0, run.stderr
        rows = list(csv.reader(io.StringIO(run.stdout.decode("utf-8-sig"))))
        texts = [cell for row in rows[1:] for cell in row if not cell.replace(".", "").isdigit()]
        assert texts, rows
        assert not [c for c in texts if c[:1] in "=+-@"], rows
        assert any(c.startswith("'=") or c.startswith("'+") for c in texts), rows


def test_the_spreadsheet_guard_quotes_formulas_only() -> None:
    for f in FORMULAS:
        assert spreadsheet_cell(f) == "'" + f
    for plain in ("道县公安局", "report 2023.txt", "5105.15万元 → 5322.40万元", ""):
        assert spreadsheet_cell(plain) == plain
    assert spreadsheet_cell("=x\x1b[2J") == "'=x\\x1b[2J"
