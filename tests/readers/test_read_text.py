"""The text reader: encodings, normalisation, artefacts, blocks and their offsets."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.errors import InputError
from reportdiff.model import Block, Document
from reportdiff.readers import read_document

REPORT = "一、部门基本情况\n（一）主要职能\n本局负责全县道路交通管理工作，2023年支出5105.15万元。\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def texts(doc: Document) -> list[str]:
    return [doc.block_text(b) for b in doc.blocks]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("utf-16"), "utf-16"),  # with BOM
        (REPORT.encode("utf-16-le"), "utf-16-le"),
        (REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("utf-32"), "utf-32"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16-bom", "utf16le", "utf16be", "utf32"],
)
def test_encodings_decode_to_the_same_text(tmp_path, data, encoding):
    doc = read_document(write(tmp_path, "r.txt", data))
    assert doc.encoding == encoding
    assert doc.text == REPORT
    assert doc.title == "一、部门基本情况"


@pytest.mark.parametrize("short", ["一、总体情况", "绩效", "预算执行率较低。"])
def test_short_gbk_texts_are_not_misdetected(tmp_path, short):
    doc = read_document(write(tmp_path, "s.txt", short.encode("gbk")))
    assert doc.text == short + "\n"
    assert doc.encoding == "gb18030"


def test_gb18030_only_characters(tmp_path):
    # 𠀀 (U+20000) and € are outside GBK's two-byte set; GB18030 has them.
    text = "本年度部门整体支出情况良好，单位：万元，€与𠀀在GB18030中均可编码，其余为常用字。" * 3
    doc = read_document(write(tmp_path, "g.txt", text.encode("gb18030")))
    assert doc.text == text + "\n"


def test_latin1_falls_back_to_charset_detection(tmp_path):
    text = "Résumé of the année: déficit réduit, café élevé, façade précédente.\n" * 5
    doc = read_document(write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert "déficit réduit" in doc.text
    assert doc.encoding == "cp1252"


def test_curly_quotes_and_euro_in_windows_1252(tmp_path):
    text = "The bureau\u2019s budget rose to \u20ac5.1 million \u2014 \u201cas planned\u201d.\n"
    doc = read_document(write(tmp_path, "w.txt", text.encode("cp1252")))
    assert doc.text == text


def test_line_endings_and_form_feeds(tmp_path):
    doc = read_document(write(tmp_path, "e.txt", b"a line\r\nb line\rc line\fd line\n"))
    assert doc.text == "a line\nb line\nc line\nd line\n"


def test_odd_whitespace_and_invisible_characters(tmp_path):
    raw = (
        "\u3000\u3000一、总体\u200b情况\n"  # full-width indentation, zero-width space
        "    本年度\u00a0支出\u2003增加。  \n"  # spaces, NBSP, em space, trailing spaces
        "\t本单位认真落实\t各项措施。\n"  # tab indentation and a tab inside a sentence
        "中间的\u3000全角空格保留\ufeff。\n"
    )
    doc = read_document(write(tmp_path, "w.txt", raw.encode("utf-8")))
    assert doc.text.splitlines() == [
        "一、总体情况",
        "本年度 支出 增加。",
        "本单位认真落实 各项措施。",
        "中间的\u3000全角空格保留。",
    ]
    assert all(b.kind == "paragraph" for b in doc.blocks)


def test_tab_indented_paragraphs_are_not_a_table(tmp_path):
    raw = "\t第一段正文。\n\t第二段正文，较长\n\t第三段。\n"
    doc = read_document(write(tmp_path, "i.txt", raw.encode("utf-8")))
    assert texts(doc) == ["第一段正文。", "第二段正文，较长", "第三段。"]
    assert all(b.kind == "paragraph" for b in doc.blocks)


def test_lines_of_only_tabs_are_blank_lines(tmp_path):
    doc = read_document(write(tmp_path, "tabs.txt", b"a\n\t\t\n\t\t\t\nb\n"))
    assert doc.text == "a\n\nb\n"
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


def test_blank_line_runs_shrink_to_one(tmp_path):
    doc = read_document(write(tmp_path, "b.txt", b"\n\n\na\n\n\n\n\nb\n\n"))
    assert doc.text == "a\n\nb\n"


def test_bookmark_and_anchor_artefacts_are_dropped(tmp_path):
    raw = "[bookmark: _GoBack]三、明年计划\n正文[]{#_GoBack .anchor}继续\n标题{#_Toc1 .anchor}\n"
    doc = read_document(write(tmp_path, "a.txt", raw.encode("utf-8")))
    assert doc.text == "三、明年计划\n正文继续\n标题\n"
    assert texts(doc)[0] == "三、明年计划"


def test_block_offsets_index_the_normalised_text(tmp_path):
    raw = "\ufeff  # 标题\r\n\r\n\u3000\u3000正文一。\r\n甲\t乙\r\n1\t2\r\n\r\n\r\n末段。"
    doc = read_document(write(tmp_path, "o.md", raw.encode("utf-8")))
    assert texts(doc) == ["# 标题", "正文一。", "甲\t乙\n1\t2", "末段。"]
    assert doc.source_format == "md"
    assert doc.title == "标题"
    assert doc.blocks[0].style_level == 1


def test_markdown_headings_and_bold_lines(tmp_path):
    raw = "# 报告\n## 一、概况\n**（一）主要职能**\n正文 **加粗** 部分。\n#不是标题\n"
    doc = read_document(write(tmp_path, "m.md", raw.encode("utf-8")))
    levels = [(doc.block_text(b), b.style_level, b.bold) for b in doc.blocks]
    assert levels == [
        ("# 报告", 1, False),
        ("## 一、概况", 2, False),
        ("**（一）主要职能**", None, True),
        ("正文 **加粗** 部分。", None, False),
        ("#不是标题", None, False),
    ]


def test_tab_separated_table_with_empty_cells_and_a_blank_line(tmp_path):
    raw = "说明。\n\t名称\t内容\n项目一\t经费\t 100 万元 \n\n\t续行\t\n结束。\n"
    doc = read_document(write(tmp_path, "t.txt", raw.encode("utf-8")))
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "table", "paragraph"]
    table = doc.blocks[1]
    cells = [[doc.text[c.start : c.end] for c in row] for row in table.cells]
    assert cells == [["", "名称", "内容"], ["项目一", "经费", "100 万元"], ["", "续行", ""]]


def test_markdown_pipe_table(tmp_path):
    raw = "前言\n| 指标 | 2023 | 2024 |\n|:---|---:|---|\n| 支出 | 5.1 万元 |  |\n后记\n"
    doc = read_document(write(tmp_path, "p.md", raw.encode("utf-8")))
    table = next(b for b in doc.blocks if b.kind == "table")
    cells = [[doc.text[c.start : c.end] for c in row] for row in table.cells]
    assert cells == [["指标", "2023", "2024"], ["支出", "5.1 万元", ""]]
    assert doc.block_text(table).startswith("| 指标")
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]


def test_single_pipe_line_is_a_paragraph(tmp_path):
    doc = read_document(write(tmp_path, "x.txt", "甲 | 乙 |\n|唯一一行|\n".encode()))
    assert all(b.kind == "paragraph" for b in doc.blocks)


def test_unknown_extension_is_read_as_text(tmp_path):
    doc = read_document(write(tmp_path, "report.rst", REPORT.encode("utf-8")))
    assert doc.source_format == "txt"
    assert len(doc.blocks) == 3


def test_blocks_tile_nothing_but_text(tmp_path):
    raw = "一、甲\n\n乙\t丙\n\n\n二、丁\n"
    doc = read_document(write(tmp_path, "z.txt", raw.encode("utf-8")))
    covered = "".join(doc.text[b.start : b.end] for b in doc.blocks)
    assert covered.replace("\t", "") == doc.text.replace("\n", "").replace("\t", "")
    assert all(isinstance(b, Block) and b.start < b.end for b in doc.blocks)


def test_reading_text_does_not_import_python_docx(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = write(tmp_path, "r.txt", REPORT.encode("utf-8"))
    code = (
        "import sys; from reportdiff.readers import read_document; "
        f"read_document({str(path)!r}); print('docx' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


_CONTROLS = st.sampled_from([bytes([c]) for c in (*range(1, 9), *range(14, 32))])


@settings(max_examples=200, deadline=None)
@given(
    word=st.text(st.characters(min_codepoint=0x61, max_codepoint=0x7A), min_size=1, max_size=12),
    controls=st.lists(_CONTROLS, min_size=2, max_size=6),
)
def test_a_short_blob_with_a_nul_is_binary_not_utf16(tmp_path_factory, word, controls) -> None:
    """One NUL in a short file is no sign of UTF-16: read so, any blob is plausible hanzi."""
    data = word.encode() + b"\x00" + b"".join(controls)
    path = write(tmp_path_factory.mktemp("blob"), "blob.txt", data)
    with pytest.raises(InputError):
        read_document(path)


@pytest.mark.parametrize(
    "text", [REPORT, "Section 1\nPlan 2023: 12 items.\n", "一、概况\n第1条至第12条，共2023项。\n"]
)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_of_short_reports_still_reads(tmp_path, text, codec) -> None:
    assert read_document(write(tmp_path, "r.txt", text.encode(codec))).text == text
