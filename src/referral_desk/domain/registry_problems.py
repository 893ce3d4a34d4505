"""What is wrong with a partner registry, as a value every layer can show.

A registry decides where a family's data goes, so it is validated like user input: every
problem names file, line, field, value and what was expected, and a registry with any
problem is refused as a whole. IT greps ``str()``; a coordinator reads
:attr:`RegistryProblem.sentence`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from referral_desk.domain.errors import UserFacingError

MISSING = "verplicht veld ontbreekt"

# What a coordinator calls a field, and whether the word is plural ("gemeenten ontbreken").
_FIELD_WORDS: dict[str, tuple[str, bool]] = {
    "schema_version": ("schemaversie", False),
    "registry_version": ("versie", False),
    "registry_date": ("registerdatum", False),
    "changed_by": ("gewijzigd door", False),
    "dpo_contact": ("DPO-contact", False),
    "partners": ("partners", True),
    "id": ("id", False),
    "name": ("naam", False),
    "kind": ("soort", False),
    "region": ("regio", False),
    "mailbox": ("mailbox", False),
    "password_phone": ("telefoon voor het wachtwoord", False),
    "breach_contact": ("meldpunt gegevenslekken", False),
    "municipalities": ("gemeenten", True),
    "postcodes": ("postcodes", True),
    "password_mode": ("wachtwoord", False),
    "protocol": ("protocol", False),
    "protocol.reference": ("titel of kenmerk van het protocol", False),
    "protocol.local_teams": ("lokale teams", True),
    "protocol.in_force_from": ("in werking vanaf", False),
    "protocol.ended_on": ("beëindigd op", False),
    "protocol.dpo_advice_on": ("advies DPO op", False),
    "protocol.withdrawal_clause": ("afspraak wissen na intrekking", False),
}
_PARTNER_PREFIX = re.compile(r"^partners\[(\d+)\]\.?")
_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class RegistryProblem:
    """``str()`` is the line IT greps for (file:line: field: expected); a coordinator reads
    :attr:`sentence`, with :attr:`where` as the detail that finds the line."""

    file: str
    line: int | None
    field: str
    value: str
    expected: str
    partner: str = ""  # the partner's name (or id) when the problem is about one

    def __str__(self) -> str:
        value = f" (waarde: {self.value})" if self.value else ""
        return f"{self.where}: {self.expected}{value}"

    @property
    def where(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.field}"

    @property
    def sentence(self) -> str:
        """Dutch, naming the partner and the field: ``OCMW Wervik: gemeenten ontbreken``."""
        if self.field.startswith("("):  # (bestand), (syntaxis), (handtekening), …
            return f"{Path(self.file).name}: {self.expected}"
        match = _PARTNER_PREFIX.match(self.field)
        if match is not None:
            subject = self.partner or f"Partner {match.group(1)}"
            key = _INDEX.sub("", self.field[match.end() :])
        else:
            subject = "Partnerregister"
            key = _INDEX.sub("", self.field)
        if not key:
            return f"{subject}: {self.expected}"
        word, plural = _FIELD_WORDS.get(key, (key, False))
        if self.expected == MISSING:
            return f"{subject}: {word} {'ontbreken' if plural else 'ontbreekt'}"
        value = f" (waarde: {self.value})" if self.value else ""
        return f"{subject}, {word}: {self.expected}{value}"


class RegistryError(UserFacingError):
    """Every problem in a registry file; the app refuses the whole file."""

    def __init__(self, problems: Sequence[RegistryProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


def file_problem(file: str, reason: str) -> RegistryError:
    """The whole file refused for one *reason*: unreadable, too large, too deep, empty."""
    return RegistryError([RegistryProblem(file, None, "(bestand)", "", reason)])
