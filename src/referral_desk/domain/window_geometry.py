"""The arithmetic of where the main window opens, without the settings models: the first
window is placed before they load (``app.py`` starts in two phases).

:mod:`referral_desk.domain.window_fit` keeps the validated ``WindowSize`` the settings store;
both share the sides' bounds below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# A side in logical pixels; a remembered size outside these is forgotten, never refused.
MIN_SIDE = 1
MAX_SIDE = 20_000


class Sized(Protocol):
    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...


@dataclass(frozen=True)
class Size:
    """A size as plain numbers: a screen's area, or a remembered size read before the
    settings models load."""

    width: int
    height: int


PREFERRED_SIZE = Size(width=1100, height=720)


def remembered_size(raw: object) -> Size | None:
    """The ``main_window_size`` of a settings file as read without its models: a size whose
    sides are whole numbers within the bounds, else None (the preferred size then)."""
    if not isinstance(raw, dict):
        return None
    width, height = raw.get("width"), raw.get("height")
    sides = (width, height)
    if not all(type(side) is int and MIN_SIDE <= side <= MAX_SIDE for side in sides):
        return None
    assert isinstance(width, int) and isinstance(height, int)
    return Size(width=width, height=height)


@dataclass(frozen=True)
class WindowPlacement:
    x: int
    y: int
    width: int
    height: int


def fit_window(
    available_x: int,
    available_y: int,
    available: Sized,
    frame: tuple[int, int],
    remembered: Sized | None,
    preferred: Sized = PREFERRED_SIZE,
) -> WindowPlacement:
    """The inner size and top-left corner of the frame: the remembered (else preferred) size,
    shrunk so the frame fits *available*, centred in it.

    *frame* (width, height) is what the window manager adds around the inner size (title
    bar, borders); a remembered size from a larger monitor is shrunk the same way.
    """
    frame_width, frame_height = max(frame[0], 0), max(frame[1], 0)
    wanted = remembered or preferred
    room_width = max(available.width - frame_width, 1)
    room_height = max(available.height - frame_height, 1)
    width = min(wanted.width, room_width)
    height = min(wanted.height, room_height)
    return WindowPlacement(
        x=available_x + (available.width - (width + frame_width)) // 2,
        y=available_y + max((available.height - (height + frame_height)) // 2, 0),
        width=width,
        height=height,
    )
