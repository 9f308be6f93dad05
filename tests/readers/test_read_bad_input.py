"""Inputs that are not reports: each gets one clear line and exit status 2."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from reportdiff.errors import InputError
from reportdiff.options import MAX_DOCX_BYTES, MAX_TEXT_BYTES
from reportdiff.readers import read_document
from tests.conftest import run_cli

GOOD = "一、总体情况\n本年度支出增加。\n"


def _empty(p: Path) -> Path:
    p.write_bytes(b"")
    return p


def _blank(p: Path) -> Path:
    p.write_text(" \n\u3000\t\r\n\u200b\n", encoding="utf-8")
    return p


def _binary(p: Path) -> Path:
    p.write_bytes(bytes(range(256)) * 8)
    return p


def _controls(p: Path) -> Path:
    p.write_bytes(b"\x01\x02\x03abc\x04\x05\x06\x07\x08\x0e\x0f" * 20)
    return p


def _legacy_doc(p: Path) -> Path:
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    return p


def _pdf(p: Path) -> Path:
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    return p


def _other_zip(p: Path) -> Path:
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("notes.txt", GOOD)
    return p


def _truncated_zip(p: Path) -> Path:
    body = "".join(f"<w:p>段落{i}：{i * 7919 % 10007}</w:p>" for i in range(2000))
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document>{body}</w:document>")
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])  # cut off, central directory and all
    return p


def _text_named_docx(p: Path) -> Path:
    p.write_text(GOOD, encoding="utf-8")
    return p


def _huge_text(p: Path) -> Path:
    with p.open("wb") as f:
        f.truncate(max(MAX_TEXT_BYTES, MAX_DOCX_BYTES) + 1)  # sparse: no data written
    return p


def _directory(p: Path) -> Path:
    p.mkdir()
    return p


def _missing(p: Path) -> Path:
    return p


BAD = {
    "empty": ("empty.txt", _empty, "is empty"),
    "whitespace": ("blank.txt", _blank, "only whitespace"),
    "binary": ("data.bin", _binary, "not a text report"),
    "controls": ("ctl.txt", _controls, "binary data"),
    "legacy-doc": ("old.doc", _legacy_doc, "save it as .docx"),
    "wps": ("old.wps", _legacy_doc, "WPS .wps"),
    "pdf": ("report.pdf", _pdf, "damaged or truncated PDF"),
    "other-zip": ("notes.zip", _other_zip, "not a Word .docx"),
    "truncated-zip": ("cut.docx", _truncated_zip, "damaged"),
    "text-named-docx": ("fake.docx", _text_named_docx, "not a zip"),
    "huge": ("huge.txt", _huge_text, "limit"),
    "directory": ("folder", _directory, "is a directory"),
    "missing": ("absent.txt", _missing, "no such file"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_raises_one_line_input_error(tmp_path, kind):
    name, make, words = BAD[kind]
    path = make(tmp_path / name)
    with pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert words in message
    assert message.startswith(str(path) + ": ")
    assert "\n" not in message


def test_sparse_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = _huge_text(tmp_path / "huge.txt")
    opened = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(InputError):
        read_document(path)
    assert path not in opened


def test_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(InputError, match="not a regular file"):
        read_document(path)


@pytest.mark.parametrize("kind", ["empty", "binary", "legacy-doc", "truncated-zip", "directory"])
def test_cli_exits_2_with_one_line(tmp_path, kind):
    name, make, words = BAD[kind]
    bad = make(tmp_path / name)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    for args in ((bad, good), (good, bad)):
        result = run_cli("compare", *map(str, args))
        assert result.returncode == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert words in lines[0]
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
