"""Beheer → Partnerregister: coordinators keep the registry right without a text editor.

What may be saved, what a new, renewed or ended partner starts as, when a change is dated,
where a save is proposed, which partners a search finds and how a save is signed are
decided in the core (:mod:`referral_desk.lifecycle.registry_editing`,
:mod:`referral_desk.lifecycle.registry_signing`); this window shows it and asks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.lifecycle.registry_editing import (
    ChangeLine,
    NewVersionRefused,
    RegistryEditing,
    SaveReview,
)
from referral_desk.lifecycle.registry_signing import (
    KeySettings,
    KeyUnusable,
    NotWritten,
    Signature,
    SigningKeyMemory,
)
from referral_desk.ui import registry_editor_questions as asking
from referral_desk.ui.core_messages import worded
from referral_desk.ui.questions import Answers, Notice, Questions
from referral_desk.ui.registry_editor_view import RegistryEditorView
from referral_desk.ui.registry_save_signing import SaveSigning


def _default_documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class RegistryEditor(QMainWindow):
    """Emits ``saved(Path)`` after a successful save, so the app can reload that file.

    With a signing key chosen (its path kept in the settings, never its password), a save
    signs exactly the bytes it writes and puts ``FILE.minisig`` beside them; a wrong
    password saves nothing and the changes stay open to save again.
    """

    saved = Signal(Path)

    def __init__(
        self,
        table: PostcodeTable,
        path: Path,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        settings: KeySettings | None = None,
        clock: Callable[[], float] = time.time,
        documents: Path | None = None,
        questions: Answers | None = None,
    ) -> None:
        """*path* is the registry the app uses: saving over it asks first. *documents* is
        where *Opslaan als* proposes a new file (the user's Documents folder)."""
        super().__init__(parent)
        self.questions: Answers = questions or Questions()
        self.setObjectName("registryEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        documents = documents if documents is not None else _default_documents()
        self.editing = RegistryEditing(table, path, today, documents)
        self.signing_keys = SigningKeyMemory(settings)
        self.signing = SaveSigning(
            self,
            lambda key: self.ask_key_password(key),
            lambda title, message: self.show_problem(title, message),
            self._signing_busy,
            clock,
        )
        self.signing_runner = self.signing.runner
        self._build()
        self.open_file(path)

    # --- what the core holds, by the names the rest of the app uses ----------------------
    @property
    def active_path(self) -> Path:
        return self.editing.active_path

    @property
    def path(self) -> Path:
        return self.editing.path

    @property
    def signing_key_path(self) -> Path | None:
        return self.signing_keys.path

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        partner_actions: list[tuple[str, str, QAction]] = []
        for name, text, slot in (
            ("add", self.tr("&Toevoegen"), self.add_partner),
            ("duplicate", self.tr("&Dupliceren"), self.duplicate_partner),
            ("end", self.tr("Protocol &beëindigen…"), self.end_protocol),
            ("remove", self.tr("&Verwijderen"), self.remove_partner),
        ):
            action = QAction(text.replace("&", ""), self)
            action.setObjectName(f"registry_{name}")
            action.triggered.connect(slot)
            self.actions_by_name[name] = action
            partner_actions.append((name, text, action))
        self.view = RegistryEditorView(partner_actions, self.editing.partner_entry, self)
        self.setCentralWidget(self.view)
        self._build_toolbar()
        # The widgets by the names the tests and the app's layout checks use.
        self.search = self.view.search
        self.partner_table = self.view.partner_table
        self.buttons_by_name = self.view.buttons_by_name
        self.problems_area = self.view.problems_area
        self.problems = self.problems_area.label
        self.header_box = self.view.header_box
        self.header_rows = self.header_box.rows
        self.version_edit = self.header_box.version_edit
        self.date_edit = self.header_box.date_edit
        self.changed_by_edit = self.header_box.changed_by_edit
        self.form = self.view.form
        self.form_area = self.view.form_area

        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.partner_table.itemSelectionChanged.connect(self._selection_changed)
        self.header_box.edited.connect(self._header_edited)
        self.header_box.choose_key.connect(self.choose_signing_key)
        self.header_box.forget_key.connect(lambda: self.set_signing_key(None))
        self.header_box.show_key(self.signing_keys.path)
        self.form.edited.connect(self._partner_edited)
        self._fit_to_screen(1200, 760)

    def _build_toolbar(self) -> None:
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

    def _fit_to_screen(self, width: int, height: int) -> None:
        """The wished size, but never larger than the screen's free area (taskbar, title)."""
        screen = self.screen()
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - 16)
            height = min(height, free.height() - 48)
        self.resize(width, height)
        self.view.split(width)

    # --- the signing key ----------------------------------------------------------------
    def choose_key_path(self) -> Path | None:
        start = self.signing_key_path.parent if self.signing_key_path else Path.home()
        return self.questions.open_path(self, asking.signing_key(start))

    def choose_signing_key(self) -> None:
        path = self.choose_key_path()
        if path is not None:
            self.set_signing_key(path)

    def set_signing_key(self, path: Path | None) -> None:
        """Remembered in the settings as a path only; this session keeps it even when the
        settings cannot be written (and says so). A file that is no key is not taken."""
        try:
            not_remembered = self.signing_keys.choose(path)
        except KeyUnusable as unusable:
            self.show_problem(self.tr("Geen sleutel gekozen"), self.signing.key_problem(unusable))
            return
        self.header_box.show_key(self.signing_keys.path)
        if not_remembered is not None:
            self.show_problem(
                self.tr("Sleutel niet onthouden"),
                self.tr("{0} De keuze geldt tot u het partnerregister sluit.").format(
                    not_remembered
                ),
            )

    def ask_key_password(self, key: Path) -> str | None:
        """None when cancelled. The answer only lives until the signature is made."""
        return self.questions.enter_text(self, asking.key_password(key))

    # --- file -------------------------------------------------------------------------
    def open_file(self, path: Path) -> bool:
        """A file with problems still opens: fixing a broken registry is what this is for."""
        try:
            header = self.editing.open(path)
        except RegistryError as error:
            self.show_problem(
                self.tr("Partnerregister niet geopend"),
                "\n".join(f"{worded(p.said)}\n    ({p.where})" for p in error.problems),
            )
            return False
        self.header_box.show_header(header.version, header.date_text, header.changed_by)
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
        return self.questions.open_path(self, asking.open_registry(self.path.parent))

    def choose_save_path(self) -> Path | None:
        return self.questions.save_path(self, asking.save_as(self.editing.proposed_save_path()))

    def confirm_overwrite_active(self, path: Path) -> bool:
        return self.questions.ask(self, asking.overwrite_active(path))

    def is_modified(self) -> bool:
        return self.editing.is_modified()

    def save_as(self) -> bool:
        """True when the registry was written, or (with a key) its signing started."""
        dated = self.editing.date_the_changes()
        if dated is not None:
            self.date_edit.setText(dated)
            self.date_edit.setCursorPosition(0)
            self.update_state()
        try:
            review = self.editing.review_save()
        except UserFacingError as refused:
            said = refused.lines if isinstance(refused, NewVersionRefused) else (refused.said,)
            reasons = "\n".join(worded(line) for line in said)
            self.show_problem(self.tr("Nog niet in orde"), reasons)
            return False
        if not self.confirm_save(self.change_summary(review.changes)):
            return False
        path = self.choose_save_path()
        if path is None:
            return False
        if self.editing.is_active(path) and not self.confirm_overwrite_active(path):
            return False
        if self.signing_key_path is None:
            return self._write(path, review)
        return self.signing.sign_then_write(self.signing_key_path, path, review, self._write)

    def _signing_busy(self, busy: bool) -> None:
        """No second save while a signature is being made."""
        self.actions_by_name["save"].setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _write(self, path: Path, review: SaveReview, signature: Signature | None = None) -> bool:
        """The registry, then its signature, then ``saved``: whoever reloads on ``saved``
        finds the two together."""
        try:
            written = self.editing.write(path, review, signature)
        except NotWritten as refused:
            self.show_problem(
                self.tr("Niet bewaard"),
                self.tr(
                    "{0} kon niet geschreven worden ({1}). Uw wijzigingen staan nog open: "
                    "kies een map waarin u mag schrijven (bv. Documenten) en geef het "
                    "bestand aan de IT-dienst."
                ).format(refused.path, refused.reason),
            )
            return False
        self.signing.tell_written(written)
        self.update_state()
        self.saved.emit(path)
        return True

    @staticmethod
    def change_summary(changes: tuple[ChangeLine, ...]) -> str:
        """The changes as rich text, a mailbox change in bold: where a family's data goes."""
        return "<br>".join(
            f"<b>{escape(worded(line.said))}</b>" if line.emphasised else escape(worded(line.said))
            for line in changes
        )

    def confirm_save(self, summary: str) -> bool:
        return self.questions.choose(self, asking.review_changes(summary)) == "save"

    def show_problem(self, title: str, message: str) -> None:
        self.questions.tell(self, Notice("problem", title, message, warning=True))

    def confirm_discard(self) -> bool:
        return self.questions.choose(self, asking.unsaved()) == "discard"

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_modified() and not self.confirm_discard():
            event.ignore()
            return
        event.accept()

    # --- table ------------------------------------------------------------------------
    def current_index(self) -> int | None:
        return self.partner_table.current_index()

    def reload_table(self, select: int | None = None) -> None:
        count = len(self.editing.partners())
        self.partner_table.show_rows([self.editing.row(i) for i in range(count)])
        self.apply_filter()
        if select is not None and 0 <= select < count:
            self.partner_table.selectRow(select)
        self._selection_changed()

    def apply_filter(self) -> None:
        self.partner_table.show_found(self.editing.found(self.search.text()))

    def _selection_changed(self) -> None:
        index = self.current_index()
        self.form.setEnabled(index is not None)
        for name in ("duplicate", "end", "remove"):
            self.actions_by_name[name].setEnabled(index is not None)
        if index is None:
            self.form.setTitle(self.tr("Partner"))
            return
        self.form.setTitle(self.tr("Partner {0}").format(self.editing.partner_name(index)))
        self.form.load(self.editing.partner(index))

    def _partner_edited(self) -> None:
        index = self.current_index()
        if index is None:
            return
        self.editing.replace_partner(index, self.form.values())
        # Only the table row: reloading the form would move the cursor under the user's hands.
        self._refresh_row(index)
        self.update_state()

    def _refresh_row(self, index: int) -> None:
        self.partner_table.refresh_row(index, self.editing.row(index))
        self.form.setTitle(self.tr("Partner {0}").format(self.editing.partner_name(index)))

    # --- actions ----------------------------------------------------------------------
    def add_partner(self) -> None:
        index = self.editing.add_new_partner()
        self.search.clear()
        self.reload_table(select=index)
        self.form.editors["name"].setFocus()
        self.update_state()

    def duplicate_partner(self) -> None:
        """For a renewed protocol: same OCMW, new protocol; end the old one when it starts."""
        index = self.current_index()
        if index is None:
            return
        new_index = self.editing.add_renewal(index)
        self.search.clear()
        self.reload_table(select=new_index)
        self.update_state()

    def ask_end_date(self, name: str) -> str | None:
        """The day typed, or None when cancelled; the core says whether it is a date."""
        today = self.editing.today().isoformat()
        return self.questions.enter_text(self, asking.end_date(name, today))

    def end_protocol(self) -> None:
        index = self.current_index()
        if index is None:
            return
        day = self.ask_end_date(self.editing.partner_name(index))
        if day is None:
            return
        try:
            self.editing.end_protocol(index, day)
        except UserFacingError as error:
            self.show_problem(self.tr("Geen datum"), worded(error))
            return
        self._refresh_row(index)
        self.form.load(self.editing.partner(index))
        self.update_state()

    def remove_partner(self) -> None:
        index = self.current_index()
        if index is None:
            return
        if not self.questions.ask(self, asking.remove_partner(self.editing.partner_name(index))):
            return
        self.editing.remove_partner(index)
        self.reload_table(select=max(0, index - 1))
        self.update_state()

    # --- header and state ---------------------------------------------------------------
    def _header_edited(self) -> None:
        self.editing.type_header(*self.header_box.texts())
        self.update_state()

    def header_errors(self) -> dict[str, str]:
        return {key: worded(said) for key, said in self.editing.header_errors().items()}

    def update_state(self) -> None:
        self.header_box.show_errors(self.header_errors())
        self.problems_area.show_problems(self.editing.problems())
        marker = " *" if self.is_modified() else ""
        self.setWindowTitle(self.tr("Partnerregister – {0}{1}").format(self.path.name, marker))
