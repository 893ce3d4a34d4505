"""What GDPR art. 13 says the client must be told, on the information sheet in every
language, read back from the PDF as a reader's program reads it; and the protocol's terms
(retention, breach contact) coming from the registry, not from code."""

from __future__ import annotations

import re
import shutil
import sys

import pytest

from referral_desk.domain.partners import PartnerFound
from referral_desk.lifecycle.client_documents import information_sheet
from referral_desk.registry.parsing import load_registry_text
from referral_desk.sealing.documents import recipient_duties, render_referral_pdf
from referral_desk.sealing.leaflet import LANGUAGE_CODES, render_information_sheet, sheet_version
from tests.lifecycle_fixtures import BUNDLED, PROFILE, TABLE, TODAY
from tests.sealing.test_leaflet import FONTS, LEAFLETS, REFERRER, extract_text, make_referral

pytestmark = pytest.mark.skipif(
    sys.platform != "win32" and shutil.which("pdftotext") is None, reason="needs poppler-utils"
)

DPO = "dpo@opgroeien.be"


# The direction marks poppler puts around a Latin run inside Arabic.
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def words(data: bytes) -> str:
    return " ".join(_MARKS.sub("", extract_text(data)).split())


def leopoldsburg_sheet(lang: str) -> str:
    """The words of the sheet for the bundled Leopoldsburg protocol's terms."""
    return words(
        render_information_sheet(
            "OCMW Leopoldsburg",
            "OCMW",
            False,
            REFERRER,
            lang,
            FONTS,
            retention_years=10,
            dpo_contact=DPO,
        )
    )


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_language_names_what_article_13_asks(lang: str) -> None:
    """Controller, DPO, legal basis, retention, the authority, where the protocol is, and
    the sheet's version: the parts every language writes the same way."""
    text = leopoldsburg_sheet(lang)
    for part in (
        "Opgroeien regie",
        DPO,
        "10/1",
        "2004",
        "Vlaamse Toezichtcommissie",
        "www.toezichtcommissie.be",
        "www.opgroeien.be",
        "breed onthaal",  # the partners of the geïntegreerd breed onthaal (art. 4)
        sheet_version(lang, LEAFLETS),
    ):
        assert part in text, (lang, part)
    assert re.search(r"(?<!\d)10(?!\d)", text.replace("10/1", "")), lang


@pytest.mark.parametrize(
    ("lang", "parts"),
    [
        (
            "nl",
            (
                "Wie is verantwoordelijk?",
                "tot 10 jaar nadat het is afgesloten",
                "inkijken en laten verbeteren of wissen",
                "minder te gebruiken",
                "bezwaar maken",
                "Wat eerder met uw toestemming gebeurde, blijft geldig.",
                "beroepsgeheim",
                "klagen bij de Vlaamse Toezichtcommissie",
            ),
        ),
        (
            "en",
            (
                "Who is responsible?",
                "until 10 years after it is closed",
                "see your data and have them corrected or deleted",
                "less use of them",
                "you may object",
                "What was done with your consent before stays valid.",
                "professional secrecy",
                "complain to the Flemish supervisory commission",
            ),
        ),
    ],
)
def test_dutch_and_english_say_each_right_and_how_to_use_it(
    lang: str, parts: tuple[str, ...]
) -> None:
    text = leopoldsburg_sheet(lang)
    for part in parts:
        assert part in text, part
    assert REFERRER.name in text


def test_the_version_is_the_text_given() -> None:
    """Another text, another version: a consent record can name exactly what was read."""
    assert re.fullmatch(r"nl-[0-9a-f]{8}", sheet_version("nl", LEAFLETS))
    assert sheet_version("nl", LEAFLETS) != sheet_version("en", LEAFLETS)


def test_the_registry_sets_retention_and_breach_contact_for_sheet_and_referral() -> None:
    """A coordinator changes the protocol's terms in the registry; the client's sheet and
    the OCMW's referral PDF follow without a code change."""
    changed = BUNDLED.replace("retention_years = 10", "retention_years = 7", 1).replace(
        'breach_contact = "socialedienst@ocmwleopoldsburg.be"',
        'breach_contact = "privacy@leopoldsburg.be"',
        1,
    )
    document = load_registry_text(changed, TABLE, file="partners.toml")
    partner = next(p for p in document.partners if p.id == "ocmw-leopoldsburg")
    assert partner.protocol.retention_years == 7
    municipality = TABLE.municipalities_for("3970")[0]
    found = PartnerFound(partner, municipality, document.dpo_contact)
    job = information_sheet(found, PROFILE, "nl", FONTS, FONTS)
    assert "bewaart tot 7 jaar nadat het is afgesloten" in words(job.render())
    referral = make_referral().model_copy(
        update={
            "partner": make_referral().partner.model_copy(
                update={
                    "retention_years": partner.protocol.retention_years,
                    "breach_contact": partner.breach_contact,
                }
            )
        }
    )
    text = words(render_referral_pdf(referral, FONTS))
    assert "tot 7 jaar na het afsluiten ervan" in text
    assert "privacy@leopoldsburg.be" in text
    assert TODAY  # the fixtures' clock: the registry's protocol is in force


def test_a_registry_without_retention_keeps_the_archive_rules() -> None:
    snapshot = make_referral().partner.model_copy(update={"retention_years": None})
    (article_3,) = [duty for duty in recipient_duties(snapshot) if duty.startswith("Art. 3")]
    assert "volgens de archiefregels voor sociale dossiers" in article_3
    text = words(
        render_information_sheet("OCMW Leopoldsburg", "OCMW", False, REFERRER, "nl", FONTS)
    )
    assert "volgens de regels voor archief" in text


@pytest.mark.parametrize("lang", ["nl", "en", "ar"])
def test_a_protocol_of_another_shape_is_told_in_its_own_words(lang: str) -> None:
    """Purposes, legal basis and recipients of a protocol unlike the Opgroeien standard are
    not covered by the translated texts: the sheet gives the protocol's words."""
    from referral_desk.domain.protocol_terms import OPGROEIEN_STANDARD

    other = OPGROEIEN_STANDARD.model_copy(
        update={
            "legal_basis": "art. 458quater Strafwetboek",
            "purposes": ("een gezamenlijk zorgplan opstellen",),
            "recipients": ("de zorgcoördinator van het lokaal overleg",),
            "onward_recipients": (),
        }
    )
    standard = leopoldsburg_sheet(lang)
    text = words(
        render_information_sheet(
            "OCMW Leopoldsburg", "OCMW", False, REFERRER, lang, FONTS,
            retention_years=10, dpo_contact=DPO, terms=other,
        )
    )  # fmt: skip
    # Single words: a reader's program puts a Latin run inside Arabic in its own order.
    for own in ("zorgplan", "458quater", "Strafwetboek", "zorgcoördinator", "overleg"):
        assert own in text and own not in standard
    if lang != "ar":
        assert "een gezamenlijk zorgplan opstellen (art. 458quater Strafwetboek)." in text
    if lang == "en":
        assert "The protocol with OCMW Leopoldsburg says (in Dutch):" in text
        assert "Many families do not get them" in standard
        assert "Many families do not get them" not in text
    if lang == "nl":
        assert "Het protocol met OCMW Leopoldsburg zegt hierover:" in text
        assert "Artikel 10/1" not in text and "Artikel 10/1" in standard
