"""The PDF layout steps on plain records: no PDF needed.

Characters are laid out here as a printer would: CJK one em wide, Latin about half,
lines wrapped at a column's right edge.
"""

from __future__ import annotations

import itertools

import pytest

from reportdiff.readers.pdf_layout import (
    Char,
    Line,
    Page,
    Rule,
    find_grids,
    furniture,
    group_lines,
    is_wide,
    join_text,
    layout_items,
    line_text,
    read_table,
    spaces_scripts_apart,
)

SIZE = 12.0
LEFT, RIGHT = 72.0, 72.0 + 37 * SIZE  # an A4 page's column: 37 CJK characters wide


def place(text: str, x: float, y: float, size: float = SIZE, bold: bool = False) -> list[Char]:
    """Characters of ``text`` from (x, y): a space is a gap, as most PDFs draw it."""
    out = []
    for ch in text:
        width = size if is_wide(ch) else 0.5 * size
        if ch != " ":
            out.append(Char(ch, x, y, x + width, y + size, size, bold))
        x += width
    return out


def wrap(text: str, y: float, indent: int = 0, width: float = RIGHT - LEFT) -> list[list[Char]]:
    """``text`` broken into lines that fill the column, as a printer wraps CJK text."""
    lines: list[list[Char]] = []
    x, row = LEFT + indent * SIZE, ""
    for ch in text:
        w = SIZE if is_wide(ch) else 0.5 * SIZE
        if x + w > LEFT + width + 0.01:
            lines.append(place(row, LEFT + (indent * SIZE if not lines else 0), y))
            y += 1.5 * SIZE
            x, row = LEFT, ""
        row += ch
        x += w
    lines.append(place(row, LEFT + (indent * SIZE if not lines else 0), y))
    return lines


def page(chars: list[Char], index: int = 0, rules: tuple[Rule, ...] = ()) -> Page:
    return Page(index, 595.0, 842.0, tuple(chars), rules)


def texts(pages: list[Page]) -> list[str]:
    return [item.text or "|".join("\t".join(r) for r in item.rows) for item in layout_items(pages)]


# --- spacing -------------------------------------------------------------------------


def test_no_space_where_the_printer_set_cjk_and_digits_apart() -> None:
    chars = place("支出", 72, 100) + place("5105.15", 72 + 2 * SIZE + 2.4, 100)
    chars += place("万元", chars[-1].x1 + 2.4, 100)
    assert line_text(chars) == "支出5105.15万元"


def test_a_justified_line_stretches_every_gap_and_makes_no_spaces() -> None:
    chars, x = [], 72.0
    for ch in "本年支出":
        chars += place(ch, x, 100)
        x += SIZE + 1.5  # justification spreads the line
    chars += place("3862.47", x + 2.4, 100)  # the printer's CJK–Latin spacing, plus
    chars += place("万元", chars[-1].x1 + 2.4 + 1.5, 100)
    assert line_text(chars) == "本年支出3862.47万元"


def test_a_gap_as_wide_as_a_space_next_to_cjk_is_the_sources_space() -> None:
    chars = place("下属", 72, 100) + place("5", 72 + 2 * SIZE + 6, 100)
    chars += place("家", chars[-1].x1 + 6, 100)
    assert line_text(chars) == "下属 5 家"


def test_a_drawn_space_is_kept_even_next_to_cjk() -> None:
    chars = place("(一)", 72, 100)
    space = Char(" ", chars[-1].x1, 100, chars[-1].x1 + 1, 112, SIZE)
    chars += [space, *place("机构组成", chars[-1].x1 + 1, 100)]
    assert line_text(chars) == "(一) 机构组成"


def test_latin_words_keep_one_space_and_a_number_stays_whole() -> None:
    assert line_text(place("Fare revenue rose 12.5% to 11,700", 72, 100)) == (
        "Fare revenue rose 12.5% to 11,700"
    )


def test_a_space_the_pdf_library_inferred_inside_a_number_is_not_a_space() -> None:
    digits = place("189,767,551", 72, 100)
    inferred = Char(" ", digits[7].x1, 100, digits[7].x1, 100, 0.0, generated=True)
    assert line_text([*digits[:8], inferred, *digits[8:]]) == "189,767,551"


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("统筹推进区域化党建工", "作，实现全覆盖", "统筹推进区域化党建工作，实现全覆盖"),
        ("the ferry carried", "1.82 million riders", "the ferry carried 1.82 million riders"),
        ("a full-scale evacu-", "ation drill", "a full-scale evacuation drill"),
        ("the Harbor-", "Point route", "the Harbor-Point route"),  # a hyphen of the source
        ("handset NOH-", "AN01", "handset NOH-AN01"),
        ("the 2022-", "2023 plan", "the 2022-2023 plan"),
        ("增长率达到", "12%", "增长率达到12%"),
    ],
)
def test_wrapped_pieces_join_as_the_script_writes(a: str, b: str, joined: str) -> None:
    assert join_text(a, b) == joined


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("事业编制 0", "名。", "事业编制 0 名。"),
        ("包含 1 台", "Mate40 终端", "包含 1 台 Mate40 终端"),
        ("服务费；", "12 条专线", "服务费；12 条专线"),  # punctuation takes no space
        ("统筹推进区域化党建工", "作", "统筹推进区域化党建工作"),
    ],
)
def test_a_wrap_where_scripts_meet_takes_the_documents_spacing(a: str, b: str, joined: str) -> None:
    assert join_text(a, b, spaced_scripts=True) == joined
    assert join_text(a, b).replace(" ", "") == joined.replace(" ", "")


def test_the_spacing_habit_is_read_from_the_places_it_shows() -> None:
    spaced = [f"编制 {n} 名，其中行政 {n + 1} 名" for n in range(10)]
    tight = [f"编制{n}名，其中行政{n + 1}名" for n in range(10)]
    assert spaces_scripts_apart(spaced)
    assert not spaces_scripts_apart(tight)
    assert not spaces_scripts_apart(spaced[:3])  # too few places to tell
    assert not spaces_scripts_apart(tight + spaced[:4])  # a habit is most places
    assert not spaces_scripts_apart(["The 2023 budget was 12.5 million."] * 10)


def test_a_latin_figure_set_smaller_than_its_cjk_neighbour_keeps_its_space() -> None:
    """A table cell in 10 pt Latin and 12 pt CJK: the space is a quarter of 10 pt."""
    digits = place("65", 72, 100, size=10.0)
    tight = place("台", digits[-1].x1 + 2.0, 100)  # the printer's spacing, 0.2 of 10 pt
    spaced = place("台", digits[-1].x1 + 2.6, 100)  # a space of the 10 pt font
    assert line_text(digits + tight) == "65台"
    assert line_text(digits + spaced) == "65 台"


def test_a_wrapped_paragraph_keeps_the_spaces_its_document_types_between_scripts() -> None:
    body = "".join(f"第 {n} 项工作投入 {n * 7} 万元，完成 {n + 1} 个目标。" for n in range(1, 20))
    lines = wrap(body, 100)
    assert len(lines) > 4
    [item] = layout_items([page([c for line in lines for c in line])])
    assert item.text == body
    tight = body.replace(" ", "")
    [item] = layout_items([page([c for line in wrap(tight, 100) for c in line])])
    assert item.text == tight


# --- lines ---------------------------------------------------------------------------


def test_characters_in_any_order_form_lines_top_down_left_to_right() -> None:
    first, second = place("第一行文字", 72, 100), place("第二行", 72, 118)
    shuffled = second[::-1] + first[2:] + first[:2]
    assert [ln.text for ln in group_lines(shuffled)] == ["第一行文字", "第二行"]


def test_a_superscript_stays_on_its_line() -> None:
    chars = [*place("面积20", 72, 100), Char("2", 72 + 3 * SIZE, 98, 72 + 3.3 * SIZE, 105, 7)]
    assert [ln.text for ln in group_lines(chars)] == ["面积202"]


# --- paragraphs ------------------------------------------------------------------------


def test_wrapped_paragraphs_join_and_an_indent_opens_the_next() -> None:
    one = "一年来，我局坚持节水优先、空间均衡、系统治理、两手发力的治水思路，扎实推进各项工作。"
    two = "全年未发生水库垮坝和因洪涝灾害造成的人员伤亡，部门整体支出绩效目标基本完成。"
    lines = wrap(one, 100, indent=2)
    lines += wrap(two, lines[-1][0].y0 + 1.5 * SIZE, indent=2)
    assert len(lines) >= 4
    assert texts([page([c for ln in lines for c in ln])]) == [one, two]


def test_a_short_last_line_ends_the_paragraph_without_an_indent() -> None:
    one = "本部门无国有资本经营预算支出，也无社会保障基金预算支出，相关表格为空表，特此说明。"
    lines = [*wrap(one, 100), place("下一段从这里开始。", LEFT, 100 + 3 * SIZE)]
    assert texts([page([c for ln in lines for c in ln])]) == [one, "下一段从这里开始。"]


def test_a_numbered_line_after_a_full_sentence_is_a_new_paragraph() -> None:
    full = "（四）加强财务队伍建设。组织财务人员参加了预算绩效管理培训，提高业务水平。"
    assert len(full) == 37
    assert full.endswith("。")
    chars = place(full, LEFT, 100) + place("（五）强化绩效结果运用。", LEFT, 118)
    assert texts([page(chars)]) == [full, "（五）强化绩效结果运用。"]


@pytest.mark.parametrize(
    ("entries", "fill"),
    [
        (["一、部门主要职能", "二、部门机构设置", "三、名词解释"], "…"),
        (["第一章　总则", "第二章　公司登记", "第三章　有限责任公司的设立和组织机构"], "…"),
        (["1. Introduction", "2. Scope of the Services", "3. Fees"], "."),
        (["（一）收入预算", "（二）支出预算", "（三）其他说明"], "·"),
    ],
)
@pytest.mark.parametrize("page_number", [False, True])
def test_contents_entries_whose_leaders_fill_the_line_stay_apart(
    entries: list[str], fill: str, page_number: bool
) -> None:
    """A leader runs to the right edge, so the line looks full, as a wrapped one does;
    yet an entry points to a page and the next one opens its own line."""
    chars: list[Char] = []
    lines = []
    for k, entry in enumerate(entries):
        y = 100 + k * 1.5 * SIZE
        number = f"{k + 3}" if page_number else ""
        width = SIZE if is_wide(fill) else 0.5 * SIZE
        room = RIGHT - LEFT - sum(SIZE if is_wide(c) else 0.5 * SIZE for c in entry + number)
        line = entry + fill * int(room // width) + number
        lines.append(line)
        chars += place(line, LEFT, y)
    assert texts([page(chars)]) == lines


def test_a_bigger_or_bold_line_is_not_run_into_its_neighbours() -> None:
    chars = place("二、一般公共预算支出情况说明与分析以及相关补充说明如下", LEFT, 100, size=16)
    chars += place("正文第一行", LEFT, 124)
    assert texts([page(chars)])[1] == "正文第一行"


def test_a_paragraph_runs_on_across_a_page_break() -> None:
    text = "工程于2023年3月开工，11月底完成竣工验收，涉及全县11个乡镇37个行政村，惠及群众两万余人。"
    lines = wrap(text, 760)
    first, rest = lines[:1], lines[1:]
    rest = [[Char(c.text, c.x0, c.y0 - 680, c.x1, c.y1 - 680, c.size) for c in ln] for ln in rest]
    filler = [place("上一页的正文内容。", LEFT, 100 + 18 * i) for i in range(3)]
    pages = [
        page([c for ln in filler + first for c in ln]),
        page([c for ln in rest for c in ln], index=1),
    ]
    assert texts(pages)[-1] == text


def test_a_centred_title_wrapped_over_two_lines_is_one_paragraph() -> None:
    big = 18.0
    top = "Harbor Point Port Transit Authority: Annual"
    bottom = "Performance Report, Fiscal Year 2023"
    width = RIGHT - LEFT

    def centred(s: str, y: float) -> list[Char]:
        w = 0.5 * big * len(s)
        return place(s, LEFT + (width - w) / 2, y, size=big)

    body = [place("x" * 74, LEFT, 200 + 18 * i) for i in range(4)]  # sets the column
    chars = centred(top, 100) + centred(bottom, 100 + 1.3 * big)
    chars += [c for ln in body for c in ln]
    assert texts([page(chars)])[0] == f"{top} {bottom}"


# --- page furniture -------------------------------------------------------------------


@pytest.mark.parametrize("number", ["- {n} -", "第 {n} 页", "{n}/9", "Page {n}", "{n}"])
def test_page_numbers_and_running_headers_are_dropped(number: str) -> None:
    pages = []
    for n in range(1, 4):
        chars = place("清水县水利局2023年度报告", 200, 40)  # a running header
        chars += place(f"第{n}页的正文。", LEFT, 100)
        chars += place(number.format(n=n), 280, 800)
        pages.append(page(chars, index=n - 1))
    assert texts(pages) == [f"第{n}页的正文。" for n in range(1, 4)]


def test_a_title_that_repeats_the_running_header_lower_down_stays() -> None:
    pages = []
    for n in range(3):
        chars = place("年度报告", 200, 40)
        if n == 0:
            chars += place("年度报告", 200, 90, size=18)
        chars += place("正文。", LEFT, 130)
        pages.append(page(chars, index=n))
    assert texts(pages)[0] == "年度报告"


def test_furniture_needs_repetition_unless_it_is_a_page_number() -> None:
    lines = [
        group_lines(place("只在一页出现的页眉", 200, 40), 0),
        group_lines(place("正文", 72, 300), 1),
    ]
    assert furniture(lines, [842.0, 842.0]) == set()


# --- tables ---------------------------------------------------------------------------


def grid(
    xs: list[float], ys: list[float], skip: set[tuple[float, float]] = frozenset()
) -> list[Rule]:
    """Ruled lines of a grid; ``skip`` holds (y, x-centre) pieces of horizontal rules left out."""
    rules = [Rule(x, ys[0], x, ys[-1]) for x in xs]
    for y in ys:
        for a, b in itertools.pairwise(xs):
            if (y, (a + b) / 2) not in skip:
                rules.append(Rule(a, y, b, y))
    return rules


def test_a_ruled_grid_gives_rows_of_cells() -> None:
    xs, ys = [72.0, 200.0, 300.0], [100.0, 120.0, 140.0]
    chars = place("项目", 80, 104) + place("金额", 210, 104)
    chars += place("基本支出", 80, 124) + place("3862.47", 210, 124)
    (g,) = find_grids(grid(xs, ys))
    assert read_table(g, chars)[0] == [["项目", "金额"], ["基本支出", "3862.47"]]


def test_a_cell_without_a_rule_above_continues_the_cell_over_it() -> None:
    xs, ys = [72.0, 200.0, 300.0], [100.0, 120.0, 140.0, 160.0]
    # the first column's cell spans rows 2 and 3; its text sits in the middle
    rules = grid(xs, ys, skip={(140.0, 136.0)})
    chars = place("产出指标", 80, 134) + place("12", 210, 124) + place("34", 210, 144)
    chars += place("指标", 80, 104) + place("值", 210, 104)
    (g,) = find_grids(rules)
    assert read_table(g, chars)[0] == [["指标", "值"], ["产出指标", "12"], ["", "34"]]


def test_a_cell_spanning_columns_keeps_its_text_in_the_first_and_the_columns_line_up() -> None:
    xs, ys = [72.0, 150.0, 230.0, 300.0], [100.0, 120.0, 140.0]
    rules = [r for r in grid(xs, ys) if not (r.x0 == 150.0 and r.y0 == 100.0)]
    rules += [Rule(150.0, 120.0, 150.0, 140.0)]
    chars = place("本年收入合计", 80, 104) + place("总", 240, 104)
    chars += place("a", 80, 124) + place("b", 160, 124) + place("c", 240, 124)
    (g,) = find_grids(rules)
    assert read_table(g, chars)[0] == [["本年收入合计", "", "总"], ["a", "b", "c"]]


def test_a_wrapped_cell_is_one_text_and_the_table_stands_in_reading_order() -> None:
    xs, ys = [72.0, 130.0, 300.0], [200.0, 240.0]
    chars = place("满意度指", 76, 204) + place("标", 76, 220) + place("≥90%", 140, 212)
    chars += place("表前的段落。", LEFT, 150) + place("表后的段落。", LEFT, 300)
    pages = [page(chars, rules=tuple(grid(xs, ys)))]
    assert texts(pages) == ["表前的段落。", "满意度指标\t≥90%", "表后的段落。"]


def test_a_table_continued_on_the_next_page_is_one_table() -> None:
    xs = [72.0, 200.0, 300.0]
    one = page(place("甲", 80, 704) + place("1", 210, 704), 0, tuple(grid(xs, [700.0, 720.0])))
    two = page(place("乙", 80, 84) + place("2", 210, 84), 1, tuple(grid(xs, [80.0, 100.0])))
    assert texts([one, two]) == ["甲\t1|乙\t2"]


def test_lone_lines_are_no_grid() -> None:
    assert find_grids([Rule(72, 100, 500, 100), Rule(72, 300, 500, 300)]) == []


def test_line_geometry() -> None:
    line = Line(place("ab", 10, 20))
    assert (line.x0, line.x1, line.y0, line.y1) == (10, 22, 20, 32)
    assert line.text == "ab"
    assert not line.bold


def test_a_one_column_frame_is_no_table() -> None:
    frame = tuple(grid([60.0, 535.0], [90.0, 400.0]))
    chars = place("目录", 280, 100) + place("一、部门主要职能", LEFT, 130)
    assert texts([page(chars, rules=frame)]) == ["目录", "一、部门主要职能"]


def test_a_header_repeated_on_the_next_page_is_read_once() -> None:
    xs = [72.0, 200.0, 300.0]
    head = place("项目", 80, 704) + place("金额", 210, 704)
    one = page(
        head + place("甲", 80, 724) + place("1", 210, 724),
        0,
        tuple(grid(xs, [700.0, 720.0, 740.0])),
    )
    again = place("项目", 80, 84) + place("金额", 210, 84)
    two = page(
        again + place("乙", 80, 104) + place("2", 210, 104),
        1,
        tuple(grid(xs, [80.0, 100.0, 120.0])),
    )
    assert texts([one, two]) == ["项目\t金额|甲\t1|乙\t2"]


def test_a_numbered_heading_after_a_full_line_without_a_full_stop_is_a_new_paragraph() -> None:
    full = "机关运行经费预算为464.64万元，比上年预算减少20.15万元，主要原因是压减了" + "公用经费"
    chars = place(full, LEFT, 100) + place("三、政府采购预算情况", LEFT, 118)
    assert texts([page(chars)]) == [full, "三、政府采购预算情况"]


def test_a_wrapped_line_opening_with_a_decimal_runs_on() -> None:
    first = "截至年底全县新增治理水土流失面积累计达到一千二百余公顷，治理面积较上年增长了"
    chars = place(first, LEFT, 100) + place("1.5万亩，超额完成目标任务。", LEFT, 118)
    assert texts([page(chars)]) == [first + "1.5万亩，超额完成目标任务。"]


def test_cjk_rows_in_columns_of_whitespace_are_a_table_and_prose_around_stays() -> None:
    rows = [
        ("项目", "上年决算", "本年预算"),
        ("基本支出", "3862.47万元", "3901.20万元"),
        ("项目支出", "1243.00万元", "980.50万元"),
        ("合计", "5105.47万元", "4881.70万元"),
    ]
    chars = place("本年预算比上年决算有所减少，主要是项目支出减少。", LEFT, 100)
    for k, (name, old, new) in enumerate(rows):
        y = 130 + 20 * k
        chars += place(name, LEFT, y) + place(old, 220, y) + place(new, 340, y)
    chars += place("以上数据均为财政拨款。", LEFT, 230)
    assert texts([page(chars)]) == [
        "本年预算比上年决算有所减少，主要是项目支出减少。",
        "|".join("\t".join(r) for r in rows),
        "以上数据均为财政拨款。",
    ]
