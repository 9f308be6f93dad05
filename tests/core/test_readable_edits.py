"""Families of generated sentences: a rewrite reads as one replacement, a changed
figure as exactly that figure, and edits a clause apart stay apart."""

import random

import pytest

from reportdiff.core.diff.cells import diff_cells, one_row_shape
from reportdiff.core.diff.readable import absorb_scraps
from tests.core.test_textdiff import checked_edits

WORDS = [
    "加强", "预算", "管理", "提高", "资金", "使用", "效益", "推进", "项目", "建设",
    "完善", "制度", "落实", "责任", "监督", "检查", "深化", "改革", "服务", "群众",
    "保障", "安全", "规范", "程序", "优化", "结构", "强化", "考核", "统筹", "协调",
]  # fmt: skip
SCRAPS = ["企事", "单位", "机关", "组织", "及其", "工程", "业务", "群众"]


def _edits(a: str, b: str):
    return checked_edits(a, b, 5.0)


def _phrase(rng: random.Random, n: int, avoid: set[str] = frozenset()) -> str:
    return "".join(rng.choice([w for w in WORDS if w not in avoid]) for _ in range(n))


@pytest.mark.parametrize("seed", range(60))
def test_a_rewritten_sentence_is_one_replacement(seed: int) -> None:
    """Long rewritten clauses with short shared scraps between them, and small
    insertions beside the scraps (企{+业+}事业): one replacement, not confetti."""
    rng = random.Random(seed)
    old_alphabet, new_alphabet = "".join(WORDS[:15]), "".join(WORDS[15:])
    old_alphabet = "".join(c for c in old_alphabet if c not in new_alphabet)
    old, new = [], []
    for _ in range(rng.randint(2, 4)):
        old.append("".join(rng.choice(old_alphabet) for _ in range(rng.randint(5, 8))))
        new.append("".join(rng.choice(new_alphabet) for _ in range(rng.randint(5, 8))))
        # Two shared characters, a small insertion, two more (企{+业+}事业): the
        # semantic clean-up keeps such scraps, as each is longer than the insertion.
        left, right = rng.sample(SCRAPS, 2)
        old.append(left + right)
        new.append(left + rng.choice("业项部") + right)
    # Shared clauses on both ends keep the two sentences alike enough to be paired and
    # diffed word by word, which is where the scraps come from.
    lead, tail = _phrase(rng, 8), _phrase(rng, 8)
    a = lead + "".join(old) + tail + "。"
    b = lead + "".join(new) + tail + "。"
    edits = _edits(a, b)
    assert len(edits) == 1, [(e.old_text, e.new_text) for e in edits]
    assert edits[0].op == "replace"


@pytest.mark.parametrize("seed", range(40))
def test_changed_figures_a_clause_apart_stay_separate_and_whole(seed: int) -> None:
    rng = random.Random(seed)
    one_old, one_new = f"{rng.randint(100, 9999)}.{rng.randint(10, 99)}万元", ""
    while not one_new or one_new == one_old:
        one_new = f"{rng.randint(100, 9999)}.{rng.randint(10, 99)}万元"
    two_old, two_new = f"{rng.randint(1, 99)}%", f"{rng.randint(100, 199)}%"
    clause = _phrase(rng, rng.randint(3, 5))
    template = "本年度{}支出{}，其中{}占比{}。"
    a = template.format(clause, one_old, clause, two_old)
    b = template.format(clause, one_new, clause, two_new)
    edits = _edits(a, b)
    assert [(e.old_text, e.new_text) for e in edits] == [(one_old, one_new), (two_old, two_new)]


def test_scraps_are_absorbed_but_line_breaks_are_not() -> None:
    diffs = [(-1, "监督机关"), (1, "社会团体"), (0, "、"), (-1, "企业"), (1, "组织")]
    assert absorb_scraps(diffs) == [(-1, "监督机关、企业"), (1, "社会团体、组织")]
    lines = [(-1, "52.00万元"), (1, "60.00万元"), (0, "；\n"), (-1, "8项"), (1, "9项")]
    assert absorb_scraps(lines) == lines
    apart = [(-1, "2023年"), (1, "2024年"), (0, "全县公安机关共"), (-1, "3"), (1, "4")]
    assert absorb_scraps(apart) == apart


# --- table rows: an edit never straddles a cell -----------------------------------


def _row(cells: list[str]) -> str:
    return "\t".join(cells)


def _figure(rng: random.Random) -> str:
    return rng.choice(["{:,}", "{}.{:02d}万元", "{}%", "{}人"]).format(
        *(rng.randint(1, 99999) for _ in range(2))
    )


@pytest.mark.parametrize("seed", range(60))
def test_each_changed_cell_of_a_row_is_an_edit_of_its_own(seed: int) -> None:
    """Rows of a budget table with some cells changed, neighbours included: every edit
    lies inside one cell, and together they turn each old cell into its new one."""
    rng = random.Random(seed)
    names = ["一般公共服务支出", "公共安全支出", "住房公积金", "合计", "基本支出", "项目支出"]
    old_rows, new_rows = [], []
    for _ in range(rng.randint(1, 4)):
        old = [rng.choice(names), *(_figure(rng) for _ in range(rng.randint(2, 5)))]
        new = [c if k == 0 or rng.random() < 0.4 else _figure(rng) for k, c in enumerate(old)]
        if new == old:
            new[-1] = f"{old[-1]}0"
        old_rows.append(_row(old))
        new_rows.append(_row(new))
    a, b = "\n".join(old_rows) + "\n", "\n".join(new_rows) + "\n"
    edits = _edits(a, b)
    assert edits
    for e in edits:
        gone, came = e.old_text.removesuffix("\n"), e.new_text.removesuffix("\n")
        assert "\t" not in gone + came
        assert "\n" not in gone + came
        column_old = a.count("\t", a.rfind("\n", 0, e.old_start) + 1, e.old_start)
        column_new = b.count("\t", b.rfind("\n", 0, e.new_start) + 1, e.new_start)
        assert column_old == column_new  # the same column on both sides


def test_rows_of_one_shape_are_diffed_cell_by_cell() -> None:
    def whole(x: str, y: str) -> list[tuple[int, str]]:
        return [(-1, x), (1, y)]

    assert one_row_shape("80公里\t86.5公里\t10\n", "90公里\t94.2公里\t10\n")
    assert diff_cells("1\t2\t3", "4\t2\t5", whole) == [
        (-1, "1"),
        (1, "4"),
        (0, "\t"),
        (0, "2"),
        (0, "\t"),
        (-1, "3"),
        (1, "5"),
    ]
    assert not one_row_shape("1\t2", "1\t2\t3")  # a column added: no cell is the same
    assert not one_row_shape("1\t2\n3", "1\t2")
    assert not one_row_shape("合计", "总计")


def test_a_tab_between_two_edited_cells_is_never_absorbed() -> None:
    tab_between = [(-1, "7"), (1, "9"), (0, "\t"), (-1, "8"), (1, "6")]
    assert absorb_scraps(tab_between) == tab_between  # a tab is never a scrap
