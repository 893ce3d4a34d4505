"""The two settings the first window needs before the settings models load: its language
and the size it was left at.

Read with ``json`` alone, leniently: a file that cannot be read, or a value that is not
one, gives the default here and nothing more. The full read (:class:`SettingsStore.load`,
with pydantic) follows while the window is already shown, and says what is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from referral_desk.domain.window_geometry import Size, remembered_size


@dataclass(frozen=True)
class FirstGlance:
    # As the file says it; i18n.choose_language treats anything but "nl" and "en" as auto.
    language: str = "auto"
    window_size: Size | None = None


def glance_at_settings(path: Path) -> FirstGlance:
    try:
        raw = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return FirstGlance()
    if not isinstance(raw, dict):
        return FirstGlance()
    language = raw.get("language")
    return FirstGlance(
        language=language if isinstance(language, str) else "auto",
        window_size=remembered_size(raw.get("main_window_size")),
    )
