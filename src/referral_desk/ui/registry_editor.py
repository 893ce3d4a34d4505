"""Beheer → Partnerregister: coordinators keep the registry right without a text editor.

Every change goes straight into the open :class:`EditableRegistry` (so nothing typed is
lost when another partner is selected). What may be saved, and what a new, renewed or ended
partner starts as, is decided in the core (:mod:`referral_desk.registry.rules`,
:mod:`referral_desk.registry.form_input`, :class:`EditableRegistry`); this window shows it.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_document import RegistryDocument
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.file_reading import read_registry_text
from referral_desk.registry.form_input import HeaderInput, NotADate, parse_day
from referral_desk.registry.minisign import MinisignError, WrongPassword, secret_key_is_encrypted
from referral_desk.registry.rules import (
    NewVersionRefused,
    RegistryBase,
    check_new_version,
    describe_changes,
    header_problems,
)
from referral_desk.registry.signing import RegistrySignature, unlock_and_sign
from referral_desk.registry.trust import signature_file
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.settings import SettingsError, SettingsStore
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.client_form import ERROR_STYLE, FieldRow
from referral_desk.ui.partner_form import PartnerForm
from referral_desk.ui.plain_message import ask, tell
from referral_desk.ui.wrapping_scroll import WrappingScrollArea

COLUMNS = ("id", "name", "kind", "mailbox", "postcodes", "protocol.in_force_from", "ended")


_MAX_KEY_BYTES = 4096  # a minisign secret key is two short lines
_SHOWN_PROBLEMS = 10
_DETAIL_STYLE = "color: #5f6368;"  # 6:1 on the window background


def _default_documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first.absolute() == second.absolute()


def _read_key_text(path: Path) -> str:
    """The key file's text; raises OSError, UnicodeDecodeError or MinisignError (not a
    minisign secret key, e.g. the .pub chosen by mistake)."""
    with path.open("rb") as handle:
        text = handle.read(_MAX_KEY_BYTES + 1).decode("utf-8")
    if len(text) > _MAX_KEY_BYTES:
        raise MinisignError("geheime sleutel: te groot voor een minisign-sleutel.")
    secret_key_is_encrypted(text)
    return text


class RegistryEditor(QMainWindow):
    """Emits ``saved(Path)`` after a successful save, so the app can reload that file.

    With a signing key chosen (its path kept in the settings, never its password), a save
    signs exactly the bytes it writes and puts ``FILE.minisig`` beside them. The key is
    unlocked and the signature made before anything is written: a wrong password saves
    nothing, so no file is left behind with a signature that does not fit it, and the
    changes stay open to save again.
    """

    saved = Signal(Path)

    def __init__(
        self,
        table: PostcodeTable,
        path: Path,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        settings: SettingsStore | None = None,
        clock: Callable[[], float] = time.time,
        documents: Path | None = None,
    ) -> None:
        """*path* is the registry the app uses: saving over it asks first. *documents* is
        where *Opslaan als* proposes a new file (the user's Documents folder)."""
        super().__init__(parent)
        self.active_path = path
        self.documents = documents if documents is not None else _default_documents()
        self.opened_date_text = ""
        self.setObjectName("registryEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.table = table
        self.today = today
        self.clock = clock
        self.settings = settings
        self.signing_runner = BackgroundRunner(self)
        self.signing_key_path: Path | None = None
        if settings is not None:
            try:
                stored = settings.load().signing_key_path
            except SettingsError:
                stored = None  # the main window already says the settings are broken
            self.signing_key_path = Path(stored) if stored else None
        self.path = path
        self.base = RegistryBase("", None)
        self.editable = EditableRegistry.new(version="1", on=today(), changed_by="")
        self._build()
        self.open_file(path)

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        self.search = QLineEdit(central)
        self.search.setObjectName("registrySearch")
        self.search.setPlaceholderText(self.tr("Zoek op naam, id, mailbox, postcode of gemeente"))
        self.search.setAccessibleName(self.tr("Zoeken in partners"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        search_label = QLabel(self.tr("&Zoeken"), central)
        search_label.setBuddy(self.search)

        self.partner_table = QTableWidget(0, len(COLUMNS), central)
        self.partner_table.setObjectName("partnerTable")
        self.partner_table.setAccessibleName(self.tr("Partners"))
        self.partner_table.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Naam"),
                self.tr("Soort"),
                self.tr("Mailbox"),
                self.tr("Postcodes"),
                self.tr("Sinds"),
                self.tr("Beëindigd"),
            ]
        )
        self.partner_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.partner_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.partner_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Arrow keys move through the partners; Tab leaves the list for the buttons below it.
        self.partner_table.setTabKeyNavigation(False)
        self.partner_table.verticalHeader().setVisible(False)
        self.partner_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.partner_table.itemSelectionChanged.connect(self._selection_changed)

        header_box = QGroupBox(self.tr("Partnerregister"), central)
        self.version_edit = QLineEdit(header_box)
        self.version_edit.setObjectName("registryVersion")
        self.date_edit = QLineEdit(header_box)
        self.date_edit.setObjectName("registryDate")
        self.date_edit.setPlaceholderText(self.tr("JJJJ-MM-DD"))
        self.date_edit.setToolTip(
            self.tr("Wordt bij het opslaan van een gewijzigd register de dag van vandaag.")
        )
        self.changed_by_edit = QLineEdit(header_box)
        self.changed_by_edit.setObjectName("registryChangedBy")
        self.header_rows: dict[str, FieldRow] = {}
        header_form = QFormLayout(header_box)
        header_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        header_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # Every & in this window is a different letter; the form's are in PartnerForm.
        for key, text, edit in (
            ("version", self.tr("Ve&rsie"), self.version_edit),
            ("date", self.tr("Datu&m"), self.date_edit),
            ("changed_by", self.tr("Gewi&jzigd door"), self.changed_by_edit),
        ):
            row = FieldRow(edit, header_box)
            self.header_rows[key] = row
            label = QLabel(text, header_box)
            label.setBuddy(edit)
            edit.setAccessibleName(text.replace("&", ""))
            edit.textEdited.connect(lambda _t: self._header_edited())
            header_form.addRow(label, row)
        header_form.addRow(self._build_signing_row(header_box))

        self.form = PartnerForm(self.table, central)
        self.form.setEnabled(False)
        self.form.edited.connect(self._partner_edited)

        self.problems = QLabel(central)
        self.problems.setObjectName("registryProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setStyleSheet(ERROR_STYLE)
        # However many problems, the list scrolls inside a bounded strip under the partners.
        self.problems_area = QScrollArea(central)
        self.problems_area.setObjectName("registryProblemsArea")
        self.problems_area.setWidgetResizable(True)
        self.problems_area.setFrameShape(QFrame.Shape.NoFrame)
        self.problems_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_area.setWidget(self.problems)
        self.problems_area.setAccessibleName(self.tr("Nog niet in orde"))
        line = self.fontMetrics().lineSpacing()
        self.problems_area.setMinimumHeight(line * 5)
        self.problems_area.setMaximumHeight(line * 12)

        self.actions_by_name: dict[str, QAction] = {}
        self.buttons_by_name: dict[str, QPushButton] = {}
        # Two by two: four in a row was wider than the list in a longer language.
        partner_buttons = QGridLayout()
        for index, (name, text, slot) in enumerate(
            (
                ("add", self.tr("&Toevoegen"), self.add_partner),
                ("duplicate", self.tr("&Dupliceren"), self.duplicate_partner),
                ("end", self.tr("Protocol &beëindigen…"), self.end_protocol),
                ("remove", self.tr("&Verwijderen"), self.remove_partner),
            )
        ):
            action = QAction(text.replace("&", ""), self)
            action.setObjectName(f"registry_{name}")
            action.triggered.connect(slot)
            self.actions_by_name[name] = action
            # A push button, not a tool button: it takes Tab focus and its & key works.
            button = QPushButton(text, central)
            button.setObjectName(f"registryButton_{name}")
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self.buttons_by_name[name] = button
            partner_buttons.addWidget(button, index // 2, index % 2)
        partner_buttons.setColumnStretch(2, 1)

        left = QWidget(central)
        left_layout = QVBoxLayout(left)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.partner_table, 1)
        left_layout.addLayout(partner_buttons)
        left_layout.addWidget(self.problems_area, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(header_box)
        right_layout.addWidget(self.form)
        right_layout.addStretch(1)
        # The form grows with its messages (a new partner has many); it scrolls instead of
        # pushing the window past the screen.
        self.form_area = WrappingScrollArea(central)
        self.form_area.setObjectName("registryFormArea")
        self.form_area.setWidget(right)
        self.form_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus
        self.splitter = QSplitter(central)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        QVBoxLayout(central).addWidget(self.splitter)
        self.setCentralWidget(central)

        toolbar = QToolBar(self.tr("Partnerregister"), self)
        toolbar.setObjectName("registryToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        # Tool buttons drop a & from their text: these two go by Ctrl+O and Ctrl+Shift+S.
        file_actions: tuple[tuple[str, str, Callable[[], object], QKeySequence.StandardKey], ...]
        file_actions = (
            ("open", self.tr("Openen…"), self.choose_and_open, QKeySequence.StandardKey.Open),
            ("save", self.tr("Opslaan als…"), self.save_as, QKeySequence.StandardKey.SaveAs),
        )
        for name, text, handler, shortcut in file_actions:
            action = QAction(text, self)
            action.setObjectName(f"registry_{name}")
            action.setShortcut(shortcut)
            action.setToolTip(
                f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            action.triggered.connect(handler)
            toolbar.addAction(action)
            self.actions_by_name[name] = action

        chain: list[QWidget] = [
            self.search,
            self.partner_table,
            *self.buttons_by_name.values(),
            self.problems_area,  # arrow keys scroll a long list of problems
            self.version_edit,
            self.date_edit,
            self.changed_by_edit,
            self.choose_key_button,
            self.no_key_button,
            self.form.editors["id"],
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._fit_to_screen(1200, 760)

    def _fit_to_screen(self, width: int, height: int) -> None:
        """The wished size, but never larger than the screen's free area (taskbar, title)."""
        screen = self.screen()
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - 16)
            height = min(height, free.height() - 48)
        self.resize(width, height)
        self.splitter.setSizes([width * 11 // 20, width * 9 // 20])

    def _build_signing_row(self, parent: QWidget) -> QWidget:
        row = QWidget(parent)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        key_row, key_buttons = QHBoxLayout(), QHBoxLayout()
        layout.addLayout(key_row)
        layout.addLayout(key_buttons)
        self.key_label = QLabel(row)
        self.key_label.setObjectName("signingKey")
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.key_label.setAccessibleName(self.tr("Sleutel om te ondertekenen"))
        self.choose_key_button = QPushButton(self.tr("Kies sle&utel…"), row)
        self.choose_key_button.setObjectName("chooseSigningKey")
        self.choose_key_button.setAccessibleName(self.tr("Sleutel om te ondertekenen kiezen"))
        self.choose_key_button.clicked.connect(self.choose_signing_key)
        # No & key: H belongs to the partner's "Telefoon voor het wachtwoord"; Tab reaches it.
        self.no_key_button = QPushButton(self.tr("Zonder handtekening"), row)
        self.no_key_button.setObjectName("forgetSigningKey")
        self.no_key_button.setAccessibleName(self.tr("Voortaan zonder handtekening opslaan"))
        self.no_key_button.clicked.connect(lambda: self.set_signing_key(None))
        caption = QLabel(self.tr("Ondertekenen met sleutel:"), row)
        caption.setBuddy(self.choose_key_button)
        key_row.addWidget(caption)
        key_row.addWidget(self.key_label, 1)
        key_buttons.addWidget(self.choose_key_button)
        key_buttons.addWidget(self.no_key_button)
        key_buttons.addStretch(1)
        self._show_signing_key()
        return row

    def _show_signing_key(self) -> None:
        key = self.signing_key_path
        self.key_label.setText(
            str(key) if key is not None else self.tr("geen (opslaan zonder handtekening)")
        )
        self.no_key_button.setEnabled(key is not None)

    def choose_key_path(self) -> Path | None:
        start = self.signing_key_path.parent if self.signing_key_path else Path.home()
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Geheime sleutel kiezen (minisign)"),
            str(start),
            self.tr("minisign-sleutel (*.key);;Alle bestanden (*)"),
        )
        return Path(name) if name else None

    def choose_signing_key(self) -> None:
        path = self.choose_key_path()
        if path is None:
            return
        try:
            _read_key_text(path)
        except (OSError, UnicodeDecodeError, MinisignError) as error:
            self.show_problem(self.tr("Geen sleutel gekozen"), self._key_problem(path, error))
            return
        self.set_signing_key(path)

    def set_signing_key(self, path: Path | None) -> None:
        """Remembered in the settings as a path only; this session keeps it even when the
        settings cannot be written (and says so)."""
        self.signing_key_path = path
        self._show_signing_key()
        if self.settings is None:
            return
        try:
            self.settings.update({"signing_key_path": str(path) if path else None})
        except SettingsError as error:
            self.show_problem(
                self.tr("Sleutel niet onthouden"),
                self.tr("{0} De keuze geldt tot u het partnerregister sluit.").format(
                    error.message
                ),
            )

    def _key_problem(self, path: Path, error: BaseException) -> str:
        if isinstance(error, MinisignError):
            detail = error.message
        elif isinstance(error, OSError):
            detail = str(error.strerror or error)
        else:
            detail = self.tr("geen tekstbestand")
        return self.tr("De sleutel {0} is niet bruikbaar: {1}").format(path, detail)

    def ask_key_password(self, key: Path) -> str | None:
        """None when cancelled. The answer only lives until the signature is made."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Partnerregister ondertekenen"))
        dialog.setLabelText(self.tr("Wachtwoord van de sleutel {0}:").format(key))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    # --- file -------------------------------------------------------------------------
    def open_file(self, path: Path) -> bool:
        """A file with problems still opens: fixing a broken registry is what this is for."""
        try:
            text = read_registry_text(path)
            editable = EditableRegistry.from_text(text, file=str(path))
        except RegistryError as error:
            self.show_problem(
                self.tr("Partnerregister niet geopend"),
                "\n".join(f"{p.sentence}\n    ({p.where})" for p in error.problems),
            )
            return False
        self.path = path
        self.editable = editable
        self.base = RegistryBase.of(text, self.table, file=str(path))
        header = editable.header()
        self.version_edit.setText(str(header["registry_version"] or ""))
        day = header["registry_date"]
        self.date_edit.setText(day.isoformat() if isinstance(day, date) else str(day or ""))
        self.changed_by_edit.setText(str(header["changed_by"] or ""))
        self.opened_date_text = self.date_edit.text()
        for edit in (self.version_edit, self.date_edit, self.changed_by_edit):
            edit.setCursorPosition(0)
        self.reload_table(select=0)
        self.update_state()
        return True

    def choose_and_open(self) -> None:
        if self.is_modified() and not self.confirm_discard():
            return
        path = self.choose_open_path()
        if path is not None:
            self.open_file(path)

    def choose_open_path(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Partnerregister openen"),
            str(self.path.parent),
            self.tr("Partnerregister (*.toml);;Alle bestanden (*)"),
        )
        return Path(name) if name else None

    def proposed_save_path(self) -> Path:
        """A new file in the user's documents, never the registry in use: one Enter in the
        dialog must not overwrite what every referral is sent by."""
        stem = f"partners-{self.today().isoformat()}"
        candidate = self.documents / f"{stem}.toml"
        number = 2
        while candidate.exists() or _same_file(candidate, self.active_path):
            candidate = self.documents / f"{stem}-{number}.toml"
            number += 1
        return candidate

    def choose_save_path(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Partnerregister opslaan als"),
            str(self.proposed_save_path()),
            self.tr("Partnerregister (*.toml)"),
        )
        return Path(name) if name else None

    def confirm_overwrite_active(self, path: Path) -> bool:
        """Saving over the registry in use is possible, but only on an explicit Yes."""
        answer = ask(
            self,
            self.tr("Partnerregister in gebruik overschrijven?"),
            self.tr(
                "{0} is het partnerregister dat referral-desk nu gebruikt. Overschrijven? "
                "Kies Nee om het onder een andere naam te bewaren en het aan de IT-dienst "
                "te geven."
            ).format(path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _date_the_changes(self) -> None:
        """A changed registry is dated the day it is saved, unless someone typed a date."""
        if not self.is_modified() or self.date_edit.text() != self.opened_date_text:
            return
        self.date_edit.setText(self.today().isoformat())
        self.date_edit.setCursorPosition(0)
        self._header_edited()

    def is_modified(self) -> bool:
        return self.base.is_changed(self.editable)

    def save_as(self) -> bool:
        self._date_the_changes()
        try:
            document = check_new_version(self.editable, self.table, self.base, self.header())
        except NewVersionRefused as refused:
            self.show_problem(self.tr("Nog niet in orde"), refused.message)
            return False
        summary = describe_changes(self.base, document, bold=("<b>", "</b>"))
        if not self.confirm_save(summary):
            return False
        path = self.choose_save_path()
        if path is None:
            return False
        if _same_file(path, self.active_path) and not self.confirm_overwrite_active(path):
            return False
        text = self.editable.to_text()
        if self.signing_key_path is None:
            saved = self._write(path, text, document)
            if saved and signature_file(path).exists():
                self.show_problem(
                    self.tr("Bewaard zonder handtekening"),
                    self.tr(
                        "{0} is bewaard zonder handtekening; de handtekening {1} die ernaast "
                        "staat past er niet meer bij. Kies een sleutel en bewaar opnieuw, of "
                        "onderteken met: referral-desk registry sign"
                    ).format(path, signature_file(path)),
                )
            return saved
        return self._sign_then_write(self.signing_key_path, path, text, document)

    def _sign_then_write(
        self, key: Path, path: Path, text: str, document: RegistryDocument
    ) -> bool:
        """True when the signing started; the file is written once the signature is made
        (off the GUI thread: unlocking a minisign key takes about a second of scrypt)."""
        not_saved = self.tr(" Er is niets bewaard; uw wijzigingen staan nog open.")
        try:
            key_text = _read_key_text(key)
            encrypted = secret_key_is_encrypted(key_text)
        except (OSError, UnicodeDecodeError, MinisignError) as error:
            self.show_problem(
                self.tr("Niet bewaard"),
                self._key_problem(key, error)
                + not_saved
                + self.tr(" Kies de sleutel opnieuw, of kies Zonder handtekening."),
            )
            return False
        password = self.ask_key_password(key) if encrypted else None
        if encrypted and password is None:
            return False
        data = text.encode("utf-8")
        name, now = path.name, self.clock()

        def signed(result: object) -> None:
            self._signing_done()
            assert isinstance(result, RegistrySignature)
            self._write(path, text, document, result)

        def failed(error: BaseException) -> None:
            self._signing_done()
            if isinstance(error, WrongPassword):
                message = self.tr("Verkeerd wachtwoord voor de sleutel {0}.").format(key)
                message += not_saved + self.tr(" Kies opnieuw Opslaan als… en typ het wachtwoord.")
            elif isinstance(error, MinisignError):
                message = self._key_problem(key, error) + not_saved
            else:
                message = self.tr("Ondertekenen mislukt ({0}).").format(error) + not_saved
            self.show_problem(self.tr("Niet ondertekend, niet bewaard"), message)

        started = self.signing_runner.start(
            lambda: unlock_and_sign(data, name, key_text, password, now=now), signed, failed
        )
        if started:
            self.actions_by_name["save"].setEnabled(False)
            self.setCursor(Qt.CursorShape.BusyCursor)
        return started

    def _signing_done(self) -> None:
        self.actions_by_name["save"].setEnabled(True)
        self.unsetCursor()

    def _write_signature(self, path: Path, signature: RegistrySignature) -> None:
        target = signature_file(path)
        try:
            atomic_write_bytes(target, signature.text.encode("utf-8"), mode=0o644)
        except OSError as error:
            self.show_problem(
                self.tr("Bewaard, niet ondertekend"),
                self.tr(
                    "{0} is bewaard, maar de handtekening {1} kon niet geschreven worden "
                    "({2}). Zonder geldige handtekening weigeren laptops met een vertrouwde "
                    "sleutel dit register: onderteken het met referral-desk registry sign."
                ).format(path, target, error.strerror or error),
            )

    def _write(
        self,
        path: Path,
        text: str,
        document: RegistryDocument,
        signature: RegistrySignature | None = None,
    ) -> bool:
        """The registry, then its signature, then ``saved``: whoever reloads on ``saved``
        finds the two together."""
        try:
            atomic_write_bytes(path, text.encode("utf-8"), mode=0o644)
        except OSError as error:
            self.show_problem(
                self.tr("Niet bewaard"),
                self.tr(
                    "{0} kon niet geschreven worden ({1}). Uw wijzigingen staan nog open: "
                    "kies een map waarin u mag schrijven (bv. Documenten) en geef het "
                    "bestand aan de IT-dienst."
                ).format(path, error.strerror or error),
            )
            return False
        if signature is not None:
            self._write_signature(path, signature)
        self.path = path
        self.base = RegistryBase(text, document)
        self.update_state()
        self.saved.emit(path)
        return True

    def confirm_save(self, summary: str) -> bool:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Wijzigingen nakijken"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr("Kijk de wijzigingen na voor u bewaart:<br><br>{0}").format(
                escape(summary)
                .replace("&lt;b&gt;", "<b>")
                .replace("&lt;/b&gt;", "</b>")
                .replace("\n", "<br>")
            )
        )
        save = box.addButton(self.tr("Klopt, opslaan als…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is save

    def show_problem(self, title: str, message: str) -> None:
        tell(self, title, message, QMessageBox.Icon.Warning)

    def confirm_discard(self) -> bool:
        answer = ask(
            self,
            self.tr("Wijzigingen niet bewaard"),
            self.tr("Het partnerregister heeft wijzigingen die nog niet bewaard zijn. Verwerpen?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_modified() and not self.confirm_discard():
            event.ignore()
            return
        event.accept()

    # --- table ------------------------------------------------------------------------
    def current_index(self) -> int | None:
        rows = self.partner_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.partner_table.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def reload_table(self, select: int | None = None) -> None:
        partners = self.editable.partners()
        self.partner_table.blockSignals(True)
        self.partner_table.setRowCount(len(partners))
        for row in range(len(partners)):
            self._fill_row(row, partners[row])
        self.partner_table.blockSignals(False)
        self.apply_filter()
        if select is not None and 0 <= select < len(partners):
            self.partner_table.selectRow(select)
        self._selection_changed()

    def _fill_row(self, row: int, raw: dict[str, object]) -> None:
        protocol = raw.get("protocol")
        protocol = protocol if isinstance(protocol, dict) else {}
        postcodes = raw.get("postcodes")
        cells = (
            raw.get("id"),
            raw.get("name"),
            raw.get("kind"),
            raw.get("mailbox"),
            ", ".join(map(str, postcodes)) if isinstance(postcodes, list) else postcodes,
            protocol.get("in_force_from"),
            protocol.get("ended_on"),
        )
        for column, value in enumerate(cells):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.partner_table.setItem(row, column, item)

    def apply_filter(self) -> None:
        needle = self.search.text().strip().lower()
        partners = self.editable.partners()
        for row, raw in enumerate(partners):
            names = [
                m.name_nl.lower()
                for nis in raw.get("municipalities") or []
                if (m := self.table.municipality(str(nis))) is not None
            ]
            haystack = " ".join(
                [
                    str(raw.get(key, "")).lower()
                    for key in ("id", "name", "mailbox", "postcodes", "municipalities")
                ]
                + names
            )
            self.partner_table.setRowHidden(row, bool(needle) and needle not in haystack)

    def _selection_changed(self) -> None:
        index = self.current_index()
        self.form.setEnabled(index is not None)
        for name in ("duplicate", "end", "remove"):
            self.actions_by_name[name].setEnabled(index is not None)
        if index is None:
            self.form.setTitle(self.tr("Partner"))
            return
        raw = self.editable.partner(index)
        self.form.setTitle(self.tr("Partner {0}").format(raw.get("name", "")))
        self.form.load(raw)

    def _partner_edited(self) -> None:
        index = self.current_index()
        if index is None:
            return
        self.editable.replace_partner(index, self.form.values())
        # Only the table row: reloading the form would move the cursor under the user's hands.
        self._refresh_row(index)
        self.update_state()

    def _refresh_row(self, index: int) -> None:
        self.partner_table.blockSignals(True)
        self._fill_row(index, self.editable.partner(index))
        self.partner_table.selectRow(index)
        self.partner_table.blockSignals(False)
        self.form.setTitle(
            self.tr("Partner {0}").format(self.editable.partner(index).get("name", ""))
        )

    # --- actions ----------------------------------------------------------------------
    def add_partner(self) -> None:
        index = self.editable.add_new_partner(self.today())
        self.search.clear()
        self.reload_table(select=index)
        self.form.editors["name"].setFocus()
        self.update_state()

    def duplicate_partner(self) -> None:
        """For a renewed protocol: same OCMW, new protocol; end the old one when it starts."""
        index = self.current_index()
        if index is None:
            return
        new_index = self.editable.add_renewal(index, self.today())
        self.search.clear()
        self.reload_table(select=new_index)
        self.update_state()

    def ask_end_date(self, name: str) -> date | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Protocol beëindigen"),
            self.tr(
                "Vanaf welke dag geldt het protocol met {0} niet meer? (JJJJ-MM-DD; vanaf "
                "die dag kan niemand nog naar deze partner doorverwijzen)"
            ).format(name),
            text=self.today().isoformat(),
        )
        if not ok:
            return None
        try:
            return parse_day(text)
        except NotADate as error:
            self.show_problem(self.tr("Geen datum"), error.message)
            return None

    def end_protocol(self) -> None:
        index = self.current_index()
        if index is None:
            return
        day = self.ask_end_date(str(self.editable.partner(index).get("name", "")))
        if day is None:
            return
        self.editable.end_protocol(index, day)
        self._refresh_row(index)
        self.form.load(self.editable.partner(index))
        self.update_state()

    def remove_partner(self) -> None:
        index = self.current_index()
        if index is None:
            return
        name = self.editable.partner(index).get("name", "")
        answer = ask(
            self,
            self.tr("Partner verwijderen"),
            self.tr(
                "{0} uit het partnerregister verwijderen? Een protocol dat afloopt beëindigt u "
                "beter, zodat de geschiedenis bewaard blijft."
            ).format(name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.editable.remove_partner(index)
        self.reload_table(select=max(0, index - 1))
        self.update_state()

    # --- header and state ---------------------------------------------------------------
    def header(self) -> HeaderInput:
        return HeaderInput(
            version=self.version_edit.text(),
            date_text=self.date_edit.text(),
            changed_by=self.changed_by_edit.text(),
        )

    def _header_edited(self) -> None:
        self.header().apply_to(self.editable)
        self.update_state()

    def header_errors(self) -> dict[str, str]:
        return header_problems(self.header(), self.base, self.editable)

    def update_state(self) -> None:
        errors = self.header_errors()
        for key, row in self.header_rows.items():
            row.show_error(errors.get(key))
        try:
            self.editable.validate(self.table)
        except RegistryError as error:
            self.show_registry_problems(error.problems)
        else:
            self.show_registry_problems(())
        modified = self.is_modified()
        marker = " *" if modified else ""
        self.setWindowTitle(self.tr("Partnerregister – {0}{1}").format(self.path.name, marker))

    def show_registry_problems(self, problems: tuple[RegistryProblem, ...]) -> None:
        """Each problem as a Dutch sentence, its line and field below it in grey for IT."""
        self.problems_area.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))
        if not problems:
            self.problems.setText("")
            self.problems.setToolTip("")
            return
        shown = problems[:_SHOWN_PROBLEMS]
        items = "".join(
            f"<li>{escape(p.sentence)}<br><span style='{_DETAIL_STYLE}'>"
            f"{escape(self._problem_detail(p))}</span></li>"
            for p in shown
        )
        more = len(problems) - len(shown)
        if more > 0:
            items += "<li>" + escape(self.tr("… en nog {0}").format(more)) + "</li>"
        self.problems.setText(
            "<b>" + escape(self.tr("Nog niet in orde:")) + f"</b><ul>{items}</ul>"
        )
        self.problems.setToolTip("\n".join(p.where for p in problems))

    def _problem_detail(self, problem: RegistryProblem) -> str:
        if problem.line:
            return self.tr("regel {0} · {1}").format(problem.line, problem.field)
        return problem.field
