"""compare() as a library call takes any two documents, an empty one included (the
readers refuse an empty file; a caller building documents in memory may not)."""

import pytest

from reportdiff.core.compare import compare
from reportdiff.core.reuse.shingles import keyed_sentences, sentence_keys
from reportdiff.model import Document
from reportdiff.readers.blocks import blocks_from_lines

REPORT = "一、基本情况\n本单位基本支出5105.15万元。\n二、存在的问题\n资金拨付偏慢。\n"


def _doc(name: str, text: str) -> Document:
    return Document(name, name, text, blocks_from_lines(text))


@pytest.mark.parametrize(("old", "new"), [("", REPORT), (REPORT, ""), ("", ""), ("\n\n", REPORT)])
def test_an_empty_side_compares_as_all_added_or_all_removed(old: str, new: str) -> None:
    c = compare(_doc("old.txt", old), _doc("new.txt", new))
    statuses = {p.status for p in c.pairs}
    if old.strip() and not new.strip():
        assert "removed" in statuses
    if new.strip() and not old.strip():
        assert "added" in statuses
    assert not any(f.kind == "carried_over" for f in c.boilerplate)


def test_no_text_has_no_sentences() -> None:
    assert sentence_keys([]) == []
    assert keyed_sentences("") == ()
    assert keyed_sentences(" \n\n") == ()
