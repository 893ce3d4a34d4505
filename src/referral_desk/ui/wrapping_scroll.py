"""A vertical scroll area for wrapped texts: it never scrolls sideways, and its content is
as tall as its wrapped texts need at the width it gets (QScrollArea alone gives the content
its minimum height, which cuts wrapped labels off at the bottom)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class WrappingScrollArea(QScrollArea):
    # Before the height is fitted: the owner may rearrange the content for the new widths.
    contentChanged = Signal()

    def __init__(
        self, parent: QWidget | None = None, narrowest: Callable[[], int] | None = None
    ) -> None:
        """*narrowest*: the content's least width when that is not its layout's minimum now
        (content that rearranges itself when narrow)."""
        super().__init__(parent)
        # A viewport made here, set up as QScrollArea sets up its own: Qt's own reaches Python
        # first through viewport(), and wrapping a widget PySide has not seen makes it load
        # every widget class to find its type, which costs the start tens of milliseconds.
        viewport = QWidget(self)
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.NoRole)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self._narrowest = narrowest
        self._fit_pending = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        # Texts that change later (a longer message, a shown panel) change the height too.
        widget.installEventFilter(self)
        self._schedule_fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._schedule_fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_fit()

    def _schedule_fit(self) -> None:
        """Once per turn of the event loop: building a window asks for layout many times."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        self.contentChanged.emit()
        self._fit_height()

    def _chrome(self) -> int:
        """What the area adds around its content sideways: frame and vertical scroll bar."""
        return 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        """Never narrower than the content can be: sideways it does not scroll."""
        hint = super().minimumSizeHint()
        widget = self.widget()
        layout = widget.layout() if widget is not None else None
        if layout is None:
            return hint
        least = self._narrowest() if self._narrowest else layout.minimumSize().width()
        return QSize(least + self._chrome(), hint.height())

    def sizeHint(self) -> QSize:
        """As wide as the content likes and as tall as its wrapped texts need at that width."""
        widget = self.widget()
        layout = widget.layout() if widget is not None else None
        if widget is None or layout is None:
            return super().sizeHint()
        width = max(widget.sizeHint().width(), layout.minimumSize().width())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        return QSize(width + self._chrome(), max(height, widget.sizeHint().height()))

    def _fit_height(self) -> None:
        widget = self.widget()
        layout = widget.layout() if widget is not None else None
        if widget is None or layout is None:
            return
        width = self.viewport().width()
        # Wider than the viewport only when something cannot be narrower; better cut at the
        # side of the scroll area than overlapping texts.
        widget.setMinimumWidth(0)
        widget.setMaximumWidth(max(width, layout.minimumSize().width()))
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        height = max(needed, layout.minimumSize().height())
        if widget.minimumHeight() != height:
            widget.setMinimumHeight(height)
