"""Benchmark `reportdiff batch` against running `reportdiff compare` once per pair.

    python bench/bench_batch.py [PAIRS]      (default: 200)

Builds two folders of generated agency reports (last year and this year, files named
differently), then measures in the same run:
  * `reportdiff batch OLD NEW -o OUT`: wall time, CPU time of all processes and peak
    memory of the process tree (sampled from /proc);
  * the same batch again into the same folder (every pair already done);
  * `reportdiff compare OLD_i NEW_i --format html -o OUT_i` once per pair, one after
    another, as a reviewer would script it: total wall time, CPU and largest peak.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from proctree import measure as measure_command  # noqa: E402

from tests.batch.agency_reports import Plan, agency_name, report_text, write  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def build(root: Path, pairs: int) -> list[tuple[Path, Path]]:
    out = []
    for i in range(pairs):
        plan = Plan(bad_sum=i % 7 == 0, bad_change=i % 11 == 0, stale=i % 13 == 0)
        old = write(root / "old" / f"{i:03d}-2023.txt", report_text(i, 2023))
        new = write(root / "new" / f"{agency_name(i)}2024年报告.txt", report_text(i, 2024, plan))
        out.append((old, new))
    return out


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak memory; compare exits 1 on differences."""
    return measure_command(cmd, ENV, ok=(0, 1))


def main(pairs: int) -> None:
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = build(root, pairs)
        batch = [sys.executable, "-m", "reportdiff", "batch", str(root / "old"), str(root / "new")]
        first = measure([*batch, "-o", str(root / "out")])
        again = measure([*batch, "-o", str(root / "out")])
        one_by_one = [0.0, 0.0, 0]
        for i, (old, new) in enumerate(files):
            html = root / "single" / f"{i}.html"
            html.parent.mkdir(exist_ok=True)
            cmd = [sys.executable, "-m", "reportdiff", "compare", str(old), str(new)]
            wall, cpu, peak = measure([*cmd, "--format", "html", "-o", str(html)])
            one_by_one = [one_by_one[0] + wall, one_by_one[1] + cpu, max(one_by_one[2], peak)]
    print(f"{'run':<28} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}")
    rows = [
        (f"batch, {pairs} pairs", first),
        ("batch again (all done)", again),
        (f"compare x{pairs}", tuple(one_by_one)),
    ]
    for name, (wall, cpu, peak) in rows:
        print(f"{name:<28} {wall:>8.2f} {cpu:>8.2f} {peak / 2**20:>8.0f}")
    print(f"batch: x{one_by_one[0] / first[0]:.1f} less wall time than compare one by one")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
