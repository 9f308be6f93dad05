"""The JSON output honours its documented schema and its invariants."""

import json
from importlib import resources

import jsonschema
import pytest

from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.render.json import comparison_to_dict
from tests.conftest import run_cli

SCHEMA = json.loads(
    resources.files("reportdiff").joinpath("schema/compare.schema.json").read_text("utf-8")
)


@pytest.fixture
def seed_pair(seeds_dir):
    return (
        read_document(seeds_dir / "daoxian-police-2023.txt"),
        read_document(seeds_dir / "ebian-police-2023.txt"),
    )


def test_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_seed_comparison_validates_and_keeps_its_invariants(seed_pair):
    data = comparison_to_dict(compare(*seed_pair))
    jsonschema.validate(data, SCHEMA)
    for side in ("old", "new"):
        ids = {s["id"] for s in data[side]["sections"]}
        paired = {p[side] for p in data["sections"] if p[side] is not None}
        assert ids == paired, f"every {side} section appears in a pair"
        text = data[side]["text"]
        for s in data[side]["sections"]:
            assert 0 <= s["start"] <= s["end"] <= len(text)
    for pair in data["sections"]:
        for e in pair["edits"]:
            if e["old_start"] is not None and e["op"] in ("delete", "replace"):
                assert data["old"]["text"][e["old_start"] : e["old_end"]] == e["old_text"]
            if e["new_start"] is not None and e["op"] in ("insert", "replace"):
                assert data["new"]["text"][e["new_start"] : e["new_end"]] == e["new_text"]


def test_identical_documents_have_no_changes(seed_pair):
    data = comparison_to_dict(compare(seed_pair[0], seed_pair[0]))
    jsonschema.validate(data, SCHEMA)
    assert {p["status"] for p in data["sections"]} == {"unchanged"}
    assert not any(p["moved"] for p in data["sections"])


def test_cli_json_output_validates(seeds_dir):
    result = run_cli(
        "compare",
        str(seeds_dir / "daoxian-police-2023.txt"),
        str(seeds_dir / "ebian-police-2023.txt"),
        "--format",
        "json",
    )
    assert result.returncode == 1, result.stderr
    jsonschema.validate(json.loads(result.stdout), SCHEMA)


PAIRS = [
    ("samples", "zh/qingshui-water-2023.txt", "zh/qingshui-water-2024.txt"),
    ("samples", "en/harbor-transit-2023.md", "en/harbor-transit-2024.md"),
    ("real", "msft_10k_item1a_fy2023.txt", "msft_10k_item1a_fy2024.txt"),
    ("real", "gwr_national_2022.txt", "gwr_national_2023.txt"),
    ("real", "gwr_national_2023.txt", "gwr_national_2024.txt"),
]


@pytest.mark.parametrize(("where", "old", "new"), PAIRS, ids=[p[2] for p in PAIRS])
def test_every_edit_offset_points_at_its_own_text(where, old, new, real_dir):
    from tests.conftest import SAMPLES

    base = SAMPLES if where == "samples" else real_dir
    c = compare(read_document(base / old), read_document(base / new))
    edits = [e for p in c.pairs for e in p.edits]
    assert edits
    for e in edits:
        if e.old_text:
            assert c.old.text[e.old_start : e.old_end] == e.old_text, e
        if e.new_text:
            assert c.new.text[e.new_start : e.new_end] == e.new_text, e
