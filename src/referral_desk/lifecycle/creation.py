"""Making a referral: check everything, seal in memory, then write, open the draft, record.

Qt-free, so the CLI, the self-test and the tests drive exactly what the window drives.
Every side effect (clock, randomness, outbox, mail client, keyring, referral log) is passed
in. :func:`create_referral` is all or nothing: whatever can be checked is checked before the
first byte is written (consent, the pre-shared password, whether the document fits, the
draft's address, the referral log entry); once the archive is written, nothing raises
without removing it again, and after the draft is opened nothing raises at all.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from pydantic import ValidationError

from referral_desk.delivery.message import DraftMessage, referral_body, referral_subject
from referral_desk.delivery.openers import MailOpener
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.fields import format_phone_national
from referral_desk.domain.partners import PartnerFound, PasswordMode
from referral_desk.domain.referral import (
    ClientDetails,
    Consent,
    PartnerSnapshot,
    Referral,
    ReferrerProfile,
    new_referral_id,
)
from referral_desk.lifecycle import creation_messages as says
from referral_desk.lifecycle.correction import PartnerRef, goes_elsewhere
from referral_desk.lifecycle.mail_drafts import adapter_used, open_draft_guarded
from referral_desk.lifecycle.readiness import ConsentAnswers, consent_problems, consent_refusal
from referral_desk.lifecycle.recording import (
    CreatedReferral,
    FollowUpServices,
    RecordingChoices,
    RecordOutcome,
    record_referral,
    referral_log_entry,
)
from referral_desk.lifecycle.retention import CLOCK_TOLERANCE
from referral_desk.sealing.archive import build_encrypted_archive
from referral_desk.sealing.documents import (
    DocumentTooLong,
    render_referral_json,
    render_referral_pdf,
)
from referral_desk.sealing.password import (
    DIGIT_POOL,
    LOWER_POOL,
    UPPER_POOL,
    as_strong_as_one_time,
    counted_length_needed,
    generate_password,
    normalize_password,
)
from referral_desk.storage.outbox import Outbox, OutboxError
from referral_desk.storage.password_vault import VaultUnavailable
from referral_desk.storage.referral_log import ReferralLogBusy, ReferralLogError

log = logging.getLogger(__name__)

PDF_NAME = "doorverwijzing.pdf"
JSON_NAME = "doorverwijzing.json"
# The pre-shared rule in one sentence; each way it names suffices for the estimate in
# sealing/password.py (letters make a pool of at least 26, all three classes one of 62).
PRESHARED_RULE_SAID = says.PRESHARED_RULE(
    letters=counted_length_needed(LOWER_POOL),
    mixed=counted_length_needed(LOWER_POOL + UPPER_POOL + DIGIT_POOL),
)
PRESHARED_RULE = PRESHARED_RULE_SAID.dutch


class ReferralRefused(UserFacingError):
    """The referral cannot be made as asked; nothing was written. The form stays as it was."""


@dataclass(frozen=True)
class ReferralServices:
    clock: Callable[[], datetime]
    outbox: Outbox
    mail: MailOpener
    fonts_dir: Path
    new_password: Callable[[], str] = generate_password
    new_id: Callable[[int], str] = new_referral_id


class MailboxMemory(Protocol):
    """Which mailbox referrals for each municipality (NIS code) last went to, whatever
    partner they went through: a renewal or a new partner id gets no fresh start. The
    referral log is the real one; either method may raise UserFacingError."""

    def last_mailbox(self, nis_code: str) -> str | None: ...

    def remember_mailbox(self, nis_code: str, mailbox: str) -> None: ...


@dataclass(frozen=True)
class MailboxChange:
    partner_name: str
    previous: str
    current: str
    municipality: str = ""


@dataclass(frozen=True)
class ReferralRequest:
    """What the caller knows: the client, who refers, to whom, and the client's consent."""

    client: ClientDetails
    referrer: ReferrerProfile
    found: PartnerFound
    consent: Consent
    corrects: str | None = None
    mailbox_change_confirmed: bool = False


@dataclass(frozen=True)
class MadeReferral:
    created: CreatedReferral
    record: RecordOutcome
    preshared: bool


def build_referral(request: ReferralRequest, services: ReferralServices) -> Referral:
    """Raises ReferralRefused when the consent record does not fit this partner and day."""
    now = services.clock()
    partner = request.found.partner
    answers = ConsentAnswers(
        informed=request.consent.informed,
        consented=request.consent.consented,
        given_on=request.consent.recorded_on,
        sheet_given=request.consent.sheet_given,
        sheet_language=request.consent.sheet_language,
    )
    problems = consent_problems(
        answers,
        today=now.date(),
        protocol_in_force_from=partner.protocol.in_force_from,
        valid_days=partner.protocol.consent_valid_days,
    )
    if problems:
        raise ReferralRefused(consent_refusal(problems))
    return Referral(
        referral_id=services.new_id(now.year),
        created_at=now,
        client=request.client,
        consent=request.consent,
        referrer=request.referrer,
        partner=PartnerSnapshot(
            partner_id=partner.id,
            name=partner.name,
            kind=partner.kind.value,
            mailbox=partner.mailbox,
            protocol_reference=partner.protocol.reference,
            protocol_in_force_from=partner.protocol.in_force_from,
            breach_contact=partner.breach_contact,
            dpo_contact=request.found.dpo_contact,
            withdrawal_clause=partner.protocol.withdrawal_clause,
            retention_years=partner.protocol.retention_years,
            registry_version=request.found.registry_version,
            terms=partner.protocol.terms(),
        ),
        corrects=request.corrects,
    )


def seal_referral(referral: Referral, password: str, fonts_dir: Path) -> bytes:
    """PDF and JSON rendered and encrypted in memory; only ciphertext leaves this function."""
    files = {
        PDF_NAME: render_referral_pdf(referral, fonts_dir),
        JSON_NAME: render_referral_json(referral),
    }
    return build_encrypted_archive(files, password)


def referral_draft(
    referral: Referral,
    archive_path: Path,
    *,
    preshared: bool = False,
    first_partner_had_it: bool = True,
) -> DraftMessage:
    """``preshared``: the body then says the password was agreed beforehand, not phoned.
    ``first_partner_had_it`` False: a correction going to another partner reads as a new
    referral there, which never had data to replace (the first one is asked to delete)."""
    team = referral.referrer.team
    corrects = referral.corrects if first_partner_had_it else None
    return DraftMessage(
        to=referral.partner.mailbox,
        subject=referral_subject(referral.referral_id, team, corrects),
        body=referral_body(
            referral.referral_id,
            team,
            referral.referrer.name,
            format_phone_national(referral.referrer.phone),
            corrects,
            preshared=preshared,
            terms=referral.partner.terms,
        ),
        attachment=archive_path,
    )


def pending_mailbox_change(
    found: PartnerFound, memory: MailboxMemory | None
) -> MailboxChange | None:
    """A changed mailbox is the one registry edit that silently redirects data: ask first.
    Raises ReferralRefused when the memory cannot be read, rather than not asking."""
    if memory is None:
        return None
    try:
        previous = memory.last_mailbox(found.municipality.nis_code)
    except UserFacingError as error:
        raise ReferralRefused(
            says.MAILBOX_MEMORY_UNREADABLE(
                municipality=found.municipality.name_nl, reason=error.said
            )
        ) from None
    if previous is None or previous == found.partner.mailbox:
        return None
    return MailboxChange(
        found.partner.name, previous, found.partner.mailbox, found.municipality.name_nl
    )


def preshared_password_problem(text: str) -> str | None:
    """Why a password typed in as a partner's agreed one cannot serve, or None."""
    password = normalize_password(text)
    if not password:
        return "Een afgesproken wachtwoord mag niet leeg zijn."
    if not as_strong_as_one_time(password):
        return f"Dit wachtwoord is te zwak. {PRESHARED_RULE}"
    return None


def usable_preshared_password(text: str | None, partner_name: str) -> str:
    """The partner's agreed password as 7-Zip will hash it; refused when blank or weaker
    than a one-time password (also one stored before the rule was this strict)."""
    password = normalize_password(text or "")
    if not password:
        raise ReferralRefused(says.PRESHARED_MISSING(partner=partner_name))
    if not as_strong_as_one_time(password):
        raise ReferralRefused(
            says.PRESHARED_TOO_WEAK(partner=partner_name, rule=PRESHARED_RULE_SAID)
        )
    return password


def _preshared_password(found: PartnerFound, follow_up: FollowUpServices) -> str | None:
    if found.partner.password_mode is not PasswordMode.PRE_SHARED:
        return None
    name = found.partner.name
    if follow_up.vault is None:
        raise ReferralRefused(says.PRESHARED_NO_KEYRING(partner=name))
    try:
        stored = follow_up.vault.preshared(found.partner.id)
    except VaultUnavailable as unavailable:
        raise ReferralRefused(
            says.PRESHARED_UNREADABLE(partner=name, reason=unavailable.said)
        ) from None
    return usable_preshared_password(stored, name)


def _sealed(referral: Referral, password: str, fonts_dir: Path) -> bytes:
    try:
        return seal_referral(referral, password, fonts_dir)
    except DocumentTooLong:
        raise ReferralRefused(says.DOCUMENT_TOO_LONG(partner=referral.partner.name[:80])) from None


def _same_partner_as_original(request: ReferralRequest, follow_up: FollowUpServices) -> bool:
    """Whether the referral this one corrects went to the same partner; True when unknown,
    so the mail then names the correction as before."""
    if request.corrects is None or follow_up.referral_log is None:
        return True
    try:
        original = follow_up.referral_log.get(request.corrects)
    except ReferralLogError:
        return True
    if original is None:
        return True
    partner = request.found.partner
    return not goes_elsewhere(original, PartnerRef(partner.id, partner.name, partner.mailbox))


def _checked_draft(
    referral: Referral, archive_path: Path, preshared: bool, first_partner_had_it: bool
) -> DraftMessage:
    try:
        return referral_draft(
            referral,
            archive_path,
            preshared=preshared,
            first_partner_had_it=first_partner_had_it,
        )
    except ValidationError:
        raise ReferralRefused(
            says.MAILBOX_NOT_FOR_DRAFT(partner=referral.partner.name[:80])
        ) from None


def _check_referral_log(referral: Referral, follow_up: FollowUpServices) -> None:
    """The log must take the entry, and the clock must not stand before its newest one (a
    wrong date would give a wrong ID and cut the password's keep-until short). Asked before
    the archive is written, so a refusal leaves nothing behind."""
    referral_log = follow_up.referral_log
    if referral_log is None:
        return  # the outcome says it was not logged; the window blocks this case already
    try:
        referral_log.check_writable()
        newest = referral_log.newest_created_at()
    except ReferralLogBusy:
        raise ReferralRefused(says.REFERRAL_LOG_BUSY()) from None
    except ReferralLogError as error:
        raise ReferralRefused(says.REFERRAL_LOG_REFUSES(reason=error.said)) from None
    if newest is not None and referral.created_at < newest - CLOCK_TOLERANCE:
        raise ReferralRefused(says.CLOCK_BEFORE_NEWEST(date=newest.date().isoformat()))


def create_referral(
    request: ReferralRequest,
    services: ReferralServices,
    follow_up: FollowUpServices,
    choices: RecordingChoices,
    memory: MailboxMemory | None = None,
) -> MadeReferral:
    """The whole creation. Raises ReferralRefused (nothing written) with a Dutch message;
    after the archive is written, failures are reported in the result instead.

    The readiness blockers (profile, registry, form, partner) are not asked again: the
    session asked them once, and the request's client, consent and partner exist only when
    they were met. What is checked here holds only at the moment of sealing, because the
    user confirmed a dialog and the work ran on another thread meanwhile: the consent's date
    against the partner's protocol on the clock's day, the mailbox change against the
    mailbox memory now, the pre-shared password, the clock against the referral log.
    """
    found = request.found
    change = pending_mailbox_change(found, memory)
    if change is not None and not request.mailbox_change_confirmed:
        raise ReferralRefused(
            says.MAILBOX_CHANGE_NOT_CONFIRMED(
                partner=change.partner_name,
                municipality=change.municipality,
                previous=change.previous,
                current=change.current,
            )
        )
    preshared = _preshared_password(found, follow_up)
    referral = build_referral(request, services)
    password = preshared or normalize_password(services.new_password())
    archive = _sealed(referral, password, services.fonts_dir)
    archive_sha256 = hashlib.sha256(archive).hexdigest()
    archive_path = services.outbox.archive_path_for(referral.referral_id)
    draft = _checked_draft(
        referral,
        archive_path,
        preshared is not None,
        _same_partner_as_original(request, follow_up),
    )
    try:
        # The entry as it will be written, were no mail client to open the draft.
        referral_log_entry(
            referral,
            archive_sha256=archive_sha256,
            mail_adapter=adapter_used(None),
            recognisable=choices.record_initials,
        )
    except ValidationError:
        raise ReferralRefused(says.ENTRY_NOT_LOGGABLE()) from None
    _check_referral_log(referral, follow_up)
    try:
        services.outbox.save_archive(referral.referral_id, archive)
    except OutboxError as error:
        raise ReferralRefused(error.said) from None
    log.info("archive saved for %s (partner %s)", referral.referral_id, found.partner.id)
    try:
        result, failures = open_draft_guarded(
            services.mail, draft, archive_path.parent, referral.referral_id
        )
    except BaseException:
        services.outbox.discard(referral.referral_id)
        raise
    created = CreatedReferral(
        referral=referral,
        password=password,
        archive_path=archive_path,
        draft=draft,
        mail_result=result,
        mail_failures=failures,
        archive_sha256=archive_sha256,
    )
    record = record_referral(created, follow_up, choices, keep_password=preshared is None)
    if memory is not None:
        try:
            memory.remember_mailbox(found.municipality.nis_code, found.partner.mailbox)
        except Exception as error:  # only weakens the change warning next time
            log.warning("mailbox not remembered: %s", type(error).__name__)
    return MadeReferral(created=created, record=record, preshared=preshared is not None)
