"""The corpus index: incremental adds, versioning, crashes mid-add, streamed output."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportdiff.cli import main
from reportdiff.corpusdb import CorpusIndex, cluster_index
from reportdiff.errors import ReportdiffError
from reportdiff.scan import add_folder, load_text, scan_index
from tests.conftest import ROOT
from tests.test_scan import SHARED, TEMPLATE, own, report


def _write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _year(i: int, year: int) -> str:
    """Agency ``i``'s report of ``year``: its own sentences, a passage every third agency
    shares, and the template sentence everyone keeps."""
    parts = [own(i * 100 + year), TEMPLATE]
    if i % 3 == 0:
        parts.append(SHARED)
    return report(i, *parts)


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    old = _write(tmp_path / "2023", {f"agency{i:02d}-2023.txt": _year(i, 2023) for i in range(12)})
    new = _write(tmp_path / "2024", {f"agency{i:02d}-2024.txt": _year(i, 2024) for i in range(12)})
    return old, new


def _clusters(result) -> set[tuple[frozenset[str], str]]:
    return {
        (frozenset(Path(result.paths[d]).name for d in c.documents), c.text)
        for c in result.clusters
    }


def test_incremental_add_equals_a_full_rescan(tmp_path: Path) -> None:
    old, new = _folders(tmp_path)
    with CorpusIndex(tmp_path / "inc.db") as index:
        add_folder(index, old)
        add_folder(index, new)
        incremental = cluster_index(index, load_text)
        assert len(incremental.paths) == 24
        got = _clusters(incremental)
    both = _write(tmp_path / "all", {})
    for f in [*old.iterdir(), *new.iterdir()]:
        (both / f.name).write_bytes(f.read_bytes())
    with CorpusIndex(tmp_path / "full.db") as index:
        add_folder(index, both)
        assert got == _clusters(cluster_index(index, load_text))
    texts = {text for _, text in got}
    assert TEMPLATE in texts
    assert SHARED in texts


def test_an_add_reports_what_the_new_reports_share_with_earlier_ones(
    tmp_path: Path, capsys
) -> None:
    old, new = _folders(tmp_path)
    db = tmp_path / "corpus.db"
    assert main(["scan", str(old), "--index", str(db)]) == 0
    assert capsys.readouterr().out.startswith("Scanned 12 reports")
    assert main(["scan", str(new), "--index", str(db), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["indexed_before"] == 12
    assert {d["path"] for d in data["documents"]} == {
        f"2024/agency{i:02d}-2024.txt" for i in range(12)
    }
    assert all(d["year"] == 2024 for d in data["documents"])
    shared = next(c for c in data["clusters"] if c["text"] == SHARED)
    assert "2023/agency00-2023.txt" in shared["documents"]  # the earlier report, by folder and year
    assert "2024/agency03-2024.txt" in shared["documents"]
    assert main(["scan", str(new), "--index", str(db)]) == 0
    assert capsys.readouterr().out.startswith("Added 0 reports to an index of 24")


def test_a_changed_report_is_read_again(tmp_path: Path) -> None:
    old, _ = _folders(tmp_path)
    with CorpusIndex(tmp_path / "c.db") as index:
        add_folder(index, old)
        target = old / "agency01-2023.txt"
        target.write_text(report(1, own(7), SHARED), encoding="utf-8")
        os.utime(target, ns=(time.time_ns(), time.time_ns() + 10**9))
        result = scan_index(index, old)
        assert [result.paths[s.doc] for s in result.shares] == ["2023/agency01-2023.txt"]
        assert len(index.documents()) == 12


def test_an_index_of_another_version_is_refused(tmp_path: Path, capsys) -> None:
    db = tmp_path / "old.db"
    with CorpusIndex(db):
        pass
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = 'shingle=3' WHERE name = 'algorithm'")
    with pytest.raises(ReportdiffError, match="another version of reportdiff"):
        CorpusIndex(db)
    (tmp_path / "notes.db").write_text("not a database", encoding="utf-8")
    folder = _write(tmp_path / "r", {"a.txt": report(1, SHARED), "b.txt": report(2, SHARED)})
    assert main(["scan", str(folder), "--index", str(tmp_path / "notes.db")]) == 2
    assert "is not a reportdiff corpus index" in capsys.readouterr().err
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t(x)")
    assert main(["scan", str(folder), "--index", str(foreign)]) == 2
    assert "is not a reportdiff corpus index" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this system")
def test_killing_an_add_leaves_the_index_as_it_was(tmp_path: Path) -> None:
    old, new = _folders(tmp_path)
    unique = {
        f"r{i:04d}.txt": report(i, *(own(i * 1000 + k) for k in range(40))) for i in range(600)
    }
    big = _write(tmp_path / "big", unique)
    db = tmp_path / "corpus.db"
    assert (
        main(
            [
                "scan",
                str(old),
                "--index",
                str(db),
                "--format",
                "json",
                "-o",
                str(tmp_path / "a.json"),
            ]
        )
        == 0
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # Kill the add at several moments (when its transaction commits depends on the
    # machine's speed): every kill leaves the index as it was or with the whole add,
    # never a part, and at least one lands before the commit.
    counts = []
    assert not Path(f"{db}-wal").exists()  # the first add closed and checkpointed it
    for n, delay in enumerate((0.3, 0.6, 1.0, 1.6, 2.5)):
        trial = tmp_path / f"trial{n}.db"
        shutil.copyfile(db, trial)
        scan = ["scan", str(big), "--index", str(trial), "--jobs", "1"]
        child = subprocess.Popen(
            [sys.executable, "-m", "reportdiff", *scan],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        with CorpusIndex(trial) as index:
            counts.append(len(index.documents()))
            assert counts[-1] in (12, 12 + len(unique)), counts  # all of the add or none
            assert add_folder(index, new)[1] == []
            assert len(index.documents()) == counts[-1] + 12
    assert 12 in counts, f"every add finished before its kill: give it more to read {counts}"


def test_jsonl_streams_one_object_a_line(tmp_path: Path, capsys) -> None:
    old, _ = _folders(tmp_path)
    assert main(["scan", str(old), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["type"] == "summary"
    assert lines[0]["documents"] == 12
    kinds = [line["type"] for line in lines[1:]]
    assert kinds.count("document") == 12
    assert kinds.count("cluster") == lines[0]["clusters"] >= 2
    assert kinds == sorted(kinds, key=["document", "cluster", "skipped"].index)


def test_json_streamed_to_a_file_equals_stdout(tmp_path: Path, capsys) -> None:
    old, _ = _folders(tmp_path)
    main(["scan", str(old), "--format", "json"])
    printed = capsys.readouterr().out
    main(["scan", str(old), "--format", "json", "-o", str(tmp_path / "out.json")])
    written = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert written == printed
    assert json.loads(written)["summary"]["documents"] == 12


def test_bucket_keys_past_the_signed_64_bit_range_are_stored_and_found() -> None:
    from reportdiff.core.reuse import DocSketch
    from reportdiff.core.reuse.corpus import SketchedSentence

    top = (1 << 64) - 1  # two 32-bit hashes of all ones
    sentence = SketchedSentence(0, 30, "某" * 30, (top, 5), True, 0, 30)
    with CorpusIndex(":memory:") as index:
        with index.transaction():
            index.add(DocSketch("a.txt", (sentence,), 30), "a.txt", index.new_batch("m"), (0, 0))
        assert index.bucket_units([top], 8) == [(1, "某" * 30)]
        assert index.bucket_units([5], 8) == [(1, "某" * 30)]
