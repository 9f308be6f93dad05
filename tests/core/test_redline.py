"""The whole-document redline is assembled from the section diffs: it turns OLD into
NEW exactly, keeps what the diffs found unchanged wherever that stands in order, and
reads a moved section as deleted in one place and inserted in the other."""

import random

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.diff import DELETE, EQUAL, INSERT, redline
from reportdiff.core.diff.redline import whole_tokens
from reportdiff.core.text.tokens import FIGURE_RE
from reportdiff.model import Document
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines


def _doc(name: str, text: str) -> Document:
    return Document(name, name, text, blocks_from_lines(text))


def _holds(ops, old: str, new: str) -> None:
    assert "".join(t for op, t in ops if op != INSERT) == old
    assert "".join(t for op, t in ops if op != DELETE) == new


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("seeds/daoxian-police-2023.txt", "seeds/ebian-police-2023.txt"),
        ("real/gwr_national_2023.txt", "real/gwr_national_2024.txt"),
        ("real/msft_10k_item1a_fy2023.txt", "real/msft_10k_item1a_fy2024.txt"),
    ],
)
def test_real_pairs_round_trip_and_keep_the_unchanged_text(real_dir, old, new) -> None:
    shared = real_dir.parent
    c = compare(read_document(shared / old), read_document(shared / new))
    ops = redline(c)
    _holds(ops, c.old.text, c.new.text)
    kept = sum(len(t) for op, t in ops if op == EQUAL)
    found = sum(size for p in c.pairs for _, _, size in p.same)
    assert kept >= 0.9 * found


@pytest.mark.parametrize("seed", range(20))
def test_shuffled_sections_round_trip_and_moves_are_delete_and_insert(seed: int) -> None:
    rng = random.Random(seed)
    bodies = [f"第{i}部分的工作内容，安排资金{i * 11}.50万元，完成情况良好。" for i in range(8)]
    heads = [f"{n}、第{n}项工作\n" for n in "一二三四五六七八"]
    sections = [h + b + "\n" for h, b in zip(heads, bodies, strict=True)]
    old = "".join(sections)
    moved = sections[:]
    i, j = rng.sample(range(8), 2)
    moved.insert(j, moved.pop(i))
    new = "".join(s.replace("良好", "较好") if rng.random() < 0.3 else s for s in moved)
    c = compare(_doc("old", old), _doc("new", new))
    ops = redline(c)
    _holds(ops, old, new)
    if i != j:
        gone = "".join(t for op, t in ops if op == DELETE)
        came = "".join(t for op, t in ops if op == INSERT)
        assert any(b[:6] in gone and b[:6] in came for b in bodies)


def _char_ops(old: str, new: str) -> list[tuple[int, str]]:
    """A character diff: the worst case, cutting figures anywhere."""
    from difflib import SequenceMatcher

    ops: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append((EQUAL, old[i1:i2]))
            continue
        ops += [(op, t) for op, t in ((DELETE, old[i1:i2]), (INSERT, new[j1:j2])) if t]
    return ops


def _figure_text(rng: random.Random) -> str:
    pieces = ["收入", "支出", "比上年", "，", "。", "\n", "\t", " ", "cost", "年"]
    figures = ["2024年", "15,621.11万元", "4212300", "57.14%", "8", "100", "0.39", "-3.5%"]
    return "".join(rng.choice(figures if rng.random() < 0.5 else pieces) for _ in range(30))


def _mutated(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        k = rng.randrange(len(chars) + 1)
        what = rng.choice(["digit", "drop", "comma"])
        if what == "drop" and k < len(chars):
            del chars[k]
        else:
            chars.insert(k, "," if what == "comma" else str(rng.randint(0, 9)))
    return "".join(chars)


def _inside_figure(text: str, at: int) -> bool:
    return any(m.start() < at < m.end() for m in FIGURE_RE.finditer(text))


@pytest.mark.parametrize("seed", range(200))
def test_whole_tokens_widens_any_diff_to_whole_figures(seed: int) -> None:
    rng = random.Random(seed)
    old = _figure_text(rng)
    new = _mutated(old, rng)
    ops = whole_tokens(_char_ops(old, new), old, new)
    _holds(ops, old, new)
    old_pos = new_pos = 0
    for k, (op, text) in enumerate(ops):
        if op != EQUAL:  # no change starts or ends inside a figure of either side
            assert not _inside_figure(old, old_pos)
            assert not _inside_figure(new, new_pos)
        old_pos += len(text) if op != INSERT else 0
        new_pos += len(text) if op != DELETE else 0
        if op != EQUAL:
            assert not _inside_figure(old, old_pos)
            assert not _inside_figure(new, new_pos)
        if k:  # one deletion and one insertion per change, changes apart
            assert (ops[k - 1][0], op) in {
                (EQUAL, DELETE),
                (EQUAL, INSERT),
                (DELETE, INSERT),
                (DELETE, EQUAL),
                (INSERT, EQUAL),
            }


@pytest.mark.parametrize("k", range(1, 6))
def test_line_breaks_both_sides_hold_stay_unchanged(k: int) -> None:
    """A figure changed at a row's end and a year changed at the next line's start are
    two changes with the line break between them unchanged, even where the section
    diff folded that short equality into one change (as a semantic clean-up does)."""
    text = "一、收支总表\n项目\t预算数\n收入总计\t{}\n{}收入预算总表\n单位：元\n"
    old = text.format(f"{k}56,211,123", f"202{k}年")
    new = text.format(f"{k + 1}89,767,551", f"202{k + 1}年")
    c = compare(_doc("old", old), _doc("new", new))
    folded = tuple(p._replace(same=tuple(r for r in p.same if r[2] > 1)) for p in c.pairs)
    ops = redline(c._replace(pairs=folded))
    _holds(ops, old, new)
    changes = [(op, t) for op, t in ops if op != EQUAL]
    assert changes == [
        (DELETE, f"{k}56,211,123"),
        (INSERT, f"{k + 1}89,767,551"),
        (DELETE, f"202{k}年"),
        (INSERT, f"202{k + 1}年"),
    ]
