"""The real program on a real terminal (tmux): open the demo, mark a section
reviewed, quit, and find the mark in the state directory."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    # tmux's server cannot daemonise when /dev/null has been replaced by a plain file.
    pytest.mark.skipif(
        not stat.S_ISCHR(os.stat(os.devnull).st_mode), reason="/dev/null is not a device here"
    ),
]


SOCKET = f"reportdiff-test-{os.getpid()}"  # a server of our own, no user config


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, "-f", os.devnull, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=10,
    ).stdout


def wait_for(session: str, needle: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if needle in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} not on screen after {timeout} s:\n{screen}")


def test_demo_opens_the_ui_and_keeps_a_review_mark(tmp_path):
    session = f"reportdiff-test-{os.getpid()}"
    command = (
        # COLUMNS and LINES (pytest's own, 80x24) would override the terminal's size.
        f"env -u COLUMNS -u LINES PYTHONPATH={ROOT / 'src'} REPORTDIFF_STATE_DIR={tmp_path} "
        "TERM=xterm-256color "
        f"{sys.executable} -m reportdiff demo"
    )
    started = time.monotonic()
    tmux("new-session", "-d", "-s", session, "-x", "140", "-y", "45", command)
    try:
        wait_for(session, "reviewed")
        first_screen = time.monotonic() - started
        # The first frame may be drawn before the terminal's size is known; the top bar
        # then fits the file names to the real width.
        screen = wait_for(session, "qingshui-water-2023.txt → qingshui-water-2024.txt")
        assert "OLD" in screen
        assert "NEW" in screen
        assert first_screen < 5  # generous on a loaded machine; README has the measured figure
        tmux("send-keys", "-t", session, "]", "r")
        wait_for(session, "1/")
        # Saved the moment it changed: on disk before any quit, Ctrl+C or crash.
        assert reviewed_keys(tmp_path) != []
        tmux("send-keys", "-t", session, "C-c")
        wait_for(session, "1/")  # Ctrl+C does not drop the review; q quits
        tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 10
        while session in tmux("ls") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session not in tmux("ls")
    finally:
        tmux("kill-server")
    assert reviewed_keys(tmp_path) != []


def reviewed_keys(state_dir) -> list[str]:
    files = list((state_dir / "reviews").glob("*.json"))
    if not files:
        return []
    data = json.loads(files[0].read_text(encoding="utf-8"))
    return [k for k, v in data["pairs"].items() if v["reviewed"]]
