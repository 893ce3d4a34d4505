"""A number with its noun in the right form: ``1 probleem``, ``2 problemen``."""

from __future__ import annotations


def counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
