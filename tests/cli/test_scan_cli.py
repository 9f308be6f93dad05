"""`reportdiff scan DIR` as a user runs it: formats, output file, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reportdiff.cli import main
from tests.conftest import run_cli

SHARED = "本部门严格执行预算管理制度，加强资金使用监督，确保各项资金专款专用并按规定拨付到位。"


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    for i, own in enumerate(
        ["防汛抗旱工作扎实推进，全年未发生重大险情。", "道路养护里程增加，桥梁检测全部完成。"]
    ):
        (d / f"r{i}.txt").write_text(f"第{i}号报告\n一、概况\n{SHARED}\n{own}\n", encoding="utf-8")
    return d


def test_text_output_lists_the_shared_passage(folder, capsys) -> None:
    assert main(["scan", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Scanned 2 reports: 1 shared passage (")
    assert "[shared] in 2 reports: r0.txt, r1.txt" in out
    assert SHARED in out


def test_json_and_csv(folder, capsys, tmp_path) -> None:
    main(["scan", str(folder), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "reportdiff.scan/1"
    (cluster,) = data["clusters"]
    assert cluster["count"] == 2
    assert cluster["text"] == SHARED
    occurrence = cluster["occurrences"][0]
    text = (folder / occurrence["path"]).read_text(encoding="utf-8")
    assert text[occurrence["start"] : occurrence["end"]] == SHARED
    (tmp_path / "out").mkdir()
    out_file = tmp_path / "out" / "docs.csv"
    main(["scan", str(folder), "--format", "csv", "-o", str(out_file)])
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert [r["path"] for r in rows] == ["r1.txt", "r0.txt"]  # r1 has less text of its own
    assert float(rows[0]["shared_share"]) > float(rows[1]["shared_share"])
    assert all(0.4 < float(r["shared_share"]) < 0.9 for r in rows)
    main(["scan", str(folder), "--format", "csv", "--table", "clusters"])
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["documents"] == "r0.txt;r1.txt"


def test_errors_are_one_line(tmp_path, capsys) -> None:
    assert main(["scan", str(tmp_path / "missing")]) == 2
    assert "is not a directory" in capsys.readouterr().err
    assert main(["scan", str(tmp_path)]) == 2
    assert "no .txt, .md, .docx or .pdf reports" in capsys.readouterr().err


def test_no_progress_bar_when_not_a_terminal(folder) -> None:
    result = run_cli("scan", str(folder), "--format", "json")
    assert result.returncode == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)["summary"]["documents"] == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_and_ends_the_line() -> None:
    from reportdiff.scan import ProgressBar

    screen = _Terminal()
    bar = ProgressBar("scanning", screen)
    for done in range(1, 4):
        bar(done, 3)
    assert screen.getvalue().startswith("\rscanning ")
    assert screen.getvalue().endswith(" 3/3\n")
    quiet = io.StringIO()
    ProgressBar("scanning", quiet)(1, 1)
    assert quiet.getvalue() == ""


def test_template_share_marks_passages_template(folder, capsys) -> None:
    for i in (2, 3):
        (folder / f"r{i}.txt").write_text(f"第{i}号报告\n一、概况\n{SHARED}\n", encoding="utf-8")
    main(["scan", str(folder), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["clusters"][0]["kind"] == "template"
    (folder / "r4.txt").write_text(
        "第4号报告\n一、概况\n全年植树造林一千二百亩，成活率稳步提高。\n", encoding="utf-8"
    )
    main(["scan", str(folder), "--format", "json", "--template-share", "0.9"])
    assert json.loads(capsys.readouterr().out)["clusters"][0]["kind"] == "shared"  # 4 of 5
    assert main(["scan", str(folder), "--template-share", "0"]) == 2
    assert "--template-share must be in (0, 1]" in capsys.readouterr().err
