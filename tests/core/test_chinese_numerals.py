"""One reader of Chinese numerals serves headings and figures alike."""

from __future__ import annotations

import pytest

from reportdiff.core.figures import extract_figures
from reportdiff.core.sections import segment_document
from reportdiff.core.text import chinese_value
from reportdiff.core.text.numbering import cn_value
from reportdiff.model import Document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.readers.numbering import chinese_counting


def test_every_counting_numeral_reads_back_to_its_number() -> None:
    # the list-label writer and this reader agree from 1 to 9999, zeros included
    for n in range(1, 10000):
        assert chinese_value(chinese_counting(n) or "") == n


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("三万", 30000), ("一亿二千万", 120_000_000), ("三万亿", 3 * 10**12), ("两千零五", 2005)],
)
def test_magnitudes_count_what_stands_before_them(numeral: str, value: int) -> None:
    assert chinese_value(numeral) == value


@pytest.mark.parametrize("spelled", ["一二三", "二〇二三", "零一", "十万x"])
def test_digits_spelled_out_are_not_one_numeral(spelled: str) -> None:
    assert chinese_value(spelled) is None


def test_headings_and_figures_read_a_placeholder_zero_alike() -> None:
    assert cn_value("一百零五") == 105
    text = "某局报告\n一、概况\n全年培训一百零五人次，比上年多。\n"
    doc = Document("x.txt", "某局报告", text, blocks_from_lines(text))
    figures = extract_figures(doc, segment_document(doc))
    assert [f.value for f in figures if f.text.startswith("一百")] == [105]
