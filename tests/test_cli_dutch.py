"""argparse's own words in `referral-desk` are Dutch: help, usage and errors."""

from __future__ import annotations

import argparse
import ast
import inspect

import pytest

from referral_desk import argparse_dutch
from referral_desk.cli import build_parser


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: ")
    assert "opties:" in out and "deze hulp tonen en stoppen" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out


def test_an_unknown_argument_is_a_dutch_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["--onbekend"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "gebruik: " in err and "fout: onbekende argumenten: --onbekend" in err
    assert "error" not in err and "unrecognized" not in err


def test_a_missing_value_and_a_missing_argument_are_dutch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv, expected in (
        (["leaflet", "--partner"], "argument --partner: verwacht één waarde"),
        (["registry", "validate"], "deze argumenten zijn verplicht: file"),
    ):
        with pytest.raises(SystemExit):
            build_parser().parse_args(argv)
        assert expected in capsys.readouterr().err


def test_every_text_of_this_pythons_argparse_is_in_the_table() -> None:
    """A newer Python's new text shows up here instead of in English on a helpdesk screen."""
    singular, plural = set(), set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "_" and texts:
                singular.add(texts[0])
            elif node.func.id == "ngettext":
                plural.add((texts[0], texts[1]))
    assert singular - set(argparse_dutch.DUTCH) == set()
    assert plural - set(argparse_dutch.DUTCH_PLURAL) == set()
