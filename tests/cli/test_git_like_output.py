"""The text output behaves as git and diff users expect: a pager on a terminal,
--stat, --brief, one line for identical inputs, - for stdin, the format told by -o's
extension, colour by the usual variables, positions as line:column of the file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportdiff.cli import main
from reportdiff.cli.output import colour_wanted
from reportdiff.cli.pager import DEFAULT_PAGER, pager_command
from reportdiff.cli.progress import fit, working
from tests.conftest import ROOT, run_cli, write_pair

OLD = (
    "一、基本情况\n本单位基本支出5105.15万元。\n"
    "二、存在问题\n预算编制不够精确。\n"
    "三、下一步打算\n加强预算管理。\n"
)
NEW = (
    "一、基本情况\n本单位基本支出5322.40万元，较上年有所增加。\n"
    "二、存在问题\n预算编制不够精确。\n"
    "三、下一步打算\n加强预算管理，提高资金使用效益。\n"
)


@pytest.fixture
def pair(tmp_path):
    return write_pair(tmp_path, OLD, NEW)


# --- the pager ------------------------------------------------------------------

RECORDER = """#!/bin/sh
cat > "$RECORD_TO"
echo "$@" > "$RECORD_TO.args"
"""


def run_on_terminal(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str]:
    """Run the CLI with stdin and stdout on a pseudo-terminal; its status and screen."""
    pty = pytest.importorskip("pty", reason="pseudo-terminals exist on POSIX only")
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportdiff", *args],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
        cwd=cwd,
    )
    os.close(slave)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    status = proc.wait(timeout=60)
    os.close(master)
    assert proc.stderr is not None
    errors = proc.stderr.read().decode("utf-8", errors="replace")
    proc.stderr.close()
    assert "Traceback" not in errors
    return status, screen.decode("utf-8", errors="replace")


@pytest.fixture
def recorder(tmp_path):
    script = tmp_path / "record-pager"
    script.write_text(RECORDER, encoding="utf-8")
    script.chmod(0o755)
    return script, tmp_path / "paged.txt"


@pytest.mark.parametrize("variable", ["REPORTDIFF_PAGER", "PAGER"])
def test_text_on_a_terminal_goes_through_the_pager(pair, recorder, tmp_path, variable):
    script, record = recorder
    env = {variable: f"{script} --from-env", "RECORD_TO": str(record), "NO_COLOR": "1"}
    if variable == "PAGER":
        env["REPORTDIFF_PAGER"] = ""
        del env["REPORTDIFF_PAGER"]
    status, screen = run_on_terminal(
        ["compare", str(pair[0]), str(pair[1]), "--format", "text"], env, tmp_path
    )
    assert status == 1
    paged = record.read_text(encoding="utf-8")
    assert "[-5105.15万元-]{+5322.40万元" in paged
    assert "5322.40" not in screen  # the report went to the pager, not to the terminal
    assert (tmp_path / "paged.txt.args").read_text().strip() == "--from-env"


def test_reportdiff_pager_wins_over_pager(pair, recorder, tmp_path):
    script, record = recorder
    env = {"REPORTDIFF_PAGER": str(script), "PAGER": "false", "RECORD_TO": str(record)}
    run_on_terminal(["compare", str(pair[0]), str(pair[1]), "--stat"], env, tmp_path)
    assert "§1 一、基本情况" in record.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "OLD", "NEW", "--format", "text", "--no-pager"],
        ["--no-pager", "compare", "OLD", "NEW", "--format", "text"],
    ],
)
def test_no_pager_prints_to_the_terminal(pair, recorder, tmp_path, args):
    script, record = recorder
    args = [{"OLD": str(pair[0]), "NEW": str(pair[1])}.get(a, a) for a in args]
    env = {"REPORTDIFF_PAGER": str(script), "RECORD_TO": str(record), "NO_COLOR": "1"}
    status, screen = run_on_terminal(args, env, tmp_path)
    assert status == 1
    assert not record.exists()
    assert "5322.40" in screen


def test_no_pager_when_stdout_is_not_a_terminal(pair, recorder, tmp_path):
    script, record = recorder
    result = subprocess.run(
        [sys.executable, "-m", "reportdiff", "compare", str(pair[0]), str(pair[1])],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "REPORTDIFF_PAGER": str(script),
            "RECORD_TO": str(record),
        },
        check=False,
    )
    assert result.returncode == 1
    assert not record.exists()
    assert "5322.40" in result.stdout


def test_pager_command_order_and_defaults(monkeypatch):
    assert pager_command({"REPORTDIFF_PAGER": "most", "PAGER": "more"}) == "most"
    assert pager_command({"PAGER": "more"}) == "more"
    assert pager_command({"PAGER": ""}) is None
    assert pager_command({"REPORTDIFF_PAGER": "cat", "PAGER": "more"}) is None
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/less")
    monkeypatch.setattr("os.name", "posix")
    assert pager_command({}) == DEFAULT_PAGER == "less -FRX"
    monkeypatch.setattr("os.name", "nt")  # Windows has no less: no pager unless named
    assert pager_command({}) is None
    assert pager_command({"PAGER": "more"}) == "more"


# --- short forms -------------------------------------------------------------------


def test_stat_has_a_line_per_changed_section_and_totals(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), "--stat"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # §1 and §3 changed, §2 did not; then the totals
    first, third, totals = lines
    assert first.split("|")[0].strip() == "§1 一、基本情况"
    count, bar = first.split("|")[1].split()
    assert int(count) == bar.count("+") + bar.count("-")
    assert bar.count("-") >= 1
    assert bar.count("+") > bar.count("-")
    assert third.split("|")[0].strip() == "§3 三、下一步打算"
    assert set(third.split("|")[1].split()[1]) == {"+"}  # only an insertion
    assert totals.strip().startswith("2 sections changed")
    assert "inserted(+)" in totals
    assert "deleted(-)" in totals


def test_stat_scales_its_bars_to_the_width(tmp_path, capsys):
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    body = "".join(f"第{i}项工作完成情况良好。" for i in range(200))
    old.write_text("一、工作情况\n短句。\n", encoding="utf-8")
    new.write_text(f"一、工作情况\n短句。{body}\n", encoding="utf-8")
    main(["compare", str(old), str(new), "--stat"])
    line = capsys.readouterr().out.splitlines()[0]
    assert len(line) <= 100
    assert int(line.split("|")[1].split()[0]) > 1000


@pytest.mark.parametrize("inserted", [0, 1, 3, 40])
@pytest.mark.parametrize("deleted", [0, 1, 2, 500])
def test_a_stat_bar_shows_each_kind_of_change_a_section_has(inserted, deleted):
    """However the bars are scaled down for the largest section (3,000 characters into
    20 cells here), a section with insertions shows a +, one with deletions a -, as in
    git diff --stat: a one-character 市→区 is +-, not -."""
    from reportdiff.render.stat import PairStat, _bar

    bar = _bar(PairStat("§1", inserted, deleted), 20, 3000, False)
    assert ("+" in bar) == bool(inserted)
    assert ("-" in bar) == bool(deleted)
    assert len(bar) <= 20


def test_brief_says_differ_or_nothing(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), "--brief"]) == 1
    assert capsys.readouterr().out == f"Files {pair[0]} and {pair[1]} differ\n"
    assert main(["compare", str(pair[0]), str(pair[0]), "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_identical_inputs_print_one_line(pair, capsys):
    for extra in ([], ["--stat"]):
        assert main(["compare", str(pair[0]), str(pair[0]), "--format", "text", *extra]) == 0
        assert capsys.readouterr().out == f"Files {pair[0]} and {pair[0]} are identical\n"


def test_stat_and_brief_exclude_each_other(pair):
    result = run_cli("compare", str(pair[0]), str(pair[1]), "--stat", "--brief")
    assert result.returncode == 2
    assert "not allowed with" in result.stderr


# --- stdin -------------------------------------------------------------------------


def test_dash_reads_one_input_from_stdin(pair):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    for args in (["-", str(pair[1])], [str(pair[0]), "-"]):
        stdin = OLD if args[0] == "-" else NEW
        result = subprocess.run(
            [sys.executable, "-m", "reportdiff", "compare", *args, "--format", "json"],
            input=stdin.encode("utf-8"),
            capture_output=True,
            env=env,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        data = json.loads(result.stdout)
        assert data["old" if args[0] == "-" else "new"]["path"] == "-"
        assert data["summary"]["numbers_changed"] == 1


def test_dash_twice_and_empty_stdin_are_refused(pair):
    result = run_cli("compare", "-", "-")
    assert result.returncode == 2
    assert "only one of OLD and NEW" in result.stderr
    empty = subprocess.run(
        [sys.executable, "-m", "reportdiff", "compare", "-", str(pair[1])],
        input=b"",
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert empty.returncode == 2
    assert empty.stderr.decode().startswith("reportdiff: error: -: is empty")


# --- -o and its extension ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.json", lambda data: json.loads(data.decode("utf-8"))["schema"]),
        ("out.html", lambda data: data.lstrip().lower().startswith(b"<!doctype html")),
        ("out.docx", lambda data: data[:2] == b"PK"),
        ("out.txt", lambda data: data.decode("utf-8").startswith("reportdiff ")),
        ("out.report", lambda data: data.decode("utf-8").startswith("reportdiff ")),
    ],
)
def test_output_format_follows_the_extension(pair, tmp_path, name, check):
    target = tmp_path / name
    assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(target)]) == 1
    assert check(target.read_bytes())


def test_format_wins_over_the_extension(pair, tmp_path):
    target = tmp_path / "out.html"
    main(["compare", str(pair[0]), str(pair[1]), "--format", "json", "-o", str(target)])
    assert json.loads(target.read_text(encoding="utf-8"))["schema"]


def test_an_extension_the_command_cannot_write_is_refused(pair, tmp_path):
    result = run_cli("compare", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "x.csv"))
    assert result.returncode == 2
    assert "does not write csv" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_scan_and_figures_infer_from_the_extension_too(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(
            f"一、基本情况\n本单位基本支出{i}万元。全面加强预算管理，提高资金使用效益。\n",
            encoding="utf-8",
        )
    assert main(["scan", str(folder), "-o", str(tmp_path / "scan.csv")]) == 0
    assert (tmp_path / "scan.csv").read_text(encoding="utf-8").splitlines()[0].count(",") >= 2
    assert main(["figures", str(folder / "r1.txt"), "-o", str(tmp_path / "f.json")]) == 0
    assert json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["figures"]


# --- colour -------------------------------------------------------------------------


def test_colour_variables():
    assert colour_wanted(False, {"FORCE_COLOR": "1"})
    assert colour_wanted(False, {"CLICOLOR_FORCE": "1"})
    assert not colour_wanted(False, {"FORCE_COLOR": "0"})
    assert colour_wanted(True, {})
    assert not colour_wanted(True, {"NO_COLOR": "1"})
    assert colour_wanted(True, {"NO_COLOR": ""})  # empty means unset
    assert colour_wanted(True, {"NO_COLOR": "1", "FORCE_COLOR": "1"})


def test_force_color_colours_a_pipe(pair):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FORCE_COLOR": "1"}
    env.pop("NO_COLOR", None)
    args = [sys.executable, "-m", "reportdiff", "compare", str(pair[0]), str(pair[1])]
    forced = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert "\x1b[" in forced.stdout
    plain = subprocess.run([*args, "--color", "never"], capture_output=True, text=True, env=env)
    assert "\x1b[" not in plain.stdout


# --- version ------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag):
    from reportdiff import __version__

    result = run_cli(flag)
    assert result.returncode == 0
    assert result.stdout == f"reportdiff {__version__}\n"


# --- progress ------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only_and_is_cleared():
    term, pipe = _Terminal(), io.StringIO()
    with working("comparing a.txt and b.txt", term), working("x", pipe):
        assert term.getvalue() == "comparing a.txt and b.txt…"
    assert term.getvalue().endswith("\r\x1b[K")
    assert pipe.getvalue() == ""
    with working("not shown", term, shown=False):
        pass
    assert "not shown" not in term.getvalue()


def test_progress_message_fits_one_row():
    assert fit("道县公安局2023年度报告.txt", 10) == "道县公安…"
    assert fit("short", 10) == "short"
    assert len(fit("x" * 500, 79)) == 79


@pytest.mark.parametrize(
    ("short", "target"),
    [("--stat", ("-o", "s.json")), ("-q", ("-o", "q.html")), ("--stat", ("--format", "json"))],
)
def test_a_short_form_with_a_machine_format_is_refused_not_ignored(pair, tmp_path, short, target):
    args = [a if not a.endswith((".json", ".html")) else str(tmp_path / a) for a in target]
    result = run_cli("compare", *map(str, pair), short, *args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert f"{short} prints a short text form" in result.stderr
    assert not list(tmp_path.glob("?.json"))
    assert not list(tmp_path.glob("?.html"))


def test_a_short_form_may_go_to_a_text_file(pair, tmp_path):
    out = tmp_path / "stat.txt"
    result = run_cli("compare", *map(str, pair), "--stat", "-o", str(out))
    assert result.returncode == 1
    assert "|" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("command", "name"), [("compare", "review.pdf"), ("compare", "x.xlsx")])
def test_an_extension_of_a_format_never_written_is_refused_not_filled_with_text(
    pair, tmp_path, command, name
):
    out = tmp_path / name
    result = run_cli(command, *map(str, pair), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "is not written; write .html, .json, .docx, .txt" in result.stderr
    assert not out.exists()
