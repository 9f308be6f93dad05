"""A long fuzzing run of the .docx reader (CI runs 150 mutants; this runs thousands).

    python bench/fuzz_readers.py [COUNT] [SEED ...]     (default: 5000 mutants, seeds 1 2 3)

Mutants of small seed documents — byte flips, truncations, quantities in the XML set
to huge, negative or junk values, broken XML, renamed and duplicated zip members —
are each read by the readers, which must return a Document or refuse the file with an
InputError (one line on the command line). The process runs under a 1 GiB address
space limit where the platform has one. Prints, per seed: files read, refused, the
slowest read, the failures (any other exception, or a read over 5 s), and the peak
memory of the run. Exit status 1 when anything failed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.hostile.fuzz import fuzz  # noqa: E402

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 5000
    seeds = [int(s) for s in argv[1:]] or [1, 2, 3]
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))
    failed = 0
    with tempfile.TemporaryDirectory(prefix="reportdiff-fuzz-") as tmp:
        for seed in seeds:
            started = time.monotonic()
            report = fuzz(Path(tmp), count, seed=seed)
            took = time.monotonic() - started
            slowest, which = report.slowest
            print(
                f"seed {seed}: {count} mutants in {took:.1f} s — read {report.read}, "
                f"refused {report.refused}, failures {len(report.failures)}; "
                f"slowest {slowest * 1000:.0f} ms ({which})"
            )
            for name, problem in report.failures:
                print(f"  {name}: {problem}")
            failed += len(report.failures)
    if resource is not None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB (bytes on macOS)
        print(f"peak memory: {peak / (2**20 if sys.platform == 'darwin' else 1024):.0f} MiB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
