"""Whether a referral may be made now, and if not, why: the one place that decides.

:meth:`referral_desk.lifecycle.session.ReferralSession.readiness` asks
:func:`referral_blockers` once for every change; the window shows the answer under the create
button and the session plans a referral only when it is empty. The core itself refuses only
what it must hold at the moment it seals: a consent record that does not fit this partner on
this day (:func:`consent_problems`), whoever calls it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from referral_desk.domain.dutch_dates import numeric_date, parse_numeric_date
from referral_desk.domain.errors import Message, UserFacingError
from referral_desk.domain.partners import CONSENT_VALID_DAYS, LookupResult, PartnerFound
from referral_desk.domain.referral import Consent, ReferrerProfile, SheetGiven, form_errors
from referral_desk.lifecycle import readiness_messages as says


@dataclass(frozen=True)
class ConsentAnswers:
    """What the team member ticked, typed and chose; nothing here is assumed. The day is
    *given_on*, or else what was typed (*given_on_text*, day first)."""

    informed: bool = False
    consented: bool = False
    given_on: date | None = None
    given_on_text: str = ""
    sheet_given: SheetGiven | None = None
    sheet_language: str = "nl"

    def day(self) -> date | None:
        """The day the client consented, or None when none (or no date) was typed."""
        if self.given_on is not None:
            return self.given_on
        try:
            return parse_numeric_date(self.given_on_text)
        except ValueError:
            return None


def consent_date_problem(text: str) -> Message | None:
    """Why the typed day of consent is not a day, for beside the field; empty is no problem
    there (the blockers ask for it)."""
    if not text.strip():
        return None
    try:
        parse_numeric_date(text)
    except ValueError:
        return says.CONSENT_DATE_UNREADABLE()
    return None


@dataclass(frozen=True)
class ReferralInputs:
    """Everything the decision depends on, as the caller has it right now."""

    registry_usable: bool
    referral_log_problem: Message | None
    referrer: ReferrerProfile | None
    form: Mapping[str, str]
    lookup: LookupResult | None
    consent: ConsentAnswers
    today: date


@dataclass(frozen=True)
class Blocker:
    """One reason, a phrase that completes "Nog niet klaar: …"; the window words ``said``."""

    code: str
    said: Message

    @property
    def message(self) -> str:
        """The phrase in Dutch, for the CLI and the logs."""
        return self.said.dutch


class ConsentRefused(UserFacingError):
    """The consent record is incomplete or its date is impossible; nothing was made."""


def consent_refusal(problems: list[Blocker]) -> Message:
    """The refusal "Toestemming niet in orde: …", naming every problem (at least one)."""
    return says.CONSENT_NOT_IN_ORDER(reasons=says.reasons([p.said for p in problems]))


def consent_problems(
    answers: ConsentAnswers,
    *,
    today: date,
    protocol_in_force_from: date | None,
    valid_days: int | None = None,
) -> list[Blocker]:
    """The protocol asks for informed, explicit consent given on a real day under it, not
    longer ago than the registry allows (*valid_days*, else CONSENT_VALID_DAYS), after the
    client was given the information sheet in a way the record can name."""
    problems: list[Blocker] = []
    if not answers.informed:
        problems.append(Blocker("not_informed", says.NOT_INFORMED()))
    if not answers.consented:
        problems.append(Blocker("no_consent", says.NO_CONSENT()))
    if answers.sheet_given is None:
        problems.append(Blocker("no_sheet_given", says.NO_SHEET_GIVEN()))
    day = answers.day()
    days = valid_days or CONSENT_VALID_DAYS
    if day is None and answers.given_on_text.strip():
        problems.append(Blocker("consent_date_unreadable", says.CONSENT_DATE_UNREADABLE()))
    elif day is None:
        problems.append(Blocker("no_consent_date", says.NO_CONSENT_DATE()))
    elif day > today:
        problems.append(Blocker("consent_in_future", says.CONSENT_IN_FUTURE()))
    elif protocol_in_force_from is not None and day < protocol_in_force_from:
        problems.append(
            Blocker(
                "consent_before_protocol",
                says.CONSENT_BEFORE_PROTOCOL(date=numeric_date(protocol_in_force_from)),
            )
        )
    elif (today - day).days > days:
        problems.append(Blocker("consent_too_old", says.CONSENT_TOO_OLD(days=days)))
    return problems


def consent_record(
    answers: ConsentAnswers,
    *,
    today: date,
    protocol_in_force_from: date | None,
    sheet_version: str,
    valid_days: int | None = None,
) -> Consent:
    """The consent that goes into the referral, naming the sheet the client was given
    (*sheet_version* of the answers' language); raises ConsentRefused when incomplete."""
    problems = consent_problems(
        answers, today=today, protocol_in_force_from=protocol_in_force_from, valid_days=valid_days
    )
    day = answers.day()
    # Without a date or a way, the problems name it: never an empty refusal.
    if problems or day is None or answers.sheet_given is None:
        raise ConsentRefused(consent_refusal(problems))
    return Consent(
        informed=True,
        consented=True,
        recorded_on=day,
        sheet_language=answers.sheet_language,
        sheet_version=sheet_version,
        sheet_given=answers.sheet_given,
    )


def form_blocker(form: Mapping[str, str]) -> Blocker | None:
    """What the form still needs, told apart the way the user has to act on it.

    An empty required field is to be filled in, a wrong one to be corrected; a wrong value
    in a field that may stay empty (the box, or phone or e-mail while the other one is
    fine) can be corrected or wiped, and the sentence says so instead of listing it as if it
    were required. Phone and e-mail both typed and both wrong: one of them is needed.
    """
    errors = form_errors(form)
    # A missing municipality is explained by the partner lookup.
    wrong = [name for name in errors if name != "municipality"]
    if not wrong:
        return None

    def typed(name: str) -> bool:
        return bool(form.get(name, "").strip())

    contact = ("phone", "email")
    parts: list[Message] = []
    missing = [n for n in wrong if not typed(n) and n not in contact]
    if missing:
        parts.append(says.FILL_IN(fields=says.field_list(missing)))
    if not any(typed(n) for n in contact):
        parts.append(says.GIVE_CONTACT())
    contact_wrong = [n for n in contact if typed(n) and n in wrong]
    optional = [n for n in wrong if n == "box" and typed(n)]
    required = [n for n in wrong if typed(n) and n not in contact and n != "box"]
    if len(contact_wrong) == 2:
        parts.append(says.CORRECT_BOTH_CONTACTS())
    elif contact_wrong:
        other = "email" if contact_wrong[0] == "phone" else "phone"
        # The only way to be reached must be corrected; beside a good one it may go.
        (optional if typed(other) else required).append(contact_wrong[0])
    if required:
        parts.append(says.CORRECT(fields=says.field_list(required)))
    if optional:
        wrong_said = says.OPTIONAL_WRONG_ONE if len(optional) == 1 else says.OPTIONAL_WRONG_MORE
        parts.append(wrong_said(fields=says.field_list(optional)))
    return Blocker("form_incomplete", says.reasons(parts))


def referral_blockers(inputs: ReferralInputs) -> tuple[Blocker, ...]:
    """Empty when a referral may be made; otherwise every reason, in the order to fix them."""
    blockers: list[Blocker] = []
    if not inputs.registry_usable:
        blockers.append(Blocker("registry_invalid", says.REGISTRY_INVALID()))
    if inputs.referral_log_problem is not None:
        blockers.append(Blocker("referral_log_broken", says.REFERRAL_LOG_BROKEN()))
    if inputs.referrer is None:
        blockers.append(Blocker("no_profile", says.NO_PROFILE()))
    form_problem = form_blocker(inputs.form)
    if form_problem is not None:
        blockers.append(form_problem)
    found = inputs.lookup if isinstance(inputs.lookup, PartnerFound) else None
    if found is None:
        blockers.append(Blocker("no_partner", says.NO_PARTNER()))
    blockers.extend(
        consent_problems(
            inputs.consent,
            today=inputs.today,
            protocol_in_force_from=found.partner.protocol.in_force_from if found else None,
            valid_days=found.partner.protocol.consent_valid_days if found else None,
        )
    )
    return tuple(blockers)


def readiness_said(blockers: tuple[Blocker, ...]) -> Message | None:
    """The line under the create button (and its accessible description); None: ready."""
    if not blockers:
        return None
    return says.NOT_READY(reasons=says.reasons([b.said for b in blockers]))


def readiness_sentence(blockers: tuple[Blocker, ...]) -> str:
    """:func:`readiness_said` in Dutch, empty when ready: for the CLI and the logs."""
    said = readiness_said(blockers)
    return said.dutch if said is not None else ""
