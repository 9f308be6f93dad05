"""The text report's excerpts: context around an edit never cuts a figure or a word,
and --full (RenderOptions.full) shows a long edit whole."""

import pytest

from reportdiff.core.compare import compare
from reportdiff.model import Document
from reportdiff.options import RenderOptions
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.text import render_text

FIGURES = ["3862.47万元", "12,345.6亿元", "98.76%", "2024年"]
FILLER = "本部门按照年度计划组织实施各项重点工作任务并取得明显成效同时加强内部管理"


def _doc(name: str, text: str) -> Document:
    return Document(name, name, text, blocks_from_lines(text))


def _edit_lines(old: str, new: str, options: RenderOptions | None = None) -> list[str]:
    report = render_text(compare(_doc("old.txt", old), _doc("new.txt", new)), options)
    return [line for line in report.splitlines() if "[-" in line or "{+" in line]


def _splits(line: str, figure: str) -> bool:
    """Does the line show only a part of ``figure`` at a cut-off (…)?"""
    cut_end = any(line.endswith(figure[:k] + "…") for k in range(1, len(figure)))
    digits = [k for k in range(1, len(figure)) if any(c.isdigit() for c in figure[k:])]
    cut_start = any(f"…{figure[k:]}" in line for k in digits)
    return cut_end or cut_start


@pytest.mark.parametrize("figure", FIGURES)
@pytest.mark.parametrize("gap", range(20, 36))
def test_context_after_an_edit_never_splits_a_figure(figure: str, gap: int) -> None:
    tail = FILLER[:gap] + figure + FILLER
    old = "一、基本情况\n" + FILLER + "甲" + tail + "。\n"
    new = "一、基本情况\n" + FILLER + "乙" + tail + "。\n"
    [line] = _edit_lines(old, new)
    assert not _splits(line, figure), line


@pytest.mark.parametrize("figure", FIGURES)
@pytest.mark.parametrize("gap", range(20, 36))
def test_context_before_an_edit_never_splits_a_figure(figure: str, gap: int) -> None:
    head = FILLER + figure + FILLER[:gap]
    old = "一、基本情况\n" + head + "甲" + FILLER + "。\n"
    new = "一、基本情况\n" + head + "乙" + FILLER + "。\n"
    [line] = _edit_lines(old, new)
    assert not _splits(line, figure), line


def test_a_long_edit_is_cut_by_default_and_whole_with_full() -> None:
    added = "".join(f"第{i}项新增工作安排资金{i}.50万元。" for i in range(60))
    old = "一、基本情况\n" + FILLER + "。\n"
    new = "一、基本情况\n" + FILLER + "。" + added + "\n"
    [short] = _edit_lines(old, new)
    [whole] = _edit_lines(old, new, RenderOptions(full=True))
    assert added not in short
    assert "…" in short
    assert added in whole
    assert not any(_splits(short, f"{i}.50万元") for i in range(60))


def test_compare_full_prints_a_long_deleted_passage_whole(tmp_path) -> None:
    from tests.conftest import run_cli

    gone = "".join(f"第{i}项原有工作安排资金{i}.50万元。" for i in range(60))
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、基本情况\n" + FILLER + "。" + gone + "\n", encoding="utf-8")
    new.write_text("一、基本情况\n" + FILLER + "。\n", encoding="utf-8")
    cut = run_cli("compare", str(old), str(new))
    whole = run_cli("compare", str(old), str(new), "--full")
    assert (cut.returncode, whole.returncode) == (1, 1)
    assert gone not in cut.stdout
    assert gone in whole.stdout


def test_long_figure_labels_keep_the_end_that_tells_them_apart() -> None:
    """Labels of one table share a long start and differ at the end: the printed
    figure table cuts their middle, so no two rows read alike, and pads by cells."""
    from reportdiff.core.text import cells
    from reportdiff.render.columns import pad_middle

    head = "行政事业单位养老支出（款）"
    ends = [
        "机关事业单位基本养老保险缴费支出（项）",
        "机关事业单位职业年金缴费支出（项）",
        "其他行政事业单位养老支出（项）",
        "Retirement plan contributions (item)",
    ]
    for width in (28, 40):  # the figure table gives labels 28 cells
        shown = [pad_middle(head + end, width) for end in ends]
        assert len(set(shown)) == len(ends)
        assert all(cells(s) == width for s in shown)
        assert all(s.rstrip().endswith(end[-3:]) for s, end in zip(shown, ends, strict=True))
    assert pad_middle("基本支出", 28) == "基本支出" + " " * 20
