"""The Word redline survives LibreOffice: it opens the file, keeps every revision, and
accepting or rejecting them all still gives NEW or OLD."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.render.docx import render_docx
from tests.conftest import SAMPLES

sys.path.insert(0, str(Path(__file__).parent))
from redline_reader import revision_text

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _squash(text: str) -> str:
    # LibreOffice may rewrap paragraphs and spacing; the words must be the same.
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_keeps_the_revisions(tmp_path: Path) -> None:
    c = compare(
        read_document(SAMPLES / "zh" / "qingshui-water-2023.txt"),
        read_document(SAMPLES / "zh" / "qingshui-water-2024.txt"),
    )
    src = tmp_path / "in" / "redline.docx"
    src.parent.mkdir()
    src.write_bytes(render_docx(c))
    out = tmp_path / "out"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = (out / "redline.docx").read_bytes()
    assert _squash(revision_text(converted, accept=True)) == _squash(c.new.text)
    assert _squash(revision_text(converted, accept=False)) == _squash(c.old.text)
