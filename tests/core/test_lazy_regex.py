"""Patterns made with lazy_compile behave as compiled ones, and compile on first use."""

import json
import re
import subprocess
import sys

from reportdiff.core.text.lazy_regex import lazy_compile
from tests.conftest import ROOT


def test_a_lazy_pattern_answers_as_the_compiled_one():
    text = "Revenue rose 9.4% to $12.8 million; 收入增长5.2%。REVENUE"
    for source, flags in [(r"(\d+(?:\.\d+)?)(%)?", 0), (r"(?P<w>revenue)", re.I)]:
        lazy, real = lazy_compile(source, flags), re.compile(source, flags)
        assert lazy.pattern == real.pattern
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
        assert lazy.findall(text) == real.findall(text)
        assert lazy.sub("#", text) == real.sub("#", text)
        assert lazy.split(text) == real.split(text)
        assert lazy.search(text, 5).span() == real.search(text, 5).span()
        assert (lazy.groups, lazy.groupindex, lazy.flags) == (
            real.groups,
            real.groupindex,
            real.flags,
        )


def test_a_bad_pattern_fails_where_it_is_used():
    bad = lazy_compile("(unclosed")
    try:
        bad.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("a bad pattern must raise re.error when used")


_PROBE = """
import json
import reportdiff.core.compare
from reportdiff.core.figures import english, english_changes
lazy = [v for m in (english, english_changes) for v in vars(m).values()
        if type(v).__name__ == "_LazyPattern"]
print(json.dumps({"lazy": len(lazy), "compiled": sum("search" in vars(p) for p in lazy)}))
"""


def test_importing_the_core_compiles_no_english_only_pattern():
    out = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src")},
    )
    report = json.loads(out.stdout)
    assert report["lazy"] >= 20
    assert report["compiled"] == 0
