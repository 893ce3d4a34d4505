"""The bundled postcode table: real places resolve, unknown codes stay unknown, bad data fails."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.postcodes import (
    Municipality,
    PostcodeTable,
    PostcodeTableError,
    Region,
    is_postcode_syntax,
)

RESOURCES = Path(__file__).parents[2] / "resources"
TABLE = PostcodeTable.load_bundled(RESOURCES)
RAW = (RESOURCES / "data" / "postcodes.json").read_bytes()


def _names(postcode: str) -> list[tuple[str, str]]:
    return [(m.nis_code, m.name_nl) for m in TABLE.municipalities_for(postcode)]


def test_leopoldsburg_has_both_its_postcodes() -> None:
    leopoldsburg = Municipality(
        nis_code="71034", name_nl="Leopoldsburg", name_fr="Bourg-Léopold", region=Region.VLAANDEREN
    )
    assert TABLE.municipalities_for("3970") == (leopoldsburg,)
    assert TABLE.municipalities_for("3971") == (leopoldsburg,)
    assert TABLE.postcodes_of("71034") == ("3970", "3971")


@pytest.mark.parametrize(
    ("postcode", "expected", "region"),
    [
        ("8940", [("33029", "Wervik")], Region.VLAANDEREN),
        ("1000", [("21004", "Brussel")], Region.BRUSSEL),
        ("9000", [("44021", "Gent")], Region.VLAANDEREN),
        ("5000", [("92094", "Namen")], Region.WALLONIE),
    ],
)
def test_single_municipality(
    postcode: str, expected: list[tuple[str, str]], region: Region
) -> None:
    assert _names(postcode) == expected
    assert TABLE.municipalities_for(postcode)[0].region is region


def test_shared_postcodes_are_exactly_the_three_known_ones() -> None:
    shared = {p: _names(p) for p in TABLE.all_postcodes() if len(_names(p)) > 1}
    assert shared == {
        "1040": [("21004", "Brussel"), ("21005", "Etterbeek")],
        "1050": [("21004", "Brussel"), ("21009", "Elsene")],
        "1804": [("23088", "Vilvoorde"), ("23096", "Zemst")],
    }


@pytest.mark.parametrize(
    ("postcodes", "nis_code", "name", "gone"),
    [
        (("3945", "3980"), "71071", "Tessenderlo-Ham", ("71057", "71069")),
        (("9160", "9180"), "46029", "Lokeren", ("46014", "44045")),
        (("1540", "1541", "1570", "1755"), "23106", "Pajottegem", ("23023", "23024", "23032")),
    ],
)
def test_2025_mergers(
    postcodes: tuple[str, ...], nis_code: str, name: str, gone: tuple[str, ...]
) -> None:
    assert TABLE.postcodes_of(nis_code) == postcodes
    assert all(_names(p) == [(nis_code, name)] for p in postcodes)
    assert all(TABLE.municipality(old) is None for old in gone)


def test_unknown_postcode_and_nis_code() -> None:
    assert not TABLE.is_known("1234")
    assert TABLE.municipalities_for("1234") == ()
    assert TABLE.municipalities_for(" 3970") == ()
    assert TABLE.municipality("99999") is None
    assert TABLE.postcodes_of("99999") == ()


def test_table_is_whole_and_consistent() -> None:
    postcodes = TABLE.all_postcodes()
    assert len(postcodes) > 1100
    assert list(postcodes) == sorted(postcodes)
    assert all(is_postcode_syntax(p) and TABLE.is_known(p) for p in postcodes)
    for postcode in postcodes:
        options = TABLE.municipalities_for(postcode)
        assert options
        for municipality in options:
            assert TABLE.municipality(municipality.nis_code) == municipality
            assert postcode in TABLE.postcodes_of(municipality.nis_code)
    assert "Statbel" in TABLE.source


def test_bundled_file_is_small() -> None:
    assert len(RAW) < 100_000


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{",
        b"\xff\xfe",
        b"[]",
        b'{"schema": 1}',
        RAW.replace(b'"schema": 1', b'"schema": true'),
        RAW.replace(b'"schema": 1', b'"schema": 2'),
        RAW.replace(b'"1000": ["21004"]', b'"1000": ["99999"]'),
        RAW.replace(b'"1000": ["21004"]', b'"1000": []'),
        RAW.replace(b'"1000": ["21004"]', b'"1000": ["21004", "21004"]'),
        RAW.replace(b'"1000": ["21004"]', b'"100": ["21004"]'),
        RAW.replace(b'"VL"]', b'"NL"]', 1),
    ],
)
def test_malformed_data_raises_table_error(data: bytes) -> None:
    assert data != RAW
    with pytest.raises(PostcodeTableError):
        PostcodeTable.from_json_bytes(data)


def test_missing_file_raises_table_error(tmp_path: Path) -> None:
    with pytest.raises(PostcodeTableError):
        PostcodeTable.load_bundled(tmp_path)


@given(st.binary())
def test_arbitrary_bytes_raise_only_table_error(data: bytes) -> None:
    with contextlib.suppress(PostcodeTableError):
        PostcodeTable.from_json_bytes(data)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["schema", "postcodes", "municipalities", "1000"])
                | st.text(max_size=5),
                inner,
                max_size=3,
            )
        ),
    )
)
def test_arbitrary_json_raises_only_table_error(value: object) -> None:
    with contextlib.suppress(PostcodeTableError):
        PostcodeTable.from_json_bytes(json.dumps(value).encode())


@given(st.text())
def test_postcode_syntax_matches_ascii_definition(text: str) -> None:
    expected = len(text) == 4 and all(c in "0123456789" for c in text) and text[0] != "0"
    assert is_postcode_syntax(text) is expected


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("1000", True),
        ("9999", True),
        ("3970", True),
        ("0999", False),
        ("999", False),
        ("10000", False),
        (" 3970", False),
        ("3970\n", False),
        ("١٢٣٤", False),
        ("１２３４", False),
        ("12³4", False),
        ("", False),
    ],
)
def test_postcode_syntax_examples(text: str, ok: bool) -> None:
    assert is_postcode_syntax(text) is ok
