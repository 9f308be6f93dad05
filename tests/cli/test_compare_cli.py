"""The compare command as a user runs it: exit statuses, output, errors."""

import pytest

from reportdiff.cli import COMMAND_MODULES, build_parser, main
from tests.conftest import run_cli, write_pair

OLD = "一、基本情况\n本单位基本支出5105.15万元。\n二、存在问题\n预算编制不够精确。\n"
NEW = "一、基本情况\n本单位基本支出5322.40万元。\n二、存在问题\n预算编制不够精确。\n"


@pytest.fixture
def pair(tmp_path):
    return write_pair(tmp_path, OLD, NEW)


def test_differences_exit_1_and_show_the_edit(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), "--format", "text"]) == 1
    out = capsys.readouterr().out
    assert "[-5105.15万元-]{+5322.40万元+}" in out
    assert "1 changed" in out


def test_identical_exit_0(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[0]), "--format", "text"]) == 0
    assert "identical" in capsys.readouterr().out


def test_trouble_exits_2_with_one_line_and_no_traceback(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run_cli("compare", str(missing), str(missing))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_file_is_written_and_stdout_stays_empty(pair, tmp_path, capsys):
    out = tmp_path / "report.txt"
    assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(out)]) == 1
    assert capsys.readouterr().out == ""
    assert "5322.40万元" in out.read_text(encoding="utf-8")


def test_color_only_when_asked(pair, capsys):
    main(["compare", str(pair[0]), str(pair[1]), "--format", "text", "--color", "always"])
    assert "\x1b[" in capsys.readouterr().out
    main(["compare", str(pair[0]), str(pair[1]), "--format", "text"])
    assert "\x1b[" not in capsys.readouterr().out


@pytest.mark.parametrize("command", COMMAND_MODULES)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([command, "--help"])
    assert exc.value.code == 0
    assert command in capsys.readouterr().out


def test_every_command_is_documented_in_readme_or_docs():
    from tests.conftest import ROOT

    # docs/cli.md is generated from the parser, so it does not count as documentation.
    written = [ROOT / "README.md", *(p for p in (ROOT / "docs").glob("*.md") if p.name != "cli.md")]
    text = "\n".join(p.read_text(encoding="utf-8") for p in written)
    for command in COMMAND_MODULES:
        assert f"reportdiff {command}" in text, command


def test_time_budget_fallback_is_stated_in_the_output(tmp_path, capsys):
    sentences = [f"第{i}项工作完成情况良好，累计投入资金{i * 7}万元。" for i in range(300)]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、工作情况\n" + "".join(sentences) + "\n", encoding="utf-8")
    new.write_text(
        "一、工作情况\n" + "".join(s.replace("良好", "较好") for s in reversed(sentences)) + "\n",
        encoding="utf-8",
    )
    assert main(["compare", str(old), str(new), "--format", "text", "--timeout", "1e-6"]) == 1
    out = capsys.readouterr().out
    assert "sentence-level diff" in out
    assert "note:" in out


def test_demo_runs_from_any_directory(tmp_path):
    result = run_cli("demo", "--format", "text", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Outline" in result.stdout


@pytest.mark.parametrize("where", ["a-directory", "missing-folder/out.txt"])
def test_bad_output_path_is_one_line_and_exit_2(pair, tmp_path, where):
    (tmp_path / "a-directory").mkdir()
    result = run_cli("compare", str(pair[0]), str(pair[1]), "-o", str(tmp_path / where))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "missing-folder").exists()
