"""The team member's window: collect input, ask the core, show results and errors."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from referral_desk import __version__
from referral_desk.delivery.launch import DESKTOP_OPENER, SPAWN_GRACE_SECONDS, open_with_desktop
from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.fields import complete_postcode, format_phone_national
from referral_desk.domain.partners import LookupResult, PartnerFound
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.referral import FormErrors, ReferrerProfile, parse_client_form
from referral_desk.domain.referral_record import PasswordChannel, ReferralLogEntry
from referral_desk.domain.registry_document import LoadedRegistry
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.after_sending import (
    FollowUpRefused,
    mark_sent,
    offered_password_channels,
    record_password_channel,
)
from referral_desk.lifecycle.correction import (
    CorrectionRefused,
    PartnerRef,
    correction_route,
    original_of,
)
from referral_desk.lifecycle.creation import (
    CreatedReferral,
    MadeReferral,
    MailboxMemory,
    ReferralRefused,
    ReferralRequest,
    ReferralServices,
    make_referral,
    pending_mailbox_change,
)
from referral_desk.lifecycle.discarding import WindowContents, discard_warning, loses_data
from referral_desk.lifecycle.readiness import (
    ConsentRefused,
    ReferralInputs,
    consent_record,
    readiness_sentence,
    referral_blockers,
)
from referral_desk.lifecycle.recording import FollowUpServices, RecordingChoices, RecordOutcome
from referral_desk.sealing.leaflet import render_client_receipt, render_information_sheet
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.settings import SettingsError, SettingsStore
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.client_form import ClientForm
from referral_desk.ui.consent_panel import ConsentPanel
from referral_desk.ui.deletion_request_bar import DeletionRequestBar
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.partner_panel import PartnerPanel
from referral_desk.ui.password_panel import PasswordPanel
from referral_desk.ui.plain_message import ask, plain_box, tell
from referral_desk.ui.window_placement import inner_size, place_on_screen
from referral_desk.ui.wrapping_scroll import WrappingScrollArea

if TYPE_CHECKING:
    # The tools behind menus load when first opened: they would add to every start.
    from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog
    from referral_desk.ui.profile_dialog import ProfileDialog
    from referral_desk.ui.referral_log_window import ReferralLogWindow
    from referral_desk.ui.registry_editor import RegistryEditor
    from referral_desk.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

# Below this viewport width (logical pixels) the two columns no longer both fit their texts.
STACK_BELOW = 960

LABEL_STYLE = "QLabel { padding-right: 1px; qproperty-indent: 0; }"

_RED_BANNER = "background: #fdecea; color: #611a15; padding: 8px; border: 1px solid #f5c2c0;"
_AMBER_BANNER = "background: #fff4e5; color: #663c00; padding: 8px; border: 1px solid #ffd8a8;"


# How many copies of one client document may sit side by side, each still open in a viewer.
COPIES_IN_USE = 9


class _NotOpened(Exception):
    """A client document was saved, but no program would open it."""

    def __init__(self, saved: Path) -> None:
        super().__init__()
        self.saved = saved


def write_beside_copies_in_use(target: Path, data: bytes) -> Path:
    """*data* as *target*, or beside it as ``name-2.pdf``, ``-3`` … while the earlier copy
    cannot be overwritten: a PDF viewer on Windows keeps the file it shows open and locked
    for writing (the same sheet for the next client). Returns the file written."""
    path = target
    for number in range(2, COPIES_IN_USE + 1):
        try:
            path.write_bytes(data)
            return path
        except PermissionError:
            if not path.is_file():
                raise  # the folder refuses, not a copy in use
        path = target.with_stem(f"{target.stem}-{number}")
    path.write_bytes(data)
    return path


@dataclass(frozen=True)
class WindowDeps:
    services: ReferralServices
    settings: SettingsStore
    registry: LoadedRegistry | RegistryError
    registry_source_label: str
    today: Callable[[], date]
    # Why the registry from IT's source folder was not taken and the last good one kept.
    registry_notice: str | None = None
    # Reads the active registry again (after a coordinator saved it): registry and its label.
    reload_registry: Callable[[], tuple[LoadedRegistry | RegistryError, str]] | None = None
    # The referral log and the keyring; None only in tests of the form alone.
    follow_up: FollowUpServices | None = None
    # Why the referral log could not be opened; referrals wait until it works.
    referral_log_problem: str | None = None
    # Which mailbox each municipality's referrals last went to, for the change warning.
    mailbox_memory: MailboxMemory | None = None
    # Retention, run off the GUI thread once the window is up; returns why the clock looked
    # wrong (Dutch) when it removed nothing for that reason, else None.
    housekeeping: Callable[[], str | None] | None = None


class MainWindow(QMainWindow):
    def __init__(self, deps: WindowDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        self.registry = deps.registry if isinstance(deps.registry, LoadedRegistry) else None
        self.registry_problem = deps.registry if isinstance(deps.registry, RegistryError) else None
        self.registry_source_label = deps.registry_source_label
        self.registry_notice = deps.registry_notice
        self.registry_editor: RegistryEditor | None = None
        self.referral_log_window: ReferralLogWindow | None = None
        self.correcting: str | None = None
        # The row being corrected, or why it could not be read (then no partner check).
        self.correcting_original: ReferralLogEntry | None = None
        self.correcting_problem: str | None = None
        self.record: RecordOutcome | None = None
        self.lookup_result: LookupResult | None = None
        self.created: CreatedReferral | None = None
        self.created_preshared = False
        self.creation = BackgroundRunner(self)
        self.profile_dialog: ProfileDialog | None = None
        self.fallback_dialog: MailFallbackDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.settings_problem: str | None = None
        try:
            self.settings = deps.settings.load()
        except SettingsError as error:
            self.settings = Settings()
            self.settings_problem = error.message
        self.setWindowTitle(self.tr("referral-desk – doorverwijzing naar OCMW of CAW"))
        # Scaled (125 %, 150 %) a label's whole-pixel size hint can be narrower than its glyphs
        # and cut the last letter; one spare pixel, for this window and every tool opened from it.
        self.setStyleSheet(LABEL_STYLE)
        self._build()
        self._build_menu()
        self.update_state()
        self.housekeeping = BackgroundRunner(self)
        self.housekeeping_pending = deps.housekeeping is not None
        if deps.housekeeping is not None:
            # After the first paint: the keyring can take a while to answer.
            QTimer.singleShot(0, self.start_housekeeping)

    def start_housekeeping(self) -> None:
        work = self.deps.housekeeping
        if work is None:
            return

        def done(notice: object) -> None:
            self.housekeeping_pending = False
            if isinstance(notice, str):
                self.clock_banner.setText(escape(notice))
                self.clock_banner.setVisible(True)

        def failed(error: BaseException) -> None:
            self.housekeeping_pending = False
            report_unexpected_failure(
                self,
                error,
                where="start-up retention",
                outcome=self.tr("Oude gegevens zijn mogelijk niet opgeruimd."),
            )

        self.housekeeping.start(work, done, failed)

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        self.banner = QLabel(central)
        self.banner.setObjectName("registryBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet(_RED_BANNER)
        self.banner.setVisible(False)

        self.correction_banner = QLabel(central)
        self.correction_banner.setObjectName("correctionBanner")
        self.correction_banner.setWordWrap(True)
        self.correction_banner.setStyleSheet(
            "background: #fff4e5; color: #663c00; padding: 6px; border: 1px solid #ffd8a8;"
        )
        self.correction_banner.setVisible(False)
        self.correction_actions = DeletionRequestBar(
            self.deps.follow_up,
            lambda: self.registry.registry if self.registry else None,
            lambda: self.profile,
            central,
        )
        self.correction_actions.recorded.connect(self._refresh_referral_log_window)

        self.clock_banner = QLabel(central)
        self.clock_banner.setObjectName("clockBanner")
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setStyleSheet(
            "background: #fff4e5; color: #663c00; padding: 6px; border: 1px solid #ffd8a8;"
        )
        self.clock_banner.setVisible(False)

        self.form = ClientForm(central)
        self.form.changed.connect(self.update_state)
        self.form.postcodeChanged.connect(lambda _t: self.refresh_lookup())
        self.form.municipality.currentIndexChanged.connect(lambda _i: self.refresh_lookup())

        self.partner_panel = PartnerPanel(central)
        partner_box = QGroupBox(self.tr("Partner (uit het partnerregister)"), central)
        QVBoxLayout(partner_box).addWidget(self.partner_panel)

        self.consent_panel = ConsentPanel(self.deps.today(), central)
        self.consent_panel.changed.connect(self.update_state)
        # The ticks by their old names: tests and the screenshot script reach them so.
        self.informed = self.consent_panel.informed
        self.consent = self.consent_panel.consent
        self.printing = BackgroundRunner(self)
        self.consent_panel.leafletRequested.connect(self.open_leaflet)
        self.consent_panel.receiptRequested.connect(self.open_receipt)

        self.create_button = QPushButton(self.tr("Ar&chief en e-mail maken"), central)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.make_referral)
        self.new_button = QPushButton(self.tr("Nieu&we doorverwijzing"), central)
        self.new_button.setObjectName("newButton")
        self.new_button.clicked.connect(self.new_referral)
        self.blockers = QLabel(central)
        self.blockers.setObjectName("createBlockers")
        self.blockers.setWordWrap(True)
        # A disabled button takes no focus: its reason is the next stop on Tab, read-only.
        self.blockers.setAccessibleName(self.tr("Waarom nog niet klaar"))
        self.blockers.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.blockers.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.result_status = QLabel(central)
        self.result_status.setObjectName("resultStatus")
        self.result_status.setWordWrap(True)
        self.result_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_panel = PasswordPanel(central)
        self.password_panel.channelChosen.connect(self.record_channel)
        self.password_panel.sentConfirmed.connect(self.confirm_sent)

        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)

        # One scroll for both columns: side by side on a wide window, the form above the
        # rest on a narrow one; never sideways, and as tall as the wrapped texts need.
        scroll = self.content_scroll = WrappingScrollArea(central, self._narrowest_content)
        scroll.setObjectName("contentScroll")
        content = QWidget(scroll)
        content.setObjectName("content")
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(partner_box)
        right.addWidget(self.consent_panel)
        right.addLayout(buttons)
        right.addWidget(self.blockers)
        right.addWidget(self.result_status)
        right.addWidget(self.password_panel)
        # No Alt-key: every free letter is taken by the form and the menus.
        self.breach_button = QPushButton(self.tr("Gegevenslek melden…"), central)
        self.breach_button.setObjectName("breachButton")
        self.breach_button.clicked.connect(self.report_breach)
        self.breach_button.setVisible(False)
        right.addWidget(self.breach_button)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addStretch(1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.addLayout(left)
        self.columns.addLayout(right)
        scroll.contentChanged.connect(self._arrange_columns)
        scroll.setWidget(content)
        outer = QVBoxLayout(central)
        outer.addWidget(self.banner)
        outer.addWidget(self.correction_banner)
        outer.addWidget(self.correction_actions)
        outer.addWidget(self.clock_banner)
        outer.addWidget(scroll, 1)
        self.setCentralWidget(central)

        QWidget.setTabOrder(self.form.edits["email"], self.partner_panel)
        QWidget.setTabOrder(self.partner_panel, self.informed)
        QWidget.setTabOrder(self.consent_panel.receipt_button, self.create_button)
        QWidget.setTabOrder(self.create_button, self.blockers)
        QWidget.setTabOrder(self.blockers, self.new_button)

        self._show_registry_state()

    def _arrange_columns(self) -> None:
        """Side by side from STACK_BELOW logical pixels and where both columns fit (a longer
        translation needs more), the form on top otherwise."""
        both = self.columns.spacing() + sum(
            item.minimumSize().width()
            for item in (self.columns.itemAt(0), self.columns.itemAt(1))
            if item is not None
        )
        wide = self.content_scroll.viewport().width() >= max(STACK_BELOW, both)
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        # The form needs less width than the partner, consent and password texts.
        self.columns.setStretch(0, 2 if wide else 0)
        self.columns.setStretch(1, 3 if wide else 0)

    def _narrowest_content(self) -> int:
        """Stacked, the content is as narrow as its wider column."""
        return max(
            (
                item.minimumSize().width()
                for item in (self.columns.itemAt(0), self.columns.itemAt(1))
                if item is not None
            ),
            default=0,
        )

    def _scroll_to_password(self) -> None:
        self.content_scroll.ensureWidgetVisible(self.password_panel)
        # Only up or down: the content is as wide as the view, never shifted sideways.
        self.content_scroll.horizontalScrollBar().setValue(0)

    def _show_registry_state(self) -> None:
        self.banner.setStyleSheet(_RED_BANNER)
        if self.registry_problem is not None:
            problems = "".join(
                f"<li>{escape(str(p))}</li>" for p in self.registry_problem.problems[:8]
            )
            more = len(self.registry_problem.problems) - 8
            extra = self.tr("<li>… en nog {0} problemen</li>").format(more) if more > 0 else ""
            self.banner.setText(
                self.tr(
                    "<b>Het partnerregister is ongeldig; doorverwijzen is niet mogelijk tot het "
                    "hersteld is.</b> Neem contact op met uw coördinator of de IT-dienst en geef "
                    "deze melding door:<ul>{0}{1}</ul>"
                ).format(problems, extra)
            )
            self.banner.setVisible(True)
        elif self.deps.referral_log_problem:
            self.banner.setText(
                self.tr(
                    "<b>Het logboek van doorverwijzingen werkt niet; doorverwijzen "
                    "wacht tot het hersteld is.</b> {0}"
                ).format(escape(self.deps.referral_log_problem))
            )
            self.banner.setVisible(True)
        elif self.settings_problem:
            self.banner.setText(escape(self.settings_problem))
            self.banner.setVisible(True)
        elif self.registry_notice and self.registry is not None:
            self.banner.setStyleSheet(_AMBER_BANNER)
            self.banner.setText(
                self.tr("<b>Partnerregister:</b> {0}. Doorverwijzen kan gewoon.").format(
                    escape(self.registry_notice)
                )
            )
            self.banner.setVisible(True)
        else:
            self.banner.setVisible(False)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        new_action = QAction(self.tr("&Nieuwe doorverwijzing"), self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.triggered.connect(self.new_referral)
        file_menu.addAction(new_action)
        settings_action = QAction(self.tr("&Instellingen…"), self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self.edit_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Afsluiten"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        profile_menu = self.menuBar().addMenu(self.tr("Pro&fiel"))
        self.profile_action = QAction(self.tr("Aanmelder&profiel bewerken…"), self)
        self.profile_action.triggered.connect(self.edit_profile)
        profile_menu.addAction(self.profile_action)
        referrals_menu = self.menuBar().addMenu(self.tr("D&oorverwijzingen"))
        sent_action = QAction(self.tr("&Verzonden doorverwijzingen…"), self)
        sent_action.setObjectName("openReferralLogWindow")
        sent_action.triggered.connect(self.open_referral_log_window)
        referrals_menu.addAction(sent_action)
        evaluation_action = QAction(self.tr("Jaarlijkse &evaluatie…"), self)
        evaluation_action.setObjectName("openEvaluation")
        evaluation_action.triggered.connect(
            lambda: self.open_referral_log_window().open_evaluation()
        )
        referrals_menu.addAction(evaluation_action)
        admin_menu = self.menuBar().addMenu(self.tr("Behee&r"))
        registry_action = QAction(self.tr("&Partnerregister…"), self)
        registry_action.setObjectName("openRegistryEditor")
        registry_action.triggered.connect(self.open_registry_editor)
        admin_menu.addAction(registry_action)
        help_menu = self.menuBar().addMenu(self.tr("He&lp"))
        about = QAction(self.tr("&Over referral-desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # --- state ------------------------------------------------------------------------
    @property
    def profile(self) -> ReferrerProfile | None:
        return self.settings.referrer

    def refresh_lookup(self) -> None:
        postcode = complete_postcode(self.form.edits["postcode"].text())
        if self.registry is None or postcode is None:
            self.lookup_result = None
            if self.form.municipality.count():
                self.form.set_municipalities(())
        else:
            registry = self.registry.registry
            options = registry.postcodes.municipalities_for(postcode)
            codes = [
                self.form.municipality.itemData(i) for i in range(self.form.municipality.count())
            ]
            if [m.nis_code for m in options] != [c for c in codes if c]:
                self.form.set_municipalities(options)
            team = self.profile.team if self.profile else None
            self.lookup_result = registry.lookup(
                postcode, on=self.deps.today(), nis_code=self.form.chosen_nis_code(), team=team
            )
        self.partner_panel.show_result(self.lookup_result)
        found = self.lookup_result
        self.consent_panel.show_partner(found.partner if isinstance(found, PartnerFound) else None)
        self.show_correction_banner()
        self.update_state()

    def referral_inputs(self) -> ReferralInputs:
        return ReferralInputs(
            registry_usable=self.registry is not None,
            referral_log_problem=self.deps.referral_log_problem,
            referrer=self.profile,
            form=self.form.raw_values(),
            lookup=self.lookup_result,
            consent=self.consent_panel.answers(),
            today=self.deps.today(),
        )

    def blocking_reasons(self) -> list[str]:
        """What the core says still stands in the way, as shown under the button."""
        return [blocker.message for blocker in referral_blockers(self.referral_inputs())]

    def update_state(self) -> None:
        self.consent_panel.set_leaflet_available(self.leaflet_blocker())
        self.consent_panel.set_receipt_available(self.created is not None)
        self.breach_button.setVisible(self.created is not None)
        if self.created is not None or self.creation.busy:
            self.create_button.setEnabled(False)
            self.create_button.setAccessibleDescription("")
            self.blockers.setVisible(False)
            return
        blockers = referral_blockers(self.referral_inputs())
        sentence = readiness_sentence(blockers)
        self.create_button.setEnabled(not blockers)
        self.create_button.setAccessibleDescription(sentence)
        self.blockers.setText(sentence)
        self.blockers.setVisible(bool(blockers))

    def leaflet_blocker(self) -> str | None:
        """Why the information sheet cannot be made yet, or None: it names the partner found
        and the team member as contact."""
        if not isinstance(self.lookup_result, PartnerFound):
            return self.tr(
                "Het informatieblad noemt de partner: vul eerst een postcode in waarvoor een "
                "partner gevonden wordt."
            )
        if self.profile is None:
            return self.tr(
                "Het informatieblad noemt u als contactpersoon: vul eerst uw aanmelderprofiel "
                "in (menu Profiel)."
            )
        return None

    # --- actions ----------------------------------------------------------------------
    def print_folder(self) -> Path:
        """Beside the referral folders, so outbox housekeeping clears it too; it holds only
        documents without client data."""
        return self.deps.services.outbox.root / "afdrukken"

    def open_leaflet(self) -> None:
        found, profile = self.lookup_result, self.profile
        if not isinstance(found, PartnerFound) or profile is None:
            return
        partner = found.partner
        lang = self.consent_panel.language_code()
        fonts_dir = self.deps.services.fonts_dir
        self._open_pdf(
            lambda: render_information_sheet(
                partner.name,
                partner.kind,
                partner.protocol.withdrawal_clause,
                profile,
                lang,
                fonts_dir,
            ),
            self.print_folder() / f"informatieblad-{partner.id}-{lang}.pdf",
            self.tr("Informatieblad niet geopend"),
        )

    def open_receipt(self) -> None:
        created = self.created
        if created is None:
            return
        lang = self.consent_panel.language_code()
        fonts_dir = self.deps.services.fonts_dir
        self._open_pdf(
            lambda: render_client_receipt(created.referral, lang, fonts_dir),
            self.print_folder() / f"bewijs-{created.referral_id}-{lang}.pdf",
            self.tr("Bewijs voor de cliënt niet geopend"),
        )

    def _open_pdf(self, render: Callable[[], bytes], target: Path, title: str) -> None:
        """Render, save and hand the PDF to the default viewer, all off the GUI thread."""

        def no_viewer(saved: Path) -> str:
            # Windows itself opens a file by its type (ShellExecute); elsewhere a helper does.
            opener = "Windows" if sys.platform == "win32" else DESKTOP_OPENER
            return self.tr(
                "Er is geen programma gevonden dat PDF-bestanden opent ({0}). Het bestand staat "
                "klaar als {1}: open en druk het daar af."
            ).format(opener, saved)

        def work() -> tuple[int | None, Path]:
            pdf = render()
            target.parent.mkdir(parents=True, exist_ok=True)
            saved = write_beside_copies_in_use(target, pdf)
            try:
                return open_with_desktop(saved, SPAWN_GRACE_SECONDS), saved
            except OSError as error:
                # Saved, but not opened: Windows says so with an error of its own (no program
                # for .pdf is 1155), a missing xdg-open with FileNotFoundError.
                raise _NotOpened(saved) from error

        def show(message: str) -> None:
            box = plain_box(self, QMessageBox.Icon.Warning, title, message)
            box.setObjectName("printProblem")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        def opened(result: tuple[int | None, Path]) -> None:
            status, saved = result
            if status not in (None, 0):
                show(no_viewer(saved))

        def failed(error: BaseException) -> None:
            if isinstance(error, UserFacingError):
                message = error.message
            elif isinstance(error, _NotOpened):
                message = no_viewer(error.saved)
            elif isinstance(error, OSError):
                message = self.tr(
                    "Het bestand kon niet bewaard worden in {0} ({1}). Controleer of die map "
                    "beschrijfbaar is en probeer opnieuw."
                ).format(target.parent, error.strerror or type(error).__name__)
            else:
                report_unexpected_failure(
                    self,
                    error,
                    where="client document",
                    outcome=self.tr("Er is niets afgedrukt. Het venster is onveranderd."),
                )
                return
            show(message)

        self.printing.start(work, opened, failed)

    def make_referral(self) -> None:
        """Collect, ask the core, and let it make the referral off the GUI thread."""
        if self.creation.busy or self.created is not None:
            return
        inputs = self.referral_inputs()
        found = inputs.lookup
        if referral_blockers(inputs) or self.profile is None or not isinstance(found, PartnerFound):
            self.form.show_all_errors()
            self.update_state()
            return
        try:
            client = parse_client_form(inputs.form)
            consent = consent_record(
                inputs.consent,
                today=inputs.today,
                protocol_in_force_from=found.partner.protocol.in_force_from,
            )
        except FormErrors as errors:
            for name, message in errors.errors.items():
                if name in self.form.rows:
                    self.form.rows[name].show_error(message)
            return
        except ConsentRefused as refused:
            self.show_problem(self.tr("Toestemming niet in orde"), refused.message)
            return
        try:
            change = pending_mailbox_change(found, self.deps.mailbox_memory)
        except ReferralRefused as refused:
            self.show_problem(self.tr("Doorverwijzing niet gemaakt"), refused.message)
            return
        if change is not None and not self.confirm_mailbox_change(
            f"{change.partner_name} ({change.municipality})", change.previous, change.current
        ):
            return
        request = ReferralRequest(
            client=client,
            referrer=self.profile,
            found=found,
            consent=consent,
            corrects=self.correcting,
            mailbox_change_confirmed=change is not None,
        )
        follow_up = self.deps.follow_up or FollowUpServices(
            referral_log=None,
            vault=None,
            clock=self.deps.services.clock,
            outbox=self.deps.services.outbox,
            mail=self.deps.services.mail,
        )
        choices = RecordingChoices(
            recall_days=self.settings.recall_days, record_initials=self.settings.record_initials
        )
        services, memory = self.deps.services, self.deps.mailbox_memory
        started = self.creation.start(
            lambda: make_referral(request, services, follow_up, choices, memory),
            self._creation_done,
            self._creation_failed,
        )
        if started:
            self._show_busy(True)

    def _show_busy(self, busy: bool) -> None:
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.result_status.setText(
                self.tr("Bezig: het document wordt versleuteld en de e-mail klaargezet…")
            )
        else:
            QApplication.restoreOverrideCursor()
            self.result_status.clear()
        self.form.set_read_only(busy)
        self.consent_panel.set_editable(not busy)
        self.update_state()

    def _creation_done(self, made: object) -> None:
        self._show_busy(False)
        assert isinstance(made, MadeReferral)
        self._reload_settings()
        self.show_created(made)
        if self.referral_log_window is not None:
            self.referral_log_window.refresh()

    def _creation_failed(self, error: BaseException) -> None:
        self._show_busy(False)
        self.form.set_read_only(False)
        self.refresh_lookup()
        if isinstance(error, UserFacingError):
            self.show_problem(self.tr("Doorverwijzing niet gemaakt"), error.message)
            return
        report_unexpected_failure(
            self,
            error,
            where="referral creation",
            outcome=self.tr(
                "Er is niets verstuurd en er is geen archief achtergebleven. Uw invoer en de "
                "toestemming staan nog in het venster."
            ),
        )

    def show_problem(self, title: str, message: str) -> None:
        """In the window, where the user acts, and in a box that does not block the window."""
        self.result_status.setText(f"<b>{escape(title)}</b><br>{escape(message)}")
        box = plain_box(self, QMessageBox.Icon.Warning, title, message)
        box.setObjectName("problemMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _reload_settings(self) -> None:
        """Another window may have saved settings meanwhile; never save a stale copy."""
        with contextlib.suppress(SettingsError):
            self.settings = self.deps.settings.load()

    def confirm_mailbox_change(self, partner: str, old: str, new: str) -> bool:
        """A changed mailbox is the one registry edit that silently redirects data."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Mailbox van de partner gewijzigd"))
        box.setText(
            self.tr(
                "Het partnerregister geeft voor {0} een ander adres dan de vorige keer:<br>"
                "vorige keer: <b>{1}</b><br>nu: <b>{2}</b><br><br>Controleer bij twijfel bij uw "
                "coördinator of dit klopt voor u verstuurt."
            ).format(escape(partner), escape(old), escape(new))
        )
        accept = box.addButton(
            self.tr("Nieuw adres is juist, doorgaan"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is accept

    def show_created(self, made: MadeReferral) -> None:
        from referral_desk.ui.mail_fallback_dialog import MailFallbackDialog

        created = made.created
        self.created = created
        self.record = made.record
        self.form.set_read_only(True, locked=True)
        self.consent_panel.set_editable(False)
        partner = created.referral.partner
        found = self.lookup_result
        phone = (
            format_phone_national(found.partner.password_phone)
            if isinstance(found, PartnerFound) and found.partner.password_phone
            else self.tr("telefoonnummer niet in het partnerregister")
        )
        self.created_preshared = made.preshared
        if made.preshared:
            self.password_panel.show_preshared(created.referral_id, partner.name)
        else:
            password_phone = (
                found.partner.password_phone if isinstance(found, PartnerFound) else None
            )
            self.password_panel.show_password(
                created.referral_id,
                created.password,
                f"{partner.name}, {phone}",
                offered_password_channels(password_phone),
            )
        if created.mail_result is not None and created.mail_result.opened:
            status = self.tr(
                "Het e-mailconcept aan {0} is geopend met het archief als bijlage. "
                "Controleer het en verstuur het."
            ).format(escape(partner.mailbox))
        elif created.mail_result is not None:
            status = self.tr("Het e-mailconcept is bewaard als {0}.").format(
                escape(str(created.mail_result.eml_path))
            )
        else:
            status = self.tr("Geen e-mailprogramma gevonden: stuur het archief zelf.")
            self.fallback_dialog = MailFallbackDialog(created.draft, created.mail_failures, self)
            self.fallback_dialog.open()
        self.result_status.setText(status + self.record_note())
        self.show_correction_result(created)
        self.update_state()
        # On a short screen the password sits below the fold: bring it into view once laid out.
        QTimer.singleShot(0, self._scroll_to_password)

    def record_note(self) -> str:
        record = self.record
        if record is None:
            return ""
        notes: list[str] = []
        if record.referral_log_problem:
            notes.append(
                self.tr(
                    "<b>Niet in het logboek opgenomen</b> ({0}). Meld dit aan uw coördinator "
                    "met het ID hierboven."
                ).format(escape(record.referral_log_problem))
            )
        if record.recall_until is not None:
            notes.append(
                self.tr(
                    "Het wachtwoord kan tot {0} opnieuw getoond worden (menu Doorverwijzingen)."
                ).format(numeric_date(record.recall_until))
            )
        elif record.recall_problem:
            notes.append(
                self.tr(
                    "Het wachtwoord kan later niet opnieuw getoond worden: {0}. Geef het nu "
                    "door; schrijf het nergens op."
                ).format(escape(record.recall_problem))
            )
        return "".join(f"<br>{note}" for note in notes)

    def record_channel(self, channel: str) -> None:
        if self.created is None or self.deps.follow_up is None:
            return
        try:
            record_password_channel(self.deps.follow_up, self.created.referral_id, channel)
        except FollowUpRefused as refused:
            self.password_panel.status.setText(refused.message)
            return
        self.password_panel.status.setText(self.tr("Genoteerd in het logboek."))
        if self.referral_log_window is not None:
            self.referral_log_window.refresh()

    def confirm_sent(self) -> None:
        if self.created is None or self.deps.follow_up is None:
            return
        try:
            mark_sent(self.deps.follow_up, self.created.referral_id)
        except FollowUpRefused as refused:
            self.password_panel.status.setText(refused.message)
            return
        self.password_panel.sent_button.setEnabled(False)
        self.password_panel.status.setText(self.tr("Als verstuurd genoteerd in het logboek."))
        if self.referral_log_window is not None:
            self.referral_log_window.refresh()

    def start_correction(self, referral_id: str) -> None:
        """An empty form that, once made, names and links the referral it corrects."""
        if not self.new_referral():
            return
        self.correcting = referral_id
        self._read_original()
        self.show_correction_banner()
        self.correction_banner.setVisible(True)
        self.raise_()
        self.activateWindow()

    def _read_original(self) -> ReferralLogEntry | None:
        if self.correcting is None:
            return None
        try:
            self.correcting_original = original_of(self.deps.follow_up, self.correcting)
            self.correcting_problem = None
        except CorrectionRefused as refused:
            self.correcting_original, self.correcting_problem = None, refused.message
        return self.correcting_original

    def show_correction_banner(self) -> None:
        """Before creating: whether the partner for the corrected address is another one."""
        if self.correcting is None or self.created is not None:
            return
        text = self.tr(
            "<b>Correctie van {0}.</b> Vul de juiste gegevens opnieuw in; de nieuwe "
            "doorverwijzing verwijst naar {0}. Nieuwe doorverwijzing annuleert de correctie."
        ).format(self.correcting)
        found = self.lookup_result
        if self.correcting_problem is not None:
            text += "<br>" + escape(self.correcting_problem)
        elif self.correcting_original is not None and isinstance(found, PartnerFound):
            partner = found.partner
            route = correction_route(
                self.correcting_original, PartnerRef(partner.id, partner.name, partner.mailbox)
            )
            if route.sentence is not None:
                text += "<br><b>" + escape(route.sentence) + "</b>"
        self.correction_banner.setText(text)

    def show_correction_result(self, created: CreatedReferral) -> None:
        """After creating a correction: the deletion request when it went to another partner."""
        if self.correcting is None or created.referral.corrects != self.correcting:
            return
        original = self.correcting_original or self._read_original()
        if original is None:
            self.correction_banner.setText(escape(self.correcting_problem or ""))
            return
        partner = created.referral.partner
        route = correction_route(
            original,
            PartnerRef(partner.partner_id, partner.name, partner.mailbox),
            created.referral_id,
        )
        if route.sentence is None:
            self.correction_banner.setText(
                self.tr("<b>Correctie gemaakt:</b> {0} corrigeert {1}.").format(
                    created.referral_id, self.correcting
                )
            )
            return
        self.correction_banner.setText("<b>" + escape(route.sentence) + "</b>")
        self.correction_actions.offer(route, original, created.referral_id)

    def _refresh_referral_log_window(self) -> None:
        if self.referral_log_window is not None:
            self.referral_log_window.refresh()

    def _discard_question(self, *, closing: bool = False) -> str | None:
        questions = [
            q
            for q in (
                discard_warning(self.window_contents(), closing=closing, today=self.deps.today()),
                self.correction_actions.pending_question(),
            )
            if q
        ]
        return "\n\n".join(questions) or None

    def window_contents(self) -> WindowContents:
        channel = self.password_panel.channel.currentData()
        return WindowContents(
            form_has_input=self.form.has_input(),
            created=self.created is not None,
            preshared=self.created_preshared,
            password_passed_on=channel != PasswordChannel.NOT_YET.value,
            recall_kept=self.record is not None and self.record.recall_until is not None,
            recall_until=self.record.recall_until if self.record is not None else None,
        )

    def new_referral(self) -> bool:
        """Empties the window for the next client, after asking if that would lose anything."""
        if self.creation.busy or self.correction_actions.busy:
            return False
        question = self._discard_question()
        if question is not None and not self.confirm_discard(question):
            return False
        self.correcting = None
        self.correcting_original = None
        self.correcting_problem = None
        self.correction_actions.reset()
        self.record = None
        self.correction_banner.setVisible(False)
        self.created = None
        self.form.set_read_only(False)
        self.form.clear()
        self.consent_panel.reset(self.deps.today())
        self.password_panel.reset()
        self.result_status.clear()
        self.created_preshared = False
        self.refresh_lookup()
        return True

    def edit_profile(self) -> None:
        from referral_desk.ui.profile_dialog import ProfileDialog

        teams = self.registry.registry.local_teams() if self.registry else ()
        self.profile_dialog = ProfileDialog(self.profile, teams, self)
        self.profile_dialog.saved.connect(self.save_profile)
        self.profile_dialog.open()

    def save_profile(self, profile: ReferrerProfile) -> None:
        settings = self.settings.model_copy(update={"referrer": profile})
        try:
            # Only the profile: what another window saved in the meantime stays.
            settings = self.deps.settings.update({"referrer": profile})
        except SettingsError as error:
            tell(self, self.tr("Profiel niet bewaard"), error.message, QMessageBox.Icon.Warning)
        self.settings = settings
        self.refresh_lookup()

    def edit_settings(self) -> None:
        from referral_desk.lifecycle.mail_setup import mail_setup_for
        from referral_desk.lifecycle.preferences import Preferences
        from referral_desk.lifecycle.preshared_passwords import (
            PresharedPasswords,
            preshared_partners,
        )
        from referral_desk.ui.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(
            self.settings,
            Preferences(self.deps.settings),
            mail_setup_for(self.settings, self.deps.services.outbox, self.deps.services.clock),
            self,
            preshared=PresharedPasswords(
                self.deps.follow_up.vault if self.deps.follow_up else None,
                preshared_partners(self.registry.registry if self.registry else None),
            ),
        )
        self.settings_dialog.saved.connect(self._settings_saved)
        self.settings_dialog.open()

    def _settings_saved(self, settings: Settings) -> None:
        self.settings = settings

    def open_referral_log_window(self) -> ReferralLogWindow:
        from referral_desk.ui.referral_log_window import SIZE, ReferralLogWindow

        first = self.referral_log_window is None
        if self.referral_log_window is None:
            self.referral_log_window = ReferralLogWindow(
                self.deps.follow_up,
                self.deps.referral_log_problem,
                lambda: self.profile,
                self.deps.today,
                self,
                registry=lambda: self.registry.registry if self.registry else None,
            )
            self.referral_log_window.setWindowFlag(Qt.WindowType.Window, True)
            self.referral_log_window.correctionRequested.connect(self.start_correction)
        self.referral_log_window.refresh()
        self.referral_log_window.show()
        if first:
            place_on_screen(self.referral_log_window, None, SIZE)
        self.referral_log_window.raise_()
        return self.referral_log_window

    def report_breach(self) -> None:
        """For the referral just made: the same report as from the sent-referrals window."""
        if self.created is None:
            return
        log_window = self.open_referral_log_window()
        log_window.select(self.created.referral_id)
        log_window.report_breach()

    def open_registry_editor(self) -> RegistryEditor:
        """Opens the active registry file, even a broken one: fixing it is the point."""
        from referral_desk.ui.registry_editor import RegistryEditor

        if self.registry is not None:
            table = self.registry.registry.postcodes
            path = self.registry.source
        else:
            paths = AppPaths.from_platform()
            table = PostcodeTable.load_bundled(paths.resources_dir)
            problem = self.registry_problem.problems[0] if self.registry_problem else None
            path = Path(problem.file) if problem and problem.file else paths.bundled_registry
        if self.registry_editor is None:
            self.registry_editor = RegistryEditor(
                table, path, self.deps.today, self, settings=self.deps.settings
            )
            self.registry_editor.setWindowFlag(Qt.WindowType.Window, True)
            self.registry_editor.saved.connect(self._registry_saved)
        self.registry_editor.show()
        self.registry_editor.raise_()
        return self.registry_editor

    def _registry_saved(self, path: Path) -> None:
        active = self.registry.source if self.registry is not None else None
        if self.deps.reload_registry is None:
            return
        registry, label = self.deps.reload_registry()
        new_source = registry.source if isinstance(registry, LoadedRegistry) else None
        if path.resolve() not in {p.resolve() for p in (active, new_source) if p is not None}:
            return
        self.apply_registry(registry, label)

    def apply_registry(self, registry: LoadedRegistry | RegistryError, label: str) -> None:
        self.registry = registry if isinstance(registry, LoadedRegistry) else None
        self.registry_problem = registry if isinstance(registry, RegistryError) else None
        self.registry_source_label = label
        self._show_registry_state()
        self.refresh_lookup()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("Over referral-desk"), self.about_text())

    def about_text(self) -> str:
        if self.registry is None:
            registry = self.tr("ongeldig – zie de melding bovenaan")
        else:
            doc = self.registry.document
            registry = self.tr("{0}, versie {1} van {2} ({3})").format(
                self.registry_source_label,
                escape(doc.registry_version),
                numeric_date(doc.registry_date),
                escape(str(self.registry.source)),
            )
            if self.registry_notice:
                registry += self.tr("<br>Let op: {0}").format(escape(self.registry_notice))
        return self.tr(
            "<b>referral-desk {0}</b><br>Partnerregister: {1}<br>Postcodes: Statbel (CC BY 4.0)"
        ).format(__version__, registry)

    # --- closing ----------------------------------------------------------------------
    def _discard_title(self) -> str:
        """Only a title that says data is lost when the core says it is."""
        if (
            loses_data(self.window_contents())
            or self.correction_actions.pending_question() is not None
        ):
            return self.tr("Gegevens gaan verloren")
        return self.tr("Wachtwoord nog niet doorgegeven")

    def confirm_discard(self, question: str) -> bool:
        """The core's question, with 'Nee' as the default: one stray key must not wipe work."""
        answer = ask(
            self,
            self._discard_title(),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.creation.busy:
            QMessageBox.information(
                self,
                self.tr("Even geduld"),
                self.tr("De doorverwijzing wordt nog gemaakt. Sluit het venster daarna."),
            )
            event.ignore()
            return
        question = self._discard_question(closing=True)
        if question is not None and not self.confirm_discard(question):
            event.ignore()
            return
        self.password_panel.reset()
        self.remember_size()
        event.accept()

    def remember_size(self) -> None:
        """For the next start; a settings file that refuses costs only that."""
        size = inner_size(self)
        if size is None or size == self.settings.main_window_size:
            return
        try:
            self.settings = self.deps.settings.update({"main_window_size": size})
        except SettingsError:
            log.warning("the window size could not be remembered")
