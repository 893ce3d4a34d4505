"""Which language the window speaks, and where its Qt catalogs live; Qt-free.

Dutch is the source language: the ``tr()`` texts are the Dutch UI, so Dutch needs no catalog of
its own. ``referral_desk_en.ts`` is the English translation for IT and the helpdesk and
``referral_desk_xx.ts`` a generated pseudo-translation for layout tests; both are compiled to
``.qm`` beside this file by ``scripts/update_translations.py --compile`` (not committed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

SOURCE_LANGUAGE = "nl"
# What the setting may hold: "auto" follows the operating system.
LANGUAGE_CHOICES = ("auto", "nl", "en")
PSEUDO_LANGUAGE = "xx"
# For IT and layout testing: overrides the setting, and also accepts the pseudo-language.
LANGUAGE_ENV = "REFERRAL_DESK_LANG"
CATALOG_PREFIX = "referral_desk_"


def catalog_dir() -> Path:
    """The .ts and .qm files; in a PyInstaller bundle the same relative place below _MEIPASS."""
    return Path(__file__).resolve().parent


def catalog_path(language: str) -> Path:
    return catalog_dir() / f"{CATALOG_PREFIX}{language}.qm"


def choose_language(setting: str, ui_languages: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language for this start: "nl", "en" or the pseudo "xx".

    *ui_languages* are the system's BCP 47 names, preferred first, with the system locale
    (its formats) last. "auto" is English only on a system that is English and not Belgian
    and has no Dutch among its languages: an English Windows image on a Flemish team member's
    laptop keeps the Dutch window, whose referral, consent text and mails are Dutch anyway,
    while an English helpdesk elsewhere gets English. Either can set the language explicitly.
    """
    override = environ.get(LANGUAGE_ENV, "").strip().lower()
    if override in {SOURCE_LANGUAGE, "en", PSEUDO_LANGUAGE}:
        return override
    if setting in {SOURCE_LANGUAGE, "en"}:
        return setting
    names = [name.replace("_", "-").lower() for name in ui_languages if name]
    if not names or not names[0].startswith("en"):
        return SOURCE_LANGUAGE
    belgian_or_dutch = any(name.split("-")[0] == "nl" or name.endswith("-be") for name in names)
    return SOURCE_LANGUAGE if belgian_or_dutch else "en"
