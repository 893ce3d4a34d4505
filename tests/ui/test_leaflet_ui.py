"""The information sheet and the client's receipt from the window: the right document, in the
chosen language, opened for printing, and never a trace of the client on disk."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from referral_desk.domain.errors import UserFacingError
from referral_desk.lifecycle import client_documents
from referral_desk.sealing.leaflet import LANGUAGES
from referral_desk.ui.main_window import MainWindow
from tests.sealing.test_leaflet import extract_text
from tests.ui.test_flow_end_to_end import CANARY_CLIENT, _needles_in
from tests.ui_driver import (
    child,
    create_via_window,
    every_file,
    fill_client,
    fill_profile,
    open_main_window,
)

PARTNER_NAME = "OCMW Leopoldsburg"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What would have been handed to the default viewer, instead of opening one."""
    paths: list[Path] = []

    def record(path: Path, grace: float) -> int | None:
        paths.append(path)
        return None

    monkeypatch.setattr(client_documents, "open_with_desktop", record)
    return paths


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    return open_main_window(qtbot)


def pdf_text(path: Path) -> str:
    return extract_text(path.read_bytes(), layout=True)


def click(qtbot: QtBot, window: MainWindow, name: str) -> QPushButton:
    button = child(window, QPushButton, name)
    assert isinstance(button, QPushButton)
    assert button.isEnabled(), button.accessibleDescription()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.printing.busy, timeout=30_000)
    return button


def profile_and_client(qtbot: QtBot, window: MainWindow) -> None:
    window.edit_profile()
    fill_profile(qtbot, window)
    fill_client(qtbot, window, CANARY_CLIENT)


def no_canary_under(*roots: Path) -> dict[str, list[str]]:
    return {str(f): hits for f in every_file(*roots) if (hits := _needles_in(f.read_bytes()))}


def test_languages_are_listed_in_dutch_with_unreviewed_ones_marked(window: MainWindow) -> None:
    combo = child(window, QComboBox, "leafletLanguage")
    assert isinstance(combo, QComboBox)
    assert combo.currentData() == "nl"
    assert [combo.itemData(i) for i in range(combo.count())] == list(LANGUAGES)
    assert set(LANGUAGES) == {"nl", "fr", "en", "ar", "tr", "pl", "ro", "uk"}
    for index in range(combo.count()):
        info = LANGUAGES[combo.itemData(index)]
        text = combo.itemText(index)
        assert text.startswith(info.dutch_name)
        assert ("(niet nagelezen)" in text) is (not info.reviewed and not info.original)
    assert combo.accessibleName()


def test_sheet_needs_a_partner_and_a_profile_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    button = child(window, QPushButton, "leafletButton")
    assert not button.isEnabled()
    assert "partner" in button.accessibleDescription()
    fill_client(qtbot, window, {"postcode": "3970"})
    assert not button.isEnabled()
    assert "profiel" in button.accessibleDescription()
    window.edit_profile()
    fill_profile(qtbot, window)
    assert button.isEnabled()
    assert button.accessibleDescription() == ""
    fill_client(qtbot, window, {"postcode": "9999"})
    assert not button.isEnabled()


def test_sheet_opens_a_pdf_naming_the_partner_without_client_data(
    qtbot: QtBot, window: MainWindow, opened: list[Path], tmp_path: Path
) -> None:
    profile_and_client(qtbot, window)
    click(qtbot, window, "leafletButton")
    assert len(opened) == 1
    sheet = opened[0]
    assert sheet.name == "informatieblad-ocmw-leopoldsburg-nl.pdf"
    assert sheet.is_relative_to(tmp_path)
    text = pdf_text(sheet)
    assert PARTNER_NAME in text
    assert not _needles_in(text.encode())
    assert no_canary_under(tmp_path) == {}
    # Nothing of the form was lost or locked.
    first = child(window, QLineEdit, "firstName")
    assert isinstance(first, QLineEdit)
    assert first.text() == CANARY_CLIENT["firstName"] and not first.isReadOnly()


def test_sheet_is_in_the_chosen_language(
    qtbot: QtBot, window: MainWindow, opened: list[Path]
) -> None:
    profile_and_client(qtbot, window)
    combo = child(window, QComboBox, "leafletLanguage")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("uk"))
    click(qtbot, window, "leafletButton")
    assert opened[-1].name.endswith("-uk.pdf")
    text = pdf_text(opened[-1])
    assert PARTNER_NAME in text
    assert any("\u0400" <= char <= "\u04ff" for char in text)


def test_receipt_only_after_creating_and_it_quotes_the_referral_id(
    qtbot: QtBot, window: MainWindow, opened: list[Path], tmp_path: Path
) -> None:
    receipt = child(window, QPushButton, "receiptButton")
    assert not receipt.isEnabled() and not receipt.isVisible()
    created = create_via_window(qtbot, window, CANARY_CLIENT)
    assert receipt.isVisible()
    click(qtbot, window, "receiptButton")
    assert [p.name for p in opened] == [f"bewijs-{created.referral_id}-nl.pdf"]
    text = pdf_text(opened[0])
    assert created.referral_id in text
    assert PARTNER_NAME in text
    assert not _needles_in(text.encode())
    assert no_canary_under(tmp_path) == {}
    assert window.new_referral()
    assert not receipt.isEnabled() and not receipt.isVisible()


def test_a_failing_render_shows_a_message_and_keeps_the_form(
    qtbot: QtBot, window: MainWindow, opened: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise UserFacingError("Het lettertype voor het Arabisch ontbreekt.")

    monkeypatch.setattr(client_documents, "render_information_sheet", broken)
    profile_and_client(qtbot, window)
    click(qtbot, window, "leafletButton")
    box = window.findChild(QMessageBox, "printProblem")
    assert isinstance(box, QMessageBox)
    assert box.text() == "Het lettertype voor het Arabisch ontbreekt."
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert opened == []
    first = child(window, QLineEdit, "firstName")
    assert isinstance(first, QLineEdit)
    assert first.text() == CANARY_CLIENT["firstName"]
    assert window.informed.isEnabled()


def test_an_unwritable_folder_or_missing_viewer_is_told(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile_and_client(qtbot, window)
    folder = window.print_folder()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_bytes(b"")  # a file where the folder should be
    click(qtbot, window, "leafletButton")
    box = window.findChild(QMessageBox, "printProblem")
    assert isinstance(box, QMessageBox)
    assert str(folder) in box.text()
    box.close()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "printProblem") is None)
    folder.unlink()

    monkeypatch.setattr(client_documents, "open_with_desktop", lambda _p, _g: 3)
    click(qtbot, window, "leafletButton")
    box = window.findChild(QMessageBox, "printProblem")
    assert isinstance(box, QMessageBox)
    assert "geen programma" in box.text()
    assert any(path.suffix == ".pdf" for path in folder.iterdir())


def test_a_viewer_that_will_not_start_says_the_pdf_is_ready_not_that_saving_failed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses a file with no program for it with an OSError of its own (1155), not
    FileNotFoundError: the sheet was saved, and the message says where, not that the folder
    was unwritable, and names no Linux helper on Windows."""

    def no_association(path: Path, _grace: float) -> int | None:
        raise OSError(22, "No application is associated with the specified file", str(path), 1155)

    monkeypatch.setattr(client_documents, "open_with_desktop", no_association)
    profile_and_client(qtbot, window)
    click(qtbot, window, "leafletButton")
    box = window.findChild(QMessageBox, "printProblem")
    assert isinstance(box, QMessageBox)
    sheet = window.print_folder() / "informatieblad-ocmw-leopoldsburg-nl.pdf"
    assert sheet.read_bytes().startswith(b"%PDF")
    assert "geen programma" in box.text() and str(sheet) in box.text()
    assert "bewaard" not in box.text()
    if sys.platform == "win32":
        assert "xdg-open" not in box.text()


@pytest.mark.skipif(sys.platform != "win32", reason="only Windows locks a file a program shows")
def test_a_sheet_still_open_in_the_viewer_does_not_stop_the_next_one(
    qtbot: QtBot, window: MainWindow, opened: list[Path]
) -> None:
    """A PDF viewer on Windows (Adobe Reader) keeps the file it shows open for reading only:
    the same sheet again, for the next client, is saved beside it and opened."""
    win32file: Any = importlib.import_module("win32file")
    profile_and_client(qtbot, window)
    click(qtbot, window, "leafletButton")
    first = opened[-1]
    shown = win32file.CreateFile(
        str(first),
        win32file.GENERIC_READ,
        win32file.FILE_SHARE_READ,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )
    try:
        click(qtbot, window, "leafletButton")
    finally:
        shown.Close()
    assert window.findChild(QMessageBox, "printProblem") is None
    second = opened[-1]
    assert second.name == "informatieblad-ocmw-leopoldsburg-nl-2.pdf"
    assert second.parent == first.parent
    assert PARTNER_NAME in pdf_text(second) and PARTNER_NAME in pdf_text(first)
