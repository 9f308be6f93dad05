"""compare --template and --corpus as a user runs them."""

from __future__ import annotations

import json

from reportdiff.cli import main

DUTIES = "本局负责全县森林资源保护、造林绿化和林业产业发展等工作，内设机构五个。\n"
OLD = "某县林业局2023年度报告\n一、概况\n" + DUTIES
NEW = (
    "某县林业局2024年度报告\n一、概况\n"
    + DUTIES
    + "从预算单位构成看，某县林业局部门决算包括：某县林业局本级决算、下属行政事业单位决算。\n"
    "今年新建防火瞭望塔两座，配备无人机巡护队伍一支，实现重点林区全天候监测。\n"
)
BLANK = (
    "XX局部门决算\n一、构成\n"
    "从预算单位构成看，XX局部门决算包括：XX局本级决算、下属行政事业单位决算。\n"
)
OTHER = (
    "某县水利局2024年度报告\n一、概况\n"
    "今年新建防火瞭望塔两座，配备无人机巡护队伍一支，实现重点林区全天候监测。\n"
)


def _files(tmp_path):
    paths = {}
    for name, text in {"old.txt": OLD, "new.txt": NEW, "blank.txt": BLANK}.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "other.txt").write_text(OTHER, encoding="utf-8")
    (corpus / "broken.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # not a report suffix: ignored
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    return paths, corpus


def test_template_and_corpus_flags_in_text_and_json(tmp_path, capsys) -> None:
    paths, corpus = _files(tmp_path)
    args = ["compare", str(paths["old.txt"]), str(paths["new.txt"])]
    args += ["--template", str(paths["blank.txt"]), "--corpus", str(corpus)]
    main([*args, "--format", "text"])
    captured = capsys.readouterr()
    assert "as in template blank.txt §一" in captured.out
    assert "also in other.txt §一" in captured.out
    assert "Carried over from OLD:" in captured.out
    assert "skipped" in captured.err
    assert "empty.txt" in captured.err
    main([*args, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    kinds = {f["kind"] for f in data["boilerplate"]}
    assert {"carried_over", "template", "shared"} <= kinds
    assert 0 < data["carried_over"]["share"] < 1
    assert data["carried_over"]["sections"]["1"] > 0


def test_corpus_that_is_not_a_directory_is_one_line_error(tmp_path, capsys) -> None:
    paths, _ = _files(tmp_path)
    status = main(
        ["compare", str(paths["old.txt"]), str(paths["new.txt"]), "--corpus", str(paths["old.txt"])]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert "is not a reportdiff corpus index" in err


def test_corpus_index_made_by_scan_stands_for_the_folder(tmp_path, capsys) -> None:
    paths, corpus = _files(tmp_path)
    (corpus / "new.txt").write_text(NEW, encoding="utf-8")  # NEW itself: never its own evidence
    index = tmp_path / "corpus.db"
    assert main(["scan", str(corpus), "--index", str(index), "-o", str(tmp_path / "s.txt")]) == 0
    capsys.readouterr()
    args = ["compare", str(paths["old.txt"]), str(corpus / "new.txt"), "--format", "json"]
    main([*args, "--corpus", str(index)])
    with_index = json.loads(capsys.readouterr().out)
    shared = [f for f in with_index["boilerplate"] if f["kind"] == "shared"]
    assert [f["detail"] for f in shared] == ["also in other.txt §一"]
    assert "防火瞭望塔" in shared[0]["text"]
    main([*args, "--corpus", str(corpus)])
    with_folder = json.loads(capsys.readouterr().out)
    assert _corpus_flags(with_folder) == _corpus_flags(with_index)


def _corpus_flags(result: dict) -> list[tuple[str, int, int, str]]:
    return [
        (f["kind"], f["start"], f["end"], f["detail"])
        for f in result["boilerplate"]
        if f["kind"] in ("shared", "template")
    ]


def _two_years(tmp_path):
    """An index of two adds, 2023/ and 2024/, each holding OTHER under its section."""
    paths, _ = _files(tmp_path)
    index = tmp_path / "corpus.db"
    for year in ("2023", "2024"):
        folder = tmp_path / year
        folder.mkdir()
        body = OTHER.replace("一、概况", "一、概况\n本年度各项工作稳步推进。\n二、重点工作")
        (folder / f"water-{year}.txt").write_text(body.replace("2024", year), encoding="utf-8")
        assert main(["scan", str(folder), "--index", str(index), "-o", str(tmp_path / "s")]) == 0
    return paths, index


def test_index_evidence_names_report_year_and_section_in_every_format(tmp_path, capsys) -> None:
    paths, index = _two_years(tmp_path)
    capsys.readouterr()
    args = ["compare", str(paths["old.txt"]), str(paths["new.txt"]), "--corpus", str(index)]
    expected = "also in 2023/water-2023.txt §二 and 2024/water-2024.txt §二"
    main([*args, "--format", "json"])
    details = [f["detail"] for f in json.loads(capsys.readouterr().out)["boilerplate"]]
    assert expected in details
    main([*args, "--format", "text"])
    assert expected in capsys.readouterr().out
    html = tmp_path / "out.html"
    main([*args, "--format", "html", "-o", str(html)])
    assert expected in html.read_text(encoding="utf-8")


def test_index_evidence_without_section_when_the_report_changed(tmp_path, capsys) -> None:
    paths, index = _two_years(tmp_path)
    moved = tmp_path / "2023" / "water-2023.txt"
    moved.write_text("一、另一份文件\n" + moved.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "2024" / "water-2024.txt").unlink()
    capsys.readouterr()
    args = ["compare", str(paths["old.txt"]), str(paths["new.txt"]), "--corpus", str(index)]
    main([*args, "--format", "json"])
    details = [f["detail"] for f in json.loads(capsys.readouterr().out)["boilerplate"]]
    # the offsets indexed no longer hold in a changed file, and a gone one cannot be read:
    # the reports are still named, without a section that could be the wrong one
    assert "also in 2023/water-2023.txt and 2024/water-2024.txt" in details


def test_missing_template_is_one_line_error(tmp_path, capsys) -> None:
    paths, _ = _files(tmp_path)
    status = main(
        [
            "compare",
            str(paths["old.txt"]),
            str(paths["new.txt"]),
            "--template",
            str(tmp_path / "nope.txt"),
        ]
    )
    assert status == 2
    assert "no such file" in capsys.readouterr().err
