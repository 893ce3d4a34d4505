"""Settling an open action in its one step, recorded with the day it was done.

The step is the one :class:`~referral_desk.lifecycle.open_actions.OpenAction` names: marking
the draft sent, the password's channel, the partner's confirmation of receipt, the deletion
request, the correction. Raises FollowUpRefused with a Dutch reason; nothing is recorded then.
"""

from __future__ import annotations

from datetime import date

from referral_desk.domain.referral_record import (
    PasswordChannel,
    ReferralStatus,
    ReplyChannel,
)
from referral_desk.lifecycle import open_actions_messages as says
from referral_desk.lifecycle.after_sending import FollowUpRefused
from referral_desk.lifecycle.follow_up_messages import UNKNOWN_CHANNEL
from referral_desk.lifecycle.open_actions import OpenAction, SettlingStep
from referral_desk.lifecycle.partner_reports import log_of, moment_on, record_receipt
from referral_desk.lifecycle.recording import FollowUpServices
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError


def channel_needed(action: OpenAction) -> type[PasswordChannel] | type[ReplyChannel] | None:
    """Which choice the step asks for besides the day: how the password went, or how the
    partner confirmed; None for the others."""
    if action.step is SettlingStep.RECORD_PASSWORD:
        return PasswordChannel
    if action.step is SettlingStep.RECORD_RECEIPT:
        return ReplyChannel
    return None


def settle(
    services: FollowUpServices | None,
    action: OpenAction,
    on: date,
    *,
    password_channel: PasswordChannel | None = None,
    reply_channel: ReplyChannel | None = None,
) -> None:
    """Does *action*'s step for the day *on* (today or before)."""
    referral_log = log_of(services)
    assert services is not None
    at = moment_on(services, on)
    step = action.step
    try:
        if step is SettlingStep.MARK_SENT:
            _still_a_draft(referral_log, action)
            referral_log.mark_sent(action.referral_id, at)
        elif step is SettlingStep.RECORD_PASSWORD:
            if password_channel in (None, PasswordChannel.NOT_YET):
                raise FollowUpRefused(says.NOT_SETTLED(reason=UNKNOWN_CHANNEL()))
            assert password_channel is not None
            referral_log.set_password_channel(action.referral_id, password_channel)
            referral_log.record_settlement(action.referral_id, action.kind, on)
        elif step is SettlingStep.RECORD_RECEIPT:
            if reply_channel is None:
                raise FollowUpRefused(says.NOT_SETTLED(reason=UNKNOWN_CHANNEL()))
            record_receipt(services, action.referral_id, on, reply_channel)
        elif action.correction_id is not None:
            referral_log.record_deletion_request(action.referral_id, action.correction_id, at)
        else:
            referral_log.record_settlement(action.referral_id, action.kind, on)
    except ReferralLogError as error:
        raise FollowUpRefused(says.NOT_SETTLED(reason=error.said)) from None


def _still_a_draft(referral_log: ReferralLog, action: OpenAction) -> None:
    row = referral_log.get(action.referral_id)
    if row is None or row.status is not ReferralStatus.DRAFT_OPENED:
        raise FollowUpRefused(says.NO_LONGER_OPEN(referral_id=action.referral_id))
