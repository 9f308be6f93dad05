"""Measuring a command as a benchmark sees it: wall time, CPU time of it and its
children, and the peak resident memory of its whole process tree (from /proc)."""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from typing import IO


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def measure(
    cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,), stderr: IO[bytes] | None = None
) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (it and its children) and peak memory of a command
    (its standard error to ``stderr`` when given)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    proc.wait()
    sampler.join()
    wall = time.perf_counter() - started
    if proc.returncode not in ok:
        raise SystemExit(f"{cmd[3]} failed with status {proc.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak
