"""The client fields: exactly the permitted ones, each with a label and inline error."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.referral_vocabulary import CLIENT_FIELDS

if TYPE_CHECKING:
    from referral_desk.domain.postcodes import Municipality

# The core's check of what was typed: field name → what is wrong, in words.
FieldCheck = Callable[[Mapping[str, str]], dict[str, str]]

ERROR_STYLE = "color: #b00020;"

# WCAG 2.1 level AA for normal-size text.
MIN_CONTRAST = 4.5

RGB = tuple[int, int, int]


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour (0–255 channels)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG 2.1's contrast ratio, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def muted_text_colour(text: RGB, background: RGB, minimum: float = MIN_CONTRAST) -> RGB:
    """The mix of text and background colour closest to the background that still reads at
    ``minimum`` contrast: a secondary text that stays legible on light and dark themes."""
    for step in range(0, 101):
        share = step / 100  # of the text colour in the mix
        mixed = (
            round(background[0] + (text[0] - background[0]) * share),
            round(background[1] + (text[1] - background[1]) * share),
            round(background[2] + (text[2] - background[2]) * share),
        )
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return text


def core_field_check() -> FieldCheck:
    from referral_desk.domain.referral import form_errors

    return form_errors


def _rgb(colour: QColor) -> RGB:
    return colour.red(), colour.green(), colour.blue()


class FieldRow(QWidget):
    """An input with its error text right below it, so the fix is where the eye is."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel(self)
        # Messages may quote what was typed: shown as text, never as markup.
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        description = message or ""
        self.editor.setAccessibleDescription(description)


class ClientForm(QGroupBox):
    """Emits ``changed`` on every edit and ``postcodeChanged`` for the partner lookup."""

    changed = Signal()
    postcodeChanged = Signal(str)

    # The model's fields, in its order; the municipality is a choice, not typed text.
    TEXT_FIELDS = tuple(name for name in CLIENT_FIELDS if name != "municipality")

    def __init__(self, parent: QWidget | None = None, *, checked_later: bool = False) -> None:
        """*checked_later*: the main window is shown before the core loads; it hands the
        core's field check over with :meth:`check_with`, and what was typed meanwhile is
        checked then."""
        super().__init__(parent)
        self.setTitle(self.tr("Cliënt"))
        self.check: FieldCheck | None = None if checked_later else core_field_check()
        self.edits: dict[str, QLineEdit] = {}
        self.rows: dict[str, FieldRow] = {}
        self.labels: dict[str, str] = {}
        self._touched: set[str] = set()

        labels = {
            "first_name": (self.tr("&Voornaam"), "firstName"),
            "last_name": (self.tr("&Achternaam"), "lastName"),
            "street": (self.tr("&Straat"), "street"),
            "house_number": (self.tr("&Huisnummer"), "houseNumber"),
            "box": (self.tr("B&us (optioneel)"), "box"),
            "postcode": (self.tr("&Postcode"), "postcode"),
            "phone": (self.tr("&Telefoon"), "phone"),
            "email": (self.tr("&E-mail"), "email"),
        }
        # No setMaxLength: a cut paste would be accepted silently; the core's inline
        # "te lang (maximaal N tekens)" says what is wrong and keeps what was pasted.
        for name, (_label, object_name) in labels.items():
            edit = QLineEdit(self)
            edit.setObjectName(object_name)
            edit.textEdited.connect(lambda _text, n=name: self._edited(n))
            edit.editingFinished.connect(lambda n=name: self._touch(n))
            self.edits[name] = edit
            self.rows[name] = FieldRow(edit, self)
        self.edits["phone"].setPlaceholderText(self.tr("bv. 0470 12 34 56"))
        self.edits["email"].setPlaceholderText(self.tr("bv. naam@voorbeeld.be"))

        self.municipality = QComboBox(self)
        self.municipality.setObjectName("municipality")
        self.municipality.setEnabled(False)
        self.municipality.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.rows["municipality"] = FieldRow(self.municipality, self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        order = ("first_name", "last_name", "street", "house_number", "box", "postcode")
        for name in order:
            self._add_row(form, labels[name][0], name)
        self._add_row(form, self.tr("&Gemeente"), "municipality")
        for name in ("phone", "email"):
            self._add_row(form, labels[name][0], name)
        hint = QLabel(
            self.tr(
                "Adres is verplicht; geef minstens een telefoonnummer of een "
                "e-mailadres op. Andere gegevens over het gezin mogen niet "
                "gedeeld worden."
            ),
            self,
        )
        hint.setObjectName("formHint")
        hint.setWordWrap(True)
        palette = self.palette()
        r, g, b = muted_text_colour(
            _rgb(palette.color(QPalette.ColorRole.WindowText)),
            _rgb(palette.color(QPalette.ColorRole.Window)),
        )
        hint.setStyleSheet(f"color: rgb({r}, {g}, {b});")
        # After creating: the fields keep their values, readable and copyable, but take no input.
        self.locked_note = QLabel(
            self.tr("Vergrendeld: klik Nieuwe doorverwijzing om een volgende te maken."), self
        )
        self.locked_note.setObjectName("formLocked")
        self.locked_note.setWordWrap(True)
        self.locked_note.setVisible(False)
        outer = QVBoxLayout(self)
        outer.addWidget(self.locked_note)
        outer.addLayout(form)
        outer.addWidget(hint)

        self.edits["postcode"].textChanged.connect(self.postcodeChanged.emit)
        chain = (
            [self.edits[n] for n in order]
            + [self.municipality]
            + [self.edits["phone"], self.edits["email"]]
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _add_row(self, form: QFormLayout, text: str, name: str) -> None:
        label = QLabel(text, self)
        row = self.rows[name]
        label.setBuddy(row.editor)
        plain = text.replace("&", "")
        self.labels[name] = plain.removesuffix(" (optioneel)")
        row.editor.setAccessibleName(plain)
        form.addRow(label, row)

    def check_with(self, check: FieldCheck) -> None:
        """The core's check, once loaded: the fields left meanwhile show what is wrong."""
        self.check = check
        for name in self._touched:
            self.refresh_error(name)

    def _edited(self, name: str) -> None:
        if name in self._touched:
            self.refresh_error(name)
        if name in ("phone", "email"):
            for other in ("phone", "email"):
                if other in self._touched:
                    self.refresh_error(other)
        self.changed.emit()

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.refresh_error(name)

    def refresh_error(self, name: str) -> None:
        self.rows[name].show_error(self.error_for(name))

    def error_for(self, name: str) -> str | None:
        # The municipality is chosen from a list; the partner lookup explains a missing one.
        if name == "municipality" or self.check is None:
            return None
        return self.check(self.raw_values()).get(name)

    def raw_values(self) -> dict[str, str]:
        values = {name: edit.text() for name, edit in self.edits.items()}
        values["municipality"] = (
            self.municipality.currentText() if self.municipality.currentData() else ""
        )
        return values

    def all_errors(self) -> dict[str, str]:
        return {
            name: message
            for name in (*self.TEXT_FIELDS, "municipality")
            if (message := self.error_for(name)) is not None
        }

    def show_all_errors(self) -> None:
        self._touched.update(self.TEXT_FIELDS)
        for name in self.TEXT_FIELDS:
            self.refresh_error(name)

    def chosen_nis_code(self) -> str | None:
        data = self.municipality.currentData()
        return str(data) if data else None

    def set_municipalities(self, options: tuple[Municipality, ...]) -> None:
        """One option is filled in; two (e.g. 1804) make the user choose; none clears."""
        current = self.chosen_nis_code()
        self.municipality.blockSignals(True)
        self.municipality.clear()
        if len(options) > 1:
            self.municipality.addItem(self.tr("Kies de gemeente…"), None)
        for option in options:
            self.municipality.addItem(option.name_nl, option.nis_code)
        index = self.municipality.findData(current) if current else -1
        self.municipality.setCurrentIndex(index if index >= 0 else 0)
        self.municipality.setEnabled(len(options) > 1)
        self.municipality.blockSignals(False)
        self.changed.emit()

    def has_input(self) -> bool:
        return any(edit.text().strip() for edit in self.edits.values())

    def clear(self) -> None:
        for edit in self.edits.values():
            edit.clear()
        self._touched.clear()
        for row in self.rows.values():
            row.show_error(None)
        self.set_municipalities(())
        self.edits["first_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool, *, locked: bool = False) -> None:
        """Read-only fields look it (the window's colour, not a white field to type in);
        ``locked``: for good, after creating, with the line that says how to go on."""
        window_colour = self.palette().color(QPalette.ColorRole.Window)
        for edit in self.edits.values():
            edit.setReadOnly(read_only)
            palette = edit.palette()
            if read_only:
                palette.setColor(QPalette.ColorRole.Base, window_colour)
            else:
                palette.setColor(
                    QPalette.ColorRole.Base, self.palette().color(QPalette.ColorRole.Base)
                )
            edit.setPalette(palette)
        if read_only:
            self.municipality.setEnabled(False)
        self.locked_note.setVisible(read_only and locked)
