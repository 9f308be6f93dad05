"""The .docx reader under a small fuzzing budget (bench/fuzz_readers.py runs long)."""

from __future__ import annotations

from pathlib import Path

from .fuzz import fuzz


def test_fuzzed_docx_files_are_read_or_refused_in_one_line(tmp_path: Path) -> None:
    report = fuzz(tmp_path, count=150, seed=18)
    assert report.failures == []
    assert report.refused > 0  # the mutations do break files
    assert report.read > 0  # and some survive them
