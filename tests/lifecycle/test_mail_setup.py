"""Instellingen → E-mail without a window: the programs offered, the order a choice gives,
what the test draft came to, and emptying the outbox."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest

from referral_desk.delivery.detection import MailDetection
from referral_desk.delivery.openers import AllOpenersFailed, DraftResult, MailOpenError
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.mail_check import CHECK_ATTACHMENT_NAME
from referral_desk.lifecycle.mail_setup import (
    AUTOMATIC,
    CheckDraftOpened,
    CheckDraftRefused,
    CheckDraftSavedOnly,
    MailChoice,
    MailSetup,
    NoMailProgramOpened,
    OutboxEmptied,
    OutboxNotEmptied,
    ProfileAddressInvalid,
    mail_setup_for,
)
from referral_desk.storage.outbox import Outbox

PROFILE = ReferrerProfile(
    name="Sofie Maes",
    team="Kind en Gezin West-Limburg",
    phone="011 34 56 78",
    email="sofie.maes@kindengezin.be",
)
DETECTION = MailDetection(
    platform="linux",
    default_client="Thunderbird",
    usable=("thunderbird", "eml-default-app"),
    unusable={"xdg-email": "xdg-email (pakket xdg-utils) is niet geïnstalleerd"},
)
NOW = datetime(2026, 3, 20, 9, 30, 5, tzinfo=UTC)
OPENED = DraftResult(opener="thunderbird", eml_path=None, opened=True)


def setup_with(
    outbox: Outbox, outcome: DraftResult | Exception, recipient: str | None = PROFILE.email
) -> tuple[MailSetup, list[str]]:
    calls: list[str] = []

    def open_test_draft(choice: str) -> DraftResult:
        calls.append(choice)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return MailSetup(DETECTION, outbox, open_test_draft, recipient), calls


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox")


def test_the_programs_offered_with_the_reason_one_cannot_be_used(outbox: Outbox) -> None:
    setup, _calls = setup_with(outbox, OPENED)
    assert setup.automatic_client == "Thunderbird"
    assert setup.choices() == (
        MailChoice("thunderbird", "Thunderbird"),
        MailChoice(
            "xdg-email",
            "Standaard e-mailprogramma van het bureaublad (xdg-email)",
            "xdg-email (pakket xdg-utils) is niet geïnstalleerd",
        ),
        MailChoice("eml-default-app", "E-mailconcept (.eml) openen met het standaardprogramma"),
    )


def test_automatic_without_a_default_program_names_the_first_usable(outbox: Outbox) -> None:
    detection = DETECTION.model_copy(update={"default_client": None})
    setup = MailSetup(detection, outbox, lambda choice: OPENED, None)
    assert setup.automatic_client == "Thunderbird"


def test_the_order_puts_a_chosen_program_first(outbox: Outbox) -> None:
    setup, _calls = setup_with(outbox, OPENED)
    eml = "E-mailconcept (.eml) openen met het standaardprogramma"
    assert setup.order(AUTOMATIC) == f"Thunderbird → {eml}"
    assert setup.order("xdg-email") == (
        f"Standaard e-mailprogramma van het bureaublad (xdg-email) → Thunderbird → {eml}"
    )
    assert setup.order("no-such-program") == f"Thunderbird → {eml}"


def test_the_test_draft_needs_a_profile(outbox: Outbox) -> None:
    setup, calls = setup_with(outbox, OPENED, recipient=None)
    assert not setup.can_test
    with pytest.raises(RuntimeError):
        setup.run_check_draft(AUTOMATIC)
    assert calls == []


def test_an_opened_test_draft_names_the_program_and_the_attachment(outbox: Outbox) -> None:
    setup, calls = setup_with(outbox, OPENED)
    assert setup.can_test
    assert setup.run_check_draft("eml-default-app") == CheckDraftOpened(
        "Thunderbird", CHECK_ATTACHMENT_NAME
    )
    assert calls == ["eml-default-app"]


def test_a_test_draft_only_saved_says_where(outbox: Outbox, tmp_path: Path) -> None:
    saved = DraftResult(opener="eml-only", eml_path=tmp_path / "t.eml", opened=False)
    setup, _calls = setup_with(outbox, saved)
    assert setup.run_check_draft(AUTOMATIC) == CheckDraftSavedOnly(tmp_path / "t.eml")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            AllOpenersFailed([("thunderbird", "niet geïnstalleerd"), ("eml-default-app", "x")]),
            NoMailProgramOpened(
                (
                    ("Thunderbird", "niet geïnstalleerd"),
                    ("E-mailconcept (.eml) openen met het standaardprogramma", "x"),
                )
            ),
        ),
        (MailOpenError("kapot"), CheckDraftRefused("kapot")),
        (ValueError("adres"), ProfileAddressInvalid()),
    ],
)
def test_failures_the_user_can_act_on_are_outcomes(
    outbox: Outbox, error: Exception, expected: object
) -> None:
    setup, _calls = setup_with(outbox, error)
    assert setup.run_check_draft(AUTOMATIC) == expected


def test_an_unexpected_failure_is_raised(outbox: Outbox) -> None:
    setup, _calls = setup_with(outbox, RuntimeError("kapot"))
    with pytest.raises(RuntimeError):
        setup.run_check_draft(AUTOMATIC)


def test_emptying_the_outbox_counts_what_went(outbox: Outbox) -> None:
    outbox.save_archive("KG-2026-AAAAAA", b"ciphertext")
    outbox.save_archive("KG-2026-CCCCCC", b"ciphertext")
    setup, _calls = setup_with(outbox, OPENED)
    assert setup.empty_outbox() == OutboxEmptied(2)
    assert list(outbox.root.iterdir()) == []


def test_an_outbox_that_cannot_be_emptied_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.folder_links import folder_link  # a symbolic link; on Windows a junction

    real = tmp_path / "elders"
    real.mkdir()
    (real / "KG-2026-ACDEFG").mkdir()
    link = folder_link(monkeypatch, tmp_path / "outbox-link", real)
    setup, _calls = setup_with(Outbox(link), OPENED)
    outcome = setup.empty_outbox()
    assert isinstance(outcome, OutboxNotEmptied) and "geen gewone map" in outcome.reason
    assert (link / "KG-2026-ACDEFG").is_dir()


def test_the_window_s_mail_setup_sends_the_test_to_the_profile(outbox: Outbox) -> None:
    # Saving only (REFERRAL_DESK_MAIL=eml): the real chain writes the draft and opens nothing.
    environ: Mapping[str, str] = {"REFERRAL_DESK_MAIL": "eml"}
    setup = mail_setup_for(
        Settings(referrer=PROFILE), outbox, lambda: NOW, environ=environ, detect=lambda: DETECTION
    )
    assert setup.test_recipient == PROFILE.email and setup.detection == DETECTION
    outcome = setup.run_check_draft(AUTOMATIC)
    assert isinstance(outcome, CheckDraftSavedOnly) and outcome.eml_path is not None
    assert outcome.eml_path.parent == outbox.root / "test-20260320-093005"
    assert not mail_setup_for(Settings(), outbox, lambda: NOW, detect=lambda: DETECTION).can_test
