"""`compare --corpus INDEX` names, for each passage found in an indexed report, the
section it stands in there: the same evidence as a folder read into memory gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reportdiff.cli import main
from reportdiff.core.reuse.matching import Hit
from reportdiff.core.reuse.places import join_names, join_places

PUTUO = ("caizhengju", "guihuaziyuanju", "shehuigongzuobu")


def _flags(result: dict) -> list[tuple[str, int, int, str]]:
    return [
        (f["kind"], f["start"], f["end"], f["detail"])
        for f in result["boilerplate"]
        if f["kind"] in ("shared", "template")
    ]


def test_index_evidence_equals_folder_evidence_on_real_reports(real_dir, tmp_path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("jsjs_shanghai_template_2024.txt", f"jsjs_putuo_{PUTUO[2]}_2024.txt"):
        shutil.copy(real_dir / name, corpus / name)
    index = tmp_path / "corpus.db"
    assert main(["scan", str(corpus), "--index", str(index), "-o", str(tmp_path / "s.txt")]) == 0
    old, new = (real_dir / f"jsjs_putuo_{n}_2024.txt" for n in PUTUO[:2])
    args = ["compare", str(old), str(new), "--format", "json", "--corpus"]
    capsys.readouterr()
    main([*args, str(corpus)])
    by_folder = _flags(json.loads(capsys.readouterr().out))
    main([*args, str(index)])
    by_index = _flags(json.loads(capsys.readouterr().out))
    assert by_index == by_folder
    # the fixed sentences of the template stand in its numbered sections
    assert sum("§" in detail for *_, detail in by_index) >= 5


def test_join_places_places_only_what_it_names() -> None:
    hits = [Hit(d, 0, 1.0) for d in range(2000)]
    placed: list[int] = []

    def place(hit: Hit) -> str:
        placed.append(hit.doc)
        return f"r{hit.doc}.txt §一"

    assert join_places(hits, place) == "r0.txt §一, r1.txt §一, r2.txt §一 and 1997 more"
    assert placed == [0, 1, 2]
    few = hits[:3]
    assert join_places(few, place) == join_names(place(h) for h in few)


def test_sections_are_found_only_for_reports_named(tmp_path: Path, capsys) -> None:
    """A passage in many indexed reports reads only the few that evidence names."""
    from reportdiff.corpusdb import CorpusIndex, IndexLookup
    from reportdiff.scan import add_folder, reread_unchanged

    folder = tmp_path / "reports"
    folder.mkdir()
    passage = "结合年度重点工作和项目储备情况科学编制预算，加强预算执行动态监控，确保资金支付进度。"
    for i in range(12):
        (folder / f"r{i:02d}.txt").write_text(f"一、概况\n第{i}号单位。\n二、预算\n{passage}\n")
    reads: list[str] = []

    def counting(path: str, stamp: tuple[int, int]):
        reads.append(path)
        return reread_unchanged(path, stamp)

    with CorpusIndex(tmp_path / "c.db") as index:
        add_folder(index, folder)
        lookup = IndexLookup(index, reread=counting)
        from reportdiff.core.reuse.shingles import keyed_sentences

        sentence = next(s for s in keyed_sentences(passage) if s.matchable)
        hits = lookup.lookup(sentence)
        assert len(hits) == 12
        where = join_places(hits, lookup.place)
    assert where == "r00.txt §二, r01.txt §二, r02.txt §二 and 9 more"
    assert len(reads) == 3
