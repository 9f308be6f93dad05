"""English reports of a yearly survey, over families of generated sentences: last
year's value quoted beside this year's is last year's, a list of rates names each by
its own words, and a share of a population is named by what is said of it."""

from __future__ import annotations

import itertools

import pytest

from reportdiff.core.compare import compare

from .figure_helpers import doc_of, figures_of

SUBJECTS = ("Windows usage", "Nightly usage", "Daily use", "VSCode adoption")


@pytest.mark.parametrize(
    "sentence",
    [
        "{s} grew to {w}%, up from last year's {v}%.",
        "{s} is now {w}% (up from {v}% of last year).",
        "{s} has grown from {v}% last year to {w}% this year.",
        "{s} stands at {w}%, against last year’s **{v}%**.",
    ],
)
def test_last_years_value_quoted_beside_this_years_is_last_years(sentence):
    for subject, (v, w) in itertools.product(SUBJECTS, ((31.5, 34.0), (51.6, 56.2))):
        text = "# Results\n\n" + sentence.format(s=subject, v=v, w=w) + "\n"
        roles = {f.value: f.role for f in figures_of(text) if f.kind == "percent"}
        assert roles == {v: "previous", w: "current"}, text


def test_a_figure_of_the_year_reported_on_is_this_years():
    for subject in SUBJECTS:
        text = f"# Results\n\nLast year, {subject.lower()} reached 34%.\n"
        assert [f.role for f in figures_of(text)] == ["current"], text


NOUNS = (("full-time", "part-time"), ("daily", "weekly"), ("Linux", "Windows"))
DETERMINERS = ("This year's ", "This year’s ", "Last year's ", "")


def test_each_rate_of_a_list_is_named_by_its_own_words():
    for (a, b), det in itertools.product(NOUNS, DETERMINERS):
        text = f"# Results\n\n{det}**4.4% {a}** and **16.6% {b}** users show a rise.\n"
        labels = [f.label for f in figures_of(text) if f.kind == "percent"]
        assert labels[0] == a, (text, labels)
        assert labels[1].split()[0] == b, (text, labels)


POPULATIONS = ("Rust users", "riders", "respondents")
PREDICATES = ("using it at work part-time", "satisfied with the service", "new to the language")


def test_a_share_of_a_population_is_named_by_what_is_said_of_it():
    for whole, said in itertools.product(POPULATIONS, PREDICATES):
        text = f"# Results\n\nAlready, 16.1% of {whole} are {said}.\n"
        (f,) = figures_of(text)
        assert f.label == f"{whole} {said}", (text, f.label)


def test_this_years_rates_pair_with_last_reports_and_not_with_the_values_it_quotes():
    old = "# Work\n\nThis year's **3.7% full-time** and **16.1% part-time** users are up.\n"
    new = (
        "# Work\n\nThis year's **4.4% full-time** and **16.6% part-time** users show a tick "
        "up from last year's 3.7% full-time and 16.1% part-time.\n"
    )
    c = compare(doc_of(old), doc_of(new))
    changed = sorted((n.old.value, n.new.value) for n in c.numbers if n.status == "changed")
    assert changed == [(3.7, 4.4), (16.1, 16.6)]


WORDINGS = (
    ("people who responded", "responses"),
    ("people who downloaded it", "downloads"),
    ("members who attended", "attendees"),
    ("users working full-time", "full-time users"),
)


def test_a_shorter_english_name_of_the_same_thing_pairs_in_the_same_section():
    for (old_name, new_name), (a, b) in itertools.product(WORDINGS, ((3086, 5368), (120, 95))):
        old = f"# Survey\n\nA huge thank you to the **{a:,}** {old_name}!\n"
        new = f"# Survey\n\nThis year we had **{b:,} {new_name}**.  *That's a record*!\n"
        c = compare(doc_of(old), doc_of(new))
        changed = [(n.old.value, n.new.value) for n in c.numbers if n.status == "changed"]
        assert changed == [(a, b)], (old, new)


def test_a_name_that_says_more_than_the_other_by_a_short_word_is_another_thing():
    old = "# Survey\n\nOf these, 83.6% of users did not see a breakage.\n"
    new = "# Survey\n\nThe more than a year users growing to over 42% this year.\n"
    c = compare(doc_of(old), doc_of(new))
    assert [n for n in c.numbers if n.status == "changed"] == []


def test_a_list_that_last_years_value_opens_is_last_years_and_each_item_keeps_its_name():
    for (a, b), det in itertools.product(NOUNS, ("last year's", "last year’s")):
        text = (
            f"# Work\n\nUse grew from {det} 4.4% {a} and 16.6% {b} to this year's "
            f"**8.9% {a}** and **21.2% {b}**, a doubling.\n"
        )
        found = [(f.label, f.role) for f in figures_of(text) if f.kind == "percent"]
        assert found == [
            (a, "previous"),
            (b, "previous"),
            (a, "current"),
            (b, "current"),
        ], (text, found)


@pytest.mark.parametrize(
    "written",
    [
        "{s} now represents 51.6% of respondents, up from {v}% of last year.",
        "Up from {v}% last year, {s} is now nearly a quarter of users.",
    ],
)
def test_the_year_a_rate_is_of_does_not_name_it(written):
    for subject, v in itertools.product(SUBJECTS, (48.8, 17.5)):
        text = "# Results\n\n" + written.format(s=subject, v=v) + "\n"
        (quoted,) = [f for f in figures_of(text) if f.value == v]
        assert "year" not in quoted.label, (text, quoted.label)


@pytest.mark.parametrize("adverb", ["", "slightly ", "steadily ", "sharply "])
@pytest.mark.parametrize(
    "ends",
    [("{v}%", "{w}%"), ("{v}% last year", "{w}% this year"), ("{v}% in 2017", "{w}% in 2018")],
)
def test_a_change_told_by_its_ends_names_both_by_its_subject(adverb, ends):
    for subject, (v, w) in itertools.product(SUBJECTS, ((31.0, 34.0), (13.0, 24.0))):
        start, end = (e.format(v=v, w=w) for e in ends)
        text = f"# Results\n\n{subject} has grown {adverb}from {start} to {end}, a second rise.\n"
        found = [(f.value, f.label, f.role) for f in figures_of(text) if f.kind == "percent"]
        assert found == [(v, subject, "previous"), (w, subject, "current")], (text, found)
