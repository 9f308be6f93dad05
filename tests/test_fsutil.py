import os
import stat

import pytest

from reportdiff import fsutil
from reportdiff.errors import ReportdiffError
from reportdiff.fsutil import atomic_write_text


def test_replaces_a_file_whole_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "notes.json"
    target.write_text("old", encoding="utf-8")
    atomic_write_text(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "notes.json"
    target.write_text("kept", encoding="utf-8")

    def boom(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(target, "lost")
    assert target.read_text(encoding="utf-8") == "kept"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]


def test_a_file_held_open_for_a_moment_is_replaced_on_a_retry(tmp_path, monkeypatch):
    """As Windows answers while an antivirus or indexer reads the file."""
    target = tmp_path / "report.docx"
    target.write_text("old", encoding="utf-8")
    real_replace, refusals = os.replace, []

    def busy_twice(src, dst):
        if len(refusals) < 2:
            refusals.append(dst)
            raise PermissionError(13, "Access is denied", str(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", busy_twice)
    monkeypatch.setattr(fsutil, "REPLACE_PAUSE", 0.0)
    atomic_write_text(target, "new")
    assert len(refusals) == 2
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_a_file_another_program_keeps_open_is_named_in_one_clear_error(tmp_path, monkeypatch):
    """Word or WPS showing the output: the error names the file the user asked for, says
    why, and the old file and no temp file are left."""
    target = tmp_path / "report.docx"
    target.write_text("old", encoding="utf-8")

    def held(src, _dst):
        raise PermissionError(13, "Access is denied", str(src))

    monkeypatch.setattr(os, "replace", held)
    monkeypatch.setattr(fsutil, "REPLACE_PAUSE", 0.0)
    with pytest.raises(ReportdiffError) as caught:
        atomic_write_text(target, "new")
    message = str(caught.value)
    assert message.startswith(f"{target}: ")
    assert "another program has it open" in message
    assert ".tmp" not in message
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_a_fifo_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    read_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        atomic_write_text(fifo, "through the pipe")
        assert os.read(read_fd, 100) == b"through the pipe"
    finally:
        os.close(read_fd)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_new_file_gets_the_umask_default_and_an_old_one_keeps_its_mode(tmp_path):
    old_umask = os.umask(0o022)
    try:
        new = tmp_path / "new.txt"
        atomic_write_text(new, "x")
        assert stat.S_IMODE(os.stat(new).st_mode) == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("x", encoding="utf-8")
        os.chmod(kept, 0o640)
        atomic_write_text(kept, "y")
        assert stat.S_IMODE(os.stat(kept).st_mode) == 0o640
    finally:
        os.umask(old_umask)


def test_a_symlink_is_followed_not_replaced(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
