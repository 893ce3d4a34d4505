"""Tests that cannot hold on Windows say so, with the reason, in one way.

``@posix_only("needs a sh script as fake program")`` skips the test on Windows; the run lists
every such test's reason at the end (tests/conftest.py), so the list stays visible and short.
A test that only *assumed* POSIX is made portable instead.
"""

from __future__ import annotations

import pytest


def posix_only(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.posix_only(reason=reason)
