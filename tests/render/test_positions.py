"""Positions are told as line:column of the file the report was read from, in the
text report and beside the offsets in JSON."""

from __future__ import annotations

import json

import jsonschema

from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.render.json import render_json
from reportdiff.render.positions import Positions
from tests.test_json_contract import SCHEMA


def where_in_file(raw: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


# Blank-line runs, indentation with full-width spaces and CRLF line ends: all of them
# are normalised away in the text the core sees, none may shift the reported place.
RAW = (
    "部门整体支出绩效自评报告\r\n\r\n\r\n\r\n"
    "一、收支情况\r\n"
    "\u3000\u3000本单位基本支出500万元，其中：人员经费300万元，公用经费100万元。\r\n"
    "\r\n\r\n"
    "  二、其他\r\n"
    "\t\u3000XX局完成了XX项任务。\r\n"
)


def test_offsets_map_back_to_the_file(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(RAW.encode("utf-8"))
    doc = read_document(path)
    at = Positions(doc)
    raw = RAW.replace("\r\n", "\n")
    for needle in ("500万元", "公用经费100万元", "二、其他", "XX局", "部门整体"):
        assert at.line_column(doc.text.index(needle)) == where_in_file(raw, needle), needle


def test_json_has_line_and_column_beside_offsets(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(RAW.encode("utf-8"))
    doc = read_document(path)
    data = json.loads(render_json(compare(doc, doc)))
    jsonschema.validate(data, SCHEMA)
    raw = RAW.replace("\r\n", "\n")
    check = data["checks"][0]
    for fig in check["figures"]:
        assert doc.text[fig["start"] : fig["end"]] == fig["text"]
        assert (fig["line"], fig["column"]) == where_in_file(raw, fig["text"])
    flag = next(f for f in data["boilerplate"] if f["text"] == "XX")
    assert (flag["line"], flag["column"]) == where_in_file(raw, "XX")


def test_a_document_without_source_lines_counts_its_own_text():
    from reportdiff.model import Document

    doc = Document("a.docx", "t", "一\n二三\n四\n", (), source_format="docx")
    at = Positions(doc)
    assert at.line_column(0) == (1, 1)
    assert at.line_column(3) == (2, 2)
    assert at(5) == "3:1"
