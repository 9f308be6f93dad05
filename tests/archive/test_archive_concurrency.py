"""Two processes adding to one archive at once must both land, and git must agree."""

from __future__ import annotations

import subprocess
from pathlib import Path

from reportdiff.archive import Archive
from tests.archive.run_at_once import run_at_once

SRC = Path(__file__).resolve().parents[2] / "src"

_WRITER = """
import sys
from reportdiff.archive import Archive
archive, agency, first, second = sys.argv[1:]
a = Archive(archive)
for year in range(2010, 2016):
    a.add(first if year % 2 else second, agency, year)
"""


def test_two_processes_adding_at_once(archive_dir: Path, reports: dict[str, Path]) -> None:
    run_at_once(
        _WRITER,
        [
            [str(archive_dir), agency, str(reports["2022"]), str(reports["2023"])]
            for agency in ("Agency A", "Agency B")
        ],
    )
    versions = Archive(archive_dir).versions()
    assert sorted((v.agency, v.year) for v in versions) == [
        (agency, year) for agency in ("Agency A", "Agency B") for year in range(2010, 2016)
    ]
    count = subprocess.run(
        ["git", "-C", str(archive_dir), "rev-list", "--count", "main"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert int(count) == 12  # one commit per version; no update was lost
    subprocess.run(["git", "-C", str(archive_dir), "fsck", "--strict"], check=True)
