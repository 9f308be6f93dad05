"""Outlines of the real reports in ../shared, as a careful reader would draw them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportdiff.core.sections.segment import segment_document
from reportdiff.model import Document, Section
from reportdiff.readers import read_document
from tests.conftest import SAMPLES

try:
    from test_segment import check_offsets
except ImportError:  # tests/core imported as a package
    from .test_segment import check_offsets

pytestmark = pytest.mark.seeds
_CN_PAREN_ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[）)]", re.M)


def load(path: Path) -> tuple[Document, tuple[Section, ...]]:
    doc = read_document(path)
    sections = segment_document(doc)
    check_offsets(doc, sections)
    return doc, sections


def children(sections: tuple[Section, ...], parent: Section | None) -> list[Section]:
    pid = parent.id if parent else None
    return [s for s in sections[1:] if s.parent == pid]


def one(sections: tuple[Section, ...], **fields: object) -> Section:
    found = [s for s in sections if all(getattr(s, k) == v for k, v in fields.items())]
    assert len(found) == 1, fields
    return found[0]


def test_daoxian_outline(seeds_dir: Path) -> None:
    doc, sections = load(seeds_dir / "daoxian-police-2023.txt")
    top = [(s.number, s.title) for s in children(sections, None)]
    assert top == [
        ("一、", "部门基本情况"),
        ("二、", "一般公共预算支出情况"),
        ("三、", "政府性基金预算支出情况"),
        ("四、", "国有资本经营预算支出情况"),
        ("五、", "社会保障基金预算支出情况"),
        ("六、", "部门整体支出绩效情况"),
        ("7、", "存在的问题及原因分析"),  # Arabic 7 continues 六、 at the top level
        ("八、", "下一步改进措施"),
        ("8、", "绩效自评结果拟就用和公开情况"),  # the author's 9th, written "8、"
        ("9、", "其他需要说明的情况"),
    ]
    assert sections[0].body_end == sections[1].start  # the title line is the preamble
    assert doc.title in doc.text[: sections[1].start]


def test_daoxian_restarted_numbering_nests_under_six(seeds_dir: Path) -> None:
    _, sections = load(seeds_dir / "daoxian-police-2023.txt")
    six = one(sections, number="六、", level=1)
    inner = children(sections, six)
    assert [s.number for s in inner] == ["一、", "二、", "三、"]
    assert all(s.level == 2 for s in inner)
    # Long headings with commas but no closing 。 are still headings.
    assert all("，" in s.title and not s.title.endswith("。") for s in inner)


def test_daoxian_duty_list_is_items(seeds_dir: Path) -> None:
    doc, sections = load(seeds_dir / "daoxian-police-2023.txt")
    first = one(sections, number="一、", level=1)
    (duties,) = children(sections, first)
    assert (duties.number, duties.title, duties.level) == ("1）．", "主要职能", 2)
    assert children(sections, duties) == []
    body = doc.text[duties.body_start : duties.body_end]
    assert len(re.findall(r"^\d+、", body, re.M)) == 15
    for heading in ("存在的问题及原因分析", "下一步改进措施"):
        assert children(sections, one(sections, title=heading)) == []  # 1、2、 are items


def test_daoxian_heading_with_body_on_its_line(seeds_dir: Path) -> None:
    doc, sections = load(seeds_dir / "daoxian-police-2023.txt")
    two = one(sections, number="二、", level=1)
    (basic,) = children(sections, two)
    assert (basic.number, basic.title) == ("1、", "基本支出情况")
    sub = children(sections, basic)
    assert [(s.number, s.level) for s in sub] == [("（一）", 3), ("（二）", 3)]
    first = sub[0]
    assert first.title == "基本支出情况"
    assert first.heading.endswith("：")
    assert doc.text[first.body_start] not in "\n"  # the body starts on the heading's line
    assert doc.text[first.body_start : first.body_end].lstrip()[:1].isalnum()


def test_ebian_outline(seeds_dir: Path) -> None:
    doc, sections = load(seeds_dir / "ebian-police-2023.txt")
    assert doc.title in doc.text[: sections[1].start]  # the title line is the preamble
    top = children(sections, None)
    assert [s.number for s in top] == ["一、", "二、", "三、", "四、"]
    assert [s.title for s in top[:2]] == ["部门基本情况", "部门财政资金收支情况"]
    assert top[3].title == "评价结论及建议"
    first = children(sections, top[0])
    assert [s.title for s in first] == [
        "机构组成",
        "机构职能和人员概况",
        "年度主要工作任务",
        "部门整体支出绩效目标",
    ]
    assert [s.number.strip("()（）") for s in first] == ["一", "二", "三", "四"]


def test_ebian_work_items_nest_under_annual_tasks(seeds_dir: Path) -> None:
    _, sections = load(seeds_dir / "ebian-police-2023.txt")
    tasks = one(sections, title="年度主要工作任务")
    groups = children(sections, tasks)
    # The source skips 二、: the run still continues at the same level.
    assert [s.number for s in groups] == ["一、", "三、", "四、", "五、", "六、", "七、", "八、"]
    assert all(s.level == 3 for s in groups)
    points = [s for g in groups for s in children(sections, g)]
    assert [s.number for s in points] == [f"{n}." for n in range(1, 28)]
    assert all(s.level == 4 and "。" not in s.title and s.body_end > s.body_start for s in points)
    bold = [s for s in points if "**" in s.heading]
    assert len(bold) == 4
    assert all(s.heading.endswith("**") and "*" not in s.title for s in bold)


def test_ebian_duties_and_table_stay_in_their_sections(seeds_dir: Path) -> None:
    doc, sections = load(seeds_dir / "ebian-police-2023.txt")
    duties = one(sections, title="机构职能和人员概况")
    assert children(sections, duties) == []
    body = doc.text[duties.body_start : duties.body_end]
    assert len(_CN_PAREN_ITEM.findall(body)) == 17
    goals = one(sections, title="部门整体支出绩效目标")
    assert children(sections, goals) == []
    assert doc.text[goals.body_start : goals.body_end].count("\t") > 100  # the whole table
    assert goals.end == one(sections, number="二、", level=1).start


def test_ebian_inline_headings(seeds_dir: Path) -> None:
    doc, sections = load(seeds_dir / "ebian-police-2023.txt")
    last = children(sections, None)[-1]
    subs = children(sections, last)
    assert [s.title for s in subs] == ["评价结论", "存在问题", "改进建议"]
    for s in subs:
        assert s.heading.endswith("。")
        assert doc.text[s.body_start] != "\n"
    results = one(sections, title="结果应用情况")
    assert [s.number for s in children(sections, results)] == ["(1)", "(2)", "(3)"]


@pytest.mark.parametrize(
    ("name", "parent_number", "count"),
    [
        ("gwr_national_2022.txt", "三、", 9),
        ("gwr_national_2023.txt", "一、", 10),
        ("gwr_national_2023.txt", "二、", 8),
        ("gwr_national_2024.txt", "三、", 10),
    ],
)
def test_government_work_reports(real_dir: Path, name: str, parent_number: str, count: int) -> None:
    _, sections = load(real_dir / name)
    top = children(sections, None)
    assert [s.number for s in top] == ["一、", "二、", "三、"][: len(top)]
    assert len(top) >= 2
    parent = next(s for s in top if s.number == parent_number)
    subs = children(sections, parent)
    assert len(subs) == count
    assert [s.number for s in subs[:2]] == ["（一）", "（二）"]
    # Titles end where the first sentence does, commas and all.
    assert all(0 < len(s.title) <= 32 and "。" not in s.title for s in subs)


def test_10k_risk_factor_headings(real_dir: Path) -> None:
    outlines = []
    for year in (2023, 2024):
        _, sections = load(real_dir / f"msft_10k_item1a_fy{year}.txt")
        top = children(sections, None)
        assert len(top) == 7
        assert all(s.title.isupper() and s.number == "" for s in top)
        subs = [s for s in sections if s.level == 2]
        assert len(subs) >= 6
        # Risk-factor sentences ending in a full stop are body text, not headings.
        assert all(not s.heading.endswith(".") for s in sections[1:])
        outlines.append([(s.level, s.title) for s in sections[1:]])
    assert outlines[0] == outlines[1]  # the same headings in both years


@pytest.mark.parametrize(
    "name",
    [
        "jsjs_putuo_caizhengju_2024.txt",
        "jsjs_putuo_guihuaziyuanju_2024.txt",
        "jsjs_putuo_shehuigongzuobu_2024.txt",
        "jsjs_shanghai_template_2024.txt",
    ],
)
def test_shanghai_final_accounts(real_dir: Path, name: str) -> None:
    doc, sections = load(real_dir / name)
    top = children(sections, None)
    numbers = [s.number for s in top]
    assert numbers[0] == "第一部分"
    assert numbers[-2:] == ["第三部分", "第四部分"]
    # The table of contents stays in the preamble: the first heading is the second
    # "第一部分" of the text.
    assert doc.text[: top[0].start].count("第一部分") == 1
    assert top[0].title.endswith("概况")  # its title sat on its own line in some files
    part1 = children(sections, top[0])
    assert [s.number for s in part1] == ["一、", "二、"]
    assert part1[0].title == "主要职能"
    assert children(sections, part1[0]) == []  # numbered duties, hard-wrapped: items
    part3 = children(sections, top[-2])
    assert [s.number for s in part3][-2:] == ["十、", "十一、"]
    assert len(part3) == 11
    five = part3[4]
    assert [s.number for s in children(sections, five)] == ["（一）", "（二）", "（三）"]
    glossary = children(sections, top[-1])
    assert len(glossary) == 11
    # Table cells ("一、一般公共服务支出" …) never become headings.
    cells = {"外交支出", "国防支出", "教育支出", "上级补助收入"}
    assert not any(re.search(r"\d,\d{3}", s.title) or s.title in cells for s in sections[1:])


@pytest.mark.parametrize(
    ("truth", "side"),
    [
        ("zh/qingshui-water.truth.json", "old"),
        ("zh/qingshui-water.truth.json", "new"),
        ("en/harbor-transit.truth.json", "old"),
        ("en/harbor-transit.truth.json", "new"),
    ],
)
def test_sample_outlines_match_their_truth(truth: str, side: str) -> None:
    """The bundled samples' truth files name every section by its heading line and parent."""
    spec = json.loads((SAMPLES / truth).read_text(encoding="utf-8"))
    doc, sections = load(SAMPLES / Path(truth).parent / spec[side])
    by_id = {s.id: s for s in sections}
    got = {s.heading: (by_id[s.parent].heading if s.parent else None) for s in sections[1:]}
    want = {
        e[side]: e[f"{side}_parent"]
        for e in spec["sections"]
        if e[side] is not None and e[side] != doc.title
    }
    # One known disagreement (docs/tricky-cases.md): the truth reads the short lines
    # "（一）提高….。" + explanation under 下一步改进措施 as list items; the segmenter
    # reads them like "(一) 评价结论。根据…", as headings with their body on the line.
    inline = {h: p for h, p in got.items() if h not in want and p and "改进措施" in p}
    assert all(h.startswith("（") and h.endswith("。") for h in inline)
    assert {h: p for h, p in got.items() if h not in inline} == want


@pytest.mark.parametrize("year", [2023, 2024])
def test_sample_docx_and_text_give_one_outline(year: int) -> None:
    """Word styles (docx) and numbering read from the text (txt) agree on the outline."""
    outlines = []
    for suffix in ("txt", "docx"):
        doc, sections = load(SAMPLES / "zh" / f"qingshui-water-{year}.{suffix}")
        assert any(b.style_level for b in doc.blocks) == (suffix == "docx")
        outlines.append([(s.id, s.number, s.title) for s in sections[1:]])
    assert outlines[0] == outlines[1]
    assert len(outlines[0]) > 20
