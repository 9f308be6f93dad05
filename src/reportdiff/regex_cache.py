"""Compiled regular expressions kept from one run of the command line to the next.

Compiling a pattern runs the ``re`` module's parser and compiler, which are Python
code: the two hundred patterns a comparison uses take some 30 ms, a sixth of a short
run, and every run compiled the same ones again. The command line keeps their
compiled form (the regex engine's code) in a file in the user's cache folder and, as
it starts, hands the patterns built from it to ``re``'s own cache of compiled
patterns, which ``re.compile`` and every ``re`` function look in first. Building a
pattern from its code takes microseconds; the patterns behave exactly as freshly
compiled ones (they are equal to them: same pattern, flags and code).

The code belongs to one Python build and its regex engine; the file names both, and
a file from another build, a damaged file or a ``re`` without the internals used here
is passed over: the patterns are then compiled as usual. A run that compiled patterns
the file lacked writes the file anew (atomically) as it exits.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the regex engine re itself compiles for
import atexit
import marshal
import re
import sys
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .folders import cache_dir

# Patterns kept at most; past this a run keeps only the ones it used (patterns of
# older versions of the program, or built from input, do not pile up).
MAX_PATTERNS = 1000

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's
# arguments after the pattern.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_loaded: dict[tuple[str | bytes, int], Entry] = {}
_started = False
_settled: set[tuple[str | bytes, int]] | None = None  # what settle() found compiled


def engine() -> str:
    """What compiled code depends on: the Python build and its regex engine; and how
    the file holds it (its name follows, so versions that hold it otherwise keep files
    of their own instead of rewriting one another's)."""
    return f"{sys.implementation.name} {sys.version} sre {_sre.MAGIC} {_sre.CODESIZE} bytes"


def file_name() -> str:
    import zlib

    return f"regex-{sys.implementation.cache_tag}-{zlib.crc32(engine().encode()):08x}.marshal"


def start(folder: Path | None = None) -> None:
    """Hand ``re`` the patterns kept in ``folder`` (default: ``cache_dir()``) and keep
    the ones this process compiles anew when it exits. Once per process; never fails."""
    global _started
    if _started:
        return
    _started = True
    try:
        folder = folder or cache_dir()
        if folder is None or not _CODE_TYPE:
            return
        path = folder / file_name()
        _loaded.update(read(path))
        install(_loaded)
    except Exception:  # a cache is never a reason to fail: compile as usual
        return
    atexit.register(_save_quietly, path)


def read(path: Path) -> dict[tuple[str | bytes, int], Entry]:
    """The entries kept in ``path``; none when it is missing, damaged or not ours."""
    try:
        kept = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == engine()):
        return {}
    data = kept[1]
    if not isinstance(data, dict):
        return {}
    return {
        key: (entry[0], _codes(entry[1]), *entry[2:])
        for key, entry in data.items()
        if _valid_key(key) and _valid_entry(entry)
    }


# The engine's code words as one string of bytes in the file: unmarshalling a list of
# tens of thousands of ints took 2–3 ms of every run, a bytes object takes microseconds.
_CODE_TYPE = next((t for t in "IHL" if array(t).itemsize == _sre.CODESIZE), "")


def _codes(raw: bytes) -> list[int]:
    return array(_CODE_TYPE, raw).tolist()


def _raw(code: list[int]) -> bytes:
    return array(_CODE_TYPE, code).tobytes()


def _valid_key(key: Any) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], str | bytes)
        and type(key[1]) is int
    )


def _valid_entry(entry: Any) -> bool:
    return (
        isinstance(entry, tuple)
        and len(entry) == 5
        and type(entry[0]) is int
        and isinstance(entry[1], bytes)
        and len(entry[1]) % _sre.CODESIZE == 0
        and type(entry[2]) is int
        and isinstance(entry[3], dict)
        and isinstance(entry[4], tuple)
    )


def install(entries: Mapping[tuple[str | bytes, int], Entry]) -> int:
    """Build each pattern from its code into ``re``'s cache (unless ``re`` holds it
    already); how many were built. An entry the engine refuses is left out."""
    cache = re._cache  # type: ignore[attr-defined]
    room = re._MAXCACHE - len(cache)  # type: ignore[attr-defined]
    built = 0
    for (pattern, flags), (full_flags, code, groups, groupindex, indexgroup) in entries.items():
        if built >= room:
            break
        key = (type(pattern), pattern, flags)
        if key in cache:
            continue
        try:
            cache[key] = _sre.compile(pattern, full_flags, code, groups, groupindex, indexgroup)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            continue  # code this engine does not accept: compiled as usual when asked
        built += 1
    return built


def compiled_parts(pattern: str | bytes, flags: int) -> Entry:
    """What ``re.compile(pattern, flags)`` hands the engine, as ``re`` works it out."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    full_flags = int(flags | parsed.state.flags)
    return (full_flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def used_keys() -> list[tuple[str | bytes, int]]:
    """The patterns ``re`` holds compiled in this process (debug ones aside)."""
    keys = []
    for _kind, pattern, flags in list(re._cache):  # type: ignore[attr-defined]
        flags = int(flags)
        if isinstance(pattern, str | bytes) and not flags & re.DEBUG:
            keys.append((pattern, flags))
    return keys


def settle() -> None:
    """Keep (at exit) only the patterns compiled so far: those an interactive session
    compiles later, from a reviewer's search for one, are the reviewer's words, not
    the program's, and stay out of the file."""
    global _settled
    _settled = set(used_keys())


def save(path: Path) -> bool:
    """Write ``path`` anew when this process compiled patterns it lacked; whether it did."""
    used = [key for key in used_keys() if _settled is None or key in _settled]
    new = [key for key in used if key not in _loaded]
    if not new:
        return False
    entries = dict(_loaded)
    for pattern, flags in new:
        entries[pattern, flags] = compiled_parts(pattern, flags)
    if len(entries) > MAX_PATTERNS:
        entries = {key: entries[key] for key in used}
    from .fsutil import atomic_write_bytes

    atomic_write_bytes(path, dump(entries))
    _loaded.update(entries)
    return True


def dump(entries: Mapping[tuple[str | bytes, int], Entry], built_for: str | None = None) -> bytes:
    """The file's bytes for ``entries``, for the engine ``built_for`` (default: this one)."""
    kept = {key: (e[0], _raw(e[1]), *e[2:]) for key, e in entries.items()}
    return marshal.dumps((built_for or engine(), kept))


def _save_quietly(path: Path) -> None:
    try:
        save(path)
    except Exception:  # a read-only or full disk: the next run compiles as usual
        return
