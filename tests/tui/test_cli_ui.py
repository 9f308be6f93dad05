"""When the CLI opens the UI, and that printing never loads textual."""

from __future__ import annotations

import argparse
import subprocess
import sys

from reportdiff.cli.compare import wants_ui
from tests.conftest import ROOT, SAMPLES


def test_printing_paths_never_import_textual():
    code = (
        "import sys\n"
        "from reportdiff.cli import main\n"
        f"main(['compare', {str(SAMPLES / 'zh/qingshui-water-2023.txt')!r}, "
        f"{str(SAMPLES / 'zh/qingshui-water-2024.txt')!r}])\n"
        "main(['demo', '--format', 'json'])\n"
        "print('TEXTUAL', 'textual' in sys.modules, file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
        timeout=60,
    )
    assert "TEXTUAL False" in out.stderr, out.stderr
    assert "qingshui-water-2024.txt" in out.stdout


def test_ui_only_on_a_terminal_without_format_or_output(monkeypatch):
    args = argparse.Namespace(format=None, output=None)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    assert wants_ui(args)
    assert not wants_ui(argparse.Namespace(format="text", output=None))
    assert not wants_ui(argparse.Namespace(format=None, output="x.txt"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert not wants_ui(args)
