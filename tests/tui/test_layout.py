"""Row layout: cell-width wrapping and side-by-side alignment, without textual."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.tui.layout import Layout, wrap_line
from reportdiff.tui.marks import build_marks

from .conftest import comparison_of


def texts(c, row):
    old = c.old.text[row.old[0] : row.old[1]] if row.old else None
    new = c.new.text[row.new[0] : row.new[1]] if row.new else None
    return old, new


def test_long_chinese_line_wraps_by_cells_not_as_one_word():
    line = "县水利局" * 30 + "，完成。"
    rows = wrap_line(line, 0, len(line), 21)
    assert "".join(line[a:b] for a, b in rows) == line
    assert all(cell_len(line[a:b]) <= 21 for a, b in rows)
    assert all(not line[a:b].startswith("，") for a, b in rows)
    assert len(rows) > 5


def test_latin_words_are_not_broken_where_a_space_allows():
    line = "The authority carried forward its maintenance programme in full"
    rows = wrap_line(line, 0, len(line), 20)
    assert all(cell_len(line[a:b]) <= 20 for a, b in rows)
    for _a, b in rows[:-1]:
        assert line[b - 1] == " "


@given(
    st.lists(
        st.one_of(
            st.text("县局完成任务年月日，。", min_size=1, max_size=6),
            st.from_regex(r"[0-9]{1,6}(\.[0-9]{1,2})?(万元|%|年)?", fullmatch=True),
            st.from_regex(r"20[0-9]{2}-[0-9]{1,3}", fullmatch=True),
        ),
        min_size=1,
        max_size=40,
    ),
    st.integers(min_value=8, max_value=40),
)
def test_numbers_amid_chinese_are_never_split_across_rows(parts, width):
    line = "".join(parts)
    rows = wrap_line(line, 0, len(line), width)
    assert "".join(line[a:b] for a, b in rows) == line
    for (_, b), (c, _) in itertools.pairwise(rows):
        assert b == c
        if not (_in_run(line[b - 1]) and _in_run(line[b])):
            continue
        start, end = b, b
        while start > 0 and _in_run(line[start - 1]):
            start -= 1
        while end < len(line) and _in_run(line[end]):
            end += 1
        # Only a run wider than a row is cut (with the closing mark that must follow
        # it on its row, as "。" must).
        tail = cell_len(line[end]) if end < len(line) and line[end] in "，。、；：！？" else 0
        assert end - start + tail > width, (line, rows)


def _in_run(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".-%")


def test_a_year_at_the_edge_of_an_80_column_pane_moves_down_whole():
    line = "截至2022年底，" * 6
    for width in range(10, 40):
        rows = wrap_line(line, 0, len(line), width)
        assert all(not line[a:b].startswith(("0", "2年", "22年", "022年")) for a, b in rows)


def test_unchanged_paragraphs_stand_on_the_same_row_beside_an_insertion():
    old = "一、概况\n第一段文字没有变化。\n第三段文字也没有变化。\n"
    new = "一、概况\n第一段文字没有变化。\n新增的第二段文字。\n第三段文字也没有变化。\n"
    c = comparison_of(old, new)
    layout = Layout(c, build_marks(c), 30)
    pairs = [texts(c, r) for r in layout.rows if r.kind == "text"]
    assert ("第一段文字没有变化。", "第一段文字没有变化。") in pairs
    assert ("第三段文字也没有变化。", "第三段文字也没有变化。") in pairs
    assert (None, "新增的第二段文字。") in pairs


def test_unified_view_shows_unchanged_text_once_and_changes_on_both_sides():
    old = "一、概况\n相同的一段。\n资金100万元。\n"
    new = "一、概况\n相同的一段。\n资金120万元。\n"
    c = comparison_of(old, new)
    layout = Layout(c, build_marks(c), 30, unified=True)
    shown = [texts(c, r) for r in layout.rows if r.kind != "pair"]
    assert shown.count((None, "相同的一段。")) == 1
    assert [r.kind for r in layout.rows if texts(c, r) == (None, "相同的一段。")] == ["ctx"]
    assert ("资金100万元。", None) in shown
    assert (None, "资金120万元。") in shown


@pytest.mark.parametrize("width", [18, 38, 98])
def test_seed_rows_fit_their_column_and_cover_every_line(seeds_dir, width):
    c = compare(
        read_document(seeds_dir / "daoxian-police-2023.txt"),
        read_document(seeds_dir / "ebian-police-2023.txt"),
    )
    layout = Layout(c, build_marks(c), width)
    for side in ("old", "new"):
        doc = c.old if side == "old" else c.new
        shown = [getattr(r, side) for r in layout.rows if getattr(r, side)]
        # A row may pass its width by one space at its end (the view crops it).
        assert all(cell_len(doc.text[a:b].removesuffix(" ")) <= width for a, b in shown)
        covered = "".join(doc.text[a:b] for a, b in sorted(set(shown)))
        # Every character outside line breaks and blank lines is on some row.
        assert len(covered.replace(" ", "")) >= len("".join(doc.text.split())) * 0.99


def test_unchanged_sample_sections_line_up_row_for_row(sample_comparison):
    c = sample_comparison
    # Without boilerplate notes, which legitimately widen one side's rows.
    layout = Layout(c, build_marks(c, boilerplate=False), 40)
    same = {d for d, pi in enumerate(layout.order) if c.pairs[pi].status == "unchanged"}
    assert same
    rows = [r for r in layout.rows if r.kind == "text" and r.pair in same]
    assert rows
    headings = {s.start for s in c.old_sections}  # renumbering alone is no change
    for r in rows:
        if r.old and r.old[0] in headings:
            continue
        old, new = texts(c, r)
        assert old is not None
        assert new is not None
        assert "".join(old.split()) == "".join(new.split())


def test_hiding_unchanged_drops_their_rows(sample_comparison):
    c = sample_comparison
    marks = build_marks(c)
    full, short = Layout(c, marks, 40), Layout(c, marks, 40, hide_unchanged=True)
    assert len(short.pair_start) < len(full.pair_start)
    assert len(short.rows) < len(full.rows)
