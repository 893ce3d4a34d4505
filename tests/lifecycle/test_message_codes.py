"""What the core says about readiness, refusals and the registry is data: a code and values
(field names, dates, IDs, reasons), never client data and never markup; the Dutch is the
same sentence as before."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from referral_desk.domain.errors import Message
from referral_desk.domain.partners import PasswordMode, UnknownPostcode
from referral_desk.domain.referral import SheetGiven
from referral_desk.domain.referral_record import PasswordChannel
from referral_desk.lifecycle.after_sending import (
    FollowUpRefused,
    mark_sent,
    recall_password,
    record_password_channel,
)
from referral_desk.lifecycle.creation import PRESHARED_RULE, ReferralRefused
from referral_desk.lifecycle.desk import RegistryState, read_active_registry
from referral_desk.lifecycle.readiness import (
    ConsentAnswers,
    ConsentRefused,
    ReferralInputs,
    consent_record,
    readiness_said,
    readiness_sentence,
    referral_blockers,
)
from referral_desk.lifecycle.session import NotReady, ReferralSession
from referral_desk.registry.active import SOURCE_LABELS, RegistrySource, source_label
from referral_desk.storage.paths import AppPaths
from tests.lifecycle_fixtures import (
    CANARY,
    CANARY_FORM,
    PROFILE,
    ROOT,
    TODAY,
    Desk,
    consent,
    found,
    request,
)


def _inputs(**changes: object) -> ReferralInputs:
    values: dict[str, object] = {
        "registry_usable": True,
        "referral_log_problem": None,
        "referrer": PROFILE,
        "form": CANARY_FORM,
        "lookup": found(),
        "consent": ConsentAnswers(True, True, TODAY, sheet_given=SheetGiven.HANDED_OVER),
        "today": TODAY,
    }
    values.update(changes)
    return ReferralInputs(**values)  # type: ignore[arg-type]


def _all_values(said: Message) -> Iterator[str | int]:
    """Every plain value in a message and the messages inside it."""
    for value in said.values.values():
        if isinstance(value, Message):
            yield from _all_values(value)
        else:
            yield value


def _codes(said: Message) -> set[str]:
    found_codes = {said.code}
    for value in said.values.values():
        if isinstance(value, Message):
            found_codes |= _codes(value)
    return found_codes


def _no_client_data_nor_markup(said: Message) -> None:
    for value in _all_values(said):
        assert CANARY.lower() not in str(value).lower()
    assert "<" not in said.dutch


def test_every_blocker_has_a_message_with_a_code() -> None:
    blockers = referral_blockers(
        _inputs(
            registry_usable=False,
            referral_log_problem=Message.plain("kapot"),
            referrer=None,
            form={**CANARY_FORM, "first_name": "", "email": "geen-adres"},
            lookup=UnknownPostcode("3970"),
            consent=ConsentAnswers(),
        )
    )
    assert [b.said.code for b in blockers] == [
        "readiness.registry_invalid",
        "readiness.referral_log_broken",
        "readiness.no_profile",
        "readiness.reasons",
        "readiness.no_partner",
        "readiness.not_informed",
        "readiness.no_consent",
        "readiness.no_sheet_given",
        "readiness.no_consent_date",
    ]
    for blocker in blockers:
        assert blocker.said.code and blocker.message == blocker.said.dutch
        _no_client_data_nor_markup(blocker.said)
    said = readiness_said(blockers)
    assert said is not None and said.code == "readiness.not_ready"
    assert said.dutch == readiness_sentence(blockers)
    assert said.dutch.startswith("Nog niet klaar: het partnerregister is ongeldig;")


def test_the_form_blocker_names_its_fields_as_messages() -> None:
    form = {**CANARY_FORM, "first_name": "", "street": " ", "postcode": "12"}
    [blocker] = referral_blockers(_inputs(form=form))
    assert blocker.code == "form_incomplete"
    fill_in, correct = blocker.said.values["first"], blocker.said.values["rest"]
    assert isinstance(fill_in, Message) and fill_in.code == "readiness.fill_in"
    fields = fill_in.values["fields"]
    assert isinstance(fields, Message) and fields.code == "readiness.list_and"
    assert [v.code for v in fields.values.values() if isinstance(v, Message)] == [
        "readiness.field.first_name",
        "readiness.field.street",
    ]
    assert isinstance(correct, Message) and correct.code == "readiness.correct"
    assert correct.values == {"fields": Message("readiness.field.postcode", "postcode")}
    assert blocker.message == "vul voornaam en straat in; verbeter postcode"
    _no_client_data_nor_markup(blocker.said)


def test_three_fields_are_listed_with_commas_and_en() -> None:
    form = {**CANARY_FORM, "first_name": "", "last_name": "", "street": ""}
    [blocker] = referral_blockers(_inputs(form=form))
    assert blocker.message == "vul voornaam, achternaam en straat in"
    assert {"readiness.list_comma", "readiness.list_and"} <= _codes(blocker.said)


def test_one_or_more_optional_fields_wrong_are_told_apart() -> None:
    [one] = referral_blockers(_inputs(form={**CANARY_FORM, "email": "geen-adres"}))
    assert one.said.code == "readiness.optional_wrong_one"
    [two] = referral_blockers(_inputs(form={**CANARY_FORM, "box": "!!", "phone": "12"}))
    assert two.said.code == "readiness.optional_wrong_more"


def test_the_protocol_date_is_a_value_of_its_blocker() -> None:
    early = ConsentAnswers(True, True, date(2024, 1, 31), sheet_given=SheetGiven.HANDED_OVER)
    [blocker] = referral_blockers(_inputs(consent=early))
    assert blocker.said.code == "readiness.consent_before_protocol"
    assert blocker.said.values == {"date": "01-02-2024"}


def test_a_refused_consent_says_every_problem_with_codes() -> None:
    with pytest.raises(ConsentRefused) as refused:
        consent_record(
            ConsentAnswers(), today=TODAY, protocol_in_force_from=None, sheet_version="nl-0"
        )
    said = refused.value.said
    assert said.code == "readiness.consent_refused"
    assert {"readiness.not_informed", "readiness.no_consent", "readiness.no_consent_date"} <= (
        _codes(said)
    )
    assert refused.value.message == (
        "Toestemming niet in orde: vink aan dat de cliënt geïnformeerd is; vink aan dat de "
        "cliënt toestemming geeft; kies hoe de cliënt het informatieblad kreeg; vul de datum "
        "van de toestemming in."
    )


def test_not_ready_carries_the_readiness_message(desk: Desk) -> None:
    session = ReferralSession(desk)
    with pytest.raises(NotReady) as refused:
        session.plan()
    assert refused.value.said.code == "readiness.not_ready"
    assert refused.value.said == session.readiness().said
    assert refused.value.message == session.readiness().sentence


def test_creation_refusals_carry_codes_and_the_partners_name(desk: Desk) -> None:
    with pytest.raises(ReferralRefused) as early:
        desk.make_referral(request(consent=consent(date(2023, 1, 1))), desk.choices)
    assert early.value.said.code == "readiness.consent_refused"
    assert "readiness.consent_before_protocol" in _codes(early.value.said)
    desk.memory.last["71034"] = "oud@leopoldsburg.be"
    with pytest.raises(ReferralRefused) as changed:
        desk.make_referral(request(), desk.choices)
    said = changed.value.said
    assert said.code == "creation.mailbox_change_not_confirmed"
    assert said.values == {
        "partner": "OCMW Leopoldsburg",
        "municipality": "Leopoldsburg",
        "previous": "oud@leopoldsburg.be",
        "current": "socialedienst@leopoldsburg.be",
    }
    _no_client_data_nor_markup(said)


def test_a_weak_preshared_password_names_the_rule_as_a_message(desk: Desk) -> None:
    preshared = found({"password_mode": PasswordMode.PRE_SHARED.value})
    desk.keyring.set_password("referral-desk", "preshared:ocmw-leopoldsburg", "kort")
    with pytest.raises(ReferralRefused) as refused:
        desk.make_referral(request(found=preshared), desk.choices)
    said = refused.value.said
    assert said.code == "creation.preshared_too_weak"
    rule = said.values["rule"]
    assert isinstance(rule, Message) and rule.code == "creation.preshared_rule"
    assert rule.dutch == PRESHARED_RULE and PRESHARED_RULE in refused.value.message


def test_follow_up_refusals_carry_codes(desk: Desk) -> None:
    referral_id = desk.make_referral(request(), desk.choices).created.referral_id
    no_log = dataclasses.replace(desk.follow_up, referral_log=None)
    with pytest.raises(FollowUpRefused) as missing:
        mark_sent(no_log, referral_id)
    assert missing.value.said.code == "follow_up.referral_log_missing"
    with pytest.raises(FollowUpRefused) as unknown:
        record_password_channel(desk.follow_up, referral_id, "duif")
    assert unknown.value.said.code == "follow_up.unknown_channel"
    record_password_channel(desk.follow_up, referral_id, PasswordChannel.PHONE.value)
    desk.vault.forget(referral_id)
    with pytest.raises(FollowUpRefused) as gone:
        recall_password(desk.follow_up, referral_id)
    assert gone.value.said.code == "follow_up.recall_gone"
    assert gone.value.said.values == {"referral_id": referral_id}


def _paths(tmp_path: Path) -> AppPaths:
    return AppPaths(
        config_dir=tmp_path / "config",
        data_dir=tmp_path / "data",
        log_dir=tmp_path / "log",
        site_config_dir=tmp_path / "site",
        bundled_dir=ROOT,
    )


def test_where_the_registry_came_from_is_a_message(tmp_path: Path) -> None:
    state = read_active_registry(_paths(tmp_path))
    assert state.said_label == source_label(RegistrySource.BUNDLED)
    assert state.said_label is not None and state.said_label.code == "registry.source.bundled"
    assert state.label == SOURCE_LABELS[RegistrySource.BUNDLED] == "meegeleverd partnerregister"
    assert state.said_notice is None and state.notice is None


def test_the_registry_notice_reaches_the_window_as_a_message(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    paths.machine_config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.machine_config_file.write_text(
        f"[machine]\nregistry_source = '{tmp_path / 'nergens'}'\n", "utf-8"
    )
    state = read_active_registry(paths)
    assert state.loaded is not None and state.said_notice is not None
    assert state.said_notice.code == "source.kept_bundled"
    assert state.notice == state.said_notice.dutch
    assert "meegeleverde partnerregister wordt gebruikt" in state.notice
    _no_client_data_nor_markup(state.said_notice)


def test_a_plain_label_is_kept_as_a_plain_message(tmp_path: Path) -> None:
    loaded = read_active_registry(_paths(tmp_path)).loaded
    assert loaded is not None
    plain = RegistryState.of(loaded, "test")
    assert plain.label == "test" and plain.said_label == Message.plain("test")
    assert plain.notice is None and plain.said_notice is None
