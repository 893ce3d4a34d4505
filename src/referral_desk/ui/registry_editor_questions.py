"""What the partner-register editor asks: the file to open or save to, the signing key and
its password, a protocol's end date, and before it overwrites, discards or removes; the
questions as values, worded in the editor's translation context, for its
:class:`~referral_desk.ui.questions.Answers` to ask."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from referral_desk.ui.questions import Choice, OpenPath, Option, Question, SavePath, TextInput


def save_as(proposed: Path) -> SavePath:
    return SavePath(
        "save_as",
        QCoreApplication.translate("RegistryEditor", "Partnerregister opslaan als"),
        proposed,
        QCoreApplication.translate("RegistryEditor", "Partnerregister (*.toml)"),
    )


def overwrite_active(path: Path) -> Question:
    """Saving over the registry in use is possible, but only on an explicit Yes."""
    return Question(
        "overwrite_active",
        QCoreApplication.translate("RegistryEditor", "Partnerregister in gebruik overschrijven?"),
        QCoreApplication.translate(
            "RegistryEditor",
            "{0} is het partnerregister dat referral-desk nu gebruikt. Overschrijven? "
            "Kies Nee om het onder een andere naam te bewaren en het aan de IT-dienst "
            "te geven.",
        ).format(path),
        about=(str(path),),
    )


def review_changes(summary: str) -> Choice:
    """*summary* is rich text the editor built, every value in it escaped."""
    return Choice(
        "review_changes",
        QCoreApplication.translate("RegistryEditor", "Wijzigingen nakijken"),
        QCoreApplication.translate(
            "RegistryEditor", "Kijk de wijzigingen na voor u bewaart:<br><br>{0}"
        ).format(summary),
        (
            Option("save", QCoreApplication.translate("RegistryEditor", "Klopt, opslaan als…")),
            Option(
                "cancel",
                QCoreApplication.translate("RegistryEditor", "Annuleren"),
                QMessageBox.ButtonRole.RejectRole,
            ),
        ),
        icon=QMessageBox.Icon.NoIcon,
        rich=True,
        about=(summary,),
    )


def unsaved() -> Choice:
    """Qt's own Verwerpen and Annuleren; Annuleren, which keeps the changes, is the default."""
    return Choice(
        "unsaved",
        QCoreApplication.translate("RegistryEditor", "Wijzigingen niet bewaard"),
        QCoreApplication.translate(
            "RegistryEditor",
            "Het partnerregister heeft wijzigingen die nog niet bewaard zijn. Verwerpen?",
        ),
        (
            Option("discard", standard=QMessageBox.StandardButton.Discard),
            Option("cancel", standard=QMessageBox.StandardButton.Cancel),
        ),
        default="cancel",
    )


def remove_partner(name: str) -> Question:
    return Question(
        "remove_partner",
        QCoreApplication.translate("RegistryEditor", "Partner verwijderen"),
        QCoreApplication.translate(
            "RegistryEditor",
            "{0} uit het partnerregister verwijderen? Een protocol dat afloopt beëindigt u "
            "beter, zodat de geschiedenis bewaard blijft.",
        ).format(name),
        about=(name,),
    )


def open_registry(folder: Path) -> OpenPath:
    return OpenPath(
        "open_registry",
        QCoreApplication.translate("RegistryEditor", "Partnerregister openen"),
        folder,
        QCoreApplication.translate(
            "RegistryEditor", "Partnerregister (*.toml);;Alle bestanden (*)"
        ),
    )


def signing_key(folder: Path) -> OpenPath:
    return OpenPath(
        "signing_key",
        QCoreApplication.translate("RegistryEditor", "Geheime sleutel kiezen (minisign)"),
        folder,
        QCoreApplication.translate(
            "RegistryEditor", "minisign-sleutel (*.key);;Alle bestanden (*)"
        ),
    )


def key_password(key: Path) -> TextInput:
    return TextInput(
        "key_password",
        QCoreApplication.translate("RegistryEditor", "Partnerregister ondertekenen"),
        QCoreApplication.translate("RegistryEditor", "Wachtwoord van de sleutel {0}:").format(key),
        secret=True,
        about=(str(key),),
    )


def end_date(name: str, today: str) -> TextInput:
    """*today* is offered; the core says whether what is typed is a date."""
    return TextInput(
        "end_date",
        QCoreApplication.translate("RegistryEditor", "Protocol beëindigen"),
        QCoreApplication.translate(
            "RegistryEditor",
            "Vanaf welke dag geldt het protocol met {0} niet meer? (JJJJ-MM-DD; vanaf "
            "die dag kan niemand nog naar deze partner doorverwijzen)",
        ).format(name),
        today,
        about=(name,),
    )
