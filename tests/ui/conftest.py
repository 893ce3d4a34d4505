"""For the window tests: the translation catalogs they switch to."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def compiled_catalogs() -> None:
    """The .qm files are built, not committed: a fresh clone's `pytest` builds them here."""
    scripts = str(Path(__file__).resolve().parents[2] / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import update_translations

    update_translations.compile_catalogs()
