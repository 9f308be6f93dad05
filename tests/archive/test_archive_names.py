from __future__ import annotations

import pytest

from reportdiff.archive.names import (
    Ref,
    agency_key,
    check_kind,
    check_year,
    clean_agency,
    looks_like_ref,
    parse_ref,
)
from reportdiff.errors import ArchiveError


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("道县公安局", "道县公安局"),
        ("../../etc", "%2E.%2F..%2Fetc"),
        ("..", "%2E%2E"),  # Windows drops a trailing dot
        ("CON", "%43ON"),
        ("nul.txt", "%6Eul.txt"),
        ("Com1", "%43om1"),
        ("Water Bureau.", "Water Bureau%2E"),
        (".git", "%2Egit"),
        ("a\\b:c", "a%5Cb%3Ac"),
        ("100%", "100%25"),
        ("  Water Bureau  ", "Water Bureau"),
    ],
)
def test_agency_key_is_one_safe_path_component(name: str, key: str) -> None:
    assert agency_key(name) == key
    assert not {"/", "\\"} & set(key)
    assert not key.startswith(".")
    assert not key.endswith((".", " "))


def test_a_long_agency_name_gives_a_short_distinct_key() -> None:
    names = ["清河县" * 33 + "甲", "清河县" * 33 + "乙"]
    keys = [agency_key(n) for n in names]
    assert keys[0] != keys[1]
    assert all(len(k.encode("utf-8")) <= 120 for k in keys)
    assert keys[0].startswith("清河县清河县")


@pytest.mark.parametrize("name", ["Сity Police", "Pоlice", "ΑΒC Bureau"])
def test_look_alike_mixed_alphabets_are_refused(name: str) -> None:
    with pytest.raises(ArchiveError, match="look alike"):
        clean_agency(name)


@pytest.mark.parametrize("name", ["Москва полиция", "Café Bureau", "道县公安局 Police"])
def test_one_alphabet_with_chinese_is_accepted(name: str) -> None:
    assert clean_agency(name) == name


@pytest.mark.parametrize("name", ["", "   ", "a\nb", "tab\there", "x" * 101, "a\u202eb"])
def test_bad_agency_names_are_refused(name: str) -> None:
    with pytest.raises(ArchiveError):
        clean_agency(name)


def test_escaping_is_injective_for_tricky_names() -> None:
    names = ["a/b", "a%2Fb", "a%b", ".a", "%2Ea"]
    assert len({agency_key(n) for n in names}) == len(names)


def test_years_and_kinds_are_checked() -> None:
    assert check_year("2023") == 2023
    for bad in ("23", "20x3", "1800", "../2023", "٢٠٢٣"):
        with pytest.raises(ArchiveError):
            check_year(bad)
    assert check_kind("final-accounts") == "final-accounts"
    for bad in ("../x", "Report", "", "a b", "report\n", "report\nx"):
        with pytest.raises(ArchiveError):
            check_kind(bad)


def test_parse_ref() -> None:
    assert parse_ref("道县公安局@2022") == Ref("道县公安局", "2022")
    assert parse_ref("道县公安局@latest") == Ref("道县公安局", "latest")
    assert parse_ref("a@b@Previous:budget") == Ref("a@b", "previous", "budget")
    assert str(parse_ref("x@2023:budget")) == "x@2023:budget"
    for bad in ("道县公安局", "@2022", "x@soon", "x@2022:BAD"):
        assert not looks_like_ref(bad)
        with pytest.raises(ArchiveError):
            parse_ref(bad)
