"""For the core's lifecycle tests: the one shared desk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lifecycle_fixtures import Desk, desk_at


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    """The real Desk of lifecycle/desk.py, every file under tmp_path, with fakes for the
    clock, keyring and mail client (tests.lifecycle_fixtures)."""
    return desk_at(tmp_path)
