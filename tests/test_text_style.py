"""Item text is drawn whole even where its widget's whole-pixel width is a little short."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory

from referral_desk.ui.text_style import UnclippedTextStyle

PADDING = 8


def ink_in_padding(qapp: QApplication, style_name: str, unclipped: bool) -> int:
    label = QLabel("Taal van het venster")
    style = UnclippedTextStyle(style_name) if unclipped else QStyleFactory.create(style_name)
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
    style = UnclippedTextStyle(qapp.style().name())
    assert style.baseStyle().name() == qapp.style().name()
