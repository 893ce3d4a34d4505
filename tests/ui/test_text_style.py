"""Item text is drawn whole even where its widget's whole-pixel width is a little short."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle, QStyle, QStyleFactory

from referral_desk.ui.text_style import (
    has_fractional_scale,
    install_unclipped_text,
    unclipped_text_style,
)

PADDING = 8


def ink_in_padding(qapp: QApplication, style_name: str, unclipped: bool) -> int:
    label = QLabel("Taal van het venster")
    style = unclipped_text_style(style_name) if unclipped else QStyleFactory.create(style_name)
    label.setStyle(style)
    label.setContentsMargins(0, 0, PADDING, 0)
    advance = QFontMetrics(label.font()).horizontalAdvance(label.text())
    # Five pixels short of the text, as a fractional scale factor can make a label.
    label.setFixedSize(advance - 5 + PADDING, label.sizeHint().height())
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    label.render(image)
    content_right = label.contentsRect().right()
    return sum(
        1
        for x in range(content_right + 1, image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 160
    )


def test_the_last_letters_are_drawn_past_a_short_label(qapp: QApplication) -> None:
    name = qapp.style().name()
    assert ink_in_padding(qapp, name, unclipped=False) == 0
    assert ink_in_padding(qapp, name, unclipped=True) > 0


def test_the_style_keeps_the_platform_look(qapp: QApplication) -> None:
    style = unclipped_text_style(qapp.style().name())
    assert style.baseStyle().name() == qapp.style().name()


def test_only_fractional_scale_factors_clip() -> None:
    assert has_fractional_scale([1.0, 1.25])
    assert has_fractional_scale([1.5])
    assert not has_fractional_scale([1.0, 2.0])
    assert not has_fractional_scale([])


class FakeSignal:
    def __init__(self) -> None:
        self.slots: list[Callable[[object], None]] = []

    def connect(self, slot: Callable[[object], None]) -> None:
        self.slots.append(slot)

    def emit(self, value: object) -> None:
        for slot in self.slots:
            slot(value)


class FakeScreen:
    def __init__(self, ratio: float) -> None:
        self.ratio = ratio
        self.logicalDotsPerInchChanged = FakeSignal()

    def devicePixelRatio(self) -> float:
        return self.ratio


class FakeApp:
    """What install_unclipped_text uses of the QApplication, without changing the real
    application's style under the other tests."""

    def __init__(self, qapp: QApplication, ratios: list[float]) -> None:
        self.qapp = qapp
        self.screenAdded = FakeSignal()
        self.installed: list[QStyle] = []
        self.screen_list = [FakeScreen(ratio) for ratio in ratios]

    def screens(self) -> list[FakeScreen]:
        return self.screen_list

    def style(self) -> QStyle:
        return self.qapp.style()

    def setStyle(self, style: QStyle) -> None:
        self.installed.append(style)


def test_the_style_is_installed_only_for_a_fractional_screen(qapp: QApplication) -> None:
    whole = FakeApp(qapp, [1.0, 2.0])
    install_unclipped_text(cast(QApplication, whole))
    assert whole.installed == []
    whole.screenAdded.emit(FakeScreen(1.25))
    whole.screenAdded.emit(FakeScreen(1.5))
    assert len(whole.installed) == 1
    assert isinstance(whole.installed[0], QProxyStyle)

    fractional = FakeApp(qapp, [1.0, 1.5])
    install_unclipped_text(cast(QApplication, fractional))
    assert len(fractional.installed) == 1


def test_the_style_is_installed_when_a_screen_changes_to_a_fractional_scale(
    qapp: QApplication,
) -> None:
    """Windows' display setting changed from 100 % to 125 % while the app runs."""
    app = FakeApp(qapp, [1.0])
    install_unclipped_text(cast(QApplication, app))
    assert app.installed == []
    screen = app.screens()[0]
    screen.ratio = 1.25
    screen.logicalDotsPerInchChanged.emit(120.0)
    assert len(app.installed) == 1

    added = FakeScreen(1.0)
    app2 = FakeApp(qapp, [1.0])
    install_unclipped_text(cast(QApplication, app2))
    app2.screenAdded.emit(added)
    assert app2.installed == []
    added.ratio = 1.5
    added.logicalDotsPerInchChanged.emit(144.0)
    assert len(app2.installed) == 1
