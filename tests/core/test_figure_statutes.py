"""Fines of a statute whose articles were renumbered: each article's bounds pair with
the same article's in the new version, whatever its number, and only a bound that
changed is reported."""

from __future__ import annotations

import random

from reportdiff.core.compare import compare

from .figure_helpers import chinese_numeral, doc_of

_ACTS = ("虚报注册资本", "提交虚假材料", "虚假出资", "抽逃出资", "另立会计账簿", "不按规定公示信息")
_CN = {1: "一", 3: "三", 5: "五", 10: "十", 20: "二十", 30: "三十", 50: "五十", 100: "一百"}


def _statute(first: int, fines: list[tuple[int, int]]) -> str:
    lines = ["# 示例法", "## 第十二章 法律责任"]
    for k, (act, (low, high)) in enumerate(zip(_ACTS, fines, strict=True)):
        lines.append(
            f"第{chinese_numeral(first + k)}条 公司{act}的，由公司登记机关责令改正，"
            f"处以{_CN[low]}万元以上{_CN[high]}万元以下的罚款。"
        )
    return "\n\n".join(lines) + "\n"


def test_a_changed_bound_in_a_renumbered_article_pairs_with_its_own_article():
    rng = random.Random(7)
    bounds = [(1, 10), (3, 30), (5, 50), (5, 20), (1, 5), (10, 100)]
    for _ in range(10):
        old_first, new_first = rng.randint(95, 200), rng.randint(201, 299)
        changed = rng.randrange(len(_ACTS))
        low, high = bounds[changed]
        new_high = next(h for h in (100, 50, 30, 20) if h != high and h > low)
        new_bounds = [*bounds[:changed], (low, new_high), *bounds[changed + 1 :]]
        old, new = _statute(old_first, bounds), _statute(new_first, new_bounds)
        c = compare(doc_of(old, "old.md"), doc_of(new, "new.md"))
        (n,) = [n for n in c.numbers if n.status != "unchanged"]
        assert n.status == "changed", (old_first, new_first, changed)
        assert (n.old.value, n.new.value) == (high * 1e4, new_high * 1e4)
        line = _ACTS[changed]
        assert line in old[old.rfind("\n", 0, n.old.start) : n.old.start]
        assert line in new[new.rfind("\n", 0, n.new.start) : n.new.start]
