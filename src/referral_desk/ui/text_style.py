"""Texts are drawn whole at 125 % and 150 %.

At a fractional scale factor a label's whole-pixel width can be a pixel narrower than its
glyphs (the "r" of *venster*, the "n" of *Telefoon*), and Qt clips item text to that width.
This style draws item text without that clip; the main window's one spare pixel of label
padding gives the overhang room.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle


class UnclippedTextStyle(QProxyStyle):
    def drawItemText(
        self,
        painter: QPainter,
        rect: QRect,
        flags: int,
        pal: QPalette | Qt.GlobalColor | QColor,
        enabled: bool,
        text: str,
        textRole: QPalette.ColorRole = QPalette.ColorRole.NoRole,
    ) -> None:
        super().drawItemText(
            painter, rect, int(flags) | Qt.TextFlag.TextDontClip.value, pal, enabled, text, textRole
        )


def install_unclipped_text(app: QApplication) -> None:
    """Wraps the platform's own style, so the look stays native."""
    app.setStyle(UnclippedTextStyle(app.style().name()))
