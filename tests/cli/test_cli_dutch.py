"""argparse's own words in `referral-desk` are Dutch: help, usage and errors."""

from __future__ import annotations

import argparse
import ast
import dis
import inspect
import types

import pytest

from referral_desk.cli import argparse_dutch, build_parser


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


def _texts_in_code() -> tuple[set[str], set[tuple[str, str]]]:
    """argparse's ``_("...")`` and ``ngettext("...", "...", n)`` texts, read from the code this
    Python runs: Windows CPython's embeddable build ships its library compiled, without source.
    A text is the constant loaded right after the global ``_`` or ``ngettext``."""
    singular, plural = set(), set()
    code = argparse.__loader__.get_code(argparse.__name__)  # type: ignore[union-attr]
    assert code is not None
    stack = [code]
    while stack:
        code = stack.pop()
        stack += [const for const in code.co_consts if isinstance(const, types.CodeType)]
        instructions = list(dis.get_instructions(code))
        for index, instruction in enumerate(instructions):
            if instruction.opname not in ("LOAD_GLOBAL", "LOAD_NAME"):
                continue
            texts = []
            for following in instructions[index + 1 : index + 3]:
                if following.opname != "LOAD_CONST" or not isinstance(following.argval, str):
                    break
                texts.append(following.argval)
            if instruction.argval == "_" and texts:
                singular.add(texts[0])
            elif instruction.argval == "ngettext" and len(texts) == 2:
                plural.add((texts[0], texts[1]))
    return singular, plural


def _texts_in_source() -> tuple[set[str], set[tuple[str, str]]] | None:
    """The same texts from argparse's source, where this Python has it."""
    try:
        source = inspect.getsource(argparse)
    except OSError:
        return None
    singular, plural = set(), set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "_" and texts:
                singular.add(texts[0])
            elif node.func.id == "ngettext":
                plural.add((texts[0], texts[1]))
    return singular, plural


def test_every_text_of_this_pythons_argparse_is_in_the_table() -> None:
    """A newer Python's new text shows up here instead of in English on a helpdesk screen."""
    singular, plural = _texts_in_code()
    assert len(singular) > 20 and plural  # the reading found argparse's texts at all
    from_source = _texts_in_source()
    if from_source is not None:
        assert (singular, plural) == from_source
    assert singular - set(argparse_dutch.DUTCH) == set()
    assert plural - set(argparse_dutch.DUTCH_PLURAL) == set()
