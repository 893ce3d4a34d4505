"""Whether starting over or closing would lose something, and the question to ask if so.

"Nieuwe doorverwijzing" (button and Ctrl+N) and closing the window both empty the window; the
window asks this module first, so both ask the same thing at the same moments.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.errors import Message, MessageTemplate


@dataclass(frozen=True)
class WindowContents:
    """What the window holds right now, as far as losing it matters."""

    form_has_input: bool
    created: bool = False
    # The partner already knows the password: nothing to read out, so nothing to lose.
    preshared: bool = False
    password_passed_on: bool = False
    # The keyring keeps the password for recall from the referral log.
    recall_kept: bool = False
    # Until when the keyring keeps it, when known.
    recall_until: datetime | None = None


def form_has_input(form: Mapping[str, str]) -> bool:
    """Whether anything was typed: blanks are nothing to lose."""
    return any(value.strip() for value in form.values())


def loses_data(contents: WindowContents) -> bool:
    """Whether emptying the window loses something for good (not kept anywhere else)."""
    if not contents.created:
        return contents.form_has_input
    return not (contents.preshared or contents.password_passed_on or contents.recall_kept)


GO_ON_CLOSING = MessageTemplate("discard.go_on_closing", "Toch afsluiten?")
GO_ON_NEW = MessageTemplate("discard.go_on_new", "Toch een nieuwe doorverwijzing beginnen?")
FORM_FILLED = MessageTemplate(
    "discard.form_filled",
    "Het formulier is ingevuld. De gegevens en de toestemming gaan verloren. {go_on}",
)
PASSWORD_KEPT = MessageTemplate(
    "discard.password_kept",
    "Het wachtwoord is nog niet als doorgegeven genoteerd. Het gaat niet verloren: het blijft "
    "in de sleutelbos en u kunt het {when} opnieuw tonen via Doorverwijzingen → Verzonden "
    "doorverwijzingen. {go_on}",
)
PASSWORD_LOST = MessageTemplate(
    "discard.password_lost",
    "Het wachtwoord is nog niet als doorgegeven genoteerd en kan later niet opnieuw getoond "
    "worden: zonder dit wachtwoord kan de partner het archief niet openen. {go_on}",
)
# How long the keyring keeps the password, as the middle of PASSWORD_KEPT.
LATER = MessageTemplate("discard.later", "later")
UNTIL = MessageTemplate("discard.until", "tot {date}")
ONE_DAY_LEFT = MessageTemplate("discard.one_day_left", "nog {days} dag (tot {date})")
DAYS_LEFT = MessageTemplate("discard.days_left", "nog {days} dagen (tot {date})")


def discard_said(
    contents: WindowContents, *, closing: bool = False, today: date | None = None
) -> Message | None:
    """The question to ask before emptying the window, or None when nothing is lost.

    Before a referral is made, typed data and ticked consent are lost. After it is made, the
    form is in the archive; only a password not yet marked as passed on is at stake, and
    without recall it is the only copy: the archive cannot be opened without it.
    """
    go_on = GO_ON_CLOSING() if closing else GO_ON_NEW()
    if not contents.created:
        if not contents.form_has_input:
            return None
        return FORM_FILLED(go_on=go_on)
    if contents.preshared or contents.password_passed_on:
        return None
    if contents.recall_kept:
        until = contents.recall_until
        when: Message
        if until is None:
            when = LATER()
        elif today is None:
            when = UNTIL(date=numeric_date(until.date()))
        else:
            days = max((until.date() - today).days, 0)
            left = ONE_DAY_LEFT if days == 1 else DAYS_LEFT
            when = left(days=days, date=numeric_date(until.date()))
        return PASSWORD_KEPT(when=when, go_on=go_on)
    return PASSWORD_LOST(go_on=go_on)


def discard_warning(
    contents: WindowContents, *, closing: bool = False, today: date | None = None
) -> str | None:
    """:func:`discard_said` in Dutch, for the logs and the tests that read it."""
    said = discard_said(contents, closing=closing, today=today)
    return said.dutch if said is not None else None
