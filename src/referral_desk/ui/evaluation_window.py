"""Jaarlijkse evaluatie: the figures per partner and month, a bar chart, CSV and PNG export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.domain.registry_csv import parse_registry_date
from referral_desk.evaluation import EvaluationPeriod, EvaluationTable, evaluate, to_csv_bytes
from referral_desk.retention import months_before
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.referral_log import (
    CHANNEL_LABELS,
    PasswordChannel,
    ReferralLog,
    ReferralLogError,
)
from referral_desk.ui.client_form import ERROR_STYLE

SERIES = (
    ("referrals", "Doorverwijzingen", "#1f5fa8"),
    ("corrections", "Correcties", "#e08a00"),
    ("withdrawals", "Intrekkingen", "#b00020"),
)


def default_period(today: date) -> EvaluationPeriod:
    """The last twelve months, this one included: the usual evaluation window."""
    start = months_before(datetime(today.year, today.month, 1), 11).date()
    return EvaluationPeriod(start=start, end=today)


class EvaluationChart(QWidget):
    """Grouped bars per month; paints the same on screen and into the exported PNG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationChart")
        self.setAccessibleName(self.tr("Grafiek per maand"))
        self.setMinimumHeight(260)
        self.table: EvaluationTable | None = None

    def set_table(self, table: EvaluationTable) -> None:
        self.table = table
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, self.rect())
        finally:
            painter.end()

    def paint(self, painter: QPainter, area: QRect) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(area, QColor("white"))
        if self.table is None:
            return
        months = self.table.by_month()
        values = [
            [getattr(cell, key) for key, _label, _color in SERIES] for cell in months.values()
        ]
        top = max([1, *(v for group in values for v in group)])
        margin_left, margin_bottom, margin_top = 48, 56, 48
        plot = QRect(
            area.left() + margin_left,
            area.top() + margin_top,
            area.width() - margin_left - 16,
            area.height() - margin_top - margin_bottom,
        )
        title_font = QFont(painter.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        period = self.table.period
        painter.setPen(QColor("#222"))
        painter.drawText(
            QRect(area.left(), area.top() + 6, area.width(), 20),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("Doorverwijzingen per maand, {0} – {1}").format(
                numeric_date(period.start), numeric_date(period.end)
            ),
        )
        painter.setFont(QFont(self.font()))
        # Horizontal grid with whole-number steps.
        steps = min(top, 5)
        for i in range(steps + 1):
            value = round(top * i / steps)
            y = plot.bottom() - int(plot.height() * value / top)
            painter.setPen(QColor("#ddd"))
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(QColor("#444"))
            painter.drawText(
                QRect(area.left(), y - 8, margin_left - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        slot = plot.width() / max(1, len(values))
        bar = max(2.0, slot * 0.8 / len(SERIES))
        for index, (month, group) in enumerate(zip(months, values, strict=True)):
            x0 = plot.left() + slot * index + slot * 0.1
            for series, value in enumerate(group):
                height = int(plot.height() * value / top)
                painter.fillRect(
                    QRect(int(x0 + bar * series), plot.bottom() - height, int(bar), height),
                    QColor(SERIES[series][2]),
                )
            painter.setPen(QColor("#444"))
            painter.drawText(
                QRect(int(plot.left() + slot * index), plot.bottom() + 4, int(slot), 16),
                Qt.AlignmentFlag.AlignHCenter,
                month[2:].replace("-", "/"),
            )
        legend_x = plot.left()
        for _key, label, color in SERIES:
            painter.fillRect(QRect(legend_x, area.bottom() - 22, 12, 12), QColor(color))
            painter.setPen(QColor("#222"))
            painter.drawText(legend_x + 16, area.bottom() - 12, self.tr(label))
            legend_x += 30 + painter.fontMetrics().horizontalAdvance(self.tr(label))

    def png_bytes(self, width: int = 1600, height: int = 900) -> bytes:
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            font = QFont(self.font())
            font.setPixelSize(22)
            painter.setFont(font)
            self.paint(painter, QRect(0, 0, width, height))
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, Qt a str
        buffer.close()
        return bytes(data.data())


class EvaluationWindow(QMainWindow):
    def __init__(
        self,
        referral_log: ReferralLog | None,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationWindow")
        self.setWindowTitle(self.tr("Jaarlijkse evaluatie"))
        self.referral_log = referral_log
        self.result: EvaluationTable | None = None
        period = default_period(today())
        central = QWidget(self)
        self.date_from = QLineEdit(period.start.isoformat(), central)
        self.date_from.setObjectName("evaluationFrom")
        self.date_to = QLineEdit(period.end.isoformat(), central)
        self.date_to.setObjectName("evaluationTo")
        filters = QHBoxLayout()
        for text, edit in (
            (self.tr("&Van"), self.date_from),
            (self.tr("&Tot en met"), self.date_to),
        ):
            label = QLabel(text, central)
            label.setBuddy(edit)
            edit.setAccessibleName(text.replace("&", ""))
            edit.setPlaceholderText(self.tr("JJJJ-MM-DD"))
            edit.editingFinished.connect(self.recompute)
            filters.addWidget(label)
            filters.addWidget(edit)
        self.show_button = QPushButton(self.tr("T&oon"), central)
        self.show_button.setObjectName("evaluationShow")
        self.show_button.clicked.connect(self.recompute)
        self.csv_button = QPushButton(self.tr("&CSV exporteren…"), central)
        self.csv_button.setObjectName("evaluationCsv")
        self.csv_button.clicked.connect(self.export_csv)
        self.png_button = QPushButton(self.tr("Grafiek als &PNG…"), central)
        self.png_button.setObjectName("evaluationPng")
        self.png_button.clicked.connect(self.export_png)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        filters.addWidget(self.csv_button)
        filters.addWidget(self.png_button)
        self.message = QLabel(central)
        self.message.setObjectName("evaluationMessage")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 5 + len(PasswordChannel), central)
        self.table.setObjectName("evaluationTable")
        self.table.setAccessibleName(self.tr("Cijfers per partner en maand"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Partner"),
                self.tr("Maand"),
                self.tr("Doorverwijzingen"),
                self.tr("Correcties"),
                self.tr("Intrekkingen"),
                *(self.tr("Wachtwoord: {0}").format(CHANNEL_LABELS[c]) for c in PasswordChannel),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart = EvaluationChart(central)
        splitter = QSplitter(Qt.Orientation.Vertical, central)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        layout = QVBoxLayout(central)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.resize(1000, 700)
        self.recompute()

    def period(self) -> EvaluationPeriod | None:
        try:
            return EvaluationPeriod(
                start=parse_registry_date(self.date_from.text()),
                end=parse_registry_date(self.date_to.text()),
            )
        except ValueError:
            return None

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def recompute(self) -> None:
        period = self.period()
        if period is None:
            self.say(
                self.tr("Geef twee datums als 2026-01-01, de eerste niet na de tweede."), error=True
            )
            return
        if self.referral_log is None:
            self.say(self.tr("Het logboek is niet beschikbaar."), error=True)
            return
        try:
            rows = self.referral_log.all()
        except ReferralLogError as error:
            self.say(error.message, error=True)
            return
        self.result = evaluate(rows, period)
        self.fill_table(self.result)
        self.chart.set_table(self.result)
        total = self.result.total()
        self.say(
            self.tr(
                "{0} doorverwijzingen, {1} correcties, {2} intrekkingen in deze periode."
            ).format(total.referrals, total.corrections, total.withdrawals)
        )

    def fill_table(self, table: EvaluationTable) -> None:
        lines = []
        for partner_id, name in table.partners():
            lines += [(name, c) for c in table.cells if c.partner_id == partner_id]
            lines.append((name, table.total(partner_id)))
        lines.append((self.tr("Alle partners"), table.total()))
        self.table.setRowCount(len(lines))
        for row, (name, cell) in enumerate(lines):
            values = [
                name,
                cell.month,
                cell.referrals,
                cell.corrections,
                cell.withdrawals,
                *(cell.channels.get(c, 0) for c in PasswordChannel),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if cell.month == "totaal":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)

    def choose_export_path(self, suggested: str, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exporteren"), str(Path.home() / suggested), file_filter
        )
        return Path(name) if name else None

    def _stem(self) -> str:
        period = self.result.period if self.result else None
        if period is None:
            return "evaluatie"
        return f"evaluatie-{period.start.isoformat()}-{period.end.isoformat()}"

    def _write(self, path: Path, data: bytes) -> None:
        try:
            atomic_write_bytes(path, data, mode=0o644)
        except OSError as error:
            self.say(
                self.tr("{0} kon niet geschreven worden ({1}); kies een andere map.").format(
                    path, error.strerror or error
                ),
                error=True,
            )
            return
        self.say(self.tr("Bewaard: {0}").format(path))

    def export_csv(self) -> None:
        if self.result is None:
            return
        path = self.choose_export_path(f"{self._stem()}.csv", self.tr("CSV (*.csv)"))
        if path is not None:
            self._write(path, to_csv_bytes(self.result))

    def export_png(self) -> None:
        if self.result is None:
            return
        path = self.choose_export_path(f"{self._stem()}.png", self.tr("PNG-afbeelding (*.png)"))
        if path is not None:
            self._write(path, self.chart.png_bytes())
