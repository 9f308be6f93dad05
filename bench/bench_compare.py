"""Benchmark: start-up, compare() on the seed pair and on pairs grown by repetition,
against difflib and `git diff --no-index --word-diff` measured in the same run.

    python bench/bench_compare.py [--sizes 1,4,16,64] [--baseline-timeout 60] [--startup-only]

Each measurement runs in a fresh interpreter so peak memory (ru_maxrss) is its own.
Inputs: ../shared/seeds (the two real county reports). Prints a table and ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
# An installed package runs from cached bytecode and, from its second run on, from the
# compiled patterns it keeps: measure that, whatever the caller's PYTHONDONTWRITEBYTECODE,
# with both caches kept outside the source tree and the user's folders (the first of
# each best-of series warms them).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": str(ROOT / "src"),
    "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "reportdiff-bench-pycache"),
    "REPORTDIFF_CACHE_DIR": str(Path(tempfile.gettempdir()) / "reportdiff-bench-cache"),
}

_CORE = """
import json, resource, sys, time
from reportdiff import regex_cache
regex_cache.start()  # as the command line does: patterns kept from the runs before
from reportdiff.readers import read_document
from reportdiff.core.compare import compare
from reportdiff.render.json import render_json
a, b = read_document(sys.argv[1]), read_document(sys.argv[2])
t = time.perf_counter(); c = compare(a, b); core = time.perf_counter() - t
t = time.perf_counter(); render_json(c); js = time.perf_counter() - t
print(json.dumps({"core": core, "json": js, "sections": len(c.pairs), "notes": list(c.notes),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_DIFFLIB = """
import difflib, sys, time
a = open(sys.argv[1], encoding="utf-8").read(); b = open(sys.argv[2], encoding="utf-8").read()
t = time.perf_counter()
difflib.SequenceMatcher(None, a, b).get_opcodes()
print(time.perf_counter() - t)
"""


# A plain character diff of the same pair in a fresh interpreter, reading included: what
# a user would run instead. autojunk=False because with it difflib calls the commonest
# Chinese characters junk and misaligns the texts (see environment notes).
_DIFFLIB_RUN = """
import difflib, sys
a = open(sys.argv[1], encoding="utf-8").read(); b = open(sys.argv[2], encoding="utf-8").read()
difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
"""


def run_core(old: Path, new: Path) -> dict:
    return _run_script(_CORE, old, new)


def _run_script(script: str, old: Path, new: Path) -> dict:
    """Run a timing script on a pair in a fresh interpreter; its JSON result."""
    out = subprocess.run(
        [sys.executable, "-c", script, str(old), str(new)],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    return json.loads(out.stdout)


def wall(cmd: list[str], timeout: float) -> float | None:
    started = time.perf_counter()
    try:
        subprocess.run(cmd, capture_output=True, check=False, env=ENV, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - started


def cpu(cmd: list[str], timeout: float) -> float | None:
    """User + system CPU seconds of one run: less swayed than wall time when other
    work shares the machine (it still slows each instruction down somewhat)."""
    import resource  # POSIX only, as the _CORE script's peak memory

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if wall(cmd, timeout) is None:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def best_of(n: int, fn) -> float | None:
    times = [fn() for _ in range(n)]
    return None if any(t is None for t in times) else min(times)


def grown_pair(tmp: Path, k: int) -> tuple[Path, Path]:
    old_text = (SEEDS / "daoxian-police-2023.txt").read_text(encoding="utf-8")
    new_text = (SEEDS / "ebian-police-2023.txt").read_text(encoding="utf-8")
    old, new = tmp / f"old-{k}.txt", tmp / f"new-{k}.txt"
    old.write_text("\n".join([old_text] * k), encoding="utf-8")
    new.write_text("\n".join([new_text] * k), encoding="utf-8")
    return old, new


_DIFF_STAGE = """
import json, sys, time
from reportdiff import regex_cache
regex_cache.start()
from reportdiff.readers import read_document
from reportdiff.options import CompareOptions
from reportdiff.core.diff.textdiff import diff_pairs
from reportdiff.core.sections.align import align_sections
from reportdiff.core.sections.segment import segment_document
a, b = read_document(sys.argv[1]), read_document(sys.argv[2])
opts = CompareOptions()
sa, sb = segment_document(a), segment_document(b)
pairs = align_sections(a, sa, b, sb, opts)
t = time.perf_counter(); out, notes = diff_pairs(a, sa, b, sb, pairs, opts)
took = time.perf_counter() - t
print(json.dumps({"diff": took, "notes": list(notes), "pairs": len(out),
                  "fallbacks": sum(bool(p.note) for p in out)}))
"""
REAL = ROOT.parent / "shared" / "real"


def run_diff_stage(old: Path, new: Path) -> dict:
    """The narrative diff alone (diff_pairs, moves included) on aligned sections."""
    return _run_script(_DIFF_STAGE, old, new)


def difflib_seconds(old: Path, new: Path, timeout: float) -> float | None:
    """difflib.SequenceMatcher over characters, in a fresh interpreter."""
    try:
        out = subprocess.run(
            [sys.executable, "-c", _DIFFLIB, str(old), str(new)],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(out.stdout) if out.returncode == 0 else None


def report_gwr_pair(timeout: float) -> None:
    """The 60 KB 政府工作报告 pair: whole compare, the diff stage, its fallbacks."""
    old, new = REAL / "gwr_national_2023.txt", REAL / "gwr_national_2024.txt"
    if not old.is_file():
        print(f"\n(d) 政府工作报告 pair: skipped, needs {REAL}")
        return
    core = min((run_core(old, new) for _ in range(3)), key=lambda r: r["core"])
    stage = min((run_diff_stage(old, new) for _ in range(3)), key=lambda r: r["diff"])
    dl = difflib_seconds(old, new, timeout)
    git = wall(["git", "diff", "--no-index", "--word-diff", str(old), str(new)], timeout)
    print("\n(d) 政府工作报告 2023 → 2024 (~55 KB + ~52 KB)")
    print(f"  core compare():                      {fmt(core['core'], timeout)}")
    print(
        f"  narrative diff stage (diff_pairs):   {fmt(stage['diff'], timeout)}"
        f"   {stage['pairs']} pairs, {stage['fallbacks']} with a coarser fallback"
    )
    print(f"  difflib characters (baseline):       {fmt(dl, timeout)}")
    print(f"  git diff --word-diff (baseline):     {fmt(git, timeout)}")
    for note in stage["notes"]:
        print(f"  note: {note}")


def report_diff_stage_series(sizes: list[int], timeout: float) -> None:
    """The narrative diff stage alone on the grown pairs, with its growth per 4x."""
    print("\n(e) narrative diff stage alone on the grown pairs (diff_pairs incl. moves)")
    print(f"  {'size':>5} {'diff stage':>12} {'growth':>7} {'fallbacks':>9}")
    prev = None
    with tempfile.TemporaryDirectory() as tmp_name:
        for k in sizes:
            old, new = grown_pair(Path(tmp_name), k)
            r = run_diff_stage(old, new)
            growth = f"{r['diff'] / prev:6.1f}x" if prev else "      "
            prev = r["diff"]
            print(f"  {k:>4}x {fmt(r['diff'], timeout):>12} {growth} {r['fallbacks']:>9}")


def ratio(base: float | None, ours: float) -> str:
    return f"{base / ours:.2f}x" if base else "n/a"


def fmt(t: float | None, timeout: float) -> str:
    return f">{timeout:.0f}s" if t is None else f"{t * 1000:9.0f} ms"


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "reportdiff", *args]


def startup_series(a: Path, b: Path, runs: int = 7) -> None:
    """Start-up and the seed pair end to end, each beside its baseline (best of runs)."""
    json_out = str(Path(tempfile.gettempdir()) / "reportdiff-bench.json")
    bare = best_of(runs, lambda: wall([sys.executable, "-c", "pass"], 60))
    version = best_of(runs, lambda: wall(cli("--version"), 60))
    helped = best_of(runs, lambda: wall(cli("compare", "--help"), 60))
    seed = best_of(runs, lambda: wall(cli("compare", str(a), str(b), "-o", json_out), 60))
    difflib_run = best_of(
        runs, lambda: wall([sys.executable, "-c", _DIFFLIB_RUN, str(a), str(b)], 60)
    )
    print(f"start-up (best of {runs}, each a fresh interpreter)")
    print(f"  bare interpreter (`python -c pass`):             {fmt(bare, 60)}")
    print(f"  reportdiff --version:                            {fmt(version, 60)}")
    print(f"  reportdiff compare --help:                       {fmt(helped, 60)}")
    print(f"  seed pair -> JSON file, whole CLI run:           {fmt(seed, 60)}   target <= 200 ms")
    print(f"  baseline: difflib char diff of the pair, whole run: {fmt(difflib_run, 60)}")
    if seed and difflib_run:
        print(
            f"  seed pair / difflib baseline:                    {seed / difflib_run:9.2f}x"
            "  target <= 1.00x"
        )
    seed_cmd = cli("compare", str(a), str(b), "-o", json_out)
    difflib_cmd = [sys.executable, "-c", _DIFFLIB_RUN, str(a), str(b)]
    seed_cpu = best_of(runs, lambda: cpu(seed_cmd, 60))
    difflib_cpu = best_of(runs, lambda: cpu(difflib_cmd, 60))
    if seed_cpu and difflib_cpu:
        print(
            f"  the same two runs in CPU time (user+sys):        {fmt(seed_cpu, 60)} / "
            f"{fmt(difflib_cpu, 60).strip()} = {seed_cpu / difflib_cpu:.2f}x"
        )
    print(f"  load average (1 min) at the end:                 {os.getloadavg()[0]:9.2f}")
    paint = ui_first_paint(a, b)
    paint_text = fmt(paint, 60) if paint else "  (needs tmux)"
    print(f"  review UI first paint of the seed pair (tmux):   {paint_text}   target <= 700 ms")


def ui_first_paint(a: Path, b: Path, runs: int = 3) -> float | None:
    """Launch to the first drawn screen of the review UI in a real (tmux) terminal."""
    if shutil.which("tmux") is None:
        return None
    times = [t for t in (_one_paint(a, b, i) for i in range(runs)) if t is not None]
    return min(times) if times else None


def _one_paint(a: Path, b: Path, i: int) -> float | None:
    name = f"reportdiff-bench-{os.getpid()}-{i}"
    with tempfile.TemporaryDirectory() as state:
        command = (
            f"env -u PYTHONDONTWRITEBYTECODE REPORTDIFF_STATE_DIR={state} "
            f"PYTHONPATH={ENV['PYTHONPATH']} PYTHONPYCACHEPREFIX={ENV['PYTHONPYCACHEPREFIX']} "
            f"REPORTDIFF_CACHE_DIR={ENV['REPORTDIFF_CACHE_DIR']} "
            f"{sys.executable} -m reportdiff compare {a} {b}"
        )
        started = time.perf_counter()
        # A server of its own per run: killing the last session of a shared server races
        # with the next run's new-session ("server exited unexpectedly").
        tmux = ["tmux", "-L", name]
        subprocess.run(
            [*tmux, "new-session", "-d", "-s", name, "-x", "120", "-y", "40", command], check=True
        )
        try:
            while time.perf_counter() - started < 30:
                screen = subprocess.run(
                    [*tmux, "capture-pane", "-p", "-t", name], capture_output=True, text=True
                ).stdout
                if "Quit" in screen and "§" in screen:  # the footer and the first rows drawn
                    return time.perf_counter() - started
                time.sleep(0.005)
            return None
        finally:
            subprocess.run([*tmux, "kill-server"], capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,4,16,64")
    ap.add_argument("--baseline-timeout", type=float, default=60.0)
    ap.add_argument("--startup-only", action="store_true", help="only the start-up series")
    args = ap.parse_args()
    if not SEEDS.is_dir():
        sys.exit(f"needs the seed reports in {SEEDS}")
    timeout = args.baseline_timeout
    a, b = SEEDS / "daoxian-police-2023.txt", SEEDS / "ebian-police-2023.txt"

    startup_series(a, b)
    if args.startup_only:
        return
    print("\n(a) seed pair (daoxian vs ebian, ~26 KB + ~31 KB)")
    cli = best_of(
        5,
        lambda: wall(
            [
                sys.executable,
                "-m",
                "reportdiff",
                "compare",
                str(a),
                str(b),
                "--format",
                "json",
                "-o",
                str(Path(tempfile.gettempdir()) / "reportdiff-bench.json"),
            ],
            60,
        ),
    )
    core = min((run_core(a, b) for _ in range(3)), key=lambda r: r["core"])
    startup = best_of(5, lambda: wall([sys.executable, "-c", "pass"], 60))
    print(f"  end to end, CLI to JSON incl. interpreter start: {fmt(cli, 60)}")
    print(f"  bare interpreter start:                          {fmt(startup, 60)}")
    print(f"  core compare() only:                             {fmt(core['core'], 60)}")
    print(f"  JSON rendering:                                  {fmt(core['json'], 60)}")

    print("\n(b, c) pairs grown by repetition; baselines in the same run")
    print(
        f"  {'size':>5} {'bytes':>10} {'reportdiff':>12} {'peak RSS':>9} {'growth':>7} "
        f"{'difflib':>12} {'git wd':>12} {'difflib/rd':>10} {'git/rd':>7}"
    )
    prev = None
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for k in [int(s) for s in args.sizes.split(",")]:
            old, new = grown_pair(tmp, k)
            size = old.stat().st_size + new.stat().st_size
            r = run_core(old, new)
            ours = r["core"] + r["json"]
            dl_out = (
                subprocess.run(
                    [sys.executable, "-c", _DIFFLIB, str(old), str(new)],
                    capture_output=True,
                    text=True,
                    check=False,
                    timeout=None if k <= 16 else timeout * 4,
                )
                if k <= 16
                else None
            )
            dl = float(dl_out.stdout) if dl_out and dl_out.returncode == 0 else None
            git = wall(["git", "diff", "--no-index", "--word-diff", str(old), str(new)], timeout)
            growth = f"{ours / prev:6.1f}x" if prev else "      "
            prev = ours
            print(
                f"  {k:>4}x {size:>10,} {fmt(ours, timeout):>12} {r['rss_mb']:7.0f}MB "
                f"{growth} {fmt(dl, timeout) if k <= 16 else '  (skipped)':>12} "
                f"{fmt(git, timeout):>12} {ratio(dl, ours):>10} {ratio(git, ours):>7}"
            )
            if r["notes"]:
                print(f"        notes: {'; '.join(r['notes'])}")
    print(
        "\n  growth: time ratio to the previous row (each row is 4x the input; n log n"
        " would be about 4.3-4.6x, quadratic 16x)."
    )
    print("  difflib: SequenceMatcher over characters (skipped above 16x: quadratic).")
    print("  git wd: `git diff --no-index --word-diff` (a whole process, incl. its start).")
    report_gwr_pair(timeout)
    report_diff_stage_series([int(s) for s in args.sizes.split(",")], timeout)


if __name__ == "__main__":
    main()
