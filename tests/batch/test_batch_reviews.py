"""The review season's loop: batch, review a pair, batch again — the summary and the
pair's report show the review, and a revised submission shows what changed since."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdiff.cli import main
from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.review import DirectoryReviewStore, open_review, pair_key

from .agency_reports import agency_name, report_text, write

NOTE = "收入增幅与预算批复不符"


def rows(out: Path) -> dict[str, dict]:
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return {r["agency"]: r for r in data["rows"]}


def test_reviews_show_in_the_batch_and_a_review_is_picked_up_on_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "state"
    monkeypatch.setenv("REPORTDIFF_STATE_DIR", str(state))
    pairs = {}
    for i in range(3):
        old = write(tmp_path / "old" / f"{i}-2023.txt", report_text(i, 2023))
        new = write(tmp_path / "new" / f"{i}-2024.txt", report_text(i, 2024))
        pairs[i] = (old, new)
    out = tmp_path / "out"
    batch = ["batch", str(tmp_path / "old"), str(tmp_path / "new"), "-o", str(out)]
    assert main(batch) == 1
    assert all(r["reviewed"] == 0 for r in rows(out).values())

    c = compare(*(read_document(p) for p in pairs[1]))
    store = DirectoryReviewStore(state)
    review = open_review(c, store)
    headings = {pair_key(p): (c.section("new", p.new) or p).heading.strip() for p in c.pairs}
    spending = next(p for p in c.pairs if headings[pair_key(p)] == "（二）支出情况")
    keys = [pair_key(p) for p in c.pairs[:2]] + [pair_key(spending)]
    for key in keys:
        review.set_reviewed(key, True)
    review.set_note(keys[-1], NOTE)
    store.save(review)
    report = out / rows(out)[agency_name(1)]["report"]
    untouched = out / rows(out)[agency_name(0)]["report"]
    before = untouched.stat().st_mtime_ns

    assert main(batch) == 1
    row = rows(out)[agency_name(1)]
    assert row["reviewed"] == 3
    assert row["section_pairs"] == len(c.pairs)
    assert NOTE in report.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == before  # its review did not change: reused

    new = pairs[1][1]
    new.write_text(report_text(1, 2024, bump=5.0), encoding="utf-8")
    assert main(batch) == 1
    row = rows(out)[agency_name(1)]
    assert row["changed_since_reviewed"] >= 1
    assert row["reviewed"] == 3
    assert 'class="review changed"' in report.read_text(encoding="utf-8")
    csv_text = (out / "summary.csv").read_text(encoding="utf-8-sig")
    assert f"3/{len(c.pairs)}" in csv_text
