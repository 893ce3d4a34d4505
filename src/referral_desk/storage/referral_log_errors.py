"""What can go wrong with the referral log file, said in Dutch where the user can act."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from referral_desk.domain.errors import UserFacingError


class ReferralLogError(UserFacingError):
    """``message`` is Dutch and says what the user can do."""


class ReferralLogBusy(ReferralLogError):
    """Another window of the app holds the log longer than we wait."""


def is_busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def error_for(error: sqlite3.Error, path: Path) -> ReferralLogError:
    """SQLite's English error as the Dutch one the user can act on; never the SQL or a row."""
    text = str(error).lower()
    if is_busy(error):
        return ReferralLogBusy(
            "Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. "
            "Probeer het zo opnieuw."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReferralLogError(
            f"Het logboek van doorverwijzingen in {path.parent} kan niet geschreven worden "
            "(schijf vol, alleen-lezen of geen rechten). Vraag de IT-dienst om hulp."
        )
    if isinstance(error, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return ReferralLogError(
            f"Het logboek van doorverwijzingen {path} is beschadigd. Het is niet aangeraakt; "
            "geef het bestand aan de IT-dienst. Tot dan wordt niets genoteerd."
        )
    return ReferralLogError(
        f"Het logboek van doorverwijzingen gaf een fout ({type(error).__name__})."
    )
