"""Every window's Alt-keys are unique, menus included, and the consent ticks have none.

A shared Alt-key cycles focus between its owners: Alt+T once went to *Telefoon* and then to
the consent tick, where each space of a phone number toggled consent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from referral_desk.delivery.message import DraftMessage
from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog
from referral_desk.ui.main_window import MainWindow
from tests.ui_driver import answering, create_via_window, open_main_window


def mnemonic(text: str) -> str | None:
    """The Alt-letter of a Qt text: the character after a single '&' ('&&' is a literal &)."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return text[index + 1].lower()
            index += 2
            continue
        index += 1
    return None


def test_mnemonic_reads_qt_texts() -> None:
    assert mnemonic("&Voornaam") == "v"
    assert mnemonic("Toestemming gegeven op (datu&m)") == "m"
    assert mnemonic("Kind && Gezin") is None
    assert mnemonic("Kind && &Gezin") == "g"
    assert mnemonic("einde&") is None


def _owned_by(window: QWidget, widget: QWidget) -> bool:
    """Only the widgets of this window: child windows and dialogs are walked on their own."""
    return widget.window() is window


def _keys(widgets: Iterable[QWidget]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for widget in widgets:
        text = ""
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            text = widget.text()  # type: ignore[attr-defined]
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        letter = mnemonic(text) if text else None
        if letter is not None:
            found.append((letter, text))
    return found


def _menu_keys(window: QWidget) -> list[tuple[str, str]]:
    menu_bar = getattr(window, "menuBar", None)
    if menu_bar is None or not callable(menu_bar):
        return []
    found = []
    for action in menu_bar().actions():
        letter = mnemonic(action.text())
        if letter is not None:
            found.append((letter, action.text()))
    return found


def _groups(window: QWidget) -> dict[str, list[tuple[str, str]]]:
    """Per tab page: its own keys plus those outside any page (the dialog's buttons)."""
    widgets = [w for w in window.findChildren(QWidget) if _owned_by(window, w)]
    pages: dict[QWidget, str] = {}
    for tabs in window.findChildren(QTabWidget):
        if _owned_by(window, tabs):
            for index in range(tabs.count()):
                pages[tabs.widget(index)] = f"{window.objectName()}/{tabs.tabText(index)}"

    def page_of(widget: QWidget) -> str | None:
        parent: QWidget | None = widget
        while parent is not None and parent is not window:
            if parent in pages:
                return pages[parent]
            parent = parent.parentWidget()
        return None

    shared = _keys(w for w in widgets if page_of(w) is None) + _menu_keys(window)
    by_page: defaultdict[str, list[QWidget]] = defaultdict(list)
    for widget in widgets:
        page = page_of(widget)
        if page is not None:
            by_page[page].append(widget)
    if not by_page:
        return {window.objectName() or type(window).__name__: shared}
    return {page: shared + _keys(members) for page, members in by_page.items()}


def _duplicates(window: QWidget) -> list[str]:
    problems = []
    for group, keys in _groups(window).items():
        owners: defaultdict[str, list[str]] = defaultdict(list)
        for letter, text in keys:
            owners[letter].append(text)
        problems += [
            f"{group}: Alt+{letter.upper()} for {texts}"
            for letter, texts in owners.items()
            if len(texts) > 1
        ]
    return problems


def _every_window(qtbot: QtBot) -> tuple[MainWindow, list[QWidget]]:
    window = open_main_window(qtbot)
    create_via_window(qtbot, window)
    window.edit_profile()
    window.edit_settings()
    log_window = window.open_referral_log_window()
    log_window.table.selectRow(0)
    log_window.recall_password()
    log_window.buttons["breach"].click()
    evaluation = log_window.open_evaluation()
    editor = window.open_registry_editor()
    answering(editor, unsaved="discard")
    fallback = MailFallbackDialog(
        DraftMessage(
            to="ocmw@example.be",
            subject="Doorverwijzing",
            body="Zie bijlage.",
            attachment=Path("/tmp/KG-2026-7F3K.7z"),
        ),
        [("eml", "geen programma")],
        window,
    )
    qtbot.addWidget(fallback)
    windows: list[QWidget | None] = [
        window,
        window.profile_dialog,
        window.settings_dialog,
        log_window,
        log_window.recall_dialog,
        log_window.breach_dialog,
        evaluation,
        editor,
        fallback,
    ]
    assert all(w is not None for w in windows)
    return window, [w for w in windows if w is not None]


def test_no_window_or_dialog_shares_an_alt_key(qtbot: QtBot) -> None:
    _window, windows = _every_window(qtbot)
    problems = [problem for w in windows for problem in _duplicates(w)]
    assert not problems, "\n".join(problems)


def test_the_consent_ticks_have_no_alt_key(qtbot: QtBot) -> None:
    """A field that shares it would send focus to the tick, and typing a space ticks it."""
    window = open_main_window(qtbot)
    for name in ("informedCheck", "consentCheck"):
        box = window.findChild(QCheckBox, name)
        assert isinstance(box, QCheckBox)
        assert mnemonic(box.text()) is None, box.text()
