"""The one place that starts other programs: every mail adapter and detection go through here.

Every start gets the same treatment: an argument list (never a shell), no console window on
Windows, a time limit, and an environment cleaned of what a frozen build changed for its own
sake (see :func:`child_environment`). Three ways to start something:

* :func:`run_command` asks a short question (``xdg-mime query …``) and never raises:
  detection must work on any machine.
* :func:`spawn_detached` starts a program that may keep running for hours (a mail client):
  it waits a short grace period for an early failure, then lets the program live on in its
  own session, so closing referral-desk does not close the user's draft.
* :func:`exchange` hands a helper one request on stdin and waits a grace period for its
  answer on stdout (the MAPI helper, whose call blocks while the compose window is open).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

# Long enough for a client that hands the draft to an instance already running (Thunderbird
# does that in about 0.1 s) or fails at once; short enough not to stall the window.
SPAWN_GRACE_SECONDS = 1.5
QUERY_TIMEOUT_SECONDS = 5.0
NOT_FOUND = 127
TIMED_OUT = -1
# What opens a file with its associated program outside Windows.
DESKTOP_OPENER = "open" if sys.platform == "darwin" else "xdg-open"

# The bootloader's own state, meant for a child copy of the same frozen program only.
_BOOTLOADER_VARIABLES = ("_MEIPASS2",)
_BOOTLOADER_PREFIX = "_PYI_"


class CommandResult(NamedTuple):
    returncode: int
    stdout: str


class ExchangeOutcome(NamedTuple):
    # None: still running after the grace period (a helper waiting on its user).
    returncode: int | None
    stdout: bytes


# argv → result; a missing program is NOT_FOUND, a hung one TIMED_OUT.
Runner = Callable[[Sequence[str]], CommandResult]
# (argv, grace seconds) → exit status, or None while still running after the grace period.
Spawner = Callable[[Sequence[str], float], "int | None"]
# (argv, request on stdin, grace seconds) → what the helper answered within the grace period.
Exchanger = Callable[[Sequence[str], bytes, float], ExchangeOutcome]
Which = Callable[[str], "str | None"]
# (exit status, stdout) of a helper that answered only after the grace period.
LateAnswer = Callable[[int, bytes], None]


def _is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _bundle_root() -> str | None:
    root = getattr(sys, "_MEIPASS", None)
    return str(root) if root else None


def _inside(entry: str, root: str) -> bool:
    """Absolute paths only: a relative value (``TERM=xterm``) says nothing about the bundle."""
    if not os.path.isabs(entry):
        return False
    path = os.path.normcase(os.path.normpath(entry))
    base = os.path.normcase(os.path.abspath(root))
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


def child_environment(
    environ: Mapping[str, str] = os.environ,
    *,
    frozen: bool | None = None,
    bundle: str | None = None,
) -> dict[str, str]:
    """The environment for a program started from us: *environ* as the user had it.

    A PyInstaller build points ``LD_LIBRARY_PATH`` at its own bundled libraries (keeping the
    user's value in ``LD_LIBRARY_PATH_ORIG``), and its run-time hooks may prepend bundle
    folders to ``PATH``, ``XDG_DATA_DIRS`` and the like; a system program loading our copies
    instead of its own crashes or misbehaves. So in a frozen build every entry inside the
    bundle (``sys._MEIPASS``) is removed from every variable, and the bootloader's private
    variables are dropped. *frozen* and *bundle* default to what ``sys`` says.
    """
    env = dict(environ)
    if not (_is_frozen() if frozen is None else frozen):
        return env
    original = env.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        env.pop("LD_LIBRARY_PATH", None)
    else:
        env["LD_LIBRARY_PATH"] = original
    for name in list(env):
        if name in _BOOTLOADER_VARIABLES or name.startswith(_BOOTLOADER_PREFIX):
            del env[name]
    root = _bundle_root() if bundle is None else bundle
    if not root:
        return env
    for name, value in list(env.items()):
        entries = value.split(os.pathsep)
        kept = [entry for entry in entries if not _inside(entry, root)]
        if len(kept) == len(entries):
            continue
        if any(kept):
            env[name] = os.pathsep.join(kept)
        else:
            del env[name]
    return env


_dll_lock = threading.Lock()


@contextlib.contextmanager
def _system_dll_search() -> Iterator[None]:
    """On frozen Windows, undo the bootloader's ``SetDllDirectoryW(_MEIPASS)`` while a child
    starts: children inherit that DLL directory, and a system program must not load ours."""
    if sys.platform != "win32" or not _is_frozen():
        yield
        return
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    with _dll_lock:
        buffer = ctypes.create_unicode_buffer(32768)
        length = kernel32.GetDllDirectoryW(len(buffer), buffer)
        previous = buffer.value if length else None
        kernel32.SetDllDirectoryW(None)
        try:
            yield
        finally:
            kernel32.SetDllDirectoryW(previous)


def _creationflags(*, detached: bool) -> int:
    """No console window on Windows (the frozen program has none to share); a detached
    program also gets its own process group, so a Ctrl+C meant for us never reaches it."""
    if sys.platform != "win32":
        return 0
    flags: int = subprocess.CREATE_NO_WINDOW
    if detached:
        flags |= subprocess.CREATE_NEW_PROCESS_GROUP
    return flags


# What Windows itself uses when PATHEXT is not set.
_WINDOWS_PATHEXT = ".COM;.EXE;.BAT;.CMD"


def which_in(environ: Mapping[str, str]) -> Which:
    """``shutil.which`` over *environ*'s PATH only, so a test's PATH is the whole world.

    On Windows ``shutil.which`` looks in the current folder before PATH, so a program of that
    name planted where the user happened to start us from would win; there the lookup goes
    through PATH only, with PATHEXT's extensions as Windows adds them.
    """
    path = environ.get("PATH", "")
    pathext = environ.get("PATHEXT") or os.environ.get("PATHEXT") or _WINDOWS_PATHEXT

    def find(name: str) -> str | None:
        if not path:
            return None
        if sys.platform == "win32" and not os.path.dirname(name):
            return _which_on_windows(name, path, pathext)
        return shutil.which(name, path=path)

    return find


def _which_on_windows(name: str, path: str, pathext: str) -> str | None:
    extensions = [ext for ext in pathext.split(os.pathsep) if ext]
    if any(name.lower().endswith(ext.lower()) for ext in extensions):
        names = [name]
    else:
        names = [name + ext for ext in extensions]
    for folder in path.split(os.pathsep):
        folder = folder.strip().strip('"')
        if not folder:  # an empty entry would mean the current folder again
            continue
        for candidate in names:
            full = os.path.join(folder, candidate)
            if os.path.isfile(full):
                return full
    return None


def run_command(argv: Sequence[str], *, timeout: float = QUERY_TIMEOUT_SECONDS) -> CommandResult:
    try:
        with _system_dll_search():
            completed = subprocess.run(
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
                env=child_environment(),
                creationflags=_creationflags(detached=False),
            )
    except subprocess.TimeoutExpired:
        return CommandResult(TIMED_OUT, "")
    except OSError:  # FileNotFoundError, PermissionError, not an executable …
        return CommandResult(NOT_FOUND, "")
    return CommandResult(completed.returncode, completed.stdout.decode("utf-8", "replace"))


def spawn_detached(argv: Sequence[str], grace: float = SPAWN_GRACE_SECONDS) -> int | None:
    """Start *argv* in its own session; its exit status if it ends within *grace*, else None.

    Raises OSError (FileNotFoundError included) when the program cannot be started.
    """
    with _system_dll_search():
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=sys.platform != "win32",
            env=child_environment(),
            creationflags=_creationflags(detached=True),
        )
    try:
        return process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        # Reap it when it ends, so no zombie outlives the draft.
        threading.Thread(target=process.wait, daemon=True).start()
        return None


def _collect_late(process: subprocess.Popen[bytes], on_late_answer: LateAnswer | None) -> None:
    try:
        out, _ = process.communicate()
    except (OSError, ValueError):
        return
    if on_late_answer is not None:
        on_late_answer(process.returncode, out)


def exchange(
    argv: Sequence[str],
    request: bytes,
    grace: float,
    *,
    on_late_answer: LateAnswer | None = None,
) -> ExchangeOutcome:
    """Start a helper, write *request* to its stdin, and wait at most *grace* seconds for it
    to end; a helper still running is left to finish, and *on_late_answer* gets its answer.

    Raises OSError when it cannot be started.
    """
    with _system_dll_search():
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=child_environment(),
            creationflags=_creationflags(detached=False),
        )
    try:
        out, _ = process.communicate(request, timeout=grace)
    except subprocess.TimeoutExpired:
        threading.Thread(target=_collect_late, args=(process, on_late_answer), daemon=True).start()
        return ExchangeOutcome(None, b"")
    return ExchangeOutcome(process.returncode, out)


def open_with_desktop(path: Path, grace: float) -> int | None:
    """Hand *path* to the desktop's file association: ``ShellExecute`` on Windows (None: it
    took it), else ``open``/``xdg-open`` as :func:`spawn_detached` runs it.

    Raises OSError (FileNotFoundError when the opener program is missing).
    """
    if sys.platform == "win32":
        with _system_dll_search():
            os.startfile(path)
        return None
    return spawn_detached([DESKTOP_OPENER, str(path)], grace)
