"""A report restructured between years, as a 政府工作报告 is: the review keeps its
number and its subject word but not its subsections, and last year's "suggestions"
chapter becomes this year's "tasks" chapter under another number, its subsections
rewritten. A reviewer pairs the chapters by their subject and by their children."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.sections.align import align_sections
from reportdiff.core.sections.scoring import title_similarity
from reportdiff.options import CompareOptions
from reportdiff.readers import read_document
from tests.outline_builder import build

CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
LETTERS_PER_TOPIC = 80
BODY_LEN = 60


def topics(rng: random.Random, n: int) -> list[list[str]]:
    """Disjoint character pools, one per topic: texts of one topic share bigrams only
    where they share a passage."""
    chars = rng.sample(CJK, n * LETTERS_PER_TOPIC)
    return [chars[k * LETTERS_PER_TOPIC : (k + 1) * LETTERS_PER_TOPIC] for k in range(n)]


def text(rng: random.Random, pool: list[str], n: int = BODY_LEN) -> str:
    return "".join(rng.choice(pool) for _ in range(n)) + "。"


def rewritten(rng: random.Random, old: str, pool: list[str], kept: int) -> str:
    """The same topic written again: one passage of ``kept`` characters survives."""
    at = rng.randrange(0, len(old) - kept)
    return text(rng, pool, 20) + old[at : at + kept] + text(rng, pool, BODY_LEN - kept)


def reports(seed: int):
    rng = random.Random(seed)
    n_review, n_tasks = rng.randint(3, 6), rng.randint(3, 6)
    pools = topics(rng, n_review + n_tasks + 2)
    task_pools = pools[n_review : n_review + n_tasks]
    review = [text(rng, pools[k]) for k in range(n_review)]
    tasks = [text(rng, pool) for pool in task_pools]
    intro, general = pools[-2], pools[-1]
    old = [(1, "一、过去一年和五年工作回顾", text(rng, intro))]
    old += [(2, f"（{k + 1}）{text(rng, pools[k], 8)}", body) for k, body in enumerate(review)]
    old += [(1, "二、对今年政府工作的建议", text(rng, intro))]
    # a task keeps its subject words (扩大国内需求) and gains others
    subjects = [text(rng, pool, 4)[:4] for pool in task_pools]
    old += [(2, f"（{k + 1}）着力{subjects[k]}", body) for k, body in enumerate(tasks)]
    year = rng.choice(["2023", "2024", "2025"])
    kept = rng.randint(12, 22)
    whole_review = "".join(rewritten(rng, b, pools[k], kept) for k, b in enumerate(review))
    new = [
        (1, f"一、{year}年工作回顾", whole_review),
        (1, f"二、{year}年经济社会发展总体要求和政策取向", text(rng, general, 200)),
        (1, f"三、{year}年政府工作任务", text(rng, intro, 20)),
    ]
    for k, (pool, body) in enumerate(zip(task_pools, tasks, strict=True)):
        title = f"（{k + 1}）{subjects[k]}，{text(rng, pool, 6)[:6]}"
        new.append((2, title, rewritten(rng, body, pool, kept)))
    return old, new


@pytest.mark.parametrize("seed", range(16))
def test_restructured_chapters_pair_by_subject_and_by_children(seed: int) -> None:
    old_outline, new_outline = reports(seed)
    old, old_s = build(old_outline)
    new, new_s = build(new_outline)
    pairs = align_sections(old, old_s, new, new_s, CompareOptions())
    by_old = {p.old: p for p in pairs if p.old and p.new and not p.secondary}
    title = {s.id: s.title for s in new_s}
    review, advice = by_old.get("1"), by_old.get("2")
    assert review is not None
    assert review.new == "1"
    assert not review.weak  # paired by subject: 工作回顾 ends both titles
    assert advice is not None
    assert advice.new == "3", title[advice.new]
    assert not advice.weak  # paired by its children


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("工作回顾", "过去一年和五年工作回顾"),
        ("工作回顾", "过去五年工作回顾"),
    ],
)
def test_a_title_that_ends_another_names_its_subject(short: str, long: str) -> None:
    assert title_similarity(short, long) >= 0.8


@pytest.mark.parametrize(
    ("short", "long"),
    [("整体情况", "部门整体支出绩效情况"), ("回顾", "工作回顾与展望")],
)
def test_a_title_inside_another_but_not_ending_it_does_not(short: str, long: str) -> None:
    assert title_similarity(short, long) < 0.8


def _national_reports(real_dir: Path):
    paths = [real_dir / f"gwr_national_{year}.txt" for year in (2023, 2024)]
    for path in paths:
        if not path.exists():
            pytest.skip(f"{path.name} is not in ../shared/real beside this checkout")
    return compare(*(read_document(p) for p in paths))


def test_the_national_reports_2023_2024_pair_their_chapters(real_dir: Path) -> None:
    c = _national_reports(real_dir)
    pairs = {
        c.section("old", p.old).title: p  # type: ignore[union-attr]
        for p in c.pairs
        if p.old and p.new and not p.secondary
    }
    review, advice = pairs["过去一年和五年工作回顾"], pairs["对今年政府工作的建议"]
    assert c.section("new", review.new).title == "2023年工作回顾"  # type: ignore[union-attr]
    assert c.section("new", advice.new).title == "2024年政府工作任务"  # type: ignore[union-attr]
    assert not review.weak
    assert not advice.weak


def test_an_added_section_is_inserted_whole_with_its_numbering(real_dir: Path) -> None:
    c = _national_reports(real_dir)
    added = [p for p in c.pairs if p.status == "added"]
    assert added
    for pair in added:
        section = c.section("new", pair.new)
        assert section is not None
        assert pair.edits[0].new_text.startswith(section.heading)
