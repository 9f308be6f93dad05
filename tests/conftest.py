"""Shared fixtures: the real reports in ../shared and the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REAL = SHARED / "real"
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True, scope="session")
def _pattern_cache_of_the_run(tmp_path_factory):
    """Command lines run by the tests (in process and in fresh interpreters) keep their
    compiled patterns in a folder of the test run, not the user's cache."""
    import os

    if "REPORTDIFF_CACHE_DIR" not in os.environ:
        os.environ["REPORTDIFF_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the real reports in ../shared/seeds are not beside this checkout"
)


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("the real reports in ../shared/seeds are not beside this checkout")
    return SEEDS


@pytest.fixture
def real_dir() -> Path:
    if not REAL.is_dir():
        pytest.skip("the real reports in ../shared/real are not beside this checkout")
    return REAL


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120):
    """Run the real command line in a fresh interpreter, on this checkout's sources."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "reportdiff", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )


def write_pair(folder: Path, old_text: str, new_text: str) -> tuple[Path, Path]:
    """OLD and NEW written as old.txt and new.txt in ``folder``."""
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return old, new
