"""A revision of the Word redline that touches a figure replaces the whole figure, with
its unit, as the text report shows it: [-2024年-]{+2025年+}, never 202[-4-]{+5+}年,
however many digits the two figures share at either end; and the redline still reads
back as NEW (accept all) and OLD (reject all)."""

from __future__ import annotations

import random
import re
import sys
from bisect import bisect_left
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.diff import DELETE, INSERT
from reportdiff.core.text.tokens import FIGURE_RE
from reportdiff.model import Comparison, Document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.docx import render_docx

sys.path.insert(0, str(Path(__file__).parent))
from redline_reader import revision_ops, revision_text

_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")  # as text/tokens.py reads words
_WHEN = datetime(2025, 1, 2, tzinfo=UTC)

# Figures changed in every way the digits can agree: a shared start (15621.11 and
# 18,976.76 both start with 1), a shared end (4,212,300 and 582,800 end in 00),
# separators added or dropped, a year, an amount with its unit, percentages, a digit
# more or fewer, a unit changed, a sign.
CHANGED = [
    ("2024年", "2025年"),
    ("5105.15万元", "5322.40万元"),
    ("15621.11万元", "18,976.76万元"),
    ("4,212,300", "582,800"),
    ("876.75万元", "3,355.65万元"),
    ("3,355.65", "3355.65"),
    ("3355.65", "3,355.65"),
    ("57.14%", "7.14%"),
    ("8.12%", "18.12%"),
    ("12.5%", "12.8%"),
    ("100", "1000"),
    ("1000", "100"),
    ("25.77万元", "25.77元"),
    ("0.39万元", "0.42万元"),
    ("-3.5%", "3.5%"),
    ("2023年度", "2024年度"),
    ("1,633,000", "2,878,025"),
    ("156,211,123", "189,767,551"),
]
_UNITS = ["", "万元", "元", "%", "年", "个", "人次", "亿元", "个百分点"]


def _doc(name: str, text: str) -> Document:
    return Document(name, name, text, blocks_from_lines(text))


def _random_figure(rng: random.Random) -> str:
    digits = str(rng.randint(1, 10 ** rng.randint(1, 9)))
    if rng.random() < 0.5 and len(digits) > 3:  # thousands separators
        digits = f"{int(digits):,}"
    decimals = f".{rng.randint(0, 99):02d}" if rng.random() < 0.5 else ""
    return digits + decimals + rng.choice(_UNITS)


def _changed_figure(figure: str, rng: random.Random) -> str:
    """``figure`` with some of its digits changed, added or dropped, or its thousands
    separators toggled, so that old and new keep digits in common at either end."""
    how = rng.choice(["digit", "digit", "grow", "shrink", "separators", "unit"])
    m = re.match(r"([\d,]+)(\.\d+)?(.*)", figure)
    assert m is not None
    whole, decimals, unit = m.group(1), m.group(2) or "", m.group(3)
    plain = whole.replace(",", "")
    if how == "separators" and len(plain) > 3:
        whole = plain if "," in whole else f"{int(plain):,}"
    elif how == "grow":
        whole = f"{rng.randint(1, 9)}{plain}"
    elif how == "shrink" and len(plain) > 1:
        whole = plain[1:].lstrip("0") or "0"
    elif how == "unit":
        unit = rng.choice([u for u in _UNITS if u != unit])
    else:
        k = rng.randrange(len(plain))
        whole = plain[:k] + str((int(plain[k]) + rng.randint(1, 9)) % 10) + plain[k + 1 :]
        whole = whole.lstrip("0") or "0"
    return whole + decimals + unit


def _pair(rng: random.Random) -> tuple[str, str, list[tuple[str, str]]]:
    """Two versions of a report whose sentences and table rows differ in figures only,
    and the (old, new) figures that changed."""
    changes = CHANGED + [
        (f, _changed_figure(f, rng)) for f in (_random_figure(rng) for _ in range(30))
    ]
    rng.shuffle(changes)
    changes = [(a, b) for a, b in changes if a != b]
    old_lines, new_lines = ["一、收支预算情况"], ["一、收支预算情况"]
    for k in range(0, len(changes) - 1, 2):
        (a1, b1), (a2, b2) = changes[k], changes[k + 1]
        old_lines.append(f"第{k}项收入预算{a1}，比上年预算增加{a2}，主要原因是项目调整。")
        new_lines.append(f"第{k}项收入预算{b1}，比上年预算增加{b2}，主要原因是项目调整。")
    old_lines.append("二、收支预算总表")
    new_lines.append("二、收支预算总表")
    old_lines.append("科目编码\t科目名称\t合计\t比上年")
    new_lines.append("科目编码\t科目名称\t合计\t比上年")
    for k in range(0, len(changes) - 1, 2):
        (a1, b1), (a2, b2) = changes[k], changes[k + 1]
        old_lines.append(f"2080{k}\t社会保障支出\t{a1}\t{a2}")
        new_lines.append(f"2080{k}\t社会保障支出\t{b1}\t{b2}")
    return "\n".join(old_lines) + "\n", "\n".join(new_lines) + "\n", changes


def _merged(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for op, text in ops:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out


def _cuts(ops: list[tuple[int, str]]) -> tuple[set[int], set[int]]:
    """Every offset of OLD and of NEW where a revision begins or ends."""
    old_cuts: set[int] = set()
    new_cuts: set[int] = set()
    old_pos = new_pos = 0
    for op, text in _merged(ops):
        if op == DELETE:
            old_cuts |= {old_pos, old_pos + len(text)}
            new_cuts.add(new_pos)
        elif op == INSERT:
            new_cuts |= {new_pos, new_pos + len(text)}
            old_cuts.add(old_pos)
        old_pos += len(text) if op != INSERT else 0
        new_pos += len(text) if op != DELETE else 0
    return old_cuts, new_cuts


def _split(text: str, cuts: set[int], pattern: re.Pattern[str]) -> list[str]:
    """The figures (or words) of ``text``, read whole from its start, that a cut splits,
    each shown with a bar at the cut."""
    marks = sorted(cuts)
    out = []
    for m in pattern.finditer(text):
        k = bisect_left(marks, m.start() + 1)
        if k < len(marks) and marks[k] < m.end():
            at = marks[k] - m.start()
            out.append(f"{m.group()[:at]}|{m.group()[at:]}")
    return out


def _check(old: str, new: str, data: bytes, pattern: re.Pattern[str] = FIGURE_RE) -> None:
    assert revision_text(data, accept=True) == new
    assert revision_text(data, accept=False) == old
    old_cuts, new_cuts = _cuts(revision_ops(data))
    assert old_cuts, "the pair differs, so the redline must hold revisions"
    assert _split(old, old_cuts, pattern) == []
    assert _split(new, new_cuts, pattern) == []


def _changes(data: bytes) -> list[tuple[int, str]]:
    """The redline's deletions and insertions, in order, touching runs merged."""
    return [(op, t) for op, t in _merged(revision_ops(data)) if op]


@pytest.mark.parametrize("seed", range(25))
def test_changed_figures_are_replaced_whole(seed: int) -> None:
    old, new, changes = _pair(random.Random(seed))
    c = compare(_doc("old.txt", old), _doc("new.txt", new))
    data = render_docx(c, date=_WHEN)
    _check(c.old.text, c.new.text, data)
    ops = _merged(revision_ops(data))
    gone = {m.group() for op, t in ops if op == DELETE for m in FIGURE_RE.finditer(t)}
    came = {m.group() for op, t in ops if op == INSERT for m in FIGURE_RE.finditer(t)}
    for a, b in changes:  # each changed figure stands whole among the revisions
        assert a in gone
        assert b in came


def test_the_reported_figures_read_whole() -> None:
    old = "一、预算编制说明\n2024年，收入预算15621.11万元，比2023年预算减少876.75万元。\n"
    new = "一、预算编制说明\n2025年，收入预算18,976.76万元，比2024年预算增加3,355.65万元。\n"
    c = compare(_doc("old.txt", old), _doc("new.txt", new))
    ops = _changes(render_docx(c, date=_WHEN))
    assert ops == [
        (DELETE, "2024年"),
        (INSERT, "2025年"),
        (DELETE, "15621.11万元"),
        (INSERT, "18,976.76万元"),
        (DELETE, "2023年"),
        (INSERT, "2024年"),
        (DELETE, "减少876.75万元"),
        (INSERT, "增加3,355.65万元"),
    ]


def test_table_cells_are_replaced_whole() -> None:
    old = "一、支出预算表\n208\t07\t就业补助\t4,212,300\t4,212,300\t0\n"
    new = "一、支出预算表\n208\t07\t就业补助\t582,800\t582,800\t0\n"
    c = compare(_doc("old.txt", old), _doc("new.txt", new))
    data = render_docx(c, date=_WHEN)
    _check(c.old.text, c.new.text, data)
    ops = _changes(data)
    assert ops == [(DELETE, "4,212,300"), (INSERT, "582,800")] * 2


def test_english_words_and_figures_are_replaced_whole() -> None:
    old = "1. Results\nRevenue rose 12.5 percent to $4,212 million as we analyzed demand.\n"
    new = "1. Results\nRevenue rose 18.5 percent to $4,812 million as we analysed demand.\n"
    c = compare(_doc("old.txt", old), _doc("new.txt", new))
    data = render_docx(c, date=_WHEN)
    _check(c.old.text, c.new.text, data)
    _check(c.old.text, c.new.text, data, _LATIN_WORD)
    ops = _changes(data)
    assert (DELETE, "analyzed") in ops
    assert (INSERT, "analysed") in ops


def test_real_budget_pair_keeps_every_figure_whole(budget_pair: Comparison) -> None:
    c = budget_pair
    data = render_docx(c, date=_WHEN)
    _check(c.old.text, c.new.text, data)
    ops = _changes(data)
    assert sum(bool(FIGURE_RE.fullmatch(t)) for _, t in ops) > 100  # many figure changes
