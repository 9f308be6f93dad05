"""The batch table's "largest change": the amount or count that moved most, shown as
every output shows a change; a rate's relative change is no measure of its move."""

from __future__ import annotations

from reportdiff.batch.summary import _change_text, largest_figure_change
from reportdiff.core.compare import compare
from reportdiff.model import Document
from reportdiff.readers.blocks import blocks_from_lines


def _doc(name: str, text: str) -> Document:
    return Document(name, name, text, blocks_from_lines(text))


def _comparison(old: str, new: str):
    return compare(_doc("old.txt", "一、基本情况\n" + old), _doc("new.txt", "一、基本情况\n" + new))


def test_a_rate_that_doubled_is_not_the_largest_change() -> None:
    c = _comparison(
        "道路交通事故死亡人数下降4.5%。基本支出3862.47万元。\n",
        "道路交通事故死亡人数下降9.1%。基本支出4015.20万元。\n",
    )
    biggest = largest_figure_change(c.numbers)
    assert biggest is not None
    assert biggest.label == "基本支出"
    assert _change_text(c, biggest) == "基本支出: 3862.47万元 → 4015.20万元 (+3.95%)"


def test_only_rates_changed_means_no_largest_change() -> None:
    c = _comparison("执行率为92%。\n", "执行率为97%。\n")
    assert largest_figure_change(c.numbers) is None
    assert _change_text(c, None) == ""


def test_an_amount_across_zero_shows_its_difference_not_empty_brackets() -> None:
    c = _comparison("结余资金-12.00万元。\n", "结余资金8.00万元。\n")
    changes = [n for n in c.numbers if n.status == "changed"]
    assert changes
    text = _change_text(c, changes[0])
    assert "()" not in text
    assert text.endswith("(+20.00万元)")
