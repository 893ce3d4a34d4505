"""Texts are drawn whole at 125 % and 150 %.

At a fractional scale factor a label's whole-pixel width can be a pixel narrower than its
glyphs (the "r" of *venster*, the "n" of *Telefoon*), and Qt clips item text to that width.
This style draws item text without that clip; the main window's one spare pixel of label
padding gives the overhang room.

At whole scale factors nothing is clipped, so the style is installed only once a screen
with a fractional scale factor is there: PySide6 builds QStyle's hundred-odd enums when
the style class is first made, a sizeable part of the start-up, and every item text drawn
through the style goes through Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPalette, QScreen
    from PySide6.QtWidgets import QProxyStyle


def has_fractional_scale(ratios: Iterable[float]) -> bool:
    """Whether any of these device pixel ratios is not a whole number (1.25, 1.5 ...)."""
    return any(abs(ratio - round(ratio)) > 1e-6 for ratio in ratios)


def unclipped_text_style(base_style: str) -> QProxyStyle:
    """The platform's style *base_style*, drawing item text without Qt's clip."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QProxyStyle

    dont_clip = Qt.TextFlag.TextDontClip.value

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
            flags = int(flags) | dont_clip
            super().drawItemText(painter, rect, flags, pal, enabled, text, textRole)

    return UnclippedTextStyle(base_style)


def install_unclipped_text(app: QApplication) -> None:
    """Wraps the platform's own style, so the look stays native, as soon as a screen has a
    fractional scale factor: now, when one is plugged in later, or when a screen's scale
    setting changes."""
    installed = False

    def install_if_fractional(screens: Iterable[QScreen]) -> None:
        nonlocal installed
        if installed or not has_fractional_scale(s.devicePixelRatio() for s in screens):
            return
        installed = True
        app.setStyle(unclipped_text_style(app.style().name()))

    def watch(screen: QScreen) -> None:
        # Windows' scale setting can change while the app runs (Qt reports it as new DPI).
        screen.logicalDotsPerInchChanged.connect(lambda _dpi: install_if_fractional([screen]))

    for screen in app.screens():
        watch(screen)
    install_if_fractional(app.screens())

    def added(screen: QScreen) -> None:
        watch(screen)
        install_if_fractional([screen])

    app.screenAdded.connect(added)
