"""Benchmark `reportdiff scan` on synthetic corpora with controlled, logged reuse.

    python bench/bench_scan.py [SIZES ...]      (default: 100 1000; add 10000 for the big run;
                                                --dask: each size on a 2-worker Dask cluster too;
                                                --keep=DIR: corpora kept in DIR and reused)

For each size: wall time of the CLI (interpreter start included), peak memory of the
whole process tree (sampled from /proc), and precision and recall of the shared
passages found against the planted ones, by character (the scan writes JSON Lines,
scored a report at a time, so 100,000 reports fit the benchmark too). The naive baseline — every
pair of reports, every pair of sentences compared with rapidfuzz (process.cdist) —
runs on the 100-report corpus in the same run. Corpora go to a temporary folder.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import sys
import tempfile
import time
from array import array
from collections.abc import Iterable
from itertools import combinations, pairwise
from pathlib import Path

import numpy as np
from corpus_gen import ROOT, Corpus, build_corpus, kept_corpus
from proctree import measure

from reportdiff.core.reuse.shingles import keyed_sentences
from reportdiff.readers import read_document


def run_scan(folder: Path, out: Path, *extra: str) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (all processes), peak memory and the Dask workers
    restarted (their nannies' warnings on standard error) of one scan to JSON Lines."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "reportdiff", "scan", str(folder), "--format", "jsonl"]
    log = out.with_suffix(".stderr")
    with log.open("wb") as err:
        wall, cpu, peak = measure([*cmd, "-o", str(out), *extra], env, stderr=err)
    text = log.read_text(encoding="utf-8", errors="replace")
    restarts = len(re.findall(r"Restarting worker|Worker process \d+ (?:was killed|exited)", text))
    return wall, cpu, peak, restarts


# Code points Python counts as white space: scoring skips them, as the scan does.
_SPACES = np.array([c for c in range(0x110000) if chr(c).isspace()], dtype=np.uint32)


def found_spans(out: Path) -> dict[str, array]:
    """Each report's shared spans (start, end, start, end …) from a JSON Lines scan,
    read a line at a time: at 100,000 reports the output is hundreds of MB."""
    spans: dict[str, array] = {}
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["type"] == "cluster":
                for o in record["occurrences"]:
                    spans.setdefault(o["path"], array("q")).extend((o["start"], o["end"]))
    return spans


def score(found: dict[str, array], corpus: Corpus) -> tuple[float, float]:
    """Character precision and recall (non-blank characters) of found vs planted spans,
    one report read at a time."""
    tp = fp = fn = 0
    for path in corpus.paths:
        text = read_document(path).text
        solid = ~np.isin(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), _SPACES)
        truth = _mask(len(text), ((a, b) for a, b, _ in corpus.truth[path.name]))
        got_spans = found.get(path.name, array("q"))
        got = _mask(len(text), zip(got_spans[::2], got_spans[1::2], strict=True))
        tp += int(np.count_nonzero(truth & got & solid))
        fp += int(np.count_nonzero(got & ~truth & solid))
        fn += int(np.count_nonzero(truth & ~got & solid))
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def _mask(size: int, spans: Iterable[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    for a, b in spans:
        mask[a:b] = True
    return mask


def naive_baseline(texts: dict[str, str]) -> tuple[float, dict[str, list[tuple[int, int]]]]:
    """All pairs of reports, all pairs of sentences: rapidfuzz ratio >= 90 on the keys."""
    from rapidfuzz import fuzz, process

    started = time.perf_counter()
    sents = {n: [s for s in keyed_sentences(t) if s.weight >= 20] for n, t in texts.items()}
    spans: dict[str, list[tuple[int, int]]] = {}
    for a, b in combinations(sorted(sents), 2):
        ka, kb = [s.key for s in sents[a]], [s.key for s in sents[b]]
        if not ka or not kb:
            continue
        m = process.cdist(ka, kb, scorer=fuzz.ratio, score_cutoff=90, workers=2)
        for i, j in zip(*m.nonzero(), strict=True):
            spans.setdefault(a, []).append((sents[a][i].start, sents[a][i].end))
            spans.setdefault(b, []).append((sents[b][j].start, sents[b][j].end))
    return time.perf_counter() - started, spans


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


def main(sizes: list[int], dask: bool = False, keep: Path | None = None) -> None:
    print(f"{os.cpu_count()} cores, {load()} at start (wall time suffers when other work runs)")
    print(
        f"{'reports':>8} {'MB':>6} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}"
        f" {'precision':>9} {'recall':>7}",
        flush=True,
    )
    times: dict[int, float] = {}
    peaks: dict[int, int] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
            folder = (keep or Path(tmp)) / f"corpus-{n}"
            started = time.perf_counter()
            corpus = kept_corpus(folder, n) if keep else build_corpus(folder, n)
            made = time.perf_counter() - started
            mb = sum(p.stat().st_size for p in corpus.paths) / 2**20
            print(f"  {n} reports generated in {made:.0f} s; scanning, {load()}", flush=True)
            out = Path(tmp) / "scan.jsonl"
            elapsed, cpu, peak, _ = run_scan(folder, out)
            precision, recall = score(found_spans(out), corpus)
            times[n] = cpu
            peaks[n] = peak
            print(
                f"{n:>8} {mb:>6.1f} {elapsed:>8.2f} {cpu:>8.2f} {peak / 2**20:>8.0f}"
                f" {precision:>9.3f} {recall:>7.3f}   {1000 * cpu / n:.1f} ms cpu a report,"
                f" {load()} at end",
                flush=True,
            )
            if dask:  # the same scan on a local Dask cluster of 2 workers
                d_out = Path(tmp) / "dask.jsonl"
                d_wall, d_cpu, d_peak, restarts = run_scan(
                    folder, d_out, "--engine", "dask", "--workers", "2"
                )
                same = filecmp.cmp(out, d_out, shallow=False)
                print(
                    f"{'dask':>8} {'':>6} {d_wall:>8.2f} {d_cpu:>8.2f} {d_peak / 2**20:>8.0f}"
                    f"   x{d_wall / elapsed:.2f} the local wall time, output"
                    f" {'identical' if same else 'DIFFERENT'}, {restarts} worker restarts,"
                    f" {load()} at end",
                    flush=True,
                )
            if n == 100:
                texts = {p.name: read_document(p).text for p in corpus.paths}
                cpu_before = time.process_time()
                base_s, base_spans = naive_baseline(texts)
                base_cpu = time.process_time() - cpu_before
                flat = {k: array("q", [x for ab in v for x in ab]) for k, v in base_spans.items()}
                bp, br = score(flat, corpus)
                print(
                    f"{'naive':>8} {'':>6} {base_s:>8.2f} {base_cpu:>8.2f} {'':>8} {bp:>9.3f}"
                    f" {br:>7.3f}   all pairs (scan: x{base_s / elapsed:.0f} less wall time)",
                    flush=True,
                )
    ordered = sorted(times)
    for small, big in pairwise(ordered):
        ratio = times[big] / times[small]
        print(
            f"growth {small} -> {big} reports: x{big / small:.0f} size, x{ratio:.1f} cpu time,"
            f" x{peaks[big] / peaks[small]:.2f} peak memory"
        )


if __name__ == "__main__":
    args = sys.argv[1:]
    keep = next((Path(a.split("=", 1)[1]) for a in args if a.startswith("--keep=")), None)
    sizes = [int(a) for a in args if a.isdigit()]
    main(sizes or [100, 1000], dask="--dask" in args, keep=keep)
