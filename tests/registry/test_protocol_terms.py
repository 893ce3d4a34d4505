"""The protocol's terms as registry data (schema version 2): a version 1 registry still reads
as the Opgroeien standard, a version 2 protocol missing a term is refused by name, and
protocols of another shape (Herent–Kortenberg, Genk) fit the same schema."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from referral_desk.domain.partners import Protocol
from referral_desk.domain.protocol_terms import (
    OPGROEIEN_STANDARD,
    OPGROEIEN_TERMS,
    TERM_KEYS,
    ProtocolTerms,
)
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.lifecycle.registry_editing import RegistryEditing
from referral_desk.registry.csv_table import CsvImportError, export_csv, import_csv
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.form_input import REQUIRED, partner_from_texts, partner_problems
from referral_desk.registry.parsing import load_registry_text
from tests.lifecycle_fixtures import BUNDLED, TABLE


def version_1(text: str = BUNDLED) -> str:
    """*text* as a registry from before the terms: schema version 1, no term keys."""
    lines = text.replace("schema_version = 2", "schema_version = 1").splitlines(keepends=True)
    kept: list[str] = []
    skipping = False
    for line in lines:
        key = line.split("=", 1)[0].strip()
        if key in TERM_KEYS:
            skipping = line.rstrip().endswith("[")
            continue
        if skipping:
            skipping = line.strip() != "]"
            continue
        kept.append(line)
    return "".join(kept)


def _problems(text: str) -> list[str]:
    with pytest.raises(RegistryError) as error:
        load_registry_text(text, TABLE, file="p.toml")
    return [f"{problem} | {problem.sentence}" for problem in error.value.problems]


def test_the_bundled_registry_states_its_terms_in_schema_version_2() -> None:
    document = load_registry_text(BUNDLED, TABLE, file="partners.toml")
    assert document.schema_version == 2
    for partner in document.partners:
        assert partner.protocol.terms() == OPGROEIEN_STANDARD


def test_a_version_1_registry_reads_as_the_opgroeien_standard() -> None:
    old = version_1()
    assert "legal_basis" not in old and "schema_version = 1" in old
    document = load_registry_text(old, TABLE, file="partners.toml")
    assert [p.protocol.terms() for p in document.partners] == [OPGROEIEN_STANDARD] * 2
    current = load_registry_text(BUNDLED, TABLE, file="partners.toml")
    assert [p.model_dump() for p in document.partners] == [p.model_dump() for p in current.partners]


def test_a_version_1_protocol_keeps_a_term_it_does_state() -> None:
    old = version_1().replace(
        "consent_valid_days = 30\n", 'consent_valid_days = 30\nlegal_basis = "eigen grond"\n', 1
    )
    document = load_registry_text(old, TABLE, file="partners.toml")
    assert document.partners[0].protocol.legal_basis == "eigen grond"
    assert document.partners[1].protocol.legal_basis == OPGROEIEN_STANDARD.legal_basis


@pytest.mark.parametrize(
    ("key", "word"),
    [
        ("legal_basis", "rechtsgrond ontbreekt"),
        ("security_measures", "beveiligingsmaatregelen ontbreken"),
        ("breach_duty", "afspraak over gegevenslekken ontbreekt"),
        ("password_channel", "kanaal voor het wachtwoord ontbreekt"),
    ],
)
def test_a_version_2_protocol_missing_a_term_is_refused_naming_partner_and_field(
    key: str, word: str
) -> None:
    wervik = BUNDLED.index('id = "ocmw-wervik"')
    head, tail = BUNDLED[:wervik], BUNDLED[wervik:]
    tail = re.sub(rf"^{key} = (\[\n(.*\n)*?\]|.*)\n", "", tail, count=1, flags=re.M)
    problems = _problems(head + tail)
    protocol_line = (head + tail).splitlines().index("[partners.protocol]", 60) + 1
    assert problems == [
        f"p.toml:{protocol_line}: partners[2].protocol.{key}: verplicht veld ontbreekt"
        f" | OCMW Wervik: {word}"
    ]


def test_an_empty_list_of_measures_is_refused_and_no_onward_recipients_is_allowed() -> None:
    text = re.sub(r"security_measures = \[\n(.*\n)*?\]", "security_measures = []", BUNDLED, count=1)
    assert _problems(text)[0].endswith("OCMW Leopoldsburg: beveiligingsmaatregelen ontbreken")
    text = re.sub(r"onward_recipients = \[\n(.*\n)*?\]", "onward_recipients = []", BUNDLED, count=1)
    assert (
        load_registry_text(text, TABLE, file="p.toml").partners[0].protocol.onward_recipients == ()
    )


def test_an_unknown_placeholder_is_refused_when_the_registry_is_read() -> None:
    text = BUNDLED.replace("aan {meldpunt} en", "aan {meldpnt} en", 1)
    [problem] = _problems(text)
    assert "partners[1].protocol.breach_duty" in problem
    assert "onbekend invulveld {meldpnt}; mogelijk zijn {partner}, {meldpunt}" in problem
    assert "accolades" in _problems(BUNDLED.replace("aan {meldpunt} en", "aan {meldpunt en", 1))[0]


# --- the editor and the command line ---------------------------------------------------------


def test_the_editor_upgrades_a_version_1_file_with_the_terms_it_was_read_with(
    tmp_path: Path,
) -> None:
    old = tmp_path / "oud.toml"
    old.write_text(version_1(), "utf-8")
    editing = RegistryEditing(TABLE, old, lambda: date(2026, 12, 1), tmp_path)
    editing.open(old)
    assert editing.is_modified()  # saving writes version 2, so there is something to save
    text = editing.editable.to_text()
    assert "schema_version = 2" in text and "# Art. 9: meldpunt gegevenslekken" in text
    document = load_registry_text(text, TABLE, file="nieuw.toml")
    assert [p.protocol.terms() for p in document.partners] == [OPGROEIEN_STANDARD] * 2
    assert editing.editable.upgrade() is False  # already current


def test_a_current_file_opens_unchanged() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    assert editable.upgrade() is False and editable.to_text() == BUNDLED


def test_a_new_partner_starts_from_the_standard_terms() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    index = editable.add_new_partner(date(2026, 12, 1))
    protocol = editable.partner(index)["protocol"]
    assert {key: protocol[key] for key in TERM_KEYS} == {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in OPGROEIEN_TERMS.items()
    }


def _typed(**changes: str) -> dict[str, Any]:
    texts = {
        "id": "ocmw-wervik",
        "name": "OCMW Wervik",
        "kind": "OCMW",
        "region": "Vlaanderen",
        "mailbox": "kindengezin@wervik.be",
        "municipalities": "33029",
        "postcodes": "8940",
        "protocol.reference": "Protocol Wervik",
        "protocol.local_teams": "Kind en Gezin Menen",
        "protocol.in_force_from": "2023-12-01",
        "protocol.legal_basis": "art. 10/1 decreet van 30 april 2004",
        "protocol.purposes": "hulp aanbieden",
        "protocol.shared_fields": "naam\nadres, telefoon en e-mail",
        "protocol.recipients": "de maatschappelijk werker",
        "protocol.security_measures": " 7-Zip, AES-256 \n\n veiligheidsplan ",
        "protocol.access_duty": "Art. 4: alleen voor\nde maatschappelijk werker.",
        "protocol.quality_duty": "Art. 7: meld fouten.",
        "protocol.breach_duty": "Art. 9: meld lekken aan {meldpunt}.",
        "protocol.retention_duty": "Art. 3: bewaar {bewaartermijn}.",
        "protocol.password_channel": "telefonisch",
    }
    texts.update(changes)
    return partner_from_texts(texts)


def test_the_editor_reads_lists_one_item_a_line_and_sentences_as_one_line() -> None:
    raw = _typed()
    protocol = raw["protocol"]
    assert protocol["security_measures"] == ["7-Zip, AES-256", "veiligheidsplan"]
    assert protocol["shared_fields"] == ["naam", "adres, telefoon en e-mail"]
    assert protocol["access_duty"] == "Art. 4: alleen voor de maatschappelijk werker."
    assert "onward_recipients" not in protocol
    assert partner_problems(raw, TABLE) == {}


def test_the_editor_names_a_missing_term_or_placeholder_by_field() -> None:
    problems = partner_problems(_typed(**{"protocol.recipients": " \n "}), TABLE)
    assert problems == {"protocol.recipients": REQUIRED()}
    problems = partner_problems(_typed(**{"protocol.breach_duty": "aan {contact}"}), TABLE)
    assert "onbekend invulveld {contact}" in problems["protocol.breach_duty"].dutch


def test_the_acknowledgement_term_is_a_number_of_working_days() -> None:
    raw = _typed(**{"protocol.acknowledgement_working_days": "5"})
    assert raw["protocol"]["acknowledgement_working_days"] == 5
    assert partner_problems(raw, TABLE) == {}
    wrong = _typed(**{"protocol.acknowledgement_working_days": "61"})
    assert "protocol.acknowledgement_working_days" in partner_problems(wrong, TABLE)
    words = _typed(**{"protocol.acknowledgement_working_days": "vijf"})
    assert "protocol.acknowledgement_working_days" in partner_problems(words, TABLE)


def test_the_csv_table_carries_every_term_both_ways() -> None:
    document = load_registry_text(
        BUNDLED.replace("consent_valid_days = 30\n", "consent_valid_days = 30\n"
                        "acknowledgement_working_days = 5\n", 1),
        TABLE,
        file="partners.toml",
    )  # fmt: skip
    text = export_csv(document)
    header = text.splitlines()[0]
    for column in ("rechtsgrond", "beveiligingsmaatregelen", "afspraak_gegevenslek"):
        assert column in header
    partners = import_csv(text)
    assert partners[0]["protocol"]["acknowledgement_working_days"] == 5
    assert [Protocol.model_validate(p["protocol"]).terms() for p in partners] == [
        OPGROEIEN_STANDARD
    ] * 2


def test_a_csv_without_term_columns_reads_as_the_standard_and_an_empty_cell_is_named() -> None:
    minimal = (
        "id,naam,soort,regio,mailbox,nis_codes,postcodes,protocol,lokale_teams,in_werking_vanaf\r\n"
        "ocmw-wervik,OCMW Wervik,OCMW,Vlaanderen,kindengezin@wervik.be,33029,8940,Protocol W,"
        "Kind en Gezin Menen,2023-12-01\r\n"
    )
    [partner] = import_csv(minimal)
    assert Protocol.model_validate(partner["protocol"]).terms() == OPGROEIEN_STANDARD
    exported = export_csv(load_registry_text(BUNDLED, TABLE, file="p.toml"))
    rows = list(csv.reader(io.StringIO(exported.removeprefix("\ufeff")), delimiter=";"))
    rows[1][rows[0].index("kanaal_wachtwoord")] = ""
    edited = io.StringIO()
    csv.writer(edited, delimiter=";").writerows(rows)
    with pytest.raises(CsvImportError) as error:
        import_csv(edited.getvalue())
    assert [str(p) for p in error.value.problems] == [
        "rij 2, kolom kanaal_wachtwoord: verplicht veld is leeg"
    ]


# --- protocols of another shape ------------------------------------------------------------

HERENT_KORTENBERG: dict[str, Any] = {
    "legal_basis": (
        "art. 8, §1 decreet van 18 juli 2008; organieke wet OCMW 8 juli 1976; decreet lokaal "
        "bestuur; woonzorgdecreet 15 februari 2019"
    ),
    "purposes": [
        "personeelsdossiers van de thuiszorgdiensten (PLUIM)",
        "het cliëntendossier",
        "subsidies en controle in VESTA",
        "agendapunten, vergaderverslagen en poststukken",
    ],
    "shared_fields": [
        "personeel: familienaam, voornaam, geboortedatum, geboorteplaats, adres, "
        "rijksregisternummer",
        "personeel: e-mailadres en telefoonnummer (werk), telefoonnummer (privé)",
        "personeel: bankrekeningnummer, uurroosters",
        "personeel: vaccinatiestatus en testresultaten (art. 9 AVG)",
        "personeel: uittreksel uit het strafregister (art. 10 AVG)",
        "cliënten: identificatie- en contactgegevens, INSZ-nummer, bankrekeningnummer",
        "cliënten: medische gegevens (art. 9 AVG), wettelijke vertegenwoordiger, uurroosters",
    ],
    "recipients": [
        "verantwoordelijken voor personeelsbeheer en financieel beheer bij de partijen",
        "administratieve personeelsleden van personeelsbeheer en financieel beheer",
    ],
    "onward_recipients": ["hogere overheden in het kader van een wettelijke verplichting"],
    "security_measures": [
        "een aanspreekpunt en een beleid voor informatieveiligheid bij elke partij",
        "personeelsleden met toegang met naam aangeduid en gesensibiliseerd",
        "overdracht binnen een domeinnetwerk, via een beveiligde toepassing of webservices",
        "SSL/TLS op transportniveau, X.509-certificaten op berichtniveau",
    ],
    "access_duty": (
        "Art. 5: alleen voor de verantwoordelijken en administratieve personeelsleden van "
        "personeelsbeheer en financieel beheer, gebonden door vertrouwelijkheid of beroepsgeheim."
    ),
    "quality_duty": (
        "Art. 12: foutieve, onvolledige of verouderde gegevens meldt u onmiddellijk aan de "
        "andere partij."
    ),
    "breach_duty": (
        "Art. 13: een inbreuk meldt u via de DPO aan {meldpunt}, uiterlijk 36 uur nadat u ze kent."
    ),
    "retention_duty": (
        "Art. 9: de gegevens worden verwerkt zolang het personeelslid bij de partijen "
        "tewerkgesteld is."
    ),
    "password_channel": "binnen het domeinnetwerk, niet per e-mail",
}

GENK: dict[str, Any] = {
    "legal_basis": "art. 57 organieke wet OCMW 8 juli 1976; art. 177 decreet lokaal bestuur",
    "purposes": [
        "nazien of debiteuren van de stad voor wie een dwangbevel komt cliënt zijn bij het OCMW",
        "de invordering (tijdelijk) stopzetten terwijl het OCMW een oplossing zoekt",
    ],
    "shared_fields": [
        "van stad naar OCMW: voornaam, achternaam, rijksregisternummer, adres, dossiernummer",
        'van OCMW naar stad: "cliënt OCMW" of "invorderingsprocedure voortzetten"',
    ],
    "recipients": ["de Sociale Dienst van het OCMW Genk"],
    "security_measures": [
        "één Excel-bestand in een netwerkmap, alleen voor het debiteurenteam en de betrokken "
        "maatschappelijk werkers",
        "na het proefproject worden de gegevens geanonimiseerd of verwijderd",
    ],
    "access_duty": "Punt 4: geen derde ontvangers; alleen de Sociale Dienst OCMW.",
    "quality_duty": "Punt 12: gegevens uit de eigen administraties, zonder directe toegang.",
    "breach_duty": "Punt 9: bij niet-naleving stopt de uitwisseling tot er waarborgen zijn.",
    "retention_duty": "Punt 8: alleen voor de looptijd van het proefproject in 2021.",
    "password_channel": "geen: het bestand blijft in de netwerkmap",
}


@pytest.mark.parametrize("terms", [HERENT_KORTENBERG, GENK], ids=["herent", "genk"])
def test_protocols_of_another_shape_fit_the_same_terms(terms: dict[str, Any]) -> None:
    parsed = ProtocolTerms.model_validate(terms)
    assert parsed.purposes == tuple(terms["purposes"])
    assert parsed.onward_recipients == tuple(terms.get("onward_recipients", ()))


def test_the_herent_kortenberg_protocol_written_in_a_registry_parses() -> None:
    """The seeds' Herent–Kortenberg protocol as a partner of the registry: other purposes,
    fields, recipients and measures, the same schema."""
    editable = EditableRegistry.from_text(BUNDLED)
    editable.add_partner(
        {
            "id": "ocmw-kortenberg",
            "name": "OCMW Kortenberg",
            "kind": "OCMW",
            "region": "Vlaanderen",
            "mailbox": "personeel@kortenberg.be",
            "breach_contact": "dpo@kortenberg.be",
            "municipalities": ["24055"],
            "postcodes": ["3070"],
            "protocol": {
                "reference": "Protocol OCMW Herent – OCMW Kortenberg (thuiszorgdiensten PLUIM)",
                "local_teams": ["OCMW Herent"],
                "in_force_from": date(2022, 3, 1),
                "dpo_advice_on": date(2021, 8, 11),
                **HERENT_KORTENBERG,
            },
        }
    )
    text = editable.to_text()
    assert 'purposes = [\n    "personeelsdossiers' in text  # one item a line
    document = load_registry_text(text, TABLE, file="partners.toml")
    kortenberg = document.partners[-1]
    assert kortenberg.protocol.terms() == ProtocolTerms.model_validate(HERENT_KORTENBERG)
    assert kortenberg.protocol.breach_duty.startswith("Art. 13")


def test_a_term_too_short_to_mean_anything_is_refused() -> None:
    with pytest.raises(ValidationError):
        ProtocolTerms.model_validate({**OPGROEIEN_TERMS, "legal_basis": "x"})


def test_a_changed_term_is_among_the_changes_the_coordinator_confirms() -> None:
    from referral_desk.registry.diff import diff_registries, render_diff

    old = load_registry_text(BUNDLED, TABLE, file="p.toml")
    new = load_registry_text(
        BUNDLED.replace('"telefonisch of per sms, nooit per e-mail"', '"alleen telefonisch"', 1),
        TABLE,
        file="p.toml",
    )
    assert (
        "~ ocmw-leopoldsburg.protocol.password_channel: telefonisch of per sms, nooit per "
        "e-mail → alleen telefonisch"
    ) in render_diff(diff_registries(old, new))
    upgraded = load_registry_text(version_1(), TABLE, file="p.toml")
    assert diff_registries(upgraded, old).is_empty
