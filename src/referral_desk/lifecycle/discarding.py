"""Whether starting over or closing would lose something, and the question to ask if so.

"Nieuwe doorverwijzing" (button and Ctrl+N) and closing the window both empty the window; the
window asks this module first, so both ask the same thing at the same moments.
"""

from __future__ import annotations

from dataclasses import dataclass


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


def discard_warning(contents: WindowContents, *, closing: bool = False) -> str | None:
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
        return (
            "Het wachtwoord is nog niet als doorgegeven genoteerd. U kunt het later opnieuw "
            "tonen via Doorverwijzingen → Verzonden doorverwijzingen. " + go_on
        )
    return (
        "Het wachtwoord is nog niet als doorgegeven genoteerd en kan later niet opnieuw "
        "getoond worden: zonder dit wachtwoord kan de partner het archief niet openen. " + go_on
    )
