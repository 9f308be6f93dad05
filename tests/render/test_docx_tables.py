"""NEW's tables are Word tables in the redline, with the revisions inside their cells:
a row NEW added is a tracked inserted row, a row it dropped a tracked deleted one, and
accepting or rejecting every change still gives NEW or OLD exactly."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.model import Comparison, Document
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.docx import render_docx
from tests.conftest import SAMPLES

sys.path.insert(0, str(Path(__file__).parent))
from redline_reader import W, revision_text, table_lines, tables

_BEFORE = "一、部门支出情况\n本部门支出预算情况如下表。\n"
_AFTER = "二、其他情况说明\n本年度无其他需要说明的情况。\n"
_NAMES = ["一般公共服务", "公共安全", "教育", "科学技术", "社会保障和就业", "卫生健康", "城乡社区"]


def _doc(name: str, text: str) -> Document:
    return Document(name, name, text, blocks_from_lines(text))


def _figure(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(1, 9_999_999):,}", f"{rng.uniform(0, 99):.2f}%", "0"])


def _row(rng: random.Random, columns: int) -> list[str]:
    code = str(rng.randint(201, 230))
    return [code, rng.choice(_NAMES), *(_figure(rng) for _ in range(columns - 2))]


def _changed(rows: list[list[str]], rng: random.Random) -> tuple[list[list[str]], list[str]]:
    """NEW's rows: OLD's with a few changes of every kind, and the kinds made."""
    rows = [list(r) for r in rows]
    kinds = rng.sample(["cell", "cell", "insert", "delete", "column", "drop", "blank"], 3)
    for kind in kinds:
        body = range(1, len(rows))  # the header row stays
        if kind == "cell":
            for _ in range(rng.randint(1, 4)):
                row = rows[rng.choice(body)]
                row[rng.randrange(2, len(row))] = _figure(rng)
        elif kind == "insert":
            rows.insert(rng.randint(1, len(rows)), _row(rng, len(rows[0])))
        elif kind == "delete" and len(rows) > 3:
            del rows[rng.choice(body)]
        elif kind == "column":
            rows = [
                [*r, "比上年" if k == 0 else _figure(rng)] if r else r for k, r in enumerate(rows)
            ]
        elif kind == "drop" and len(rows[0]) > 3:
            rows = [r[:-1] for r in rows]
        elif kind == "blank":
            rows.insert(rng.randint(2, len(rows) - 1), [])  # two tables in NEW
    return rows, kinds


def _text(rows: list[list[str]]) -> str:
    return _BEFORE + "".join("\t".join(r) + "\n" if r else "\n" for r in rows) + _AFTER


@pytest.mark.parametrize("seed", range(40))
def test_tables_of_new_are_word_tables_that_accept_to_new_and_reject_to_old(seed: int) -> None:
    rng = random.Random(seed)
    columns = rng.randint(3, 6)
    header = ["科目编码", "科目名称", *(f"第{k}列" for k in range(columns - 2))]
    old_rows = [header, *(_row(rng, columns) for _ in range(rng.randint(3, 8)))]
    new_rows, kinds = _changed(old_rows, rng)
    c = compare(_doc("old.txt", _text(old_rows)), _doc("new.txt", _text(new_rows)))
    data = render_docx(c)
    assert revision_text(data, accept=True) == c.new.text
    assert revision_text(data, accept=False) == c.old.text
    # NEW's table lines, a blank line between rows making two tables
    expected = [
        block.split("\n")
        for block in _text(new_rows)[len(_BEFORE) : -len(_AFTER) - 1].split("\n\n")
    ]
    assert table_lines(data, accept=True) == expected, kinds


def _row_revisions(data: bytes) -> tuple[int, int]:
    rows = [tr for tbl in tables(data) for tr in tbl.iter(f"{W}tr")]
    inserted = sum(tr.find(f"{W}trPr/{W}ins") is not None for tr in rows)
    deleted = sum(tr.find(f"{W}trPr/{W}del") is not None for tr in rows)
    return inserted, deleted


def test_added_and_dropped_rows_are_tracked_rows() -> None:
    rows = [
        ["科目", "名称", "金额"],
        *(["20" + str(k), _NAMES[k], f"{k},100"] for k in range(1, 6)),
    ]
    added = [*rows[:3], ["299", "其他支出", "7,777"], *rows[3:]]
    dropped = [r for k, r in enumerate(rows) if k != 4]
    for new_rows, expected in ((added, (1, 0)), (dropped, (0, 1))):
        c = compare(_doc("old.txt", _text(rows)), _doc("new.txt", _text(new_rows)))
        data = render_docx(c)
        assert len(tables(data)) == 1
        assert _row_revisions(data) == expected
        assert revision_text(data, accept=False) == c.old.text


def test_changed_cells_carry_their_revisions_inside_the_table() -> None:
    rows = [
        ["科目", "名称", "金额"],
        ["201", "一般公共服务", "2,932,700"],
        ["204", "公共安全", "1,633,000"],
    ]
    new_rows = [rows[0], ["201", "一般公共服务", "3,296,600"], rows[2]]
    c = compare(_doc("old.txt", _text(rows)), _doc("new.txt", _text(new_rows)))
    (table,) = tables(render_docx(c))
    cells = [tc for tc in table.iter(f"{W}tc") if tc.find(f".//{W}ins") is not None]
    assert ["".join(tc.itertext()) for tc in cells] == ["2,932,7003,296,600"]
    assert _row_revisions(render_docx(c)) == (0, 0)


def test_a_pipe_table_stays_text() -> None:
    old = _BEFORE + "| 科目 | 金额 |\n| --- | --- |\n| 201 | 100 |\n" + _AFTER
    new = _BEFORE + "| 科目 | 金额 |\n| --- | --- |\n| 201 | 200 |\n" + _AFTER
    c = compare(_doc("old.md", old), _doc("new.md", new))
    data = render_docx(c)
    assert tables(data) == []
    assert revision_text(data, accept=True) == c.new.text


@pytest.mark.parametrize("suffix", ["docx", "txt", "pdf"])
def test_sample_pair_tables_are_word_tables(suffix: str) -> None:
    old = read_document(SAMPLES / "zh" / f"qingshui-water-2023.{suffix}")
    new = read_document(SAMPLES / "zh" / f"qingshui-water-2024.{suffix}")
    c = compare(old, new)
    data = render_docx(c)
    assert revision_text(data, accept=True) == c.new.text
    assert revision_text(data, accept=False) == c.old.text
    lines = c.new.text.split("\n")
    assert table_lines(data, accept=True) == [[line for line in lines if "\t" in line]]


def test_real_budget_pair_tables_are_word_tables(budget_pair: Comparison) -> None:
    c = budget_pair
    data = render_docx(c)
    assert revision_text(data, accept=True) == c.new.text
    assert revision_text(data, accept=False) == c.old.text
    new_tables = [b for b in c.new.blocks if b.kind == "table"]
    assert len(tables(data)) == len(new_tables)
    accepted = [line for t in table_lines(data, accept=True) for line in t]
    assert accepted == [c.new.text[r[0].start : r[-1].end] for b in new_tables for r in b.cells]


def test_columns_share_the_page_as_their_cells_ask() -> None:
    rows = [["类", "款", "科目名称", "金额"]]
    rows += [[str(200 + k), f"0{k}", "一般公共服务支出", f"{k * 7_654_321:,}"] for k in range(1, 6)]
    c = compare(_doc("old.txt", _text(rows)), _doc("new.txt", _text(rows[:3] + rows[4:])))
    (table,) = tables(render_docx(c))
    widths = [int(col.get(f"{W}w")) for col in table.iter(f"{W}gridCol")]
    page = 8640  # the template's Letter page less its 1.25 in margins, in twips
    assert page - len(widths) <= sum(widths) <= page
    code, sub, name, amount = widths
    assert sub < code < amount  # 01 < 201 < 38,271,605
    assert sub < name
