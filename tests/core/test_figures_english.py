"""English figures: ranges told "from X to Y", a count's noun kept to it, figures set
against their budget; the samples' sentences and composed ones."""

from __future__ import annotations

from reportdiff.core.checks.changes import check_changes
from reportdiff.core.checks.document import check_document
from reportdiff.core.compare import compare
from reportdiff.core.sections.segment import segment_document
from reportdiff.options import CompareOptions
from reportdiff.readers import read_document
from reportdiff.render.text import render_text
from tests.conftest import SAMPLES

from .figure_helpers import doc_of, figures_of, named, read_figures

HARBOR = SAMPLES / "en"


def _labelled(text: str) -> list[tuple[str, float, str, str, str]]:
    return [(f.text.strip(), f.value, f.unit, f.kind, named(f)) for f in figures_of(text)]


def test_a_range_names_its_start_previous_and_its_end_by_the_subject():
    _, figures = read_figures(HARBOR / "harbor-transit-2024.md")
    start, end = (f for f in figures if f.text in ("15", "12"))
    subject = "Average weekday frequency on the Harborline route"
    assert (named(start), named(end)) == (f"{subject} <previous>", subject)
    assert (start.unit, start.kind) == (end.unit, end.kind)  # both in minutes


def test_the_start_of_a_range_takes_the_unit_and_scale_of_its_end():
    text = (
        "Results\n\nRidership grew from 1.8 to 2.1 million passengers. Punctuality "
        "improved from 88.5 to 91.0% and fees went from $11.7 to $12.8 million.\n"
    )
    assert _labelled(text) == [
        ("1.8", 1.8e6, "", "count", "Ridership <previous>"),
        ("2.1 million", 2.1e6, "", "count", "Ridership"),
        ("88.5", 88.5, "%", "percent", "Punctuality <previous>"),
        ("91.0%", 91.0, "%", "percent", "Punctuality"),
        ("$11.7", 11.7e6, "$", "amount", "fees <previous>"),
        ("$12.8 million", 12.8e6, "$", "amount", "fees"),
    ]


def test_a_change_from_a_start_to_an_end_with_its_rate_is_checked():
    wrong = (
        "Results\n\nFare revenue rose from $11.7 million to $12.8 million, an increase of "
        "12.5%. Fees fell from $5.0 million to $4.0 million, a decrease of $1.5 million.\n"
    )
    messages = [k.message for k in check_changes(wrong, figures_of(wrong), "new")]
    assert messages == [
        "Fare revenue: +$1.1 million on $11.7 million is +9.40%, not an increase of 12.5%",
        "Fees: $4.0 million against $5.0 million is −$1.0 million (-20.00%), "
        "not a decrease of $1.5 million",
    ]
    right = (
        "Results\n\nFare revenue rose from $11.7 million to $12.8 million, an increase of "
        "9.4%. Fees fell from $5.0 million to $4.0 million, a decrease of $1.0 million. "
        "Frequency improved from 15 to 12 minutes.\n"
    )
    assert check_changes(right, figures_of(right), "new") == []
    labels = [named(f) for f in figures_of(right)]
    assert labels[:3] == ["Fare revenue <previous>", "Fare revenue", "Fare revenue rose"]


def test_the_words_that_name_a_count_do_not_name_the_next_figure():
    _, figures = read_figures(HARBOR / "harbor-transit-2024.md")
    count, cost = (f for f in figures if f.text in ("38,500", "$0.3 million"))
    assert (count.label, cost.label) == ("passengers", "cost")


def test_a_figure_above_or_below_its_budget_is_signed():
    text = "Risks\n\nFuel prices were 4% below budget. Staff costs were 3% over the target.\n"
    assert _labelled(text) == [
        ("4%", -4.0, "%", "percent", "Fuel prices against budget"),
        ("3%", 3.0, "%", "percent", "Staff costs against target"),
    ]
    c = compare(
        read_document(HARBOR / "harbor-transit-2023.md"),
        read_document(HARBOR / "harbor-transit-2024.md"),
        CompareOptions(),
    )
    fuel = next(n for n in c.numbers if n.label.startswith("Fuel prices"))
    assert fuel.delta == -22  # 18% above to 4% below budget, not -14 pp
    row = next(x for x in render_text(c).splitlines() if "Fuel prices" in x and "pp" in x)
    assert row.split()[-5:] == ["18%", "-4%", "-22", "pp", "changed"]


def test_a_change_told_only_by_from_and_to_is_checked():
    # no movement word anywhere ("improved" says no direction): "from" opens the change
    wrong = "Results\n\nAverage wait improved from 15 to 12 minutes, or 25%.\n"
    (check,) = check_changes(wrong, figures_of(wrong), "new")
    assert "-20.00%" in check.message
    right = "Results\n\nAverage wait improved from 15 to 12 minutes, or 20%.\n"
    assert check_changes(right, figures_of(right), "new") == []


def test_an_amount_under_budget_is_a_saving_not_a_negative_amount():
    text = (
        "Results\n\nSavings totalled $5.0 million, of which $3.2 million under budget for "
        "fuel and $1.8 million under budget for wages. Overall spending was 4% below budget.\n"
    )
    found = figures_of(text)
    assert [f.value for f in found if f.kind == "amount"] == [5.0e6, 3.2e6, 1.8e6]
    assert [(f.value, f.label) for f in found if f.kind == "percent"] == [
        (-4.0, "Overall spending against budget")
    ]
    assert check_changes(text, found, "new") == []
    doc = doc_of(text)
    assert not check_document(doc, segment_document(doc), "new")  # 3.2 + 1.8 is 5.0


def test_a_span_or_a_source_is_not_a_change():
    text = (
        "Results\n\nWait times ranged from 15 to 20 minutes. Staff transferred from 12 "
        "offices to 3 hubs, an increase of 10%. Funding received from 3 donors went to 5 "
        "programs.\n"
    )
    found = figures_of(text)
    assert not [f for f in found if f.role == "previous"]
    assert check_changes(text, found, "new") == []


def test_two_equal_ends_tell_no_change():
    from reportdiff.core.figures.english_changes import parse_changes

    text = "Results\n\nStaffing went from 100 to 100 posts.\n"
    assert parse_changes(text, figures_of(text)) == []
    moved = "Results\n\nStaffing went from 100 to 90 posts.\n"
    (change,) = parse_changes(moved, figures_of(moved))
    assert change.sign == -1
