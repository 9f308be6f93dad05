"""A quoted term right before a figure names it: 「“…支出（项）”25.77万元」 and
「“…支出（项）”科目43.83万元」 are the same item's amount in two years, so the items of a
list of quoted budget subjects pair by name, whatever their order or values."""

from __future__ import annotations

import itertools
import random

import pytest

from reportdiff.core.compare import compare

from .figure_helpers import doc_of, figures_of

_ITEMS = (
    "公共法律服务",
    "科普活动",
    "群众体育",
    "行政单位医疗",
    "城管执法",
    "住房公积金",
    "购房补贴",
)
_KINDS = ("类", "款", "项")
_QUOTES = (("“", "”"), ("「", "」"))
_HEADS = ("", "科目", "项目")


def _subject(item: str, n: int) -> str:
    """A budget subject written as 类/款/项, its last part the item."""
    parts = [f"支出{n}", f"事务{n}", item]
    return "".join(f"{p}（{k}）" for p, k in zip(parts, _KINDS, strict=True))


def _list(amounts: dict[str, str], quote: tuple[str, str], head: str, order: list[str]) -> str:
    lines = [
        f"{i}. {quote[0]}{_subject(item, i)}{quote[1]}{head}{amounts[item]}万元，主要用于{item}。"
        for i, item in enumerate(order, 1)
    ]
    return "一、支出主要内容\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(("quote", "head"), list(itertools.product(_QUOTES, _HEADS)))
def test_a_quoted_subject_before_an_amount_is_its_label(quote, head):
    text = _list(dict.fromkeys(_ITEMS, "12.50"), quote, head, list(_ITEMS))
    amounts = [f for f in figures_of(text) if f.unit == "元"]
    assert len(amounts) == len(_ITEMS)
    for f, item in zip(amounts, _ITEMS, strict=True):
        assert f.label.endswith(f"{item}（项）"), (f.text, f.label)


def test_quoted_items_pair_by_name_across_versions_whatever_their_order():
    rng = random.Random(12)
    for _ in range(12):
        old_amounts = {item: f"{rng.randint(10, 900)}.{rng.randint(10, 99)}" for item in _ITEMS}
        new_amounts = {item: f"{rng.randint(10, 900)}.{rng.randint(10, 99)}" for item in _ITEMS}
        order = list(_ITEMS)
        rng.shuffle(order)
        old = _list(old_amounts, _QUOTES[0], "", list(_ITEMS))
        new = _list(new_amounts, _QUOTES[0], rng.choice(_HEADS[1:]), order)
        c = compare(doc_of(old), doc_of(new))
        pairs = [n for n in c.numbers if n.old is not None and n.new is not None]
        assert len(pairs) == len(_ITEMS)
        for n in pairs:
            item = next(i for i in _ITEMS if n.old.label.endswith(f"{i}（项）"))
            assert n.new.label.endswith(f"{item}（项）")
            written = (f"{old_amounts[item]}万元", f"{new_amounts[item]}万元")
            assert (n.old.text, n.new.text) == written


def test_a_quoted_term_far_from_the_figure_does_not_name_it():
    # the words between the quote and the figure name it, not the quoted term
    (f,) = figures_of("一、概况\n开展“平安社区”创建，投入资金12.50万元。\n")
    assert f.label == "投入资金"
