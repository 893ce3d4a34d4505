"""The evaluation's bar chart: one painter for the window, its PNG export and the CLI's PNG.

Only QtGui is needed to paint into a QImage, so ``referral-desk evaluation merge --png``
renders it with a QGuiApplication on Qt's offscreen platform, without a display. Every
margin follows the font's metrics, so a large font (the PNG's) never clips the title or
the month labels.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QWidget

from referral_desk.domain.dutch_dates import numeric_date
from referral_desk.lifecycle.evaluation import EvaluationTable

SERIES = (
    ("referrals", "Verstuurd", "#1f5fa8"),
    ("corrections", "Correcties", "#e08a00"),
    ("never_sent", "Nooit verstuurd", "#8a8a8a"),
    ("withdrawals", "Intrekkingen", "#b00020"),
    ("incidents", "Incidenten", "#6a1b9a"),
)
PNG_SIZE = (1600, 900)
PNG_FONT_PIXELS = 22


def series_label(key: str) -> str:
    translate = QCoreApplication.translate
    return {
        "referrals": translate("EvaluationChart", "Verstuurd"),
        "corrections": translate("EvaluationChart", "Correcties"),
        "never_sent": translate("EvaluationChart", "Nooit verstuurd"),
        "withdrawals": translate("EvaluationChart", "Intrekkingen"),
        "incidents": translate("EvaluationChart", "Incidenten"),
    }[key]


def chart_title(table: EvaluationTable) -> str:
    period = table.period
    return QCoreApplication.translate(
        "EvaluationChart", "Doorverwijzingen per maand, {0} – {1}"
    ).format(numeric_date(period.start), numeric_date(period.end))


def paint_chart(painter: QPainter, area: QRect, table: EvaluationTable | None) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(area, QColor("white"))
    if table is None:
        return
    base_font = QFont(painter.font())
    metrics = QFontMetrics(base_font)
    line = metrics.height()
    months = table.by_month()
    values = [[getattr(cell, key) for key, _label, _color in SERIES] for cell in months.values()]
    top = max([1, *(v for group in values for v in group)])
    title_font = QFont(base_font)
    title_font.setBold(True)
    title_metrics = QFontMetrics(title_font)
    title_rect = QRect(
        area.left() + 8,
        area.top() + line // 3,
        area.width() - 16,
        title_metrics.height() * 2 + 4,
    )
    title = chart_title(table)
    title_bounds = title_metrics.boundingRect(
        title_rect, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, title
    )
    margin_left = metrics.horizontalAdvance(str(top)) + line
    margin_top = title_bounds.bottom() - area.top() + line
    # Month labels, then the legend below them.
    margin_bottom = line * 3 + line // 2
    plot = QRect(
        area.left() + margin_left,
        area.top() + margin_top,
        max(1, area.width() - margin_left - line),
        max(1, area.height() - margin_top - margin_bottom),
    )
    painter.setFont(title_font)
    painter.setPen(QColor("#222"))
    painter.drawText(
        title_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), title
    )
    painter.setFont(base_font)
    steps = min(top, 5)
    for i in range(steps + 1):
        value = round(top * i / steps)
        y = plot.bottom() - int(plot.height() * value / top)
        painter.setPen(QColor("#ddd"))
        painter.drawLine(plot.left(), y, plot.right(), y)
        painter.setPen(QColor("#444"))
        painter.drawText(
            QRect(area.left(), y - line // 2, margin_left - line // 3, line),
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
                QRect(int(x0 + bar * series), plot.bottom() - height, max(1, int(bar)), height),
                QColor(SERIES[series][2]),
            )
        painter.setPen(QColor("#444"))
        painter.drawText(
            QRect(int(plot.left() + slot * index), plot.bottom() + 4, int(slot), line),
            Qt.AlignmentFlag.AlignHCenter,
            month[2:].replace("-", "/"),
        )
    legend_x = plot.left()
    legend_y = area.bottom() - line - line // 3
    box = max(8, line * 2 // 3)
    for key, _label, color in SERIES:
        text = series_label(key)
        painter.fillRect(QRect(legend_x, legend_y + (line - box) // 2, box, box), QColor(color))
        painter.setPen(QColor("#222"))
        painter.drawText(
            QRect(legend_x + box + 4, legend_y, metrics.horizontalAdvance(text) + 4, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        legend_x += box + line + metrics.horizontalAdvance(text)


def ensure_gui_application() -> QGuiApplication:
    """The running application, or a new one on the offscreen platform when none runs
    (the command line): painting text needs one, a display does not."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["referral-desk"])


def chart_png(
    table: EvaluationTable, font: QFont | None = None, size: tuple[int, int] = PNG_SIZE
) -> bytes:
    """The chart as PNG bytes, *size* pixels, with *font* (the application's) made large."""
    ensure_gui_application()
    width, height = size
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        chosen = QFont(font) if font is not None else QFont(QGuiApplication.font())
        chosen.setPixelSize(PNG_FONT_PIXELS)
        painter.setFont(chosen)
        paint_chart(painter, QRect(0, 0, width, height), table)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, Qt a str
    buffer.close()
    return bytes(data.data())


class EvaluationChart(QWidget):
    """Grouped bars per month; paints the same on screen and into the exported PNG."""

    def __init__(self, parent: QWidget | None = None, name: str = "evaluationChart") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(self.tr("Grafiek per maand"))
        self.setMinimumHeight(260)
        self.table: EvaluationTable | None = None

    def set_table(self, table: EvaluationTable | None) -> None:
        self.table = table
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setFont(self.font())
            paint_chart(painter, self.rect(), self.table)
        finally:
            painter.end()

    def png_bytes(self, width: int = PNG_SIZE[0], height: int = PNG_SIZE[1]) -> bytes:
        if self.table is None:
            return b""
        return chart_png(self.table, self.font(), (width, height))
