"""Reports written in Markdown, over families of generated text: the digits of a link's
or an image's target and of a path are no figures, and a sentence set in emphasis ends
where its full stop is."""

from __future__ import annotations

import itertools

import pytest

from .figure_helpers import figures_of

DATES = ((2016, 6, 30), (2017, 9, 5), (2018, 11, 27), (2023, 12, 1))
TARGETS = (
    "../../../images/{y}-{m:02}-{d:02}-Survey-Results/chart_{d}.png",
    "/images/{y}-{m:02}-Survey/part_{m}.png",
    "https://example.org/{y}/{m:02}/{d:02}/results.html",
    "reports/{y}/q{m}/summary-{d}.pdf",
)


@pytest.mark.parametrize("target", TARGETS)
def test_the_digits_of_a_link_or_image_target_are_no_figures(target):
    for y, m, d in DATES:
        path = target.format(y=y, m=m, d=d)
        for line in (
            f"![Chart: 17.5% daily, 43.3% weekly]({path})\n",
            f'![Chart]({path} "Daily and weekly use")\n\n17.5% daily, 43.3% weekly.\n',
            f"See [the results]({path}): 17.5% daily and 43.3% weekly.\n",
            f"[chart-{d}]: {path}\n\nDaily use stood at 17.5% and weekly use at 43.3%.\n",
        ):
            found = sorted(f.text for f in figures_of("# Survey\n\n" + line))
            assert found == ["17.5%", "43.3%"], (line, found)


@pytest.mark.parametrize("text", ["1/5th of users", "async/await in 3 crates", "web/GUI: 12%"])
def test_a_slash_between_two_words_or_numbers_is_no_path(text):
    assert [f.text for f in figures_of(f"# Survey\n\nAbout {text}.\n")], text


NOUNS = ("responses", "respondents", "downloads", "crates")
MARKS = ("**", "*", "__", "_")


def test_a_count_set_in_emphasis_is_named_by_its_own_sentence():
    for noun, (open_mark, next_mark) in itertools.product(NOUNS, itertools.product(MARKS, MARKS)):
        text = (
            f"# Survey\n\nThis year we had {open_mark}5,368 {noun}{open_mark}.  "
            f"{next_mark}That's over 2,000 more than last year{next_mark}!\n"
        )
        (count,) = [f for f in figures_of(text) if f.value == 5368]
        assert count.label == noun, (text, count.label)
