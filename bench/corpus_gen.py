"""A synthetic corpus of reports with controlled, logged reuse, for bench_scan.py.

Background text is unique to each report: sentences strung together from random
four-character phrases of the real reports (so they look like the genre but never
repeat). Into it go planted passages — two to five consecutive sentences of the seeds,
../shared/real and samples/ — each in a logged set of reports: most in a handful, a
few in most of the corpus (template text). Each planted copy gets its figures and
years changed, some reports are hard-wrapped as PDF extraction leaves them, and some
are written in GB18030, so the scan must normalise, mask and unwrap to find them.

The truth (report -> planted character ranges) is returned, never committed; files
go to a folder the caller gives (a temporary one in the benchmark).
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportdiff.core.reuse.shingles import keyed_sentences  # noqa: E402

SHARED = ROOT.parent / "shared"
_CJK_RE = re.compile(r"[\u4e00-\u9fff]{4,}")
_DIGIT_RE = re.compile(r"\d+(?:\.\d+)?")


@dataclass
class Corpus:
    paths: list[Path]
    truth: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)  # (start, end, id)


def source_texts() -> list[str]:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "real").glob("*.txt"))
    files += sorted((ROOT / "samples").rglob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files if not f.name.startswith("msft")]


def source_passages(texts: list[str], rng: random.Random) -> list[str]:
    """Runs of 2-5 consecutive full sentences, each used at most once."""
    passages = []
    for text in texts:
        sents = [" ".join(text[s.start : s.end].split()) for s in keyed_sentences(text)]
        sents = [s for s in sents if 25 <= len(s) <= 160 and s.endswith(("。", "；"))]
        i = 0
        while i + 2 <= len(sents):
            n = rng.randint(2, 5)
            passages.append("".join(sents[i : i + n]))
            i += n + 3  # leave a gap so no two passages are neighbours in the source
    rng.shuffle(passages)
    return passages


def phrase_pool(texts: list[str]) -> list[str]:
    pool = set()
    for text in texts:
        for run in _CJK_RE.findall(text):
            pool.update(run[i : i + 4] for i in range(0, len(run) - 3, 2))
    return sorted(pool)


def _background(rng: random.Random, phrases: list[str]) -> str:
    # Six or more phrases from a pool of ~20,000: some 10**25 sentences, so millions
    # drawn repeat none (a set of those seen would hold gigabytes at 100,000 reports).
    parts = rng.choices(phrases, k=rng.randint(6, 16))
    cut = rng.randint(2, len(parts) - 2)
    return "".join(parts[:cut]) + "，" + "".join(parts[cut:]) + "。"


def _refigure(passage: str, rng: random.Random) -> str:
    """The same passage with this report's own figures and years."""
    return _DIGIT_RE.sub(
        lambda m: (
            str(rng.randint(1, 9999)) if "." not in m.group() else f"{rng.uniform(1, 999):.2f}"
        ),
        passage,
    )


def _hard_wrap(text: str, width: int) -> str:
    lines = []
    for para in text.split("\n"):
        lines.extend(para[i : i + width] for i in range(0, max(len(para), 1), width))
    return "\n".join(lines)


def kept_corpus(folder: Path, n_docs: int) -> Corpus:
    """``build_corpus`` into ``folder``, or the one built there before (its truth kept
    beside it): 100,000 reports take minutes to write."""
    truth_file = folder.with_name(folder.name + ".truth.json")
    if truth_file.exists():
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if truth["n_docs"] == n_docs:
            spans = {name: [tuple(s) for s in v] for name, v in truth["spans"].items()}
            return Corpus([folder / name for name in sorted(spans)], spans)  # type: ignore[misc]
    corpus = build_corpus(folder, n_docs)
    body = {"n_docs": n_docs, "spans": corpus.truth}
    truth_file.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return corpus


def build_corpus(folder: Path, n_docs: int, seed: int = 7, doc_chars: int = 10_000) -> Corpus:
    """Write ``n_docs`` reports of about ``doc_chars`` characters (~30 KB) to ``folder``."""
    rng = random.Random(seed)
    texts = source_texts()
    phrases = phrase_pool(texts)
    passages = source_passages(texts, rng)
    plan: dict[int, list[int]] = {d: [] for d in range(n_docs)}
    n_planted = min(len(passages), max(20, n_docs // 2))
    for pid in range(n_planted):
        # most passages in a few reports; one in ten in most of the corpus (template)
        k = max(2, int(n_docs * rng.uniform(0.5, 0.9))) if pid % 10 == 0 else rng.randint(2, 6)
        for d in rng.sample(range(n_docs), min(k, n_docs)):
            plan[d].append(pid)
    corpus = Corpus([])
    folder.mkdir(parents=True, exist_ok=True)
    for d in range(n_docs):
        text, spans = _document(d, plan[d], passages, phrases, rng, doc_chars)
        wrapped = d % 4 == 1
        if wrapped:  # PDF-like: spans move with the inserted newlines
            text, spans = _wrap_with_spans(text, spans, rng.choice((34, 37, 40)))
        path = folder / f"report-{d:05d}.txt"
        path.write_bytes(text.encode("gb18030" if d % 10 == 3 else "utf-8"))
        corpus.paths.append(path)
        corpus.truth[path.name] = spans
    return corpus


def _document(
    d: int,
    pids: list[int],
    passages: list[str],
    phrases: list[str],
    rng: random.Random,
    doc_chars: int,
) -> tuple[str, list[tuple[int, int, int]]]:
    parts: list[str] = [f"第{d}号单位2024年度部门整体支出绩效自评报告\n"]
    spans = []
    size = len(parts[0])
    slots = sorted(rng.sample(range(40), min(len(pids), 40)))
    queue = list(zip(slots, pids, strict=False))
    heading = 0
    for para in range(40):
        if para % 8 == 0:
            heading += 1
            parts.append(f"{'一二三四五六'[min(heading - 1, 5)]}、第{heading}部分工作情况\n")
            size += len(parts[-1])
        while queue and queue[0][0] == para:
            _, pid = queue.pop(0)
            body = _refigure(passages[pid], rng)
            spans.append((size, size + len(body), pid))
            parts.append(body + "\n")
            size += len(body) + 1
        body = "".join(_background(rng, phrases) for _ in range(max(1, doc_chars // 40 // 40)))
        parts.append(body + "\n")
        size += len(body) + 1
    return "".join(parts), spans


def _wrap_with_spans(
    text: str, spans: list[tuple[int, int, int]], width: int
) -> tuple[str, list[tuple[int, int, int]]]:
    wrapped = _hard_wrap(text, width)
    # map each original offset to its wrapped offset: one newline added per `width` chars
    mapping, j = [], 0
    for i in range(len(text) + 1):
        while j < len(wrapped) and i < len(text) and wrapped[j] != text[i]:
            j += 1
        mapping.append(j)
        j += 1
    return wrapped, [(mapping[a], mapping[b - 1] + 1, pid) for a, b, pid in spans]
