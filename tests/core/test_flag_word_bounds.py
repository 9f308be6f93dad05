"""A flag trimmed to the part of a sentence that repeats starts and ends on word
boundaries in Latin text, however the letters of the clause cut off happen to align."""

from __future__ import annotations

import re

import pytest

from reportdiff.core.compare import compare
from reportdiff.model import Document
from reportdiff.readers.blocks import blocks_from_lines
from tests.conftest import REAL

SENTENCE = (
    "our service contracts usually include clauses that restrict the damages we may owe to "
    "customers, yet courts may decline to enforce those clauses in some countr"
)
# Clauses whose letters an alignment of the keys (spaces gone) can pair with the
# sentence's first word, "our": the cut then fell inside them ("ough our …").
LEADS = ["Although", "Through", "Though", "Without", "Furthermore,"]
# ... and clauses added at the end, on either side (a repeat has the same words: one
# ending in "countries", the other in "country", is no repeat).
ENDS = [("ies.", "ies, as before."), ("ies, as before.", "ies."), ("ies in most years.", "ies.")]


def _doc(text: str, name: str) -> Document:
    return Document(name, text.split("\n", 1)[0], text, blocks_from_lines(text))


def _duplicates(text: str):
    c = compare(_doc("Risks\n\nIntro line.\n", "old.txt"), _doc(text, "new.txt"))
    return [f for f in c.boilerplate if f.kind == "duplicate" and f.doc == "new"]


@pytest.mark.parametrize("ends", ENDS)
@pytest.mark.parametrize("lead", LEADS)
def test_a_duplicate_flag_starts_and_ends_on_words(lead: str, ends: tuple[str, str]) -> None:
    text = (
        "Risks\n\n"
        f"{SENTENCE[0].upper()}{SENTENCE[1:]}{ends[1]} Other text follows here.\n\n"
        f"Unrelated paragraph about markets. {lead} {SENTENCE}{ends[0]}\n"
    )
    found = _duplicates(text)
    assert found, "the repeated sentence is flagged"
    for f in found:
        before = text[f.start - 1] if f.start else " "
        assert not (before.isalpha() and text[f.start].isalpha()), repr(text[f.start - 5 :])
        assert re.match(r"[Oo]ur service", text[f.start :])
        after = text[f.end] if f.end < len(text) else " "
        assert not (text[f.end - 1].isalpha() and after.isalpha()), repr(text[: f.end][-20:])


def test_the_10k_pair_has_no_flag_starting_inside_a_word() -> None:
    old, new = REAL / "msft_10k_item1a_fy2023.txt", REAL / "msft_10k_item1a_fy2024.txt"
    if not new.is_file():
        pytest.skip("the real reports in ../shared/real are not beside this checkout")
    from reportdiff.readers import read_document

    c = compare(read_document(old), read_document(new))
    texts = {"old": c.old.text, "new": c.new.text}
    for f in c.boilerplate:
        text = texts[f.doc]
        inside = f.start > 0 and text[f.start - 1].isalpha() and text[f.start].isalpha()
        assert not inside, (f.kind, text[f.start - 10 : f.start + 30])
        cut = f.end < len(text) and text[f.end - 1].isalpha() and text[f.end].isalpha()
        assert not cut, (f.kind, text[f.end - 30 : f.end + 10])
