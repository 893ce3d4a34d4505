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

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.partners import LookupResult, PartnerFound
from referral_desk.domain.referral import (
    FIELD_NAMES_NL,
    Consent,
    ReferrerProfile,
    form_errors,
)


@dataclass(frozen=True)
class ConsentAnswers:
    """What the team member ticked and typed; nothing here is assumed."""

    informed: bool = False
    consented: bool = False
    given_on: date | None = None


@dataclass(frozen=True)
class ReferralInputs:
    """Everything the decision depends on, as the caller has it right now."""

    registry_usable: bool
    referral_log_problem: str | None
    referrer: ReferrerProfile | None
    form: Mapping[str, str]
    lookup: LookupResult | None
    consent: ConsentAnswers
    today: date


@dataclass(frozen=True)
class Blocker:
    """One reason, as a Dutch phrase that completes "Nog niet klaar: …"."""

    code: str
    message: str


class ConsentRefused(UserFacingError):
    """The consent record is incomplete or its date is impossible; nothing was made."""


def consent_problems(
    answers: ConsentAnswers, *, today: date, protocol_in_force_from: date | None
) -> list[Blocker]:
    """The protocol asks for informed, explicit consent given on a real day under it."""
    problems: list[Blocker] = []
    if not answers.informed:
        problems.append(Blocker("not_informed", "vink aan dat de cliënt geïnformeerd is"))
    if not answers.consented:
        problems.append(Blocker("no_consent", "vink aan dat de cliënt toestemming geeft"))
    day = answers.given_on
    if day is None:
        problems.append(Blocker("no_consent_date", "vul de datum van de toestemming in"))
    elif day > today:
        problems.append(
            Blocker("consent_in_future", "de datum van de toestemming ligt in de toekomst")
        )
    elif protocol_in_force_from is not None and day < protocol_in_force_from:
        problems.append(
            Blocker(
                "consent_before_protocol",
                "de datum van de toestemming ligt vóór het protocol met deze partner "
                f"({numeric_date(protocol_in_force_from)})",
            )
        )
    return problems


def consent_record(
    answers: ConsentAnswers, *, today: date, protocol_in_force_from: date | None
) -> Consent:
    """The consent that goes into the referral; raises ConsentRefused when incomplete."""
    problems = consent_problems(answers, today=today, protocol_in_force_from=protocol_in_force_from)
    if problems or answers.given_on is None:
        raise ConsentRefused(
            "Toestemming niet in orde: " + "; ".join(p.message for p in problems) + "."
        )
    return Consent(informed=True, consented=True, recorded_on=answers.given_on)


def _dutch_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


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
    parts: list[str] = []
    missing = [n for n in wrong if not typed(n) and n not in contact]
    if missing:
        parts.append(f"vul {_dutch_list([FIELD_NAMES_NL[n] for n in missing])} in")
    if not any(typed(n) for n in contact):
        parts.append("geef een telefoonnummer of een e-mailadres op")
    contact_wrong = [n for n in contact if typed(n) and n in wrong]
    optional = [n for n in wrong if n == "box" and typed(n)]
    required = [n for n in wrong if typed(n) and n not in contact and n != "box"]
    if len(contact_wrong) == 2:
        parts.append("verbeter telefoon en e-mail (of wis er één en verbeter het andere)")
    elif contact_wrong:
        other = "email" if contact_wrong[0] == "phone" else "phone"
        # The only way to be reached must be corrected; beside a good one it may go.
        (optional if typed(other) else required).append(contact_wrong[0])
    if required:
        parts.append(f"verbeter {_dutch_list([FIELD_NAMES_NL[n] for n in required])}")
    if optional:
        names = _dutch_list([FIELD_NAMES_NL[n] for n in optional])
        verb, pronoun = ("is", "het") if len(optional) == 1 else ("zijn", "ze")
        parts.append(f"{names} {verb} niet in orde (verbeter of wis {pronoun})")
    return Blocker("form_incomplete", "; ".join(parts))


def referral_blockers(inputs: ReferralInputs) -> tuple[Blocker, ...]:
    """Empty when a referral may be made; otherwise every reason, in the order to fix them."""
    blockers: list[Blocker] = []
    if not inputs.registry_usable:
        blockers.append(Blocker("registry_invalid", "het partnerregister is ongeldig"))
    if inputs.referral_log_problem:
        blockers.append(
            Blocker("referral_log_broken", "het logboek van doorverwijzingen werkt niet")
        )
    if inputs.referrer is None:
        blockers.append(Blocker("no_profile", "vul eerst uw aanmeldersprofiel in (menu Profiel)"))
    form_problem = form_blocker(inputs.form)
    if form_problem is not None:
        blockers.append(form_problem)
    found = inputs.lookup if isinstance(inputs.lookup, PartnerFound) else None
    if found is None:
        blockers.append(Blocker("no_partner", "geen partner voor dit adres"))
    blockers.extend(
        consent_problems(
            inputs.consent,
            today=inputs.today,
            protocol_in_force_from=found.partner.protocol.in_force_from if found else None,
        )
    )
    return tuple(blockers)


def readiness_sentence(blockers: tuple[Blocker, ...]) -> str:
    """The line under the create button (and its accessible description)."""
    if not blockers:
        return ""
    return "Nog niet klaar: " + "; ".join(b.message for b in blockers) + "."
