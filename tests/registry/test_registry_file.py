"""Registry files are validated like user input: precise messages, never a traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_desk.domain.partners import (
    ChooseMunicipality,
    NoProtocol,
    PartnerFound,
    PartnerRegistry,
    ProtocolEnded,
    ProtocolNotYetInForce,
    TeamNotParty,
    UnknownPostcode,
)
from referral_desk.domain.postcodes import PostcodeTable, Region
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry.file_reading import load_registry_file
from referral_desk.registry.parsing import load_registry_text

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")


def _problems(text: str) -> list[str]:
    with pytest.raises(RegistryError) as error:
        load_registry_text(text, TABLE, file="p.toml")
    return [str(p) for p in error.value.problems]


def test_bundled_registry_is_valid_and_has_the_two_seed_partners() -> None:
    document = load_registry_text(BUNDLED, TABLE, file="partners.toml")
    mailboxes = {p.id: p.mailbox for p in document.partners}
    assert mailboxes == {
        "ocmw-leopoldsburg": "socialedienst@leopoldsburg.be",
        "ocmw-wervik": "kindengezin@wervik.be",
    }
    leopoldsburg = document.partners[0]
    assert leopoldsburg.breach_contact == "socialedienst@ocmwleopoldsburg.be"
    assert leopoldsburg.protocol.in_force_from == date(2024, 2, 1)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'mailbox = "kindengezin@wervik.be"',
            'mailbox = "kindengezin@wervik"',
            ":81: partners[2].mailbox: geen geldig e-mailadres",
        ),
        ('postcodes = ["8940"]', 'postcodes = ["8941"]', "onbekende postcode (waarde: 8941)"),
        (
            'municipalities = ["33029"]\npostcodes = ["8940"]',
            'municipalities = ["71034"]\npostcodes = ["3970"]',
            "al bediend door OCMW Leopoldsburg",
        ),
        (
            "in_force_from = 2023-12-01",
            "in_force_from = 2023-12-01\nended_on = 2023-01-01",
            "moet na in_force_from",
        ),
        (
            'kind = "OCMW"\nregion = "Vlaanderen"\nmailbox = "kindengezin',
            'kind = "OCMW"\nregoin = "Vlaanderen"\nmailbox = "kindengezin',
            "onbekende sleutel",
        ),
        ('municipalities = ["33029"]', 'municipalities = ["99999"]', "onbekende NIS-code"),
        ("in_force_from = 2023-12-01", 'in_force_from = "gisteren"', "in_force_from"),
        ('name = "OCMW Wervik"\n', "", "partners[2].name: verplicht veld ontbreekt"),
    ],
)
def test_broken_registry_reports_field_line_and_value(old: str, new: str, expected: str) -> None:
    assert old in BUNDLED
    problems = _problems(BUNDLED.replace(old, new, 1))
    assert any(expected in p for p in problems), problems


def test_syntax_error_names_the_line() -> None:
    problems = _problems(BUNDLED.replace('kind = "OCMW"', 'kind = "OCMW', 1))
    assert problems[0].startswith("p.toml:18: (syntaxis)")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "leeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "UTF-8"),
        (b"a = 1\x00", "binaire"),
        (b"x" * 1_100_000, "te groot"),
    ],
)
def test_files_that_are_not_registries(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "partners.toml"
    path.write_bytes(content)
    with pytest.raises(RegistryError) as error:
        load_registry_file(path, TABLE)
    assert expected in str(error.value)


def test_missing_file_is_a_registry_error(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="kan niet gelezen"):
        load_registry_file(tmp_path / "nope.toml", TABLE)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_loader_raises_only_registry_errors(text: str) -> None:
    try:
        load_registry_text(text, TABLE, file="fuzz.toml")
    except RegistryError as error:
        assert error.problems


def test_lookup_outcomes() -> None:
    registry = load_registry_file(ROOT / "config" / "partners.toml", TABLE).registry
    day = date(2026, 11, 22)
    assert isinstance(registry.lookup("3971", on=day), PartnerFound)
    assert isinstance(registry.lookup("1234", on=day), UnknownPostcode)
    assert isinstance(registry.lookup("1804", on=day), ChooseMunicipality)
    assert isinstance(registry.lookup("1804", on=day, nis_code="23088"), NoProtocol)
    assert isinstance(registry.lookup("8940", on=date(2023, 11, 30)), ProtocolNotYetInForce)
    assert isinstance(registry.lookup("8940", on=day, team="Kind en Gezin Menen"), PartnerFound)
    assert isinstance(registry.lookup("8940", on=day, team="Kind en Gezin Gent"), TeamNotParty)


def test_ended_protocol() -> None:
    text = BUNDLED.replace(
        "in_force_from = 2023-12-01", "in_force_from = 2023-12-01\nended_on = 2025-01-01"
    )
    document = load_registry_text(text, TABLE, file="p.toml")
    from referral_desk.domain.partners import PartnerRegistry

    result = PartnerRegistry(document.partners, TABLE).lookup("8940", on=date(2026, 1, 1))
    assert isinstance(result, ProtocolEnded)


def _edit(old: str, new: str) -> bytes:
    assert old in BUNDLED
    return BUNDLED.replace(old, new, 1).encode("utf-8")


# Malformed files a coordinator or an attacker may hand over: each gets its own message,
# never a traceback.
MALFORMED: dict[str, tuple[bytes | None, str]] = {
    "syntax error": (_edit('kind = "OCMW"', 'kind = "OCMW'), ":18: (syntaxis): geen geldige TOML"),
    "wrong type": (
        _edit('postcodes = ["8940"]', 'postcodes = "8940"'),
        "partners[2].postcodes: verwacht een lijst tussen [ ]",
    ),
    "missing field": (
        _edit('mailbox = "kindengezin@wervik.be"\n', ""),
        "partners[2].mailbox: verplicht veld ontbreekt",
    ),
    "unknown key": (
        _edit('mailbox = "kindengezin@wervik.be"', 'mailbx = "kindengezin@wervik.be"'),
        "partners[2].mailbx: onbekende sleutel (tikfout?)",
    ),
    "duplicate postcode across active partners": (
        _edit(
            'municipalities = ["33029"]\npostcodes = ["8940"]',
            'municipalities = ["33029", "71034"]\npostcodes = ["8940", "3970"]',
        ),
        "postcode wordt in dezelfde periode al bediend door OCMW Leopoldsburg",
    ),
    "bad mailbox": (
        _edit('"kindengezin@wervik.be"', '"kindengezin@wervik"'),
        ":81: partners[2].mailbox: geen geldig e-mailadres",
    ),
    "end before start": (
        _edit("in_force_from = 2023-12-01", "in_force_from = 2023-12-01\nended_on = 2022-01-01"),
        "ended_on (2022-01-01) moet na in_force_from (2023-12-01) liggen",
    ),
    "unknown postcode": (
        _edit('postcodes = ["8940"]', 'postcodes = ["8949"]'),
        "partners[2].postcodes: onbekende postcode (waarde: 8949)",
    ),
    "empty file": (b"", "het bestand is leeg"),
    "binary garbage": (bytes(range(256)) * 4, "geen UTF-8-tekst"),
    "binary garbage that is valid UTF-8": (b"\x00\x01\x02" * 100, "bevat binaire gegevens"),
    "50 MB file": (None, "te groot (meer dan 1000 kB)"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_files_each_get_their_own_message(tmp_path: Path, case: str) -> None:
    content, expected = MALFORMED[case]
    path = tmp_path / "partners.toml"
    if content is None:
        with path.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing 50 MB
    else:
        path.write_bytes(content)
    with pytest.raises(RegistryError) as error:
        load_registry_file(path, TABLE)
    assert any(expected in str(problem) for problem in error.value.problems), (
        case,
        [str(p) for p in error.value.problems],
    )


def test_every_belgian_postcode_has_exactly_one_outcome() -> None:
    registry = load_registry_file(ROOT / "config" / "partners.toml", TABLE).registry
    day = date(2026, 11, 23)
    counts: dict[str, int] = {}
    for postcode in TABLE.all_postcodes():
        result = registry.lookup(postcode, on=day)
        if isinstance(result, ChooseMunicipality):
            assert len(result.options) > 1
            for option in result.options:
                chosen = registry.lookup(postcode, on=day, nis_code=option.nis_code)
                assert isinstance(chosen, PartnerFound | NoProtocol), (postcode, chosen)
        else:
            assert isinstance(result, PartnerFound | NoProtocol), (postcode, result)
        if isinstance(result, NoProtocol):
            assert result.municipality.name_nl
        counts[type(result).__name__] = counts.get(type(result).__name__, 0) + 1
    assert counts["PartnerFound"] == 3  # 3970, 3971, 8940
    assert counts["ChooseMunicipality"] > 0
    assert sum(counts.values()) == len(TABLE.all_postcodes())


# --- who the law allows to receive (art. 10/1) and overlaps per municipality ---------------------

_PARTNER = """
[[partners]]
id = "{id}"
name = "{kind} {id}"
kind = "{kind}"
region = "{region}"
mailbox = "doorverwijzing@example.be"
municipalities = ["{nis}"]
postcodes = [{postcodes}]

[partners.protocol]
reference = "Protocol {id}"
local_teams = ["Kind en Gezin Test"]
in_force_from = 2024-02-01
"""
# The partners below state no protocol terms: a schema version 1 header reads them as the
# Opgroeien standard protocol.
_HEADER = BUNDLED[: BUNDLED.index("[[partners]]")].replace(
    "schema_version = 2", "schema_version = 1"
)


def _partner(pid: str, kind: str, nis: str, postcodes: list[str], region: str = "") -> str:
    region = region or ("Brussel" if kind == "CAW" else "Vlaanderen")
    codes = ", ".join(f'"{code}"' for code in postcodes)
    return _PARTNER.format(id=pid, kind=kind, region=region, nis=nis, postcodes=codes)


@pytest.mark.parametrize(
    ("kind", "nis", "postcode", "expected"),
    [
        ("OCMW", "21004", "1000", "Brusselse gemeente: daar is het CAW de partner, niet een OCMW"),
        ("CAW", "44021", "9000", "Vlaamse gemeente: daar is het OCMW de partner, niet een CAW"),
        ("OCMW", "62063", "4000", "gemeente in Wallonië of de Duitstalige Gemeenschap"),
        ("CAW", "62063", "4000", "gemeente in Wallonië of de Duitstalige Gemeenschap"),
        ("OCMW", "63023", "4700", "gemeente in Wallonië of de Duitstalige Gemeenschap"),
    ],
)
def test_only_the_recipient_the_law_names_may_be_a_partner(
    kind: str, nis: str, postcode: str, expected: str
) -> None:
    """An OCMW for Brussels (1000), a CAW in Gent and an OCMW in Liège all used to validate."""
    problems = _problems(_HEADER + _partner("partner-x", kind, nis, [postcode]))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"p.toml:22: partners[1].municipalities: {expected}")
    assert "art. 10/1" in problems[0] and f"(waarde: {nis} " in problems[0]


def test_the_region_goes_with_the_kind() -> None:
    text = _HEADER + _partner("caw-brussel", "CAW", "21004", ["1000"], region="Vlaanderen")
    assert _problems(text) == [
        "p.toml:20: partners[1].region: een CAW hoort bij regio Brussel (waarde: Vlaanderen)"
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(
        sorted({m.nis_code for p in TABLE.all_postcodes() for m in TABLE.municipalities_for(p)})
    ),
    st.sampled_from(["OCMW", "CAW"]),
)
def test_every_municipality_takes_exactly_the_recipient_of_its_region(nis: str, kind: str) -> None:
    municipality = TABLE.municipality(nis)
    assert municipality is not None
    text = _HEADER + _partner("partner-x", kind, nis, list(TABLE.postcodes_of(nis)))
    allowed = {Region.VLAANDEREN: "OCMW", Region.BRUSSEL: "CAW"}.get(municipality.region)
    try:
        load_registry_text(text, TABLE, file="p.toml")
    except RegistryError as error:
        assert kind != allowed, error.message
        assert [p.field for p in error.problems] == ["partners[1].municipalities"]
    else:
        assert kind == allowed


def test_two_municipalities_that_share_a_postcode_each_have_their_own_ocmw() -> None:
    """Vilvoorde (23088) and Zemst (23096) share 1804; the overlap check used to ignore whose."""
    text = (
        _HEADER
        + _partner("ocmw-vilvoorde", "OCMW", "23088", ["1800", "1804"])
        + _partner("ocmw-zemst", "OCMW", "23096", ["1804", "1980"])
    )
    document = load_registry_text(text, TABLE, file="p.toml")
    registry = PartnerRegistry(document.partners, TABLE)
    day = date(2025, 1, 1)
    assert isinstance(registry.lookup("1804", on=day), ChooseMunicipality)
    for nis, partner_id in (("23088", "ocmw-vilvoorde"), ("23096", "ocmw-zemst")):
        found = registry.lookup("1804", on=day, nis_code=nis)
        assert isinstance(found, PartnerFound) and found.partner.id == partner_id


def test_two_partners_for_one_municipality_and_postcode_on_one_day_still_overlap() -> None:
    text = (
        _HEADER
        + _partner("ocmw-zemst", "OCMW", "23096", ["1804", "1980"])
        + _partner("ocmw-zemst-2", "OCMW", "23096", ["1804"])
    )
    assert _problems(text) == [
        "p.toml:37: partners[2].postcodes: postcode wordt in dezelfde periode al bediend door "
        "OCMW ocmw-zemst (partner 1) voor dezelfde gemeente; beëindig eerst dat protocol "
        "(waarde: 1804)"
    ]
