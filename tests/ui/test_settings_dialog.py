"""Instellingen → E-mail: adapter choice, the test draft, retention and emptying the outbox."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from referral_desk.delivery.detection import MailDetection, build_opener_chain
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import (
    AllOpenersFailed,
    DraftResult,
    MailOpener,
    MailOpenError,
)
from referral_desk.domain.referral import ReferrerProfile
from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.mail_check import (
    CHECK_ATTACHMENT_NAME,
    CHECK_ATTACHMENT_TEXT,
    CHECK_SUBJECT,
    check_folder_name,
    open_check_draft,
)
from referral_desk.lifecycle.mail_setup import MailSetup
from referral_desk.lifecycle.preferences import Preferences
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.settings import SettingsError, SettingsStore
from referral_desk.ui.settings_dialog import SettingsDialog
from tests.file_privacy import assert_private
from tests.ui_driver import answering

PROFILE = ReferrerProfile(
    name="Sofie Maes",
    team="Kind en Gezin West-Limburg",
    phone="011 34 56 78",
    email="sofie.maes@kindengezin.be",
)
DETECTION = MailDetection(
    platform="linux",
    default_client="Thunderbird",
    usable=("thunderbird", "eml-default-app"),
    unusable={"xdg-email": "xdg-email (pakket xdg-utils) is niet geïnstalleerd"},
)
NOW = datetime(2026, 3, 20, 9, 30, 5, tzinfo=UTC)


class RecordingTestDrafts:
    def __init__(self, outcome: DraftResult | Exception) -> None:
        self.outcome = outcome
        self.calls: list[str] = []

    def __call__(self, adapter: str) -> DraftResult:
        self.calls.append(adapter)
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


OPENED = DraftResult(opener="thunderbird", eml_path=None, opened=True)


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "config" / "settings.json")


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "data" / "outbox")


def mail_setup(
    settings: Settings, outbox: Outbox, drafts: Callable[[str], DraftResult]
) -> MailSetup:
    """The mail page's core as the window builds it, with *drafts* for the test draft."""
    recipient = settings.referrer.email if settings.referrer is not None else None
    return MailSetup(DETECTION, outbox, drafts, recipient)


def make_dialog(
    qtbot: QtBot,
    store: SettingsStore,
    outbox: Outbox,
    settings: Settings | None = None,
    drafts: RecordingTestDrafts | None = None,
) -> SettingsDialog:
    settings = settings if settings is not None else Settings(referrer=PROFILE)
    dialog = SettingsDialog(
        settings,
        Preferences(store),
        mail_setup(settings, outbox, drafts if drafts is not None else RecordingTestDrafts(OPENED)),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def combo(dialog: SettingsDialog) -> QComboBox:
    found = dialog.findChild(QComboBox, "mailAdapterCombo")
    assert isinstance(found, QComboBox)
    return found


def click(qtbot: QtBot, dialog: SettingsDialog, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def label(dialog: SettingsDialog, name: str) -> str:
    found = dialog.findChild(QLabel, name)
    assert isinstance(found, QLabel)
    return found.text()


def test_adapter_list_shows_detection_and_current_choice(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox
) -> None:
    dialog = make_dialog(qtbot, store, outbox, Settings(referrer=PROFILE, mail_adapter="xdg-email"))
    box = combo(dialog)
    items = [(box.itemText(i), box.itemData(i)) for i in range(box.count())]
    assert items == [
        ("Automatisch (Thunderbird)", "auto"),
        ("Thunderbird", "thunderbird"),
        (
            "Standaard e-mailprogramma van het bureaublad (xdg-email) – niet beschikbaar: "
            "xdg-email (pakket xdg-utils) is niet geïnstalleerd",
            "xdg-email",
        ),
        ("E-mailconcept (.eml) openen met het standaardprogramma", "eml-default-app"),
    ]
    assert box.currentData() == "xdg-email"
    assert label(dialog, "mailOrderLabel").startswith("Standaard e-mailprogramma van het")
    box.setCurrentIndex(0)
    assert label(dialog, "mailOrderLabel") == (
        "Thunderbird → E-mailconcept (.eml) openen met het standaardprogramma"
    )


def test_unknown_saved_adapter_shows_automatic(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox
) -> None:
    dialog = make_dialog(qtbot, store, outbox, Settings(referrer=PROFILE, mail_adapter="mapi"))
    assert combo(dialog).currentData() == "auto"


def test_test_button_uses_the_selected_unsaved_choice(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox
) -> None:
    drafts = RecordingTestDrafts(OPENED)
    dialog = make_dialog(qtbot, store, outbox, drafts=drafts)
    combo(dialog).setCurrentIndex(combo(dialog).findData("eml-default-app"))
    click(qtbot, dialog, "mailTestButton")
    qtbot.waitUntil(lambda: not dialog.test_run.busy)
    assert drafts.calls == ["eml-default-app"]
    text = label(dialog, "mailTestResult")
    assert "Testconcept geopend met Thunderbird" in text
    assert CHECK_ATTACHMENT_NAME in text
    assert not store.path.exists()  # testing saves nothing


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            AllOpenersFailed(
                [("thunderbird", "Thunderbird is niet geïnstalleerd"), ("eml-default-app", "x")]
            ),
            "Geen enkel e-mailprogramma kon het testconcept openen (Thunderbird: Thunderbird is "
            "niet geïnstalleerd; E-mailconcept (.eml) openen met het standaardprogramma: x).",
        ),
        (MailOpenError("kapot"), "kapot"),
        (ValueError("adres"), "Het e-mailadres in uw profiel is geen geldig adres."),
    ],
)
def test_test_failures_are_shown(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox, error: Exception, expected: str
) -> None:
    dialog = make_dialog(qtbot, store, outbox, drafts=RecordingTestDrafts(error))
    click(qtbot, dialog, "mailTestButton")
    qtbot.waitUntil(lambda: not dialog.test_run.busy)
    assert label(dialog, "mailTestResult") == expected


def test_test_button_needs_a_profile(qtbot: QtBot, store: SettingsStore, outbox: Outbox) -> None:
    drafts = RecordingTestDrafts(OPENED)
    dialog = make_dialog(qtbot, store, outbox, Settings(), drafts)
    button = dialog.findChild(QPushButton, "mailTestButton")
    assert isinstance(button, QPushButton)
    assert not button.isEnabled()
    assert "profiel" in button.toolTip()


def test_save_writes_the_store_and_emits(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox
) -> None:
    settings = Settings(referrer=PROFILE, last_mailboxes={"ocmw-menen": "a@b.be"})
    store.save(settings)
    dialog = make_dialog(qtbot, store, outbox, settings)
    spin = dialog.findChild(QSpinBox, "outboxRetentionDays")
    assert isinstance(spin, QSpinBox)
    assert spin.value() == 14
    spin.setValue(30)
    combo(dialog).setCurrentIndex(combo(dialog).findData("thunderbird"))
    with qtbot.waitSignal(dialog.saved, timeout=1000) as signal:
        click(qtbot, dialog, "settingsSaveButton")
    [saved] = signal.args
    assert isinstance(saved, Settings)
    assert saved.mail_adapter == "thunderbird"
    assert saved.outbox_retention_days == 30
    assert saved.referrer == PROFILE and saved.last_mailboxes == settings.last_mailboxes
    assert store.load() == saved
    assert not dialog.isVisible()


def test_retention_is_clamped_to_the_spinbox(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox
) -> None:
    dialog = make_dialog(qtbot, store, outbox, Settings(outbox_retention_days=0))
    spin = dialog.findChild(QSpinBox, "outboxRetentionDays")
    assert isinstance(spin, QSpinBox) and spin.value() == 1


def test_a_failed_save_keeps_the_dialog_open(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox
) -> None:
    class BrokenStore(SettingsStore):
        def save(self, settings: Settings) -> None:
            raise SettingsError("schijf vol")

    dialog = make_dialog(qtbot, BrokenStore(store.path), outbox)
    answers = answering(dialog)
    emitted: list[object] = []
    dialog.saved.connect(emitted.append)
    click(qtbot, dialog, "settingsSaveButton")
    assert [notice.text for notice in answers.told] == ["schijf vol"]
    assert answers.told[0].key == "settings_not_saved" and answers.told[0].warning
    assert emitted == [] and dialog.isVisible()


def test_a_failed_save_is_said_in_the_windows_language(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox, qapp: QApplication, compiled_catalogs: None
) -> None:
    from referral_desk.storage.settings import NOT_SAVED
    from referral_desk.ui.language import install_translators

    class BrokenStore(SettingsStore):
        def save(self, settings: Settings) -> None:
            raise SettingsError(NOT_SAVED(folder="C:\\instellingen", reason="schijf vol"))

    installed = install_translators(qapp, "en")
    try:
        dialog = make_dialog(qtbot, BrokenStore(store.path), outbox)
        answers = answering(dialog)
        click(qtbot, dialog, "settingsSaveButton")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    [told] = answers.told
    assert told.text.startswith("The settings could not be saved in C:\\instellingen")
    assert "konden niet" not in told.text


def test_empty_outbox_asks_first(qtbot: QtBot, store: SettingsStore, outbox: Outbox) -> None:
    outbox.save_archive("KG-2026-AAAAAA", b"ciphertext")
    outbox.save_archive("KG-2026-CCCCCC", b"ciphertext")
    dialog = make_dialog(qtbot, store, outbox)
    answers = answering(dialog, empty_outbox=[False, True])
    click(qtbot, dialog, "emptyOutboxButton")
    assert len(list(outbox.root.iterdir())) == 2
    assert label(dialog, "outboxStatus") == ""
    click(qtbot, dialog, "emptyOutboxButton")
    assert list(outbox.root.iterdir()) == []
    assert label(dialog, "outboxStatus") == "De outbox is leeggemaakt (2 onderdelen verwijderd)."
    assert len(answers.questions) == 2


def test_empty_outbox_refusal_is_shown(
    qtbot: QtBot, store: SettingsStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.folder_links import folder_link  # a symbolic link; on Windows a junction

    real = tmp_path / "elders"
    real.mkdir()
    (real / "KG-2026-ACDEFG").mkdir()
    link = folder_link(monkeypatch, tmp_path / "outbox-link", real)
    dialog = make_dialog(qtbot, store, Outbox(link))
    answering(dialog, empty_outbox=True)
    click(qtbot, dialog, "emptyOutboxButton")
    assert "geen gewone map" in label(dialog, "outboxStatus")
    assert (link / "KG-2026-ACDEFG").is_dir()


# --- the test draft itself (Qt-free) --------------------------------------------------------------


class RecordingChain:
    def __init__(self) -> None:
        self.adapters: list[str] = []
        self.drafts: list[tuple[DraftMessage, Path]] = []

    def __call__(self, adapter: str, environ: Mapping[str, str]) -> MailOpener:
        self.adapters.append(adapter)
        return self

    name = "recording"
    label = "opname"

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        self.drafts.append((draft, workdir))
        return OPENED


def test_check_draft_goes_to_the_own_address_with_a_harmless_file(outbox: Outbox) -> None:
    chain = RecordingChain()
    result = open_check_draft(
        "thunderbird", outbox=outbox, recipient=PROFILE.email, now=NOW, chain=chain
    )
    assert result == OPENED
    assert chain.adapters == ["thunderbird"]
    [(draft, folder)] = chain.drafts
    assert folder == outbox.root / "test-20260320-093005" == outbox.root / check_folder_name(NOW)
    assert draft.to == PROFILE.email
    assert draft.subject == CHECK_SUBJECT
    assert draft.attachment == folder / CHECK_ATTACHMENT_NAME
    assert draft.attachment.read_text(encoding="utf-8") == CHECK_ATTACHMENT_TEXT
    assert_private(draft.attachment)


def test_check_draft_refuses_a_bad_address_before_writing(outbox: Outbox) -> None:
    with pytest.raises(ValueError):
        open_check_draft("auto", outbox=outbox, recipient="a@b.be, c@d.be", now=NOW)
    assert not outbox.root.exists()


def test_check_draft_through_the_headless_chain_and_the_dialog(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox
) -> None:
    # conftest sets REFERRAL_DESK_MAIL=eml: the real chain saves the draft and opens nothing.
    assert os.environ["REFERRAL_DESK_MAIL"] == "eml"

    def open_test_draft(adapter: str) -> DraftResult:
        return open_check_draft(
            adapter, outbox=outbox, recipient=PROFILE.email, now=NOW, chain=build_opener_chain
        )

    settings = Settings(referrer=PROFILE)
    dialog = SettingsDialog(
        settings, Preferences(store), mail_setup(settings, outbox, open_test_draft)
    )
    qtbot.addWidget(dialog)
    click(qtbot, dialog, "mailTestButton")
    qtbot.waitUntil(lambda: not dialog.test_run.busy)
    folder = outbox.root / "test-20260320-093005"
    assert sorted(p.name for p in folder.iterdir()) == [
        "test-referral-desk.eml",
        "test-referral-desk.txt",
    ]
    assert "alleen bewaard" in label(dialog, "mailTestResult")


def test_an_unexpected_test_failure_shows_the_failure_dialog(
    qtbot: QtBot, store: SettingsStore, outbox: Outbox
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    dialog = make_dialog(qtbot, store, outbox, drafts=RecordingTestDrafts(RuntimeError("kapot")))
    click(qtbot, dialog, "mailTestButton")
    qtbot.waitUntil(lambda: not dialog.test_run.busy)
    assert "niet gemaakt" in label(dialog, "mailTestResult")
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "failureDialog"]
    assert boxes and isinstance(boxes[0], QMessageBox) and boxes[0].isVisible()
    assert "niets verstuurd" in boxes[0].informativeText()
    boxes[0].close()
    assert dialog.findChild(QPushButton, "mailTestButton").isEnabled()
