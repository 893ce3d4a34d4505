"""What the breach dialog asks, checked: the art. 33(5) facts, or what is wrong per answer.

The window only shows these answers and the problems beside their fields; whether an
address can take the deletion request, or a moment of discovery can be right, is decided
here, as is what is left of the 72 hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from referral_desk.domain.breach_facts import (
    BreachFacts,
    Consequence,
    Exposure,
    Measure,
    TimeLeft,
    discovery_problem,
    time_left,
)
from referral_desk.domain.errors import Message
from referral_desk.domain.fields import FieldError, validate_sendable_address
from referral_desk.domain.referral_record import ReferralLogEntry
from referral_desk.lifecycle.breach import IncidentKind


@dataclass(frozen=True)
class BreachAnswers:
    """As typed and chosen; *recipient* counts only for a mail to a wrong recipient."""

    kind: IncidentKind
    discovered_at: datetime
    recipient: str = ""
    people: int = 1
    records: int = 1
    exposure: Exposure = Exposure.UNKNOWN
    consequence: Consequence = Consequence.POSSIBLE
    measures: tuple[Measure, ...] = ()


@dataclass(frozen=True)
class BreachAnswersChecked:
    """The facts to report, or, per answer ("recipient", "discovered_at"), why not yet."""

    facts: BreachFacts | None
    problems: dict[str, Message]
    time_left: TimeLeft


def asks_recipient(kind: IncidentKind) -> bool:
    """Only a mail that went to a wrong address has a recipient to ask to delete it."""
    return kind is IncidentKind.WRONG_RECIPIENT


def check_breach_answers(
    answers: BreachAnswers, entry: ReferralLogEntry, now: datetime
) -> BreachAnswersChecked:
    problems: dict[str, Message] = {}
    discovered = discovery_problem(answers.discovered_at, entry.created_at, now)
    if discovered is not None:
        problems["discovered_at"] = discovered
    recipient: str | None = None
    if asks_recipient(answers.kind):
        try:
            recipient = validate_sendable_address(answers.recipient)
        except FieldError as error:
            problems["recipient"] = error.said
    left = time_left(answers.discovered_at, now)
    if problems:
        return BreachAnswersChecked(None, problems, left)
    facts = BreachFacts(
        discovered_at=answers.discovered_at,
        actual_recipient=recipient,
        people=answers.people,
        records=answers.records,
        exposure=answers.exposure,
        consequence=answers.consequence,
        measures=answers.measures,
    )
    return BreachAnswersChecked(facts, {}, left)
