"""Reading a folder of reports for `scan` and `compare --corpus`: file walking,
parallel sketching over the cores into a corpus index, and a progress bar on a terminal."""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from .core.reuse import TEMPLATE_SHARE, DocSketch, ScanResult, sketch_document
from .corpusdb import CorpusIndex, Edges, cluster_index, local_bucket_edges
from .errors import InputError, ReportdiffError
from .model import Document
from .office_formats import OFFICE_FORMATS, SPREADSHEETS
from .safetext import file_name, safe_line, shown_name

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf")
# Office formats a reviewer may expect to be read, and what to do about them.
_UNREAD_FORMATS = {
    suffix: f"{name}, not a report"
    if suffix in SPREADSHEETS
    else f"{name}, which is not read; save it as .docx"
    for suffix, name in OFFICE_FORMATS.items()
}
MAX_REPORTS = 1_000_000  # a bound on what one scan walks, against pointing it at /
_PARALLEL_FROM = 24  # fewer files are sketched in-process: a pool costs more than it saves
_FILES_PER_TASK = 8


def find_reports(folder: str | Path) -> list[Path]:
    """The report files under ``folder`` (recursively, hidden entries skipped), sorted."""
    return walk_folder(folder)[0]


def walk_folder(folder: str | Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The report files under ``folder``, sorted, and every other (non-hidden) file
    with the reason it is not read."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(str(folder), "is not a directory")
    found: list[Path] = []
    others: list[tuple[Path, str]] = []
    for path in _walk(root):
        if is_report_name(path.name):
            found.append(path)
        else:
            others.append((path, not_a_report(path)))
        if len(found) + len(others) > MAX_REPORTS:
            raise ReportdiffError(f"{folder}: more than {MAX_REPORTS} files")
    return sorted(found), sorted(others)


def not_a_report(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in REPORT_SUFFIXES:
        return "a folder's own file (README, LICENSE, CHANGELOG …), not a report"
    return _UNREAD_FORMATS.get(
        suffix,
        f"not a report format ({suffix or 'no extension'}); reports are .txt, .md, .docx or .pdf",
    )


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name


# Files every project folder has that are about the folder, not reports in it.
_FOLDER_FILES = frozenset(
    [
        "readme",
        "license",
        "licence",
        "copying",
        "notice",
        "authors",
        "contributors",
        "contributing",
        "changelog",
        "changes",
        "history",
        "news",
        "todo",
        "install",
        "code_of_conduct",
        "security",
        "requirements",
    ]
)


def is_report_name(name: str) -> bool:
    """Whether a file name can be a report: a report suffix, not hidden, and not a
    folder's README, LICENSE, CHANGELOG, requirements.txt and the like."""
    lower = name.lower()
    if lower.startswith(".") or not lower.endswith(REPORT_SUFFIXES):
        return False
    stem = lower.split(".", 1)[0].replace("-", "_")
    return stem not in _FOLDER_FILES and not stem.startswith("requirements")


def read_reports(
    paths: list[Path],
    on_skip: Callable[[Path, str], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Document]:
    """Read each report; one that cannot be read is skipped (and reported via ``on_skip``)."""
    from .readers import read_document

    docs = []
    for done, path in enumerate(paths, start=1):
        try:
            docs.append(read_document(path))
        except _UNREADABLE as exc:
            if on_skip:
                on_skip(path, _problem(exc))
        if progress:
            progress(done, len(paths))
    return docs


# One report that cannot be read, or only beyond the limits, is skipped: it must not
# cost the scan of the whole folder.
_UNREADABLE = (InputError, MemoryError, RecursionError)


def _problem(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return exc.problem
    return "could not be read within the memory and depth limits"


def warn_skip(path: Path, problem: str) -> None:
    print(f"reportdiff: skipped {safe_line(f'{path}: {problem}')}", file=sys.stderr)


def sketch_file(root: str, path: str) -> DocSketch | tuple[str, str]:
    """Read and sketch one report (in a worker process); a bad file gives (path, problem)."""
    from .readers import read_document

    rel = _relative(Path(root), Path(path))
    try:
        doc = read_document(path)
    except _UNREADABLE as exc:
        return rel, _problem(exc)
    return sketch_document(rel, doc.text)


def _relative(root: Path, path: Path) -> str:
    """A file's name under the scanned folder, as shown (a GBK name on Linux too)."""
    return shown_name(Path(os.path.relpath(path, root)).as_posix())


def load_text(path: str) -> str:
    """A report's text, read again to quote a passage from it."""
    from .readers import read_document

    try:
        return read_document(path if os.path.exists(path) else file_name(path)).text
    except InputError as exc:
        raise ReportdiffError(
            f"{path}: changed or gone since it was indexed ({exc.problem})"
        ) from None


def reread_unchanged(path: str, stamp: tuple[int, int]) -> Document | None:
    """An indexed report read again, if its file is still the one indexed (same size
    and modification time); None when it is gone, changed or unreadable."""
    from .readers import read_document

    where = path if os.path.exists(path) else file_name(path)
    try:
        st = os.stat(where)
        if (st.st_size, st.st_mtime_ns) != stamp:
            return None
        return read_document(where)
    except (OSError, *_UNREADABLE):
        return None


Sketcher = Callable[[str, list[str]], Iterator[DocSketch | tuple[str, str]]]


@dataclass(frozen=True)
class Engine:
    """Where a scan's work runs: reading and sketching the files (in input order), and
    working out the near-copy buckets. Every engine gives the same result."""

    sketch: Sketcher
    edges: Edges = local_bucket_edges


def local_engine(jobs: int | None = None) -> Engine:
    """Worker processes on this machine (``jobs``, default 2)."""
    return Engine(partial(_sketch_all, jobs=jobs))


def add_folder(
    index: CorpusIndex,
    folder: str | Path,
    *,
    engine: Engine | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, list[tuple[str, str]]]:
    """Sketch the reports under ``folder`` that the index does not hold yet (or that
    changed since) into it, in one transaction. The batch's id and the skipped files."""
    root = Path(folder)
    known = index.stamps()
    todo: list[tuple[str, tuple[int, int]]] = []
    reports, others = walk_folder(root)
    for p in reports:
        full = shown_name(str(p.resolve()))  # the index holds UTF-8; file_name reverses it
        st = p.stat()
        stamp = (st.st_size, st.st_mtime_ns)
        if known.get(full) != stamp:
            todo.append((full, stamp))
    skipped = [(_relative(root, p), why) for p, why in others]
    with index.transaction():
        batch = index.new_batch(str(root.resolve()))
        paths = [p if os.path.exists(p) else file_name(p) for p, _ in todo]
        engine = engine or local_engine()
        results = engine.sketch(str(root.resolve()), paths)
        for done, ((full, stamp), result) in enumerate(zip(todo, results, strict=True), start=1):
            if isinstance(result, DocSketch):
                index.add(result, full, batch, stamp)
            else:
                skipped.append(result)
            if progress:
                progress(done, len(todo))
    return batch, sorted(skipped)


def scan_index(
    index: CorpusIndex,
    folder: str | Path,
    *,
    engine: Engine | None = None,
    template_share: float | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ScanResult:
    """Add ``folder`` to ``index`` and cluster it all. When the index held reports
    before, the result is about this folder's reports and what they share with those."""
    engine = engine or local_engine()
    had_documents = bool(index.stamps())
    batch, skipped = add_folder(index, folder, engine=engine, progress=progress)
    return cluster_index(
        index,
        load_text,
        template_share=template_share or TEMPLATE_SHARE,
        skipped=skipped,
        new_batch=batch if had_documents else None,
        edges=engine.edges,
    )


def scan_folder(
    folder: str | Path,
    *,
    jobs: int | None = None,
    template_share: float | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ScanResult:
    """Scan every report under ``folder`` for passages shared between them (a
    throwaway in-memory index: for a few hundred reports, or tests)."""
    with CorpusIndex(":memory:") as index:
        result = scan_index(
            index,
            folder,
            engine=local_engine(jobs),
            template_share=template_share,
            progress=progress,
        )
        return ScanResult(
            result.paths,
            tuple(result.clusters),
            result.shares,
            result.skipped,
            result.new_from,
            result.years,
        )


def _sketch_all(
    root: str, paths: list[str], jobs: int | None = None
) -> Iterator[DocSketch | tuple[str, str]]:
    workers = jobs or min(2, os.cpu_count() or 1)
    if workers <= 1 or len(paths) < _PARALLEL_FROM:
        yield from (sketch_file(root, p) for p in paths)
        return
    # A few chunks in flight at a time, results in input order: sketches are written
    # to the index as they come, so they never pile up in memory (Executor.map would
    # submit every file at once and hold every result the writer has not taken yet).
    chunks = [paths[i : i + _FILES_PER_TASK] for i in range(0, len(paths), _FILES_PER_TASK)]
    with ProcessPoolExecutor(workers) as pool:
        pending: deque[Future[list[DocSketch | tuple[str, str]]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_sketch_chunk, root, chunk))
            if len(pending) >= 4 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _sketch_chunk(root: str, paths: list[str]) -> list[DocSketch | tuple[str, str]]:
    return [sketch_file(root, p) for p in paths]


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.label = label
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (done < total and now - self._last < 0.1):
            return
        self._last = now
        width = 30
        filled = width * done // max(total, 1)
        bar = "█" * filled + "·" * (width - filled)
        self.stream.write(f"\r{self.label} {bar} {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
