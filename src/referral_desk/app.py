"""Wires the real services into the window; the only place that knows them all.

The app starts in two phases (:func:`main`): the window, laid out in the language and at
the size a glance at the settings file gives, is shown at once and takes input; the core
(every service, the settings read in full, the partner registry, the referral log) loads
off the GUI thread (:func:`open_session`) and is then attached to it. This module imports
none of the core at load: the first phase must not wait for pydantic and the models.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import MutableMapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from referral_desk.i18n import choose_language
from referral_desk.storage.app_log import configure_logging
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.settings_glance import glance_at_settings

# isort: split
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from referral_desk.ui.language import install_translators, system_ui_languages
from referral_desk.ui.main_window import MainWindow
from referral_desk.ui.text_style import install_unclipped_text
from referral_desk.ui.window_placement import place_on_screen

if TYPE_CHECKING:
    from referral_desk.domain.errors import Message
    from referral_desk.domain.window_geometry import Sized
    from referral_desk.lifecycle.desk import RegistryState
    from referral_desk.lifecycle.retention import RetentionPolicy
    from referral_desk.lifecycle.session import ReferralSession
    from referral_desk.storage.referral_log import ReferralLog
    from referral_desk.storage.settings import SettingsStore


def local_now() -> datetime:
    """Aware local time without needing the tzdata package on Windows."""
    return datetime.now().astimezone()


def retention_policy(store: SettingsStore) -> RetentionPolicy:
    from pydantic import ValidationError

    from referral_desk.domain.settings import Settings
    from referral_desk.lifecycle.retention import RetentionPolicy
    from referral_desk.storage.settings import SettingsError

    try:
        settings = store.load()
    except SettingsError:
        settings = Settings()
    try:
        return RetentionPolicy(
            referral_log_months=settings.referral_log_retention_months,
            password_days=settings.recall_days,
            outbox_days=settings.outbox_retention_days,
        )
    except ValidationError:
        return RetentionPolicy()


def open_referral_log(paths: AppPaths) -> tuple[ReferralLog | None, Message | None]:
    from referral_desk.storage.referral_log import ReferralLog, ReferralLogError

    try:
        return ReferralLog.open(paths.referral_log_file), None
    except ReferralLogError as error:
        return None, error.said


def read_active_registry(paths: AppPaths) -> RegistryState:
    """The registry the window works with, as :mod:`referral_desk.lifecycle.desk` reads it."""
    from referral_desk.lifecycle.desk import read_active_registry as read

    return read(paths)


def open_session(paths: AppPaths | None = None) -> ReferralSession:
    """Every service wired into a Desk, and the session the window shows, with the settings
    and the registry read. Runs on any thread (the start runs it off the GUI thread) and
    touches no Qt. Retention is left to the window (``window.housekeeping_pending``)."""
    from referral_desk.delivery.detection import ConfiguredOpenerChain
    from referral_desk.lifecycle.desk import Desk
    from referral_desk.lifecycle.retention import apply_retention
    from referral_desk.lifecycle.session import ReferralSession
    from referral_desk.storage.outbox import Outbox
    from referral_desk.storage.password_vault import PasswordVault
    from referral_desk.storage.referral_log import ReferralLogError
    from referral_desk.storage.settings import SettingsError, SettingsStore, move_last_mailboxes

    paths = paths or AppPaths.from_platform()
    configure_logging(paths.log_dir)
    store = SettingsStore(paths.settings_file)
    outbox = Outbox(paths.outbox_dir)
    referral_log, referral_log_problem = open_referral_log(paths)
    vault = PasswordVault(clock=local_now)

    def housekeeping() -> Message | None:
        """Old archives, referral log entries and keyring entries go once the window is up,
        off the GUI thread; a store that refuses is logged and never keeps the app from
        working. Returns the wrong-clock notice for the window."""
        report = apply_retention(local_now(), retention_policy(store), referral_log, vault, outbox)
        for problem in report.problems:
            logging.getLogger(__name__).warning("retention: %s", problem[:200])
        return report.clock_notice

    def mail_adapter_setting() -> str:
        try:
            return store.load().mail_adapter
        except SettingsError:
            return "auto"

    session = ReferralSession(
        Desk(
            clock=local_now,
            outbox=outbox,
            mail=ConfiguredOpenerChain(mail_adapter_setting),
            fonts_dir=paths.fonts_dir,
            settings=store,
            referral_log=referral_log,
            referral_log_problem=referral_log_problem,
            vault=vault,
            memory=referral_log,
            registry=lambda: read_active_registry(paths),
            paths=paths,
            housekeeping=housekeeping,
        )
    )
    # The registry the session read: reading it again here would cost the start-up as much.
    registry = session.registry_state
    if referral_log is not None and registry.loaded is not None:
        try:
            move_last_mailboxes(store, referral_log, registry.loaded.registry)
        except (SettingsError, ReferralLogError) as error:  # tried again at the next start
            log_name = type(error).__name__
            logging.getLogger(__name__).warning("last mailboxes not moved: %s", log_name)
    return session


def create_main_window(paths: AppPaths | None = None) -> MainWindow:
    """The fully wired window, not yet shown, in one go (tests, the screenshot script); the
    caller owns the QApplication. Retention starts in the background once the event loop
    runs (``window.housekeeping_pending``)."""
    session = open_session(paths)
    window = MainWindow(None, today=session.desk.today())
    window.attach(session)
    if window.profile is None:
        window.edit_profile()
    return window


def show_main_window(window: MainWindow, remembered: Sized | None = None) -> None:
    """Shows the window at the size it was left at (*remembered*; else the attached
    session's, else a comfortable default), shrunk to the screen it opens on."""
    window.show()
    if remembered is None and window.attached:
        remembered = window.session.settings.main_window_size
    place_on_screen(window, remembered)


def install_language(app: QApplication, paths: AppPaths) -> str:
    """Our catalog and Qt's own for the language setting (or REFERRAL_DESK_LANG), before any
    window is built: texts are translated when a widget is made, so a change needs a restart."""
    setting = glance_at_settings(paths.settings_file).language
    language = choose_language(setting, system_ui_languages(), os.environ)
    install_translators(app, language)
    return language


def prepare_application(app: QApplication, paths: AppPaths) -> str:
    """Language and text drawing, before any window is built; returns the language."""
    install_unclipped_text(app)
    return install_language(app, paths)


def save_screenshot_and_quit(app: QApplication, window: MainWindow, target: Path) -> None:
    """For IT checking a deployment: the main window as it shows once the core is attached
    (an empty form, no client data, the registry's state) saved as a PNG, then the app ends;
    exit code 1 when it could not be saved or the core did not load."""

    def grab() -> None:
        saved = window.grab().save(str(target), "PNG")
        # The warm-up still loading in the pool must not be cut off by the exit.
        QThreadPool.globalInstance().waitForDone()
        app.exit(0 if saved else 1)

    if window.attached:
        QTimer.singleShot(0, grab)
    else:
        window.coreAttached.connect(lambda: QTimer.singleShot(0, grab))
        window.coreFailed.connect(lambda: app.exit(1))


def use_bundled_fonts_offscreen(paths: AppPaths, environ: MutableMapping[str, str]) -> None:
    """Qt's offscreen platform on Windows (a check without a screen: ``--screenshot`` on a
    build server, the tests) reads fonts from a folder, not from Windows, and finds none: every
    letter would be a box. It gets the bundled DejaVu; the ``windows`` platform ignores this."""
    if sys.platform == "win32" and "QT_QPA_FONTDIR" not in environ:
        environ["QT_QPA_FONTDIR"] = str(paths.fonts_dir)


def main(argv: list[str] | None = None, *, screenshot: Path | None = None) -> int:
    use_bundled_fonts_offscreen(AppPaths.from_platform(), os.environ)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    from referral_desk.ui.failure_dialog import install_failure_hooks
    from referral_desk.ui.gui_collector import install_gui_thread_collector

    # Before the pool or the warm-up can allocate: garbage is collected on this thread only.
    install_gui_thread_collector(app)

    # Before anything can fail: the failure dialog points the helpdesk at this file.
    configure_logging(AppPaths.from_platform().log_dir)
    install_failure_hooks(app)
    app.setApplicationName("referral-desk")
    app.setOrganizationName("Opgroeien")
    paths = AppPaths.from_platform()
    prepare_application(app, paths)
    # The first phase: the form, shown and taking input before the core has loaded.
    window = MainWindow(None, today=local_now().date())
    show_main_window(window, glance_at_settings(paths.settings_file).window_size)
    window.coreAttached.connect(lambda: core_attached(window, paths.fonts_dir))
    if screenshot is not None:
        save_screenshot_and_quit(app, window, screenshot)
    # The second: the core, off the GUI thread, attached when it is there; started after
    # what the show posted (the first paint), which would otherwise wait for the loading.
    QTimer.singleShot(0, lambda: window.load_core(lambda: open_session(paths)))
    return int(app.exec())


def core_attached(window: MainWindow, fonts_dir: Path) -> None:
    """A first start asks for the referrer profile; then the first referral's libraries
    load while the user types."""
    if window.profile is None:
        window.edit_profile()
        if window.profile_dialog is not None:
            window.profile_dialog.raise_()
    warm_up_in_background(fonts_dir)


def warm_up_in_background(fonts_dir: Path) -> threading.Thread:
    """The first referral's imports and font parsing, done while the user types."""

    def work() -> None:
        try:
            from referral_desk.sealing.warm_up import warm_up

            warm_up(fonts_dir)
        except Exception as error:  # the first referral then loads it all itself
            logging.getLogger(__name__).warning("warm-up skipped: %s", type(error).__name__)

    thread = threading.Thread(target=work, name="warm-up", daemon=True)
    thread.start()
    return thread


__all__ = ["create_main_window", "main", "open_session"]
