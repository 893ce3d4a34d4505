"""Starting desktop programs for the mail adapters, behind two small injectable callables.

``run_command`` asks a short question (``xdg-mime query …``) and never raises: detection must
work on any machine. ``spawn_detached`` starts a mail client that may keep running for hours:
it waits a short grace period for an early failure, then lets the client live on in its own
session so closing referral-desk does not close the user's draft.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

# Long enough for a client that hands the draft to an instance already running (Thunderbird
# does that in about 0.1 s) or fails at once; short enough not to stall the window.
SPAWN_GRACE_SECONDS = 1.5
QUERY_TIMEOUT_SECONDS = 5.0
NOT_FOUND = 127
TIMED_OUT = -1


class CommandResult(NamedTuple):
    returncode: int
    stdout: str


# argv → result; a missing program is NOT_FOUND, a hung one TIMED_OUT.
Runner = Callable[[Sequence[str]], CommandResult]
# (argv, grace seconds) → exit status, or None while still running after the grace period.
Spawner = Callable[[Sequence[str], float], "int | None"]
Which = Callable[[str], "str | None"]


def child_environment(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The environment for a system program started from us.

    A PyInstaller build points LD_LIBRARY_PATH at its own bundled libraries; a system mail
    client loading those instead of its own crashes or misbehaves. PyInstaller keeps the
    original value in ``LD_LIBRARY_PATH_ORIG``.
    """
    env = dict(environ)
    if getattr(sys, "frozen", False):
        original = env.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is None:
            env.pop("LD_LIBRARY_PATH", None)
        else:
            env["LD_LIBRARY_PATH"] = original
    return env


def which_in(environ: Mapping[str, str]) -> Which:
    """``shutil.which`` over *environ*'s PATH only, so a test's PATH is the whole world."""
    path = environ.get("PATH", "")

    def find(name: str) -> str | None:
        return shutil.which(name, path=path) if path else None

    return find


def run_command(argv: Sequence[str], *, timeout: float = QUERY_TIMEOUT_SECONDS) -> CommandResult:
    try:
        completed = subprocess.run(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
            env=child_environment(),
        )
    except FileNotFoundError:
        return CommandResult(NOT_FOUND, "")
    except subprocess.TimeoutExpired:
        return CommandResult(TIMED_OUT, "")
    except OSError:
        return CommandResult(NOT_FOUND, "")
    return CommandResult(completed.returncode, completed.stdout.decode("utf-8", "replace"))


def spawn_detached(argv: Sequence[str], grace: float = SPAWN_GRACE_SECONDS) -> int | None:
    """Start *argv* in its own session; its exit status if it ends within *grace*, else None.

    Raises OSError (FileNotFoundError included) when the program cannot be started.
    """
    process = subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
        env=child_environment(),
    )
    try:
        return process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        # Reap it when it ends, so no zombie outlives the draft.
        threading.Thread(target=process.wait, daemon=True).start()
        return None
