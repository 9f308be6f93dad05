"""Start-up stays light: the parser and the JSON path load nothing they do not use.

Each test runs the command line in a fresh interpreter and lists the modules it
loaded, so an eager import anywhere on the path shows up here.
"""

import json
import os
import subprocess
import sys

import pytest

from reportdiff.cli import COMMAND_MODULES, build_parser, named_command
from tests.conftest import ROOT

# Libraries that cost tens of milliseconds or more to import, and our own packages
# that only some commands need.
HEAVY = (
    "textual",
    "docx",
    "git",
    "lxml",
    "rich",
    "jieba",
    "numpy",
    "datasketch",
    "charset_normalizer",
    "reportdiff.archive",
    "reportdiff.tui",
    "reportdiff.render.text",
    "reportdiff.render.html",
    "reportdiff.render.docx",
    "reportdiff.scan",
    "reportdiff.core.reuse.corpus",  # the corpus scan's pieces: a pair needs none
    "hashlib",  # (OpenSSL's, loaded for the scan's sentence keys and the review keys)
)

_PROBE = """
import json, runpy, sys
sys.argv = ["reportdiff", *json.loads(sys.argv[1])]
try:
    runpy.run_module("reportdiff", run_name="__main__")
except SystemExit as exc:
    status = exc.code
else:
    status = 0
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def probe(script: str, args: list[str], **extra_env: str) -> dict:
    """Run ``script`` with `reportdiff ARGS` in a fresh interpreter; what it printed last."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **extra_env}
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(args)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def loaded_modules(*args: str, **extra_env: str) -> tuple[int, set[str]]:
    """Run `reportdiff ARGS` in a fresh interpreter; its exit status and modules."""
    report = probe(_PROBE, list(args), **extra_env)
    return report["status"], set(report["modules"])


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.fixture
def pair(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、基本情况\n本单位基本支出5105.15万元。\n", encoding="utf-8")
    new.write_text("一、基本情况\n本单位基本支出5322.40万元。\n", encoding="utf-8")
    return old, new


def test_compare_to_json_loads_nothing_heavy(pair, tmp_path):
    out = tmp_path / "out.json"
    status, modules = loaded_modules(
        "compare",
        str(pair[0]),
        str(pair[1]),
        "--format",
        "json",
        "-o",
        str(out),
        REPORTDIFF_STATE_DIR=str(tmp_path / "state"),  # nothing reviewed
    )
    assert status == 1
    assert json.loads(out.read_text(encoding="utf-8"))["sections"]
    assert heavy_in(modules) == []


def test_compare_to_json_creates_no_dataclass(pair, tmp_path):
    """The path's records are NamedTuples or plain classes: importing dataclasses (and
    inspect with it) and generating each class's methods cost some 20 ms a run."""
    out = tmp_path / "out.json"
    args = ("compare", *map(str, pair), "-o", str(out))
    status, modules = loaded_modules(*args, REPORTDIFF_STATE_DIR=str(tmp_path / "state"))
    assert status == 1
    assert not modules & {"dataclasses", "inspect"}


def test_with_nothing_reviewed_the_review_machinery_stays_unloaded(pair, tmp_path):
    """Saved marks are looked for by listing one folder; the review store, its hashes
    and dates load only when there is something to read."""
    out = tmp_path / "out.json"
    args = ("compare", str(pair[0]), str(pair[1]), "-o", str(out))
    state = tmp_path / "state"
    status, modules = loaded_modules(*args, REPORTDIFF_STATE_DIR=str(state))
    assert status == 1
    lazy = {"reportdiff.review", "reportdiff.review_carry", "filelock"}
    assert not modules & lazy
    assert "reviews" not in json.loads(out.read_text(encoding="utf-8"))
    (state / "reviews").mkdir(parents=True)
    (state / "reviews" / "0123.json").write_text("{}", encoding="utf-8")  # not this pair's
    status, modules = loaded_modules(*args, REPORTDIFF_STATE_DIR=str(state))
    assert status == 1
    assert "reportdiff.review" in modules
    assert "reviews" not in json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("batch", "--help")])
def test_building_the_parser_loads_no_command_implementation(args):
    status, modules = loaded_modules(*args)
    assert status == 0
    assert heavy_in(modules) == []
    assert not [
        m
        for m in modules
        if m.startswith(
            ("reportdiff.core", "reportdiff.readers", "reportdiff.render", "reportdiff.batch")
        )
        or m == "reportdiff.model"
    ]


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_the_version_loads_no_command_module(flag):
    status, modules = loaded_modules(flag)
    assert status == 0
    commands = {m.rsplit(".", 1)[-1] for m in modules if m.startswith("reportdiff.cli.")}
    assert not commands & set(COMMAND_MODULES)


def test_a_run_imports_only_the_command_it_names(pair, tmp_path):
    out = tmp_path / "out.json"
    status, modules = loaded_modules("--no-pager", "compare", *map(str, pair), "-o", str(out))
    assert status == 1
    commands = {m.rsplit(".", 1)[-1] for m in modules if m.startswith("reportdiff.cli.")}
    assert "compare" in commands
    assert not commands & (set(COMMAND_MODULES) - {"compare", "archive"})


@pytest.mark.parametrize("command", COMMAND_MODULES)
def test_a_command_built_alone_reads_as_in_the_whole_parser(command, capsys):
    helps = []
    for parser in (build_parser(), build_parser(only=command)):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1]
    assert named_command(["--no-pager", command, "--help"]) == command
    assert named_command(["--help"]) is None
    assert named_command([command[:-1], command]) is None  # a misspelt command: all


def test_the_batch_sort_choices_are_the_summary_columns():
    from reportdiff.batch.summary import SORT_COLUMNS
    from reportdiff.cli.batch import SORT_CHOICES

    assert tuple(SORT_COLUMNS) == SORT_CHOICES


def test_the_text_report_does_not_load_the_ui_or_the_archive(pair):
    status, modules = loaded_modules("compare", str(pair[0]), str(pair[1]), "--format", "text")
    assert status == 1
    assert not [
        m
        for m in modules
        if m.split(".")[0] in ("textual", "docx", "git")
        or m.startswith(("reportdiff.tui", "reportdiff.archive"))
    ]


_COLLECTIONS = """
import gc, json, sys
sys.argv = ["reportdiff", *json.loads(sys.argv[1])]
from reportdiff.entry import run
seen = []  # (generation, objects frozen then) of each collection from here on
gc.callbacks.append(
    lambda phase, info: seen.append((info["generation"], gc.get_freeze_count()))
    if phase == "start" else None
)
status = run()
print(json.dumps({"status": status, "seen": seen, "enabled": gc.isenabled()}))
"""


def test_the_collector_waits_for_the_command_and_skips_what_start_up_made(pair, tmp_path):
    """No collection walks the objects start-up makes: none runs before the command
    starts, and those after it find them frozen; the command runs with it on."""
    out = tmp_path / "out.json"
    report = probe(_COLLECTIONS, ["compare", *map(str, pair), "-o", str(out)])
    assert report["status"] == 1
    assert report["enabled"]
    assert all(frozen > 10_000 for _, frozen in report["seen"])  # start-up's objects


def test_main_as_a_library_call_leaves_the_collector_alone(pair, tmp_path):
    import gc

    from reportdiff.cli import main

    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    assert main(["compare", *map(str, pair), "-o", str(tmp_path / "o.json")]) == 1
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
