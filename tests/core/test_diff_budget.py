import time

from reportdiff.core.compare import compare
from reportdiff.core.diff import DELETE, INSERT, diff_texts
from reportdiff.core.diff.budget import Budget
from reportdiff.core.diff.moves import detect_moves
from reportdiff.model import Document, Edit, SectionPair
from reportdiff.options import CompareOptions
from reportdiff.readers.blocks import blocks_from_lines


def _reordered(n: int) -> tuple[str, str]:
    sentences = [f"第{i}项工作完成情况良好，累计投入资金{i * 7}万元。" for i in range(n)]
    return "".join(sentences), "".join(s.replace("良好", "较好") for s in reversed(sentences))


def _doc(name: str, text: str) -> Document:
    return Document(name, name, text, blocks_from_lines(text))


def _reproduces(diffs, a: str, b: str) -> bool:
    return (
        "".join(t for op, t in diffs if op != INSERT) == a
        and "".join(t for op, t in diffs if op != DELETE) == b
    )


def test_a_budget_of_zero_or_infinity_is_no_limit_and_nests():
    assert not Budget(0).limited
    assert Budget(0).dmp_timeout() == 0
    assert not Budget(float("inf")).limited
    outer = Budget(0.5)
    assert Budget(60, within=outer).deadline == outer.deadline
    assert 0 < Budget(60, within=outer).dmp_timeout() <= 0.5


def test_an_expired_budget_still_gives_an_exact_diff_quickly():
    a, b = _reordered(2000)
    started = time.perf_counter()
    diffs, cut = diff_texts(a, b, Budget(1e-9))
    assert time.perf_counter() - started < 2.0
    assert cut
    assert _reproduces(diffs, a, b)


def test_the_comparison_budget_covers_every_pair_and_says_so():
    a, b = _reordered(40)
    heads = [f"{n}、第{n}部分工作情况\n" for n in "一二三四五六"]
    old = "".join(h + a + "\n" for h in heads)
    new = "".join(h + b + "\n" for h in heads)
    options = CompareOptions(diff_timeout_s=5.0, total_budget_s=1e-9)
    c = compare(_doc("old", old), _doc("new", new), options)
    changed = [p for p in c.pairs if p.status == "changed"]
    assert len(changed) >= 6
    assert all(p.note.startswith("coarse diff") for p in changed)
    assert any("time budget was used up" in n for n in c.notes)


def test_word_level_overrun_is_noted_on_the_pair_and_in_the_notes():
    a, b = _reordered(300)
    c = compare(_doc("old", a), _doc("new", b), CompareOptions(diff_timeout_s=1e-9))
    [pair] = c.pairs
    assert "took over" in pair.note
    assert any("ran out of time" in n for n in c.notes)


def test_moves_past_the_budget_keep_exact_copies_and_say_they_stopped():
    moved = "这一段文字从第一节移到了第二节，内容一字未改。"
    near = "这一段文字从第一节移动到第二节，内容几乎未改动。"
    old = "甲节\n" + moved + near + "\n乙节\n"
    new = "甲节\n\n乙节\n" + moved + near.replace("几乎", "基本")
    pairs = [
        SectionPair("a", "a", "changed", edits=(Edit("delete", moved + near, "", 3, 3 + 2 * 24),)),
        SectionPair(
            "b",
            "b",
            "changed",
            edits=(Edit("insert", "", moved + near.replace("几乎", "基本"), None, None, 8, 56),),
        ),
    ]
    out, cut = detect_moves(pairs, _doc("o", old), _doc("n", new), 12, Budget(1e-9))
    moves = [e for p in out for e in p.edits if e.op == "move"]
    rest = [e for p in out for e in p.edits if e.op != "move"]
    assert [e.old_text for e in moves] == [moved, moved]  # the exact copy: both ends
    assert [e.op for e in rest] == ["delete", "insert"]  # the near copy was not sought
    assert cut
    out, cut = detect_moves(pairs, _doc("o", old), _doc("n", new), 12, Budget(10))
    assert all(e.op == "move" for p in out for e in p.edits)
    assert not cut
