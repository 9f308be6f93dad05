from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reportdiff.archive import Archive, gitstore, parse_ref
from reportdiff.errors import ArchiveError, InputError


def git(archive: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(archive), *args], capture_output=True, text=True, check=True
    ).stdout


def test_add_then_read_back(archive_dir: Path, reports: dict[str, Path]) -> None:
    archive = Archive(archive_dir)
    result = archive.add(reports["2022"], "清河县水利局", 2022)
    assert result.status == "added"
    assert result.summary == "first version"
    [v] = archive.versions()
    assert (v.agency, v.year, v.kind, v.source) == (
        "清河县水利局",
        2022,
        "report",
        "water-2022.txt",
    )
    assert archive.text(v) == reports["2022"].read_text(encoding="utf-8")
    doc = archive.read_document(v)
    assert doc.path == "清河县水利局@2022"
    assert doc.text == archive.text(v)
    files = archive.files(v)
    assert files["original.txt"] == reports["2022"].read_bytes()
    assert git(archive_dir, "rev-parse", "--is-bare-repository").strip() == "true"


def test_identical_content_changes_nothing(archive_dir: Path, reports: dict[str, Path]) -> None:
    archive = Archive(archive_dir)
    archive.add(reports["2022"], "清河县水利局", 2022)
    before = git(archive_dir, "rev-parse", "main")
    again = archive.add(reports["2022"], "清河县水利局", 2022)
    assert again.status == "unchanged"
    assert again.commit is None
    assert git(archive_dir, "rev-parse", "main") == before


def test_changed_file_is_a_revision(archive_dir: Path, reports: dict[str, Path]) -> None:
    archive = Archive(archive_dir)
    archive.add(reports["2022"], "清河县水利局", 2022)
    fixed = reports["2022"].parent / "fixed.txt"
    fixed.write_text(reports["2022"].read_text(encoding="utf-8").replace("偏慢", "较慢"), "utf-8")
    result = archive.add(fixed, "清河县水利局", 2022)
    assert result.status == "revised"
    assert result.summary.startswith("vs previous revision: 1 section changed")
    [v] = archive.versions()
    assert "较慢" in archive.text(v)
    log = archive.log("清河县水利局")
    assert [e.summary.split(":")[0] for e in log] == [
        "清河县水利局@2022 revised",
        "清河县水利局@2022 added",
    ]
    # The first revision stays readable from its commit.
    first = archive.read_document(v, log[-1].commit)
    assert "偏慢" in first.text


def test_log_summarises_against_previous_year(archive_dir: Path, reports: dict[str, Path]) -> None:
    archive = Archive(archive_dir)
    archive.add(reports["2022"], "清河县水利局", 2022)
    archive.add(reports["2023"], "清河县水利局", 2023)
    archive.add(reports["2023"], "Other Bureau", 2023)
    log = archive.log("清河县水利局")
    assert len(log) == 2
    assert (log[0].year, log[0].kind) == (2023, "report")
    assert "vs 2022:" in log[0].summary
    assert "1 added" in log[0].summary
    assert log[0].date >= log[1].date
    assert [e.summary for e in archive.log("Other Bureau")] == [
        "Other Bureau@2023 added: first version"
    ]
    assert archive.log("nobody") == []


def test_resolve_latest_previous_and_kinds(archive_dir: Path, reports: dict[str, Path]) -> None:
    archive = Archive(archive_dir)
    archive.add(reports["2022"], "A", 2021)
    archive.add(reports["2022"], "A", 2022)
    archive.add(reports["2023"], "A", 2023)
    archive.add(reports["2023"], "A", 2023, kind="budget")
    assert archive.resolve(parse_ref("A@latest")).year == 2023
    assert archive.resolve(parse_ref("A@previous")).year == 2022
    assert archive.resolve(parse_ref("A@2023")).kind == "report"  # the default kind wins
    assert archive.resolve(parse_ref("A@2023:budget")).kind == "budget"
    assert archive.resolve(parse_ref("A@latest:budget")).year == 2023
    with pytest.raises(ArchiveError, match="only one archived year"):
        archive.resolve(parse_ref("A@previous:budget"))
    with pytest.raises(ArchiveError, match=r"no archived 2019 version .*have: 2021, 2022, 2023"):
        archive.resolve(parse_ref("A@2019"))
    with pytest.raises(ArchiveError, match="no archived versions of 'B'"):
        archive.resolve(parse_ref("B@2023"))


def test_ambiguous_kinds_ask_for_one(archive_dir: Path, reports: dict[str, Path]) -> None:
    archive = Archive(archive_dir)
    archive.add(reports["2023"], "A", 2023, kind="budget")
    archive.add(reports["2023"], "A", 2023, kind="final")
    with pytest.raises(ArchiveError, match="ambiguous; add :KIND"):
        archive.resolve(parse_ref("A@2023"))


def test_bad_agency_name_never_leaves_the_archive(
    tmp_path: Path, archive_dir: Path, reports: dict[str, Path]
) -> None:
    archive = Archive(archive_dir)
    archive.add(reports["2022"], "../../etc", 2022)
    archive.add(reports["2022"], "/abs/path", 2022)
    paths = git(archive_dir, "ls-tree", "-r", "--name-only", "-z", "main").split("\0")
    assert {p.split("/")[0] for p in paths if p} == {"%2E.%2F..%2Fetc", "%2Fabs%2Fpath"}
    assert all(".." not in p.split("/") for p in paths)
    assert sorted(v.agency for v in archive.versions()) == ["../../etc", "/abs/path"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "archive",
        "water-2022.txt",
        "water-2023.txt",
    ]
    # git itself accepts the trees it is given.
    git(archive_dir, "fsck", "--strict", "--no-dangling")


def test_unreadable_inputs_are_refused_before_writing(
    archive_dir: Path, tmp_path: Path, reports: dict[str, Path]
) -> None:
    archive = Archive(archive_dir)
    doc = tmp_path / "x.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(ArchiveError, match=r"only \.txt, \.md, \.docx and \.pdf"):
        archive.add(doc, "A", 2022)
    cut = tmp_path / "x.pdf"
    cut.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="damaged or truncated PDF"):
        archive.add(cut, "A", 2022)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError):
        archive.add(empty, "A", 2022)
    with pytest.raises(ArchiveError):
        archive.add(reports["2022"], "A", "22")
    assert not gitstore.is_repository(archive_dir)


def test_reading_a_missing_archive_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no report archive at"):
        Archive(tmp_path / "none").versions()
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(ArchiveError, match="no report archive at"):
        Archive(plain).log("A")


def test_interrupted_add_leaves_the_archive_valid(
    archive_dir: Path, reports: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = Archive(archive_dir)
    archive.add(reports["2022"], "A", 2022)
    head = git(archive_dir, "rev-parse", "main")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # dies after the objects are written, before the ref moves

    monkeypatch.setattr(gitstore, "commit_tree", crash)
    with pytest.raises(KeyboardInterrupt):
        archive.add(reports["2023"], "A", 2023)
    monkeypatch.undo()
    assert git(archive_dir, "rev-parse", "main") == head
    assert [v.year for v in archive.versions()] == [2022]
    git(archive_dir, "fsck", "--strict")
    assert archive.add(reports["2023"], "A", 2023).status == "added"  # lock was released


def test_a_stale_parent_is_refused(archive_dir: Path, reports: dict[str, Path]) -> None:
    archive = Archive(archive_dir)
    archive.add(reports["2022"], "A", 2022)
    with gitstore.open_repo(archive_dir) as repo:
        stale = gitstore.branch_commit(repo, "main")
    archive.add(reports["2023"], "A", 2023)
    with (
        gitstore.open_repo(archive_dir) as repo,
        pytest.raises(ArchiveError, match="changed while writing"),
    ):
        gitstore.commit_tree(repo, "main", stale.tree.binsha, "lost update", stale)
    assert [v.year for v in archive.versions()] == [2022, 2023]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Harbor Police", "harbor police"),
        ("HARBOR POLICE", "Harbor Police"),
        ("Straße Amt", "STRASSE AMT"),
    ],
)
def test_names_differing_only_in_case_are_one_agency(
    archive_dir: Path, reports: dict[str, Path], first: str, second: str
) -> None:
    """A checkout on Windows or macOS cannot hold two folders differing only in case."""
    archive = Archive(archive_dir)
    archive.add(reports["2022"], first, 2022)
    added = archive.add(reports["2023"], second, 2023)
    folders = {v.parts[0].casefold() for v in archive.versions()}
    assert len(folders) == 1
    assert added.version.agency == first  # the archived spelling is kept
    assert added.summary.startswith("vs 2022")  # compared with the other-case year
    assert [v.year for v in archive.versions(second)] == [2022, 2023]
    assert len(archive.log(second)) == 2
    assert archive.resolve(parse_ref(f"{second}@previous")).year == 2022
