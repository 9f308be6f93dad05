"""Outlines of published 部门预算 / 单位预算 PDFs: one template gives one outline,
whatever page was shrunk to fit and whichever year or agency printed it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from reportdiff.core.sections.segment import segment_document
from reportdiff.model import Section
from reportdiff.readers import read_document

PDFS = [
    "putuo-wanli-jiedao-bumen-yusuan-2024.pdf",
    "putuo-wanli-jiedao-bumen-yusuan-2025.pdf",
    "putuo-caizhengju-bumen-yusuan-2025.pdf",
    "shanghai-caizhengju-danwei-yusuan-2025.pdf",
    "putuo-shangwuwei-bumen-yusuan-2025.pdf",
    "putuo-zhengfu-bangongshi-bumen-yusuan-2025.pdf",
]
_AMOUNT = re.compile(r"\d\.\d|\d\s*[万亿]?元")


@cache
def _outline(path: Path) -> tuple[Section, ...]:
    return segment_document(read_document(path))[1:]


def outline_of(real_dir: Path, name: str) -> tuple[Section, ...]:
    path = real_dir / "dev" / "pdf" / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared/real/dev/pdf beside this checkout")
    return _outline(path)


def shape(sections: tuple[Section, ...]) -> list[tuple[int, str]]:
    """Levels and titles with years left out: what the template fixes."""
    return [(s.level, re.sub(r"\d{4}年", "", s.title)) for s in sections]


@pytest.mark.parametrize("name", PDFS)
def test_the_centred_page_titles_are_the_top_level(real_dir: Path, name: str) -> None:
    top = [s.title for s in outline_of(real_dir, name) if s.level == 1]
    assert any(t.endswith("主要职能") for t in top)
    assert any(t.endswith("机构设置") for t in top)
    assert "名词解释" in top
    assert "其他相关情况说明" in top
    tables = [t for t in top if t.endswith("表")]
    assert len(tables) == 9, tables  # the nine tables of the template, siblings all
    assert not any("：" in t for t in top)  # the cover's "预算单位：…" is no heading


@pytest.mark.parametrize("name", PDFS)
def test_no_numbered_line_stating_an_amount_heads_a_section(real_dir: Path, name: str) -> None:
    titles = [s.title for s in outline_of(real_dir, name) if s.number]
    assert not [t for t in titles if _AMOUNT.search(t)]


def test_one_office_two_years_one_outline(real_dir: Path) -> None:
    old = outline_of(real_dir, PDFS[0])
    new = outline_of(real_dir, PDFS[1])
    assert [lv for lv, _ in shape(old)] == [lv for lv, _ in shape(new)]
    differ = [(a, b) for a, b in zip(shape(old), shape(new), strict=True) if a != b]
    # the 2024 report names its "三公" table without the year prefix; nothing else moves
    assert len(differ) <= 1, differ


def test_two_finance_bureaus_share_the_template_outline(real_dir: Path) -> None:
    city = outline_of(real_dir, "shanghai-caizhengju-danwei-yusuan-2025.pdf")
    district = outline_of(real_dir, "putuo-caizhengju-bumen-yusuan-2025.pdf")
    top_city = [s for s in city if s.level == 1]
    top_district = [s for s in district if s.level == 1]
    # the district report adds 项目经费情况说明 at the end
    assert len(top_district) == len(top_city) + 1
    assert top_district[-1].title == "项目经费情况说明"
    assert [s.title for s in city if s.parent == top_city[-1].id] == [
        s.title for s in district if s.parent == top_district[-2].id
    ]
