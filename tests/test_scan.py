"""Shared passages across a corpus: the clustering core, the folder scan, the samples
and the real Shanghai reports."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from reportdiff.core.reuse.corpus import ScanResult, sketch_document
from reportdiff.core.reuse.shingles import keyed_sentences
from reportdiff.corpusdb import CorpusIndex, cluster_index
from reportdiff.errors import InputError
from reportdiff.readers import read_document
from reportdiff.scan import find_reports, scan_folder
from tests.conftest import SAMPLES

SHARED = "本部门严格执行预算管理制度，加强资金使用监督，确保各项资金专款专用并按规定拨付到位。"
TEMPLATE = "绩效自评结果作为下一年度预算编制和项目安排的重要依据，对发现的问题建立台账限期整改。"


def own(i: int) -> str:
    """A sentence only report ``i`` has: random characters, seeded by ``i``."""
    rng = random.Random(i)
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(30)) + "。"


def report(i: int, *parts: str) -> str:
    return f"第{i}号单位2024年度报告\n一、概况\n" + "\n".join([own(i), *parts, own(i + 10)]) + "\n"


def scan_texts(texts: dict[str, str]) -> ScanResult:
    """Cluster texts held in memory, through a throwaway index."""
    with CorpusIndex(":memory:") as index:
        with index.transaction():
            batch = index.new_batch("memory")
            for path, text in texts.items():
                index.add(sketch_document(path, text), path, batch, (0, 0))
        result = cluster_index(index, texts.__getitem__)
        return ScanResult(result.paths, tuple(result.clusters), result.shares)


def occurrences(result: ScanResult, path: str) -> list[tuple[int, int]]:
    return [
        (o.start, o.end)
        for c in result.clusters
        for o in c.occurrences
        if result.paths[o.doc] == path
    ]


def covered(result: ScanResult, path: str, text: str, passage: str) -> bool:
    at = text.index(passage)
    return any(a < at + len(passage) and at < b for a, b in occurrences(result, path))


def test_shared_passage_found_through_figures_width_and_wraps() -> None:
    texts = {
        "a.txt": report(1, "2023年收入5105.15万元，" + SHARED, TEMPLATE),
        "b.txt": report(2, "２０２４年收入５３２２．４０万元，" + SHARED, TEMPLATE),
        "c.txt": report(3, TEMPLATE),
        "d.txt": report(4, TEMPLATE),
    }
    result = scan_texts(texts)
    by_text = {c.text[:8]: c for c in result.clusters}
    shared = next(c for c in result.clusters if SHARED[:10] in c.text)
    assert shared.kind == "shared"
    assert [result.paths[d] for d in shared.documents] == ["a.txt", "b.txt"]
    template = next(c for c in result.clusters if TEMPLATE in c.text)
    assert template.kind == "template"  # in all four reports
    assert len(template.documents) == 4
    for path, text in texts.items():  # what each report wrote itself is never flagged
        n = int(text[1]) if text[2] == "号" else int(text[1:3])
        assert not covered(result, path, text, own(n))
        assert not covered(result, path, text, own(n + 10))
    assert len(by_text) == len(result.clusters)
    shares = {result.paths[s.doc]: s for s in result.shares}
    assert shares["a.txt"].shared > shares["c.txt"].shared > 0
    assert shares["c.txt"].template == shares["c.txt"].shared


def test_pdf_wrapped_copy_is_the_same_passage() -> None:
    para = SHARED + TEMPLATE + SHARED.replace("预算", "财务")
    filler = "\n".join(own(i) for i in range(12))
    wrapped = "\n".join(para[i : i + 31] for i in range(0, len(para), 31))
    texts = {
        "plain.txt": f"标题\n{para}\n{filler}\n",
        "pdf.txt": f"标题\n{wrapped}\n{filler[::-1]}\n",
    }
    result = scan_texts(texts)
    cluster = max(result.clusters, key=lambda c: len(c.text))
    assert {result.paths[o.doc] for o in cluster.occurrences} == {"plain.txt", "pdf.txt"}
    pdf = next(o for o in cluster.occurrences if result.paths[o.doc] == "pdf.txt")
    assert texts["pdf.txt"][pdf.start : pdf.end].replace("\n", "") == para


def test_near_copy_joins_the_cluster() -> None:
    near = SHARED.replace("专款专用", "专项专用")
    texts = {"a.txt": report(1, SHARED), "b.txt": report(2, near)}
    result = scan_texts(texts)
    assert len(result.clusters) == 1
    assert len(result.clusters[0].documents) == 2


def _write(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_folder_scan_in_parallel_equals_in_process(tmp_path: Path) -> None:
    texts = {f"r{i:02d}.txt": report(i % 10, SHARED if i % 3 else TEMPLATE) for i in range(30)}
    texts["sub/gbk.txt"] = report(9, SHARED)
    _write(tmp_path / "c", texts)
    (tmp_path / "c" / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "c" / ".hidden.txt").write_text(SHARED, encoding="utf-8")
    (tmp_path / "c" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "c" / "sub" / "gbk.txt").write_bytes(report(9, SHARED).encode("gb18030"))
    (tmp_path / "c" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    one = scan_folder(tmp_path / "c", jobs=1)
    two = scan_folder(tmp_path / "c", jobs=2)
    assert len(one.paths) == 31  # hidden files are not walked; the rest are read or skipped
    assert [p for p, _ in one.skipped] == ["empty.txt", "notes.pdf", "old.doc"]
    assert "damaged" in dict(one.skipped)["notes.pdf"]
    assert "save it as .docx" in dict(one.skipped)["old.doc"]
    assert one.skipped == two.skipped
    assert one.paths == two.paths
    assert [(c.text, c.documents) for c in one.clusters] == [
        (c.text, c.documents) for c in two.clusters
    ]
    assert "sub/gbk.txt" in {one.paths[d] for c in one.clusters for d in c.documents}


def test_find_reports_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="is not a directory"):
        find_reports(tmp_path / "a.txt")


# --- samples and real reports ------------------------------------------------------------


def test_samples_shared_truth(tmp_path: Path) -> None:
    zh = SAMPLES / "zh"
    truth = json.loads((zh / "shared.truth.json").read_text(encoding="utf-8"))
    for name in truth["documents"]:
        shutil.copy(zh / name, tmp_path / name)
    result = scan_folder(tmp_path, jobs=1)
    texts = {name: read_document(zh / name).text for name in truth["documents"]}
    checked = 0
    for entry in truth["shared"]:
        passages = entry["passages"]
        if not any(s.substantial for s in keyed_sentences(next(iter(passages.values())))):
            continue  # too short to flag on its own (a bracketed instruction, a label)
        for name, passage in passages.items():
            assert covered(result, name, texts[name], passage), (name, passage)
        checked += 1
    assert checked >= 9
    for passage in truth["not_shared"]:
        assert not covered(
            result, "baishi-police-2024.txt", texts["baishi-police-2024.txt"], passage
        )


def test_shanghai_template_sentences_in_all_four(real_dir: Path, tmp_path: Path) -> None:
    for f in real_dir.glob("jsjs_*.txt"):
        shutil.copy(f, tmp_path / f.name)
    result = scan_folder(tmp_path, jobs=1)
    in_all = [c for c in result.clusters if len(c.documents) == 4]
    assert len(in_all) >= 4
    assert all(c.kind == "template" for c in in_all)
    assert any(
        "指单位本年度从本级财政部门取得的财政拨款" in c.text.replace("\n", "") for c in in_all
    )
    shares = {result.paths[s.doc]: s.shared for s in result.shares}
    assert all(0.1 < share < 0.6 for share in shares.values())


def test_word_and_text_versions_of_a_report_share_nearly_everything(tmp_path: Path) -> None:
    zh = SAMPLES / "zh"
    for name in ("qingshui-water-2024.docx", "qingshui-water-2024.txt"):
        shutil.copy(zh / name, tmp_path / name)
    result = scan_folder(tmp_path, jobs=1)
    assert len(result.paths) == 2
    assert all(s.shared > 0.8 for s in result.shares)
