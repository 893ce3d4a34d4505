"""Where the main window opens: the size it was left at, or a comfortable default, never
larger than the free area of the screen it opens on (taskbar and title bar included).

The arithmetic is :mod:`referral_desk.domain.window_geometry`'s, which needs no pydantic;
this module adds the size as the settings validate and store it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from referral_desk.domain.window_geometry import (
    MAX_SIDE,
    MIN_SIDE,
    PREFERRED_SIZE,
    WindowPlacement,
    fit_window,
)


class WindowSize(BaseModel):
    """Logical pixels, as Qt reports them at the screen's scale factor."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    width: int = Field(ge=MIN_SIDE, le=MAX_SIDE)
    height: int = Field(ge=MIN_SIDE, le=MAX_SIDE)


PREFERRED = WindowSize(width=PREFERRED_SIZE.width, height=PREFERRED_SIZE.height)

__all__ = ["PREFERRED", "WindowPlacement", "WindowSize", "fit_window"]
