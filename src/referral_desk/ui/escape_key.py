"""Escape closes a tool window, as it closes a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


def closed_on_escape(window: QWidget, event: QKeyEvent) -> bool:
    """Call from ``keyPressEvent``; a field that uses Escape itself never passes it on."""
    if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
        window.close()
        return True
    return False
