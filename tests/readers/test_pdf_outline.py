"""The outline of a printed budget report, built from character records as a printer
sets them: a cover, a table of contents, then one centred title per page. Pages that
were shrunk to fit (a spreadsheet printed to PDF) set their title a little smaller,
off the half-point grid; the outline must not change with that."""

from __future__ import annotations

import random

import pytest

from reportdiff.core.sections.segment import segment_document
from reportdiff.model import Section
from reportdiff.readers.pdf_layout import Char, Page, is_wide, layout_document

WIDTH, HEIGHT = 842.0, 595.0
LEFT = 72.0
BODY = 12.0
TITLE = 18.0

CHAPTERS = [
    "某某局（单位）主要职能",
    "某某局（单位）机构设置",
    "名词解释",
    "2025年单位预算编制说明",
]
TABLES = ["2025年单位财务收支预算总表", "2025年单位收入预算总表", "2025年单位支出预算总表"]
TABLES += ["2025年单位财政拨款收支预算总表", "2025年单位政府性基金预算支出功能分类预算表"]


# The last chapter's own numbering repeats the contents' first entry ("一、"): the
# contents still end where the first page title stands.
OTHER = "其他相关情况说明"
OTHER_LINES = [
    "一、2025年“三公”经费预算情况说明",
    "2025年“三公”经费预算数为3.50万元。其中：",
    "（一）因公出国（境）费0.50万元，与上年持平。",
    "（二）公务用车购置及运行费2.00万元，比上年减少0.20万元，主要原因是车辆减少。",
    "（三）公务接待费1.00万元。与上年持平。",
    "二、机关运行经费预算",
    "2025年本单位机关运行经费预算为20.00万元。",
]


def place(text: str, x: float, y: float, size: float) -> list[Char]:
    out = []
    for ch in text:
        width = size if is_wide(ch) else 0.5 * size
        if ch != " ":
            out.append(Char(ch, x, y, x + width, y + size, size))
        x += width
    return out


def centred(text: str, y: float, size: float) -> list[Char]:
    width = sum(size if is_wide(c) else 0.5 * size for c in text)
    return place(text, (WIDTH - width) / 2, y, size)


def body(y: float, n: int, seed: int) -> list[Char]:
    """``n`` paragraphs of body text, each a full sentence on its own line."""
    words = "本单位按照规定编制预算并组织实施有关工作"
    out: list[Char] = []
    for k in range(n):
        sentence = words[(seed + k) % 5 :] + "。"
        out += place(sentence, LEFT + 2 * BODY, y + k * 1.6 * BODY, BODY)
    return out


def report(shrink: dict[int, float]) -> tuple[Section, ...]:
    """Cover, contents and one page per chapter or table; ``shrink`` maps a page's
    index among the chapters and tables to the factor its title was scaled by."""
    pages = [
        Page(
            0,
            WIDTH,
            HEIGHT,
            tuple(
                centred("上海市2025年市级单位预算", 150, 36)
                + centred("预算单位：某某局", 300, TITLE)
            ),
        ),
    ]
    toc = centred("目 录", 60, 19.2)
    entries = ["一、单位主要职能", "二、单位机构设置", "三、名词解释", "四、单位预算编制说明"]
    entries += [f"{n}. {t}" for n, t in enumerate(TABLES, 1)]
    for k, entry in enumerate(entries):
        toc += place(entry, LEFT, 100 + k * 22, 13.44)
    pages.append(Page(1, WIDTH, HEIGHT, tuple(toc)))
    for k, title in enumerate(CHAPTERS + TABLES):
        size = TITLE * shrink.get(k, 1.0)
        chars = centred(title, 60, size) + body(100, 6, k)
        pages.append(Page(len(pages), WIDTH, HEIGHT, tuple(chars)))
    last = centred(OTHER, 60, TITLE)
    for k, line in enumerate(OTHER_LINES):
        last += place(line, LEFT + 2 * BODY, 100 + k * 1.6 * BODY, BODY)
    pages.append(Page(len(pages), WIDTH, HEIGHT, tuple(last)))
    doc = layout_document("report.pdf", pages)
    return segment_document(doc)[1:]


def shape(sections: tuple[Section, ...]) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in sections]


EXPECTED = [(1, t) for t in CHAPTERS + TABLES]
EXPECTED += [(1, OTHER), (2, "2025年“三公”经费预算情况说明"), (2, "机关运行经费预算")]


def test_each_page_title_is_a_heading_and_the_cover_and_contents_are_not() -> None:
    assert shape(report({})) == EXPECTED


@pytest.mark.parametrize("seed", range(12))
def test_a_title_shrunk_to_fit_its_page_stays_at_its_level(seed: int) -> None:
    rng = random.Random(seed)
    pages = rng.sample(range(len(CHAPTERS + TABLES)), rng.randint(1, 4))
    # factors as printers shrink a sheet to fit: never onto the half-point grid
    shrink = {p: rng.choice([0.98, 0.9428, 0.94, 0.88, 0.8622, 0.9624]) for p in pages}
    assert shape(report(shrink)) == EXPECTED


def test_titles_set_in_two_sizes_still_nest() -> None:
    # a real size step (16 pt under 18 pt, both on the grid) is a level, shrunk or not
    sections = report({5: 16 / 18, 6: 16 / 18, 7: 0.98})
    levels = [s.level for s in sections]
    assert levels == [1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 2, 2]
