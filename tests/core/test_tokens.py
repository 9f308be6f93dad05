from hypothesis import given
from hypothesis import strategies as st

from reportdiff.core.text.tokens import TokenEncoder, tokenize


def test_figure_with_unit_is_one_token():
    tokens = tokenize("基本支出5105.15万元，增长10.93%，2023年共58辆")
    assert "5105.15万元" in tokens
    assert "10.93%" in tokens
    assert "2023年" in tokens
    assert "58辆" in tokens


def test_cjk_is_one_token_per_character_and_latin_by_word():
    assert tokenize("绩效评价") == ["绩", "效", "评", "价"]
    assert tokenize("Risk factors changed") == ["Risk", " ", "factors", " ", "changed"]


def test_thousands_separator_and_money_kept_whole():
    assert "1,291.54万元" in tokenize("基本工资1,291.54万元")
    assert tokenize("cost $4.2 million, up 12.5%") == [
        "cost",
        " ",
        "$4.2 million",
        ",",
        " ",
        "up",
        " ",
        "12.5%",
    ]


@given(st.text(max_size=200))
def test_tokens_concatenate_back_to_the_text(text):
    assert "".join(tokenize(text)) == text


@given(st.lists(st.text(min_size=1, max_size=5), max_size=300))
def test_encoder_round_trips_any_tokens(tokens):
    enc = TokenEncoder()
    assert enc.decode(enc.encode(tokens)) == "".join(tokens)


def test_encoder_handles_more_tokens_than_the_private_use_area():
    enc = TokenEncoder()
    tokens = [f"t{i}" for i in range(10_000)]
    encoded = enc.encode(tokens)
    assert len(encoded) == 10_000
    assert enc.decode(encoded) == "".join(tokens)
