"""The review app driven with Pilot: navigation, filters, jumps, review marks."""

from __future__ import annotations

from reportdiff.review import MemoryReviewStore, pair_key
from reportdiff.tui import build_app
from reportdiff.tui.diffview import DiffView
from reportdiff.tui.screens import HelpScreen

from .conftest import comparison_of

SIZE = (140, 45)


def row_text(app, y):
    row = app.diff.rows[y]
    c = app.c
    old = c.old.text[row.old[0] : row.old[1]] if row.old else ""
    new = c.new.text[row.new[0] : row.new[1]] if row.new else ""
    return old, new


async def test_n_and_p_step_through_changes(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        stops = app.diff.change_starts()
        assert len(stops) > 10
        await pilot.press("n")
        assert app.diff.cursor == next(y for y in stops if y > 0)
        first = app.diff.cursor
        await pilot.press("n", "n")
        assert app.diff.cursor == stops[stops.index(first) + 2]
        await pilot.press("p")
        assert app.diff.cursor == stops[stops.index(first) + 1]
        assert app.diff._row_changed(app.diff.rows[app.diff.cursor])


async def test_brackets_step_through_sections_and_the_outline_follows(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        starts = sorted(app.diff.layout_.pair_start.values())
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert app.diff.cursor == starts[2]
        assert app.diff.rows[app.diff.cursor].kind == "pair"
        await pilot.pause()
        assert app.outline.cursor_node.data == app.diff.current_pair
        await pilot.press("left_square_bracket")
        assert app.diff.cursor == starts[1]


async def test_hiding_unchanged_sections_filters_panes_and_outline(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = len(app.outline.nodes_by_pair)
        await pilot.press("u")
        shown = [
            sample_comparison.pairs[app.diff.layout_.order[d]] for d in app.diff.layout_.pair_start
        ]
        assert all(p.status != "unchanged" or p.moved for p in shown)
        assert len(app.outline.nodes_by_pair) == len(shown) < before
        await pilot.press("u")
        assert len(app.outline.nodes_by_pair) == before


async def test_view_toggle_switches_to_one_column(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.diff.unified
        await pilot.press("v")
        assert app.diff.unified
        assert all(not (r.old and r.new) for r in app.diff.rows)


async def test_narrow_terminal_opens_unified_without_outline(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=(64, 24)) as pilot:
        await pilot.pause()
        assert app.diff.unified
        assert not app.query_one("#outline").display


async def test_an_80_column_footer_shows_every_key(sample_comparison):
    from textual.widgets import Footer

    for size, narrow in (((80, 30), True), ((140, 45), False)):
        app = build_app(sample_comparison)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            footer = app.query_one(Footer)
            assert footer.compact is narrow
            assert footer.show_command_palette is not narrow


async def test_enter_on_a_figure_jumps_to_it_in_both_panes(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")
        table = app.query_one("#figures-table")
        assert table.has_focus
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        n = table.numbers[int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)]
        _old, new = row_text(app, app.diff.cursor)
        assert n.new.text in new
        assert app.diff.focus_spans["new"] == [(n.new.start, n.new.end)]
        if n.old is not None:
            assert app.diff.focus_spans["old"] == [(n.old.start, n.old.end)]


async def test_sorting_figures_by_percent_puts_the_largest_change_first(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "s", "s", "s", "s", "s")  # label, old, new, Δ, % (largest first)
        table = app.query_one("#figures-table")
        assert table.sort_column == 4
        pcts = [abs(table.numbers[int(k.value)].pct or 0) for k in table.rows]
        assert pcts[0] == max(pcts)


async def test_search_jumps_to_a_match(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"河湖长制", "enter")
        await pilot.pause()
        old, new = row_text(app, app.diff.cursor)
        assert "河湖长制" in old + new
        assert app.diff.search == "河湖长制"


async def test_review_marks_and_notes_are_saved_at_once_and_restored(sample_comparison):
    store = MemoryReviewStore()
    app = build_app(sample_comparison, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "r")
        pair = app.pair_at(app.diff.current_pair)
        await app.workers.wait_for_complete()  # saves run in a worker thread
        saved = store.load(app.review.key)
        assert saved is not None
        assert saved.is_reviewed(pair_key(pair))
        await pilot.press("e")
        await pilot.press(*"核对", "ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert store.load(app.review.key).note(pair_key(pair)) == "核对"
    again = build_app(sample_comparison, store)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.review.is_reviewed(pair_key(pair))
        total = len(sample_comparison.pairs)
        assert f"1/{total} reviewed" in str(again.query_one("#topbar").render())


async def test_help_lists_every_key_and_closes(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {text for _, text in app.screen.keys}
        assert {b.description for b in app.BINDINGS} <= described
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_every_action_is_in_the_command_palette(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {cmd.title for cmd in app.get_system_commands(app.screen)}
        assert {b.description for b in app.BINDINGS} <= titles


async def test_mouse_click_moves_the_cursor(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(DiffView, offset=(10, 7))
        assert app.diff.cursor == int(app.diff.scroll_y) + 7


async def test_outline_enter_jumps_and_marks_the_highlighted_pair(sample_comparison):
    store = MemoryReviewStore()
    app = build_app(sample_comparison, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.outline.focus()
        await pilot.press("down", "down", "down", "enter")
        d = app.outline.cursor_node.data
        assert app.diff.cursor == app.diff.pair_row(d)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        assert store.load(app.review.key).is_reviewed(pair_key(app.pair_at(d)))
        assert "✓" in str(app.outline.cursor_node.label)


async def test_boilerplate_toggle_removes_the_marks_and_their_notes(sample_comparison):
    assert sample_comparison.boilerplate, "the samples plant boilerplate"
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        flagged = {m.kind for side in ("old", "new") for m in app.diff.marks[side].marks}
        assert "flag" in flagged
        await pilot.press("b")
        flagged = {m.kind for side in ("old", "new") for m in app.diff.marks[side].marks}
        assert "flag" not in flagged
        assert not any(
            n.kind == "flag"
            for side in ("old", "new")
            for ns in app.diff.marks[side].notes.values()
            for n in ns
        )


async def test_identical_documents_open_and_say_there_is_nothing_to_step_to():
    text = "一、概况\n本年度工作按计划完成。\n二、问题\n暂无。\n"
    app = build_app(comparison_of(text, text))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.diff.change_starts() == []
        await pilot.press("n", "p", "right_square_bracket", "u")
        assert app.diff.rows == []  # every section unchanged and hidden
        await pilot.press("u", "v", "r")
        assert app.review.progress(app.pair_keys)[0] == 1


async def test_note_is_shown_in_the_section_header(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "e", *"待核实", "ctrl+s")
        await pilot.pause()
        header = app.diff.render_line(app.diff.cursor - int(app.diff.scroll_y))
        assert "✎ 待核实" in header.text


async def test_resizing_rewraps_and_keeps_the_place(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*["right_square_bracket"] * 5, "n")
        pair, wide = app.diff.current_pair, app.diff.layout_.width
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.diff.layout_.width < wide
        assert app.diff.current_pair == pair
        y = app.diff.cursor
        assert (
            app.diff.scroll_y <= y < app.diff.scroll_y + app.diff.scrollable_content_region.height
        )


async def test_a_match_that_wraps_is_lit_on_both_rows(sample_comparison):
    app = build_app(sample_comparison)
    text = sample_comparison.new.text
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        diff = app.diff
        # a row of NEW that a paragraph wraps out of: its text runs on without a break
        a, b = next(
            r.new
            for r in diff.layout_.rows
            if r.kind == "text" and r.new and "\n" not in text[r.new[1] - 3 : r.new[1] + 3]
        )
        diff.search = text[b - 3 : b + 3]  # three characters either side of the wrap
        assert diff._search_spans("new", a, b) == [(b - 3, b + 3, "search")]
        assert diff._search_spans("new", b, b + 3) == [(b - 3, b + 3, "search")]


async def test_search_positions_stay_true_after_a_letter_that_lowercases_longer():
    from reportdiff.core.compare import compare
    from reportdiff.model import Document
    from reportdiff.readers.blocks import blocks_from_lines

    text = "1. Overview\nİstanbul office: the ferry budget rose.\n"
    doc = Document("a.md", "Overview", text, blocks_from_lines(text))
    app = build_app(compare(doc, doc))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ((start, end),) = app.diff.search_hits("new", "FERRY")
    assert text[start:end] == "ferry"


async def test_n_and_shift_n_step_through_search_matches_as_in_less(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        query = "万元"
        rows = sorted(set(app._matches(query)))
        assert len(rows) > 4
        await pilot.press("slash", *query, "enter")
        await pilot.pause()
        assert app.diff.has_focus  # Enter closed the prompt
        first = app.diff.cursor
        assert first in rows
        await pilot.press("n", "n")
        assert app.diff.cursor == rows[rows.index(first) + 2]
        await pilot.press("N")
        assert app.diff.cursor == rows[rows.index(first) + 1]
        assert query in "".join(row_text(app, app.diff.cursor))
        # An empty search ends it: n is "next change" again.
        await pilot.press("slash", *["backspace"] * len(query), "enter")
        await pilot.pause()
        here = app.diff.cursor
        await pilot.press("n")
        assert app.diff.cursor == next(y for y in app.diff.change_starts() if y > here)


async def test_vi_keys_move_in_the_text_and_the_outline(sample_comparison):
    app = build_app(sample_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.diff.focus()
        await pilot.press("G")
        assert app.diff.cursor == len(app.diff.rows) - 1
        await pilot.press("g")
        assert app.diff.cursor == 0
        await pilot.press("j", "j", "j", "k")
        assert app.diff.cursor == 2
        app.outline.focus()
        await pilot.pause()
        await pilot.press("G")
        assert app.outline.cursor_line == app.outline.last_line
        await pilot.press("g", "j")
        assert app.outline.cursor_line == 1
        await pilot.press("k")
        assert app.outline.cursor_line == 0


async def test_heading_markup_is_not_drawn(tmp_path):
    c = comparison_of(
        "一、概况\n**二、存在问题**\n预算编制不够精确。\n",
        "一、概况\n**二、存在问题**\n预算编制不够精确，绩效目标不够细化。\n",
    )
    app = build_app(c)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        screen = "\n".join("".join(seg.text for seg in app.diff.render_line(y)) for y in range(15))
        assert "二、存在问题" in screen
        assert "**" not in screen
        labels = [str(app.outline.label(i)) for i in range(len(c.pairs))]
        assert any("二、存在问题" in label for label in labels)
        assert not any("**" in label for label in labels)


async def test_long_file_names_give_way_to_the_counts_in_the_top_bar(tmp_path):
    from reportdiff.core.compare import compare
    from reportdiff.readers import read_document

    stem = "上海市某区人民政府某某街道办事处部门预算公开材料"
    paths = []
    for year, figure in ((2024, "12"), (2025, "15")):
        path = tmp_path / f"{stem}-{year}.txt"
        path.write_text(f"一、概况\n本办事处共有科室{figure}个。\n", encoding="utf-8")
        paths.append(path)
    app = build_app(compare(*(read_document(p) for p in paths)), MemoryReviewStore())
    for width in (80, 100, 140):
        async with app.run_test(size=(width, 30)) as pilot:
            await pilot.pause()
            bar = str(app.query_one("#topbar").render())
            assert bar.rstrip().endswith("0 moved"), (width, bar)
            assert "…" in bar  # the names were cut inside
            if width >= 100:  # with room for a few characters, the ends say the year
                assert "2024.txt" in bar
                assert "2025.txt" in bar
        app = build_app(app.c, MemoryReviewStore())


async def test_the_focused_region_is_marked(sample_comparison):
    app = build_app(sample_comparison, MemoryReviewStore())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panels, sticky = app.query_one("#panels"), app.query_one("#sticky")
        rule_before = panels.styles.border_top
        sticky_on = sticky.styles.background
        await pilot.press("2")  # the Checks table takes the keys
        await pilot.pause()
        assert panels.styles.border_top != rule_before
        assert sticky.styles.background != sticky_on


async def test_at_80_columns_the_figures_table_keeps_every_column_on_screen():
    """Long budget-line labels give way (their middle cut), never a figure's column."""
    from reportdiff.tui.panels import FiguresTable

    name = "“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）"
    rows = [f"{k}、{name}{'行政运行' * (k % 3 + 1)}（项）{100 + k}.25万元。" for k in range(1, 8)]
    old = "一、支出情况\n" + "\n".join(rows) + "\n"
    new = old.replace(".25万元", ".75万元")
    app = build_app(comparison_of(old, new))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause(0.3)
        table = app.query_one(FiguresTable)
        assert table.row_count >= 7
        used = sum(c.get_render_width(table) for c in table.ordered_columns)
        assert used <= 80
        first = table.get_row_at(0)
        assert "…" in str(first[0])  # the label lost its middle
        assert str(first[2]).endswith("万元")  # the new figure is whole
