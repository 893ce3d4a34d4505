"""The app's log file. Only referral IDs, partner ids and error kinds go in, never names."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "referral-desk.log"


def configure_logging(log_dir: Path) -> Path | None:
    """Log to a rotating file; returns None (console only) when the dir is not writable."""
    root = logging.getLogger("referral_desk")
    root.setLevel(logging.INFO)
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
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
    return log_dir / LOG_FILE_NAME
