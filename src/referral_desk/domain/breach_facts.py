"""What GDPR art. 33(5) says must be documented about a breach, as choices and counts.

Nature, the categories and approximate number of people and records, the likely
consequences and the measures taken: every one of them a code or a number, never words,
because a sentence about what happened could name the client or the family. The
categories are always the same: an archive holds exactly the fields the protocols permit.

The controller reports to the supervisory authority within 72 hours of becoming aware
(art. 33(1)); for Opgroeien, a Flemish public body, that is the Vlaamse
Toezichtcommissie. :func:`time_left` counts down from the moment the team member
discovered the breach, which they give, rather than from when they got round to reporting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from referral_desk.domain.dutch_dates import numeric_date_time
from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.partners import Mailbox

REPORT_WITHIN = timedelta(hours=72)
SUPERVISORY_AUTHORITY = (
    "de Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens (VTC, "
    "www.toezichtcommissie.be)"
)
# What an archive holds (protocols art. 3): identification and contact data, nothing more.
DATA_CATEGORIES = (
    "identificatiegegevens (voornaam, naam) en contactgegevens (adres, telefoon, e-mail)"
)


class Exposure(StrEnum):
    """Could someone read the archive's content?"""

    NOT_READABLE = "niet_leesbaar"  # encrypted, and the password did not go with it
    POSSIBLY_READ = "mogelijk_gelezen"
    READ = "gelezen"
    UNKNOWN = "onbekend"


class Consequence(StrEnum):
    """The likely consequences for the client, as the team member judges them."""

    UNLIKELY = "onwaarschijnlijk"
    POSSIBLE = "mogelijk"
    LIKELY = "waarschijnlijk"


class Measure(StrEnum):
    DELETION_REQUESTED = "verwijdering_gevraagd"
    PASSWORD_WITHHELD = "wachtwoord_niet_gegeven"
    DELETION_CONFIRMED = "verwijdering_bevestigd"
    CLIENT_INFORMED = "client_geinformeerd"
    DEVICE_BLOCKED = "toestel_geblokkeerd"


EXPOSURE_TEXTS: dict[Exposure, str] = {
    Exposure.NOT_READABLE: "niet leesbaar: versleuteld en het wachtwoord ging niet mee",
    Exposure.POSSIBLY_READ: "mogelijk gelezen",
    Exposure.READ: "gelezen",
    Exposure.UNKNOWN: "onbekend",
}
CONSEQUENCE_TEXTS: dict[Consequence, str] = {
    Consequence.UNLIKELY: "onwaarschijnlijk",
    Consequence.POSSIBLE: "mogelijk",
    Consequence.LIKELY: "waarschijnlijk",
}
MEASURE_TEXTS: dict[Measure, str] = {
    Measure.DELETION_REQUESTED: "de ontvanger gevraagd alles te verwijderen",
    Measure.PASSWORD_WITHHELD: "het wachtwoord niet gegeven",
    Measure.DELETION_CONFIRMED: "de ontvanger bevestigde de verwijdering",
    Measure.CLIENT_INFORMED: "de cliënt ingelicht",
    Measure.DEVICE_BLOCKED: "het toestel geblokkeerd of gewist",
}


class BreachFacts(BaseModel):
    """The art. 33(5) facts of one breach; *actual_recipient* only for a wrong recipient:
    the address the mail really went to, which the mail program may have changed."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    discovered_at: AwareDatetime
    actual_recipient: Mailbox | None = None
    people: int = Field(default=1, ge=1, le=1000)
    records: int = Field(default=1, ge=1, le=1000)
    exposure: Exposure = Exposure.UNKNOWN
    consequence: Consequence = Consequence.POSSIBLE
    measures: tuple[Measure, ...] = ()

    @property
    def deadline(self) -> datetime:
        return self.discovered_at + REPORT_WITHIN

    def lines(self) -> tuple[str, ...]:
        """The facts for the report to the DPO, one per line, in Dutch."""
        measures = "; ".join(MEASURE_TEXTS[m] for m in self.measures) or "nog geen"
        return (
            f"Ontdekt op: {numeric_date_time(self.discovered_at)}",
            f"Categorieën van gegevens: {DATA_CATEGORIES}",
            f"Aantal betrokken personen (ongeveer): {self.people}",
            f"Aantal betrokken gegevensrecords (ongeveer): {self.records}",
            f"Kon de inhoud gelezen worden: {EXPOSURE_TEXTS[self.exposure]}",
            f"Waarschijnlijke gevolgen voor de cliënt: {CONSEQUENCE_TEXTS[self.consequence]}",
            f"Genomen maatregelen: {measures}",
        )


_LEFT = MessageTemplate(
    "breach.deadline.left",
    "Nog {hours} uur en {minutes} minuten om het gegevenslek aan de toezichthouder te melden "
    "(72 uur na de ontdekking, tot {until}).",
)
_OVERDUE = MessageTemplate(
    "breach.deadline.overdue",
    "De 72 uur na de ontdekking zijn voorbij sinds {until}: meld het gegevenslek meteen en "
    "zeg waarom het later is (AVG art. 33, lid 1).",
)
_FUTURE = MessageTemplate(
    "breach.discovered.future", "Het moment van ontdekking ligt in de toekomst."
)
_BEFORE = MessageTemplate(
    "breach.discovered.before_referral",
    "Het moment van ontdekking ligt vóór de doorverwijzing ({created}).",
)


@dataclass(frozen=True)
class TimeLeft:
    """What is left of the 72 hours at a moment; negative once they are over."""

    left: timedelta
    until: datetime

    @property
    def overdue(self) -> bool:
        return self.left <= timedelta(0)

    @property
    def said(self) -> Message:
        until = numeric_date_time(self.until)
        if self.overdue:
            return _OVERDUE(until=until)
        minutes = int(self.left.total_seconds()) // 60
        return _LEFT(hours=minutes // 60, minutes=minutes % 60, until=until)


def time_left(discovered_at: datetime, now: datetime) -> TimeLeft:
    until = discovered_at + REPORT_WITHIN
    return TimeLeft(until - now, until)


def discovery_problem(
    discovered_at: datetime, created_at: datetime, now: datetime
) -> Message | None:
    """Why *discovered_at* cannot be right: later than now, or before the referral existed.
    To the minute, as a person types it: discovered in the minute it was made is right."""
    if discovered_at > now:
        return _FUTURE()
    if discovered_at < created_at.replace(second=0, microsecond=0):
        return _BEFORE(created=numeric_date_time(created_at))
    return None
