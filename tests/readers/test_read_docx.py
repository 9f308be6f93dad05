"""The .docx reader: body order, tables, heading levels, numbering labels, bold."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reportdiff.model import Document
from reportdiff.readers import read_document
from reportdiff.readers.numbering import chinese_counting, format_number
from tests.readers.docx_builder import (
    add_abstract_num,
    add_num,
    new_document,
    numbered,
    save,
    set_num_pr,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "zh"


def lines(doc: Document) -> list[tuple[str, int | None, str, bool]]:
    return [(doc.block_text(b), b.style_level, b.label, b.bold) for b in doc.blocks]


def test_headings_from_styles_outline_levels_and_style_chain(tmp_path):
    d = new_document()
    d.add_paragraph("二〇二三年度绩效自评报告", style="Title")
    d.add_heading("部门概况", level=1)
    d.add_paragraph("正文第一段。")
    d.add_heading("主要职能", level=2)
    based = d.styles.add_style("My Sub", WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = d.styles["Heading 3"]
    d.add_paragraph("基于三级标题的样式", style="My Sub")
    cn = d.styles.add_style("标题 4", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("中文样式名的标题", style=cn)
    outline = d.add_paragraph("直接设了大纲级别")
    outline._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    body = d.add_paragraph("大纲级别为正文")
    body._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="9"/>'))
    doc = read_document(save(d, tmp_path / "h.docx"))
    assert doc.source_format == "docx"
    assert doc.title == "二〇二三年度绩效自评报告"
    assert [(t, lvl) for t, lvl, _, _ in lines(doc)] == [
        ("二〇二三年度绩效自评报告", None),
        ("部门概况", 1),
        ("正文第一段。", None),
        ("主要职能", 2),
        ("基于三级标题的样式", 3),
        ("中文样式名的标题", 4),
        ("直接设了大纲级别", 2),
        ("大纲级别为正文", None),
    ]


def test_title_is_first_paragraph_without_a_title_style(tmp_path):
    d = new_document()
    d.add_paragraph("")
    d.add_paragraph("  某县某局2024年报告  ")
    d.add_paragraph("正文。")
    doc = read_document(save(d, tmp_path / "t.docx"))
    assert doc.title == "某县某局2024年报告"
    assert doc.text == "某县某局2024年报告\n正文。\n"


def test_chinese_numbering_labels_nest_and_restart(tmp_path):
    d = new_document()
    add_abstract_num(
        d,
        90,
        [
            ("chineseCounting", "%1、", 1),
            ("chineseCounting", "（%2）", 1),
            ("decimal", "%3.", 1),
            ("decimalEnclosedCircle", "%4", 1),
        ],
    )
    add_num(d, 90, 90)
    for text, ilvl in [
        ("部门基本情况", 0),
        ("主要职能", 1),
        ("机构设置", 1),
        ("内设机构", 2),
        ("下属单位", 2),
        ("其一", 3),
        ("其二", 3),
        ("预算执行情况", 0),
        ("收入", 1),
        ("支出", 2),
    ]:
        numbered(d, text, 90, ilvl)
    doc = read_document(save(d, tmp_path / "n.docx"))
    assert [(t, label) for t, _, label, _ in lines(doc)] == [
        ("一、部门基本情况", "一、"),
        ("（一）主要职能", "（一）"),
        ("（二）机构设置", "（二）"),
        ("1.内设机构", "1."),
        ("2.下属单位", "2."),
        ("①其一", "①"),
        ("②其二", "②"),
        ("二、预算执行情况", "二、"),
        ("（一）收入", "（一）"),
        ("1.支出", "1."),
    ]


def test_numbering_formats_start_and_start_override(tmp_path):
    d = new_document()
    add_abstract_num(d, 91, [("chineseCountingThousand", "%1、", 11)])
    add_abstract_num(d, 92, [("ideographTraditional", "%1．", 1), ("lowerLetter", "%1.%2)", 1)])
    add_abstract_num(d, 93, [("upperRoman", "%1.", 1)])
    add_num(d, 91, 91)
    add_num(d, 92, 92)
    add_num(d, 93, 93)
    add_num(d, 94, 93, start_overrides={0: 5})
    numbered(d, "第十一项", 91)
    numbered(d, "第十二项", 91)
    numbered(d, "甲项", 92)
    numbered(d, "子项", 92, 1)
    numbered(d, "乙项", 92)
    numbered(d, "Scope", 93)
    numbered(d, "Methods", 93)
    numbered(d, "Later list", 94)
    doc = read_document(save(d, tmp_path / "f.docx"))
    assert [t for t, *_ in lines(doc)] == [
        "十一、第十一项",
        "十二、第十二项",
        "甲．甲项",
        "甲.a)子项",
        "乙．乙项",
        "I.Scope",
        "II.Methods",
        "V.Later list",
    ]


def test_lists_sharing_a_definition_share_its_counter(tmp_path):
    # As in Word: instances of one abstract definition continue one count; an
    # instance with a startOverride restarts it where that instance first appears.
    d = new_document()
    add_abstract_num(d, 97, [("decimal", "%1.", 1)])
    add_num(d, 97, 97)
    add_num(d, 98, 97)
    add_num(d, 99, 97, start_overrides={0: 1})
    for text, num_id in [("a", 97), ("b", 97), ("c", 98), ("d", 99), ("e", 99), ("f", 97)]:
        numbered(d, text, num_id)
    doc = read_document(save(d, tmp_path / "shared.docx"))
    assert [t for t, *_ in lines(doc)] == ["1.a", "2.b", "3.c", "1.d", "2.e", "3.f"]


def test_definition_linked_through_a_numbering_style(tmp_path):
    d = new_document()
    add_abstract_num(d, 100, [("upperLetter", "%1)", 1)])
    numbering = d.part.numbering_part.element
    # 101 has no levels of its own: they live with the list style's numbering, 100
    linked = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="101">'
        '<w:numStyleLink w:val="OutlineList"/></w:abstractNum>'
    )
    numbering.find(qn("w:num")).addprevious(linked)
    add_num(d, 100, 100)
    add_num(d, 101, 101)
    list_style = d.styles.add_style("OutlineList", WD_STYLE_TYPE.LIST)
    set_num_pr(list_style.element, 100, None)
    numbered(d, "linked one", 101)
    numbered(d, "linked two", 101)
    doc = read_document(save(d, tmp_path / "link.docx"))
    assert [t for t, *_ in lines(doc)] == ["A)linked one", "B)linked two"]


def test_numbering_from_the_style_chain_and_numid_zero(tmp_path):
    d = new_document()
    add_abstract_num(d, 95, [("chineseCounting", "（%1）", 1)])
    add_num(d, 95, 95)
    base = d.styles.add_style("Cn Item Base", WD_STYLE_TYPE.PARAGRAPH)
    set_num_pr(base.element, 95, None)
    style = d.styles.add_style("Cn Item", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = base
    d.add_paragraph("第一项", style="Cn Item")
    d.add_paragraph("第二项", style="Cn Item")
    off = d.add_paragraph("不编号的一项", style="Cn Item")
    set_num_pr(off._p, 0)
    d.add_paragraph("第三项", style="Cn Item")
    d.add_paragraph("普通段落")
    doc = read_document(save(d, tmp_path / "s.docx"))
    assert [t for t, *_ in lines(doc)] == [
        "（一）第一项",
        "（二）第二项",
        "不编号的一项",
        "（三）第三项",
        "普通段落",
    ]


def test_python_docx_list_number_style_gets_a_spaced_label(tmp_path):
    d = new_document()
    d.add_paragraph("First point", style="List Number")
    d.add_paragraph("Second point", style="List Number")
    doc = read_document(save(d, tmp_path / "l.docx"))
    assert [t for t, *_ in lines(doc)] == ["1. First point", "2. Second point"]


def test_tables_stand_in_body_order_with_a_merged_cells_text_once(tmp_path):
    d = new_document()
    d.add_paragraph("表前说明。")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "项目"
    t.cell(0, 2).text = "金额"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "支出"
    t.cell(1, 1).text = "基本\t支出"
    t.cell(1, 2).text = "100.5 万元"
    t.cell(2, 1).text = "项目支出"
    t.cell(2, 2).add_paragraph("第二段")
    d.add_paragraph("表后说明。")
    doc = read_document(save(d, tmp_path / "t.docx"))
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]
    table = doc.blocks[1]
    cells = [[doc.text[c.start : c.end] for c in row] for row in table.cells]
    assert cells == [
        ["项目", "", "金额"],
        ["支出", "基本 支出", "100.5 万元"],
        ["", "项目支出", "第二段"],
    ]
    assert doc.block_text(table) == "项目\t\t金额\n支出\t基本 支出\t100.5 万元\n\t项目支出\t第二段"


def test_bold_paragraphs_soft_breaks_and_odd_characters(tmp_path):
    d = new_document()
    p = d.add_paragraph()
    p.add_run("全部").bold = True
    p.add_run("加粗").bold = True
    p.add_run("  ")
    mixed = d.add_paragraph()
    mixed.add_run("部分").bold = True
    mixed.add_run("加粗")
    d.add_heading("标题样式自带粗体", level=1)
    d.add_paragraph("第一行\n\u3000\u3000第二行\u200b\u00a0末尾")
    doc = read_document(save(d, tmp_path / "b.docx"))
    assert lines(doc) == [
        ("全部加粗", None, "", True),
        ("部分加粗", None, "", False),
        ("标题样式自带粗体", 1, "", True),
        ("第一行", None, "", False),
        ("第二行 末尾", None, "", False),
    ]


def test_tracked_changes_hidden_text_content_controls_and_toc(tmp_path):
    d = new_document()
    w = nsdecls("w")
    body = d.element.body
    sect = body[-1]
    sect.addprevious(
        parse_xml(
            f"<w:sdt {w}><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/>"
            "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>目录 ..... 1</w:t></w:r>"
            "</w:p></w:sdtContent></w:sdt>"
        )
    )
    sect.addprevious(
        parse_xml(
            f"<w:p {w}><w:r><w:t>保留</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏"
            "</w:t></w:r><w:r><w:rPr><w:vanish w:val='0'/></w:rPr><w:t>可见</w:t></w:r>"
            "<w:ins w:id='1' w:author='x'><w:r><w:t>插入"
            "</w:t></w:r></w:ins><w:del w:id='2' w:author='x'><w:r><w:delText>删除</w:delText>"
            "</w:r></w:del></w:p>"
        )
    )
    sect.addprevious(
        parse_xml(
            f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        )
    )
    doc = read_document(save(d, tmp_path / "c.docx"))
    assert doc.text == "保留可见插入\n控件中的段落\n"


def test_block_offsets_index_the_text(tmp_path):
    d = new_document()
    add_abstract_num(d, 96, [("chineseCounting", "%1、", 1)])
    add_num(d, 96, 96)
    numbered(d, "总体情况", 96)
    d.add_paragraph("")
    d.add_paragraph("")
    d.add_paragraph("\t正文\t内容。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "甲"
    t.cell(0, 1).text = "乙"
    doc = read_document(save(d, tmp_path / "o.docx"))
    assert doc.text == "一、总体情况\n\n正文 内容。\n甲\t乙\n"
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "一、总体情况",
        "正文 内容。",
        "甲\t乙",
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (15, "chineseCounting", "十五"),
        (20, "chineseCounting", "二十"),
        (38, "chineseCountingThousand", "三十八"),
        (105, "chineseCountingThousand", "一百零五"),
        (1010, "chineseCountingThousand", "一千零一十"),
        (11, "chineseLegalSimplified", "壹拾壹"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "11"),
        (12, "ideographZodiac", "亥"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircle", "㉑"),
        (3, "decimalEnclosedParen", "⑶"),
        (27, "upperLetter", "AA"),
        (1994, "upperRoman", "MCMXCIV"),
        (4, "lowerRoman", "iv"),
        (7, "decimalZero", "07"),
        (12, "decimalFullWidth", "１２"),
        (22, "ordinal", "22nd"),
        (5, "someFutureFormat", "5"),
    ],
)
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_counting_range():
    assert chinese_counting(0) is None
    assert chinese_counting(9999) == "九千九百九十九"


@pytest.mark.parametrize("year", ["2023", "2024"])
def test_sample_docx_reads_like_its_text_twin(year):
    txt = read_document(SAMPLES / f"qingshui-water-{year}.txt")
    word = read_document(SAMPLES / f"qingshui-water-{year}.docx")
    assert word.text == txt.text.replace("**", "")
    assert len(word.blocks) == len(txt.blocks)
    assert [b.kind for b in word.blocks] == [b.kind for b in txt.blocks]
    assert any(b.label == "（一）" and b.style_level == 2 for b in word.blocks)
    starred = [(t, w) for t, w in zip(txt.blocks, word.blocks, strict=True) if t.bold]
    assert starred  # the text twin's **bold** lines are bold paragraphs in Word
    assert all(w.bold for _, w in starred)


def test_a_figure_under_a_merged_header_cell_names_its_own_column(tmp_path):
    """A header cell spanning two grid columns (科目 over code and name) leaves the
    columns after it where the figures below them stand."""
    from reportdiff.core.figures import extract_figures
    from reportdiff.core.sections import segment_document

    d = new_document()
    d.add_paragraph("一、收支情况")
    t = d.add_table(rows=3, cols=4)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "科目"
    t.cell(0, 2).text = "预算数（万元）"
    t.cell(0, 3).text = "执行数（万元）"
    for r, (code, name, plan, done) in enumerate(
        [
            ("201", "一般公共服务支出", "120.50", "118.20"),
            ("208", "社会保障和就业支出", "64.30", "70.10"),
        ],
        start=1,
    ):
        for c, text in enumerate((code, name, plan, done)):
            t.cell(r, c).text = text
    doc = read_document(save(d, tmp_path / "t.docx"))
    figures = {f.text: f for f in extract_figures(doc, segment_document(doc))}
    assert {figures[v].column for v in ("120.50", "64.30")} == {"预算数"}
    assert {figures[v].column for v in ("118.20", "70.10")} == {"执行数"}


@pytest.mark.parametrize("span", ["99999", "3000000000", "-2", "x", ""])
def test_a_declared_span_never_sizes_a_row_beyond_the_tables_grid(tmp_path, span):
    d = new_document()
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).text = "项目"
    for c, text in enumerate(("甲", "1", "2")):
        t.cell(1, c).text = text
    tc_pr = t.cell(0, 0)._tc.get_or_add_tcPr()
    grid_span = tc_pr.makeelement(qn("w:gridSpan"), {qn("w:val"): span})
    tc_pr.append(grid_span)
    doc = read_document(save(d, tmp_path / "t.docx"))
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    # a span pads no further than the grid's 3 columns: the row holds its 3 cells at most
    # and 2 columns of padding
    assert all(len(row) <= 3 + 2 for row in table.cells)
