"""The two real county reports align as a reviewer would pair their sections."""

import pytest

from reportdiff.core.compare import compare
from reportdiff.readers import read_document


@pytest.fixture(scope="module")
def seeds(request):
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("the real reports in ../shared/seeds are not beside this checkout")
    daoxian = read_document(SEEDS / "daoxian-police-2023.txt")
    ebian = read_document(SEEDS / "ebian-police-2023.txt")
    return daoxian, ebian


def _partner(c, old_title_part):
    for p in c.pairs:
        o = c.section("old", p.old)
        if o is not None and old_title_part in o.title:
            n = c.section("new", p.new)
            return n.title if n else None
    raise AssertionError(f"no old section titled like {old_title_part}")


def test_cross_agency_sections_of_the_same_meaning_are_paired(seeds):
    c = compare(*seeds)
    assert "机构职能和人员概况" in _partner(c, "主要职能")
    assert "存在问题" in _partner(c, "存在的问题及原因分析")
    assert "部门基本情况" in _partner(c, "部门基本情况")


def _pair_of(c, old_title_part):
    return next(
        p
        for p in c.pairs
        if (o := c.section("old", p.old)) is not None and old_title_part in o.title
    )


def test_cross_agency_sections_named_differently_are_paired_through_the_genre_outline(seeds):
    c = compare(*seeds)
    assert "改进建议" in _partner(c, "下一步改进措施")
    assert _pair_of(c, "下一步改进措施").basis == "outline"
    assert "部门财政资金支出情况" in _partner(c, "一般公共预算支出情况")
    assert "结果应用情况" in _partner(c, "绩效自评结果拟就用和公开情况")


def test_cross_agency_pairs_of_unrelated_sections_are_never_plain_matches(seeds):
    c = compare(*seeds)
    for old_part in ("政府性基金预算支出情况", "部门整体支出绩效情况", "其他需要说明"):
        pair = _pair_of(c, old_part)
        partner = c.section("new", pair.new)
        unrelated = ("整体情况", "部门财政资金收支情况")
        assert pair.weak or partner is None or partner.title not in unrelated
    for pair in c.pairs:
        if pair.old and pair.new and not pair.secondary and pair.similarity < 0.05:
            # Text shares next to nothing: only titles or the outline may hold it.
            assert pair.weak or pair.basis in ("title", "outline", "position")


def test_year_over_year_edit_of_a_seed_is_found_exactly(seeds, tmp_path):
    daoxian = seeds[0]
    text = daoxian.text
    edited = text.replace("5105.15万元", "5322.40万元", 1)
    moved_line = next(
        line for line in text.split("\n") if line.startswith("我们必须清醒地看到，当前反恐")
    )
    edited = edited.replace(moved_line + "\n", "", 1)
    anchor = next(line for line in text.split("\n") if line.startswith("八、"))
    edited = edited.replace(anchor + "\n", anchor + "\n" + moved_line + "\n", 1)
    path = tmp_path / "daoxian-2024.txt"
    path.write_text(edited, encoding="utf-8")
    c = compare(daoxian, read_document(path))
    replaced = [e for p in c.pairs for e in p.edits if e.op == "replace"]
    assert [(e.old_text, e.new_text) for e in replaced] == [("5105.15万元", "5322.40万元")]
    moves = [e for p in c.pairs for e in p.edits if e.op == "move"]
    assert {e.move_role for e in moves} == {"source", "target"}
    assert all(moved_line.startswith(e.old_text.strip()[:20]) for e in moves)
    assert not [e for p in c.pairs for e in p.edits if e.op in ("insert", "delete")]
    assert {p.status for p in c.pairs} <= {"unchanged", "changed"}
    assert not any(p.moved for p in c.pairs)
