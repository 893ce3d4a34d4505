"""The filters above the sent-referrals table: ID, dates, partner and status, read into the
domain's ReferralLogQuery that decides which rows match."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from referral_desk.domain.dutch_dates import parse_numeric_date
from referral_desk.domain.referral_record import ReferralLogEntry, ReferralLogQuery, ReferralStatus
from referral_desk.ui.labels import status_label

_WRONG_DATE_STYLE = "border: 1px solid #b00020;"


class ReferralLogFilters(QObject):
    """The filter widgets, made in *parent* and laid out in ``grid``; ``changed`` on every
    edit or choice."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.search = QLineEdit(parent)
        self.search.setObjectName("referralLogSearch")
        self.search.setPlaceholderText(self.tr("bv. KG-2026-7F3K"))
        self.date_from = QLineEdit(parent)
        self.date_from.setObjectName("referralLogFrom")
        self.date_to = QLineEdit(parent)
        self.date_to.setObjectName("referralLogTo")
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("DD-MM-JJJJ"))
            edit.setToolTip(self.tr("Zoals in de tabel (31-01-2026), of als 2026-01-31."))
            edit.setMaximumWidth(120)
        self.partner = QComboBox(parent)
        self.partner.setObjectName("referralLogPartner")
        self.status = QComboBox(parent)
        self.status.setObjectName("referralLogStatus")
        self.status.addItem(self.tr("alle"), None)
        for status in ReferralStatus:
            self.status.addItem(status_label(status), status.value)
        # Two rows (ID and dates, then partner and status): one row of five filters made the
        # window wider than a small screen in longer languages.
        self.grid = QGridLayout()
        for place, text, widget in (
            ((0, 0), self.tr("I&D"), self.search),
            ((0, 2), self.tr("&Van"), self.date_from),
            ((0, 4), self.tr("&Tot"), self.date_to),
            ((1, 0), self.tr("&Partner"), self.partner),
            ((1, 2), self.tr("&Status"), self.status),
        ):
            label = QLabel(text, parent)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            line, column = place
            self.grid.addWidget(label, line, column)
            self.grid.addWidget(widget, line, column + 1)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(3, 1)
        self.grid.setColumnStretch(5, 1)
        for edit in (self.search, self.date_from, self.date_to):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        for combo in (self.partner, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def widgets(self) -> list[QWidget]:
        """In tab order."""
        return [self.search, self.date_from, self.date_to, self.partner, self.status]

    def offer_partners(self, rows: Iterable[ReferralLogEntry]) -> None:
        """The partners of *rows* to choose from; the chosen one stays chosen if still there.
        Quietly: the caller filters once afterwards."""
        current = self.partner.currentData()
        partners = sorted({(r.partner_name, r.partner_id) for r in rows})
        self.partner.blockSignals(True)
        self.partner.clear()
        self.partner.addItem(self.tr("alle"), None)
        for name, partner_id in partners:
            self.partner.addItem(name, partner_id)
        self.partner.setCurrentIndex(max(self.partner.findData(current), 0))
        self.partner.blockSignals(False)

    def query(self) -> ReferralLogQuery | str:
        """The query, or what is wrong with a date (that field marked) to say."""
        bounds: list[date | None] = []
        for edit in (self.date_from, self.date_to):
            text = edit.text().strip()
            try:
                bounds.append(parse_numeric_date(text) if text else None)
            except ValueError:
                edit.setStyleSheet(_WRONG_DATE_STYLE)
                return self.tr("{0}: geen datum. Geef ze als 31-01-2026 of 2026-01-31.").format(
                    edit.accessibleName()
                )
            edit.setStyleSheet("")
        status = self.status.currentData()
        return ReferralLogQuery(
            text=self.search.text(),
            date_from=bounds[0],
            date_to=bounds[1],
            partner_id=self.partner.currentData(),
            status=ReferralStatus(status) if status else None,
        )
