"""The archive's lock is held for the write only, not for the comparison before it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reportdiff.archive import Archive, gitstore
from reportdiff.archive.store import Archive as StoreArchive

OLD = "一、基本情况\n本单位负责全县的公共安全工作。\n二、绩效目标\n全年完成项目12个。\n"


def test_a_slow_add_leaves_the_lock_free_while_it_compares(tmp_path: Path, monkeypatch) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(OLD, encoding="utf-8")
    second.write_text(OLD.replace("12", "13"), encoding="utf-8")
    archive = Archive(tmp_path / "ar")
    archive.add(first, "公安局", 2023)
    comparing, release = threading.Event(), threading.Event()
    describe = StoreArchive._describe

    def slow_describe(self, *args):
        comparing.set()
        assert release.wait(10)
        return describe(self, *args)

    monkeypatch.setattr(StoreArchive, "_describe", slow_describe)
    result: list = []
    adder = threading.Thread(target=lambda: result.append(archive.add(second, "公安局", 2023)))
    adder.start()
    try:
        assert comparing.wait(10)
        with gitstore.write_lock(archive.path, timeout_s=0.5):
            pass  # another writer gets the lock while the add compares
    finally:
        release.set()
        adder.join(10)
    assert result[0].status == "revised"


def test_an_add_that_raced_a_revision_is_summarised_again(tmp_path: Path, monkeypatch) -> None:
    files = []
    for i in range(3):
        f = tmp_path / f"{i}.txt"
        f.write_text(OLD.replace("12", str(20 + i)), encoding="utf-8")
        files.append(f)
    archive = Archive(tmp_path / "ar")
    archive.add(files[0], "公安局", 2023)
    describe = StoreArchive._describe
    calls: list[str] = []

    def racing_describe(self, version, doc, revised):
        calls.append(revised.sha256 if revised else "")
        if len(calls) == 1:  # someone else revises the version meanwhile
            monkeypatch.setattr(StoreArchive, "_describe", describe)
            Archive(self.path).add(files[1], "公安局", 2023)
            monkeypatch.setattr(StoreArchive, "_describe", racing_describe)
        return describe(self, version, doc, revised)

    monkeypatch.setattr(StoreArchive, "_describe", racing_describe)
    result = archive.add(files[2], "公安局", 2023)
    assert result.status == "revised"
    assert len(calls) == 2
    assert calls[0] != calls[1]  # the second summary is against the newer revision
    assert "previous revision" in result.summary


@pytest.mark.parametrize("module", ["reportdiff.archive.gitstore", "reportdiff.fsutil"])
def test_no_posix_only_modules(module: str) -> None:
    import importlib
    import inspect

    source = inspect.getsource(importlib.import_module(module))
    assert "import fcntl" not in source
    assert "os.fchmod(" not in source or 'hasattr(os, "fchmod")' in source
