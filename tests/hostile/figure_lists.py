"""A long project list in two versions: every line a project with its amounts, the
kind of table-as-text a county budget report appends (thousands of lines)."""

from __future__ import annotations

import random

_SYLLABLES = "东西南北中新老河山湖江桥路街镇村园林田城港湾岭坪溪塘坝渠"
_KINDS = ("道路改造", "供水管网", "污水处理", "校舍维修", "农田水利", "河道整治", "路灯安装")


def project_list(lines: int, seed: int = 7) -> tuple[str, str]:
    """OLD and NEW: the same projects in order; one in ten amounts revised, one in fifty
    projects dropped and one in fifty added in NEW."""
    rng = random.Random(seed)
    old = ["一、项目支出明细"]
    new = ["一、项目支出明细"]
    for n in range(1, lines + 1):
        name = "".join(rng.choice(_SYLLABLES) for _ in range(3)) + rng.choice(_KINDS)
        total = rng.randint(10, 99999) / 100
        year = rng.randint(1, 9999) / 100
        line = f"{n}. {name}项目，总投资{total:.2f}万元，年度计划{year:.2f}万元。"
        old.append(line)
        if rng.random() < 0.02:
            continue
        if rng.random() < 0.1:
            line = line.replace(f"{total:.2f}万元", f"{total * 1.1:.2f}万元")
        new.append(line)
        if rng.random() < 0.02:
            new.append(f"{n}. {name}配套项目，总投资{year:.2f}万元。")
    return "\n".join(old) + "\n", "\n".join(new) + "\n"
