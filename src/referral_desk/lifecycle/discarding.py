"""Whether starting over or closing would lose something, and the question to ask if so.

"Nieuwe doorverwijzing" (button and Ctrl+N) and closing the window both empty the window; the
window asks this module first, so both ask the same thing at the same moments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from referral_desk.domain.dutch_dates import numeric_date


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


def loses_data(contents: WindowContents) -> bool:
    """Whether emptying the window loses something for good (not kept anywhere else)."""
    if not contents.created:
        return contents.form_has_input
    return not (contents.preshared or contents.password_passed_on or contents.recall_kept)


def discard_warning(
    contents: WindowContents, *, closing: bool = False, today: date | None = None
) -> str | None:
    """The Dutch question to ask before emptying the window, or None when nothing is lost.

    Before a referral is made, typed data and ticked consent are lost. After it is made, the
    form is in the archive; only a password not yet marked as passed on is at stake, and
    without recall it is the only copy: the archive cannot be opened without it.
    """
    go_on = "Toch afsluiten?" if closing else "Toch een nieuwe doorverwijzing beginnen?"
    if not contents.created:
        if not contents.form_has_input:
            return None
        return "Het formulier is ingevuld. De gegevens en de toestemming gaan verloren. " + go_on
    if contents.preshared or contents.password_passed_on:
        return None
    if contents.recall_kept:
        until = contents.recall_until
        if until is None:
            when = "later"
        elif today is None:
            when = f"tot {numeric_date(until.date())}"
        else:
            days = max((until.date() - today).days, 0)
            unit = "dag" if days == 1 else "dagen"
            when = f"nog {days} {unit} (tot {numeric_date(until.date())})"
        return (
            "Het wachtwoord is nog niet als doorgegeven genoteerd. Het gaat niet verloren: het "
            f"blijft in de sleutelbos en u kunt het {when} opnieuw tonen via Doorverwijzingen → "
            "Verzonden doorverwijzingen. " + go_on
        )
    return (
        "Het wachtwoord is nog niet als doorgegeven genoteerd en kan later niet opnieuw "
        "getoond worden: zonder dit wachtwoord kan de partner het archief niet openen. " + go_on
    )
