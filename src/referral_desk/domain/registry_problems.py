"""What is wrong with a partner registry, as a value every layer can show.

A registry decides where a family's data goes, so it is validated like user input: every
problem names file, line, field, value and what was expected, and a registry with any
problem is refused as a whole. IT greps ``str()``; a coordinator reads
:attr:`RegistryProblem.said` (its Dutch is :attr:`RegistryProblem.sentence`), which the
window words in its own language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from referral_desk.domain.errors import Message, MessageTemplate, UserFacingError

MISSING = MessageTemplate("registry.missing", "verplicht veld ontbreekt")

FILE_SAYS = MessageTemplate("registry.sentence.file", "{file}: {expected}")
SUBJECT_SAYS = MessageTemplate("registry.sentence.subject", "{subject}: {expected}")
FIELD_MISSING = MessageTemplate("registry.sentence.field_missing", "{subject}: {field} ontbreekt")
FIELDS_MISSING = MessageTemplate("registry.sentence.fields_missing", "{subject}: {field} ontbreken")
FIELD_SAYS = MessageTemplate("registry.sentence.field", "{subject}, {field}: {expected}")
FIELD_SAYS_VALUE = MessageTemplate(
    "registry.sentence.field_value", "{subject}, {field}: {expected} (waarde: {value})"
)
PARTNER_NUMBER = MessageTemplate("registry.subject.partner_number", "Partner {number}")
THE_REGISTRY = MessageTemplate("registry.subject.registry", "Partnerregister")


def _word(code: str, text: str) -> MessageTemplate:
    return MessageTemplate(f"registry.field.{code}", text)


# What a coordinator calls a field, and whether the word is plural ("gemeenten ontbreken").
_FIELD_WORDS: dict[str, tuple[MessageTemplate, bool]] = {
    "schema_version": (_word("schema_version", "schemaversie"), False),
    "registry_version": (_word("registry_version", "versie"), False),
    "registry_date": (_word("registry_date", "registerdatum"), False),
    "changed_by": (_word("changed_by", "gewijzigd door"), False),
    "dpo_contact": (_word("dpo_contact", "DPO-contact"), False),
    "partners": (_word("partners", "partners"), True),
    "id": (_word("id", "id"), False),
    "name": (_word("name", "naam"), False),
    "kind": (_word("kind", "soort"), False),
    "region": (_word("region", "regio"), False),
    "mailbox": (_word("mailbox", "mailbox"), False),
    "password_phone": (_word("password_phone", "telefoon voor het wachtwoord"), False),
    "breach_contact": (_word("breach_contact", "meldpunt gegevenslekken"), False),
    "municipalities": (_word("municipalities", "gemeenten"), True),
    "postcodes": (_word("postcodes", "postcodes"), True),
    "password_mode": (_word("password_mode", "wachtwoord"), False),
    "protocol": (_word("protocol", "protocol"), False),
    "protocol.reference": (_word("protocol.reference", "titel of kenmerk van het protocol"), False),
    "protocol.local_teams": (_word("protocol.local_teams", "lokale teams"), True),
    "protocol.in_force_from": (_word("protocol.in_force_from", "in werking vanaf"), False),
    "protocol.ended_on": (_word("protocol.ended_on", "beëindigd op"), False),
    "protocol.dpo_advice_on": (_word("protocol.dpo_advice_on", "advies DPO op"), False),
    "protocol.withdrawal_clause": (
        _word("protocol.withdrawal_clause", "afspraak wissen na intrekking"),
        False,
    ),
    "protocol.retention_years": (
        _word("protocol.retention_years", "bewaartermijn (jaren na het afsluiten)"),
        False,
    ),
    "protocol.consent_valid_days": (
        _word("protocol.consent_valid_days", "toestemming geldig (dagen)"),
        False,
    ),
    "protocol.acknowledgement_working_days": (
        _word("protocol.acknowledgement_working_days", "ontvangstbevestiging binnen (werkdagen)"),
        False,
    ),
    "protocol.legal_basis": (_word("protocol.legal_basis", "rechtsgrond"), False),
    "protocol.purposes": (_word("protocol.purposes", "doeleinden"), True),
    "protocol.shared_fields": (_word("protocol.shared_fields", "gedeelde gegevens"), True),
    "protocol.recipients": (
        _word("protocol.recipients", "ontvangers bij de partner (beroepsgeheim)"),
        True,
    ),
    "protocol.onward_recipients": (
        _word("protocol.onward_recipients", "verdere ontvangers"),
        True,
    ),
    "protocol.security_measures": (
        _word("protocol.security_measures", "beveiligingsmaatregelen"),
        True,
    ),
    "protocol.access_duty": (_word("protocol.access_duty", "afspraak wie de gegevens ziet"), False),
    "protocol.quality_duty": (
        _word("protocol.quality_duty", "afspraak over foutieve gegevens"),
        False,
    ),
    "protocol.breach_duty": (_word("protocol.breach_duty", "afspraak over gegevenslekken"), False),
    "protocol.retention_duty": (
        _word("protocol.retention_duty", "afspraak over bewaren"),
        False,
    ),
    "protocol.password_channel": (
        _word("protocol.password_channel", "kanaal voor het wachtwoord"),
        False,
    ),
}
_PARTNER_PREFIX = re.compile(r"^partners\[(\d+)\]\.?")
_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class RegistryProblem:
    """``str()`` is the line IT greps for (file:line: field: expected); a coordinator reads
    :attr:`said`, with :attr:`where` as the detail that finds the line.

    *reason* is what was expected, as a message (a code and values); a plain string is a
    sentence without a code. :attr:`expected` is its Dutch.
    """

    file: str
    line: int | None
    field: str
    value: str | Message  # what the file says; a Message only for a shortened list
    reason: str | Message
    partner: str = ""  # the partner's name (or id) when the problem is about one

    def __str__(self) -> str:
        value = f" (waarde: {self.value})" if self.value else ""
        return f"{self.where}: {self.expected}{value}"

    @property
    def expected(self) -> str:
        return str(self.reason)

    @property
    def where(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.field}"

    @property
    def said(self) -> Message:
        """Naming the partner and the field: ``OCMW Wervik: gemeenten ontbreken``."""
        reason = self.reason
        expected = reason if isinstance(reason, Message) else Message.plain(reason)
        if self.field.startswith("("):  # (bestand), (syntaxis), (handtekening), …
            return FILE_SAYS(file=Path(self.file).name, expected=expected)
        match = _PARTNER_PREFIX.match(self.field)
        subject: str | Message
        if match is not None:
            subject = self.partner or PARTNER_NUMBER(number=match.group(1))
            key = _INDEX.sub("", self.field[match.end() :])
        else:
            subject = THE_REGISTRY()
            key = _INDEX.sub("", self.field)
        if not key:
            return SUBJECT_SAYS(subject=subject, expected=expected)
        known = _FIELD_WORDS.get(key)
        word: str | Message = known[0]() if known is not None else key
        if expected.code == MISSING.code or expected.dutch == MISSING.text:
            plural = known is not None and known[1]
            return (FIELDS_MISSING if plural else FIELD_MISSING)(subject=subject, field=word)
        if self.value:
            return FIELD_SAYS_VALUE(
                subject=subject, field=word, expected=expected, value=self.value
            )
        return FIELD_SAYS(subject=subject, field=word, expected=expected)

    @property
    def sentence(self) -> str:
        """:attr:`said` in Dutch, as the command line prints it."""
        return self.said.dutch


class RegistryError(UserFacingError):
    """Every problem in a registry file; the app refuses the whole file."""

    def __init__(self, problems: Sequence[RegistryProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


def file_problem(file: str, reason: str | Message) -> RegistryError:
    """The whole file refused for one *reason*: unreadable, too large, too deep, empty."""
    return RegistryError([RegistryProblem(file, None, "(bestand)", "", reason)])
