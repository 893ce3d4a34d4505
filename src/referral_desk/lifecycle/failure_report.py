"""What an unexpected failure leaves in the log: where it happened, never what it was about.

An exception's message and arguments are often built from the data being handled (a name
that failed validation, a mailbox, a file path with a referral in it), so they never reach
the log. What does: the frames (file, line, function and the source line, which is code),
the exception types of the whole chain and, for :class:`UserFacingError`, its ``message``,
which is written never to hold client data. File names are shown relative to the package
or the Python library folder, so the user's home folder (and name) stays out too.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from referral_desk.domain.errors import UserFacingError
from referral_desk.storage.app_log import current_log_file

if TYPE_CHECKING:
    from pydantic import ValidationError

LOGGER_NAME = "referral_desk"
WITHHELD = "(message withheld: it may hold client data)"

# src/ (or site-packages): the module is referral_desk/lifecycle/failure_report.py.
_PACKAGE_PARENT = Path(os.path.abspath(__file__)).parents[2]
_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_MAX_GROUP_DEPTH = 5
_RELATIONS = {
    "cause": "The above exception was the direct cause of the following exception:",
    "context": "During handling of the above exception, another exception occurred:",
    "hidden": "During handling of the above exception (hidden with 'from None'), "
    "another exception occurred:",
}


def safe_traceback(exc: BaseException) -> str:
    """The traceback of ``exc`` and its causes without a single exception message or argument."""
    try:
        return "\n".join(_format_chain(exc, depth=0, seen=set()))
    except Exception:
        return f"{_type_name(exc)} {WITHHELD} (traceback unavailable)"


def log_unexpected(exc: BaseException, *, where: str) -> None:
    """Record an unexpected failure at ERROR; never raises, so a handler can always call it."""
    label = " ".join(where.split())[:120]
    with contextlib.suppress(Exception):
        logging.getLogger(LOGGER_NAME).error(
            "unexpected failure in %s\n%s", label, safe_traceback(exc)
        )


def log_file_location() -> Path | None:
    """Where the log is written, to tell the user and the helpdesk; None when nowhere on disk."""
    return current_log_file()


def exception_summary(exc: BaseException) -> str:
    """One line about ``exc`` that is safe to log or show: its type and, if safe, its message."""
    name = _type_name(exc)
    if isinstance(exc, UserFacingError):
        return f"{name}: {exc.message}"
    # Imported here: the failure hooks are installed before anything loads pydantic.
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        return f"{name} {WITHHELD}; {_validation_outline(exc)}"
    return f"{name} {WITHHELD}"


def _format_chain(exc: BaseException, *, depth: int, seen: set[int]) -> list[str]:
    chain: list[tuple[BaseException, str]] = []
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        # Unlike Python's own printout, a context hidden with ``from None`` is kept: only
        # types and frames are shown, and it is often where the failure began.
        if current.__cause__ is not None:
            current, link = current.__cause__, "cause"
        elif current.__context__ is not None:
            suppressed = current.__suppress_context__
            current, link = current.__context__, "hidden" if suppressed else "context"
        else:
            current = None
    lines: list[str] = []
    # Oldest first, as Python prints it; each link describes how the next one relates.
    for index, (item, _link) in enumerate(reversed(chain)):
        if index:
            relation = chain[len(chain) - index][1]
            lines.append("")
            lines.append(_RELATIONS[relation])
            lines.append("")
        lines.extend(_format_one(item, depth=depth, seen=seen))
    return lines


def _format_one(exc: BaseException, *, depth: int, seen: set[int]) -> list[str]:
    lines: list[str] = []
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        safe = traceback.StackSummary.from_list(
            [
                traceback.FrameSummary(
                    _display_path(frame.filename),
                    frame.lineno,
                    frame.name,
                    lookup_line=False,
                    line=frame.line,
                )
                for frame in frames
            ]
        )
        lines.append("Traceback (most recent call last):")
        lines.extend(part.rstrip("\n") for part in safe.format())
    lines.append(exception_summary(exc))
    if isinstance(exc, BaseExceptionGroup):
        if depth >= _MAX_GROUP_DEPTH:
            lines.append("  (deeper exception groups left out)")
            return lines
        for number, inner in enumerate(exc.exceptions, start=1):
            lines.append(f"  +-- sub-exception {number} of {len(exc.exceptions)}:")
            inner_lines = _format_chain(inner, depth=depth + 1, seen=seen)
            lines.extend(f"  | {line}" for line in inner_lines)
    return lines


def _type_name(exc: BaseException) -> str:
    cls = type(exc)
    module = getattr(cls, "__module__", "")
    if module in ("builtins", "__main__", ""):
        return cls.__qualname__
    return f"{module}.{cls.__qualname__}"


def _validation_outline(error: ValidationError) -> str:
    """Model name, and each error's field path and kind; never its message or input."""
    parts = []
    for detail in error.errors(include_url=False, include_context=False, include_input=False):
        location = ".".join(
            str(part) if isinstance(part, int) or _SNAKE_CASE.match(part) else "?"
            for part in detail["loc"]
        )
        parts.append(f"{location or '(model)'} [{detail['type']}]")
    return f"model {error.title}: " + ", ".join(parts)


def _display_path(filename: str) -> str:
    """Relative to the package or a ``sys.path`` folder; the bare file name otherwise."""
    if filename.startswith("<"):
        return filename
    path = Path(os.path.abspath(filename))
    roots = [_PACKAGE_PARENT, *(Path(os.path.abspath(entry)) for entry in sys.path if entry)]
    candidates = [path.relative_to(root).as_posix() for root in roots if path.is_relative_to(root)]
    if candidates:
        return min(candidates, key=len)
    return path.name
