"""What can go wrong with the referral log file, said in Dutch where the user can act."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from referral_desk.domain.errors import MessageTemplate, UserFacingError


class ReferralLogError(UserFacingError):
    """``message`` is Dutch and says what the user can do; ``said`` the same as a message."""


class ReferralLogBusy(ReferralLogError):
    """Another window of the app holds the log longer than we wait."""


def is_busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


# What the referral log says; the values are folders, file names, IDs and versions.
BUSY = MessageTemplate(
    "referral_log.busy",
    "Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. "
    "Probeer het zo opnieuw.",
)
BUSY_AT_START = MessageTemplate(
    "referral_log.busy_at_start",
    "Het logboek van doorverwijzingen is bezet door een ander venster van referral-desk. "
    "Sluit dat venster en start referral-desk opnieuw.",
)
BUSY_BUT_MADE = MessageTemplate(
    "referral_log.busy_but_made",
    "het logboek was bezet door een ander venster van referral-desk; de doorverwijzing is wel "
    "gemaakt, maak ze dus niet opnieuw",
)
NOT_WRITABLE = MessageTemplate(
    "referral_log.not_writable",
    "Het logboek van doorverwijzingen in {folder} kan niet geschreven worden (schijf vol, "
    "alleen-lezen of geen rechten). Vraag de IT-dienst om hulp.",
)
DAMAGED = MessageTemplate(
    "referral_log.damaged",
    "Het logboek van doorverwijzingen {file} is beschadigd. Het is niet aangeraakt; geef het "
    "bestand aan de IT-dienst. Tot dan wordt niets genoteerd.",
)
FAILED = MessageTemplate(
    "referral_log.failed", "Het logboek van doorverwijzingen gaf een fout ({kind})."
)
NOT_IN_LOG = MessageTemplate("referral_log.not_in_log", "{referral_id} staat niet in het logboek.")
CORRECTS_ITSELF = MessageTemplate(
    "referral_log.corrects_itself", "Een doorverwijzing kan zichzelf niet corrigeren."
)
ALREADY_LINKED = MessageTemplate(
    "referral_log.already_linked",
    "{original} of {correction} is al aan een andere correctie gekoppeld.",
)
FOLDER_NOT_MADE = MessageTemplate(
    "referral_log.folder_not_made",
    "De map {folder} voor het logboek van doorverwijzingen kan niet gemaakt worden ({reason}).",
)
NEWER_SCHEMA = MessageTemplate(
    "referral_log.newer_schema",
    "Het logboek van doorverwijzingen {file} komt van een nieuwere versie van referral-desk "
    "(schema {version}). Installeer die versie; het bestand blijft onaangeroerd.",
)
FORMER_NAME_CLASH = MessageTemplate(
    "referral_log.former_name_clash",
    "Het logboek van doorverwijzingen staat in {folder} onder de oude naam {former}, maar "
    "{clash} bestaat al. Er is niets verplaatst of overschreven; geef de map aan de IT-dienst.",
)
NOT_RENAMED = MessageTemplate(
    "referral_log.not_renamed",
    "Het logboek van doorverwijzingen in {folder} kon niet van {former} naar {name} hernoemd "
    "worden ({reason}). Het staat er nog, onaangeroerd. Sluit alle vensters van referral-desk "
    "en start het opnieuw; lukt het dan nog niet, vraag de IT-dienst om hulp.",
)


def error_for(error: sqlite3.Error, path: Path) -> ReferralLogError:
    """SQLite's English error as the Dutch one the user can act on; never the SQL or a row."""
    text = str(error).lower()
    if is_busy(error):
        return ReferralLogBusy(BUSY())
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReferralLogError(NOT_WRITABLE(folder=str(path.parent)))
    if isinstance(error, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return ReferralLogError(DAMAGED(file=str(path)))
    return ReferralLogError(FAILED(kind=type(error).__name__))
