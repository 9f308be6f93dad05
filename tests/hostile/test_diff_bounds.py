"""The narrative diff stays bounded on inputs the size limits accept: each case is
built here, run through the real command line in a fresh interpreter under resource
limits, and held to 20 s of CPU time and 1 GB of peak memory. (CPU time, not wall
time: on a machine other work shares, the same run's wall time doubles.)"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

resource = pytest.importorskip("resource", reason="resource limits need a Unix system")

CPU_LIMIT_S = 20.0
PEAK_LIMIT_BYTES = 1 << 30
# Safety nets only: a runaway is stopped instead of taking the machine with it.
_ADDRESS_SPACE_CAP = 3 << 30
_CPU_CAP_S = 120

_HAN = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 3000))


def _run_bounded(tmp_path: Path, *args: str) -> tuple[int, str, str, float, int]:
    """(exit status, stdout, stderr, CPU seconds, peak RSS bytes) of one CLI run;
    wait4 gives the child's own resource usage."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (_ADDRESS_SPACE_CAP, _ADDRESS_SPACE_CAP))
        resource.setrlimit(resource.RLIMIT_CPU, (_CPU_CAP_S, _CPU_CAP_S))

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    out_path, err_path = tmp_path / "stdout", tmp_path / "stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "reportdiff", *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            preexec_fn=limits,
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > 6 * CPU_LIMIT_S:
                proc.kill()
                os.wait4(proc.pid, 0)
                pytest.fail(f"still running after {6 * CPU_LIMIT_S:g} s")
            time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # bytes on macOS
    stdout = out_path.read_text(encoding="utf-8")
    return proc.returncode, stdout, err_path.read_text(encoding="utf-8"), cpu, peak


def _line(rng: random.Random) -> str:
    return "".join(rng.choice(_HAN) for _ in range(rng.randint(15, 40)))


def test_unrelated_lines_keep_within_a_small_timeout(tmp_path: Path) -> None:
    rng = random.Random(18)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n".join(_line(rng) for _ in range(8000)), encoding="utf-8")
    new.write_text("\n".join(_line(rng) for _ in range(8000)), encoding="utf-8")
    status, out, err, cpu, peak = _run_bounded(
        tmp_path, "compare", str(old), str(new), "--timeout", "0.1", "--format", "json"
    )
    assert (status, err) == (1, "")
    assert cpu <= CPU_LIMIT_S
    assert peak <= PEAK_LIMIT_BYTES
    result = json.loads(out)
    gone = "".join(e["old_text"] for s in result["sections"] for e in s["edits"])
    assert len(gone) > 100_000  # the whole text is accounted for as changed


def test_one_sentence_without_an_end_is_cut_into_bounded_pieces(tmp_path: Path) -> None:
    rng = random.Random(500)
    text = [rng.choice(_HAN) for _ in range(500_000)]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("".join(text), encoding="utf-8")
    for i in range(0, len(text), 997):
        text[i] = "改"
    new.write_text("".join(text), encoding="utf-8")
    status, out, err, cpu, peak = _run_bounded(
        tmp_path, "compare", str(old), str(new), "--format", "json"
    )
    assert (status, err) == (1, "")
    assert cpu <= CPU_LIMIT_S
    assert peak <= PEAK_LIMIT_BYTES
    [section] = json.loads(out)["sections"]
    assert section["status"] == "changed"
