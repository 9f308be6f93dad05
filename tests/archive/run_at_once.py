"""Run small scripts in several interpreters at once, as concurrent users would."""

from __future__ import annotations

from pathlib import Path


def run_at_once(script: str, argvs: list[list[str]]) -> None:
    """Run ``script`` in one fresh interpreter per argv, all at the same time, on this
    checkout's sources; each must exit 0."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, *argv], env=env, stderr=subprocess.PIPE, text=True
        )
        for argv in argvs
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
