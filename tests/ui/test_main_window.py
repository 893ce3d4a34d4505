"""What a team member sees: partner lookup, blockers, consent, reset, close, clipboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.storage.paths import AppPaths
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


def _machine_registry(text: str) -> Path:
    path = AppPaths.from_platform().machine_registry
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = open_main_window(qtbot)
    fill_profile(qtbot, win)
    return win


def _partner_text(window: MainWindow) -> str:
    return child(window, QLabel, "partnerInfo").text()


def test_first_run_asks_for_profile_and_remembers_it(qtbot: QtBot) -> None:
    first = open_main_window(qtbot)
    assert first.profile_dialog is not None and first.profile_dialog.isVisible()
    fill_profile(qtbot, first)
    second = open_main_window(qtbot)
    assert second.profile_dialog is None
    assert second.profile is not None and second.profile.phone == "+3211345678"


def test_profile_errors_are_shown_inline(qtbot: QtBot) -> None:
    win = open_main_window(qtbot)
    dialog = win.profile_dialog
    assert dialog is not None
    qtbot.keyClicks(child(dialog, QLineEdit, "referrerPhone"), "123")
    qtbot.mouseClick(child(dialog, QPushButton, "profileSaveButton"), Qt.MouseButton.LeftButton)
    assert win.profile is None and dialog.isVisible()
    assert "telefoonnummer" in dialog.rows["phone"].error.text()
    assert "verplicht" in dialog.rows["name"].error.text()


def test_partner_shown_while_typing_postcode(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(child(window, QLineEdit, "postcode"), "3971")
    text = _partner_text(window)
    assert "OCMW Leopoldsburg" in text and "socialedienst@leopoldsburg.be" in text
    assert "01-02-2024" in text
    combo = child(window, QComboBox, "municipality")
    assert isinstance(combo, QComboBox) and combo.currentText() == "Leopoldsburg"


@pytest.mark.parametrize("typed", ["３９７１", " 3971\t", "3971\n"])
def test_a_pasted_or_full_width_postcode_finds_the_partner(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    child(window, QLineEdit, "postcode").setText(typed)
    window.refresh_lookup()
    assert "OCMW Leopoldsburg" in _partner_text(window)


def test_protocol_of_another_team_blocks(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(child(window, QLineEdit, "postcode"), "8940")
    text = _partner_text(window)
    assert "OCMW Wervik" in text and "Kind en Gezin Menen" in text
    assert "kindengezin@wervik.be" not in text


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [("1234", "bestaat niet"), ("9000", "geen protocol met het OCMW van Gent")],
)
def test_postcode_without_partner_blocks(
    qtbot: QtBot, window: MainWindow, postcode: str, expected: str
) -> None:
    fill_client(qtbot, window, {**CLIENT, "postcode": postcode})
    tick_consent(qtbot, window)
    assert expected in _partner_text(window)
    assert not child(window, QPushButton, "createButton").isEnabled()
    assert "geen partner" in child(window, QLabel, "createBlockers").text()


def test_shared_postcode_asks_which_municipality(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(child(window, QLineEdit, "postcode"), "1804")
    combo = child(window, QComboBox, "municipality")
    assert isinstance(combo, QComboBox) and combo.isEnabled()
    options = {combo.itemText(i) for i in range(1, combo.count())}
    assert options == {"Vilvoorde", "Zemst"}
    assert "Kies" in _partner_text(window)
    combo.setCurrentIndex(combo.findText("Zemst"))
    assert "geen protocol met het OCMW van Zemst" in _partner_text(window)


def _click_box(qtbot: QtBot, box: QWidget) -> None:
    """On the tick itself: a check box stretched across a wide column only reacts there."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def test_create_needs_valid_form_and_both_consents(qtbot: QtBot, window: MainWindow) -> None:
    button = child(window, QPushButton, "createButton")
    fill_client(qtbot, window)
    assert not button.isEnabled()
    blockers = child(window, QLabel, "createBlockers")
    assert "geïnformeerd" in blockers.text() and "toestemming" in blockers.text()
    _click_box(qtbot, child(window, QCheckBox, "informedCheck"))
    assert not button.isEnabled()
    _click_box(qtbot, child(window, QCheckBox, "consentCheck"))
    # The day and the way the sheet was given are asked, never assumed.
    assert not button.isEnabled()
    assert "vul de datum van de toestemming in" in blockers.text()
    assert "kies hoe de cliënt het informatieblad kreeg" in blockers.text()
    date = child(window, QLineEdit, "consentDate")
    qtbot.keyClicks(date, "31-02-2026")
    error = child(window, QLabel, "consentDateError")
    assert not error.isHidden() and "geen datum" in error.text()
    date.clear()
    assert error.isHidden()
    qtbot.mouseClick(child(window, QPushButton, "consentToday"), Qt.MouseButton.LeftButton)
    assert date.text() == numeric_date(window.desk.today())
    given = child(window, QComboBox, "sheetGiven")
    given.setCurrentIndex(given.findData("voorgelezen"))
    assert button.isEnabled()
    phone = child(window, QLineEdit, "phone")
    assert isinstance(phone, QLineEdit)
    phone.clear()
    qtbot.keyClicks(phone, "0470")
    phone.editingFinished.emit()
    assert not button.isEnabled()
    assert "telefoonnummer" in window.form.rows["phone"].error.text()


def test_phone_or_email_required(qtbot: QtBot, window: MainWindow) -> None:
    fill_client(qtbot, window, {**CLIENT, "phone": "", "email": ""})
    tick_consent(qtbot, window)
    assert not child(window, QPushButton, "createButton").isEnabled()
    assert "minstens" in window.form.rows["email"].error.text()


def test_new_referral_clears_form_and_password(qtbot: QtBot, window: MainWindow) -> None:
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    assert child(window, QLabel, "passwordDisplay").text()
    qtbot.mouseClick(child(window, QPushButton, "newButton"), Qt.MouseButton.LeftButton)
    assert child(window, QLabel, "passwordDisplay").text() == ""
    assert all(not e.text() for e in window.form.edits.values())
    assert not child(window, QCheckBox, "consentCheck").isChecked()


def test_closing_a_filled_form_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    asked = answering(window, discard=False).asked
    fill_client(qtbot, window)
    window.close()
    assert asked and window.isVisible()
    answering(window, discard=True)
    window.close()
    assert not window.isVisible()


def test_clipboard_cleared_unless_changed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    panel = window.password_panel
    panel._clear_timer.setInterval(50)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == window.created.password  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    clipboard.setText("iets anders")
    qtbot.wait(150)
    assert clipboard.text() == "iets anders"


def test_broken_machine_registry_refuses_and_does_not_fall_back(qtbot: QtBot) -> None:
    _machine_registry('schema_version = 1\nregistry_version = "x"\n[[partners]]\nid = 3\n')
    win = open_main_window(qtbot)
    banner = child(win, QLabel, "registryBanner")
    assert banner.isVisible() and "partnerregister is ongeldig" in banner.text()
    assert "partners.toml" in banner.text()
    fill_profile(qtbot, win, team="Kind en Gezin West-Limburg")
    fill_client(qtbot, win)
    tick_consent(qtbot, win)
    assert not child(win, QPushButton, "createButton").isEnabled()


MACHINE = """
schema_version = 1
registry_version = "t"
registry_date = 2026-01-01
changed_by = "test"

[[partners]]
id = "ocmw-leopoldsburg"
name = "OCMW Leopoldsburg"
kind = "OCMW"
region = "Vlaanderen"
mailbox = "socialedienst@leopoldsburg.be"
municipalities = ["71034"]
postcodes = ["3970", "3971"]
[partners.protocol]
reference = "Protocol 1"
local_teams = ["Kind en Gezin West-Limburg"]
in_force_from = 2024-02-01
ended_on = 2025-06-30

[[partners]]
id = "ocmw-wervik"
name = "OCMW Wervik"
kind = "OCMW"
region = "Vlaanderen"
mailbox = "kindengezin@wervik.be"
municipalities = ["33029"]
postcodes = ["8940"]
[partners.protocol]
reference = "Protocol 2"
local_teams = ["Kind en Gezin West-Limburg"]
in_force_from = 2099-01-01
"""


def test_protocol_dates_are_enforced_with_a_message(qtbot: QtBot) -> None:
    _machine_registry(MACHINE)
    win = open_main_window(qtbot)
    fill_profile(qtbot, win)
    qtbot.keyClicks(child(win, QLineEdit, "postcode"), "3970")
    assert "beëindigd op 30-06-2025" in _partner_text(win)
    postcode = child(win, QLineEdit, "postcode")
    assert isinstance(postcode, QLineEdit)
    postcode.clear()
    qtbot.keyClicks(postcode, "8940")
    assert "nog niet van kracht" in _partner_text(win) and "01-01-2099" in _partner_text(win)
    assert "machineregister" in win.about_text()


def test_tab_order_follows_reading_order(window: MainWindow) -> None:
    names = [
        "firstName",
        "lastName",
        "street",
        "houseNumber",
        "box",
        "postcode",
        "municipality",
        "phone",
        "email",
        "partnerInfo",
        "informedCheck",
        "consentCheck",
        "consentDate",
        "consentToday",
        "leafletLanguage",
        "sheetGiven",
        "leafletButton",
        "receiptButton",
        "createButton",
        "createBlockers",
        "newButton",
    ]
    widget = child(window, QLineEdit, "firstName")
    seen = [widget.objectName()]
    for _ in names[1:]:
        widget = widget.nextInFocusChain()
        while (
            widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or not widget.objectName()
            or widget.objectName().startswith("qt_")  # a date edit's own inner line edit
        ):
            widget = widget.nextInFocusChain()
        seen.append(widget.objectName())
    assert seen == names


def test_every_input_has_an_accessible_name(window: MainWindow) -> None:
    for name in [
        "firstName",
        "lastName",
        "street",
        "houseNumber",
        "box",
        "postcode",
        "municipality",
        "phone",
        "email",
        "informedCheck",
        "consentCheck",
    ]:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


@pytest.mark.parametrize(
    ("partner_id", "new_mailbox"),
    [
        ("ocmw-leopoldsburg", "nieuw@leopoldsburg.be"),
        ("ocmw-leopoldsburg-v2", "attacker@evil.example"),  # a new id once went unnoticed
    ],
)
def test_changed_mailbox_must_be_acknowledged_before_the_first_send(
    qtbot: QtBot, partner_id: str, new_mailbox: str
) -> None:
    first = open_main_window(qtbot)
    fill_profile(qtbot, first)
    fill_client(qtbot, first)
    tick_consent(qtbot, first)
    click_create(qtbot, first)
    assert first.created is not None
    bundled = (Path(__file__).parents[2] / "config" / "partners.toml").read_text("utf-8")
    _machine_registry(
        bundled.replace("socialedienst@leopoldsburg.be", new_mailbox).replace(
            'id = "ocmw-leopoldsburg"', f'id = "{partner_id}"'
        )
    )

    second = open_main_window(qtbot)
    answers = answering(second, discard=True, mailbox_change=[False, True])
    fill_client(qtbot, second)
    tick_consent(qtbot, second)
    click_create(qtbot, second)
    assert answers.about("mailbox_change") == [
        ("OCMW Leopoldsburg (Leopoldsburg)", "socialedienst@leopoldsburg.be", new_mailbox)
    ]
    assert second.created is None
    click_create(qtbot, second)
    assert second.created is not None and second.created.draft.to == new_mailbox
    settings_file = AppPaths.from_platform().config_dir / "settings.json"
    assert "leopoldsburg" not in settings_file.read_text("utf-8")  # the memory is elsewhere
    second.new_referral()
    fill_client(qtbot, second)
    tick_consent(qtbot, second)
    click_create(qtbot, second)
    assert len(answers.about("mailbox_change")) == 2, "shown once, until the user sent to it"


def test_unwritable_outbox_keeps_the_form_and_says_what_to_do(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file where the outbox folder should be: fails even for root, unlike chmod.
    outbox = AppPaths.from_platform().data_dir / "outbox"
    outbox.parent.mkdir(parents=True, exist_ok=True)
    outbox.write_text("not a folder")
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    assert window.created is None
    box = window.findChild(QMessageBox, "problemMessage")
    assert box is not None and box.isVisible()
    assert "niet bewaard" in box.text() and "invoer blijft staan" in box.text()
    assert "niet bewaard" in window.result_status.text()
    assert QApplication.overrideCursor() is None
    box.close()
    assert child(window, QLineEdit, "firstName").text() == "Ayşe"
    assert child(window, QPushButton, "createButton").isEnabled()
    assert child(window, QLabel, "passwordDisplay").text() == ""


class _NoMailClient:
    name = "broken"
    label = "kapot"

    def open_draft(self, draft: object, workdir: Path) -> object:
        from referral_desk.delivery.openers import AllOpenersFailed

        raise AllOpenersFailed([("eml-default-app", "geen programma voor .eml-bestanden")])


def test_no_mail_client_leaves_everything_needed_to_finish(
    qtbot: QtBot, window: MainWindow
) -> None:
    import dataclasses

    window.desk = dataclasses.replace(window.desk, mail=_NoMailClient())
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    created = window.created
    assert created is not None and created.archive_path.exists()
    dialog = window.fallback_dialog
    assert dialog is not None and dialog.isVisible()
    assert "geen programma voor .eml-bestanden" in dialog.findChild(QLabel).text()
    fields = {name: child(dialog, QLineEdit, f"fallback_{name}") for name in ("archive", "to")}
    assert fields["archive"].text() == str(created.archive_path)
    assert fields["to"].text() == "socialedienst@leopoldsburg.be"
    qtbot.mouseClick(child(dialog, QPushButton, "copy_subject"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == created.draft.subject
    qtbot.mouseClick(child(dialog, QPushButton, "copy_body"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == created.draft.body
    assert child(window, QLabel, "passwordDisplay").text() == created.password


def test_settings_menu_opens_mail_settings_and_saves(qtbot: QtBot, window: MainWindow) -> None:
    window.edit_settings()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert child(dialog, QComboBox, "mailAdapterCombo").count() >= 1
    assert child(dialog, QPushButton, "mailTestButton").isEnabled()


def test_qt_standard_buttons_are_dutch(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from referral_desk.ui.language import install_translators

    installed = install_translators(qapp, "nl")
    assert installed, "qtbase_nl.qm must ship with the app"
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Sluiten"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_the_last_mailbox_from_an_older_version_still_raises_the_warning(qtbot: QtBot) -> None:
    """Settings from before the referral log kept the memory are taken over at start."""
    settings_file = AppPaths.from_platform().config_dir / "settings.json"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('{"last_mailboxes": {"ocmw-leopoldsburg": "oud@leopoldsburg.be"}}')
    win = open_main_window(qtbot)
    answers = answering(win, discard=True, mailbox_change=False)
    fill_profile(qtbot, win)
    fill_client(qtbot, win)
    tick_consent(qtbot, win)
    click_create(qtbot, win)
    assert answers.about("mailbox_change") == [
        ("OCMW Leopoldsburg (Leopoldsburg)", "oud@leopoldsburg.be", "socialedienst@leopoldsburg.be")
    ]
    assert win.created is None
    assert "oud@leopoldsburg.be" not in settings_file.read_text("utf-8")


def test_consent_text_and_partner_follow_the_lookup(qtbot: QtBot, window: MainWindow) -> None:
    explanation = child(window, QLabel, "consentExplanation")
    assert "het OCMW van de woonplaats, in Brussel het CAW" in explanation.text()
    qtbot.keyClicks(child(window, QLineEdit, "postcode"), "3970")
    assert "OCMW Leopoldsburg (OCMW)" in explanation.text()
    postcode = child(window, QLineEdit, "postcode")
    postcode.clear()
    qtbot.keyClicks(postcode, "1000")
    assert "geen protocol met het CAW voor Brussel" in _partner_text(window)
    assert "OCMW" not in _partner_text(window)
    assert "het OCMW van de woonplaats, in Brussel het CAW" in explanation.text()


def test_the_password_is_scrolled_into_view_on_a_short_window(qtbot: QtBot) -> None:
    window = open_main_window(qtbot)
    window.resize(1000, 480)
    window.show()
    fill_profile(qtbot, window)
    fill_client(qtbot, window)
    tick_consent(qtbot, window)
    click_create(qtbot, window)
    display = child(window, QLabel, "passwordDisplay")
    viewport = window.content_scroll.viewport()

    def password_in_view() -> bool:
        top_left = display.mapTo(viewport, display.rect().topLeft())
        bottom = top_left.y() + display.height()
        return top_left.y() >= 0 and bottom <= viewport.height()

    qtbot.waitUntil(password_in_view)


class _RefusingSettings:
    """A settings file another program keeps locked: reading works, writing does not."""

    def __init__(self, store: object) -> None:
        self.store = store

    def load(self) -> object:
        return self.store.load()  # type: ignore[attr-defined]

    def update(self, _changes: object) -> object:
        from referral_desk.storage.settings import SettingsError

        raise SettingsError("Het instellingenbestand is vergrendeld.")


def test_a_profile_the_settings_refuse_is_told_and_holds_for_this_window(
    window: MainWindow,
) -> None:
    import dataclasses

    from tests.lifecycle_fixtures import PROFILE

    answers = answering(window, discard=True)
    window.desk = dataclasses.replace(window.desk, settings=_RefusingSettings(window.desk.settings))  # type: ignore[arg-type]
    window.save_profile(PROFILE)
    [notice] = answers.told
    assert notice.key == "profile_not_saved" and "vergrendeld" in notice.text and notice.warning
    assert window.profile == PROFILE


def test_an_editor_without_a_postcode_table_is_told_not_opened(
    window: MainWindow, tmp_path: Path
) -> None:
    import dataclasses

    from referral_desk.lifecycle.desk import RegistryState

    answers = answering(window, discard=True)
    paths = dataclasses.replace(AppPaths.from_platform(), bundled_dir=tmp_path / "leeg")
    window.desk = dataclasses.replace(window.desk, paths=paths)
    window.session.apply_registry(RegistryState(None, None, ""))
    assert window.open_registry_editor() is None and window.registry_editor is None
    [notice] = answers.told
    assert notice.key == "editor_unavailable" and "Herinstalleer" in notice.text
