"""Draw the referral-desk icon with Qt and write ``referral-desk.png`` and ``referral-desk.ico``.

The icon: a blue rounded square with a white envelope and a yellow padlock (a sealed referral).
The ``.ico`` holds 16, 24, 32, 48, 64 (32-bit DIB, what every Windows tool reads) and 256
(PNG, as Windows expects for that size). Run again only to change the design; the generated
files are committed so a build never depends on a display or on this script::

    QT_QPA_PLATFORM=offscreen python3 packaging/assets/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 256)
BLUE = QColor("#1F5FA8")
YELLOW = QColor("#F4B400")
WHITE = QColor("#FFFFFF")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)
    # Background.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(BLUE))
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    # Envelope.
    painter.setBrush(QBrush(WHITE))
    painter.drawRoundedRect(QRectF(36, 64, 164, 118), 12, 12)
    painter.setPen(QPen(BLUE, 12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    flap = QPainterPath(QPointF(44, 74))
    flap.lineTo(118, 132)
    flap.lineTo(192, 74)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(flap)
    # Padlock over the corner.
    painter.setPen(QPen(YELLOW, 16, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawArc(QRectF(160, 124, 52, 60), 0, 180 * 16)
    painter.setPen(QPen(BLUE, 6))
    painter.setBrush(QBrush(YELLOW))
    painter.drawRoundedRect(QRectF(146, 150, 80, 66), 10, 10)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(BLUE))
    painter.drawEllipse(QRectF(178, 168, 16, 16))
    painter.drawRect(QRectF(182, 180, 8, 20))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """BITMAPINFOHEADER + bottom-up BGRA rows + an all-zero AND mask (alpha decides)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(size - 1, -1, -1):
        row = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian ARGB32 is B, G, R, A
        rows.append(bytes(row))
    mask_stride = ((size + 31) // 32) * 4
    return header + b"".join(rows) + bytes(mask_stride * size)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = []
    for size, image in images.items():
        data = png_bytes(image) if size >= 256 else dib_bytes(image)
        entries.append((size, data))
    offset = 6 + 16 * len(entries)
    directory = struct.pack("<HHH", 0, 1, len(entries))
    blobs = b""
    for size, data in entries:
        dim = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    return directory + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    images = {size: draw(size) for size in SIZES}
    (HERE / "referral-desk.png").write_bytes(png_bytes(images[256]))
    (HERE / "referral-desk.ico").write_bytes(ico_bytes(images))
    del app
    print(f"wrote {HERE / 'referral-desk.png'} and {HERE / 'referral-desk.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
