"""Review state: keys, the dict form an archive stores, and the state directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdiff.errors import ReportdiffError
from reportdiff.folders import any_saved_review
from reportdiff.model import SectionPair
from reportdiff.review import (
    DirectoryReviewStore,
    MemoryReviewStore,
    ReviewState,
    comparison_key,
    pair_key,
    state_dir,
)


def test_comparison_key_depends_on_both_texts_and_their_order():
    k = comparison_key("甲乙", "丙")
    assert k == comparison_key("甲乙", "丙")
    assert k != comparison_key("丙", "甲乙")
    assert k != comparison_key("甲", "乙丙")  # length-prefixed: no ambiguity at the seam
    assert len(k) == 32


def test_pair_key_names_both_sides():
    assert pair_key(SectionPair("1.2", "1.3", "changed")) == "1.2>1.3"
    assert pair_key(SectionPair(None, "4", "added")) == "->4"


def test_state_round_trips_through_its_dict_form():
    state = ReviewState("k", "a.txt", "b.txt")
    state.set_reviewed("1>1", True)
    state.set_note("2>-", "  check the 2023 total  ")
    back = ReviewState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert back.is_reviewed("1>1")
    assert back.note("2>-") == "check the 2023 total"
    assert not back.is_reviewed("2>-")
    assert back.progress(["1>1", "2>-", "3>3"]) == (1, 3)


def test_clearing_a_mark_and_note_forgets_the_pair():
    state = ReviewState("k")
    state.set_reviewed("1>1", True)
    state.set_reviewed("1>1", False)
    assert state.to_dict()["pairs"] == {}


@pytest.mark.parametrize("bad", [{}, {"schema": "other"}, {"schema": "reportdiff.review/1"}])
def test_from_dict_refuses_other_records(bad):
    with pytest.raises(ValueError, match=r"record|missing"):
        ReviewState.from_dict(bad)


def test_state_dir_follows_the_documented_order(monkeypatch):
    assert state_dir({"REPORTDIFF_STATE_DIR": "/x", "XDG_STATE_HOME": "/y"}) == Path("/x")
    assert state_dir({"XDG_STATE_HOME": "/y"}) == Path("/y/reportdiff")
    monkeypatch.setenv("HOME", "/home/r")
    assert state_dir({}) == Path("/home/r/.local/state/reportdiff")


def test_a_saved_review_is_seen_without_loading_any(tmp_path):
    assert not any_saved_review(tmp_path)  # no folder yet
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews.lock").write_text("")
    assert not any_saved_review(tmp_path)
    store = DirectoryReviewStore(tmp_path)
    state = ReviewState("abc", "a", "b")
    state.set_note("0>0", "see the total")
    store.save(state)
    assert any_saved_review(tmp_path)


def test_directory_store_saves_atomically_and_loads(tmp_path):
    store = DirectoryReviewStore(tmp_path)
    assert store.load("abc") is None
    state = ReviewState("abc", "a", "b")
    state.set_reviewed("0>0", True)
    store.save(state)
    assert [p.name for p in (tmp_path / "reviews").iterdir()] == ["abc.json"]  # no temp left
    assert store.load("abc").is_reviewed("0>0")


def test_damaged_state_file_is_one_clear_error(tmp_path):
    store = DirectoryReviewStore(tmp_path)
    store.path("abc").parent.mkdir(parents=True)
    store.path("abc").write_text("{not json", encoding="utf-8")
    with pytest.raises(ReportdiffError, match="damaged"):
        store.load("abc")


def test_memory_store_keeps_the_dict_form():
    store = MemoryReviewStore()
    state = ReviewState("k")
    state.set_note("1>1", "n")
    store.save(state)
    state.set_note("1>1", "changed after saving")
    assert store.load("k").note("1>1") == "n"
