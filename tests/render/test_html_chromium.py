"""The HTML report renders in a real browser (headless Chromium) with no network."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.render.html import render_html
from tests.conftest import SAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_html_report_renders_in_chromium(tmp_path: Path) -> None:
    c = compare(
        read_document(SAMPLES / "zh" / "qingshui-water-2023.txt"),
        read_document(SAMPLES / "zh" / "qingshui-water-2024.txt"),
    )
    page = tmp_path / "review.html"
    page.write_text(render_html(c), encoding="utf-8")
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            profile,
            "--window-size=1280,1000",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1280, 1000)
    assert len(png) > 50_000  # a page of text and colour, not a blank screen
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, profile, "--dump-dom", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
        text=True,
    ).stdout
    assert "部门基本情况" in dom
    assert "<ins" in dom
