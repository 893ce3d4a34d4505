"""Puts a shown window where :func:`referral_desk.domain.window_geometry.fit_window` says it
fits. Needs no settings model: the first window is placed before they load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from referral_desk.domain.window_geometry import PREFERRED_SIZE, Size, Sized, fit_window

if TYPE_CHECKING:
    from referral_desk.domain.window_fit import WindowSize


def place_on_screen(
    window: QWidget, remembered: Sized | None, preferred: Sized = PREFERRED_SIZE
) -> None:
    """Call after ``show()``: only then does the window manager report the frame."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    outer, inner = window.frameGeometry(), window.geometry()
    placement = fit_window(
        area.x(),
        area.y(),
        Size(width=max(area.width(), 1), height=max(area.height(), 1)),
        (outer.width() - inner.width(), outer.height() - inner.height()),
        remembered,
        preferred,
    )
    window.resize(placement.width, placement.height)
    window.move(placement.x, placement.y)


def inner_size(window: QWidget) -> WindowSize | None:
    """The size to remember, or None for a window that is minimised or not laid out yet."""
    from referral_desk.domain.window_fit import WindowSize

    if window.isMinimized() or window.width() < 1 or window.height() < 1:
        return None
    size = window.normalGeometry() if window.isMaximized() else window.geometry()
    if size.width() < 1 or size.height() < 1:
        return None
    return WindowSize(width=size.width(), height=size.height())
