"""Compiled patterns kept between runs: built from their kept code they are the very
patterns re.compile makes, a damaged or foreign file is passed over, and a second run
of the command line compiles nothing."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportdiff import regex_cache
from reportdiff.core.text import FIGURE_RE
from reportdiff.folders import cache_dir
from tests.conftest import ROOT, SAMPLES

# Patterns of every shape the engine codes differently: wide and astral character
# ranges, named groups, lookarounds, case folding, verbose and multiline flags, bytes.
PATTERNS: list[tuple[str | bytes, int]] = [
    (FIGURE_RE.pattern, 0),
    ("[\u1100-\u115f\u4e00-\u9fff\uff00-\uff60\U00020000-\U0003fffd]+", 0),
    (r"(?P<year>(?:19|20)\d\d)\s?年(?:(?P<month>1[0-2]|0?[1-9])月)?", 0),
    (r"(?<![最至])(?:增长|下降)(?=\d)|\bfell\b", re.IGNORECASE),
    (r"^\s*(?:第[一二三四五六七八九十]+章|\d+\.)\s*$", re.MULTILINE),
    (r"(?x) \d+  # digits\n (?:[.,]\d+)?", 0),
    (rb"\\x([0-9a-f]{2})", 0),
    (r"(a)|(?P<b>b)|c", re.DOTALL | re.ASCII),
]
PAIR = SAMPLES / "zh" / "qingshui-water-2023.txt", SAMPLES / "zh" / "qingshui-water-2024.txt"
TEXT = (SAMPLES / "zh" / "qingshui-water-2024.txt").read_text(encoding="utf-8") + (
    "\nRevenue fell 3.5% to $1,204 million in FY2024.\n第三章\n12.5\n"
)


@pytest.fixture
def clean_re_cache():
    """re's own cache emptied for the test and refilled as it was after."""
    kept = dict(re._cache)  # type: ignore[attr-defined]
    re.purge()
    yield
    re.purge()
    re._cache.update(kept)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_built_from_kept_code_is_the_compiled_one(pattern, flags, clean_re_cache):
    fresh = re.compile(pattern, flags)
    parts = regex_cache.compiled_parts(pattern, int(flags))
    kept = marshal.loads(marshal.dumps({(pattern, int(flags)): parts}))  # as a file holds it
    re.purge()
    assert regex_cache.install(kept) == 1
    built = re.compile(pattern, flags)  # found in re's cache, not compiled
    assert built is not fresh
    assert built == fresh  # same pattern, flags and engine code
    assert (built.groups, built.groupindex, built.flags) == (
        fresh.groups,
        fresh.groupindex,
        fresh.flags,
    )
    subject = TEXT.encode() if isinstance(pattern, bytes) else TEXT
    assert [m.span() for m in built.finditer(subject)] == [
        m.span() for m in fresh.finditer(subject)
    ]


def test_code_the_engine_refuses_is_left_out(clean_re_cache):
    flags, code, groups, index, names = regex_cache.compiled_parts("ab+c", 0)
    broken = {("ab+c", 0): (flags, [*code[:-3], 999999], groups, index, names)}
    assert regex_cache.install(broken) == 0
    assert re.compile("ab+c").fullmatch("abbc")


def test_a_damaged_foreign_or_missing_file_gives_nothing(tmp_path):
    path = tmp_path / "kept.marshal"
    assert regex_cache.read(path) == {}
    path.write_bytes(b"\x00not marshal at all")
    assert regex_cache.read(path) == {}
    entry = regex_cache.compiled_parts("x+", 0)
    path.write_bytes(regex_cache.dump({("x+", 0): entry}, built_for="another Python"))
    assert regex_cache.read(path) == {}
    path.write_bytes(regex_cache.dump({("x+", 0): entry, ("y", "0"): entry}))
    assert regex_cache.read(path) == {("x+", 0): entry}  # the malformed key is dropped
    path.write_bytes(marshal.dumps((regex_cache.engine(), {("x+", 0): entry})))
    assert regex_cache.read(path) == {}  # the code as a list, as files before kept it


def test_the_cache_folder_follows_the_documented_order(monkeypatch):
    assert cache_dir({"REPORTDIFF_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"}) == Path("/c")
    assert cache_dir({"REPORTDIFF_CACHE_DIR": ""}) is None  # set empty: keep no cache
    assert cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/reportdiff")
    monkeypatch.setenv("HOME", "/home/r")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache_dir({}) == Path("/home/r/.cache/reportdiff")


_PROBE = """
import json, runpy, sys
from re import _compiler
compiled = []
real = _compiler.compile
def counting(p, flags=0):
    frame = sys._getframe(1)
    while frame and "/re/" in frame.f_code.co_filename.replace("\\\\", "/"):
        frame = frame.f_back
    compiled.append(frame.f_code.co_filename if frame else "?")
    return real(p, flags)
_compiler.compile = counting
sys.argv = ["reportdiff", *json.loads(sys.argv[1])]
try:
    runpy.run_module("reportdiff", run_name="__main__")
except SystemExit:
    pass
print(json.dumps({"compiled": compiled}))
"""


def _run(cache: str, *args: str, cwd: Path | None = None) -> list[str]:
    """Run the command line with its patterns kept in ``cache``; the file of the
    code that asked for each pattern it compiled."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REPORTDIFF_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(list(args))],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])["compiled"]


def ours(files: list[str]) -> list[str]:
    return [f for f in files if "reportdiff" in f]


def test_a_second_run_compiles_no_pattern_and_writes_the_same(tmp_path):
    old, new = PAIR
    cache = tmp_path / "cache"
    first_json, second_json = tmp_path / "1.json", tmp_path / "2.json"
    cold = ours(_run(str(cache), "compare", str(old), str(new), "-o", str(first_json)))
    assert len(cold) > 100  # the core's patterns, compiled the first time
    [kept] = cache.iterdir()
    size = kept.stat().st_size
    warm = _run(str(cache), "compare", str(old), str(new), "-o", str(second_json))
    assert ours(warm) == []
    assert len(warm) < len(cold) // 10  # the standard library's, as Python loads the CLI
    assert kept.stat().st_size == size  # nothing new: not written again
    assert first_json.read_bytes() == second_json.read_bytes()


def test_a_damaged_cache_file_is_replaced_and_the_run_is_unharmed(tmp_path):
    old, new = PAIR
    cache = tmp_path / "cache"
    cache.mkdir()
    damaged = cache / regex_cache.file_name()
    damaged.write_bytes(b"\xff" * 64)
    compiled = _run(str(cache), "compare", str(old), str(new), "-o", str(tmp_path / "o.json"))
    assert len(ours(compiled)) > 100
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["sections"]
    assert regex_cache.read(damaged)  # written anew, readable


def test_no_cache_is_kept_when_its_folder_is_set_empty(tmp_path):
    old, new = PAIR
    for _ in range(2):  # the second run finds nothing kept: it compiles as the first
        compiled = _run("", "compare", str(old), str(new), "-o", "o.json", cwd=tmp_path)
        assert len(ours(compiled)) > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.json"]


def test_a_kept_file_past_its_limit_keeps_only_what_this_run_used(
    tmp_path, monkeypatch, clean_re_cache
):
    path = tmp_path / "kept.marshal"
    stale = {(f"stale{i}", 0): regex_cache.compiled_parts(f"stale{i}", 0) for i in range(5)}
    monkeypatch.setattr(regex_cache, "_loaded", dict(stale))
    monkeypatch.setattr(regex_cache, "MAX_PATTERNS", 5)
    re.compile("used[0-9]+")
    assert regex_cache.save(path)
    assert set(regex_cache.read(path)) == {("used[0-9]+", 0)}


def test_patterns_compiled_after_settling_are_not_kept(tmp_path, monkeypatch, clean_re_cache):
    path = tmp_path / "kept.marshal"
    monkeypatch.setattr(regex_cache, "_loaded", {})
    monkeypatch.setattr(regex_cache, "_settled", None)
    re.compile("program[0-9]+")
    regex_cache.settle()
    re.compile(re.escape("审计整改情况"), re.IGNORECASE)  # as the review UI's search does
    assert regex_cache.save(path)
    assert set(regex_cache.read(path)) == {("program[0-9]+", 0)}
