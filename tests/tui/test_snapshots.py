"""Saved-SVG snapshots of the main screens at 80×24 and 160×50.

The screens are of a hand-built comparison (tests/tui/handmade.py), so they change
only when the UI does. After a deliberate change, look at the new screens (the
failing test names the file it wrote), then rewrite the snapshots with
REPORTDIFF_UPDATE_SNAPSHOTS=1 python -m pytest tests/tui/test_snapshots.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reportdiff.tui import build_app

from .handmade import handmade

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("REPORTDIFF_UPDATE_SNAPSHOTS") == "1"


def normalise(svg: str) -> str:
    """Drop what may differ between runs without a visible change: generated ids."""
    return re.sub(r"terminal-\d+", "terminal", svg)


SCREENS = [
    ("side-by-side-160x50", (160, 50), ["n", "n"]),
    ("side-by-side-80x24", (80, 24), ["right_square_bracket", "right_square_bracket"]),
    ("unified-80x24", (80, 24), ["v", "n"]),
    ("reviewed-hidden-unchanged-160x50", (160, 50), ["r", "u", "3"]),
    ("help-80x24", (80, 24), ["question_mark"]),
    ("figures-sorted-160x50", (160, 50), ["1", "s", "s", "s", "s", "s", "enter"]),
]


@pytest.mark.parametrize(("name", "size", "keys"), SCREENS, ids=[s[0] for s in SCREENS])
async def test_screen_matches_snapshot(name, size, keys, tmp_path):
    app = build_app(handmade())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        svg = normalise(app.export_screenshot(title=name))
    path = SNAPSHOTS / f"{name}.svg"
    if UPDATE:
        path.write_text(svg, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path.name}; run with REPORTDIFF_UPDATE_SNAPSHOTS=1"
    if svg != path.read_text(encoding="utf-8"):
        actual = tmp_path / f"{name}.actual.svg"
        actual.write_text(svg, encoding="utf-8")
        pytest.fail(f"screen {name} differs from {path}; new screen: {actual}")
