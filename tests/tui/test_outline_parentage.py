"""The review UI's outline nests pairs as the outline over both documents does."""

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.text import without_markup
from reportdiff.readers import read_document
from reportdiff.render.text import render_text
from reportdiff.tui import build_app


@pytest.fixture(scope="module")
def seeds_comparison():
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("the real reports in ../shared/seeds are not beside this checkout")
    return compare(
        read_document(SEEDS / "daoxian-police-2023.txt"),
        read_document(SEEDS / "ebian-police-2023.txt"),
    )


def _heading(c, pair):
    s = c.section("new", pair.new) or c.section("old", pair.old)
    return without_markup(s.heading) if s else ""  # as the reports show it


async def test_a_new_section_sits_under_its_new_parent_not_a_removed_old_one(seeds_comparison):
    c = seeds_comparison
    app = build_app(c)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        outline = app.outline
        tasks = next(
            node
            for d, node in outline.nodes_by_pair.items()
            if "年度主要工作任务" in _heading(c, c.pairs[app.diff.layout_.order[d]])
        )
        parent = tasks.parent
        parent_pair = c.pairs[app.diff.layout_.order[parent.data]]
        assert parent_pair.new is not None
        assert "部门基本情况" in _heading(c, parent_pair)
        assert "一般公共预算支出情况" not in str(parent.label)
        # Every node with a NEW section hangs under the pair of its NEW parent.
        for d, node in outline.nodes_by_pair.items():
            pair = c.pairs[app.diff.layout_.order[d]]
            section = c.section("new", pair.new)
            if section is None or section.parent is None:
                continue
            up = c.pairs[app.diff.layout_.order[node.parent.data]]
            assert up.new == section.parent


async def test_the_ui_lists_pairs_in_the_text_reports_order(seeds_comparison):
    c = seeds_comparison
    app = build_app(c)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        order = list(app.diff.layout_.order)
    assert order == [row.pair for row in c.outline]
    text = render_text(c)
    positions = [text.find(_heading(c, c.pairs[k])[:8]) for k in order[1:12]]
    assert positions == sorted(positions)


async def test_a_weak_pair_is_marked_weak_in_the_ui_outline(seeds_comparison):

    c = seeds_comparison
    k = next(i for i, p in enumerate(c.pairs) if p.old and p.new and p.old != "0")
    pairs = list(c.pairs)
    pairs[k] = pairs[k]._replace(weak=True, basis="title")
    weak = c._replace(pairs=tuple(pairs))
    app = build_app(weak)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        d = app.diff.layout_.order.index(k)
        label = str(app.outline.nodes_by_pair[d].label)
        assert "weak" in label
        others = [str(n.label) for e, n in app.outline.nodes_by_pair.items() if e != d]
        assert not any("weak" in t for t in others)
