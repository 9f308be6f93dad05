"""Text reports with stray bytes: a NUL is a space, binary data is still refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .bounded import run_bounded

_REPORT = (
    "一、基本情况\n本单位主要职能是负责全县的公共安全工作。\n二、绩效目标\n全年完成项目12个。\n"
)


def test_one_nul_byte_does_not_refuse_a_report(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(_REPORT, encoding="utf-8")
    raw = _REPORT.replace("12个", "13个").encode("utf-8")
    cut = raw.index("本单位".encode()) + len("本单位".encode())
    new.write_bytes(raw[:cut] + b"\x00" + raw[cut:])
    run = run_bounded("compare", "--format", "json", str(old), str(new))
    run.assert_bounded()
    assert run.status == 1, run.stderr
    assert "\x00" not in json.loads(run.stdout)["new"]["title"]


def test_gbk_text_with_a_nul_is_read(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes(_REPORT.encode("gbk"))
    new = tmp_path / "new.txt"
    new.write_bytes(_REPORT.encode("gbk").replace(b"\n", b"\x00\n", 1))
    run = run_bounded("compare", "--format", "json", str(old), str(new))
    assert run.status == 0, run.stderr


def test_binary_data_is_still_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text(_REPORT, encoding="utf-8")
    blob = tmp_path / "blob.txt"
    blob.write_bytes(os.urandom(4096) + b"\x00" * 512)
    run = run_bounded("compare", str(old), str(blob))
    run.assert_one_line_error()
    assert "not a text report" in run.stderr
