"""The referral in progress without a window: what the window used to decide, the session
decides, and these tests need no display."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import timedelta
from pathlib import Path

import pytest

from referral_desk.domain.errors import Message
from referral_desk.domain.referral import SheetGiven
from referral_desk.domain.referral_record import PasswordChannel
from referral_desk.domain.registry_document import LoadedRegistry
from referral_desk.domain.window_fit import WindowSize
from referral_desk.lifecycle.client_documents import LeafletBlocker
from referral_desk.lifecycle.creation import ReferralRefused
from referral_desk.lifecycle.desk import RegistryState
from referral_desk.lifecycle.readiness import ConsentAnswers
from referral_desk.lifecycle.session import NotReady, ReferralSession
from referral_desk.registry.parsing import load_registry_text
from referral_desk.storage.settings import SettingsError
from tests.lifecycle_fixtures import (
    BUNDLED,
    CANARY_FORM,
    PROFILE,
    ROOT,
    TABLE,
    TODAY,
    Desk,
    found,
    registry,
)

TICKED = ConsentAnswers(
    informed=True, consented=True, given_on=TODAY, sheet_given=SheetGiven.HANDED_OVER
)


def _loaded(
    text: str = BUNDLED, source: Path = ROOT / "config" / "partners.toml"
) -> LoadedRegistry:
    return LoadedRegistry(registry(text), load_registry_text(text, TABLE, file="t"), source)


def _usable(desk: Desk, loaded: LoadedRegistry | None = None) -> Desk:
    state = RegistryState.of(loaded or _loaded(), "test")
    return dataclasses.replace(desk, registry=lambda: state)


def _session(desk: Desk, *, profile: bool = True) -> ReferralSession:
    if profile:
        desk.settings.update({"referrer": PROFILE})
    return ReferralSession(_usable(desk))


def _typed(session: ReferralSession, consent: ConsentAnswers = TICKED) -> ReferralSession:
    session.type_in(CANARY_FORM, consent)
    session.look_up("3970", None)
    return session


def _made(session: ReferralSession) -> ReferralSession:
    plan = _typed(session).plan()
    work = session.creation(plan, change_confirmed=False)
    session.creation_ended(work())
    return session


# --- what is missing, and whether a referral can be made: one answer ----------------------
def test_an_empty_session_says_what_is_missing_and_cannot_create(desk: Desk) -> None:
    readiness = _session(desk).readiness()
    assert not readiness.can_create
    codes = {blocker.code for blocker in readiness.blockers}
    assert {"not_informed", "no_consent"} <= codes
    assert readiness.sentence.startswith("Nog niet klaar")


def test_typed_ticked_and_found_can_create(desk: Desk) -> None:
    readiness = _typed(_session(desk)).readiness()
    assert readiness.can_create and readiness.blockers == () and readiness.sentence == ""


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda desk: ReferralSession(desk), "registry_invalid"),
        (lambda desk: ReferralSession(_usable(desk)), "no_profile"),
        (
            lambda desk: ReferralSession(
                _usable(dataclasses.replace(desk, referral_log_problem=Message.plain("kapot")))
            ),
            "referral_log_broken",
        ),
    ],
)
def test_what_lasts_beyond_the_referral_blocks_it_too(desk: Desk, make: object, code: str) -> None:
    session = make(desk)  # type: ignore[operator]
    session.type_in(CANARY_FORM, TICKED)
    session.look_up("3970", None)
    readiness = session.readiness()
    assert not readiness.can_create
    assert code in {b.code for b in readiness.blockers}, readiness.blockers


def test_the_plan_is_refused_while_something_is_missing_and_nothing_is_written(
    desk: Desk,
) -> None:
    session = _typed(_session(desk), ConsentAnswers(informed=True))
    with pytest.raises(NotReady) as refused:
        session.plan()
    assert refused.value.blockers == session.readiness().blockers
    assert "toestemming" in refused.value.message
    assert desk.written_files() == [] and desk.referral_log.all() == []


def test_a_made_referral_is_done_and_no_second_one_is_planned(desk: Desk) -> None:
    session = _made(_session(desk))
    assert session.created is not None and session.record is not None
    assert session.readiness().done and not session.readiness().can_create
    assert session.readiness().sentence == ""
    with pytest.raises(NotReady):
        session.plan()
    # While the work runs off the GUI thread, no second one starts either.
    other = _typed(_session(desk))
    other.creation(other.plan(), change_confirmed=False)
    assert not other.readiness().can_create
    other.creation_ended(None)
    assert other.readiness().can_create and other.created is None


def test_a_form_the_readiness_refuses_is_never_planned(desk: Desk) -> None:
    session = _session(desk)
    session.type_in({**CANARY_FORM, "phone": "", "email": "geen-adres"}, TICKED)
    session.look_up("3970", None)
    readiness = session.readiness()
    assert "form_incomplete" in {b.code for b in readiness.blockers}
    with pytest.raises(NotReady):
        session.plan()


def test_a_changed_mailbox_must_be_confirmed_before_the_work_is_handed_out(desk: Desk) -> None:
    desk.memory.last[found().municipality.nis_code] = "oud@leopoldsburg.be"
    session = _typed(_session(desk))
    plan = session.plan()
    assert plan.mailbox_change is not None
    assert plan.mailbox_change.previous == "oud@leopoldsburg.be"
    with pytest.raises(ReferralRefused):
        session.creation(plan, change_confirmed=False)
    assert not session.creating
    made = session.creation(plan, change_confirmed=True)()
    assert made.created.referral.partner.mailbox == plan.mailbox_change.current


def test_the_log_entry_is_checked_with_the_real_archive_digest(desk: Desk) -> None:
    session = _made(_session(desk))
    created = session.created
    assert created is not None
    [entry] = desk.referral_log.all()
    digest = hashlib.sha256(created.archive_path.read_bytes()).hexdigest()
    assert entry.archive_sha256 == created.archive_sha256 == digest


# --- the partner, the leaflet and the receipt ----------------------------------------------
def test_the_partner_is_looked_up_for_a_complete_postcode_only(desk: Desk) -> None:
    session = _session(desk)
    assert session.look_up(None, None) is None and session.found is None
    assert session.municipalities("3970")
    assert session.look_up("3970", None) is not None and session.found is not None
    assert ReferralSession(desk).municipalities("3970") == ()


def test_the_leaflet_waits_for_a_partner_and_a_profile(desk: Desk) -> None:
    without_profile = _session(desk, profile=False)
    assert without_profile.leaflet_blocker() is LeafletBlocker.NO_PARTNER
    assert without_profile.information_sheet("nl") is None
    without_profile.look_up("3970", None)
    assert without_profile.leaflet_blocker() is LeafletBlocker.NO_PROFILE
    assert without_profile.information_sheet("nl") is None
    session = _typed(_session(desk))
    assert session.leaflet_blocker() is None
    job = session.information_sheet("fr")
    assert job is not None
    assert job.target.parent == desk.print_folder == desk.outbox.root / "afdrukken"
    assert job.target.name == "informatieblad-ocmw-leopoldsburg-fr.pdf"


def test_the_receipt_exists_only_after_creating_and_names_the_referral_not_the_client(
    desk: Desk,
) -> None:
    session = _typed(_session(desk))
    assert session.receipt("nl") is None
    _made(session)
    job = session.receipt("nl")
    assert job is not None and session.created is not None
    assert job.target == desk.print_folder / f"bewijs-{session.created.referral_id}-nl.pdf"


# --- the password ---------------------------------------------------------------------------
def test_the_hand_over_offers_the_channels_for_the_partners_phone(desk: Desk) -> None:
    session = _session(desk)
    assert session.hand_over() is None
    _made(session)
    hand_over = session.hand_over()
    assert hand_over is not None and not hand_over.preshared
    assert hand_over.partner_name == "OCMW Leopoldsburg"
    assert PasswordChannel.PHONE in hand_over.channels
    assert PasswordChannel.NOT_YET not in hand_over.channels


def test_a_recorded_channel_is_in_the_log_and_ends_the_close_question(desk: Desk) -> None:
    session = _made(_session(desk))
    assert session.discard_question(closing=True) is not None
    session.record_channel(PasswordChannel.PHONE)
    assert desk.referral_log.all()[0].password_channel == PasswordChannel.PHONE
    assert session.discard_question(closing=True) is None


# --- what closing now would lose -------------------------------------------------------------
def test_closing_an_empty_session_asks_nothing(desk: Desk) -> None:
    session = _session(desk)
    assert session.discard_question(closing=True) is None and not session.loses_data()


def test_closing_a_typed_form_says_the_data_and_consent_are_lost(desk: Desk) -> None:
    session = _typed(_session(desk))
    question = session.discard_question(closing=True)
    assert question is not None and "gaan verloren" in question and "afsluiten" in question
    assert session.loses_data()
    assert "nieuwe doorverwijzing" in (session.discard_question() or "")


def test_after_creating_the_password_is_at_stake_until_passed_on(desk: Desk) -> None:
    session = _made(_session(desk))
    question = session.discard_question(closing=True, today=TODAY)
    assert question is not None and "niet verloren" in question  # kept for recall
    assert not session.loses_data()
    session.password_shown_as("sms")
    assert session.discard_question(closing=True) is None
    session.password_shown_as("no such channel")
    assert session.password_channel is PasswordChannel.SMS


def test_without_recall_the_password_is_lost_on_closing(desk: Desk) -> None:
    desk.settings.update({"referrer": PROFILE})
    session = _made(ReferralSession(_usable(dataclasses.replace(desk, vault=None))))
    assert session.record is not None and session.record.recall_until is None
    assert session.loses_data()


def test_starting_over_keeps_the_settings_and_forgets_the_referral(desk: Desk) -> None:
    session = _made(_session(desk))
    session.start_over()
    assert session.created is None and session.found is None and session.form == {}
    assert session.profile == PROFILE and session.registry is not None
    assert session.readiness().can_create is False


# --- a correction ---------------------------------------------------------------------------
def test_a_correction_reads_its_original_or_says_why_not(desk: Desk) -> None:
    first = _made(_session(desk))
    assert first.created is not None
    original = first.created.referral_id
    session = _session(desk)
    session.start_correction("KG-2026-ZZZZZZ")
    assert session.correcting_original is None and session.correcting_problem
    session.start_over()
    session.start_correction(original)
    assert session.correcting_original is not None and session.correcting_problem is None
    _typed(session)
    route = session.route_before()
    assert route is not None and route.sentence is None  # the same partner again
    assert session.plan().request.corrects == original


# --- what lasts beyond one referral --------------------------------------------------------
class _RefusingSettings:
    def __init__(self, store: object) -> None:
        self.store = store

    def load(self) -> object:
        return self.store.load()  # type: ignore[attr-defined]

    def load_checked(self) -> object:
        return self.store.load_checked()  # type: ignore[attr-defined]

    def update(self, _changes: object) -> object:
        raise SettingsError("De instellingen zijn vergrendeld door een ander venster.")


def test_a_profile_the_settings_refuse_holds_for_this_window_and_says_why(desk: Desk) -> None:
    session = ReferralSession(
        _usable(dataclasses.replace(desk, settings=_RefusingSettings(desk.settings)))  # type: ignore[arg-type]
    )
    problem = session.save_profile(PROFILE)
    assert problem is not None and "vergrendeld" in problem
    assert session.profile == PROFILE
    assert not session.remember_window_size(WindowSize(width=900, height=700))


def test_the_window_size_is_remembered_once(desk: Desk) -> None:
    session = _session(desk)
    size = WindowSize(width=900, height=700)
    assert session.remember_window_size(size) and session.remember_window_size(None)
    assert desk.settings.load().main_window_size == size


def test_a_broken_settings_file_is_said_and_the_defaults_hold(desk: Desk) -> None:
    desk.settings.path.write_text("{ kapot", encoding="utf-8")
    session = ReferralSession(_usable(desk))
    assert session.settings_problem and session.profile is None


def test_a_saved_registry_is_read_again_only_when_it_is_the_active_one(
    desk: Desk, tmp_path: Path
) -> None:
    active = tmp_path / "partners.toml"
    active.write_text(BUNDLED, encoding="utf-8")
    states = iter(
        [
            RegistryState.of(_loaded(source=active), "machine"),
            RegistryState.of(_loaded(BUNDLED.replace("2026.1", "2026.9"), active), "machine"),
            RegistryState.of(_loaded(BUNDLED.replace("2026.1", "2026.9"), active), "machine"),
        ]
    )
    session = ReferralSession(dataclasses.replace(desk, registry=lambda: next(states)))
    assert not session.registry_saved(tmp_path / "elders.toml")
    assert session.registry is not None
    assert session.registry.document.registry_version == "2026.1"
    assert session.registry_saved(active)
    assert session.registry.document.registry_version == "2026.9"
    assert session.registry_state.label == "machine"


def test_the_time_a_session_uses_is_the_desks_clock(desk: Desk) -> None:
    later = dataclasses.replace(desk, clock=lambda: desk.clock() + timedelta(days=1))
    assert ReferralSession(later).inputs().today == TODAY + timedelta(days=1)
