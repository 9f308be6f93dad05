"""Bold lines: a sub-heading of its own, or a phrase, label or list item of the text.

Each family is generated in both forms a reviewer meets: a .txt with markdown
``**bold**`` lines and a .docx whose paragraphs are bold runs, with declared
headings (``#`` / Word heading styles) above them.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reportdiff.core.sections.segment import segment_document
from reportdiff.readers import read_document
from tests.readers.docx_builder import new_document, save

Line = tuple[str, str]  # ("h1" | "h2" | "b" | "p", text)

EN_TITLES = ["Data Protection Officer", "Fares and Tickets", "Complaints", "Service Changes"]
ZH_TITLES = ["补充说明", "重点工作", "经费保障", "队伍建设"]
EN_BODY = [
    "The Authority answers every letter within thirty days.",
    "Ferries ran on time on most days of the year.",
    "We publish the figures every quarter on our website.",
]
ZH_BODY = [
    "本年度各项工作有序推进，完成了年初确定的目标任务。",
    "全年共开展专项检查十二次，发现问题全部整改到位。",
    "进一步健全内部控制制度，规范资金使用管理。",
]
FORMATS = ["txt", "docx"]


def write(lines: list[Line], fmt: str, folder: Path) -> Path:
    if fmt == "txt":
        marks = {"h1": "# {}", "h2": "## {}", "b": "**{}**", "p": "{}"}
        text = "\n\n".join(marks[kind].format(t) for kind, t in lines) + "\n"
        path = folder / "doc.txt"
        path.write_text(text, encoding="utf-8")
        return path
    d = new_document()
    for kind, t in lines:
        if kind in ("h1", "h2"):
            d.add_heading(t, level=int(kind[1]))
        else:
            d.add_paragraph().add_run(t).bold = kind == "b"
    return save(d, folder / "doc.docx")


def titles(lines: list[Line], fmt: str, folder: Path) -> list[str]:
    return [s.title for s in segment_document(read_document(write(lines, fmt, folder)))[1:]]


def framed(middle: list[Line], zh: bool = False) -> list[Line]:
    """``middle`` under a declared heading, inside a document with a second one."""
    body = ZH_BODY if zh else EN_BODY
    top, first, last = (
        ("年度报告", "一、概况", "二、支出") if zh else ("Report", "Overview", "Spending")
    )
    return [("h1", top), ("h2", first), ("p", body[0]), *middle, ("h2", last), ("p", body[2])]


# -- bold sub-headings stay headings ------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("title", "zh"), [(t, False) for t in EN_TITLES] + [(t, True) for t in ZH_TITLES]
)
def test_a_bold_line_between_whole_sentences_is_a_sub_heading(fmt, title, zh, tmp_path):
    body = ZH_BODY if zh else EN_BODY
    lines = framed([("b", title), ("p", body[1])], zh)
    assert title in titles(lines, fmt, tmp_path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_several_bold_sub_headings_each_with_text_stay_headings(fmt, tmp_path):
    middle = [line for t in EN_TITLES for line in (("b", t), ("p", EN_BODY[1]))]
    got = titles(framed(middle), fmt, tmp_path)
    assert [t for t in got if t in EN_TITLES] == EN_TITLES


# -- bold lines of the running text are not ------------------------------------------------

RUN_ON_EN = [
    # (line before, bold line, line after): the sentence runs through the bold line
    (
        "If you have any question about your data, write to",
        "our Data Protection Officer",
        "at the address below.",
    ),
    ("Tickets bought on the ferry cost more,", "Fares and Tickets", "explains the difference."),
    ("We changed two services this year.", "Both of them", "now run every hour."),
    ("Complaints are answered in writing,", "By the Complaints Team", ", within ten days."),
]
RUN_ON_ZH = [
    ("今年以来，我局围绕中心工作，", "坚持以人民为中心", "推进各项任务落实。"),
    ("全年组织开展各类培训活动，参训人员达到", "一千二百人次", "，培训覆盖率百分之百。"),
    ("本年度重点推进了", "经费保障", "。"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("case", "zh"), [(c, False) for c in RUN_ON_EN] + [(c, True) for c in RUN_ON_ZH]
)
def test_a_bold_phrase_that_a_sentence_runs_through_is_no_heading(fmt, case, zh, tmp_path):
    before, bold, after = case
    got = titles(framed([("p", before), ("b", bold), ("p", after)], zh), fmt, tmp_path)
    assert bold not in got
    assert len(got) == 3  # the document's own headings are all still there


LABELS = [
    "Total spending: 1,204",
    "Passengers carried 3.5 million",
    "合计：3862.47万元",
    "执行率 98.6%",
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("label", LABELS)
def test_a_bold_label_with_its_figure_is_no_heading(fmt, label, tmp_path):
    zh = not label.isascii()
    body = ZH_BODY if zh else EN_BODY
    got = titles(framed([("b", label), ("p", body[1])], zh), fmt, tmp_path)
    assert label not in got
    assert len(got) == 3


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("size", "zh"), list(itertools.product([3, 4, 5], [False, True])))
def test_bold_lines_stacked_as_a_list_are_no_headings(fmt, size, zh, tmp_path):
    items = (ZH_TITLES if zh else [*EN_TITLES, "Trams"])[:size]
    intro = "主要工作包括：" if zh else "Our work covers:"
    body = ZH_BODY if zh else EN_BODY
    lines = framed([("p", intro), *(("b", t) for t in items), ("p", body[1])], zh)
    got = titles(lines, fmt, tmp_path)
    assert not set(items) & set(got)
    assert len(got) == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_bolded_sentence_as_long_as_the_body_lines_is_no_heading(fmt, tmp_path):
    body = [s[:22] + "。" for s in ZH_BODY * 2]  # body lines of 23 characters
    sentence = "本单位始终坚持把安全生产放在各项工作的首要位置"  # as long, no full stop
    lines = [("h1", "年度报告"), ("h2", "一、概况"), *(("p", s) for s in body[:3])]
    lines += [("b", sentence), *(("p", s) for s in body[3:]), ("h2", "二、支出"), ("p", body[0])]
    got = titles(lines, fmt, tmp_path)
    assert sentence not in got
    assert got == ["年度报告", "概况", "支出"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("first", "second"), [("（一）", "（二）"), ("（二）", "（三）"), ("1.", "2.")]
)
@pytest.mark.parametrize("bold", ZH_TITLES[:2])
def test_a_lone_bold_line_among_numbered_points_is_no_heading(fmt, first, second, bold, tmp_path):
    lines = [
        ("h1", "年度报告"),
        ("p", "一、概况"),
        ("p", ZH_BODY[0]),
        ("p", f"{first}机构设置"),
        ("p", ZH_BODY[1]),
        ("b", bold),
        ("p", ZH_BODY[2]),
        ("p", f"{second}人员情况"),
        ("p", ZH_BODY[1]),
        ("p", "二、支出"),
        ("p", ZH_BODY[2]),
    ]
    got = titles(lines, fmt, tmp_path)
    assert got == ["年度报告", "概况", "机构设置", "人员情况", "支出"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_bold_line_after_a_points_last_item_still_closes_the_series(fmt, tmp_path):
    lines = [
        ("h1", "年度报告"),
        ("p", "一、概况"),
        ("p", ZH_BODY[0]),
        ("p", "（一）机构设置"),
        ("p", ZH_BODY[1]),
        ("p", "（二）人员情况"),
        ("p", ZH_BODY[1]),
        ("b", "绩效指标完成情况"),
        ("p", ZH_BODY[2]),
        ("p", "二、支出"),
        ("p", ZH_BODY[2]),
    ]
    sections = segment_document(read_document(write(lines, fmt, tmp_path)))
    levels = {s.title: s.level for s in sections}
    assert levels["绩效指标完成情况"] == levels["人员情况"]
