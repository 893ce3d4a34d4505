"""The real Questions: each kind of question shown as the box or file dialog a user meets,
answered here as a user would (a click, Enter, Escape, a file name), so what the windows
ask through the seam is what appears."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.ui.questions import (
    Choice,
    FolderPath,
    OpenFiles,
    OpenPath,
    Option,
    Question,
    Questions,
    SavePath,
    TextInput,
)
from tests.ui_driver import on_next_modal

Role = QMessageBox.ButtonRole
Standard = QMessageBox.StandardButton

WITHDRAWAL = Choice(
    "withdrawal",
    "Toestemming ingetrokken",
    "De cliënt van <b>KG-1</b> trekt de toestemming in.",
    (
        Option("cancel", "Annuleren", Role.RejectRole),
        Option("mail", "Per e-mail…", name="withdrawByMail"),
        Option("phone", "Telefonisch doorgegeven", name="withdrawByPhone"),
    ),
    default="cancel",
    name="followUpQuestion",
)


def _parent(qtbot: QtBot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent


def _box(widget: QWidget) -> QMessageBox:
    assert isinstance(widget, QMessageBox)
    return widget


def _button(box: QMessageBox, name: str) -> QWidget:
    found = [b for b in box.buttons() if b.objectName() == name]
    assert len(found) == 1, name
    return found[0]


def test_a_choice_is_a_box_with_its_buttons_and_the_clicked_one_is_answered(
    qtbot: QtBot,
) -> None:
    parent = _parent(qtbot)
    shown = on_next_modal(lambda box: _button(_box(box), "withdrawByPhone").click())
    assert Questions().choose(parent, WITHDRAWAL) == "phone"
    box = _box(shown[0])
    assert box.objectName() == "followUpQuestion"
    assert box.windowTitle() == "Toestemming ingetrokken"
    # Plain text: a value in it is never markup.
    assert box.textFormat() == Qt.TextFormat.PlainText and "<b>KG-1</b>" in box.text()
    assert box.icon() == QMessageBox.Icon.Question
    assert sorted(b.text() for b in box.buttons()) == [
        "Annuleren",
        "Per e-mail…",
        "Telefonisch doorgegeven",
    ]
    assert box.buttonRole(_button(box, "withdrawByMail")) == Role.AcceptRole  # type: ignore[arg-type]
    assert box.defaultButton().text() == "Annuleren"
    assert box.escapeButton() is box.defaultButton()


def test_enter_and_escape_answer_the_default_option(qtbot: QtBot) -> None:
    parent = _parent(qtbot)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        on_next_modal(lambda box, key=key: QTest.keyClick(box, key))  # type: ignore[misc]
        assert Questions().choose(parent, WITHDRAWAL) == "cancel", key


def test_qt_own_buttons_are_offered_with_the_default_that_keeps_things(qtbot: QtBot) -> None:
    choice = Choice(
        "unsaved",
        "Wijzigingen niet bewaard",
        "Verwerpen?",
        (Option("discard", standard=Standard.Discard), Option("cancel", standard=Standard.Cancel)),
        default="cancel",
    )
    parent = _parent(qtbot)
    shown = on_next_modal(lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
    assert Questions().choose(parent, choice) == "cancel"
    box = _box(shown[0])
    assert box.standardButtons() == Standard.Discard | Standard.Cancel
    assert box.defaultButton() is box.button(Standard.Cancel)
    assert box.escapeButton() is box.button(Standard.Cancel)
    on_next_modal(lambda box: _box(box).button(Standard.Discard).click())
    assert Questions().choose(parent, choice) == "discard"


def test_a_rich_choice_without_an_icon_and_a_box_closed_without_a_button(qtbot: QtBot) -> None:
    choice = Choice(
        "review_changes",
        "Wijzigingen nakijken",
        "Kijk na:<br><br><b>nieuw</b>",
        (Option("save", "Klopt, opslaan als…"),),
        icon=QMessageBox.Icon.NoIcon,
        rich=True,
    )
    parent = _parent(qtbot)
    shown = on_next_modal(lambda box: _box(box).reject())
    assert Questions().choose(parent, choice) is None
    box = _box(shown[0])
    assert box.textFormat() == Qt.TextFormat.RichText
    assert box.icon() == QMessageBox.Icon.NoIcon
    assert [b.text() for b in box.buttons()] == ["Klopt, opslaan als…"]


def test_a_yes_no_question_defaults_to_no(qtbot: QtBot) -> None:
    question = Question("overwrite_active", "Overschrijven?", "Overschrijven?")
    parent = _parent(qtbot)
    shown = on_next_modal(lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
    assert Questions().ask(parent, question) is False
    box = _box(shown[0])
    assert box.standardButtons() == Standard.Yes | Standard.No
    assert box.defaultButton() is box.button(Standard.No)
    on_next_modal(lambda box: _box(box).button(Standard.Yes).click())
    assert Questions().ask(parent, question) is True


def _file_dialog(widget: QWidget) -> QFileDialog:
    assert isinstance(widget, QFileDialog)
    return widget


def test_save_path_offers_the_suggested_file_and_answers_the_one_chosen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    suggested = tmp_path / "partners-2026-11-23.toml"
    title, wanted = "Partnerregister opslaan als", "Partnerregister (*.toml)"
    asked = SavePath("save_as", title, suggested, wanted)
    chosen = tmp_path / "nieuw.toml"
    seen: list[tuple[str, list[str], list[str]]] = []

    def save(widget: QWidget) -> None:
        dialog = _file_dialog(widget)
        files = [str(Path(file)) for file in dialog.selectedFiles()]
        seen.append((dialog.windowTitle(), files, dialog.nameFilters()))
        dialog.selectFile(str(chosen))
        dialog.accept()

    parent = _parent(qtbot)
    on_next_modal(save, QFileDialog)
    assert Questions().save_path(parent, asked) == chosen
    assert seen == [(title, [str(suggested)], [wanted])]
    on_next_modal(lambda dialog: _file_dialog(dialog).reject(), QFileDialog)
    assert Questions().save_path(parent, asked) is None


def test_open_path_starts_in_the_folder_and_answers_the_file_chosen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    key = tmp_path / "sleutel.key"
    key.write_text("geheim")
    wanted = "minisign-sleutel (*.key);;Alle bestanden (*)"
    asked = OpenPath("signing_key", "Geheime sleutel kiezen (minisign)", tmp_path, wanted)
    seen: list[tuple[str, str, list[str]]] = []

    def choose(widget: QWidget) -> None:
        dialog = _file_dialog(widget)
        # Qt writes / on Windows too: compared as this platform's paths.
        folder = str(Path(dialog.directory().absolutePath()))
        seen.append((dialog.windowTitle(), folder, dialog.nameFilters()))
        dialog.selectFile(str(key))
        dialog.accept()

    parent = _parent(qtbot)
    on_next_modal(choose, QFileDialog)
    assert Questions().open_path(parent, asked) == key
    assert seen == [(asked.title, str(tmp_path), wanted.split(";;"))]
    on_next_modal(lambda dialog: _file_dialog(dialog).reject(), QFileDialog)
    assert Questions().open_path(parent, asked) is None


def _input(widget: QWidget) -> QInputDialog:
    assert isinstance(widget, QInputDialog)
    return widget


def test_a_text_is_typed_over_the_one_offered_with_the_label_as_text(qtbot: QtBot) -> None:
    asked = TextInput("end_date", "Protocol beëindigen", "Met <b>X</b> tot?", "2026-11-23")
    seen: list[tuple[str, str, list[str], QLineEdit.EchoMode]] = []

    def type_in(widget: QWidget) -> None:
        dialog = _input(widget)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert all(
            label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel)
        )
        seen.append((dialog.windowTitle(), dialog.textValue(), labels, dialog.textEchoMode()))
        dialog.setTextValue("2026-12-01")
        dialog.accept()

    parent = _parent(qtbot)
    on_next_modal(type_in, QInputDialog)
    assert Questions().enter_text(parent, asked) == "2026-12-01"
    title, offered, labels, echo = seen[0]
    assert (title, offered, echo) == (asked.title, "2026-11-23", QLineEdit.EchoMode.Normal)
    assert asked.label in labels
    on_next_modal(lambda dialog: _input(dialog).reject(), QInputDialog)
    assert Questions().enter_text(parent, asked) is None


def test_a_secret_is_never_shown_and_its_dialog_does_not_outlive_the_answer(
    qtbot: QtBot,
) -> None:
    asked = TextInput("key_password", "Ondertekenen", "Wachtwoord:", secret=True)
    echo: list[QLineEdit.EchoMode] = []

    def type_in(widget: QWidget) -> None:
        dialog = _input(widget)
        echo.append(dialog.textEchoMode())
        dialog.setTextValue("kanarie-7Q2")
        dialog.accept()

    parent = _parent(qtbot)
    on_next_modal(type_in, QInputDialog)
    assert Questions().enter_text(parent, asked) == "kanarie-7Q2"
    assert echo == [QLineEdit.EchoMode.Password]
    qtbot.waitUntil(lambda: not parent.findChildren(QInputDialog))


def test_open_files_starts_in_the_folder_and_answers_every_file_chosen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    for name in ("a.json", "b.json", "notities.txt"):
        (tmp_path / name).write_text("{}")
    wanted = "Evaluatiebestanden (*.json)"
    asked = OpenFiles("team_files", "Evaluatiebestanden kiezen", tmp_path, wanted)
    seen: list[tuple[str, str, list[str], QFileDialog.FileMode]] = []

    def choose(widget: QWidget) -> None:
        dialog = _file_dialog(widget)
        # Qt writes / on Windows too: compared as this platform's paths.
        folder = str(Path(dialog.directory().absolutePath()))
        seen.append((dialog.windowTitle(), folder, dialog.nameFilters(), dialog.fileMode()))
        dialog.selectFile('"a.json" "b.json"')
        dialog.accept()

    parent = _parent(qtbot)
    on_next_modal(choose, QFileDialog)
    chosen = Questions().open_files(parent, asked)
    assert sorted(chosen) == [tmp_path / "a.json", tmp_path / "b.json"]
    assert seen == [(asked.title, str(tmp_path), [wanted], QFileDialog.FileMode.ExistingFiles)]
    on_next_modal(lambda dialog: _file_dialog(dialog).reject(), QFileDialog)
    assert Questions().open_files(parent, asked) == []


def test_a_folder_path_offers_folders_only_and_answers_the_one_chosen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    drop = tmp_path / "gedeelde-map"
    drop.mkdir()
    asked = FolderPath("team_folder", "Map met evaluatiebestanden kiezen", tmp_path)
    seen: list[tuple[str, str, QFileDialog.FileMode, bool]] = []

    def choose(widget: QWidget) -> None:
        dialog = _file_dialog(widget)
        # Qt writes / on Windows too: compared as this platform's paths.
        folder = str(Path(dialog.directory().absolutePath()))
        dirs_only = dialog.testOption(QFileDialog.Option.ShowDirsOnly)
        seen.append((dialog.windowTitle(), folder, dialog.fileMode(), dirs_only))
        dialog.selectFile(str(drop))
        dialog.accept()

    parent = _parent(qtbot)
    on_next_modal(choose, QFileDialog)
    assert Questions().folder_path(parent, asked) == drop
    assert seen == [(asked.title, str(tmp_path), QFileDialog.FileMode.Directory, True)]
    on_next_modal(lambda dialog: _file_dialog(dialog).reject(), QFileDialog)
    assert Questions().folder_path(parent, asked) is None
