"""Hostile or broken .docx files are refused before python-docx parses them."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from reportdiff.errors import InputError
from reportdiff.readers import read_document, zipguard
from tests.conftest import run_cli
from tests.readers.docx_builder import new_document, save

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    + "]>\n"
).replace("&lol0;", "&lol;")


def valid_docx(tmp_path: Path, name: str = "ok.docx") -> Path:
    d = new_document()
    d.add_paragraph("一、总体情况")
    d.add_paragraph("本年度支出增加。")
    return save(d, tmp_path / name)


def rewrite(src: Path, dst: Path, replace: dict[str, bytes], extra: int = 0) -> Path:
    """A copy of a .docx with some members replaced and ``extra`` empty members added."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info)))
        for i in range(extra):
            zout.writestr(f"customXml/extra{i}.bin", b"")
    return dst


def document_xml(src: Path) -> bytes:
    with zipfile.ZipFile(src) as z:
        return z.read("word/document.xml")


def refused(path: Path, words: str) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert words in message
    assert "\n" not in message
    return message


def test_a_valid_docx_passes_the_guard(tmp_path):
    doc = read_document(valid_docx(tmp_path))
    assert doc.text == "一、总体情况\n本年度支出增加。\n"


def test_zip_bomb_member_is_refused_fast(tmp_path):
    src = valid_docx(tmp_path)
    bomb_xml = document_xml(src) + b" " * (24 * 2**20)  # 24 MiB of spaces, deflates ~1000x
    bomb = rewrite(src, tmp_path / "bomb.docx", {"word/document.xml": bomb_xml})
    assert bomb.stat().st_size < 2**20
    started = time.perf_counter()
    refused(bomb, "zip bomb")
    assert time.perf_counter() - started < 1.0


def test_total_uncompressed_size_is_bounded(tmp_path, monkeypatch):
    src = valid_docx(tmp_path)
    monkeypatch.setattr(zipguard, "MAX_DOCX_UNCOMPRESSED", 10_000)
    refused(src, "would expand to")


def test_xml_size_is_bounded(tmp_path, monkeypatch):
    src = valid_docx(tmp_path)
    monkeypatch.setattr(zipguard, "MAX_DOCX_XML", 10_000)
    refused(src, "of XML, over the")


def test_member_count_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(zipguard, "MAX_DOCX_MEMBERS", 50)
    many = rewrite(valid_docx(tmp_path), tmp_path / "many.docx", {}, extra=60)
    refused(many, "zip members")


def test_billion_laughs_in_document_xml_is_refused(tmp_path):
    src = valid_docx(tmp_path)
    body = document_xml(src).split(b"?>", 1)[1]
    evil = (LAUGHS.encode() + body).replace(b"<w:t>", b"<w:t>&lol9;", 1)
    message = refused(rewrite(src, tmp_path / "lol.docx", {"word/document.xml": evil}), "DOCTYPE")
    assert "word/document.xml" in message


@pytest.mark.parametrize("member", ["word/styles.xml", "[Content_Types].xml", "_rels/.rels"])
def test_doctype_in_any_xml_part_is_refused(tmp_path, member):
    src = valid_docx(tmp_path)
    with zipfile.ZipFile(src) as z:
        original = z.read(member)
    evil = b'<?xml version="1.0"?><!-- a comment --><!doctype x SYSTEM "file:///etc/passwd">'
    evil += original.split(b"?>", 1)[1]
    refused(rewrite(src, tmp_path / "x.docx", {member: evil}), "DOCTYPE")


def test_doctype_in_utf16_xml_is_refused(tmp_path):
    src = valid_docx(tmp_path)
    evil = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "x">]><d/>').encode(
        "utf-16"
    )
    refused(rewrite(src, tmp_path / "u.docx", {"word/document.xml": evil}), "DOCTYPE")


def test_prolog_hiding_a_doctype_behind_a_long_comment_is_refused(tmp_path):
    src = valid_docx(tmp_path)
    evil = b"<?xml version='1.0'?><!--" + b"x" * 70_000 + b"--><!DOCTYPE d><d/>"
    refused(rewrite(src, tmp_path / "c.docx", {"word/document.xml": evil}), "XML part")


def test_corrupt_member_data_is_refused(tmp_path):
    src = valid_docx(tmp_path)
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo("word/styles.xml")
    # flip bytes inside the member's compressed data (after its 30-byte local header)
    at = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[at : at + 8] = bytes(8)
    bad = tmp_path / "corrupt.docx"
    bad.write_bytes(bytes(data))
    refused(bad, "damaged")


def test_docx_without_text_is_refused(tmp_path):
    d = new_document()
    d.add_paragraph("   ")
    refused(save(d, tmp_path / "blank.docx"), "no text")


def test_docx_with_wrong_content_type_is_refused(tmp_path):
    src = valid_docx(tmp_path)
    with zipfile.ZipFile(src) as z:
        types = z.read("[Content_Types].xml").replace(b"document.main+xml", b"template.main+xml")
    refused(rewrite(src, tmp_path / "t.docx", {"[Content_Types].xml": types}), "Word .docx")


@pytest.mark.parametrize("kind", ["bomb", "entities"])
def test_cli_refuses_hostile_docx_in_one_line(tmp_path, kind):
    src = valid_docx(tmp_path)
    if kind == "bomb":
        evil = document_xml(src) + b" " * (24 * 2**20)
    else:
        evil = LAUGHS.encode() + document_xml(src).split(b"?>", 1)[1]
    bad = rewrite(src, tmp_path / f"{kind}.docx", {"word/document.xml": evil})
    result = run_cli("compare", str(bad), str(src))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert str(bad) in result.stderr
