"""The outline over both documents: parentage from the pairing, one order for all."""

from reportdiff.core.compare import compare
from reportdiff.render.json import render_json
from reportdiff.render.text import render_text
from tests.core.test_boilerplate import doc

WATER = "全县水利工程建设稳步推进，完成水库除险加固三座，新建灌溉渠道二十公里。\n"
ROADS = "农村公路提质改造全面完成，新增硬化道路四十公里，客运班线通达各乡镇。\n"
STAFF = "本局内设股室五个，下属事业单位两个，年末实有人员八十六人。\n"
FUND = "政府性基金预算支出主要为水利建设基金，用于防洪工程和水资源节约保护。\n"

OLD = (
    "报告\n一、基本情况\n（一）人员\n"
    + STAFF
    + "二、基金支出\n"
    + FUND
    + "三、工作成效\n（一）水利\n"
    + WATER
    + "（二）交通\n"
    + ROADS
)
# 二、基金支出 is gone; 一、 gains a new child; the achievements move under 一、.
NEW = (
    "报告\n一、基本情况\n（一）人员\n"
    + STAFF
    + "（二）工作成效\n1.水利\n"
    + WATER
    + "2.交通\n"
    + ROADS
    + "（三）新增任务\n新设河湖巡查专班，全年巡河一千二百余次。\n"
)


def _rows(c):
    out = []
    for row in c.outline:
        p = c.pairs[row.pair]
        s = c.section("new", p.new) or c.section("old", p.old)
        out.append((row.depth, s.title if s else "", row.parent))
    return out


def test_every_pair_appears_once_and_parents_come_first():
    c = compare(doc(OLD), doc(NEW))
    assert sorted(r.pair for r in c.outline) == list(range(len(c.pairs)))
    for k, row in enumerate(c.outline):
        if row.parent is not None:
            assert row.parent < k
            assert c.outline[row.parent].depth == row.depth - 1


def test_a_new_section_sits_under_its_new_parent_and_a_removed_one_where_it_stood():
    c = compare(doc(OLD), doc(NEW))
    rows = _rows(c)
    titles = [t for _, t, _ in rows]
    new_task = titles.index("新增任务")
    parent = rows[new_task][2]
    assert rows[parent][1] == "基本情况"
    removed = titles.index("基金支出")
    assert rows[removed][0] == 1  # a top-level section of OLD stays at the top level
    water = titles.index("水利")
    assert rows[rows[water][2]][1] == "工作成效"


def test_text_report_lists_pairs_in_the_outline_order():
    c = compare(doc(OLD), doc(NEW))
    text = render_text(c)
    outline_part = text.split("\n\n")[1] if "\n\n" in text else text
    seen = [t for _, t, _ in _rows(c) if t and t != "报告"]
    positions = [outline_part.find(t) for t in seen]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)


def test_json_names_each_pairs_basis_and_weakness():
    import json

    c = compare(doc(OLD), doc(NEW))
    data = json.loads(render_json(c))
    for pair in data["sections"]:
        assert "weak" in pair
        assert pair["basis"] in ("title", "content", "outline", "position", None)
