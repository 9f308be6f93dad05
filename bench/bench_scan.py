"""Benchmark `reportdiff scan` on synthetic corpora with controlled, logged reuse.

    python bench/bench_scan.py [SIZES ...]      (default: 100 1000; add 10000 for the big run;
                                                --dask: each size on a 2-worker Dask cluster too)

For each size: wall time of the CLI (interpreter start included), peak memory of the
whole process tree (sampled from /proc), and precision and recall of the shared
passages found against the planted ones, by character. The naive baseline — every
pair of reports, every pair of sentences compared with rapidfuzz (process.cdist) —
runs on the 100-report corpus in the same run. Corpora go to a temporary folder.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from itertools import combinations, pairwise
from pathlib import Path

from corpus_gen import ROOT, build_corpus
from proctree import measure

from reportdiff.core.reuse.shingles import keyed_sentences
from reportdiff.readers import read_document


def run_scan(folder: Path, out: Path, *extra: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes) and peak memory of one scan."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "reportdiff", "scan", str(folder), "--format", "json"]
    return measure([*cmd, "-o", str(out), *extra], env)


def score(
    found: dict[str, list[tuple[int, int]]], corpus, texts: dict[str, str]
) -> tuple[float, float]:
    """Character precision and recall (non-blank characters) of found vs planted spans."""
    tp = fp = fn = 0
    for name, text in texts.items():
        truth = bytearray(len(text))
        for a, b, _ in corpus.truth[name]:
            truth[a:b] = b"\x01" * (b - a)
        got = bytearray(len(text))
        for a, b in found.get(name, ()):
            got[a:b] = b"\x01" * (b - a)
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            tp += truth[i] and got[i]
            fp += got[i] and not truth[i]
            fn += truth[i] and not got[i]
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def scan_spans(result: dict) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in result["clusters"]:
        for o in c["occurrences"]:
            spans.setdefault(o["path"], []).append((o["start"], o["end"]))
    return spans


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


def main(sizes: list[int], dask: bool = False) -> None:
    load = os.getloadavg()[0]
    print(f"2 cores, load average {load:.1f} at start (wall time suffers when other work runs)")
    print(
        f"{'reports':>8} {'MB':>6} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}"
        f" {'precision':>9} {'recall':>7}"
    )
    times: dict[int, float] = {}
    peaks: dict[int, int] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            corpus = build_corpus(folder, n)
            mb = sum(p.stat().st_size for p in corpus.paths) / 2**20
            elapsed, cpu, peak = run_scan(folder, Path(tmp) / "scan.json")
            result = json.loads((Path(tmp) / "scan.json").read_text(encoding="utf-8"))
            texts = {p.name: read_document(p).text for p in corpus.paths}
            precision, recall = score(scan_spans(result), corpus, texts)
            times[n] = cpu
            peaks[n] = peak
            print(
                f"{n:>8} {mb:>6.1f} {elapsed:>8.2f} {cpu:>8.2f} {peak / 2**20:>8.0f}"
                f" {precision:>9.3f} {recall:>7.3f}"
            )
            if dask:  # the same scan on a local Dask cluster of 2 workers
                out = Path(tmp) / "dask.json"
                d_wall, d_cpu, d_peak = run_scan(folder, out, "--engine", "dask", "--workers", "2")
                same = out.read_bytes() == (Path(tmp) / "scan.json").read_bytes()
                print(
                    f"{'dask':>8} {'':>6} {d_wall:>8.2f} {d_cpu:>8.2f} {d_peak / 2**20:>8.0f}"
                    f"   x{d_wall / elapsed:.2f} the local wall time, output"
                    f" {'identical' if same else 'DIFFERENT'}"
                )
            if n == 100:
                cpu_before = time.process_time()
                base_s, base_spans = naive_baseline(texts)
                base_cpu = time.process_time() - cpu_before
                bp, br = score(base_spans, corpus, texts)
                print(
                    f"{'naive':>8} {'':>6} {base_s:>8.2f} {base_cpu:>8.2f} {'':>8} {bp:>9.3f}"
                    f" {br:>7.3f}   all pairs (scan: x{base_s / elapsed:.0f} less wall time)"
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
    main([int(a) for a in args if a != "--dask"] or [100, 1000], dask="--dask" in args)
