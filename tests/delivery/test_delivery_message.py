"""The draft as mail clients will parse it, the .eml write, and the Dutch templates."""

from __future__ import annotations

import email.policy
import inspect
import os
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from pydantic import ValidationError

from referral_desk.delivery.eml import DRAFT_POLICY, write_eml_draft
from referral_desk.delivery.message import (
    DraftMessage,
    build_email_message,
    referral_body,
    referral_subject,
    withdrawal_body,
    withdrawal_subject,
)
from tests.file_privacy import assert_private

REFERRAL_ID = "KG-2026-7F3K9Q"
MAILBOX = "doorverwijzing@ocmw-menen.example.be"
# Every byte value, plus line ends a text-mode write would corrupt.
ARCHIVE_BYTES = bytes(range(256)) + b"7z\r\n\n\r\x00" + os.urandom(4096)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "outbox" / f"{REFERRAL_ID}.7z"
    path.parent.mkdir()
    path.write_bytes(ARCHIVE_BYTES)
    return path


def _draft(archive: Path | None, team: str = "Menen") -> DraftMessage:
    return DraftMessage(
        to=MAILBOX,
        subject=referral_subject(REFERRAL_ID, team),
        body=referral_body(REFERRAL_ID, team, "An Peeters", "+32 56 12 34 56"),
        attachment=archive,
    )


def _parse(raw: bytes) -> EmailMessage:
    parsed = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _eml_bytes(draft: DraftMessage) -> bytes:
    return build_email_message(draft).as_bytes(policy=email.policy.SMTP)


def test_message_parses_back_as_an_unsent_draft_with_the_archive(archive: Path) -> None:
    draft = _draft(archive)
    parsed = _parse(_eml_bytes(draft))
    assert parsed["To"] == MAILBOX
    assert parsed["Subject"] == draft.subject
    assert parsed["X-Unsent"] == "1"
    for absent in ("From", "Date", "Message-ID", "Sender", "Cc", "Bcc"):
        assert parsed[absent] is None, absent
    body = parsed.get_body(preferencelist=("plain",))
    assert body is not None
    assert body.get_content_charset() == "utf-8"
    assert body.get_content().replace("\r\n", "\n") == draft.body
    attachments = list(parsed.iter_attachments())
    assert len(attachments) == 1
    (attachment,) = attachments
    assert attachment.get_content_type() == "application/x-7z-compressed"
    filename = attachment.get_filename()
    assert filename == f"{REFERRAL_ID}.7z"
    assert filename.isascii()
    assert attachment.get_payload(decode=True) == ARCHIVE_BYTES


def test_non_ascii_subject_survives_encoding(archive: Path) -> None:
    draft = _draft(archive, team="Hélécine")
    raw = _eml_bytes(draft)
    assert "Hélécine".encode() not in raw, "headers must be RFC 2047 encoded, not raw UTF-8"
    assert _parse(raw)["Subject"] == (
        "Doorverwijzing KG-2026-7F3K9Q – lokaal team Kind en Gezin Hélécine (art. 10/1)"
    )
    body = _parse(raw).get_body(preferencelist=("plain",))
    assert body is not None
    assert "Hélécine" in body.get_content()


def test_eml_bytes_are_seven_bit_with_crlf_line_ends(archive: Path) -> None:
    raw = _eml_bytes(_draft(archive, team="Hélécine"))
    assert raw.isascii()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")


def test_message_without_attachment_is_plain_text() -> None:
    parsed = _parse(_eml_bytes(_draft(None)))
    assert parsed.get_content_type() == "text/plain"
    assert list(parsed.iter_attachments()) == []


def test_missing_attachment_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        build_email_message(_draft(tmp_path / "weg.7z"))


@pytest.mark.parametrize("name", ["verwijzing-é.7z", "Ä.7z", "tab\there.7z"])
def test_attachment_name_must_be_ascii(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValidationError):
        _draft(tmp_path / name)


@pytest.mark.parametrize(
    "to",
    [
        "a@ocmw.be, b@ocmw.be",
        "a@ocmw.be;b@ocmw.be",
        "OCMW <a@ocmw.be>",
        "a@ocmw.be\r\nBcc: x@evil.example",
        "geen-adres",
        "bé@ocmw.be",
        "",
    ],
)
def test_to_must_be_one_plain_address(to: str) -> None:
    with pytest.raises(ValidationError):
        DraftMessage(to=to, subject="s", body="b", attachment=None)


def test_subject_must_be_one_line() -> None:
    with pytest.raises(ValidationError):
        DraftMessage(to=MAILBOX, subject="a\r\nBcc: x@evil.example", body="b", attachment=None)


def test_draft_is_frozen() -> None:
    draft = _draft(None)
    with pytest.raises(ValidationError):
        draft.to = "ander@example.be"  # type: ignore[misc]


# --- the .eml file -------------------------------------------------------------------------


def test_eml_written_with_exact_bytes_and_no_temp_file(archive: Path) -> None:
    message = build_email_message(_draft(archive))
    folder = archive.parent
    path = write_eml_draft(message, folder, REFERRAL_ID)
    assert path == folder / f"{REFERRAL_ID}.eml"
    assert path.read_bytes() == message.as_bytes(policy=DRAFT_POLICY)
    assert DRAFT_POLICY.linesep == "\r\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted([archive.name, path.name])


def test_eml_is_private(archive: Path) -> None:
    path = write_eml_draft(build_email_message(_draft(archive)), archive.parent, REFERRAL_ID)
    assert_private(path)


def test_eml_replaced_whole_or_not_at_all(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = archive.parent
    old = write_eml_draft(build_email_message(_draft(None)), folder, REFERRAL_ID).read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_eml_draft(build_email_message(_draft(archive)), folder, REFERRAL_ID)
    assert (folder / f"{REFERRAL_ID}.eml").read_bytes() == old
    assert sorted(p.name for p in folder.iterdir()) == sorted([archive.name, f"{REFERRAL_ID}.eml"])


@pytest.mark.parametrize("stem", ["", "../KG-2026-7F3K9Q", "sub/KG", ".hidden", ".."])
def test_eml_stem_cannot_leave_the_folder(tmp_path: Path, stem: str) -> None:
    with pytest.raises(ValueError):
        write_eml_draft(build_email_message(_draft(None)), tmp_path, stem)


# --- templates -----------------------------------------------------------------------------


def test_subject_matches_the_agreed_form() -> None:
    assert referral_subject(REFERRAL_ID, "Menen") == (
        "Doorverwijzing KG-2026-7F3K9Q – lokaal team Kind en Gezin Menen (art. 10/1)"
    )


def test_team_as_the_protocols_name_it_is_not_doubled() -> None:
    subject = referral_subject(REFERRAL_ID, "Kind en Gezin West-Limburg")
    assert subject == (
        "Doorverwijzing KG-2026-7F3K9Q – lokaal team Kind en Gezin West-Limburg (art. 10/1)"
    )
    body = referral_body(REFERRAL_ID, "Kind en Gezin West-Limburg", "An Peeters", "011 34 56 78")
    assert "Kind en Gezin Kind en Gezin" not in body
    assert body.rstrip().endswith("Lokaal team Kind en Gezin West-Limburg")


def test_body_is_dutch_and_complete() -> None:
    body = referral_body(REFERRAL_ID, "Menen", "An Peeters", "+32 56 12 34 56")
    for expected in (
        REFERRAL_ID,
        "lokaal team Kind en Gezin Menen",
        "op grond van art. 10/1 decreet van 30 april 2004",
        "toestemming",
        "AES-256",
        "7-Zip",
        "wachtwoord",
        "apart van An Peeters (+32 56 12 34 56), telefonisch of per sms",
        "ontvangst bevestigen",
    ):
        assert expected in body, expected


def test_the_receipt_is_confirmed_with_the_referral_id_only() -> None:
    body = referral_body(REFERRAL_ID, "Menen", "An Peeters", "+32 56 12 34 56")
    (paragraph,) = [p for p in body.split("\n\n") if "ontvangst bevestigen" in p]
    assert f"antwoorden met alleen {REFERRAL_ID} (geen gegevens van de cliënt)" in paragraph
    assert "niet openen" in paragraph


def test_a_preshared_mail_promises_no_phone_call() -> None:
    """The partner holds the agreed password; a promised call would have it wait for nothing."""
    body = referral_body(REFERRAL_ID, "Menen", "An Peeters", "056 12 34 56", preshared=True)
    assert "vooraf tussen ons team en uw dienst is afgesproken" in body
    assert "telefonisch" not in body
    assert "sms" not in body


@pytest.mark.parametrize("preshared", [False, True])
@pytest.mark.parametrize("corrects", [None, "KG-2026-AC3DEF"])
def test_every_referral_mail_says_7zip_and_not_explorer(
    preshared: bool, corrects: str | None
) -> None:
    body = referral_body(
        REFERRAL_ID, "Menen", "An Peeters", "056 12 34 56", corrects, preshared=preshared
    )
    assert "Open de bijlage met 7-Zip (gratis, 7-zip.org)" in body
    assert "Windows Verkenner kan dat niet" in body


def test_the_referral_mail_claims_no_deletion_duty() -> None:
    """The signed protocols have no deletion clause; the mail must not say they do."""
    for preshared in (False, True):
        body = referral_body(REFERRAL_ID, "Menen", "An Peeters", "056", preshared=preshared)
        assert "verwijder" not in body
        assert "protocol bepaalt" not in body


@pytest.mark.parametrize("team", ["Menen", "Hélécine", "Sint-Pieters-Leeuw"])
def test_templates_have_no_placeholder_leftovers(team: str) -> None:
    subject = referral_subject(REFERRAL_ID, team)
    body = referral_body(REFERRAL_ID, team, "An Peeters", "+32 56 12 34 56")
    for text in (subject, body):
        assert REFERRAL_ID in text
        assert team in text
        assert "{" not in text
        assert "}" not in text
    assert "\n" not in subject


def test_templates_accept_only_staff_data() -> None:
    """A client field cannot be passed: the only parameters are IDs and the referrer's."""
    assert list(inspect.signature(referral_subject).parameters) == [
        "referral_id",
        "team",
        "corrects",
    ]
    assert list(inspect.signature(referral_body).parameters) == [
        "referral_id",
        "team",
        "referrer_name",
        "referrer_phone",
        "corrects",
        "preshared",
        "terms",  # the protocol's terms from the registry: no client data
    ]
    assert list(inspect.signature(withdrawal_body).parameters) == [
        "referral_id",
        "team",
        "referrer_name",
        "referrer_phone",
        "sent_on",
    ]
    with pytest.raises(ValueError):
        referral_subject("KG-2026-7F3K9Q", "Menen", corrects="Ayşe Van den Bossche")


def test_a_correction_names_the_referral_it_corrects() -> None:
    subject = referral_subject("KG-2026-AC3DEF", "Menen", corrects=REFERRAL_ID)
    assert subject.startswith("Doorverwijzing KG-2026-AC3DEF (correctie van KG-2026-7F3K9Q)")
    body = referral_body("KG-2026-AC3DEF", "Menen", "An Peeters", "056", corrects=REFERRAL_ID)
    assert "corrigeert doorverwijzing KG-2026-7F3K9Q" in body


@pytest.mark.parametrize("not_an_id", ["Jan Janssens", "KG-2026-7f3k9q", "KG-2026-7F3K9Q Jan"])
def test_templates_refuse_anything_but_a_referral_id(not_an_id: str) -> None:
    with pytest.raises(ValueError):
        referral_subject(not_an_id, "Menen")
    with pytest.raises(ValueError):
        referral_body(not_an_id, "Menen", "An Peeters", "+32 56 12 34 56")


def test_withdrawal_mail_names_only_the_referral() -> None:
    subject = withdrawal_subject(REFERRAL_ID, "Kind en Gezin Menen")
    assert subject == (
        "Toestemming ingetrokken – doorverwijzing KG-2026-7F3K9Q – lokaal team Kind en Gezin Menen"
    )
    body = withdrawal_body(REFERRAL_ID, "Menen", "An Peeters", "056 12 34 56", "23-11-2026")
    assert "doorverwijzing KG-2026-7F3K9Q (verstuurd op 23-11-2026)" in body
    assert "Wij vragen u de gegevens van deze doorverwijzing te verwijderen" in body
    # A request: the signed protocols do not make deletion a duty.
    assert "protocol" not in body
    assert "verwijdert" not in body
    with pytest.raises(ValueError):
        withdrawal_subject("Ayşe Van den Bossche", "Menen")
