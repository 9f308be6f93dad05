"""`reportdiff textconv` alone and as a real git diff driver."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, run_cli

ZH = SAMPLES / "zh"


def test_textconv_prints_normalised_text() -> None:
    r = run_cli("textconv", str(ZH / "qingshui-water-2023.docx"))
    assert r.returncode == 0
    assert r.stdout.startswith("清水县水利局2023年度部门整体支出绩效自评报告\n")
    assert "一、部门基本情况" in r.stdout


def test_textconv_writes_utf8_whatever_the_locale() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run(
        [sys.executable, "-m", "reportdiff", "textconv", str(ZH / "qingshui-water-2023.txt")],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").startswith("清水县水利局2023年度")


def test_textconv_bad_input_is_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    r = run_cli("textconv", str(fake))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1
    assert "not a Word .docx" in r.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_diff_shows_readable_text(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT / "src"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=tmp_path, env=env, capture_output=True, check=True
        )
        return done.stdout.decode("utf-8")

    git("init", "-q")
    git("config", "user.name", "T")
    git("config", "user.email", "t@example.org")
    git("config", "core.quotepath", "off")
    git("config", "diff.reportdiff.textconv", f"{sys.executable} -m reportdiff textconv")
    (tmp_path / ".gitattributes").write_text("*.docx diff=reportdiff\n", encoding="utf-8")
    report = tmp_path / "report.docx"
    shutil.copyfile(ZH / "qingshui-water-2023.docx", report)
    git("add", ".")
    git("commit", "-q", "-m", "2023")
    shutil.copyfile(ZH / "qingshui-water-2024.docx", report)
    diff = git("diff", "report.docx")
    assert "Binary files" not in diff
    assert "-清水县水利局2023年度部门整体支出绩效自评报告" in diff
    assert "+清水县水利局2024年度部门整体支出绩效自评报告" in diff
