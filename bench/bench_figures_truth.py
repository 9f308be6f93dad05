"""Benchmark: figure changes and checks on real document pairs, against truth by hand.

    python bench/bench_figures_truth.py [--verbose] [--no-sealed]

Reads bench/figures_truth.json (written from the documents before the matcher was
tuned on them) with the documents in ../shared/real, and bench/heldout/truth.json with
the documents beside it. For each set it prints:
precision (reported changed figures that are true changes) and recall (true changes
reported) inside the set's window; pairings of a stated rise with a stated fall and
of a multi-year figure with a one-year one; figures read from noise (URLs, e-mail
addresses, postal codes, document and article numbers); and checks raised (every one
a false alarm: none of these documents has a known arithmetic error). Checks are of
whole documents: a pair measured in two windows counts them once, under its first
set. Sets marked held out at first were kept out of the first tuning and looked at
since (their first run is in docs/figures.md); their totals are printed apart, and
those marked sealed (kept out of all tuning, measured once at the end) apart again,
with the batch each belongs to (a batch's truth was written before any run on it; a
batch that was looked at after its run is a set used in tuning since).
--no-sealed leaves the sealed sets unrun, for use while tuning.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportdiff.core.compare import compare  # noqa: E402
from reportdiff.model import Figure, NumberChange  # noqa: E402
from reportdiff.readers import read_document  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
TRUTH = ROOT / "bench" / "figures_truth.json"
HELDOUT = ROOT / "bench" / "heldout"
_RISE = re.compile(r"(?:增长|增加|上升|提高|上涨|高出|(?<![最不至])高|rose|up|increase)\s*$")
_FALL = re.compile(r"(?:下降|减少|降低|回落|(?<![最不至])低|fell|down|decrease)\s*$")
_MULTI_YEAR = re.compile(r"五年|十年|累计|年均|过去\S年|近\S年|over the past|cumulative")
_NOISE = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|邮[政编]\S{0,3}\d{6}|\b\d{4}/\d+\b"
    r"|第[一二三四五六七八九十百零\d]+[条款章节]"
)


@dataclass
class Tally:
    reported: int = 0
    right: int = 0
    truth: int = 0
    found: int = 0
    rise_fall: int = 0
    multi_year: int = 0
    noise: int = 0
    checks: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("reported", "right", "truth", "found", "rise_fall", "multi_year"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.noise += other.noise
        self.checks += other.checks


def _window(text: str, marks: list[str] | None) -> tuple[int, int]:
    if not marks:
        return 0, len(text)
    start = text.index(marks[0])
    return start, text.index(marks[1], start)


def _span(text: str, snippet: str, window: tuple[int, int]) -> tuple[int, int]:
    """The snippet's first occurrence in the window, else in the whole text."""
    at = text.find(snippet, window[0], window[1])
    at = at if at >= 0 else text.index(snippet)
    return at, at + len(snippet)


def _overlaps(f: Figure | None, span: tuple[int, int]) -> bool:
    return f is not None and f.start < span[1] and span[0] < f.end


def _before(text: str, f: Figure, n: int) -> str:
    return text[max(0, f.start - n) : f.start]


def _direction(text: str, f: Figure) -> str:
    before = _before(text, f, 6)
    return "fall" if _FALL.search(before) else "rise" if _RISE.search(before) else ""


def run_set(entry: dict, seen: set[tuple[str, str]], base: Path) -> Tally:
    old = read_document(base / entry["old"])
    new = read_document(base / entry["new"])
    c = compare(old, new)
    pair = (entry["old"], entry["new"])
    checks = 0 if pair in seen else len(c.checks)
    seen.add(pair)
    window = entry.get("window") or {}
    ow, nw = _window(old.text, window.get("old")), _window(new.text, window.get("new"))

    def spans(items: list[dict]) -> list[tuple[dict, tuple[int, int], tuple[int, int]]]:
        return [(e, _span(old.text, e["old"], ow), _span(new.text, e["new"], nw)) for e in items]

    truth, either = spans(entry["changes"]), spans(entry["either"])
    t = Tally(truth=len(truth), checks=checks)
    changed = [n for n in c.numbers if n.status == "changed" and n.old and n.new]
    for n in changed:
        assert n.old is not None
        assert n.new is not None
        inside = ow[0] <= n.old.start < ow[1] or nw[0] <= n.new.start < nw[1]
        if not inside:
            continue
        if any(_overlaps(n.old, o) and _overlaps(n.new, w) for _, o, w in either):
            continue
        t.reported += 1
        if any(_overlaps(n.old, o) and _overlaps(n.new, w) for _, o, w in truth):
            t.right += 1
        else:
            t.wrong.append(_shown(n))
        a, b = _direction(old.text, n.old), _direction(new.text, n.new)
        t.rise_fall += bool(a and b and a != b)
        multi = bool(_MULTI_YEAR.search(_before(old.text, n.old, 12)))
        t.multi_year += multi != bool(_MULTI_YEAR.search(_before(new.text, n.new, 12)))
    for e, o, w in truth:
        if any(_overlaps(n.old, o) and _overlaps(n.new, w) for n in changed):
            t.found += 1
        else:
            t.missed.append(f"{e['label']}: {e['old']} → {e['new']}")
    t.noise = _noise(old.text, new.text, c.numbers)
    return t


def _noise(old_text: str, new_text: str, numbers: tuple[NumberChange, ...]) -> int:
    spans = {
        side: [m.span() for m in _NOISE.finditer(text)]
        for side, text in (("old", old_text), ("new", new_text))
    }
    count = 0
    for n in numbers:
        for side, f in (("old", n.old), ("new", n.new)):
            if f is not None and any(s < f.end and f.start < e for s, e in spans[side]):
                count += 1
    return count


def _shown(n: NumberChange) -> str:
    assert n.old is not None
    assert n.new is not None
    name = n.label or "(unlabelled)"
    return f"{name}: {n.old.text} → {n.new.text} (confidence {n.confidence:.2f})"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "     -"


def _row(name: str, t: Tally) -> str:
    return (
        f"{name:46} {_ratio(t.right, t.reported)} {t.right:3d}/{t.reported:<3d} "
        f"{_ratio(t.found, t.truth)} {t.found:3d}/{t.truth:<3d} {t.rise_fall:4d} "
        f"{t.multi_year:4d} {t.noise:5d} {t.checks:6d}"
    )


def _sets(include_sealed: bool) -> list[tuple[dict, Path]]:
    """Every set with the directory its documents are in; the shared ones only where present."""
    sets: list[tuple[dict, Path]] = []
    if REAL.is_dir():
        sets += [(e, REAL) for e in json.loads(TRUTH.read_text(encoding="utf-8"))["sets"]]
    else:
        print(f"skipped: the real documents of {TRUTH.name} are not at {REAL}")
    for entry in json.loads((HELDOUT / "truth.json").read_text(encoding="utf-8"))["sets"]:
        if include_sealed or not entry.get("sealed"):
            sets.append((entry, HELDOUT))
    return sets


def _group(entry: dict, base: Path) -> str:
    if entry.get("sealed"):
        return "sealed"
    if base == HELDOUT:
        return "new pairs used in tuning"
    return "held out of the first tuning (tuned on since)" if entry["held_out"] else "tuning sets"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list wrong and missed pairs")
    parser.add_argument("--no-sealed", action="store_true", help="leave the sealed sets unrun")
    args = parser.parse_args()
    print(
        f"{'set':46} {'precision':>14} {'recall':>14} {'r/f':>4} {'1y/n':>4} "
        f"{'noise':>5} {'checks':>6}"
    )
    groups = (
        "held out of the first tuning (tuned on since)",
        "tuning sets",
        "new pairs used in tuning",
        "sealed",
    )
    totals = {name: Tally() for name in groups}
    seen: set[tuple[str, str]] = set()
    for entry, base in _sets(not args.no_sealed):
        t = run_set(entry, seen, base)
        mark = " [held out at first]" if entry["held_out"] else ""
        if entry.get("sealed"):
            mark = f" [sealed, batch {entry['batch']}]" if entry.get("batch") else " [sealed]"
        print(_row(entry["name"] + mark, t))
        if args.verbose:
            for line in t.wrong:
                print(f"    wrong:  {line}")
            for line in t.missed:
                print(f"    missed: {line}")
        totals[_group(entry, base)].add(t)
    for name, total in totals.items():
        if name != "sealed" or not args.no_sealed:
            print(_row(name, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
