"""Review marks and notes travel: into the JSON, the HTML report and the Word redline,
through `reportdiff reviews`, and forward onto a revised submission."""

from __future__ import annotations

import json
import zipfile
from importlib import resources
from pathlib import Path

import docx
import jsonschema
import pytest

from reportdiff.cli import main
from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.review import DirectoryReviewStore, open_review, pair_key

from .agency_reports import report_text, write

AGENCY = 3
NOTE = "项目支出与上年口径不一致，请核对"
SPENDING = "（二）支出情况"
DUTIES = "（一）机构职能"


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv("REPORTDIFF_STATE_DIR", str(folder))
    return folder


@pytest.fixture
def reviewed(tmp_path: Path, state: Path) -> tuple[Path, Path]:
    """A pair with 支出情况 reviewed and noted and 机构职能 reviewed, saved as the UI does."""
    old = write(tmp_path / "2023.txt", report_text(AGENCY, 2023))
    new = write(tmp_path / "2024.txt", report_text(AGENCY, 2024))
    c = compare(read_document(old), read_document(new))
    store = DirectoryReviewStore(state)
    review = open_review(c, store)
    review.set_reviewed(key_of(c, SPENDING), True)
    review.set_note(key_of(c, SPENDING), NOTE)
    review.set_reviewed(key_of(c, DUTIES), True)
    store.save(review)
    return old, new


def key_of(c, heading: str) -> str:
    return next(pair_key(p) for p in c.pairs if heading_of(c, p) == heading)


def heading_of(c, pair) -> str:
    s = c.section("new", pair.new) or c.section("old", pair.old)
    return s.heading.strip() if s else ""


def compare_json(old: Path, new: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    main(["compare", str(old), str(new), "--format", "json"])
    return json.loads(capsys.readouterr().out)


def entries(data: dict) -> dict[str, dict]:
    return {e["heading"]: e for e in data["reviews"]["pairs"]}


SCHEMA = json.loads(
    resources.files("reportdiff").joinpath("schema/compare.schema.json").read_text("utf-8")
)


def test_json_carries_the_reviews_block(reviewed, capsys) -> None:
    data = compare_json(*reviewed, capsys)
    jsonschema.validate(data, SCHEMA)
    got = entries(data)
    assert set(got) == {SPENDING, DUTIES}
    assert got[SPENDING]["note"] == NOTE
    assert got[SPENDING]["reviewed"] is True
    assert got[SPENDING]["changed_since_reviewed"] is False
    assert data["reviews"]["reviewed"] == 2
    pair = data["sections"][got[SPENDING]["section"]]
    heads = {s["id"]: s["heading"] for s in data["new"]["sections"]}
    assert heads[pair["new"]].strip() == SPENDING


def test_no_review_no_block(tmp_path: Path, state: Path, capsys) -> None:
    old = write(tmp_path / "a.txt", report_text(1, 2023))
    new = write(tmp_path / "b.txt", report_text(1, 2024))
    assert "reviews" not in compare_json(old, new, capsys)


def html_section(html: str, heading: str) -> str:
    """The <details> block of the pair whose summary names ``heading``."""
    for block in html.split("<details")[1:]:
        summary = block.split("</summary>")[0]
        if heading in summary:
            return block.split("</details>")[0]
    raise AssertionError(f"no section {heading} in the HTML")


def test_html_shows_each_mark_and_note_inside_its_section(reviewed, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    main(["compare", *map(str, reviewed), "--format", "html", "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert NOTE in html_section(html, SPENDING)
    assert "✓ reviewed" in html_section(html, DUTIES)
    assert NOTE not in html_section(html, DUTIES)
    assert "<h2>Review</h2>" in html


def word_comments(path: Path) -> list[str]:
    return [c.text for c in docx.Document(str(path)).comments]


def test_the_redline_has_a_word_comment_at_each_reviewed_section(reviewed, tmp_path) -> None:
    out = tmp_path / "r.docx"
    main(["compare", *map(str, reviewed), "-o", str(out)])  # .docx: the redline
    comments = word_comments(out)
    assert len(comments) == 2
    assert any(NOTE in c and SPENDING in c for c in comments)
    with zipfile.ZipFile(out) as z:
        assert b"<w:comment " in z.read("word/comments.xml")
        body = z.read("word/document.xml").decode("utf-8")
    # Each comment's range opens in the paragraph holding its section's heading.
    document = docx.Document(str(out))
    anchored = [p.text for p in document.paragraphs if p._p.xpath(".//w:commentRangeStart")]
    assert sorted(anchored) == sorted([SPENDING, DUTIES])
    assert body.count("<w:commentReference") == 2


def revise(new: Path, bump: float) -> None:
    """A revised submission: one figure of 支出情况 corrected."""
    new.write_text(report_text(AGENCY, 2024, bump=bump), encoding="utf-8")


def test_a_revised_new_keeps_the_review_and_flags_the_changed_section(
    reviewed, capsys, tmp_path
) -> None:
    old, new = reviewed
    revise(new, 10.0)
    got = entries(compare_json(old, new, capsys))
    assert got[SPENDING]["note"] == NOTE
    assert got[SPENDING]["reviewed"] is True
    assert got[SPENDING]["changed_since_reviewed"] is True
    assert got[DUTIES]["reviewed"] is True
    assert got[DUTIES]["changed_since_reviewed"] is False
    main(["reviews", str(old), str(new)])
    text = capsys.readouterr().out
    line = next(ln for ln in text.splitlines() if SPENDING in ln)
    assert "changed since reviewed" in line
    assert NOTE in line
    assert "1 changed since reviewed" in text.splitlines()[0]
    main(["compare", str(old), str(new), "--format", "text"])
    printed = capsys.readouterr().out
    assert "Review: 2 of" in printed
    assert any(SPENDING in ln and "changed since reviewed" in ln for ln in printed.splitlines())
    out = tmp_path / "r.html"
    main(["compare", str(old), str(new), "-o", str(out)])
    assert 'class="review changed"' in html_section(out.read_text("utf-8"), SPENDING)
    out = tmp_path / "r.docx"
    main(["compare", str(old), str(new), "-o", str(out)])
    out_json = tmp_path / "r.json"
    main(["compare", str(old), str(new), "-o", str(out_json)])
    by_json = entries(json.loads(out_json.read_text(encoding="utf-8")))
    assert by_json[SPENDING]["changed_since_reviewed"] is True
    spending = next(c for c in word_comments(out) if SPENDING in c)
    assert "changed since reviewed" in spending


def test_marking_again_confirms_the_changed_section(reviewed, state, capsys) -> None:
    old, new = reviewed
    revise(new, 10.0)
    c = compare(read_document(old), read_document(new))
    store = DirectoryReviewStore(state)
    review = open_review(c, store)
    key = key_of(c, SPENDING)
    assert review.changed_since_reviewed(key)
    review.set_reviewed(key, True)
    store.save(review)
    assert not open_review(c, store).changed_since_reviewed(key)
    got = entries(compare_json(old, new, capsys))
    assert got[SPENDING]["changed_since_reviewed"] is False
    assert got[SPENDING]["note"] == NOTE


def test_marks_follow_their_sections_when_the_outline_shifts(reviewed, capsys) -> None:
    """A section inserted before them renumbers the later ones; marks follow headings."""
    old, new = reviewed
    text = new.read_text(encoding="utf-8")
    head = "二、部门财政资金收支情况"
    assets = "二、部门资产情况\n　　本部门资产总额保持稳定，账实相符。\n"
    shifted = text.replace(head, assets + head)
    for a, b in (("四、存在", "五、存在"), ("三、部门整体", "四、部门整体")):
        shifted = shifted.replace(a, b)
    new.write_text(shifted.replace(head, "三、部门财政资金收支情况"), encoding="utf-8")
    data = compare_json(old, new, capsys)
    got = entries(data)
    assert set(got) == {SPENDING, DUTIES}
    assert got[SPENDING]["note"] == NOTE
    assert not got[SPENDING]["changed_since_reviewed"]
    new_ids = {s["id"]: s for s in data["new"]["sections"]}
    pair = data["sections"][got[SPENDING]["section"]]
    assert pair["new"] != pair["old"]  # the section's place in the outline moved on
    assert new_ids[new_ids[pair["new"]]["parent"]]["heading"].startswith("三、部门财政")


def test_reviews_lists_nothing_for_an_unreviewed_pair(tmp_path, state, capsys) -> None:
    old = write(tmp_path / "a.txt", report_text(1, 2023))
    new = write(tmp_path / "b.txt", report_text(1, 2024))
    assert main(["reviews", str(old), str(new), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reviews"]["pairs"] == []
    main(["reviews", str(old), str(new)])
    assert capsys.readouterr().out.startswith("no reviews of")
    out = tmp_path / "reviews.json"  # the format told by the extension
    assert main(["reviews", str(old), str(new), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "reportdiff.reviews/1"


def test_an_archive_revision_carries_the_review_forward(tmp_path, capsys) -> None:
    from reportdiff.archive import Archive, parse_ref
    from reportdiff.archive.reviews import ArchiveReviewStore

    archive = Archive(tmp_path / "archive")
    agency = "青石县水利局"
    archive.add(write(tmp_path / "a.txt", report_text(AGENCY, 2023)), agency, 2023)
    new = write(tmp_path / "b.txt", report_text(AGENCY, 2024))
    archive.add(new, agency, 2024)
    old_v, new_v = (archive.resolve(parse_ref(f"{agency}@{y}")) for y in (2023, 2024))
    c = compare(archive.read_document(old_v), archive.read_document(new_v))
    store = ArchiveReviewStore(archive, old_v, new_v, comparison=c)
    review = open_review(c, store)
    review.set_note(key_of(c, SPENDING), NOTE)
    store.save(review)
    revise(new, 10.0)
    assert archive.add(new, agency, 2024).status == "revised"
    refs = [f"{agency}@2023", f"{agency}@2024", "--archive", str(archive.path)]
    main(["reviews", *refs, "--format", "json"])
    (entry,) = json.loads(capsys.readouterr().out)["reviews"]["pairs"]
    assert entry["heading"] == SPENDING
    assert entry["note"] == NOTE
    assert entry["changed_since_reviewed"] is True


async def test_the_review_ui_shows_a_changed_section_as_such(tmp_path) -> None:
    from reportdiff.review import MemoryReviewStore
    from reportdiff.tui import build_app

    old = write(tmp_path / "a.txt", report_text(AGENCY, 2023))
    new = write(tmp_path / "b.txt", report_text(AGENCY, 2024))
    store = MemoryReviewStore()
    first = compare(read_document(old), read_document(new))
    review = open_review(first, store)
    for heading in (SPENDING, DUTIES):
        review.set_reviewed(key_of(first, heading), True)
    store.save(review)
    revise(new, 10.0)
    c = compare(read_document(old), read_document(new))
    app = build_app(c, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        outline = app.query_one("#outline")
        labels = {heading_of(c, p): outline.label(i).plain for i, p in enumerate(c.pairs)}
        assert labels[SPENDING].startswith("! ")
        assert labels[DUTIES].startswith("✓ ")
        spending = next(i for i, p in enumerate(c.pairs) if heading_of(c, p) == SPENDING)
        app.review.set_reviewed(key_of(c, SPENDING), True)  # reviewed again
        assert outline.label(spending).plain.startswith("✓ ")


def test_a_carried_review_is_saved_whole_with_the_next_edit(reviewed, state) -> None:
    old, new = reviewed
    revise(new, 10.0)
    c = compare(read_document(old), read_document(new))
    store = DirectoryReviewStore(state)
    review = open_review(c, store)
    other = next(pair_key(p) for p in c.pairs if heading_of(c, p) == "四、存在的问题及改进措施")
    review.set_reviewed(other, True)
    store.save(review)
    saved = store.load(review.key)
    assert saved is not None
    spending = key_of(c, SPENDING)
    assert saved.note(spending) == NOTE
    assert saved.is_reviewed(key_of(c, DUTIES))
    again = open_review(c, store)
    assert again.changed_since_reviewed(spending)
    assert not again.changed_since_reviewed(other)


def test_html_checks_and_flags_link_their_section(tmp_path) -> None:
    from reportdiff.render.html import render_html

    from .agency_reports import Plan

    old = write(tmp_path / "a.txt", report_text(AGENCY, 2023))
    new = write(tmp_path / "b.txt", report_text(AGENCY, 2024, Plan(bad_sum=True, stale=True)))
    c = compare(read_document(old), read_document(new))
    html = render_html(c)
    checks = html.split("<h2>Checks")[1].split("</ul>")[0]
    spending = next(i for i, p in enumerate(c.pairs) if heading_of(c, p) == SPENDING)
    assert f'in <a href="#pair-{spending}">' in checks
    assert f'id="pair-{spending}"' in html
    flags = html.split("<h2>Boilerplate")[1].split("</ul>")[0]
    assert 'in <a href="#pair-' in flags
