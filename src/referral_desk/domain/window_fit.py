"""Where the main window opens: the size it was left at, or a comfortable default, never
larger than the free area of the screen it opens on (taskbar and title bar included)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class WindowSize(BaseModel):
    """Logical pixels, as Qt reports them at the screen's scale factor."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    width: int = Field(ge=1, le=20_000)
    height: int = Field(ge=1, le=20_000)


PREFERRED = WindowSize(width=1100, height=720)


class WindowPlacement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    x: int
    y: int
    width: int
    height: int


def fit_window(
    available_x: int,
    available_y: int,
    available: WindowSize,
    frame: tuple[int, int],
    remembered: WindowSize | None,
    preferred: WindowSize = PREFERRED,
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
