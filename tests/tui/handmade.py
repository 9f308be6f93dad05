"""A small comparison built by hand, every field set explicitly, so the UI's
snapshots do not move when the core's segmenter, aligner or diff improve.

The reports are fictional (a county forestry bureau), written for these tests.
"""

from __future__ import annotations

from reportdiff.core.diff import diff_texts, same_runs, section_span
from reportdiff.model import (
    Check,
    Comparison,
    Document,
    Edit,
    Figure,
    Flag,
    NumberChange,
    Section,
    SectionPair,
)
from reportdiff.readers.blocks import blocks_from_lines

OLD = """清河县林业局2023年度部门整体支出绩效自评报告
一、部门基本情况
本局内设办公室、营林股、资源管理股3个股室，编制人数24人。
全年完成造林面积1200亩，森林覆盖率达到61.5%。
二、部门整体支出情况
2023年度支出合计856.40万元，其中基本支出612.10万元，项目支出244.30万元。
三、存在的问题
部分项目资金拨付进度偏慢，个别项目绩效目标设置不够细化。
四、下一步工作
加强预算执行监控，提高资金使用效益。
"""

NEW = """清河县林业局2024年度部门整体支出绩效自评报告
一、部门基本情况
本局内设办公室、营林股、资源管理股、防火股4个股室，编制人数26人。
全年完成造林面积1350亩，森林覆盖率达到62.3%。
二、部门整体支出情况
2024年度支出合计921.75万元，其中基本支出640.20万元，项目支出281.55万元。
加强预算执行监控，提高资金使用效益。
三、存在的问题
部分项目资金拨付进度偏慢，个别项目绩效目标设置不够细化。
四、森林防火
新建瞭望塔2座，全年未发生较大森林火灾，火灾受害率控制在0.9‰以内。
"""


def _doc(path: str, text: str) -> Document:
    return Document(path, text.split("\n", 1)[0], text, blocks_from_lines(text))


def _sections(text: str, headings: list[str]) -> tuple[Section, ...]:
    starts = [text.index(h + "\n") for h in headings]
    out = [Section("0", "", "", "", 0, (), 0, starts[0], 0, starts[0])]
    for k, (h, at) in enumerate(zip(headings, starts, strict=True)):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        number, title = h[:2], h[2:]
        out.append(Section(str(k + 1), h, number, title, 1, (title,), at, end, at + len(h), end))
    return tuple(out)


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def _replace(old: str, new: str, nth: int = 0) -> Edit:
    o, n = _at(OLD, old, nth), _at(NEW, new, nth)
    return Edit("replace", old, new, o[0], o[1], n[0], n[1])


def _figure(text: str, needle: str, value: float, unit: str, label: str, **kw) -> Figure:
    s, e = _at(text, needle)
    return Figure(needle, value, unit, s, e, label, **kw)


def _change(
    label: str, old: str, new: str, ov: float, nv: float, unit: str, section: str = "2"
) -> NumberChange:
    fo, fn = _figure(OLD, old, ov, unit, label), _figure(NEW, new, nv, unit, label)
    delta, pct = round(nv - ov, 6), round((nv - ov) / ov * 100, 2)
    return NumberChange(label, section, section, fo, fn, "changed", delta, pct)


def _with_same_runs(
    pairs: tuple[SectionPair, ...], old: tuple[Section, ...], new: tuple[Section, ...]
) -> tuple[SectionPair, ...]:
    """Each matched pair with the unchanged runs the core's diff finds in it."""
    out = []
    for pair in pairs:
        o = next((s for s in old if s.id == pair.old), None)
        n = next((s for s in new if s.id == pair.new), None)
        if o is not None and n is not None:
            (a0, a1), (b0, b1) = section_span(o), section_span(n)
            diffs, _ = diff_texts(OLD[a0:a1], NEW[b0:b1], 5.0)
            pair = pair._replace(same=same_runs(diffs, a0, b0))
        out.append(pair)
    return tuple(out)


def handmade() -> Comparison:
    old, new = _doc("old/forestry-2023.txt", OLD), _doc("new/forestry-2024.txt", NEW)
    heads_old = ["一、部门基本情况", "二、部门整体支出情况", "三、存在的问题", "四、下一步工作"]
    heads_new = ["一、部门基本情况", "二、部门整体支出情况", "三、存在的问题", "四、森林防火"]
    moved = "加强预算执行监控，提高资金使用效益。"
    ms, me = _at(OLD, moved)
    ns, ne = _at(NEW, moved)
    pairs = (
        SectionPair("0", "0", "changed", similarity=0.9, edits=(_replace("2023", "2024"),)),
        SectionPair(
            "1",
            "1",
            "changed",
            similarity=0.8,
            edits=(
                _replace("3个股室", "、防火股4个股室"),
                _replace("24人", "26人"),
                _replace("1200亩", "1350亩"),
                _replace("61.5%", "62.3%"),
            ),
        ),
        SectionPair(
            "2",
            "2",
            "changed",
            similarity=0.7,
            edits=(
                _replace("2023", "2024", 1),
                _replace("856.40万元", "921.75万元"),
                _replace("612.10万元", "640.20万元"),
                _replace("244.30万元", "281.55万元"),
                Edit("move", moved, moved, ms, me, ns, ne, "4", "target"),
            ),
        ),
        SectionPair("3", "3", "unchanged", similarity=1.0),
        SectionPair(
            None,
            "4",
            "added",
            edits=(
                Edit(
                    "insert",
                    "",
                    NEW[_at(NEW, "四、森林防火")[0] + 2 :],
                    None,
                    None,
                    _at(NEW, "森林防火")[0],
                    len(NEW),
                ),
            ),
        ),
        SectionPair(
            "4",
            None,
            "removed",
            edits=(
                Edit(
                    "delete",
                    OLD[_at(OLD, "下一步工作")[0] :],
                    "",
                    _at(OLD, "下一步工作")[0],
                    len(OLD),
                    None,
                    None,
                ),
                Edit("move", moved, moved, ms, me, ns, ne, "2", "source"),
            ),
        ),
    )
    numbers = (
        _change("项目支出", "244.30万元", "281.55万元", 2443000, 2815500, "元"),
        _change("支出合计", "856.40万元", "921.75万元", 8564000, 9217500, "元"),
        _change("造林面积", "1200亩", "1350亩", 1200, 1350, "亩"),
        _change("基本支出", "612.10万元", "640.20万元", 6121000, 6402000, "元"),
        _change("森林覆盖率", "61.5%", "62.3%", 61.5, 62.3, "%", "1"),  # a rate: in points
        NumberChange(  # bounded: 控制在0.9‰以内 is at most 0.9‰
            "火灾受害率",
            None,
            "4",
            None,
            _figure(NEW, "0.9‰", 0.9, "‰", "火灾受害率", kind="percent", qualifier="at_most"),
            "added",
        ),
    )
    pairs = _with_same_runs(pairs, _sections(OLD, heads_old), _sections(NEW, heads_new))
    total = numbers[1].new
    checks = (Check("sum", "new", "基本支出 + 项目支出 = 921.40万元, not 921.75万元", (total,)),)
    problem = "部分项目资金拨付进度偏慢，个别项目绩效目标设置不够细化。"
    fs, fe = _at(NEW, problem)
    flags = (Flag("carried_over", "new", fs, fe, problem, "unchanged from 2023 §3", "3"),)
    return Comparison(
        old,
        new,
        _sections(OLD, heads_old),
        _sections(NEW, heads_new),
        pairs,
        numbers,
        checks,
        flags,
    )
