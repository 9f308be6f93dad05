"""A changed table row prints once, each changed cell marked in its column, as git's
word diff prints a line: never one line per cell, never a mark across cells."""

import random

import pytest

from reportdiff.core.compare import compare
from reportdiff.model import Document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.text import render_text
from tests.conftest import ROOT

ITEMS = ["基本工资", "津贴补贴", "绩效工资", "住房公积金", "办公费", "差旅费", "维修（护）费"]


def _doc(name: str, text: str) -> Document:
    return Document(name, name, text, blocks_from_lines(text))


def _amount(rng: random.Random) -> str:
    return rng.choice(["{:,}", "{}.{:02d}"]).format(rng.randint(1, 999999), rng.randint(0, 99))


def _table(rows: list[list[str]]) -> str:
    head = "科目\t年初预算\t调整预算\t决算数"
    return "一、支出决算表\n" + head + "\n" + "\n".join("\t".join(r) for r in rows) + "\n"


@pytest.mark.parametrize("seed", range(40))
def test_each_changed_row_is_one_line_with_its_changed_cells_marked(seed: int) -> None:
    rng = random.Random(seed)
    old_rows = [[item, *(_amount(rng) for _ in range(3))] for item in rng.sample(ITEMS, 5)]
    new_rows = [list(r) for r in old_rows]
    changed = {}
    for k in rng.sample(range(5), rng.randint(1, 3)):
        columns = rng.sample(range(1, 4), rng.randint(1, 3))
        for j in columns:
            new_rows[k][j] = _amount(rng)
        changed[k] = [j for j in columns if new_rows[k][j] != old_rows[k][j]]
    report = render_text(
        compare(_doc("old.txt", _table(old_rows)), _doc("new.txt", _table(new_rows)))
    )
    marked = [line for line in report.splitlines() if "[-" in line or "{+" in line]
    expected = [k for k in sorted(changed) if changed[k]]
    assert len(marked) == len(expected), "\n".join(marked)
    for line, k in zip(marked, expected, strict=True):
        cells = line.split(None, 1)[1].split("\t")
        assert cells[0] == new_rows[k][0]
        for j, cell in enumerate(cells[1:], start=1):
            if j in changed[k]:
                assert cell == f"[-{old_rows[k][j]}-]{{+{new_rows[k][j]}+}}"
            else:
                assert cell == new_rows[k][j]


def test_the_samples_performance_table_reads_row_by_row() -> None:
    from reportdiff.readers import read_document

    old = read_document(ROOT / "samples" / "zh" / "qingshui-water-2023.docx")
    new = read_document(ROOT / "samples" / "zh" / "qingshui-water-2024.docx")
    report = render_text(compare(old, new))
    rows = [ln for ln in report.splitlines() if "\t" in ln and ("[-" in ln or "{+" in ln)]
    assert rows
    for line in rows:
        for cell in line.split("\t"):
            # a mark opens and closes inside its cell
            assert cell.count("[-") == cell.count("-]")
            assert cell.count("{+") == cell.count("+}")
    names = [ln.split("\t")[2] for ln in rows if ln.split("\t")[1].endswith("指标")]
    assert len(names) == len(set(names))  # one line per row
