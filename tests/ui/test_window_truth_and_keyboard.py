"""The main window by keyboard and as it reads: the reason the create button waits and the
partner's mailbox are Tab stops, the form hint is legible, and no text outlives its truth."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.ui.client_form import MIN_CONTRAST, contrast_ratio, muted_text_colour
from referral_desk.ui.main_window import MainWindow
from tests.ui_driver import (
    CLIENT,
    answering,
    child,
    click_create,
    fill_client,
    fill_profile,
    open_main_window,
    tick_consent,
)


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = open_main_window(qtbot)
    fill_profile(qtbot, win)
    return win


def _created(qtbot: QtBot, window: MainWindow) -> None:
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    assert window.created is not None


def _tab_stops(qtbot: QtBot, window: MainWindow, start: QWidget, count: int) -> list[str]:
    """Real Tab presses from ``start``: the object names focus lands on, in order."""
    window.activateWindow()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
    stops: list[str] = []
    for _ in range(count):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        # A date edit's own inner line edit stands for the date edit.
        while now.objectName().startswith("qt_") and now.parentWidget() is not None:
            now = now.parentWidget()
        stops.append(now.objectName())
    return stops


def test_the_reason_the_create_button_waits_is_its_description_and_the_next_tab_stop(
    qtbot: QtBot, window: MainWindow
) -> None:
    button = child(window, QPushButton, "createButton")
    blockers = child(window, QLabel, "createBlockers")
    assert isinstance(blockers, QLabel) and not button.isEnabled()
    assert blockers.text() and button.accessibleDescription() == blockers.text()
    assert blockers.accessibleName()
    stops = _tab_stops(qtbot, window, window.informed, 12)
    assert "createBlockers" in stops
    # Right where the disabled button would be: after the consent tools, before "Nieuwe".
    assert stops[stops.index("createBlockers") + 1] == "newButton"


def test_the_partner_panel_is_a_tab_stop_right_after_the_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    fill_client(qtbot, window)
    email = child(window, QLineEdit, "email")
    stops = _tab_stops(qtbot, window, email, 2)
    assert stops == ["partnerInfo", "informedCheck"]
    panel = child(window, QLabel, "partnerInfo")
    assert isinstance(panel, QLabel) and "@" in panel.text()


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((120, 120, 120), (120, 120, 120)) == pytest.approx(1)
    # palette(dark) on the Fusion window grey: the 2.1:1 the hint once had.
    assert contrast_ratio((160, 160, 160), (239, 239, 239)) < 2.5


@pytest.mark.parametrize(
    ("text", "background"),
    [((0, 0, 0), (239, 239, 239)), ((255, 255, 255), (30, 30, 30)), ((0, 0, 0), (255, 255, 255))],
)
def test_the_muted_colour_still_meets_aa_on_light_and_dark(
    text: tuple[int, int, int], background: tuple[int, int, int]
) -> None:
    muted = muted_text_colour(text, background)
    assert contrast_ratio(muted, background) >= MIN_CONTRAST
    assert muted != text  # still set apart from the main text


def test_the_form_hint_reads_at_wcag_aa_against_the_window(window: MainWindow) -> None:
    hint = child(window, QLabel, "formHint")
    hint.ensurePolished()
    colour = hint.palette().color(hint.foregroundRole())
    background = window.palette().color(QPalette.ColorRole.Window)
    ratio = contrast_ratio(
        (colour.red(), colour.green(), colour.blue()),
        (background.red(), background.green(), background.blue()),
    )
    assert ratio >= MIN_CONTRAST


def test_the_clipboard_notice_changes_once_the_clipboard_is_cleared(
    qtbot: QtBot, window: MainWindow
) -> None:
    _created(qtbot, window)
    panel = window.password_panel
    panel._clear_timer.setInterval(50)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert "30 seconden" in panel.status.text()
    clipboard = QGuiApplication.clipboard()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)
    qtbot.waitUntil(lambda: "30 seconden" not in panel.status.text(), timeout=2000)
    assert panel.status.text() == "Het klembord is gewist."


def test_closing_after_creating_says_the_password_is_kept_for_recall(
    qtbot: QtBot, window: MainWindow
) -> None:
    _created(qtbot, window)
    assert window.record is not None and window.record.recall_until is not None
    asked = answering(window, discard=False).asked
    window.close()
    assert window.isVisible() and len(asked) == 1
    question = asked[0]
    assert "niet verloren" in question and "dagen" in question
    assert "niet openen" not in question
    assert window._discard_title() != "Gegevens gaan verloren"
    answering(window, discard=True)


def test_after_creating_the_form_looks_locked_and_says_how_to_go_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    first_name = child(window, QLineEdit, "firstName")
    assert isinstance(first_name, QLineEdit)
    typing_base = first_name.palette().color(QPalette.ColorRole.Base)
    note = child(window, QLabel, "formLocked")
    assert not note.isVisible()
    _created(qtbot, window)
    assert note.isVisible() and "Nieuwe doorverwijzing" in note.text()
    locked_base = first_name.palette().color(QPalette.ColorRole.Base)
    assert locked_base != typing_base
    assert locked_base == window.palette().color(QPalette.ColorRole.Window)
    assert first_name.text() == CLIENT["firstName"]  # still readable
    qtbot.keyClicks(first_name, "x")
    assert first_name.text() == CLIENT["firstName"]

    qtbot.mouseClick(child(window, QPushButton, "newButton"), Qt.MouseButton.LeftButton)
    assert not note.isVisible()
    assert first_name.palette().color(QPalette.ColorRole.Base) == typing_base


def test_choosing_the_municipality_is_not_shown_as_an_error(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = child(window, QLabel, "partnerInfo")
    normal = panel.palette().color(panel.foregroundRole())
    qtbot.keyClicks(child(window, QLineEdit, "postcode"), "1804")
    assert "Kies hieronder de gemeente" in panel.text()
    panel.ensurePolished()
    assert panel.palette().color(panel.foregroundRole()) == normal
    assert "b00020" not in panel.styleSheet()


def test_every_label_has_a_spare_pixel_for_scaled_glyphs(window: MainWindow) -> None:
    """At 125 % a label's whole-pixel width can be narrower than its glyphs (Telefoon's n)."""
    labels = [lab for lab in window.form.findChildren(QLabel) if lab.text() == "&Telefoon"]
    assert labels
    phone = labels[0]
    assert phone.contentsMargins().right() >= 1
    advance = phone.fontMetrics().horizontalAdvance("Telefoon")
    assert phone.sizeHint().width() > advance
    assert phone.sizeHint().width() <= advance + 2  # no stray indent either
