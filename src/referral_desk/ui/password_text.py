"""The password, as large as the width allows: 22 pt where it fits, never under 12 pt.

A QLabel asks for its whole text's width as its minimum, which forced sideways scrolling on
a 1024×768 screen at 125 %; this one shrinks its font instead, and says the size it needs
at the font it has, so a layout check sees it whole.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

LARGEST_POINTS = 22
SMALLEST_POINTS = 12


def password_font(points: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(points)
    font.setWeight(QFont.Weight.Bold)
    return font


class PasswordText(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(password_font(LARGEST_POINTS))

    def _width_at(self, points: int) -> int:
        margins = self.contentsMargins()
        text_width = QFontMetrics(password_font(points)).horizontalAdvance(self.text())
        return text_width + margins.left() + margins.right() + 2 * self.margin() + 2

    def sizeHint(self) -> QSize:
        height = super().sizeHint().height()
        return QSize(self._width_at(self.font().pointSize()), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_at(SMALLEST_POINTS), super().minimumSizeHint().height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        points = next(
            (
                size
                for size in range(LARGEST_POINTS, SMALLEST_POINTS, -1)
                if self._width_at(size) <= self.width()
            ),
            SMALLEST_POINTS,
        )
        if points != self.font().pointSize():
            self.setFont(password_font(points))
            self.updateGeometry()
