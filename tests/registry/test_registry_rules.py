"""The registry editor's rules without a window: header, new version, renewal, partner input."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_desk.domain.errors import Message, UserFacingError
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.protocol_terms import OPGROEIEN_TERMS, with_standard_terms
from referral_desk.registry.diff import MAILBOX_CHANGED, ChangeLine, render_changes
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.form_input import (
    CHANGED_BY_MISSING,
    DATE_HINT,
    PARTNER_FIELDS,
    REQUIRED,
    VERSION_MISSING,
    HeaderInput,
    NotADate,
    parse_day,
    partner_from_texts,
    partner_problems,
    split_codes,
)
from referral_desk.registry.rules import (
    NEEDS_NEW_VERSION,
    NOT_VALID_YET,
    REPAIRED,
    NewVersionRefused,
    RegistryBase,
    check_new_version,
    describe_changes,
    header_problems,
)

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")
BASE_VERSION = "2026.1"
TODAY = date(2026, 11, 23)
HEADER = HeaderInput(BASE_VERSION, "2026-11-22", "Coördinator West-Limburg")


def _base() -> RegistryBase:
    return RegistryBase.of(BUNDLED, TABLE, file="partners.toml")


def _changed_mailbox() -> EditableRegistry:
    editable = EditableRegistry.from_text(BUNDLED)
    wervik = editable.partner(1)
    wervik["mailbox"] = "sociaal@wervik.be"
    editable.replace_partner(1, wervik)
    return editable


# The Opgroeien protocol's terms as the editor's fields hold them: lists one item a line.
STANDARD_TERM_TEXTS = {
    f"protocol.{key}": "\n".join(value) if isinstance(value, tuple) else value
    for key, value in OPGROEIEN_TERMS.items()
}


def _wervik_texts(**changes: str) -> dict[str, str]:
    texts = {
        "id": "ocmw-wervik",
        "name": "OCMW Wervik",
        "kind": "OCMW",
        "region": "Vlaanderen",
        "mailbox": "kindengezin@wervik.be",
        "municipalities": "33029",
        "postcodes": "8940",
        "password_mode": "one-time",
        "protocol.reference": "Protocol Wervik",
        "protocol.local_teams": "Kind en Gezin Menen",
        "protocol.in_force_from": "2023-12-01",
        **STANDARD_TERM_TEXTS,
    }
    texts.update(changes)
    return texts


# --- header -----------------------------------------------------------------------------------


def test_header_needs_version_date_and_who_changed_it() -> None:
    problems = HeaderInput(" ", "morgen", "").problems()
    assert problems == {
        "version": VERSION_MISSING(),
        "date": DATE_HINT(),
        "changed_by": CHANGED_BY_MISSING(),
    }
    assert {key: said.dutch for key, said in problems.items()} == {
        "version": "Geef de versie van het partnerregister.",
        "date": "Geef een datum als 2024-02-01 of 1/02/2024.",
        "changed_by": "Wie wijzigde het partnerregister?",
    }
    assert HEADER.problems() == {}


@settings(max_examples=100)
@given(st.text(alphabet=" \t\u00a0\u3000", max_size=5))
def test_a_blank_version_is_no_version(blank: str) -> None:
    problems = HeaderInput(blank, "2026-11-22", "X").problems()
    assert problems == {"version": VERSION_MISSING()}
    assert problems["version"].dutch == "Geef de versie van het partnerregister."


@settings(max_examples=200)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)))
def test_a_date_is_read_as_iso_or_day_first(day: date) -> None:
    assert parse_day(day.isoformat()) == day
    assert parse_day(f" {day.day}/{day.month:02d}/{day.year:04d} ") == day
    assert parse_day(f"{day.day:02d}-{day.month:02d}-{day.year:04d}") == day


@settings(max_examples=200)
@given(st.text(max_size=20).filter(lambda t: not any(c.isdigit() for c in t)))
def test_text_without_digits_is_not_a_date_and_says_what_is(text: str) -> None:
    with pytest.raises(NotADate) as error:
        parse_day(text)
    assert isinstance(error.value, UserFacingError)
    assert error.value.said == DATE_HINT()
    assert error.value.message == DATE_HINT.text


def test_apply_writes_only_the_well_formed_fields() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    HeaderInput("2026.2", "23/11/20", "").apply_to(editable)
    header = editable.header()
    assert header["registry_version"] == "2026.2"
    assert header["registry_date"] == date(2026, 11, 22)  # the half-typed date is not taken
    assert header["changed_by"].startswith("referral-desk ontwikkelteam")
    HeaderInput(" 2026.2 ", "23/11/2026", " Coördinator ").apply_to(editable)
    assert editable.header() == {
        "registry_version": "2026.2",
        "registry_date": TODAY,
        "changed_by": "Coördinator",
    }


def test_unchanged_header_stays_byte_identical() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    HeaderInput(BASE_VERSION, "22/11/2026", str(editable.header()["changed_by"])).apply_to(editable)
    assert editable.to_text() == BUNDLED


# --- a new version ----------------------------------------------------------------------------


def test_a_changed_registry_needs_a_new_version() -> None:
    base, editable = _base(), _changed_mailbox()
    assert base.version == BASE_VERSION and base.is_changed(editable)
    assert header_problems(HEADER, base, editable) == {
        "version": NEEDS_NEW_VERSION(version=BASE_VERSION)
    }
    assert NEEDS_NEW_VERSION(version=BASE_VERSION).dutch == (
        "Het partnerregister is gewijzigd: geef het een nieuwe versie (nu 2026.1)."
    )


@settings(max_examples=200)
@given(st.text(min_size=1, max_size=20).filter(lambda v: v.strip() not in ("", BASE_VERSION)))
def test_any_other_version_is_a_new_one(version: str) -> None:
    editable = _changed_mailbox()
    header = HeaderInput(version, "2026-11-23", "Coördinator")
    header.apply_to(editable)
    assert header_problems(header, _base(), editable) == {}


@settings(max_examples=50)
@given(st.text(alphabet=" \t", max_size=3), st.text(alphabet=" \t", max_size=3))
def test_the_same_version_with_spaces_around_it_is_the_same_version(left: str, right: str) -> None:
    header = HeaderInput(f"{left}{BASE_VERSION}{right}", "2026-11-22", "X")
    problems = header_problems(header, _base(), _changed_mailbox())
    assert problems["version"] == NEEDS_NEW_VERSION(version=BASE_VERSION)


def test_the_header_alone_is_a_change_too() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    header = HeaderInput(BASE_VERSION, "2026-11-22", "Coördinator Menen")
    header.apply_to(editable)
    assert "version" in header_problems(header, _base(), editable)


def test_unchanged_registry_keeps_its_version_and_a_reverted_version_is_no_change() -> None:
    base, editable = _base(), EditableRegistry.from_text(BUNDLED)
    changed_by = str(editable.header()["changed_by"])
    same = HeaderInput(BASE_VERSION, "2026-11-22", changed_by)
    assert header_problems(same, base, editable) == {}
    HeaderInput("2026.2", "2026-11-22", changed_by).apply_to(editable)
    same.apply_to(editable)  # typed back: nothing changed, so no new version is needed
    assert not base.is_changed(editable)
    assert header_problems(same, base, editable) == {}


def test_a_broken_base_has_no_version_to_keep() -> None:
    broken = BUNDLED.replace('"kindengezin@wervik.be"', '"kindengezin(at)wervik.be"')
    base = RegistryBase.of(broken, TABLE, file="p.toml")
    assert base.document is None and base.version is None
    editable = EditableRegistry.from_text(broken)
    wervik = editable.partner(1)
    wervik["mailbox"] = "kindengezin@wervik.be"
    editable.replace_partner(1, wervik)
    assert check_new_version(editable, TABLE, base, HEADER).registry_version == BASE_VERSION
    assert describe_changes(base, editable.validate(TABLE)) == (ChangeLine(REPAIRED()),)
    assert REPAIRED.text == "Het geopende partnerregister was ongeldig; dit is de herstelde versie."


def test_an_invalid_registry_is_refused_before_its_header() -> None:
    editable = _changed_mailbox()
    wervik = editable.partner(1)
    wervik["municipalities"] = ["71034"]
    wervik["postcodes"] = ["3970"]
    editable.replace_partner(1, wervik)
    with pytest.raises(NewVersionRefused) as refused:
        check_new_version(editable, TABLE, _base(), HEADER)
    assert refused.value.document is None
    assert refused.value.header_problems == {"version": NEEDS_NEW_VERSION(version=BASE_VERSION)}
    assert refused.value.lines[0] == NOT_VALID_YET()
    assert any(line.code == "registry.sentence.field_value" for line in refused.value.lines)
    assert refused.value.message.startswith(
        "Het partnerregister kan pas bewaard worden als alles in orde is:\n"
    )
    assert "al bediend door OCMW Leopoldsburg" in refused.value.message


def test_a_valid_registry_with_the_old_version_is_refused_with_its_document() -> None:
    with pytest.raises(NewVersionRefused) as refused:
        check_new_version(_changed_mailbox(), TABLE, _base(), HEADER)
    assert refused.value.registry_problems == ()
    assert refused.value.message == NEEDS_NEW_VERSION(version=BASE_VERSION).dutch
    assert refused.value.lines == (NEEDS_NEW_VERSION(version=BASE_VERSION),)
    assert refused.value.document is not None


def test_a_new_version_may_be_written_and_the_change_is_described() -> None:
    editable = _changed_mailbox()
    header = HeaderInput("2026.2", "2026-11-23", "Coördinator Menen")
    header.apply_to(editable)
    document = check_new_version(editable, TABLE, _base(), header)
    assert (document.registry_version, document.changed_by) == ("2026.2", "Coördinator Menen")
    changes = describe_changes(_base(), document)
    assert changes == (
        ChangeLine(
            MAILBOX_CHANGED(
                name="OCMW Wervik",
                id="ocmw-wervik",
                old="kindengezin@wervik.be",
                new="sociaal@wervik.be",
            ),
            emphasised=True,
        ),
    )
    assert render_changes(changes, bold=("<b>", "</b>")) == (
        "<b>! MAILBOX GEWIJZIGD bij OCMW Wervik (ocmw-wervik): kindengezin@wervik.be → "
        "sociaal@wervik.be</b>"
    )
    assert "<b>" not in render_changes(changes)


# --- partners: new, renewed, ended ------------------------------------------------------------


def test_a_new_partner_starts_today_with_a_free_id() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    first = editable.add_new_partner(TODAY)
    second = editable.add_new_partner(TODAY)
    assert editable.partner(first) == {
        "id": "nieuwe-partner",
        "name": "Nieuwe partner",
        "kind": "OCMW",
        "region": "Vlaanderen",
        "password_mode": "one-time",
        "protocol": with_standard_terms({"in_force_from": TODAY}),
    }
    assert editable.partner(second)["id"] == "nieuwe-partner-2"


@settings(max_examples=100)
@given(st.lists(st.sampled_from(["p", "p-2", "p-3", "p-5", "q"]), unique=True))
def test_a_unique_id_is_never_taken(taken: list[str]) -> None:
    editable = EditableRegistry.new(version="1", on=TODAY, changed_by="X")
    for partner_id in taken:
        editable.add_partner({"id": partner_id})
    found = editable.unique_id("p")
    assert found not in taken
    assert found == "p" or found.startswith("p-")


def test_a_renewal_copies_the_partner_with_a_new_open_protocol_from_today() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    editable.end_protocol(1, date(2026, 12, 31))
    old = editable.partner(1)
    new = editable.partner(editable.add_renewal(1, TODAY))
    assert new["id"] == "ocmw-wervik-nieuw"
    kept = {k: v for k, v in old["protocol"].items() if k != "ended_on"}
    assert new["protocol"] == {**kept, "in_force_from": TODAY}
    assert {k: v for k, v in new.items() if k not in ("id", "protocol")} == {
        k: v for k, v in old.items() if k not in ("id", "protocol")
    }
    assert editable.partner(editable.add_renewal(1, TODAY))["id"] == "ocmw-wervik-nieuw-2"


def test_a_renewal_overlaps_until_the_old_protocol_is_ended_on_its_first_day() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    editable.add_renewal(1, TODAY)
    with pytest.raises(Exception, match="al bediend door OCMW Wervik"):
        editable.validate(TABLE)
    editable.end_protocol(1, TODAY)
    assert editable.partner(1)["protocol"]["ended_on"] == TODAY
    assert [p.id for p in editable.validate(TABLE).partners][-1] == "ocmw-wervik-nieuw"


def test_ending_a_protocol_of_a_half_written_partner_keeps_the_date() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    index = editable.add_partner({"id": "nog-niet-af", "name": "Nog niet af"})
    editable.end_protocol(index, TODAY)
    assert editable.partner(index)["protocol"] == {"ended_on": TODAY}
    text = editable.to_text()
    editable.end_protocol(index, TODAY)
    assert editable.to_text() == text


# --- a partner as typed -----------------------------------------------------------------------

_code = st.from_regex(r"[0-9]{4,5}", fullmatch=True)
_separator = st.sampled_from([",", ";", " ", ", ", " ; ", "\t", ",,"])


@settings(max_examples=200)
@given(st.lists(_code, max_size=8), st.data())
def test_codes_are_split_on_commas_semicolons_and_spaces(codes: list[str], data: Any) -> None:
    text = "".join(code + data.draw(_separator) for code in codes)
    assert split_codes(text) == codes


def test_typed_text_becomes_toml_values_and_nothing_typed_is_lost() -> None:
    raw = partner_from_texts(
        _wervik_texts(
            municipalities="33029;",
            postcodes=" 8940 ",
            **{
                "protocol.local_teams": " Kind en Gezin Menen \n\n Team 2 ",
                "protocol.in_force_from": "1/12/2023",
                "protocol.ended_on": "eind 2026",
                "breach_contact": "  ",
            },
        )
    )
    assert raw["municipalities"] == ["33029"] and raw["postcodes"] == ["8940"]
    assert raw["protocol"]["local_teams"] == ["Kind en Gezin Menen", "Team 2"]
    assert raw["protocol"]["in_force_from"] == date(2023, 12, 1)
    assert raw["protocol"]["ended_on"] == "eind 2026"
    assert "breach_contact" not in raw
    assert partner_problems(raw, TABLE) == {"protocol.ended_on": DATE_HINT()}


def test_a_complete_partner_has_no_problems() -> None:
    assert partner_problems(partner_from_texts(_wervik_texts()), TABLE) == {}
    assert set(_wervik_texts()) <= set(PARTNER_FIELDS)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"mailbox": ""}, "mailbox", REQUIRED.text),
        ({"protocol.local_teams": ""}, "protocol.local_teams", REQUIRED.text),
        ({"id": "OCMW Wervik"}, "id", "Kleine letters, cijfers en koppeltekens; vorm klopt niet."),
        ({"name": "W"}, "name", "Te kort: minstens 2 tekens."),
        ({"mailbox": "kindengezin(at)wervik.be"}, "mailbox", "geen geldig e-mailadres"),
        ({"municipalities": "3302 33029"}, "municipalities", "Geen NIS-code: 3302 (5 cijfers"),
        ({"municipalities": "33029 99999"}, "municipalities", "Onbekende NIS-code: 99999."),
        ({"postcodes": "894"}, "postcodes", "Geen postcode: 894 (4 cijfers"),
        ({"postcodes": "8941"}, "postcodes", "Onbekende postcode: 8941."),
        (
            {"postcodes": "8940, 3970"},
            "postcodes",
            "Postcode 3970 hoort bij geen van de gemeenten hierboven.",
        ),
        ({"protocol.ended_on": "2023-11-30"}, "protocol.ended_on", "moet na in_force_from"),
        ({"protocol.dpo_advice_on": "31/11/2023"}, "protocol.dpo_advice_on", DATE_HINT.text),
    ],
)
def test_each_field_says_what_is_wrong(changes: dict[str, str], field: str, message: str) -> None:
    problems = partner_problems(partner_from_texts(_wervik_texts(**changes)), TABLE)
    assert list(problems) == [field]
    assert message in problems[field].dutch


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(PARTNER_FIELDS), st.text(max_size=30)))
def test_any_typed_text_gives_problems_only_for_known_fields(texts: dict[str, str]) -> None:
    problems = partner_problems(partner_from_texts(texts), TABLE)
    assert set(problems) <= set(PARTNER_FIELDS)
    assert all(isinstance(m, Message) and m.dutch for m in problems.values())


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"municipalities": "21004", "postcodes": "1000"},
            "municipalities",
            "Brussel (21004) is een Brusselse gemeente: daar is het CAW de partner, niet een OCMW",
        ),
        (
            {"kind": "CAW", "region": "Brussel", "municipalities": "44021", "postcodes": "9000"},
            "municipalities",
            "Gent (44021) is een Vlaamse gemeente: daar is het OCMW de partner, niet een CAW",
        ),
        (
            {"municipalities": "62063", "postcodes": "4000"},
            "municipalities",
            "Luik (62063) is een gemeente in Wallonië of de Duitstalige Gemeenschap",
        ),
        ({"region": "Brussel"}, "region", "Een OCMW hoort bij regio Vlaanderen."),
    ],
)
def test_the_editor_names_a_recipient_the_law_does_not_allow(
    changes: dict[str, str], field: str, message: str
) -> None:
    problems = partner_problems(partner_from_texts(_wervik_texts(**changes)), TABLE)
    assert list(problems) == [field]
    assert problems[field].dutch.startswith(message)


def test_the_editor_refuses_to_save_an_ocmw_for_brussels() -> None:
    editable = _changed_mailbox()
    wervik = editable.partner(1)
    wervik["municipalities"] = ["21004"]
    wervik["postcodes"] = ["1000"]
    editable.replace_partner(1, wervik)
    with pytest.raises(NewVersionRefused) as refused:
        check_new_version(editable, TABLE, _base(), HeaderInput("2026.2", "2026-11-23", "C"))
    assert refused.value.document is None
    assert "OCMW Wervik, gemeenten: Brusselse gemeente" in refused.value.message
    assert "partners[2]" not in refused.value.message  # the line for IT is a detail elsewhere
    assert refused.value.registry_problems[0].where.endswith("partners[2].municipalities")
