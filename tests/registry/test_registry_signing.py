"""Signing the registry on save: the editor and ``registry sign`` write the same .minisig,
and the stock ``minisign -V`` accepts it. The key's password is asked each time, never kept."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from referral_desk.registry import minisign
from referral_desk.registry.signing import sign_registry, unlock_and_sign
from referral_desk.storage.settings import SettingsStore
from referral_desk.ui.registry_editor import RegistryEditor
from tests.minisign_check import minisign_verifies
from tests.platforms import posix_only
from tests.registry.test_minisign import STOCK_MINISIGN, WITHOUT_THE_TOOL, make_keys, run_minisign
from tests.ui.test_registry_editor import BUNDLED, TABLE, TODAY, _saving_to, _set
from tests.ui_driver import answering, child, open_main_window

NOW = 1_795_000_000.0
CANARY = "kanarie-Wachtwoord-7Q2"


def _changed_editor(
    qtbot: QtBot, tmp_path: Path, settings: SettingsStore | None = None
) -> RegistryEditor:
    source = tmp_path / "partners.toml"
    shutil.copyfile(BUNDLED, source)
    editor = RegistryEditor(TABLE, source, lambda: TODAY, settings=settings, clock=lambda: NOW)
    qtbot.addWidget(editor)
    answering(editor, unsaved="discard")
    editor.show()
    editor.partner_table.selectRow(1)
    _set(qtbot, editor, "partnerMailbox", "sociaal@wervik.be")
    _set(qtbot, editor, "registryVersion", "2026.2")
    _set(qtbot, editor, "registryChangedBy", "Coördinator Menen")
    return editor


def _choose_key(editor: RegistryEditor, key: Path) -> None:
    answering(editor, unsaved="discard", signing_key=key.with_suffix(".key"))
    button = child(editor, QPushButton, "chooseSigningKey")
    assert isinstance(button, QPushButton)
    button.click()


def _save_and_wait(qtbot: QtBot, editor: RegistryEditor) -> bool:
    started = editor.save_as()
    qtbot.waitUntil(lambda: not editor.signing_runner.busy, timeout=20_000)
    return started


def _minisign_accepts(file: Path, key: Path) -> bool:
    if WITHOUT_THE_TOOL:
        return minisign_verifies(file, key.with_suffix(".pub"))
    result = run_minisign("-V", "-p", str(key.with_suffix(".pub")), "-m", str(file))
    return result.returncode == 0 and "Signature and comment signature verified" in result.stdout


def test_sign_registry_is_checked_by_minisign_and_by_the_app(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    data = BUNDLED.read_bytes()
    secret = minisign.read_secret_key(key.with_suffix(".key").read_text("utf-8"), None)
    made = sign_registry(data, "partners.toml", secret, now=NOW)
    parsed = minisign.Signature.parse(made.text)
    assert parsed.trusted_comment == f"timestamp:{int(NOW)}\tfile:partners.toml\thashed"
    assert made.key_id_text == secret.public_key.key_id_text
    minisign.verify(data, parsed, secret.public_key)
    file = tmp_path / "partners.toml"
    file.write_bytes(data)
    (tmp_path / "partners.toml.minisig").write_text(made.text, "utf-8")
    assert _minisign_accepts(file, key)


def test_unlock_and_sign_refuses_a_wrong_password(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys", password="juist")
    text = key.with_suffix(".key").read_text("utf-8")
    with pytest.raises(minisign.WrongPassword):
        unlock_and_sign(b"x", "partners.toml", text, "fout", now=NOW)


def test_the_editor_signs_what_it_saves_with_an_unencrypted_key(
    qtbot: QtBot, tmp_path: Path
) -> None:
    key = make_keys(tmp_path / "keys")
    store = SettingsStore(tmp_path / "settings.json")
    editor = _changed_editor(qtbot, tmp_path, store)
    _choose_key(editor, key)
    label = child(editor, QLabel, "signingKey")
    assert isinstance(label, QLabel) and label.text() == str(key.with_suffix(".key"))
    assert store.load().signing_key_path == str(key.with_suffix(".key"))
    summaries: list[str] = []
    target = tmp_path / "out" / "partners.toml"
    target.parent.mkdir()
    # No answer for a password: asking for one fails the test.
    answers = _saving_to(editor, target, summaries)
    saved: list[Path] = []
    editor.saved.connect(lambda path: saved.append(path))
    assert _save_and_wait(qtbot, editor)
    assert answers.typed == [], "an unencrypted key needs no password"
    assert saved == [target] and not editor.is_modified()
    assert not [s for s in summaries if s.startswith("PROBLEM")]
    assert target.read_text("utf-8") == editor.editing.editable.to_text()
    assert _minisign_accepts(target, key)
    # Remembered: the next editor signs with the same key without asking which.
    again = RegistryEditor(TABLE, target, lambda: TODAY, settings=store)
    qtbot.addWidget(again)
    assert again.signing_key_path == key.with_suffix(".key")


def test_an_encrypted_key_asks_its_password_which_is_never_kept(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key = make_keys(tmp_path / "keys", password=CANARY)
    window = open_main_window(qtbot)
    editor = window.open_registry_editor()
    answering(editor, unsaved="discard")
    source = tmp_path / "partners.toml"
    shutil.copyfile(BUNDLED, source)
    assert editor.open_file(source)
    editor.partner_table.selectRow(1)
    _set(qtbot, editor, "partnerMailbox", "sociaal@wervik.be")
    _set(qtbot, editor, "registryVersion", "2026.2")
    _set(qtbot, editor, "registryChangedBy", "Coördinator Menen")
    _choose_key(editor, key)
    summaries: list[str] = []
    target = tmp_path / "out" / "partners.toml"
    target.parent.mkdir()
    answers = _saving_to(editor, target, summaries).answer(key_password=CANARY)
    assert _save_and_wait(qtbot, editor)
    assert answers.about("key_password") == [(str(key.with_suffix(".key")),)]
    assert all(asked.secret for asked in answers.typed)
    assert not [s for s in summaries if s.startswith("PROBLEM")]
    assert _minisign_accepts(target, key)
    settings_file = window.desk.settings.path
    # As JSON writes it: a Windows path's backslashes are escaped.
    remembered = json.dumps(str(key.with_suffix(".key")))
    assert settings_file.is_file() and remembered in settings_file.read_text("utf-8")
    canary = CANARY.encode()
    # Everywhere the test's HOME, AppData (Windows) and the key's folder are.
    leaks = [p for p in tmp_path.rglob("*") if p.is_file() and canary in p.read_bytes()]
    assert leaks == []
    assert CANARY not in caplog.text


def test_a_wrong_password_saves_nothing_and_keeps_the_changes(qtbot: QtBot, tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys", password="juist")
    editor = _changed_editor(qtbot, tmp_path)
    _choose_key(editor, key)
    target = tmp_path / "out" / "partners.toml"
    target.parent.mkdir()
    summaries: list[str] = []
    answers = _saving_to(editor, target, summaries).answer(key_password="fout")
    assert _save_and_wait(qtbot, editor)
    assert not target.exists() and not target.with_name("partners.toml.minisig").exists()
    assert editor.is_modified()
    problem = summaries[-1]
    assert problem.startswith("PROBLEM Niet ondertekend, niet bewaard")
    assert "Verkeerd wachtwoord" in problem and "niets bewaard" in problem
    # Cancelling the question saves nothing either, and starts nothing.
    answers.answer(key_password=None)
    assert not editor.save_as()
    assert not target.exists()
    answers.answer(key_password="juist")
    assert _save_and_wait(qtbot, editor)
    assert len(answers.typed) == 3
    assert _minisign_accepts(target, key)


def test_saving_without_a_key_says_an_old_signature_no_longer_fits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    key = make_keys(tmp_path / "keys")
    editor = _changed_editor(qtbot, tmp_path)
    _choose_key(editor, key)
    child(editor, QPushButton, "forgetSigningKey").click()  # type: ignore[attr-defined]
    assert editor.signing_key_path is None
    target = tmp_path / "partners.toml"  # over the opened file, which was signed before
    if WITHOUT_THE_TOOL:
        secret = minisign.read_secret_key(key.with_suffix(".key").read_text("utf-8"), None)
        signed = sign_registry(target.read_bytes(), target.name, secret, now=NOW)
        target.with_name(target.name + ".minisig").write_text(signed.text, "utf-8")
    else:
        old = run_minisign("-S", "-s", str(key.with_suffix(".key")), "-m", str(target))
        assert old.returncode == 0, old.stderr
    assert _minisign_accepts(target, key)
    summaries: list[str] = []
    _saving_to(editor, target, summaries)
    assert editor.save_as()
    assert summaries[-1].startswith("PROBLEM Bewaard zonder handtekening")
    assert not _minisign_accepts(target, key)


def test_a_file_that_is_no_secret_key_is_not_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    store = SettingsStore(tmp_path / "settings.json")
    editor = _changed_editor(qtbot, tmp_path, store)
    told = answering(editor, unsaved="discard", signing_key=key.with_suffix(".pub")).told
    editor.choose_signing_key()
    assert editor.signing_key_path is None and store.load().signing_key_path is None
    problems = [notice.text for notice in told]
    assert problems and "niet bruikbaar" in problems[0]


def test_the_key_inputs_are_labelled_and_in_the_tab_order(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _changed_editor(qtbot, tmp_path)
    choose = child(editor, QPushButton, "chooseSigningKey")
    forget = child(editor, QPushButton, "forgetSigningKey")
    for button in (choose, forget):
        assert button.accessibleName()
    assert [label for label in editor.findChildren(QLabel) if label.buddy() is choose]

    def next_tab_stop(widget: QWidget) -> QWidget:
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget = widget.nextInFocusChain()
        return widget

    assert next_tab_stop(editor.changed_by_edit) is choose
    assert next_tab_stop(choose) is forget
    assert next_tab_stop(forget) is editor.form.editors["id"]
    shown = child(editor, QLabel, "signingKey")
    assert isinstance(shown, QLabel) and shown.textFormat() == Qt.TextFormat.PlainText


@posix_only(STOCK_MINISIGN)
def test_the_stand_in_check_for_windows_agrees_with_stock_minisign(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    target = tmp_path / "partners.toml"
    shutil.copyfile(BUNDLED, target)
    signed = run_minisign("-S", "-s", str(key.with_suffix(".key")), "-m", str(target))
    assert signed.returncode == 0, signed.stderr
    public = key.with_suffix(".pub")
    assert minisign_verifies(target, public)
    signature = target.with_name("partners.toml.minisig")
    lines = signature.read_text("utf-8").splitlines()
    signature.write_text("\n".join([*lines[:2], lines[2] + "x", *lines[3:]]) + "\n", "utf-8")
    assert not minisign_verifies(target, public)
    assert not _minisign_accepts(target, key)
    signature.write_text("\n".join(lines) + "\n", "utf-8")
    target.write_bytes(target.read_bytes() + b"\n")
    assert not minisign_verifies(target, public)
    assert not _minisign_accepts(target, key)
