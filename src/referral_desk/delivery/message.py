"""The mail draft: recipient, Dutch subject and body, and the encrypted archive.

Subject and body identify a referral only by its random ID and the referring team, so a
mail that lands in the wrong mailbox, a log or a sent-items folder reveals nobody.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from pathlib import Path

from pydantic import BaseModel, field_validator

from referral_desk.domain.fields import FieldError, ascii_email_address
from referral_desk.domain.protocol_terms import OPGROEIEN_STANDARD, ProtocolTerms
from referral_desk.domain.referral import REFERRAL_ID_PATTERN

ARCHIVE_MIME = ("application", "x-7z-compressed")

# One bare addr-spec: a display name or a second address would be a different recipient.
_SINGLE_ADDRESS = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]+$")


class DraftMessage(BaseModel, frozen=True, extra="forbid", hide_input_in_errors=True):
    to: str
    subject: str
    body: str
    attachment: Path | None

    @field_validator("to")
    @classmethod
    def _one_ascii_address(cls, value: str) -> str:
        # ASCII: the draft is written without SMTPUTF8, so an accented domain goes as punycode.
        if not _SINGLE_ADDRESS.match(value):
            raise ValueError("Het adres moet één enkel e-mailadres zijn.")
        try:
            address = ascii_email_address(value)
        except FieldError as error:
            raise ValueError(error.message) from None
        if not _SINGLE_ADDRESS.match(address):
            raise ValueError("Het adres moet één enkel e-mailadres zijn.")
        return address

    @field_validator("subject")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\r" in value or "\n" in value:
            raise ValueError("Het onderwerp moet op één regel staan.")
        return value

    @field_validator("attachment")
    @classmethod
    def _ascii_file_name(cls, value: Path | None) -> Path | None:
        # A non-ASCII name needs RFC 2231 encoding, which some Outlook versions mangle.
        if value is not None and not (value.name.isascii() and value.name.isprintable()):
            raise ValueError("De naam van de bijlage mag alleen ASCII-tekens bevatten.")
        return value


def build_email_message(draft: DraftMessage) -> EmailMessage:
    """An unsent draft: the mail client adds From, Date and Message-ID when it sends.

    ``X-Unsent: 1`` makes Outlook open the file as a new message to edit and send.
    Raises OSError when the attachment cannot be read.
    """
    message = EmailMessage()
    message["To"] = draft.to
    message["Subject"] = draft.subject
    message["X-Unsent"] = "1"
    # Quoted-printable keeps the file 7-bit clean whatever the client's import path expects.
    message.set_content(draft.body, charset="utf-8", cte="quoted-printable")
    if draft.attachment is not None:
        maintype, subtype = ARCHIVE_MIME
        message.add_attachment(
            draft.attachment.read_bytes(),
            maintype=maintype,
            subtype=subtype,
            filename=draft.attachment.name,
        )
    return message


def _checked_id(referral_id: str) -> str:
    # The ID is the only referral-specific text in the mail; refuse anything else in its place.
    if not REFERRAL_ID_PATTERN.match(referral_id):
        raise ValueError("Ongeldig doorverwijzings-ID.")
    return referral_id


def team_phrase(team: str) -> str:
    """Profiles hold the team as the protocols name it ("Kind en Gezin Menen"); older
    settings and tests hold the bare region ("Menen"). Either reads as one phrase."""
    team = team.strip()
    if team.lower().startswith("kind en gezin"):
        return f"lokaal team {team}"
    return f"lokaal team Kind en Gezin {team}"


def referral_subject(referral_id: str, team: str, corrects: str | None = None) -> str:
    correction = f" (correctie van {_checked_id(corrects)})" if corrects else ""
    return (
        f"Doorverwijzing {_checked_id(referral_id)}{correction} – {team_phrase(team)} (art. 10/1)"
    )


def referral_body(
    referral_id: str,
    team: str,
    referrer_name: str,
    referrer_phone: str,
    corrects: str | None = None,
    preshared: bool = False,
    terms: ProtocolTerms = OPGROEIEN_STANDARD,
) -> str:
    """Takes only the ID and the referrer's (staff) details, so no client field can reach it;
    the legal basis and the password's channel are the protocol's *terms*.

    ``preshared``: the partner already holds the agreed password, so it must not wait for a
    call. One line per paragraph: the client wraps it to its window; hard breaks would leave
    it ragged.
    """
    referral_id = _checked_id(referral_id)
    paragraphs = (
        "Geachte collega,",
        f"In bijlage vindt u doorverwijzing {referral_id} van het {team_phrase(team)}, "
        f"op grond van {terms.legal_basis} en met toestemming van de cliënt."
        + (
            f" Deze doorverwijzing corrigeert doorverwijzing {_checked_id(corrects)}: "
            "vervang de gegevens daarvan door deze."
            if corrects
            else ""
        ),
        "De bijlage is een 7z-archief, versleuteld met AES-256. "
        + (
            "Het wachtwoord is het wachtwoord dat vooraf tussen ons team en uw dienst is "
            "afgesproken; u krijgt het niet apart."
            if preshared
            else f"Het wachtwoord krijgt u apart van {referrer_name} ({referrer_phone}), "
            f"{terms.password_channel}."
        ),
        "Open de bijlage met 7-Zip (gratis, 7-zip.org) of een ander programma dat versleutelde "
        "7z-bestanden opent; Windows Verkenner kan dat niet.",
        "Wilt u de ontvangst bevestigen door op deze e-mail te antwoorden met alleen "
        f"{referral_id} (geen gegevens van de cliënt)? Kunt u de bijlage niet openen, laat "
        "het ons dan ook weten.",
        f"Met vriendelijke groeten,\n{referrer_name}\nL{team_phrase(team)[1:]}",
    )
    return "\n\n".join(paragraphs) + "\n"


def withdrawal_subject(referral_id: str, team: str) -> str:
    return (
        f"Toestemming ingetrokken – doorverwijzing {_checked_id(referral_id)} – {team_phrase(team)}"
    )


def withdrawal_body(
    referral_id: str, team: str, referrer_name: str, referrer_phone: str, sent_on: str | None
) -> str:
    """Names only the referral ID: the OCMW finds the data by it, so no client field is needed.

    A request, not a duty: the signed protocols carry no deletion clause. ``sent_on`` is None
    when the sending was never confirmed: no date is claimed then.
    """
    referral_id = _checked_id(referral_id)
    sent = f" (verstuurd op {sent_on})" if sent_on else ""
    paragraphs = (
        "Geachte collega,",
        f"De cliënt van doorverwijzing {referral_id}{sent} heeft de "
        "toestemming voor het delen van de gegevens ingetrokken.",
        "Wij vragen u de gegevens van deze doorverwijzing te verwijderen en dit kort te "
        "bevestigen door op deze e-mail te antwoorden.",
        f"Met vriendelijke groeten,\n{referrer_name} ({referrer_phone})\nL{team_phrase(team)[1:]}",
    )
    return "\n\n".join(paragraphs) + "\n"


def correction_deletion_subject(original_id: str, correction_id: str, team: str) -> str:
    return (
        f"Verzoek tot verwijdering – doorverwijzing {_checked_id(original_id)} "
        f"(gecorrigeerd door {_checked_id(correction_id)}) – {team_phrase(team)}"
    )


def correction_deletion_body(
    original_id: str,
    correction_id: str,
    team: str,
    referrer_name: str,
    referrer_phone: str,
    made_on: str,
) -> str:
    """For a correction that went to another partner: the first one still holds outdated
    data it was never competent for. Names both IDs, never the partner that got it now."""
    original_id = _checked_id(original_id)
    correction_id = _checked_id(correction_id)
    paragraphs = (
        "Geachte collega,",
        f"De gegevens in doorverwijzing {original_id} van {made_on} waren niet juist. Met de "
        "juiste gegevens valt de cliënt niet onder uw dienst: de correctie "
        f"({correction_id}) is naar de bevoegde partner gestuurd.",
        f"Wij vragen u de gegevens van doorverwijzing {original_id} te verwijderen en dit kort "
        "te bevestigen door op deze e-mail te antwoorden.",
        f"Met vriendelijke groeten,\n{referrer_name} ({referrer_phone})\nL{team_phrase(team)[1:]}",
    )
    return "\n\n".join(paragraphs) + "\n"
