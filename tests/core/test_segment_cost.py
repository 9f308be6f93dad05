"""Segmenting places each heading a bounded number of times, however many there are:
a long report is outlined in n log n, not in time growing with the square of its
headings. Counted in calls, not timed."""

from __future__ import annotations

import pytest

from reportdiff.core.sections import segment
from reportdiff.model import Document
from reportdiff.readers.blocks import blocks_from_lines

CHINESE = "一二三四五六七八九十"


def long_report(parts: int) -> Document:
    lines = []
    for p in range(parts):
        lines.append(f"{CHINESE[p % 10]}、第{p + 1}部分情况")
        for k in range(1, 6):
            lines += [f"（{CHINESE[k - 1]}）分项{k}", "本单位全年支出5105.15万元，比上年增长3.2%。"]
            lines += [f"{k}.具体事项{k}", "完成了年度目标任务。"]
    text = "\n".join(lines)
    blocks = blocks_from_lines(text)
    return Document(path="long.txt", title=lines[0], text=text, blocks=blocks)


@pytest.mark.parametrize("parts", [10, 40])
def test_each_heading_is_placed_a_bounded_number_of_times(parts, monkeypatch):
    calls = 0
    place = segment._place

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return place(*args, **kwargs)

    monkeypatch.setattr(segment, "_place", counting)
    sections = segment.segment_document(long_report(parts))
    headings = len(sections) - 1
    assert headings >= parts * 11
    assert calls <= 3 * headings + 10
