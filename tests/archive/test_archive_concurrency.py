"""Two processes adding to one archive at once must both land, and git must agree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reportdiff.archive import Archive

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
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    args = [str(archive_dir), "", str(reports["2022"]), str(reports["2023"])]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, *args[:1], agency, *args[2:]],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for agency in ("Agency A", "Agency B")
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
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
