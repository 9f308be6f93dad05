"""The Word redline survives LibreOffice: it opens the file, keeps every revision and
every table with its tracked rows, and accepting or rejecting them all still gives NEW
or OLD."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.model import Document
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.docx import render_docx
from tests.conftest import SAMPLES

sys.path.insert(0, str(Path(__file__).parent))
from redline_reader import W, revision_text, tables

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _squash(text: str) -> str:
    # LibreOffice may rewrap paragraphs and spacing; the words must be the same.
    return re.sub(r"\s+", "", text)


def _rows_pair() -> tuple[Document, Document]:
    """A table whose rows are changed, added and dropped, and that gains a column."""
    old = [["科目", "名称", "金额"], ["201", "一般", "2,932,700"], ["204", "公共安全", "1,633,000"]]
    old.append(["205", "教育", "250,000"])
    new = [old[0], ["201", "一般", "3,296,600"], ["206", "科技", "100,000"], old[3]]
    new.append(["299", "其他", "7,700"])
    wide = [[*row, "1%"] for row in new]
    return _doc("old.txt", old), _doc("new.txt", wide)


def _doc(name: str, rows: list[list[str]]) -> Document:
    text = "一、支出预算\n支出预算如下表。\n" + "".join("\t".join(r) + "\n" for r in rows)
    text += "二、其他说明\n无。\n"
    return Document(name, name, text, blocks_from_lines(text))


def _tracked_rows(data: bytes) -> list[str]:
    """The revision (w:ins or w:del) of each inserted or deleted table row."""
    rows = [tr.find(f"{W}trPr") for tbl in tables(data) for tr in tbl.iter(f"{W}tr")]
    return [el.tag for props in rows if props is not None for el in props if el.tag in _ROW_MARKS]


_ROW_MARKS = (f"{W}ins", f"{W}del")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("pair", ["txt", "docx", "rows"])
def test_libreoffice_keeps_the_revisions(tmp_path: Path, pair: str) -> None:
    if pair == "rows":
        c = compare(*_rows_pair())
    else:
        c = compare(
            read_document(SAMPLES / "zh" / f"qingshui-water-2023.{pair}"),
            read_document(SAMPLES / "zh" / f"qingshui-water-2024.{pair}"),
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
    assert len(tables(converted)) == len(tables(src.read_bytes())) > 0
    tracked = _tracked_rows(src.read_bytes())
    assert sorted(_tracked_rows(converted)) == sorted(tracked)
    assert tracked or pair != "rows"  # the rows pair adds and drops rows
    assert _squash(revision_text(converted, accept=True)) == _squash(c.new.text)
    assert _squash(revision_text(converted, accept=False)) == _squash(c.old.text)
