"""Grow a comparison by repeating it: a long pair for the speed tests without
waiting for the core to compare megabytes. Run as a script to print timings:

    PYTHONPATH=src python -m tests.tui.tiling 100
"""

from __future__ import annotations

import sys
import time

from reportdiff.model import Comparison, Document, Edit, Figure, Flag, Section


def tile(c: Comparison, n: int) -> Comparison:
    """The comparison of OLD*n with NEW*n, as if each copy were compared alone."""
    ol, nl = len(c.old.text), len(c.new.text)
    old_sections, new_sections, pairs, numbers, checks, flags = [], [], [], [], [], []
    for k in range(n):
        sid = _ids(k)
        old_sections += [_section(s, k * ol, sid) for s in c.old_sections]
        new_sections += [_section(s, k * nl, sid) for s in c.new_sections]
        pairs += [
            p._replace(
                old=sid(p.old),
                new=sid(p.new),
                edits=tuple(_edit(e, k * ol, k * nl, sid) for e in p.edits),
            )
            for p in c.pairs
        ]
        shift = {"old": k * ol, "new": k * nl}
        numbers += [
            x._replace(
                old=_figure(x.old, k * ol),
                new=_figure(x.new, k * nl),
                old_section=sid(x.old_section),
                new_section=sid(x.new_section),
            )
            for x in c.numbers
        ]
        checks += [
            x._replace(figures=tuple(_figure(f, shift[x.doc]) for f in x.figures)) for x in c.checks
        ]
        flags += [_flag(f, shift[f.doc], sid) for f in c.boilerplate]
    return Comparison(
        _doc(c.old, n),
        _doc(c.new, n),
        tuple(old_sections),
        tuple(new_sections),
        tuple(pairs),
        tuple(numbers),
        tuple(checks),
        tuple(flags),
    )


def _ids(k: int):
    return lambda i: None if i is None else (i if k == 0 else f"{k}.{i}")


def _doc(d: Document, n: int) -> Document:
    return d._replace(text=d.text * n, blocks=())


def _section(s: Section, at: int, sid) -> Section:
    return s._replace(
        id=sid(s.id),
        parent=sid(s.parent),
        start=s.start + at,
        end=s.end + at,
        body_start=s.body_start + at,
        body_end=s.body_end + at,
    )


def _edit(e: Edit, o: int, n: int, sid) -> Edit:
    def add(x, d):
        return None if x is None else x + d

    return e._replace(
        old_start=add(e.old_start, o),
        old_end=add(e.old_end, o),
        new_start=add(e.new_start, n),
        new_end=add(e.new_end, n),
        other_section=sid(e.other_section),
    )


def _figure(f: Figure | None, at: int) -> Figure | None:
    return None if f is None else f._replace(start=f.start + at, end=f.end + at)


def _flag(f: Flag, at: int, sid) -> Flag:
    return f._replace(start=f.start + at, end=f.end + at, section=sid(f.section))


if __name__ == "__main__":  # timings for README
    import asyncio

    from reportdiff.core.compare import compare
    from reportdiff.readers import read_document
    from reportdiff.tui import build_app
    from tests.conftest import SAMPLES

    base = compare(
        read_document(SAMPLES / "zh/qingshui-water-2023.txt"),
        read_document(SAMPLES / "zh/qingshui-water-2024.txt"),
    )
    big = tile(base, int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    mb = (len(big.old.text.encode()) + len(big.new.text.encode())) / 2**20

    async def main() -> None:
        started = time.perf_counter()
        app = build_app(big)
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            opened = time.perf_counter() - started
            t = time.perf_counter()
            for _ in range(20):
                await pilot.press("n")
            step = (time.perf_counter() - t) / 20
            rows = len(app.diff.rows)
        print(
            f"{mb:.1f} MB, {len(big.pairs)} pairs, {rows} rows: "
            f"open {opened:.2f} s, next change {step * 1000:.0f} ms"
        )

    asyncio.run(main())
