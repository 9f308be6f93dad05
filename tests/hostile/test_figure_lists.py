"""A project list of thousands of lines: figure matching stays within time and memory
(blocking keys, not every pair of like figures) and still pairs each project's own
figures, never one project's with another's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .bounded import run_bounded
from .figure_lists import project_list


def _line_name(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    return text[start:pos].split("，")[0].split(". ", 1)[-1]


@pytest.mark.parametrize("lines", [2_000, 8_000])
def test_a_long_project_list_is_matched_within_bounds(tmp_path: Path, lines: int) -> None:
    old_text, new_text = project_list(lines)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    run = run_bounded("compare", "--format", "json", str(old), str(new))
    run.assert_bounded()
    assert run.status == 1, run.stderr
    numbers = json.loads(run.stdout)["numbers"]
    changed = [n for n in numbers if n["status"] == "changed"]
    assert len(changed) >= lines // 20  # one in ten totals was revised
    for n in changed:
        old_name = _line_name(old_text, n["old"]["start"])
        assert old_name == _line_name(new_text, n["new"]["start"]), n
