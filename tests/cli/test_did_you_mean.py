"""A mistyped command, action or option gets one line that names the likely one."""

from __future__ import annotations

import pytest

from reportdiff.cli import COMMAND_MODULES, build_parser, main


def _swap(word: str, i: int) -> str:
    """``word`` with the letters at i and i+1 swapped: the commonest typing slip."""
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    return err


@pytest.mark.parametrize("command", COMMAND_MODULES)
def test_a_mistyped_command_names_the_command(command: str, capsys) -> None:
    typo = _swap(command, len(command) // 2)
    if typo == command:
        pytest.skip(f"{command}: swapping its middle letters changes nothing")
    assert f"did you mean '{command}'?" in _error([typo, "x"], capsys)


def _compare_options() -> list[str]:
    parser = build_parser()
    compare = parser._subparsers._group_actions[0].choices["compare"]  # type: ignore[union-attr]
    return sorted(o for o in compare._option_string_actions if o.startswith("--") and len(o) > 6)


@pytest.mark.parametrize("option", _compare_options())
def test_a_mistyped_option_names_the_option(option: str, capsys, tmp_path) -> None:
    typo = _swap(option, len(option) // 2)
    if typo == option:
        pytest.skip(f"{option}: swapping its middle letters changes nothing")
    a = tmp_path / "a.txt"
    a.write_text("一、概况\n正文。\n", encoding="utf-8")
    err = _error(["compare", str(a), str(a), typo], capsys)
    assert f"did you mean '{option}'?" in err


def test_nothing_alike_gets_no_guess(capsys) -> None:
    assert "did you mean" not in _error(["zzzzzz"], capsys)
    assert "did you mean" not in _error(["compare", "a", "b", "--qqqqqqq"], capsys)
