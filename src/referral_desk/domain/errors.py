"""The one base for errors a person reads: a Dutch sentence that says what to do.

``message`` never holds client data, so it may be shown and logged as it is.
"""

from __future__ import annotations


class UserFacingError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
