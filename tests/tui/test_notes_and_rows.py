"""What a reviewer reads in the panes: where a figure's change note stands, which
figures get one, rows of moved passages, and Latin words kept whole when rows wrap.

The reports are fictional (a county water station, a valley water board), written
for these tests.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from reportdiff.tui import build_app
from reportdiff.tui.layout import Layout, wrap_line
from reportdiff.tui.marks import build_marks

from .conftest import comparison_of

ZH_OLD = """河西县水务站2023年度工作报告
一、收支情况
2023年部门收入6200.00万元，较上年5800.00万元增加400.00万元，增长6.90%。
二、工作成效
用水户满意度92%以上。巡查河段36处左右。组织防汛演练9次。全年受理用水咨询410人次。
三、下一步工作
继续完善供水管网。
"""

ZH_NEW = """河西县水务站2024年度工作报告
一、收支情况
2024年部门收入6700.00万元，较上年6200.00万元增加500.00万元，增长8.06%。
二、工作成效
用水户满意度94%以上。巡查河段40处左右。
三、下一步工作
全年受理用水咨询410人次。继续完善供水管网。
"""

EN_OLD = """# Valley Water Board Annual Report 2023

## 1. Finances

Connection fees rose 4.0% to $6.2 million from $5.9 million, while pumping costs \
were $2.1 million for diesel fuel and $0.8 million for electricity.

## 2. Service

Customer satisfaction rose to 86% from 83%, the third rise in a row for the board.

Crews inspected all nine pumping stations in May. Repairs followed in June.
"""

EN_NEW = """# Valley Water Board Annual Report 2024

## 1. Finances

Connection fees rose 6.0% to $6.6 million from $6.2 million, while pumping costs \
were $2.4 million for diesel fuel and $0.9 million for electricity.

## 2. Service

Customer satisfaction rose to 89% from 86%, the fourth rise in a row for the board.

Crews inspected all nine pumping stations in May. Repairs followed in June.
"""


def shown_new(c, row) -> str:
    """A row of the NEW pane as drawn: its text with its inline notes."""
    notes = build_marks(c)["new"]
    a, b = row.new
    text, out = c.new.text, []
    for i in range(a, b):
        out.append(text[i])
        out.extend(n.text for n in notes.notes.get(i + 1, []))
    return "".join(out)


def new_notes(c) -> dict[str, str]:
    """Each NEW note of a figure, keyed by the text from the line start to it."""
    text = c.new.text
    return {
        text[text.rfind("\n", 0, n.at) + 1 : n.at]: n.text
        for ns in build_marks(c)["new"].notes.values()
        for n in ns
        if n.kind == "fig"
    }


def test_a_note_stands_after_the_bound_word_of_its_figure():
    c = comparison_of(ZH_OLD, ZH_NEW)
    before_notes = list(new_notes(c))
    assert any(k.endswith("满意度94%以上") for k in before_notes)
    assert any(k.endswith("巡查河段40处左右") for k in before_notes)
    assert not any(k.endswith(("94%", "40处")) for k in before_notes)


def test_a_figure_a_stated_change_starts_from_has_no_note_but_stays_in_the_table():
    c = comparison_of(ZH_OLD, ZH_NEW)
    keys = list(new_notes(c))
    assert any(k.endswith("部门收入6700.00万元") for k in keys)  # this year's value
    assert any(k.endswith("增加500.00万元") for k in keys)  # the stated change
    assert not any(k.endswith("较上年6200.00万元") for k in keys)  # last year's value
    assert any(n.new is not None and n.new.role == "previous" for n in c.numbers)


def test_an_english_from_figure_has_no_note():
    c = comparison_of(EN_OLD, EN_NEW)
    keys = list(new_notes(c))
    assert any(k.endswith("rose to 89%") for k in keys)
    assert not any(k.endswith(("from 86%", "from $6.2 million")) for k in keys)
    assert any(n.new is not None and n.new.role in ("start", "previous") for n in c.numbers)


async def test_the_figures_table_keeps_every_figure():
    c = comparison_of(ZH_OLD, ZH_NEW)
    app = build_app(c)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        table = app.query_one("#figures-table")
        assert table.row_count == len(c.numbers)


async def test_only_the_moved_sentence_is_marked_moved():
    c = comparison_of(ZH_OLD, ZH_NEW)
    app = build_app(c)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        rows = [r for r in app.diff.rows if r.old]
        text = c.old.text
        gone = text.index("组织防汛演练9次。")
        moved = [r for r in rows if "受理用水咨询" in text[r.old[0] : r.old[1]]]
        deleted = [r for r in rows if r.old[0] <= gone < r.old[1]]
        assert moved
        assert deleted
        # The moved sentence stands on its own rows: nothing deleted shares them.
        for r in moved:
            assert not r.old[0] <= gone < r.old[1]
            assert {m.kind for m in app.diff.marks["old"].overlapping(*r.old)} & {"del"} == set()
        # And the gutter says so: ">" on the moved rows, "-" on the deleted ones.
        gutter = {id(r): app.diff._side("old", r.old, 40)[0].text for r in moved + deleted}
        assert {gutter[id(r)] for r in moved} == {">"}
        assert {gutter[id(r)] for r in deleted} == {"-"}


def test_a_moved_passage_keeps_its_note_on_its_row():
    c = comparison_of(ZH_OLD, ZH_NEW)
    layout = Layout(c, build_marks(c), 45)
    rows = [r.new for r in layout.rows if r.new]
    target = next(r for r in rows if c.new.text[r[0] : r[1]].startswith("全年受理用水咨询"))
    assert c.new.text[target[0] : target[1]] == "全年受理用水咨询410人次。"
    assert "moved from" in shown_new(c, next(r for r in layout.rows if r.new == target))


def test_a_word_before_a_full_stop_is_not_broken():
    line = "aaaa bbbb fuel. Next"
    rows = wrap_line(line, 0, len(line), 14)
    assert [line[a:b] for a, b in rows][:2] == ["aaaa bbbb ", "fuel. Next"]


def test_a_figure_with_its_note_is_not_broken_before_a_full_stop():
    line = "revenue from $10.5 million."
    fig = (line.index("$"), len(line) - 1)
    rows = wrap_line(line, 0, len(line), 25, {fig[1]: 9}, [fig])
    texts = [line[a:b] for a, b in rows]
    assert "$10.5 million." in texts


def assert_whole_words(c, marks, rows) -> None:
    """No wrapped row ends inside a Latin word or a figure, or starts with a space."""
    for side, doc in (("old", c.old), ("new", c.new)):
        spans = [getattr(r, side) for r in rows if getattr(r, side)]
        for (_, b), (a2, _) in pairwise(spans):
            if b != a2:
                continue  # a new line, not a wrapped one
            pair = doc.text[b - 1 : b + 1]
            assert not (pair[0].isalnum() and pair[1].isalnum()), (side, pair)
            assert not any(s < b < e for s, e in marks[side].figures), (side, pair)
            assert doc.text[b] != " ", (side, doc.text[b - 10 : b + 10])


@pytest.mark.parametrize("width", range(27, 64, 3))  # every word with its note fits
def test_english_rows_break_at_spaces_and_keep_figures_whole(width):
    c = comparison_of(EN_OLD, EN_NEW)
    marks = build_marks(c)
    assert_whole_words(c, marks, Layout(c, marks, width).rows)


async def test_at_100_columns_the_panes_show_whole_words():
    app = build_app(comparison_of(EN_OLD, EN_NEW))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        # 48 cells: "…pumping stations in May" fills a row, its "." would start the next
        assert app.diff.text_width() == 48
        assert_whole_words(app.c, app.diff.marks, app.diff.rows)
