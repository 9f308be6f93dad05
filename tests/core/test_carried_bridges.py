"""A carried-over passage holds only what stands unchanged in OLD: a run of matched
sentences goes on across short pieces (table cells, short lines) only where these
are OLD's too, figure for figure; a changed amount is an edit, never "carried over"."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.compare import compare
from reportdiff.model import Comparison, Document, Flag
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines

# Row labels of a budget table: ten characters and more, so each is looked up.
LABELS = [
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "一般公共服务支出合计数额",
    "公共安全支出年度合计数额",
    "社会保障和就业支出合计数",
    "卫生健康支出本年度合计数",
    "城乡社区支出本年度合计数",
    "住房保障支出本年度合计数",
    "文化旅游体育与传媒支出合计",
    "农林水支出本年度预算合计",
    "节能环保支出本年度预算数",
    "交通运输支出本年度预算数",
    "灾害防治及应急管理支出数",
    "其他支出本年度预算数合计",
    "年初结转和结余本年度合计",
]
CAPTION = "编制部门：清水县人民政府城关街道办事处财政所 单位：元"
INTRO = "本部门预算包括街道本部以及下属预算单位的全部收支，均纳入部门预算管理。"


def doc(text: str, path: str) -> Document:
    blocks = blocks_from_lines(text)
    return Document(path, text[blocks[0].start : blocks[0].end], text, blocks)


def carried(c: Comparison) -> list[Flag]:
    return [f for f in c.boilerplate if f.kind == "carried_over" and f.doc == "new"]


def table_report(year: int, amounts: list[int], rows: int) -> tuple[str, list[tuple[int, int]]]:
    """A report whose §二 is a table of ``rows`` rows (label, amount, label, amount),
    with the offsets of its amount cells."""
    text = f"清水县城关街道{year}年部门预算\n一、部门概况\n{INTRO}\n二、收支预算总表\n{CAPTION}\n"
    text += "项目\t预算数\t项目\t预算数\n"
    cells = []
    for r in range(rows):
        line = ""
        for side in range(2):
            label, amount = LABELS[2 * r + side], f"{amounts[2 * r + side]:,}"
            line += f"{label}\t" if not side else f"\t{label}\t"
            cells.append((len(text) + len(line), len(text) + len(line) + len(amount)))
            line += amount
        text += line + "\n"
    return text, cells


@st.composite
def tables(draw):
    rows = draw(st.integers(2, len(LABELS) // 2))
    old = draw(st.lists(st.integers(0, 10**9), min_size=2 * rows, max_size=2 * rows))
    changed = draw(st.lists(st.booleans(), min_size=2 * rows, max_size=2 * rows))
    new = [a + 1 + a // 7 if moved else a for a, moved in zip(old, changed, strict=True)]
    return rows, old, new


def compare_tables(rows: int, old: list[int], new: list[int]):
    """The two years' reports compared, NEW's text and the offsets of its amounts."""
    new_text, cells = table_report(2025, new, rows)
    c = compare(doc(table_report(2024, old, rows)[0], "2024.txt"), doc(new_text, "2025.txt"))
    return c, new_text, cells


@settings(max_examples=60, deadline=None)
@given(tables())
def test_a_changed_amount_is_never_inside_a_carried_over_table(case) -> None:
    rows, old_amounts, new_amounts = case
    c, new_text, cells = compare_tables(rows, old_amounts, new_amounts)
    flags = carried(c)
    assert any(f.text == INTRO for f in flags), "the unchanged prose is carried over"
    for (start, end), a, b in zip(cells, old_amounts, new_amounts, strict=True):
        inside = [f for f in flags if f.start < end and start < f.end]
        if a != b:
            assert not inside, f"{new_text[start:end]} (was {a:,}) inside {inside[0].text!r}"


@pytest.mark.parametrize("rows", [2, 5, 8])
def test_a_table_kept_whole_is_carried_over_whole(rows: int) -> None:
    amounts = [1000 * (i + 1) + 7 * i for i in range(2 * rows)]
    c, new_text, _ = compare_tables(rows, amounts, amounts)
    last = LABELS[2 * rows - 1]
    end = new_text.rindex(last) + len(last)  # a passage ends with a sentence looked up
    assert any(f.start <= new_text.index(CAPTION) and f.end >= end for f in carried(c))


@settings(max_examples=60, deadline=None)
@given(tables())
def test_the_carried_over_share_counts_only_unchanged_cells(case) -> None:
    rows, old_amounts, new_amounts = case
    c, new_text, cells = compare_tables(rows, old_amounts, new_amounts)
    changed = sum(
        len(new_text[s:e])
        for (s, e), a, b in zip(cells, old_amounts, new_amounts, strict=True)
        if a != b
    )
    solid = sum(not ch.isspace() for ch in new_text)
    assert c.carried_over.share <= round(1 - changed / solid, 4)


SENTENCE_A = "本年度部门整体支出严格执行预算法和财政部门的各项规定，全部纳入预算管理。"
SENTENCE_B = "下一步将继续加强预算绩效管理，提高财政资金使用效益，确保各项工作落到实处。"


@pytest.mark.parametrize(
    ("old_middle", "new_middle", "one_passage"),
    [
        ("合计1200万元。", "合计1350万元。", False),  # a figure changed
        ("合计1200万元。", "合计1,200万元。", True),  # the same figure, written otherwise
        ("共计3项。", "共计4项。", False),
        ("1.", "2.", True),  # a list renumbered is still the list
        ("\n1.\n", "\n2.\n", True),  # ... its labels on lines of their own too
        ("\n①\n", "\n②\n", True),
        ("\n3\n", "\n4\n", False),  # a number alone is a figure
        ("完成全年任务。", "完成全年任务。", True),
        ("完成全年任务。", "超额完成任务。", False),  # a short line rewritten
    ],
)
def test_a_short_changed_sentence_breaks_a_carried_over_run(
    old_middle: str, new_middle: str, one_passage: bool
) -> None:
    def report(year: int, middle: str) -> str:
        return f"某县某局{year}年度报告\n一、总体情况\n{SENTENCE_A}{middle}{SENTENCE_B}\n"

    new_text = report(2025, new_middle)
    c = compare(doc(report(2024, old_middle), "old.txt"), doc(new_text, "new.txt"))
    flags = carried(c)
    at = new_text.index(new_middle)
    if one_passage:
        assert [f.text for f in flags] == [SENTENCE_A + new_middle + SENTENCE_B]
    else:
        assert [f.text for f in flags] == [SENTENCE_A, SENTENCE_B]
        assert not any(f.start < at + len(new_middle) and at < f.end for f in flags)


# --- a real 部门预算 pair ------------------------------------------------------------

_NOT_WORD = re.compile(r"[\W_]+")


def _plain(text: str) -> str:
    """Text as a reader compares it: full and half width alike, without spacing and
    punctuation (so 1,234 is 1234 and a line wrapped elsewhere is the same line)."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def test_every_carried_over_line_of_a_real_budget_pair_stands_in_old(real_dir: Path) -> None:
    """The 2025 budget of a 街道 against its 2024 one: every table kept the layout and
    most labels, and every amount changed. No line of a carried-over flag — a table row
    with its amounts, a sentence — may be missing from OLD."""
    pdfs = real_dir / "dev" / "pdf"
    old_path = pdfs / "putuo-wanli-jiedao-bumen-yusuan-2024.pdf"
    new_path = pdfs / "putuo-wanli-jiedao-bumen-yusuan-2025.pdf"
    if not new_path.is_file():
        pytest.skip("the 部门预算 PDFs in ../shared/real/dev/pdf are not beside this checkout")
    c = compare(read_document(old_path), read_document(new_path))
    old = _plain(c.old.text)
    flags = carried(c)
    assert flags
    for f in flags:
        for line in f.text.splitlines():
            assert _plain(line) in old, (f.section, line)
    tables = [b for b in c.new.blocks if b.kind == "table"]
    assert tables
    in_tables = sum(
        max(0, min(f.end, b.end) - max(f.start, b.start)) for f in flags for b in tables
    )
    table_chars = sum(b.end - b.start for b in tables)
    # the tables hold most of the report; what is carried over of them is a caption here
    # and there, not their amounts
    assert in_tables < 0.05 * table_chars
