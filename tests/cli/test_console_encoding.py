"""Output to a console or redirect that is not UTF-8 (Windows' code pages, a POSIX
locale): text in the code page with stand-ins for what it lacks, machine formats as
UTF-8, never a failed run."""

import json
import os
import subprocess
import sys

import pytest

from reportdiff.cli import console
from tests.conftest import ROOT

SAMPLES = ROOT / "samples"
ZH = (SAMPLES / "zh" / "qingshui-water-2023.txt", SAMPLES / "zh" / "qingshui-water-2024.txt")
EN = (SAMPLES / "en" / "harbor-transit-2023.md", SAMPLES / "en" / "harbor-transit-2024.md")


def run_in(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The command line with stdout in ``encoding``, as a redirect on Windows gets it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    env["PYTHONIOENCODING"] = encoding
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-X", "utf8=0", "-m", "reportdiff", *args],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("encoding", "pair", "words"),
    [("gbk", ZH, "清水县水利局"), ("gb18030", ZH, "清水县水利局"), ("cp1252", EN, "Harbor")],
)
def test_a_text_report_is_written_in_the_consoles_code_page(encoding, pair, words):
    result = run_in(encoding, "compare", *map(str, pair), "--no-pager")
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    assert result.stderr == b""
    text = result.stdout.decode(encoding)  # strict: every byte is the code page's
    assert words in text
    assert "->" in text or "→" in text  # the heading's arrow, or its stand-in


def test_marks_the_code_page_lacks_are_shown_as_stand_ins_not_question_marks():
    utf8 = run_in("utf-8", "compare", *map(str, ZH), "--no-pager").stdout.decode("utf-8")
    gbk = run_in("gbk", "compare", *map(str, ZH), "--no-pager").stdout.decode("gbk")
    assert "⏎" in utf8  # a line break inside an edit
    assert "|" in gbk

    def in_gbk(c: str) -> str:
        try:
            c.encode("gbk")
        except UnicodeEncodeError:
            return console._STAND_INS[c]  # every mark the report draws has one
        return c

    assert gbk == "".join(map(in_gbk, utf8))  # the rest stands as it is


@pytest.mark.parametrize(
    "command", [("compare", "--format", "json"), ("figures", "--format", "json")]
)
def test_json_is_utf8_whatever_the_console(command):
    name, *options = command
    files = map(str, ZH) if name == "compare" else [str(ZH[1])]
    args = (name, *files, *options)
    utf8 = run_in("utf-8", *args)
    ascii_console = run_in("ascii", *args)
    assert ascii_console.stdout == utf8.stdout
    assert json.loads(ascii_console.stdout.decode("utf-8"))


def test_a_scan_table_to_a_code_page_console_is_utf8(tmp_path):
    for year, path in zip((2023, 2024), ZH, strict=True):
        (tmp_path / f"清水县水利局-{year}.txt").write_bytes(path.read_bytes())
    result = run_in("cp1252", "scan", str(tmp_path), "--format", "csv")
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")
    assert "清水县" in result.stdout.decode("utf-8-sig")


def test_every_stand_in_is_ascii_and_each_replaced_mark_is_outside_gbk_or_cp1252():
    for mark, stand_in in console._STAND_INS.items():
        assert stand_in
        assert stand_in.isascii()
        assert mark != stand_in


def test_a_pager_gets_the_code_page_with_stand_ins():
    class Cp1252:
        encoding = "cp1252"

    assert console.encode_for(Cp1252(), "收入 → 5% ⏎ x") == b"?? -> 5% | x"  # type: ignore[arg-type]


# --- colour on a Windows console ---------------------------------------------------


class _Kernel32:
    """A Windows console as kernel32 reports it: its mode, and whether it may change."""

    def __init__(self, mode: int | None, switchable: bool = True) -> None:
        self.mode, self.switchable, self.set_to = mode, switchable, None

    def GetConsoleMode(self, _handle, pointer):
        if self.mode is None:
            return 0  # not a console
        pointer._obj.value = self.mode
        return 1

    def SetConsoleMode(self, _handle, mode):
        self.set_to = mode
        return 1 if self.switchable else 0


@pytest.fixture
def windows(monkeypatch):
    import ctypes
    import types

    def console(kernel32: _Kernel32) -> None:
        monkeypatch.setattr(sys, "platform", "win32")
        msvcrt = types.SimpleNamespace(get_osfhandle=lambda fd: 1000 + fd)
        monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
        monkeypatch.setattr(
            ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False
        )

    return console


class _Stdout:
    def fileno(self) -> int:
        return 1


def test_a_classic_windows_console_is_switched_to_read_colour_codes(windows):
    kernel32 = _Kernel32(mode=0x0003)
    windows(kernel32)
    assert console.shows_ansi(_Stdout())  # type: ignore[arg-type]
    assert kernel32.set_to == 0x0003 | 0x0004


def test_a_console_that_cannot_be_switched_gets_no_colour_codes(windows):
    kernel32 = _Kernel32(mode=0x0003, switchable=False)
    windows(kernel32)
    assert not console.shows_ansi(_Stdout())  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", [None, 0x0007])
def test_a_pipe_or_a_console_reading_colour_already_is_left_as_it_is(windows, mode):
    kernel32 = _Kernel32(mode=mode)
    windows(kernel32)
    assert console.shows_ansi(_Stdout())  # type: ignore[arg-type]
    assert kernel32.set_to is None


def test_elsewhere_colour_codes_always_show(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert console.shows_ansi(_Stdout())  # type: ignore[arg-type]
