"""Ratios of colon-joined numbers (三次产业结构 15.6:31.5:52.9), over families of generated
sentences: each number is a figure named by the ratio and its place, pairs with the
same place next year, and a ratio the sentence moves from is where the move started."""

from __future__ import annotations

import itertools

import pytest

from reportdiff.core.checks import check_document
from reportdiff.core.compare import compare
from reportdiff.core.sections.segment import segment_document

from .figure_helpers import doc_of, figures_of

NAMES = ("三次产业结构", "三次产业比例", "全县产业结构比", "一二三产业构成")
SIGNS = (":", "：", "∶")
OLD, NEW = (12.3, 35.4, 52.3), (12.1, 34.8, 53.1)


def _written(values: tuple[float, ...], sign: str) -> str:
    return sign.join(f"{v:g}" for v in values)


def test_each_number_of_a_ratio_is_a_figure_of_its_place():
    for name, sign in itertools.product(NAMES, SIGNS):
        text = f"一、综合\n{name}为{_written(OLD, sign)}。\n"
        parts = [f for f in figures_of(text) if f.kind == "count"]
        assert [f.value for f in parts] == list(OLD), text
        assert [f.label.rsplit(" ", 1)[-1] for f in parts] == ["第一项", "第二项", "第三项"]
        named = {f.label.rsplit(" ", 1)[0].rstrip("为") for f in parts}
        assert len(named) == 1, text
        assert len(named.pop()) >= 4  # the ratio's own name, scope words (全县) aside


def test_each_place_pairs_with_its_own_place_next_year():
    for name, sign in itertools.product(NAMES, SIGNS):
        old = f"一、综合\n{name}为{_written(OLD, sign)}。\n"
        new = f"一、综合\n{name}为{_written(NEW, sign)}。\n"
        c = compare(doc_of(old), doc_of(new))
        moved = [(n.old.value, n.new.value) for n in c.numbers if n.old and n.new]
        assert moved == list(zip(OLD, NEW, strict=True)), (old, new, moved)


@pytest.mark.parametrize("verb", ["调整为", "变为", "优化为"])
def test_a_ratio_moved_from_is_the_start_and_pairs_only_with_a_start(verb):
    before, after = (15.6, 31.5, 52.9), (14.6, 33.1, 52.3)
    before_new, after_new = (14.9, 33.2, 51.9), (15.3, 31.3, 53.4)
    for name in NAMES:
        old = f"一、综合\n全县{name}由上年的{_written(before, ':')}{verb}{_written(after, ':')}。\n"
        new = (
            f"一、综合\n全县{name}由上年的{_written(before_new, ':')}"
            f"{verb}{_written(after_new, ':')}。\n"
        )
        roles = [f.role for f in figures_of(old) if f.kind == "count"]
        assert roles == ["start"] * 3 + ["current"] * 3, old
        c = compare(doc_of(old), doc_of(new))
        moved = sorted((n.old.value, n.new.value) for n in c.numbers if n.old and n.new)
        pairs = [*zip(before, before_new, strict=True), *zip(after, after_new, strict=True)]
        assert moved == sorted(pairs), (old, moved)
        doc = doc_of(old)  # a start and the level reached: no conflict
        assert not check_document(doc, segment_document(doc), "old"), old


@pytest.mark.parametrize("written", ["08:30:15", "10:00:00", "会议于9:30开始", "比分3:1", "2:1"])
def test_a_time_of_day_or_a_pair_of_numbers_is_no_ratio(written):
    assert not [f for f in figures_of(f"一、综合\n{written}。\n") if f.label.endswith("项")]
