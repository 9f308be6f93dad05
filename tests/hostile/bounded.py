"""Run the command line in a child process under resource limits, and measure it.

The child gets an address-space limit and a CPU limit (where the platform has the
``resource`` module), so a regression fails its test instead of taking the machine
down; its peak resident memory and CPU time are read back with ``os.wait4``. The time
bound is on CPU time where it can be measured: on a machine other work shares, the
same run's wall time doubles or triples.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_SECONDS = 20.0
MAX_PEAK_BYTES = 1024**3
_ADDRESS_SPACE = 3 * 1024**3  # a safety net; the asserted bound is the peak RSS
try:
    import resource
except ImportError:  # Windows: no limits, no peak measurement
    resource = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Run:
    status: int
    stdout: bytes
    stderr: str
    seconds: float  # CPU time of the child, or its wall time where that cannot be measured
    peak_bytes: int | None  # None where it cannot be measured

    def assert_bounded(self) -> None:
        assert self.seconds <= MAX_SECONDS, f"took {self.seconds:.1f} s"
        if self.peak_bytes is not None:
            assert self.peak_bytes <= MAX_PEAK_BYTES, f"peak {self.peak_bytes / 2**20:.0f} MiB"
        assert "Traceback" not in self.stderr, self.stderr

    def assert_one_line_error(self) -> None:
        """Exit 2, one line on stderr, within the time and memory bounds."""
        self.assert_bounded()
        assert self.status == 2, (self.status, self.stderr)
        lines = self.stderr.strip().splitlines()
        assert len(lines) == 1, self.stderr
        assert lines[0].startswith("reportdiff"), lines[0]


def _limits(file_size: int | None = None) -> None:
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (_ADDRESS_SPACE, _ADDRESS_SPACE))
        cpu = int(MAX_SECONDS * 2)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        if file_size is not None:  # a full disk, as far as the child can tell
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))


def run_bounded(
    *args: str | bytes,
    cwd: Path | None = None,
    stdin: bytes = b"",
    file_size: int | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """``reportdiff ARGS`` in a fresh interpreter on this checkout, limited and measured.

    ``file_size`` caps the bytes any file the child writes may hold (RLIMIT_FSIZE)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **(env or {})}
    env.pop("REPORTDIFF_DEBUG", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "reportdiff", *args],
            stdin=subprocess.DEVNULL if not stdin else subprocess.PIPE,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=env,
            preexec_fn=partial(_limits, file_size) if resource is not None else None,
        )
        if stdin:
            assert child.stdin is not None
            child.stdin.write(stdin)
            child.stdin.close()
        status, peak, cpu = _wait(child)
        seconds = time.monotonic() - start if cpu is None else cpu
        out.seek(0)
        err.seek(0)
        return Run(status, out.read(), err.read().decode("utf-8", "replace"), seconds, peak)


def _wait(child: subprocess.Popen) -> tuple[int, int | None, float | None]:
    """Exit status, peak resident bytes and CPU seconds (None where unmeasurable)."""
    if not hasattr(os, "wait4"):
        return child.wait(timeout=MAX_SECONDS * 6), None, None
    deadline = time.monotonic() + MAX_SECONDS * 6  # a hang guard, loose for busy machines
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
            return child.returncode, peak, usage.ru_utime + usage.ru_stime
        if time.monotonic() > deadline:
            child.kill()
            child.wait()
            raise AssertionError("the command did not finish")
        time.sleep(0.02)
