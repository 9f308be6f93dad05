"""The hand-written truth of bench/bench_figures_truth.py stays readable: every set's
window and every snippet it names is found in the documents as the readers give them
(a reader that changes a document's text would otherwise break the measurement)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdiff.readers import read_document

TRUTH = Path(__file__).resolve().parents[1] / "bench" / "figures_truth.json"
SETS = json.loads(TRUTH.read_text(encoding="utf-8"))["sets"]


@pytest.mark.parametrize("entry", SETS, ids=[s["name"] for s in SETS])
def test_every_snippet_of_the_truth_is_in_its_document(entry, real_dir):
    for side in ("old", "new"):
        text = read_document(real_dir / entry[side]).text
        marks = (entry.get("window") or {}).get(side)
        if marks:
            start = text.index(marks[0])
            assert text.find(marks[1], start) > start, (side, marks)
        for item in entry["changes"] + entry["either"]:
            assert item[side] in text, (side, item["label"], item[side])


def test_truth_entries_say_only_what_the_bench_reads():
    for s in SETS:
        assert isinstance(s["held_out"], bool)
        for item in s["changes"] + s["either"]:
            assert set(item) <= {"label", "old", "new", "judged_after_first_run"}, item
            assert item["old"], item
            assert item["new"], item
