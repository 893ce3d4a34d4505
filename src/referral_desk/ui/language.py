"""Installing the window's language: our catalog and Qt's own (file dialogs, standard buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from referral_desk.i18n import PSEUDO_LANGUAGE, SOURCE_LANGUAGE, catalog_path

# Qt ships qtbase_<lang>.qm for Dutch; English is Qt's own language, the pseudo keeps it.
_QT_LOCALES = {SOURCE_LANGUAGE: QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)}
LANGUAGE_NAMES = {SOURCE_LANGUAGE: "Nederlands", "en": "English", PSEUDO_LANGUAGE: "Pseudo"}


def system_ui_languages() -> list[str]:
    """The system's UI languages, preferred first, then its formats locale (e.g. nl-BE)."""
    system = QLocale.system()
    return [*system.uiLanguages(), system.name().replace("_", "-")]


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs what *language* needs and returns the translators (kept alive by *app*).

    A missing catalog leaves the Dutch source texts: the window still works, and
    ``scripts/update_translations.py --compile`` (run by CI and the build) makes it."""
    installed = []
    qt_locale = _QT_LOCALES.get(language)
    if qt_locale is not None:
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(qt_locale, "qtbase", "_", folder):
            app.installTranslator(qt)
            installed.append(qt)
    if language != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(catalog_path(language))):
            app.installTranslator(ours)
            installed.append(ours)
    return installed
