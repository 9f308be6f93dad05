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
