"""Review marks and notes kept on the archive's own ``reviews`` branch."""

from __future__ import annotations

import json
import subprocess
from argparse import Namespace
from pathlib import Path

import pytest

from reportdiff.archive import Archive, parse_ref
from reportdiff.archive.reviews import ArchiveReviewStore
from reportdiff.cli import main
from reportdiff.cli.compare import review_store
from reportdiff.core.compare import compare
from reportdiff.review import DirectoryReviewStore, ReviewState, open_review, pair_key
from tests.archive.run_at_once import run_at_once

AGENCY = "清河县水利局"
SRC = Path(__file__).resolve().parents[2] / "src"


def git(archive_dir: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(archive_dir), *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture
def archive(archive_dir: Path, reports: dict[str, Path]) -> Archive:
    a = Archive(archive_dir)
    a.add(reports["2022"], AGENCY, 2022)
    a.add(reports["2023"], AGENCY, 2023)
    return a


def _store(archive: Archive) -> tuple[ArchiveReviewStore, ReviewState, list[str]]:
    old = archive.resolve(parse_ref(f"{AGENCY}@2022"))
    new = archive.resolve(parse_ref(f"{AGENCY}@2023"))
    comparison = compare(archive.read_document(old), archive.read_document(new))
    store = ArchiveReviewStore(archive, old, new, comparison)
    keys = [pair_key(p) for p in comparison.pairs]
    return store, open_review(comparison, store), keys


def test_round_trip_through_git(archive: Archive) -> None:
    store, state, keys = _store(archive)
    state.set_reviewed(keys[1], True)
    state.set_note(keys[2], "check the budget total")
    store.save(state)
    fresh = ArchiveReviewStore(archive.path).load(state.key)
    assert fresh is not None
    assert fresh.to_dict() == state.to_dict()
    assert ArchiveReviewStore(archive.path).load("0" * 32) is None
    # what git holds is the review record, with the versions it concerns
    record = json.loads(git(archive.path, "show", f"reviews:reviews/{state.key}.json"))
    assert record["old_version"] == {"agency": AGENCY, "year": 2022, "kind": "report"}
    assert record["new_version"]["year"] == 2023
    assert record["pairs_total"] == len(keys)


def test_each_save_is_a_commit_and_main_is_untouched(archive: Archive) -> None:
    main_before = git(archive.path, "rev-parse", "refs/heads/main")
    store, state, keys = _store(archive)
    for key in keys[:3]:
        state.set_reviewed(key, True)
        store.save(state)
    assert git(archive.path, "rev-list", "--count", "refs/heads/reviews") == "3"
    assert git(archive.path, "rev-parse", "refs/heads/main") == main_before
    assert git(archive.path, "ls-tree", "-r", "--name-only", "reviews") == (
        f"reviews/{state.key}.json"
    )
    git(archive.path, "fsck", "--strict")


def test_a_second_review_keeps_the_first(archive: Archive) -> None:
    store, state, keys = _store(archive)
    state.set_reviewed(keys[0], True)
    store.save(state)
    other = ReviewState("f" * 32, "a.txt", "b.txt")
    other.set_note("1>1", "unrelated")
    ArchiveReviewStore(archive.path).save(other)
    assert ArchiveReviewStore(archive.path).load(state.key).is_reviewed(keys[0])
    assert len(ArchiveReviewStore(archive.path).records()) == 2


_SAVER = """
import sys
from reportdiff.archive.reviews import ArchiveReviewStore
from reportdiff.review import ReviewState
archive, prefix = sys.argv[1:]
store = ArchiveReviewStore(archive)
for i in range(5):
    state = ReviewState(prefix * 31 + str(i))
    state.set_reviewed("1>1", True)
    store.save(state)
"""


def test_two_processes_saving_at_once(archive: Archive) -> None:
    run_at_once(_SAVER, [[str(archive.path), prefix] for prefix in ("a", "b")])
    assert git(archive.path, "rev-list", "--count", "refs/heads/reviews") == "10"
    keys = {r.state.key for r in ArchiveReviewStore(archive.path).records()}
    assert keys == {p * 31 + str(i) for p in "ab" for i in range(5)}
    git(archive.path, "fsck", "--strict")


def test_compare_picks_the_store(archive: Archive, reports: dict[str, Path]) -> None:
    store, _, _ = _store(archive)
    comparison = compare(archive.read_document(store.old), archive.read_document(store.new))
    refs = Namespace(old=f"{AGENCY}@2022", new=str(reports["2023"]), archive=str(archive.path))
    chosen = review_store(comparison, refs)
    assert isinstance(chosen, ArchiveReviewStore)
    assert chosen.old == store.old
    assert chosen.new is None
    files = Namespace(old=str(reports["2022"]), new=str(reports["2023"]), archive=None)
    assert isinstance(review_store(comparison, files), DirectoryReviewStore)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_archive_reviews_output(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    a = ("--archive", str(archive.path))
    status, out, _ = run(capsys, "archive", "reviews", f"{AGENCY}@2023", *a)
    assert (status, out) == (0, f"no reviews of {AGENCY}@2023\n")
    store, state, keys = _store(archive)
    state.set_reviewed(keys[0], True)
    state.set_reviewed(keys[1], True)
    state.set_note(keys[2], "budget total looks off")
    store.save(state)
    status, out, _ = run(capsys, "archive", "reviews", f"{AGENCY}@2022", *a)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{AGENCY}@2022 vs {AGENCY}@2023: 2/{len(keys)} pairs reviewed")
    assert state.updated in lines[0]
    assert lines[1].endswith(": budget total looks off")
    status, out, _ = run(capsys, "archive", "reviews", f"{AGENCY}@latest", "--format", "json", *a)
    data = json.loads(out)
    assert data["version"] == f"{AGENCY}@2023"
    (row,) = data["reviews"]
    assert row["other"] == f"{AGENCY}@2022"
    assert (row["reviewed"], row["total"]) == (2, len(keys))
    assert row["notes"][0]["text"] == "budget total looks off"
    assert row["notes"][0]["section"]  # the heading the note is about


@pytest.mark.parametrize("ref", [f"{AGENCY}@2019", "无此单位@2023"])
def test_archive_reviews_unknown(
    archive: Archive, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    status, out, err = run(capsys, "archive", "reviews", ref, "--archive", str(archive.path))
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
