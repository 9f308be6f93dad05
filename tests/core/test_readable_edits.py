"""Families of generated sentences: a rewrite reads as one replacement, a changed
figure as exactly that figure, and edits a clause apart stay apart."""

import random

import pytest

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
