"""Screenshots for the README, taken from a real X display (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1280x860x24" python3 scripts/take_screenshots.py docs/screenshots

Uses a throw-away HOME and keyring, a sample client (not a real person) and the eml-only
mailer, so nothing leaves the machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import ClassVar


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="rd-shot-"))
    for var, sub in {
        "HOME": "",
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_STATE_HOME": ".local/state",
        "XDG_CACHE_HOME": ".cache",
    }.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(home / sub)
    os.environ["REFERRAL_DESK_MAIL"] = "eml"

    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from referral_desk.app import create_main_window, prepare_application, show_main_window
    from referral_desk.storage.paths import AppPaths

    class ThrowAwayKeyring(KeyringBackend):
        """Screenshots must not leave a sample password in the real keyring."""

        priority = 1  # type: ignore[assignment]
        entries: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.entries.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.entries[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.entries.pop((service, username), None)

    class AlwaysYes:
        """Answers the window's questions: the sample data may go when the script quits."""

        def ask(self, _parent: object, _question: object) -> bool:
            return True

    keyring.set_keyring(ThrowAwayKeyring())
    app = QApplication(sys.argv[:1])
    prepare_application(app, AppPaths.from_platform())
    window = create_main_window()
    show_main_window(window)

    def grab(name: str, widget: QWidget | None = None) -> None:
        app.processEvents()
        screen = app.primaryScreen()
        target = widget or window
        pixmap = screen.grabWindow(
            0,
            target.x(),
            target.y(),
            target.frameGeometry().width(),
            target.frameGeometry().height(),
        )
        pixmap.save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    def fit(widget: QWidget, width: int, height: int) -> None:
        """The size a user would see: what the window asks for, within the free screen."""
        free = app.primaryScreen().availableGeometry()
        widget.resize(min(width, free.width()), min(height, free.height()))
        widget.move(free.topLeft())

    def step_profile() -> None:
        dialog = window.profile_dialog
        assert dialog is not None
        dialog.name.setText("Sofie Maes")
        dialog.team.setCurrentText("Kind en Gezin West-Limburg")
        dialog.phone.setText("011 34 56 78")
        dialog.email.setText("sofie.maes@kindengezin.be")
        grab("profile-dialog", dialog)
        dialog.try_save()
        QTimer.singleShot(300, step_form)

    def step_form() -> None:
        values = {
            "first_name": "Ayşe",
            "last_name": "Van den Bossche",
            "street": "Kerkstraat",
            "house_number": "12",
            "postcode": "3970",
            "phone": "0470 12 34 56",
            "email": "ayse@voorbeeld",
        }
        for name, text in values.items():
            window.form.edits[name].setText(text)
            window.form.edits[name].editingFinished.emit()
        window.informed.setChecked(True)
        grab("form-errors")
        window.form.edits["email"].setText("ayse@voorbeeld.be")
        window.form.edits["email"].editingFinished.emit()
        window.consent.setChecked(True)
        window.consent_panel.today_button.click()
        window.consent_panel.sheet_given.setCurrentIndex(1)
        window.start_creation()
        QTimer.singleShot(300, when_created)

    def when_created() -> None:
        # Creation runs off the GUI thread: wait for its result before the screenshot.
        if window.creation.busy:
            QTimer.singleShot(100, when_created)
        else:
            step_done()

    def step_done() -> None:
        grab("main-window")
        window.questions = AlwaysYes()
        editor = window.open_registry_editor()
        fit(editor, 1180, 780)
        editor.partner_table.selectRow(1)
        QTimer.singleShot(300, lambda: step_editor(editor))

    def step_editor(editor: QWidget) -> None:
        grab("registry-editor", editor)
        editor.close()
        window.confirm_sent()
        referral_log = window.open_referral_log_window()
        fit(referral_log, 1180, 560)
        referral_log.move(0, 0)
        referral_log.table.selectRow(0)
        referral_log.buttons["recall"].click()
        dialog = referral_log.recall_dialog
        assert dialog is not None
        dialog.panel.spell_button.setChecked(True)
        dialog.move(300, 200)
        QTimer.singleShot(300, lambda: step_referral_log(referral_log, dialog))

    def step_referral_log(referral_log: QWidget, dialog: QWidget) -> None:
        grab("referral-log-window", referral_log)
        grab("recall-dialog", dialog)
        dialog.close()
        evaluation = referral_log.open_evaluation()  # type: ignore[attr-defined]
        fit(evaluation, 1000, 640)
        evaluation.move(0, 0)
        QTimer.singleShot(300, lambda: step_evaluation(evaluation, referral_log))

    def step_evaluation(evaluation: QWidget, referral_log: QWidget) -> None:
        grab("evaluation", evaluation)
        evaluation.close()
        listed = referral_log.open_open_actions()  # type: ignore[attr-defined]
        fit(listed, 1000, 420)
        listed.move(0, 0)
        listed.table.selectRow(0)  # type: ignore[attr-defined]
        QTimer.singleShot(300, lambda: step_open_actions(listed))

    def step_open_actions(listed: QWidget) -> None:
        grab("open-actions", listed)
        app.quit()

    QTimer.singleShot(500, step_profile)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
