"""Renderers and the review UI show what the core computed: none of them diffs text
(no difflib, diff-match-patch or rapidfuzz, no call of the core's diff)."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "reportdiff"
DIFFERS = {"difflib", "diff_match_patch", "rapidfuzz"}
DIFF_CALLS = {"diff_texts", "diff_pairs", "SequenceMatcher", "diff_main"}


def _display_modules() -> list[Path]:
    return sorted([*(SRC / "render").rglob("*.py"), *(SRC / "tui").rglob("*.py")])


def test_display_modules_import_no_differ_and_call_no_diff() -> None:
    assert _display_modules()
    for path in _display_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                names = {(node.module or "").split(".")[0], *(a.name for a in node.names)}
            elif isinstance(node, ast.Call):
                f = node.func
                names = {f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")}
            else:
                continue
            assert not names & (DIFFERS | DIFF_CALLS), f"{path.name}:{node.lineno} {names}"
