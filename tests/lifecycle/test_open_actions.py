"""Open actions, computed by the core from the log and the registry with a fake clock: each
action appears when it is owed (today, +3 days, +10 working days) and its one step settles it,
recorded with its date. No display."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from referral_desk.domain.partners import PartnerRegistry, PasswordMode
from referral_desk.domain.referral_record import (
    DataFieldKind,
    OpenActionKind,
    PartnerReportKind,
    PasswordChannel,
    ReferralStatus,
    ReplyChannel,
    WithdrawalChannel,
)
from referral_desk.lifecycle.after_sending import FollowUpRefused
from referral_desk.lifecycle.open_actions import (
    DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS,
    OpenAction,
    SettlingStep,
    open_actions,
)
from referral_desk.lifecycle.open_actions_calendar import working_days_after
from referral_desk.lifecycle.open_actions_settling import channel_needed, settle
from referral_desk.lifecycle.partner_reports import record_partner_report, record_receipt
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.referral_log import ReferralLog
from tests.lifecycle_fixtures import RecordingMail, registry
from tests.storage.test_referral_log import entry

BRUSSELS = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=BRUSSELS)
FIRST, SECOND = "KG-2026-7F3K9Q", "KG-2026-AC3DEF"
LEOPOLDSBURG = {
    "partner_id": "ocmw-leopoldsburg",
    "partner_name": "OCMW Leopoldsburg",
    "mailbox": "socialedienst@leopoldsburg.be",
}


@dataclass
class Clock:
    now: datetime = MONDAY

    def __call__(self) -> datetime:
        return self.now

    def days(self, days: int) -> None:
        self.now = MONDAY + timedelta(days=days)

    def working_days(self, days: int) -> None:
        self.now = datetime.combine(working_days_after(MONDAY.date(), days), MONDAY.timetz())


@dataclass
class World:
    clock: Clock
    log: ReferralLog
    services: FollowUpServices
    registry: PartnerRegistry

    def actions(self) -> list[OpenAction]:
        return open_actions(self.log, self.registry, self.clock().date())

    def kinds(self, referral_id: str = FIRST) -> list[OpenActionKind]:
        return [a.kind for a in self.actions() if a.referral_id == referral_id]

    def one(self, kind: OpenActionKind, referral_id: str = FIRST) -> OpenAction:
        (found,) = [a for a in self.actions() if a.kind is kind and a.referral_id == referral_id]
        return found

    def sent(self, referral_id: str = FIRST, **extra: object) -> None:
        self.log.add(entry(referral_id, self.clock(), **extra))
        self.log.mark_sent(referral_id, self.clock())


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    clock = Clock()
    log = ReferralLog.open(tmp_path / "log.sqlite3", clock=clock)
    services = FollowUpServices(
        referral_log=log, vault=None, clock=clock, outbox=Outbox(tmp_path / "outbox"),
        mail=RecordingMail(),
    )  # fmt: skip
    yield World(clock, log, services, registry())
    assert log.tampering().intact
    log.close()


def with_partner(base: PartnerRegistry, partner_id: str, **protocol: object) -> PartnerRegistry:
    partners = []
    for partner in base.partners:
        if partner.id == partner_id:
            mode = protocol.pop("password_mode", partner.password_mode)
            partner = partner.model_copy(
                update={
                    "password_mode": mode,
                    "protocol": partner.protocol.model_copy(update=protocol),
                }
            )
        partners.append(partner)
    return PartnerRegistry(tuple(partners), base.postcodes, version=base.version)


# --- a draft never marked sent --------------------------------------------------------------


def test_a_draft_is_open_from_the_day_after_and_marking_it_sent_settles_it(world: World) -> None:
    world.log.add(entry(FIRST, MONDAY))
    assert world.actions() == []
    world.clock.days(3)
    action = world.one(OpenActionKind.DRAFT_NOT_SENT)
    assert (action.since, action.step) == (MONDAY.date(), SettlingStep.MARK_SENT)
    assert action.said.dutch == "Concept gemaakt maar niet als verstuurd genoteerd"
    assert channel_needed(action) is None
    settle(world.services, action, world.clock().date())
    row = world.log.get(FIRST)
    assert row is not None and row.status is ReferralStatus.SENT
    assert row.sent_at is not None and row.sent_at.date() == date(2026, 3, 5)
    assert OpenActionKind.DRAFT_NOT_SENT not in world.kinds()


def test_a_draft_sent_on_an_earlier_day_is_recorded_on_that_day(world: World) -> None:
    world.log.add(entry(FIRST, MONDAY))
    world.clock.days(3)
    settle(world.services, world.one(OpenActionKind.DRAFT_NOT_SENT), date(2026, 3, 2))
    row = world.log.get(FIRST)
    assert row is not None and row.sent_at is not None and row.sent_at.date() == date(2026, 3, 2)


def test_a_cancelled_draft_owes_nothing(world: World) -> None:
    world.log.add(entry(FIRST, MONDAY))
    world.log.mark_cancelled(FIRST, MONDAY)
    world.clock.working_days(10)
    assert world.actions() == []


# --- the password -------------------------------------------------------------------------


def test_a_password_not_told_is_open_at_once_and_its_channel_settles_it(world: World) -> None:
    world.sent()
    action = world.one(OpenActionKind.PASSWORD_NOT_TOLD)
    assert channel_needed(action) is PasswordChannel
    with pytest.raises(FollowUpRefused):
        settle(world.services, action, MONDAY.date())
    world.clock.days(3)
    settle(world.services, action, date(2026, 3, 3), password_channel=PasswordChannel.PHONE)
    assert OpenActionKind.PASSWORD_NOT_TOLD not in world.kinds()
    (settled,) = world.log.settlements(FIRST)[FIRST]
    assert (settled.action, settled.settled_on) == (
        OpenActionKind.PASSWORD_NOT_TOLD,
        date(2026, 3, 3),
    )


def test_a_pre_shared_password_is_never_owed(world: World) -> None:
    world.registry = with_partner(
        world.registry, "ocmw-wervik", password_mode=PasswordMode.PRE_SHARED
    )
    world.sent()
    assert OpenActionKind.PASSWORD_NOT_TOLD not in world.kinds()


# --- the partner's acknowledgement -------------------------------------------------------------


def test_no_acknowledgement_is_open_after_the_working_days_and_receipt_settles_it(
    world: World,
) -> None:
    world.sent()
    world.log.set_password_channel(FIRST, PasswordChannel.PHONE)
    assert world.actions() == []
    world.clock.days(3)
    assert world.actions() == []
    world.clock.working_days(DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS - 1)
    assert world.actions() == []
    world.clock.working_days(10)
    action = world.one(OpenActionKind.NO_ACKNOWLEDGEMENT)
    assert action.since == MONDAY.date() and action.working_days == 5
    assert action.said.dutch == "Geen ontvangstbevestiging van de partner na 5 werkdagen"
    assert channel_needed(action) is ReplyChannel
    settle(world.services, action, world.clock().date(), reply_channel=ReplyChannel.MAIL)
    assert world.actions() == []
    (report,) = world.log.partner_reports(FIRST)[FIRST]
    assert (report.kind, report.channel, report.reported_on) == (
        PartnerReportKind.RECEIVED,
        ReplyChannel.MAIL,
        date(2026, 3, 16),
    )


def test_the_protocol_sets_the_working_days(world: World) -> None:
    world.registry = with_partner(world.registry, "ocmw-wervik", acknowledgement_working_days=12)
    world.sent()
    world.log.set_password_channel(FIRST, PasswordChannel.PHONE)
    world.clock.working_days(10)
    assert world.actions() == []
    world.clock.working_days(12)
    assert world.one(OpenActionKind.NO_ACKNOWLEDGEMENT).working_days == 12


def test_a_report_that_it_could_not_be_opened_leaves_the_acknowledgement_open(
    world: World,
) -> None:
    world.sent()
    world.log.set_password_channel(FIRST, PasswordChannel.PHONE)
    world.clock.days(3)
    record_partner_report(
        world.services, FIRST, PartnerReportKind.COULD_NOT_OPEN, date(2026, 3, 4),
        ReplyChannel.PHONE,
    )  # fmt: skip
    world.clock.working_days(10)
    assert world.kinds() == [OpenActionKind.NO_ACKNOWLEDGEMENT]
    record_receipt(world.services, FIRST, world.clock().date(), ReplyChannel.OTHER)
    assert world.actions() == []


def test_a_receipt_recorded_before_the_term_keeps_it_from_opening(world: World) -> None:
    world.sent()
    world.log.set_password_channel(FIRST, PasswordChannel.SMS)
    world.clock.days(3)
    record_receipt(world.services, FIRST, date(2026, 3, 3), ReplyChannel.MAIL)
    world.clock.working_days(10)
    assert world.actions() == []


def test_a_day_after_today_is_refused_and_nothing_is_recorded(world: World) -> None:
    world.sent()
    with pytest.raises(FollowUpRefused) as refused:
        record_receipt(world.services, FIRST, date(2026, 3, 3), ReplyChannel.MAIL)
    assert "2026-03-03" in refused.value.message
    assert world.log.partner_reports() == {}


# --- deletion requests --------------------------------------------------------------------


def test_a_withdrawal_by_phone_owes_a_written_deletion_request(world: World) -> None:
    world.sent()
    world.log.set_password_channel(FIRST, PasswordChannel.PHONE)
    world.clock.days(3)
    world.log.mark_withdrawn(FIRST, WithdrawalChannel.PHONE, world.clock())
    action = world.one(OpenActionKind.DELETION_OWED)
    assert action.since == date(2026, 3, 5) and action.correction_id is None
    world.clock.working_days(10)
    assert world.kinds() == [OpenActionKind.DELETION_OWED]  # no acknowledgement owed now
    settle(world.services, action, world.clock().date())
    assert world.actions() == []
    (settled,) = world.log.settlements(FIRST)[FIRST]
    assert settled.settled_on == date(2026, 3, 16)


def test_a_withdrawal_by_mail_asked_for_deletion_already(world: World) -> None:
    world.sent()
    world.log.mark_withdrawn(FIRST, WithdrawalChannel.MAIL, world.clock())
    world.clock.working_days(10)
    assert world.actions() == []


def test_a_correction_to_another_partner_owes_a_deletion_request(world: World) -> None:
    world.sent()
    world.log.set_password_channel(FIRST, PasswordChannel.PHONE)
    world.clock.days(3)
    world.sent(SECOND, corrects=FIRST, **LEOPOLDSBURG)
    world.log.set_password_channel(SECOND, PasswordChannel.PHONE)
    action = world.one(OpenActionKind.DELETION_OWED)
    assert action.correction_id == SECOND and action.since == date(2026, 3, 5)
    assert SECOND in action.said.dutch
    settle(world.services, action, world.clock().date())
    assert world.kinds() == []
    (request,) = world.log.deletion_requests(FIRST)
    assert request.correction_id == SECOND


# --- art. 7 reports -----------------------------------------------------------------------


def test_an_art_7_report_owes_a_correction_until_one_is_recorded(world: World) -> None:
    world.sent()
    world.log.set_password_channel(FIRST, PasswordChannel.PHONE)
    world.clock.days(3)
    record_receipt(world.services, FIRST, date(2026, 3, 3), ReplyChannel.MAIL)
    record_partner_report(
        world.services, FIRST, PartnerReportKind.INCORRECT_DATA, date(2026, 3, 5),
        ReplyChannel.PHONE, (DataFieldKind.ADDRESS,),
    )  # fmt: skip
    action = world.one(OpenActionKind.CORRECTION_OWED)
    assert action.since == date(2026, 3, 5) and action.step is SettlingStep.RECORD_CORRECTION
    world.clock.working_days(10)
    settle(world.services, action, world.clock().date())
    assert world.actions() == []
    # A new report after the correction opens it again.
    record_partner_report(
        world.services, FIRST, PartnerReportKind.INCORRECT_DATA, world.clock().date(),
        ReplyChannel.MAIL, (DataFieldKind.PHONE, DataFieldKind.EMAIL),
    )  # fmt: skip
    # Recorded the same day as the settlement: that settlement is taken to answer it.
    assert world.actions() == []
    world.clock.working_days(11)
    record_partner_report(
        world.services, FIRST, PartnerReportKind.INCORRECT_DATA, world.clock().date(),
        ReplyChannel.MAIL, (DataFieldKind.FIRST_NAME,),
    )  # fmt: skip
    assert world.kinds() == [OpenActionKind.CORRECTION_OWED]


def test_a_correction_made_after_the_report_settles_it(world: World) -> None:
    world.sent()
    world.log.set_password_channel(FIRST, PasswordChannel.PHONE)
    record_receipt(world.services, FIRST, MONDAY.date(), ReplyChannel.MAIL)
    record_partner_report(
        world.services, FIRST, PartnerReportKind.INCORRECT_DATA, MONDAY.date(),
        ReplyChannel.MAIL, (DataFieldKind.LAST_NAME,),
    )  # fmt: skip
    assert world.kinds() == [OpenActionKind.CORRECTION_OWED]
    world.clock.days(3)
    world.sent(SECOND, corrects=FIRST)
    world.log.set_password_channel(SECOND, PasswordChannel.PHONE)
    assert world.kinds() == []


def test_an_art_7_report_needs_the_kinds_of_field(world: World) -> None:
    world.sent()
    with pytest.raises(FollowUpRefused):
        record_partner_report(
            world.services, FIRST, PartnerReportKind.INCORRECT_DATA, MONDAY.date(),
            ReplyChannel.MAIL,
        )  # fmt: skip


def test_the_list_is_oldest_first_and_names_no_client(world: World) -> None:
    world.log.add(entry(SECOND, MONDAY - timedelta(days=2)))
    world.sent()
    world.clock.working_days(10)
    actions = world.actions()
    assert [a.referral_id for a in actions] == [SECOND, FIRST, FIRST]
    for action in actions:
        text = action.said.dutch + action.step_said.dutch
        assert "Sofie" not in text and "@" not in text


def test_without_a_log_nothing_is_settled(world: World) -> None:
    world.sent()
    action = world.one(OpenActionKind.PASSWORD_NOT_TOLD)
    with pytest.raises(FollowUpRefused):
        settle(None, action, MONDAY.date(), password_channel=PasswordChannel.PHONE)
