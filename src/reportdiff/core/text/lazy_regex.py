"""Regular expressions compiled when first used, not when their module is imported.

Compiling a pattern runs Python code (the ``re`` parser), about a millisecond for a
long one; the core holds a few hundred, and a run uses only some: English figures in
a Chinese report, say, never come up. Every command pays for the import, so the
patterns only some inputs need are made with ``lazy_compile``.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What a module asks of its pattern objects; all are bound on first use.
_BOUND = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "groups",
    "groupindex",
    "flags",
)


class _LazyPattern:
    """Stands for ``re.compile(pattern, flags)``. ``pattern`` is known at once (other
    patterns are built from it); the first other attribute asked for compiles it and
    binds the compiled pattern's methods here, so later calls cost what theirs do."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends ask for these: not a use
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _BOUND:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use. Use its methods and
    ``pattern``; do not pass it to ``re`` functions or ``isinstance`` checks."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
