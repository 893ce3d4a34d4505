"""The main window's menus and the tools they open: profile, settings, sent referrals,
the registry editor, about; and the banner that says what state the registry is in.

Texts are in the MainWindow context of the catalog, as the window they belong to.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from referral_desk import __version__
from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.errors import UserFacingError
from referral_desk.ui.core_messages import worded
from referral_desk.ui.questions import Answers, Notice
from referral_desk.ui.window_placement import place_on_screen

if TYPE_CHECKING:
    from referral_desk.domain.referral import ReferrerProfile
    from referral_desk.lifecycle.desk import Desk
    from referral_desk.lifecycle.session import ReferralSession

    # The tools behind menus load when first opened: they would add to every start.
    from referral_desk.ui.profile_dialog import ProfileDialog
    from referral_desk.ui.referral_log_window import ReferralLogWindow
    from referral_desk.ui.registry_editor import RegistryEditor
    from referral_desk.ui.settings_dialog import SettingsDialog

_RED_BANNER = "background: #fdecea; color: #611a15; padding: 8px; border: 1px solid #f5c2c0;"
_AMBER_BANNER = "background: #fff4e5; color: #663c00; padding: 8px; border: 1px solid #ffd8a8;"


class WindowMenus(QMainWindow if TYPE_CHECKING else object):  # type: ignore[misc]
    """Part of MainWindow: the menu bar and the tools it opens."""

    session: ReferralSession
    desk: Desk
    banner: QLabel
    questions: Answers

    def init_tools(self) -> None:
        self.registry_editor: RegistryEditor | None = None
        self.referral_log_window: ReferralLogWindow | None = None
        self.profile_dialog: ProfileDialog | None = None
        self.settings_dialog: SettingsDialog | None = None

    def build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Bestand"))
        new_action = QAction(
            QCoreApplication.translate("MainWindow", "&Nieuwe doorverwijzing"), self
        )
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.triggered.connect(self.new_referral)
        file_menu.addAction(new_action)
        settings_action = QAction(QCoreApplication.translate("MainWindow", "&Instellingen…"), self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self.edit_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        quit_action = QAction(QCoreApplication.translate("MainWindow", "&Afsluiten"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        profile_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "Pro&fiel"))
        self.profile_action = QAction(
            QCoreApplication.translate("MainWindow", "Aanmelder&profiel bewerken…"), self
        )
        self.profile_action.triggered.connect(self.edit_profile)
        profile_menu.addAction(self.profile_action)
        referrals_menu = self.menuBar().addMenu(
            QCoreApplication.translate("MainWindow", "D&oorverwijzingen")
        )
        sent_action = QAction(
            QCoreApplication.translate("MainWindow", "&Verzonden doorverwijzingen…"), self
        )
        sent_action.setObjectName("openReferralLogWindow")
        sent_action.triggered.connect(self.open_referral_log_window)
        referrals_menu.addAction(sent_action)
        evaluation_action = QAction(
            QCoreApplication.translate("MainWindow", "Jaarlijkse &evaluatie…"), self
        )
        evaluation_action.setObjectName("openEvaluation")
        evaluation_action.triggered.connect(
            lambda: self.open_referral_log_window().open_evaluation()
        )
        referrals_menu.addAction(evaluation_action)
        admin_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "Behee&r"))
        registry_action = QAction(
            QCoreApplication.translate("MainWindow", "&Partnerregister…"), self
        )
        registry_action.setObjectName("openRegistryEditor")
        registry_action.triggered.connect(self.open_registry_editor)
        admin_menu.addAction(registry_action)
        help_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "He&lp"))
        about = QAction(QCoreApplication.translate("MainWindow", "&Over referral-desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        # Each needs the core: disabled while it loads (MainWindow.attach enables them).
        self.core_actions = [
            new_action,
            settings_action,
            self.profile_action,
            sent_action,
            evaluation_action,
            registry_action,
            about,
        ]

    # --- the registry ---------------------------------------------------------------
    def show_registry_state(self) -> None:
        state = self.session.registry_state
        self.banner.setStyleSheet(_RED_BANNER)
        if state.problem is not None:
            # Worded in the window's language; where it is (file:line: field) stays for IT.
            problems = "".join(
                f"<li>{escape(worded(p.said))} <i>({escape(p.where)})</i></li>"
                for p in state.problem.problems[:8]
            )
            more = len(state.problem.problems) - 8
            extra = (
                QCoreApplication.translate("MainWindow", "<li>… en nog {0} problemen</li>").format(
                    more
                )
                if more > 0
                else ""
            )
            self.banner.setText(
                QCoreApplication.translate(
                    "MainWindow",
                    "<b>Het partnerregister is ongeldig; doorverwijzen is niet mogelijk tot het "
                    "hersteld is.</b> Neem contact op met uw coördinator of de IT-dienst en geef "
                    "deze melding door:<ul>{0}{1}</ul>",
                ).format(problems, extra)
            )
            self.banner.setVisible(True)
        elif self.desk.referral_log_problem is not None:
            self.banner.setText(
                QCoreApplication.translate(
                    "MainWindow",
                    "<b>Het logboek van doorverwijzingen werkt niet; doorverwijzen "
                    "wacht tot het hersteld is.</b> {0}",
                ).format(escape(worded(self.desk.referral_log_problem)))
            )
            self.banner.setVisible(True)
        elif self.session.settings_said is not None:
            self.banner.setText(escape(worded(self.session.settings_said)))
            self.banner.setVisible(True)
        elif state.said_notice and state.loaded is not None:
            self.banner.setStyleSheet(_AMBER_BANNER)
            self.banner.setText(
                QCoreApplication.translate(
                    "MainWindow", "<b>Partnerregister:</b> {0}. Doorverwijzen kan gewoon."
                ).format(escape(worded(state.said_notice)))
            )
            self.banner.setVisible(True)
        else:
            self.banner.setVisible(False)

    def open_registry_editor(self) -> RegistryEditor | None:
        """Opens the active registry file, even a broken one: fixing it is the point."""
        from referral_desk.ui.registry_editor import RegistryEditor

        if self.registry_editor is None:
            try:
                target = self.session.registry_file_to_edit()
            except UserFacingError as error:
                title = QCoreApplication.translate("MainWindow", "Partnerregister")
                notice = Notice("editor_unavailable", title, worded(error), warning=True)
                self.questions.tell(self, notice)
                return None
            self.registry_editor = RegistryEditor(
                target.table,
                target.path,
                self.desk.today,
                self,
                settings=self.desk.settings,
                questions=self.questions,
            )
            self.registry_editor.setWindowFlag(Qt.WindowType.Window, True)
            self.registry_editor.saved.connect(self._registry_saved)
        self.registry_editor.show()
        self.registry_editor.raise_()
        return self.registry_editor

    def _registry_saved(self, path: Path) -> None:
        if self.session.registry_saved(path):
            self.registry_changed()

    def registry_changed(self) -> None:
        self.show_registry_state()
        self.refresh_lookup()

    # --- profile and settings -------------------------------------------------------
    def edit_profile(self) -> None:
        from referral_desk.ui.profile_dialog import ProfileDialog

        partners = self.session.partners
        teams = partners.local_teams() if partners is not None else ()
        self.profile_dialog = ProfileDialog(self.profile, teams, self)
        self.profile_dialog.saved.connect(self.save_profile)
        self.profile_dialog.open()

    def save_profile(self, profile: ReferrerProfile) -> None:
        problem = self.session.save_profile_said(profile)
        if problem is not None:
            title = QCoreApplication.translate("MainWindow", "Profiel niet bewaard")
            text = worded(problem)
            self.questions.tell(self, Notice("profile_not_saved", title, text, warning=True))
        self.refresh_lookup()

    def edit_settings(self) -> None:
        from referral_desk.lifecycle.mail_setup import mail_setup_for
        from referral_desk.lifecycle.preferences import Preferences
        from referral_desk.lifecycle.preshared_passwords import (
            PresharedPasswords,
            preshared_partners,
        )
        from referral_desk.ui.settings_dialog import SettingsDialog

        desk = self.desk
        settings = self.session.settings
        self.settings_dialog = SettingsDialog(
            settings,
            Preferences(desk.settings),
            mail_setup_for(settings, desk.outbox, desk.clock),
            self,
            preshared=PresharedPasswords(desk.vault, preshared_partners(self.session.partners)),
            questions=self.questions,
        )
        self.settings_dialog.saved.connect(self._settings_saved)
        self.settings_dialog.open()

    def _settings_saved(self, settings: object) -> None:
        self.session.settings_saved(settings)

    # --- sent referrals -------------------------------------------------------------
    def open_referral_log_window(self) -> ReferralLogWindow:
        from referral_desk.ui.referral_log_window import SIZE, ReferralLogWindow

        first = self.referral_log_window is None
        if self.referral_log_window is None:
            self.referral_log_window = ReferralLogWindow(
                self.desk.follow_up,
                worded(problem) if (problem := self.desk.referral_log_problem) else None,
                lambda: self.profile,
                self.desk.today,
                self,
                registry=lambda: self.session.partners,
                questions=self.questions,
            )
            self.referral_log_window.setWindowFlag(Qt.WindowType.Window, True)
            self.referral_log_window.correctionRequested.connect(self.start_correction)
        self.referral_log_window.refresh()
        self.referral_log_window.show()
        if first:
            place_on_screen(self.referral_log_window, None, SIZE)
        self.referral_log_window.raise_()
        return self.referral_log_window

    def refresh_referral_log_window(self) -> None:
        if self.referral_log_window is not None:
            self.referral_log_window.refresh()

    def report_breach(self) -> None:
        """For the referral just made: the same report as from the sent-referrals window."""
        created = self.session.created
        if created is None:
            return
        log_window = self.open_referral_log_window()
        log_window.select(created.referral_id)
        log_window.report_breach()

    # --- about ----------------------------------------------------------------------
    def show_about(self) -> None:
        title = QCoreApplication.translate("MainWindow", "Over referral-desk")
        QMessageBox.about(self, title, self.about_text())

    def about_text(self) -> str:
        state = self.session.registry_state
        if state.loaded is None:
            registry = QCoreApplication.translate(
                "MainWindow", "ongeldig – zie de melding bovenaan"
            )
        else:
            doc = state.loaded.document
            registry = QCoreApplication.translate(
                "MainWindow", "{0}, versie {1} van {2} ({3})"
            ).format(
                worded(state.said_label or state.label),
                escape(doc.registry_version),
                numeric_date(doc.registry_date),
                escape(str(state.loaded.source)),
            )
            if state.said_notice:
                registry += QCoreApplication.translate("MainWindow", "<br>Let op: {0}").format(
                    escape(worded(state.said_notice))
                )
        return QCoreApplication.translate(
            "MainWindow",
            "<b>referral-desk {0}</b><br>Partnerregister: {1}<br>Postcodes: Statbel (CC BY 4.0)",
        ).format(__version__, registry)
