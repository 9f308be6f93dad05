"""Tiny .docx files whose declared quantities are huge: each is read within bounds."""

from __future__ import annotations

import json
import os
import random
import string
from pathlib import Path

import pytest

from .bounded import run_bounded
from .docx_gen import W, document_xml, numbering_xml, paragraph, write_docx


def _items(n: int, num_id: int = 1) -> str:
    return "".join(paragraph(f"第{i}项工作按计划完成", num_id) for i in range(n))


def _compare_json(old: Path, new: Path) -> dict:
    run = run_bounded("compare", "--format", "json", str(old), str(new))
    run.assert_bounded()
    assert run.status in (0, 1), run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("fmt", ["upperLetter", "lowerLetter", "decimal", "chineseCounting"])
@pytest.mark.parametrize("start", ["2600000000", "99999999999999999999", "-5"])
def test_huge_list_start_is_bounded(tmp_path: Path, fmt: str, start: str) -> None:
    old = write_docx(tmp_path / "old.docx", _items(30), numbering=numbering_xml(fmt, start))
    new = write_docx(tmp_path / "new.docx", _items(31), numbering=numbering_xml(fmt, start))
    assert old.stat().st_size < 10_000
    result = _compare_json(old, new)
    assert len(result["new"]["path"]) < 200  # and the text was read


def test_many_placeholders_in_a_label_are_bounded(tmp_path: Path) -> None:
    template = "%1" * 100_000
    numbering = numbering_xml("decimal", "1", template)
    old = write_docx(tmp_path / "old.docx", _items(200), numbering=numbering)
    new = write_docx(tmp_path / "new.docx", _items(201), numbering=numbering)
    _compare_json(old, new)


def _table(rows: int, span: str = "1", merged: bool = False) -> str:
    def cell(i: int) -> str:
        merge = '<w:vMerge w:val="restart"/>' if i == 0 else "<w:vMerge/>"
        pr = f'<w:tcPr><w:gridSpan w:val="{span}"/>{merge if merged else ""}</w:tcPr>'
        return f"<w:tc>{pr}<w:p><w:r><w:t>项目{i}</w:t></w:r></w:p></w:tc>"

    amount = "<w:tc><w:p><w:r><w:t>{}万元</w:t></w:r></w:p></w:tc>"
    body = "".join(f"<w:tr>{cell(i)}{amount.format(i)}</w:tr>" for i in range(rows))
    return f"<w:tbl>{body}</w:tbl>"


@pytest.mark.parametrize("span", ["100000000", "2147483647", "99999999999999999999"])
def test_huge_grid_span_is_bounded(tmp_path: Path, span: str) -> None:
    old = write_docx(tmp_path / "old.docx", paragraph("一、概况") + _table(20, span))
    new = write_docx(tmp_path / "new.docx", paragraph("一、概况") + _table(21, span))
    _compare_json(old, new)


def test_a_long_vertical_merge_is_read_not_refused(tmp_path: Path) -> None:
    old = write_docx(tmp_path / "old.docx", paragraph("一、概况") + _table(1200, merged=True))
    new = write_docx(tmp_path / "new.docx", paragraph("一、概况") + _table(1201, merged=True))
    result = _compare_json(old, new)
    assert result["summary"]


def test_the_main_part_under_another_name_is_still_checked(tmp_path: Path) -> None:
    doctype = '<!DOCTYPE d [<!ENTITY e "x">]>'
    bad = write_docx(
        tmp_path / "bad.docx", paragraph("正文&e;内容"), main="word/main.dat", prolog=doctype
    )
    ok = write_docx(tmp_path / "ok.docx", paragraph("正文内容"))
    run = run_bounded("compare", str(ok), str(bad))
    run.assert_one_line_error()
    assert "DOCTYPE" in run.stderr
    assert "main.dat" in run.stderr


def test_xml_size_limit_counts_parts_by_content_type(tmp_path: Path) -> None:
    noise = os.urandom(17 * 2**20).hex()  # 34 MB of text that does not compress away
    big = "".join(paragraph(noise[i : i + 4000]) for i in range(0, len(noise), 4000))
    bad = write_docx(tmp_path / "bad.docx", big, main="word/main.dat")
    ok = write_docx(tmp_path / "ok.docx", paragraph("正文内容"))
    run = run_bounded("compare", str(ok), str(bad))
    run.assert_one_line_error()
    assert "MiB of XML" in run.stderr


def test_a_hostile_docx_does_not_stop_a_folder_scan(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text("一、概况\n本单位主要职能是负责全县的工作。\n" * (i + 2))
    write_docx(
        folder / "bomb.docx",
        paragraph("x&e;"),
        main="word/main.dat",
        prolog='<!DOCTYPE d [<!ENTITY e "x">]>',
    )
    write_docx(
        folder / "letters.docx", _items(30), numbering=numbering_xml("upperLetter", "2600000000")
    )
    run = run_bounded("scan", "--format", "json", str(folder))
    run.assert_bounded()
    assert run.status == 0, run.stderr
    result = json.loads(run.stdout)
    assert any("bomb.docx" in s["path"] for s in result["skipped"]), result["skipped"]


def test_w_namespace_is_the_wordprocessing_one() -> None:
    assert W.endswith("wordprocessingml/2006/main")
    assert "<w:body>" in document_xml("")


def test_a_docx_with_more_text_than_a_comparison_is_bounded_for_is_refused(
    tmp_path: Path,
) -> None:
    from reportdiff.options import MAX_DOCUMENT_CHARS

    rng = random.Random(5)
    words = ["".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(5000)]
    per_paragraph = 100
    count = MAX_DOCUMENT_CHARS // per_paragraph + 100
    body = "".join(
        paragraph(" ".join(rng.choices(words, k=10))[:per_paragraph]) for _ in range(count)
    )
    big = write_docx(tmp_path / "big.docx", body)
    small = write_docx(tmp_path / "small.docx", paragraph("一、概况") + paragraph("正文。"))
    run = run_bounded("compare", str(small), str(big), "--format", "json")
    run.assert_one_line_error()
    assert "characters of text" in run.stderr
