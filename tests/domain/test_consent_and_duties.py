"""What the client is told before consenting, and what the recipient is told of its duties:
only what the signed protocols say, naming the OCMW or, in Brussels, the CAW."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from referral_desk.domain.consent_text import DATA_KINDS, consent_text, consent_text_for
from referral_desk.domain.partners import (
    OPGROEIEN_DPO,
    NoProtocol,
    Partner,
    PartnerKind,
    no_protocol_message,
)
from referral_desk.domain.referral import Referral
from referral_desk.lifecycle.creation import build_referral
from referral_desk.registry.csv_table import export_csv, import_csv
from referral_desk.registry.form_input import partner_from_texts
from referral_desk.registry.parsing import load_registry_text
from referral_desk.sealing.documents import (
    parse_referral_json,
    render_referral_json,
    render_referral_pdf,
)
from referral_desk.ui.consent_panel import ConsentPanel
from referral_desk.ui.partner_panel import describe
from tests.lifecycle_fixtures import (
    BUNDLED,
    FONTS,
    TABLE,
    TODAY,
    consent,
    desk_at,
    found,
    registry,
    request,
)
from tests.sealing.test_documents import make_referral, pdf_text

DELETION_CLAIMS = ("verwijdert dan", "de gegevens verwijdert", "worden verwijderd", "worden gewist")


def _caw(clause: bool = False) -> Partner:
    leopoldsburg = found().partner
    return Partner.model_validate(
        {
            **leopoldsburg.model_dump(),
            "id": "caw-brussel",
            "name": "CAW Brussel",
            "kind": "CAW",
            "region": "Brussel",
            "protocol": {**leopoldsburg.protocol.model_dump(), "withdrawal_clause": clause},
        }
    )


# --- item 2: honest consent -------------------------------------------------------------


@pytest.mark.parametrize("clause", [False, True])
def test_consent_text_for_a_caw_names_the_caw_and_never_the_ocmw(clause: bool) -> None:
    text = consent_text(_caw(clause))
    assert "CAW Brussel (CAW)" in text
    assert "OCMW" not in text


def test_consent_text_without_the_clause_claims_no_deletion() -> None:
    partner = found().partner
    assert not partner.protocol.withdrawal_clause
    text = consent_text(partner)
    assert not any(claim in text for claim in DELETION_CLAIMS), text
    assert "legt niet vast dat de gegevens dan verwijderd worden" in text
    assert not any(claim in consent_text(None) for claim in DELETION_CLAIMS)


def test_consent_text_with_the_clause_says_the_partner_deletes() -> None:
    text = consent_text_for("OCMW Wervik", PartnerKind.OCMW, withdrawal_clause=True)
    assert "OCMW Wervik verwijdert dan de gegevens." in text


def test_consent_text_says_what_the_protocol_says() -> None:
    text = consent_text(found().partner)
    for needle in (
        DATA_KINDS,
        "OCMW Leopoldsburg (OCMW)",
        "hulp en rechten",
        "beroepsgeheim",
        "geïntegreerd breed onthaal",
        "met toestemming van de cliënt (art. 4)",
        "cliëntdossier",
        "(art. 3)",
        "vrij en kan altijd ingetrokken worden, bij u of bij OCMW Leopoldsburg",
    ):
        assert needle in text


def test_generic_consent_text_names_the_ocmw_of_the_residence_or_the_caw() -> None:
    assert "het OCMW van de woonplaats, in Brussel het CAW" in consent_text(None)


def test_consent_panel_shows_the_text_for_the_partner_found(qtbot: QtBot) -> None:
    panel = ConsentPanel(TODAY)
    qtbot.addWidget(panel)
    assert "de gegevens verwijdert" not in panel.explain.text()
    assert panel.explain.text() == consent_text(None)
    panel.show_partner(_caw())
    assert "CAW Brussel" in panel.explain.text() and "OCMW" not in panel.explain.text()
    panel.show_partner(None)
    assert panel.explain.text() == consent_text(None)


def test_the_pdf_prints_the_consent_date_not_the_creation_date() -> None:
    referral = make_referral().model_copy(update={"consent": consent(date(2026, 11, 20))})
    _pages, text = pdf_text(render_referral_pdf(referral, FONTS))
    assert "ja, op 20 november 2026" in text


def test_consent_date_round_trips_into_json_and_referral_log(tmp_path: Path) -> None:
    day = date(2026, 11, 20)
    desk = desk_at(tmp_path)
    made = desk.make_referral(request(consent=consent(day)), desk.choices)
    from referral_desk.sealing.archive import read_encrypted_archive

    files = read_encrypted_archive(made.created.archive_path.read_bytes(), made.created.password)
    assert json.loads(files["doorverwijzing.json"])["consent"]["recorded_on"] == "2026-11-20"
    [entry] = desk.referral_log.all()
    assert entry.consent_date == day


# --- item 3: the recipient's duties in every referral -------------------------------------


def _referral_from_bundled(tmp_path: Path) -> Referral:
    result = registry().lookup("3970", on=TODAY)
    return build_referral(request(found=result), desk_at(tmp_path).services)


def test_the_referral_pdf_tells_the_recipient_its_duties(tmp_path: Path) -> None:
    referral = _referral_from_bundled(tmp_path)
    _pages, text = pdf_text(render_referral_pdf(referral, FONTS))
    flat = " ".join(text.split())
    for needle in (
        "Art. 4",
        "beroepsgeheim",
        "geïntegreerd breed onthaal",
        "Art. 7",
        "onmiddellijk aan de aanmelder",
        "Art. 9",
        "socialedienst@ocmwleopoldsburg.be",
        OPGROEIEN_DPO,
        referral.referrer.email,
    ):
        assert needle in flat, needle
    assert referral.referrer.name in flat
    assert "bevat het protocol geen afspraak" in flat
    assert not any(claim in flat for claim in ("verwijdert", "worden verwijderd", "gewist"))


def test_the_pdf_prints_the_referrers_phone() -> None:
    _pages, text = pdf_text(render_referral_pdf(make_referral(), FONTS))
    assert "011 34 56 78" in text and "lukasz@example.be" in text
    assert "Art. 7" in text


def test_a_partner_with_the_clause_gets_the_deletion_duty() -> None:
    referral = make_referral()
    agreed = referral.model_copy(
        update={"partner": referral.partner.model_copy(update={"withdrawal_clause": True})}
    )
    _pages, text = pdf_text(render_referral_pdf(agreed, FONTS))
    assert "verwijdert OCMW Leopoldsburg de gegevens" in " ".join(text.split())


def test_the_snapshot_and_json_carry_breach_contacts_and_the_clause(tmp_path: Path) -> None:
    referral = _referral_from_bundled(tmp_path)
    assert referral.partner.breach_contact == "socialedienst@ocmwleopoldsburg.be"
    assert referral.partner.dpo_contact == OPGROEIEN_DPO
    assert referral.partner.withdrawal_clause is False
    partner = json.loads(render_referral_json(referral))["partner"]
    assert partner["breach_contact"] == "socialedienst@ocmwleopoldsburg.be"
    assert partner["dpo_contact"] == OPGROEIEN_DPO
    assert partner["withdrawal_clause"] is False


def test_json_from_before_the_duties_still_parses() -> None:
    data = json.loads(render_referral_json(make_referral()))
    for key in ("breach_contact", "dpo_contact", "withdrawal_clause"):
        del data["partner"][key]
    parsed = parse_referral_json(json.dumps(data).encode())
    assert parsed.partner.dpo_contact == OPGROEIEN_DPO and not parsed.partner.withdrawal_clause


def test_bundled_registry_has_the_dpo_and_wervik_breach_contact() -> None:
    document = load_registry_text(BUNDLED, TABLE, file="partners.toml")
    assert document.dpo_contact == OPGROEIEN_DPO
    wervik = next(p for p in document.partners if p.id == "ocmw-wervik")
    assert wervik.breach_contact == "andranik.grigoryan@c-smart.be"
    assert not any(p.protocol.withdrawal_clause for p in document.partners)


def test_a_registry_without_dpo_contact_still_loads_and_a_bad_one_is_refused() -> None:
    without = BUNDLED.replace('dpo_contact = "dpo@opgroeien.be"\n', "")
    assert "dpo_contact" not in without
    assert load_registry_text(without, TABLE, file="p.toml").dpo_contact == OPGROEIEN_DPO
    from referral_desk.domain.registry_problems import RegistryError

    with pytest.raises(RegistryError, match="dpo_contact"):
        load_registry_text(
            BUNDLED.replace('"dpo@opgroeien.be"', '"dpo@opgroeien"'), TABLE, file="p.toml"
        )


def test_the_clause_goes_through_csv_both_ways() -> None:
    document = load_registry_text(
        BUNDLED.replace("withdrawal_clause = false\n", "withdrawal_clause = true\n", 1),
        TABLE,
        file="p.toml",
    )
    text = export_csv(document)
    assert "wissen_na_intrekking" in text.splitlines()[0]
    [leopoldsburg, wervik] = import_csv(text)
    assert leopoldsburg["protocol"]["withdrawal_clause"] is True
    assert wervik["protocol"]["withdrawal_clause"] is False


def test_the_editor_reads_the_clause_as_a_yes_or_no() -> None:
    assert partner_from_texts({"protocol.withdrawal_clause": "true"})["protocol"] == {
        "withdrawal_clause": True
    }
    assert partner_from_texts({"protocol.withdrawal_clause": "false"})["protocol"] == {
        "withdrawal_clause": False
    }


# --- item 5: OCMW or CAW, by name -------------------------------------------------------


def test_brussels_lookup_without_protocol_names_the_caw() -> None:
    result = registry().lookup("1000", on=TODAY)
    assert isinstance(result, NoProtocol)
    message = no_protocol_message(result.municipality)
    assert "CAW" in message and "OCMW" not in message
    ok, text = describe(result)
    assert not ok and "CAW" in text and "OCMW" not in text


def test_flemish_and_walloon_lookups_without_protocol() -> None:
    gent = registry().lookup("9000", on=TODAY)
    assert isinstance(gent, NoProtocol)
    assert no_protocol_message(gent.municipality) == "Er is geen protocol met het OCMW van Gent."
    liege = registry().lookup("4000", on=TODAY)
    assert isinstance(liege, NoProtocol)
    assert "Wallonië" in no_protocol_message(liege.municipality)


def test_the_consent_text_says_the_retention_the_registry_gives() -> None:
    ten = consent_text_for("OCMW Wervik", PartnerKind.OCMW, False, retention_years=10)
    assert "bewaart tot 10 jaar nadat het is afgesloten (art. 3)" in ten
    unknown = consent_text_for("OCMW Wervik", PartnerKind.OCMW, False)
    assert "bewaart volgens de archiefregels (art. 3)" in unknown


def test_the_consent_text_says_a_protocols_own_purposes_and_recipients() -> None:
    from referral_desk.domain.protocol_terms import OPGROEIEN_STANDARD

    standard = consent_text_for("OCMW Wervik", PartnerKind.OCMW, False)
    assert "hulp en rechten" in standard and "geïntegreerd breed onthaal" in standard
    other = OPGROEIEN_STANDARD.model_copy(
        update={
            "purposes": ("een gezamenlijk zorgplan opstellen",),
            "recipients": ("de zorgcoördinator van het lokaal overleg",),
            "onward_recipients": (),
        }
    )
    text = consent_text_for("OCMW Wervik", PartnerKind.OCMW, False, 10, other)
    assert "• Waarom: een gezamenlijk zorgplan opstellen." in text
    assert "bij OCMW Wervik alleen voor de zorgcoördinator van het lokaal overleg." in text
    assert "OCMW Wervik geeft ze aan niemand anders door (art. 4)." in text
    assert "hulp en rechten" not in text and "breed onthaal" not in text
    onward = other.model_copy(update={"onward_recipients": ("het CLB",)})
    assert "Verder alleen met het CLB, met toestemming van de cliënt (art. 4)." in (
        consent_text_for("OCMW Wervik", PartnerKind.OCMW, False, 10, onward)
    )
