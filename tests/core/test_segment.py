"""The segmenter on small composed texts: one behaviour per test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.sections.segment import segment_document
from reportdiff.model import Block, Document, Section
from reportdiff.readers.blocks import blocks_from_lines


def doc_of(text: str, blocks: tuple[Block, ...] | None = None) -> Document:
    blocks = blocks_from_lines(text) if blocks is None else blocks
    first = text[blocks[0].start : blocks[0].end] if blocks else ""
    return Document(path="t.txt", title=first, text=text, blocks=blocks)


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.number, s.title) for s in segment_document(doc_of(text))[1:]]


def check_offsets(doc: Document, sections: tuple[Section, ...]) -> None:
    """Sections tile the text in order; headings and parents are consistent."""
    text = doc.text
    assert sections[0].id == "0"
    assert sections[0].start == 0
    pos = 0
    by_id = {s.id: s for s in sections}
    for s in sections:
        assert s.start == pos, s.id
        assert s.start <= s.body_start <= s.body_end <= s.end <= len(text)
        assert text[s.start : s.start + len(s.heading)] == s.heading
        assert s.body_start == s.start + len(s.heading)
        pos = s.body_end
        if s.parent is not None:
            parent = by_id[s.parent]
            assert parent.level == s.level - 1
            assert parent.start < s.start
            assert s.end <= parent.end
            assert s.path == (*parent.path, s.title)
            assert s.id.startswith(parent.id + ".")
        elif s.id != "0":
            assert s.level == 1
            assert s.path == (s.title,)
    assert pos == len(text)
    tops = [s for s in sections if s.level <= 1]
    assert [s.start for s in tops[1:]] == [s.end for s in tops[:-1]]
    assert tops[-1].end == len(text)


def test_chinese_nesting_in_first_seen_order() -> None:
    text = (
        "某局2024年度报告\n一、基本情况\n（一）机构设置\n内设机构三个。\n"
        "1.人员\n在编二十人。\n2.车辆\n公务车两辆。\n（二）主要职责\n负责全县相关工作。\n"
        "二、支出情况\n本年支出一百万元。\n"
    )
    assert outline(text) == [
        (1, "一、", "基本情况"),
        (2, "（一）", "机构设置"),
        (3, "1.", "人员"),
        (3, "2.", "车辆"),
        (2, "（二）", "主要职责"),
        (1, "二、", "支出情况"),
    ]


def test_levels_come_from_this_document_not_a_table() -> None:
    # （一） above 一、: the reverse of the usual order, as some templates do.
    text = "标题\n（一）总体情况\n正文。\n一、收入\n正文。\n二、支出\n正文。\n（二）问题\n正文。\n"
    assert outline(text) == [
        (1, "（一）", "总体情况"),
        (2, "一、", "收入"),
        (2, "二、", "支出"),
        (1, "（二）", "问题"),
    ]


def test_restart_nests_and_continuation_returns() -> None:
    text = (
        "标题\n一、概况\n正文。\n二、绩效情况\n总体较好。\n一、主要成效\n正文。\n"
        "二、主要问题\n正文。\n三、存在问题\n正文。\n"
    )
    # "三、" continues the inner run (一、二、), the nearest open sequence.
    assert outline(text) == [
        (1, "一、", "概况"),
        (1, "二、", "绩效情况"),
        (2, "一、", "主要成效"),
        (2, "二、", "主要问题"),
        (2, "三、", "存在问题"),
    ]


def test_other_script_continues_a_sequence() -> None:
    text = (
        "标题\n一、甲\n正文。\n二、乙\n正文。\n一、乙的第一点\n正文。\n二、乙的第二点\n正文。\n"
        "三、乙的第三点\n正文。\n3、丙\n正文。\n四、丁\n正文。\n4、戊\n正文。\n5、己\n正文。\n"
    )
    assert outline(text) == [
        (1, "一、", "甲"),
        (1, "二、", "乙"),
        (2, "一、", "乙的第一点"),
        (2, "二、", "乙的第二点"),
        (2, "三、", "乙的第三点"),
        (1, "3、", "丙"),  # continues 二、 (not the inner 三、): "7、" after "六、"
        (1, "四、", "丁"),
        (1, "4、", "戊"),  # a repeated ordinal in another script: still a sibling
        (1, "5、", "己"),
    ]


def test_skipped_ordinal_is_tolerated() -> None:
    text = "标题\n一、甲\n正文。\n（一）子项\n正文。\n三、丙\n正文。\n"
    assert outline(text) == [(1, "一、", "甲"), (2, "（一）", "子项"), (1, "三、", "丙")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("① 第一项", "② 第二项"),
        ("（1）第一项", "（2）第二项"),
        ("1）第一项", "2）第二项"),
        ("1、第一项", "2、第二项"),
        ("(一) 第一项", "（二）第二项"),  # half- and full-width brackets are one style
    ],
)
def test_each_style_nests_under_a_heading(first: str, second: str) -> None:
    text = f"标题\n一、上级\n正文。\n{first}\n正文。\n{second}\n正文。\n二、下一个\n正文。\n"
    out = outline(text)
    assert [lvl for lvl, _, _ in out] == [1, 2, 2, 1]
    assert [t for _, _, t in out] == ["上级", "第一项", "第二项", "下一个"]


def test_chapters_sections_and_articles() -> None:
    text = (
        "办法\n第一章 总则\n第一条 为规范管理，根据有关规定，制定本办法。\n"
        "第二条 本办法适用于本单位全部资金的管理和使用。\n第二章 预算\n第一节 编制\n正文。\n"
        "第二节 执行\n正文。\n第三章 附则\n正文。\n"
    )
    assert outline(text) == [
        (1, "第一章", "总则"),
        (1, "第二章", "预算"),
        (2, "第一节", "编制"),
        (2, "第二节", "执行"),
        (1, "第三章", "附则"),
    ]


def test_sentences_in_a_numbered_list_are_items() -> None:
    text = (
        "标题\n一、主要职责\n1、贯彻执行国家有关方针政策，研究拟定本地区的实施办法并组织实施。\n"
        "2、负责本系统的统计分析工作，按时报送有关数据；\n"
        "3、完成上级交办的其他任务。\n二、人员情况\n正文。\n"
    )
    assert outline(text) == [(1, "一、", "主要职责"), (1, "二、", "人员情况")]


def test_short_numbered_sentences_next_to_each_other_are_items() -> None:
    text = (
        "标题\n一、存在问题\n1、预算编制不够细化，执行偏慢。\n2、资产管理有待加强。\n"
        "二、措施\n正文。\n"
    )
    assert outline(text) == [(1, "一、", "存在问题"), (1, "二、", "措施")]


def test_short_heading_ending_in_full_stop() -> None:
    text = "标题\n一、概况\n(一) 机构组成。\n本单位下设两个科室。\n(二) 人员情况。\n在编十人。\n"
    assert outline(text) == [(1, "一、", "概况"), (2, "(一)", "机构组成"), (2, "(二)", "人员情况")]


def test_heading_with_body_on_the_same_line() -> None:
    text = (
        "标题\n一、支出\n（一）基本支出：本年基本支出100万元。\n"
        "（二）项目支出：本年项目支出50万元。\n"
    )
    doc = doc_of(text)
    sections = segment_document(doc)
    basic = sections[2]
    assert (basic.number, basic.title, basic.heading) == ("（一）", "基本支出", "（一）基本支出：")
    assert text[basic.body_start : basic.body_end].startswith("本年基本支出100万元。")
    check_offsets(doc, sections)


def test_inline_heading_ended_by_full_stop() -> None:
    text = (
        "标题\n四、结论\n(一) 评价结论。本年度自评得分为九十分。\n(二) 改进建议。进一步完善制度。\n"
    )
    assert outline(text) == [(1, "四、", "结论"), (2, "(一)", "评价结论"), (2, "(二)", "改进建议")]


def test_bold_inline_titles() -> None:
    text = "标题\n一、任务\n1. **强化管理。**加强日常监督。\n2. **提升服务。**优化办事流程。\n"
    doc = doc_of(text)
    sections = segment_document(doc)
    assert [(s.level, s.title) for s in sections[1:]] == [
        (1, "任务"),
        (2, "强化管理"),
        (2, "提升服务"),
    ]
    assert sections[2].heading == "1. **强化管理。**"
    check_offsets(doc, sections)


def test_space_after_numbering() -> None:
    out = outline("标题\n7、 存在的问题\n正文。\n(一) 机构组成\n正文。\n")
    assert out == [(1, "7、", "存在的问题"), (2, "(一)", "机构组成")]


def test_markdown_hashes_and_bold_lines() -> None:
    text = (
        "# 年度报告\n## 一、概况\n正文。\n**补充说明**\n正文。\n"
        "## 二、支出\n正文。\n### 细目\n正文。\n"
    )
    assert outline(text) == [
        (1, "", "年度报告"),
        (2, "一、", "概况"),
        (3, "", "补充说明"),
        (2, "二、", "支出"),
        (3, "", "细目"),
    ]


def test_word_heading_styles_and_bold_blocks() -> None:
    lines = ["报告", "部门概况", "机构设置", "正文。", "重点说明", "正文。", "支出情况", "正文。"]
    text = "\n".join(lines) + "\n"
    styles = [None, 1, 2, None, None, None, 1, None]
    bold = [False, False, False, False, True, False, False, False]
    blocks, pos = [], 0
    for line, level, b in zip(lines, styles, bold, strict=True):
        blocks.append(Block(pos, pos + len(line), style_level=level, bold=b))
        pos += len(line) + 1
    doc = doc_of(text, tuple(blocks))
    sections = segment_document(doc)
    assert [(s.level, s.title) for s in sections[1:]] == [
        (1, "部门概况"),
        (2, "机构设置"),
        (3, "重点说明"),
        (1, "支出情况"),
    ]
    check_offsets(doc, sections)


def test_bold_first_line_is_the_document_title() -> None:
    text = "**某局年度报告**\n一、概况\n正文。\n**附表说明**\n正文。\n"
    sections = segment_document(doc_of(text))
    assert sections[0].body_end == text.index("一、")
    assert [(s.level, s.title) for s in sections[1:]] == [(1, "概况"), (2, "附表说明")]


def test_word_list_label_is_the_number() -> None:
    text = "报告\n（一）收入情况\n正文。\n（二）支出情况\n正文。\n"
    base = blocks_from_lines(text)
    blocks = tuple(
        Block(b.start, b.end, label="（一）" if i == 1 else "（二）" if i == 3 else "")
        for i, b in enumerate(base)
    )
    sections = segment_document(doc_of(text, blocks))
    assert [(s.number, s.title) for s in sections[1:]] == [
        ("（一）", "收入情况"),
        ("（二）", "支出情况"),
    ]


def test_english_headings() -> None:
    text = (
        "ANNUAL REVIEW\n\nOVERVIEW\n\nThe year brought steady growth in every region.\n\n"
        "Market conditions\n\nDemand held up well across the year.\n\n"
        "Risks to the outlook\n\nCosts may rise faster than expected.\n\n"
        "FINANCIAL RESULTS\n\n1. Revenue\n\nRevenue rose.\n\n2. Costs\n\nCosts fell.\n"
    )
    assert outline(text) == [
        (1, "", "ANNUAL REVIEW"),
        (1, "", "OVERVIEW"),
        (2, "", "Market conditions"),
        (2, "", "Risks to the outlook"),
        (1, "", "FINANCIAL RESULTS"),
        (2, "1.", "Revenue"),
        (2, "2.", "Costs"),
    ]


def test_english_numbered_and_item_headings() -> None:
    text = (
        "Item 1. Business\nWe make tools.\nItem 1A. Risk Factors\nSome risks.\n"
        "I. Strategy\nText.\nA. Markets\nText.\nB. Products\nText.\nII. Operations\nText.\n"
        "Item 2. Properties\nWe own offices.\n"
    )
    assert outline(text) == [
        (1, "Item 1.", "Business"),
        (1, "Item 1A.", "Risk Factors"),
        (2, "I.", "Strategy"),
        (3, "A.", "Markets"),
        (3, "B.", "Products"),
        (2, "II.", "Operations"),
        (1, "Item 2.", "Properties"),
    ]


def test_item_number_with_its_title_on_the_next_line() -> None:
    text = (
        "Annual report\n\nItem 1A.\n\nRisk Factors\n\nOur risks are these.\n\n"
        "Item 2.\n\nProperties\n\nWe lease offices.\n"
    )
    doc = doc_of(text)
    sections = segment_document(doc)
    assert [(s.level, s.number, s.title) for s in sections[1:]] == [
        (1, "Item 1A.", "Risk Factors"),
        (1, "Item 2.", "Properties"),
    ]
    assert sections[1].heading == "Item 1A.\n\nRisk Factors"
    check_offsets(doc, sections)


def test_english_sentences_and_wrapped_lines_are_not_titles() -> None:
    text = (
        "SUMMARY\n\nWe expect revenue to grow next year.\n\nThe board met four times and\n"
        "approved the plan.\n\nRevenue grew in every quarter of the year\nand margins improved.\n"
    )
    assert outline(text) == [(1, "", "SUMMARY")]


def test_decimal_numbering() -> None:
    text = "Title\n1. Scope\nText.\n1.1 Purpose\nText.\n1.2 Users\nText.\n2. Method\nText.\n"
    assert outline(text) == [
        (1, "1.", "Scope"),
        (2, "1.1", "Purpose"),
        (2, "1.2", "Users"),
        (1, "2.", "Method"),
    ]


def test_table_of_contents_is_not_an_outline() -> None:
    text = (
        "某局决算\n目  录\n第一部分 概况\n一、主要职能\n二、单位构成\n第二部分 说明\n"
        "第一部分\n概况\n一、主要职能\n负责全区相关工作。\n二、单位构成\n本级一个。\n"
        "第二部分 说明\n正文。\n"
    )
    assert outline(text) == [
        (1, "第一部分", "概况"),  # its title on the next line joins the heading
        (2, "一、", "主要职能"),
        (2, "二、", "单位构成"),
        (1, "第二部分", "说明"),
    ]


def test_stacked_numbered_cells_are_not_headings() -> None:
    text = (
        "标题\n一、收支总表\n单位：万元\n一、财政拨款收入\n二、事业收入\n三、经营收入\n"
        "1,234.56\n二、收支说明\n正文。\n"
    )
    assert outline(text) == [(1, "一、", "收支总表"), (1, "二、", "收支说明")]


def test_tables_are_never_headings() -> None:
    text = "标题\n一、指标\n指标\t数值\n一、产出\t5\n二、效益\t6\n二、结论\n正文。\n"
    assert outline(text) == [(1, "一、", "指标"), (1, "二、", "结论")]


def test_bookmark_artefact_before_a_heading() -> None:
    text = "标题\n一、甲\n正文。\n[bookmark: _GoBack]二、乙\n正文。\n"
    sections = segment_document(doc_of(text))
    assert [s.title for s in sections[1:]] == ["甲", "乙"]
    assert sections[2].heading == "二、乙"


def test_bold_line_after_a_numbered_series_closes_it() -> None:
    text = (
        "标题\n一、概况\n正文。\n二、总体情况\n正文。\n一、抓好防汛，守住底线\n正文。\n"
        "二、抓好供水，保障民生\n正文。\n"
        "**绩效指标完成情况**\n指标\t完成值\n产出\t100%\n三、存在问题\n正文。\n"
    )
    assert outline(text) == [
        (1, "一、", "概况"),
        (1, "二、", "总体情况"),
        (2, "一、", "抓好防汛，守住底线"),
        (2, "二、", "抓好供水，保障民生"),
        (2, "", "绩效指标完成情况"),  # beside the points, not inside the last one
        (1, "三、", "存在问题"),
    ]


def test_continuation_prefers_titles_of_the_same_shape() -> None:
    # Both 二、 (outer) and the inner 二、 could be continued by 三、: the outer
    # titles have no clauses, the inner ones do.
    text = (
        "标题\n一、概况\n正文。\n二、绩效\n正文。\n一、强化管理，提升效能\n正文。\n"
        "二、优化服务，方便群众\n正文。\n三、存在问题\n正文。\n"
    )
    assert [lvl for lvl, _, _ in outline(text)] == [1, 1, 2, 2, 1]


def test_caps_line_after_numbered_caps_headings() -> None:
    text = (
        "Report\n\n1. OVERVIEW\n\nText.\n\nA. Scope\n\nText.\n\n2. OUTLOOK\n\nText.\n\n"
        "KEY INDICATORS\n\nText.\n"
    )
    out = outline(text)
    assert out[-1] == (1, "", "KEY INDICATORS")


def test_hard_wrapped_numbered_paragraphs_are_items() -> None:
    # PDF text: every line stops at the same width, mid-sentence.
    width = "本单位严格执行各项财务管理制度加强预算"
    lines = [width + "管理" for _ in range(30)]
    items = [f"（{n}）负责全区有关事项的统筹协调和监督管理并组织实施相关" for n in "一二三四"]
    text = (
        "标题\n一、主要职能\n"
        + "\n".join(x for item in items for x in (item, lines.pop()))
        + "\n二、单位构成\n"
        + "\n".join(lines)
        + "\n"
    )
    assert outline(text) == [(1, "一、", "主要职能"), (1, "二、", "单位构成")]


def test_no_headings_gives_one_preamble() -> None:
    doc = doc_of("只有一段正文，没有任何标题。\n")
    sections = segment_document(doc)
    assert len(sections) == 1
    assert (sections[0].start, sections[0].end, sections[0].body_end) == (
        0,
        len(doc.text),
        len(doc.text),
    )


def test_empty_document() -> None:
    doc = Document(path="e.txt", title="", text="", blocks=())
    assert segment_document(doc) == (Section("0", "", "", "", 0, (), 0, 0, 0, 0),)


@pytest.mark.parametrize(
    "text",
    [
        "标题\n一、甲\n（一）子\n1.孙\n正文。\n二、乙\n正文。\n",
        "# A\n## B\ntext\n# C\n",
        "前言。\n一、甲\n（一）基本支出：本年100万元。\n（二）项目支出：50万元。\n",
        "  一、缩进的标题\n正文。\n\n\n二、乙\n",
    ],
)
def test_offsets_are_consistent(text: str) -> None:
    doc = doc_of(text)
    check_offsets(doc, segment_document(doc))


def test_nesting_stays_bounded() -> None:
    # The same outline pasted many times must not nest one level deeper each time.
    unit = "一、甲\n正文。\n（一）子\n正文。\n二、乙\n正文。\n一、乙的一\n正文。\n"
    sections = segment_document(doc_of("标题\n" + unit * 200))
    assert max(s.level for s in sections) <= 4


def test_a_large_document_segments_fully() -> None:
    # Speed is measured in bench/, not asserted here: a loaded machine makes timed tests lie.
    # About one heading per 300 bytes, denser than real reports (one per 500 or more).
    body = "本单位严格执行预算管理制度，按照规定的用途使用资金，定期开展自查，提高资金使用效益。"
    unit = (
        f"一、部门概况\n{body}\n（一）机构设置\n{body}\n1、办公室\n{body}\n"
        f"2、财务股\n{body}\n（二）人员情况。\n{body}\n"
        f"二、支出情况：本年支出若干万元，其中基本支出若干万元。{body}\n"
        "1、严格执行预算，按照规定的用途使用资金，提高资金使用效益。\n"
        "2、加强资产管理，定期盘点，做到账实相符。\n"
    )
    text = unit * (2_000_000 // len(unit.encode()))
    doc = doc_of(text)
    sections = segment_document(doc)
    assert len(sections) > 5000


_PIECES = [
    "一、",
    "二、",
    "三、",
    "（一）",
    "(二)",
    "1、",
    "2.",
    "3）．",
    "①",
    "第一部分",
    "第二章",
    "Item 1A.",
    "A. ",
    "IV. ",
    "# ",
    "## ",
    "**",
    "概况",
    "支出情况",
    "，",
    "。",
    "：",
    "；",
    "Risk Factors",
    "OVERVIEW",
    "正文内容",
    "100万元",
    "2.5",
    " ",
    "\t",
    "\n",
    "\n\n",
    "目录",
    "[bookmark: _GoBack]",
    "\f",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_consistent_outline(pieces: list[str]) -> None:
    doc = doc_of("".join(pieces))
    check_offsets(doc, segment_document(doc))
