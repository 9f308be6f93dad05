"""The generated command-line reference, man page and shell completion."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from reportdiff.cli import COMMAND_MODULES, build_parser
from reportdiff.cli.completion import completion_script
from reportdiff.cli.reference import commands, man, markdown
from tests.conftest import ROOT, run_cli


def test_docs_cli_md_is_current():
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == markdown(build_parser()), (
        "docs/cli.md is out of date: python -m reportdiff.cli.reference markdown > docs/cli.md"
    )


def test_reference_has_every_command_and_option():
    parser = build_parser()
    text = markdown(parser)
    names = [name for name, _ in commands(parser)]
    for command in COMMAND_MODULES:
        assert f"reportdiff {command}" in names
        assert f"## reportdiff {command}\n" in text
    assert "reportdiff archive log" in names
    for option in ("`--stat`", "`-q, --brief`", "`--no-pager`", "`-V, --version`"):
        assert option in text


def test_man_page_renders():
    page = man(build_parser(), date(2024, 1, 2))
    assert page.startswith('.TH REPORTDIFF 1 "2024-01-02"')
    assert ".SH REPORTDIFF COMPARE" in page
    assert "\\-\\-stat" in page
    environment = page.split(".SH ENVIRONMENT")[1].split(".SH ")[0]
    for variable in ("REPORTDIFF_PAGER", "REPORTDIFF_STATE_DIR", "REPORTDIFF_CACHE_DIR"):
        assert variable in environment
    if shutil.which("groff") is None:
        pytest.skip("groff is not installed to render the page")
    shown = subprocess.run(
        ["groff", "-man", "-Tutf8"], input=page, capture_output=True, text=True, check=True
    )
    plain = re.sub(".\x08", "", shown.stdout).replace("‐", "-")  # no bold overstrikes
    assert "--brief" in plain
    assert "error" not in shown.stderr


def test_bash_completion_completes_commands_options_and_files(tmp_path):
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    script = tmp_path / "reportdiff.bash"
    script.write_text(completion_script("bash"), encoding="utf-8")
    (tmp_path / "old-2023.txt").write_text("x", encoding="utf-8")

    def complete(*words: str) -> list[str]:
        probe = (
            f"source {script}; COMP_WORDS=(reportdiff {' '.join(words)}); "
            f"COMP_CWORD={len(words)}; _reportdiff; printf '%s\\n' \"${{COMPREPLY[@]}}\""
        )
        done = subprocess.run(
            ["bash", "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True
        )
        return done.stdout.split()

    assert complete("comp") == ["compare", "completion"]
    assert complete("compare", "--st") == ["--stat"]
    assert "old-2023.txt" in complete("compare", "old")
    assert complete("archive", "l") == ["list", "log"]
    assert complete("compare", "--format", "j") == ["json"]
    assert complete("scan", "--engine", "") == ["dask", "local"]
    assert complete("completion", "") == ["bash", "zsh"]
    assert complete("archive", "log", "--") == complete("archive", "log", "--")[:]
    assert "--stat" not in complete("scan", "--")


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_command_prints_a_script(shell):
    result = run_cli("completion", shell)
    assert result.returncode == 0
    assert "compare" in result.stdout
    assert "archive" in result.stdout


def test_an_unknown_shell_is_refused():
    result = run_cli("completion", "cmd.exe")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
