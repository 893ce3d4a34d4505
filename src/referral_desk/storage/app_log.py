"""The app's log file. Only referral IDs, partner ids and error kinds go in, never names."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "referral-desk.log"

# The failure dialog tells the user where this is; None until a file handler is in place.
_current_log_file: Path | None = None


def configure_logging(log_dir: Path) -> Path | None:
    """Log to a rotating file; returns None (console only) when the dir is not writable."""
    global _current_log_file
    root = logging.getLogger("referral_desk")
    root.setLevel(logging.INFO)
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    _current_log_file = None
    handler: logging.Handler
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=512_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        root.addHandler(logging.StreamHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _current_log_file = log_dir / LOG_FILE_NAME
    return _current_log_file


def current_log_file() -> Path | None:
    """The file the last ``configure_logging`` writes to, or None when it logs nowhere on disk."""
    return _current_log_file
