"""The protocol's terms reach the referral PDF, its JSON and the referral mail from the
registry: a coordinator changes a term in the registry and the documents follow, with no
code change."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from referral_desk.domain.protocol_terms import OPGROEIEN_STANDARD
from referral_desk.domain.referral import PartnerSnapshot, Referral
from referral_desk.lifecycle.creation import build_referral, referral_draft
from referral_desk.sealing.documents import (
    recipient_duties,
    render_referral_json,
    render_referral_pdf,
)
from tests.lifecycle_fixtures import BUNDLED, FONTS, TODAY, desk_at, registry, request
from tests.sealing.test_art13_sheet import words

pytestmark = pytest.mark.skipif(
    sys.platform != "win32" and shutil.which("pdftotext") is None, reason="needs poppler-utils"
)

CHANGED = (
    BUNDLED.replace(
        "onmiddellijk aan de aanmelder (naam, telefoon en e-mail hierboven).",
        "binnen twee werkdagen aan de aanmelder.",
        1,
    )
    .replace(
        'legal_basis = "art. 10/1 decreet van 30 april 2004"',
        'legal_basis = "art. 10/1 decreet van 30 april 2004 (gewijzigd 4 februari 2022)"',
        1,
    )
    .replace("zonder uitstel aan {meldpunt}", "binnen 36 uur aan {meldpunt}", 1)
    .replace(
        'password_channel = "telefonisch of per sms, nooit per e-mail"',
        'password_channel = "alleen telefonisch"',
        1,
    )
)


def _referral(tmp_path: Path, text: str) -> Referral:
    found = registry(text).lookup("3970", on=TODAY)
    return build_referral(request(found=found), desk_at(tmp_path).services)


def test_changing_terms_in_the_registry_changes_the_referral_pdf(tmp_path: Path) -> None:
    before = words(render_referral_pdf(_referral(tmp_path / "a", BUNDLED), FONTS))
    after = words(render_referral_pdf(_referral(tmp_path / "b", CHANGED), FONTS))
    assert "onmiddellijk aan de aanmelder" in before
    assert "zonder uitstel aan socialedienst@ocmwleopoldsburg.be" in before
    assert "onmiddellijk aan de aanmelder" not in after
    assert "binnen twee werkdagen aan de aanmelder" in after
    assert "binnen 36 uur aan socialedienst@ocmwleopoldsburg.be" in after
    assert "Rechtsgrond: art. 10/1 decreet van 30 april 2004 (gewijzigd 4 februari 2022)" in after


def test_the_json_and_the_mail_take_the_legal_basis_and_channel_from_the_registry(
    tmp_path: Path,
) -> None:
    referral = _referral(tmp_path, CHANGED)
    assert referral.partner.terms.password_channel == "alleen telefonisch"
    data = json.loads(render_referral_json(referral))
    assert data["legal_basis"].endswith("(gewijzigd 4 februari 2022)")
    body = referral_draft(referral, tmp_path / "KG.7z").body
    assert "op grond van art. 10/1 decreet van 30 april 2004 (gewijzigd 4 februari 2022)" in body
    assert "alleen telefonisch." in body and "nooit per e-mail" not in body


def test_the_bundled_registry_prints_what_the_app_printed_before() -> None:
    """Schema version 2 changed where the texts live, not what the OCMW reads."""
    duties = recipient_duties(
        PartnerSnapshot(
            partner_id="ocmw-leopoldsburg",
            name="OCMW Leopoldsburg",
            kind="OCMW",
            mailbox="socialedienst@leopoldsburg.be",
            protocol_reference="Protocol",
            protocol_in_force_from=date(2024, 2, 1),
            breach_contact="socialedienst@ocmwleopoldsburg.be",
            retention_years=10,
            terms=OPGROEIEN_STANDARD,
        )
    )
    assert duties[0].startswith(
        "Art. 4: alleen voor de maatschappelijk werker van OCMW Leopoldsburg die door het "
        "beroepsgeheim gebonden is"
    )
    assert duties[2] == (
        "Art. 9: een gegevenslek meldt u zonder uitstel aan socialedienst@ocmwleopoldsburg.be "
        "en aan de DPO van Opgroeien, dpo@opgroeien.be."
    )
    assert "dat u tot 10 jaar na het afsluiten ervan bewaart." in duties[3]
