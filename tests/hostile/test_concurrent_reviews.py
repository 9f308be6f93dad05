"""Two reviewers of one comparison at once: every mark either saves survives."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from reportdiff.archive import Archive
from reportdiff.archive.reviews import ArchiveReviewStore
from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.review import DirectoryReviewStore, ReviewState, open_review, pair_key
from reportdiff.tui import build_app
from tests.conftest import SAMPLES

from .bounded import ROOT

SIZE = (140, 45)
OLD, NEW = SAMPLES / "zh" / "qingshui-water-2023.txt", SAMPLES / "zh" / "qingshui-water-2024.txt"


@pytest.fixture(scope="module")
def comparison():
    return compare(read_document(OLD), read_document(NEW))


async def test_two_review_uis_keep_each_others_marks(tmp_path: Path, comparison) -> None:
    first = build_app(comparison, DirectoryReviewStore(tmp_path))
    second = build_app(comparison, DirectoryReviewStore(tmp_path))
    keys = [pair_key(p) for p in comparison.pairs]
    async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
        await one.pause()
        await two.pause()
        first.review.set_reviewed(keys[1], True)
        first._save_and_show(1)
        await first.workers.wait_for_complete()
        second.review.set_reviewed(keys[2], True)
        second.review.set_note(keys[1], "数字已核对")
        second._save_and_show(2)
        await second.workers.wait_for_complete()
        await two.pause()
        # the second UI now shows the first reviewer's mark as well as its own
        assert second.review.is_reviewed(keys[1])
        assert second.review.is_reviewed(keys[2])
        first.review.set_reviewed(keys[3], True)
        first._save_and_show(3)
        await first.workers.wait_for_complete()
        await one.pause()
        assert first.review.note(keys[1]) == "数字已核对"
    stored = DirectoryReviewStore(tmp_path).load(first.review.key)
    assert stored is not None
    assert [stored.is_reviewed(k) for k in keys[1:4]] == [True, True, True]
    assert stored.note(keys[1]) == "数字已核对"


async def test_the_ui_does_not_wait_on_the_store_lock(tmp_path: Path, comparison) -> None:
    store = DirectoryReviewStore(tmp_path)
    app = build_app(comparison, store)
    key = pair_key(comparison.pairs[1])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lock = FileLock(tmp_path / "reviews.lock")
        lock.acquire()  # another reviewer is saving, slowly
        try:
            started = time.monotonic()
            await pilot.press("right_square_bracket", "r")
            await pilot.press("right_square_bracket")
            assert time.monotonic() - started < 5
            assert app.review.is_reviewed(pair_key(app.pair_at(1))) or app.review.is_reviewed(key)
            assert store.load(app.review.key) is None  # not saved while the lock is held
        finally:
            lock.release()
        await app.workers.wait_for_complete()
    saved = store.load(app.review.key)
    assert saved is not None
    assert any(saved.is_reviewed(pair_key(p)) for p in comparison.pairs)


_REVIEWER = """
import sys
from reportdiff.archive import Archive
from reportdiff.archive.reviews import ArchiveReviewStore
from reportdiff.review import DirectoryReviewStore, ReviewState
where, kind, key, start = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = ArchiveReviewStore(Archive(where)) if kind == "archive" else DirectoryReviewStore(where)
state = store.load(key) or ReviewState(key)
for i in range(start, start + 40, 2):  # one save per mark, interleaved with the other
    state.set_reviewed(f"{i}>{i}", True)
    store.save(state)
"""


@pytest.mark.parametrize("kind", ["archive", "directory"])
def test_two_processes_saving_marks_lose_none(tmp_path: Path, kind: str) -> None:
    where = tmp_path / "store"
    if kind == "archive":
        report = tmp_path / "r.txt"
        report.write_text(OLD.read_text(encoding="utf-8"), encoding="utf-8")
        Archive(where).add(report, "清水县水利局", 2023)
    key = "f" * 32
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _REVIEWER, str(where), kind, key, str(start)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for start in (0, 1)
    ]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    store = ArchiveReviewStore(Archive(where)) if kind == "archive" else DirectoryReviewStore(where)
    state = store.load(key)
    assert state is not None
    assert sorted(int(k.split(">")[0]) for k in state.pairs) == list(range(40))


def test_an_unmark_is_an_edit_too(tmp_path: Path) -> None:
    one, two = DirectoryReviewStore(tmp_path), DirectoryReviewStore(tmp_path)
    a = ReviewState("k")
    a.set_reviewed("1>1", True)
    one.save(a)
    b = two.load("k")
    assert b is not None
    b.set_reviewed("2>2", True)
    a.set_reviewed("1>1", False)  # the first reviewer takes a mark back
    one.save(a)
    two.save(b)
    final = one.load("k")
    assert final is not None
    assert not final.is_reviewed("1>1")  # the second save did not bring it back
    assert final.is_reviewed("2>2")


def test_open_review_starts_from_what_is_stored(tmp_path: Path, comparison) -> None:
    store = DirectoryReviewStore(tmp_path)
    state = open_review(comparison, store)
    state.set_note(pair_key(comparison.pairs[0]), "first")
    store.save(state)
    assert open_review(comparison, store).note(pair_key(comparison.pairs[0])) == "first"
