"""The one flow: validated referral → documents → encrypted archive → outbox → mail draft.

Qt-free, so the CLI, the self-test and the tests drive exactly what the window drives.
Every side effect (clock, randomness, outbox, mail client) is passed in.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from referral_desk.delivery.message import DraftMessage, referral_body, referral_subject
from referral_desk.delivery.openers import AllOpenersFailed, DraftResult, MailOpener
from referral_desk.domain.fields import format_phone_national
from referral_desk.domain.partners import PartnerFound
from referral_desk.domain.referral import (
    ClientDetails,
    Consent,
    PartnerSnapshot,
    Referral,
    ReferrerProfile,
    new_referral_id,
)
from referral_desk.sealing.archive import build_encrypted_archive
from referral_desk.sealing.documents import render_referral_json, render_referral_pdf
from referral_desk.sealing.password import generate_password, normalize_password
from referral_desk.storage.outbox import Outbox

log = logging.getLogger(__name__)

PDF_NAME = "doorverwijzing.pdf"
JSON_NAME = "doorverwijzing.json"


@dataclass(frozen=True)
class ReferralServices:
    clock: Callable[[], datetime]
    outbox: Outbox
    mail: MailOpener
    fonts_dir: Path
    new_password: Callable[[], str] = generate_password
    new_id: Callable[[int], str] = new_referral_id


@dataclass(frozen=True)
class CreatedReferral:
    """What the user needs to finish, whether or not a mail client could be driven."""

    referral: Referral
    password: str
    archive_path: Path
    draft: DraftMessage
    mail_result: DraftResult | None
    mail_failures: tuple[tuple[str, str], ...] = ()
    # Of the ciphertext, for the referral log: which archive was sent, without keeping it.
    archive_sha256: str = ""

    @property
    def referral_id(self) -> str:
        return self.referral.referral_id


def build_referral(
    client: ClientDetails,
    referrer: ReferrerProfile,
    found: PartnerFound,
    services: ReferralServices,
    *,
    corrects: str | None = None,
) -> Referral:
    now = services.clock()
    partner = found.partner
    return Referral(
        referral_id=services.new_id(now.year),
        created_at=now,
        client=client,
        consent=Consent(informed=True, consented=True, recorded_on=now.date()),
        referrer=referrer,
        partner=PartnerSnapshot(
            partner_id=partner.id,
            name=partner.name,
            kind=partner.kind.value,
            mailbox=partner.mailbox,
            protocol_reference=partner.protocol.reference,
            protocol_in_force_from=partner.protocol.in_force_from,
        ),
        corrects=corrects,
    )


def seal_referral(referral: Referral, password: str, fonts_dir: Path) -> bytes:
    """PDF and JSON rendered and encrypted in memory; only ciphertext leaves this function."""
    files = {
        PDF_NAME: render_referral_pdf(referral, fonts_dir),
        JSON_NAME: render_referral_json(referral),
    }
    return build_encrypted_archive(files, password)


def referral_draft(referral: Referral, archive_path: Path) -> DraftMessage:
    team = referral.referrer.team
    return DraftMessage(
        to=referral.partner.mailbox,
        subject=referral_subject(referral.referral_id, team, referral.corrects),
        body=referral_body(
            referral.referral_id,
            team,
            referral.referrer.name,
            format_phone_national(referral.referrer.phone),
            referral.corrects,
        ),
        attachment=archive_path,
    )


def create_referral(
    client: ClientDetails,
    referrer: ReferrerProfile,
    found: PartnerFound,
    services: ReferralServices,
    *,
    corrects: str | None = None,
    password: str | None = None,
) -> CreatedReferral:
    """Raises OutboxError when the archive cannot be saved; a mail failure is returned.

    *password* is the partner's pre-shared one; without it a new one-time password is made.
    """
    referral = build_referral(client, referrer, found, services, corrects=corrects)
    password = normalize_password(password or services.new_password())
    archive = seal_referral(referral, password, services.fonts_dir)
    digest = hashlib.sha256(archive).hexdigest()
    archive_path = services.outbox.save_archive(referral.referral_id, archive)
    log.info("archive saved for %s (partner %s)", referral.referral_id, found.partner.id)
    draft = referral_draft(referral, archive_path)
    try:
        result = services.mail.open_draft(draft, archive_path.parent)
    except AllOpenersFailed as failure:
        log.warning("no mail client could open the draft for %s", referral.referral_id)
        return CreatedReferral(
            referral, password, archive_path, draft, None, failure.failures, digest
        )
    log.info("draft opened for %s with %s", referral.referral_id, result.opener)
    return CreatedReferral(referral, password, archive_path, draft, result, (), digest)
