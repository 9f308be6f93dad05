"""`scan --engine dask` gives the local engine's output, byte for byte, on a local
Dask cluster of two workers — also when a worker is killed mid-scan."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from reportdiff.cli import main
from tests.conftest import SAMPLES
from tests.test_scan import SHARED, TEMPLATE, own, report

distributed = pytest.importorskip(
    "dask.distributed", reason="the dask extra is not installed (pip install '.[dask]')"
)


def _corpus(folder: Path, n: int) -> Path:
    """``n`` reports: each its own sentences, every fifth a shared passage, all a template."""
    folder.mkdir()
    for i in range(n):
        parts = [own(i), TEMPLATE, *(SHARED for _ in range(i % 5 == 0))]
        parts += [own(10_000 + i) for _ in range(3)]
        (folder / f"agency{i:03d}.txt").write_text(report(i, *parts), encoding="utf-8")
    return folder


def _scan(folder: Path, out: Path, *extra: str) -> bytes:
    assert main(["scan", str(folder), "--format", "json", "-o", str(out), *extra]) == 0
    return out.read_bytes()


@pytest.mark.slow
def test_dask_engine_output_equals_the_local_engine(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c", 200)
    local = _scan(corpus, tmp_path / "local.json")
    dask = _scan(corpus, tmp_path / "dask.json", "--engine", "dask", "--workers", "2")
    assert dask == local
    assert SHARED.encode() in local
    samples = tmp_path / "s"
    samples.mkdir()
    for f in (SAMPLES / "zh").glob("*.txt"):
        (samples / f.name).write_bytes(f.read_bytes())
    assert _scan(samples, tmp_path / "a.json", "--engine", "dask") == _scan(
        samples, tmp_path / "b.json"
    )


@pytest.mark.slow
def test_a_local_cluster_starts_while_another_holds_the_dashboard_port(tmp_path: Path) -> None:
    """Another Dask cluster (a notebook's, another scan's) already serves its dashboard on
    8787: the scan's own cluster starts all the same."""
    import socket

    corpus = _corpus(tmp_path / "c", 12)
    with socket.socket() as taken:
        try:
            taken.bind(("127.0.0.1", 8787))
        except OSError:
            pass  # something holds it already: the case itself
        else:
            taken.listen()
        local = _scan(corpus, tmp_path / "local.json")
        assert _scan(corpus, tmp_path / "dask.json", "--engine", "dask") == local


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this system")
def test_a_killed_worker_does_not_change_the_output(tmp_path: Path, monkeypatch) -> None:
    from reportdiff import scan_dask

    corpus = _corpus(tmp_path / "c", 120)
    expected = _scan(corpus, tmp_path / "local.json")
    killed = []
    original = scan_dask._sketch

    def sketch_then_kill(client, root, paths):
        items = original(client, root, paths)
        first = next(items)  # the cluster is at work: kill one of its workers
        pid = next(iter(client.run(os.getpid).values()))
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)
        yield first
        yield from items

    monkeypatch.setattr(scan_dask, "FILES_PER_TASK", 4)
    monkeypatch.setattr(scan_dask, "_sketch", sketch_then_kill)
    got = _scan(corpus, tmp_path / "dask.json", "--engine", "dask", "--workers", "2")
    assert killed
    assert got == expected


def test_dask_options_need_the_dask_engine(tmp_path: Path, capsys) -> None:
    corpus = _corpus(tmp_path / "c", 3)
    assert main(["scan", str(corpus), "--workers", "2"]) == 2
    assert "go with --engine dask" in capsys.readouterr().err
