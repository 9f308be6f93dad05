"""Properties on any text: extraction never fails, figures stand where they say, parents
point backwards or forwards inside the list, and tokens still concatenate to the text."""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.checks.document import check_document
from reportdiff.core.sections.segment import segment_document
from reportdiff.core.text.tokens import tokenize

from .figure_helpers import doc_of, figures_of

PIECES = st.sampled_from(
    [
        "基本支出", "其中：", "包含：", "，", "；", "。", "\n", "共", "合计", "相比2022年",
        "增加", "减少", "万元", "亿", "%", "人", "名", "个", "余", "+", "以上", "≥", "近",
        "两名", "三个", "一千", "“", "”", "（", "）", "\t", " ", "$", "million", "of which",
        "2023年", "5月1日", "1、", "350M", "0", "7", "12.5", "1,234", "99999999999999999999999",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join)
_LINE_BREAK = re.compile("[ \u3000]*\n[ \u3000\n]*")


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_figures_stand_where_they_say(text):
    text = text + "\n"
    doc = doc_of(text)
    figures = figures_of(text)
    for f in figures:
        # a figure wrapped at the page width (5105.15⏎万元) is written without the break
        assert _LINE_BREAK.sub("", text[f.start : f.end]) == f.text
        assert math.isfinite(f.value)
        assert f.parent is None or 0 <= f.parent < len(figures)
        assert f.parent != figures.index(f)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for check in check_document(doc, segment_document(doc), "new"):
        assert check.figures
        assert all(text[f.start : f.end] == f.text for f in check.figures)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_tokens_concatenate_to_the_text(text):
    assert "".join(tokenize(text)) == text
