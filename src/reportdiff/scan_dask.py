"""`scan --engine dask`: the same scan with its heavy stages on a Dask cluster.

Reading and sketching runs as one task per chunk of files; the near-copy buckets are
written by band into partition files in a work folder the workers share, and each
partition's edges are worked out by a task. The index, the clustering and the output
stay on this machine, so the result is the local engine's, byte for byte. What travels
between stages is compact: arrays of integers and one string of keys per chunk, never
lists of Python tuples.

Dask is imported only here, and only for ``--engine dask``.
"""

from __future__ import annotations

import contextlib
import pickle
import tempfile
from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from .core.reuse import DocSketch, SketchedSentence, bucket_edges
from .corpusdb import CorpusIndex
from .errors import ReportdiffError
from .scan import Engine, sketch_file

FILES_PER_TASK = 32
ROWS_PER_PARTITION = 200_000  # bucket rows a task works through
_TASKS_PER_WORKER = 4  # in flight at a time: enough to keep every worker busy
_SEP = "\x00"  # between keys in a packed chunk; never in a sentence key

Packed = tuple[str, int, array, str, array, array]


@contextlib.contextmanager
def dask_engine(
    scheduler: str | None = None, workers: int | None = None, workdir: str | None = None
) -> Iterator[Engine]:
    """An engine on the Dask cluster at ``scheduler``, or on a local one of ``workers``
    processes. ``workdir`` must be a folder every worker can read (a shared disk);
    a temporary one serves a local cluster."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ReportdiffError(
            "the Dask engine needs the dask extra: pip install 'reportdiff[dask]'"
        ) from None
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="10s"))
            except OSError as exc:
                raise ReportdiffError(
                    f"cannot reach the Dask scheduler {scheduler}: {exc}"
                ) from None
        else:
            # The dashboard on a free port: dashboard_address=None still takes 8787 (dask
            # /distributed#8136), and fails the start when another cluster holds it.
            cluster = stack.enter_context(
                LocalCluster(n_workers=workers or 2, threads_per_worker=1, dashboard_address=":0")
            )
            client = stack.enter_context(Client(cluster))
        folder = workdir or stack.enter_context(
            tempfile.TemporaryDirectory(prefix="reportdiff-dask-")
        )
        yield Engine(
            sketch=lambda root, paths: _sketch(client, root, paths),
            edges=lambda index: _edges(client, index, Path(folder)),
        )


def _sketch(client: Any, root: str, paths: list[str]) -> Iterator[DocSketch | tuple[str, str]]:
    chunks = [paths[i : i + FILES_PER_TASK] for i in range(0, len(paths), FILES_PER_TASK)]
    # in input order: documents get the ids the local engine gives
    for result in _in_order(client, sketch_chunk, [(root, chunk) for chunk in chunks]):
        for item in result:
            yield item if isinstance(item, tuple) and len(item) == 2 else unpack(item)


def _in_order(client: Any, fn: Any, calls: list[tuple[Any, ...]]) -> Iterator[Any]:
    """The results of ``fn(*args)`` for each of ``calls``, in order, a few tasks in
    flight per worker: results the client has not taken yet wait in the workers'
    memory, so submitting every task at once would hold a whole corpus's sketches
    there when the index writer is the slower side."""
    workers = len(client.scheduler_info().get("workers", ())) or 2
    pending: deque[Any] = deque()
    for args in calls:
        pending.append(client.submit(fn, *args, pure=False))
        if len(pending) >= _TASKS_PER_WORKER * workers:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def sketch_chunk(root: str, paths: list[str]) -> list[Packed | tuple[str, str]]:
    """Read and sketch files on a worker; each sketch packed for the trip back."""
    out: list[Packed | tuple[str, str]] = []
    for path in paths:
        result = sketch_file(root, path)
        out.append(pack(result) if isinstance(result, DocSketch) else result)
    return out


def pack(sketch: DocSketch) -> Packed:
    """A sketch as arrays: 5 numbers a sentence, its bands with their counts, its keys."""
    numbers = array("q")
    bands = array("Q")
    counts = array("q")
    for s in sketch.sentences:
        numbers.extend((s.start, s.end, s.substantial, s.solid_start, s.solid_end))
        counts.append(len(s.bands))
        bands.extend(s.bands)
    keys = _SEP.join(s.key for s in sketch.sentences)
    return sketch.path, sketch.chars, numbers, keys, counts, bands


def unpack(packed: Packed) -> DocSketch:
    path, chars, numbers, keys, counts, bands = packed
    sentences = []
    at = 0
    for i, key in enumerate(keys.split(_SEP) if counts else ()):
        start, end, substantial, solid_start, solid_end = numbers[5 * i : 5 * i + 5]
        own = tuple(bands[at : at + counts[i]])
        at += counts[i]
        sentences.append(
            SketchedSentence(start, end, key, own, bool(substantial), solid_start, solid_end)
        )
    return DocSketch(path, tuple(sentences), chars)


def _edges(client: Any, index: CorpusIndex, folder: Path) -> Iterable[tuple[int, int]]:
    files = _write_partitions(index, folder)
    for flat in _in_order(client, partition_edges, [(str(f),) for f in files]):
        yield from zip(flat[::2], flat[1::2], strict=True)


def _write_partitions(index: CorpusIndex, folder: Path) -> list[Path]:
    """Shared buckets by band into partition files (a band's rows all in one file)."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = max(1, index.shared_bucket_rows() // ROWS_PER_PARTITION)
    files = [folder / f"buckets-{p:04d}.pickle" for p in range(parts)]
    with contextlib.ExitStack() as stack:
        handles = [stack.enter_context(f.open("wb")) for f in files]
        buffers: list[tuple[array, array, list[str]]] = [
            (array("q"), array("q"), []) for _ in files
        ]
        for band, unit, key in index.shared_buckets():
            bands, units, keys = buffers[band % parts]
            bands.append(band)
            units.append(unit)
            keys.append(key)
            if len(bands) >= 20_000:
                _flush(handles[band % parts], buffers[band % parts])
        for handle, buffer in zip(handles, buffers, strict=True):
            _flush(handle, buffer)
    return files


def _flush(handle: Any, buffer: tuple[array, array, list[str]]) -> None:
    bands, units, keys = buffer
    if bands:
        pickle.dump((bands, units, _SEP.join(keys)), handle)
        del bands[:], units[:], keys[:]


def partition_edges(path: str) -> array:
    """The near-copy edges of one partition file's buckets, flat: a, b, a, b, …"""
    rows: list[tuple[int, int, str]] = []
    with open(path, "rb") as fh:
        while True:
            try:
                bands, units, keys = pickle.load(fh)
            except EOFError:
                break
            rows.extend(zip(bands, units, keys.split(_SEP), strict=True))
    rows.sort(key=lambda r: (r[0], r[1]))  # chunks of bands interleave across flushes
    flat = array("q")
    for _band, group in groupby(rows, key=lambda r: r[0]):
        for a, b in bucket_edges([(unit, key) for _, unit, key in group]):
            flat.extend((a, b))
    return flat
