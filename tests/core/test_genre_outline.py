"""Sections placed in their genre's standard outline, and the outline as evidence."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.sections.genres import GENRES
from reportdiff.core.sections.outline import genres, outline_slots, slot_of, squash
from tests.outline_builder import build

REPORT = next(g for g in genres() if g.id == "cn-department-report")


@pytest.mark.parametrize(
    ("title", "slot"),
    [
        ("下一步改进措施", "improvements"),
        ("改进建议", "improvements"),
        ("整改措施", "improvements"),
        ("一般公共预算支出情况", "expenditure"),
        ("部门财政资金支出情况", "expenditure"),
        ("财政拨款支出决算情况", "expenditure"),
        ("基本支出情况", "basic_expenditure"),  # the narrower part wins
        ("（二）项目支出情况", "project_expenditure"),
        ("部门财政资金收支情况", "income_expenditure"),
        ("存在的问题及原因分析", "problems"),
        ("存在问题", "problems"),
        ("绩效自评结果拟就用和公开情况", "results_use"),  # the subject stands last
        ("部门整体支出绩效情况", "performance"),
        ("部门基本情况", "overview"),
        ("政府性基金预算支出情况", "government_fund"),
        ("其他需要说明的情况", "other"),
    ],
)
def test_titles_find_their_slot(title, slot):
    assert slot_of(REPORT, title) == slot


def test_a_title_naming_no_slot_is_read_from_its_opening_text():
    assert slot_of(REPORT, "（三）说明") is None
    assert slot_of(REPORT, "（三）说明", "下一步，我局将采取以下改进措施。") == "improvements"
    assert slot_of(REPORT, "（三）说明", "见下表。建议") is None  # a short word in text says little


def test_every_slot_word_belongs_to_one_slot_of_its_genre():
    for genre in GENRES:
        words = [w for ws in genre["slots"].values() for w in ws]
        assert len(words) == len(set(words)), genre["id"]


def test_the_outline_applies_only_when_both_reports_fill_enough_slots():
    report = [(1, "一、部门基本情况", "x" * 20), (1, "二、存在问题", "y" * 20)]
    report += [(1, "三、改进措施", "z" * 20)]
    other = [(1, "一、水利", "x" * 20), (1, "二、交通", "y" * 20), (1, "三、改进建议", "z" * 20)]
    old, old_s = build(report)
    new, new_s = build(report)
    assert outline_slots(old, old_s, new, new_s) is not None
    new, new_s = build(other)
    assert outline_slots(old, old_s, new, new_s) is None  # one slot is not a genre


def test_statutes_and_10k_items_are_genres_too():
    ids = {g.id for g in genres()}
    assert {"cn-statute", "us-10k"} <= ids
    statute = next(g for g in genres() if g.id == "cn-statute")
    assert slot_of(statute, "附 则") == "supplementary"
    tenk = next(g for g in genres() if g.id == "us-10k")
    assert slot_of(tenk, "Item 1A. Risk Factors") == "risk_factors"


def _plain_slot_of(genre, title: str, opening: str = "") -> str | None:
    """slot_of as defined: every word of the genre tested against the title."""
    key = squash(title)
    found = [(len(w), key.rfind(w) + len(w), slot) for w, slot in genre.words if w in key]
    if found:
        return max(found)[2]
    start = squash(opening)[:60]
    return next((slot for w, slot in genre.words if len(w) >= 4 and w in start), None)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_slot_of_finds_the_slot_every_word_tested_would(data) -> None:
    genre = data.draw(st.sampled_from(genres()))
    pieces = st.sampled_from([w for w, _ in genre.words] + ["情况", "的", "一、", "及", "Ｘ"])
    title = "".join(data.draw(st.lists(pieces, max_size=4)))
    opening = "".join(data.draw(st.lists(pieces, max_size=6)))
    assert slot_of(genre, title, opening) == _plain_slot_of(genre, title, opening)
