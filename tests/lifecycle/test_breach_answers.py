"""The breach dialog's answers, checked without a display: the art. 33(5) facts, the
problems beside their fields, and what is left of the 72 hours."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from referral_desk.domain.breach_facts import (
    REPORT_WITHIN,
    BreachFacts,
    Exposure,
    Measure,
    time_left,
)
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.breach import IncidentKind
from referral_desk.lifecycle.breach_answers import (
    BreachAnswers,
    asks_recipient,
    check_breach_answers,
)
from tests.lifecycle_fixtures import NOW
from tests.storage.test_referral_log import entry

CREATED = NOW - timedelta(days=2, minutes=7, seconds=42)
ENTRY = ReferralLogEntry.model_validate(
    {
        **entry(at=CREATED).model_dump(),
        "password_channel": "telefoon",
        "status": "sent",
        "history": (),
    }
)


def answers(**changes: object) -> BreachAnswers:
    values: dict[str, object] = {
        "kind": IncidentKind.WRONG_RECIPIENT,
        "discovered_at": NOW - timedelta(hours=1),
        "recipient": "jan@elders.be",
    }
    return BreachAnswers(**{**values, **changes})  # type: ignore[arg-type]


def test_good_answers_are_the_facts_to_report() -> None:
    checked = check_breach_answers(
        answers(people=2, exposure=Exposure.READ, measures=(Measure.CLIENT_INFORMED,)),
        ENTRY,
        NOW,
    )
    assert checked.problems == {}
    assert checked.facts == BreachFacts(
        discovered_at=NOW - timedelta(hours=1),
        actual_recipient="jan@elders.be",
        people=2,
        exposure=Exposure.READ,
        measures=(Measure.CLIENT_INFORMED,),
    )
    assert checked.time_left.left == timedelta(hours=71)
    assert "Nog 71 uur en 0 minuten" in checked.time_left.said.dutch


def test_each_problem_stands_beside_its_field() -> None:
    checked = check_breach_answers(
        answers(recipient="geen adres", discovered_at=NOW + timedelta(hours=1)), ENTRY, NOW
    )
    assert checked.facts is None
    assert set(checked.problems) == {"recipient", "discovered_at"}
    assert "toekomst" in checked.problems["discovered_at"].dutch
    before = check_breach_answers(answers(discovered_at=CREATED - timedelta(minutes=1)), ENTRY, NOW)
    assert "vóór de doorverwijzing" in before.problems["discovered_at"].dutch
    same_minute = CREATED.replace(second=0)
    assert check_breach_answers(answers(discovered_at=same_minute), ENTRY, NOW).facts


def test_only_a_wrong_recipient_is_asked_where_the_mail_went() -> None:
    assert asks_recipient(IncidentKind.WRONG_RECIPIENT)
    lost = check_breach_answers(answers(kind=IncidentKind.LOST, recipient=""), ENTRY, NOW)
    assert lost.problems == {} and lost.facts is not None
    assert lost.facts.actual_recipient is None


@given(st.integers(min_value=0, max_value=200 * 60))
def test_the_72_hours_count_down_and_then_say_so(elapsed_minutes: int) -> None:
    discovered = NOW - timedelta(minutes=elapsed_minutes)
    left = time_left(discovered, NOW)
    assert left.until == discovered + REPORT_WITHIN
    assert left.left == REPORT_WITHIN - timedelta(minutes=elapsed_minutes)
    assert left.overdue == (elapsed_minutes >= 72 * 60)
    said = left.said.dutch
    assert ("voorbij" in said) == left.overdue
    if not left.overdue:
        minutes = 72 * 60 - elapsed_minutes
        assert f"Nog {minutes // 60} uur en {minutes % 60} minuten" in said
