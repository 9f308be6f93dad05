"""Benchmark: what figures and checks add to compare().

    python bench/bench_figures.py [--repeat 15]

Compares pairs with and without the figure steps in the same process, alternating
runs so both see the same machine state, and prints the fastest of each (CPU time of
this process: the least disturbed by whatever else the machine runs) and their ratio.
The figure steps are extraction, matching (diff_figures) and the checks of both
documents; "without" replaces those three hooks of core/compare.py by no-ops.
"compare()" times the core on documents already read; "read+JSON" adds reading both
files and rendering the JSON, as `reportdiff compare --format json` does in-process.
Inputs: the seed pair (../shared/seeds, a cross-agency pair) and the bundled sample
pair (a year-over-year pair). Target: figures add under 20% to the seed pair.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportdiff.core import compare as pipeline  # noqa: E402
from reportdiff.core.figures.extract import extract_figures  # noqa: E402
from reportdiff.core.figures.match import FigureDiff  # noqa: E402
from reportdiff.readers import read_document  # noqa: E402
from reportdiff.render.json import render_json  # noqa: E402

PAIRS = {
    "seeds (daoxian → ebian)": (
        ROOT.parent / "shared" / "seeds" / "daoxian-police-2023.txt",
        ROOT.parent / "shared" / "seeds" / "ebian-police-2023.txt",
    ),
    "sample (qingshui 2023 → 2024)": (
        ROOT / "samples" / "zh" / "qingshui-water-2023.txt",
        ROOT / "samples" / "zh" / "qingshui-water-2024.txt",
    ),
}


def _timed(old, new, with_figures: bool, end_to_end: bool = False) -> float:
    real = pipeline.extract_figures, pipeline.diff_figures, pipeline.check_document
    if not with_figures:
        pipeline.extract_figures = lambda *a, **k: ()  # type: ignore[assignment]
        pipeline.diff_figures = lambda *a, **k: FigureDiff((), ())  # type: ignore[assignment]
        pipeline.check_document = lambda *a, **k: ()  # type: ignore[assignment]
    try:
        start = time.process_time()
        if end_to_end:  # read both files, compare, write the JSON
            render_json(pipeline.compare(read_document(old), read_document(new)))
        else:
            pipeline.compare(old, new)
        return time.process_time() - start
    finally:
        pipeline.extract_figures, pipeline.diff_figures, pipeline.check_document = real


def measure(
    old_path: Path, new_path: Path, repeat: int, end_to_end: bool
) -> tuple[float, float, int]:
    old, new = read_document(old_path), read_document(new_path)
    args = (old_path, new_path) if end_to_end else (old, new)
    _timed(*args, True, end_to_end)  # warm up imports and regex caches
    without, with_ = [], []
    for _ in range(repeat):
        without.append(_timed(*args, False, end_to_end))
        with_.append(_timed(*args, True, end_to_end))
    count = len(extract_figures(old, pipeline.segment_document(old)))
    count += len(extract_figures(new, pipeline.segment_document(new)))
    return min(without), min(with_), count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"{'pair':32} {'scope':10} {'figures':>8} {'without':>10} {'with':>10} {'added':>8}")
    for name, (old, new) in PAIRS.items():
        if not old.exists():
            print(f"{name:32} skipped: {old} is not here")
            continue
        for scope, end_to_end in (("compare()", False), ("read+JSON", True)):
            without, with_, count = measure(old, new, args.repeat, end_to_end)
            added = (with_ - without) / without
            print(
                f"{name:32} {scope:10} {count:8d} {without * 1000:8.1f}ms "
                f"{with_ * 1000:8.1f}ms {added:+8.1%}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
