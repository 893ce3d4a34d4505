"""Load what the first referral needs before the user asks for it.

fpdf2, fontTools and py7zr are imported at the first referral rather than at start (they
would double the start-up time), which makes that first referral slow. ``warm_up`` does
the same work ahead: meant for a background thread once the window is shown. It writes
nothing and holds no personal data; calling it twice, or while a referral is being made,
is harmless.
"""

from __future__ import annotations

from pathlib import Path

from referral_desk.sealing.archive import build_encrypted_archive
from referral_desk.sealing.documents import page_fonts
from referral_desk.sealing.font_cache import new_document


def warm_up(fonts_dir: Path) -> None:
    new_document(page_fonts(fonts_dir))
    build_encrypted_archive({"warm-up": b""}, "warm-up")
