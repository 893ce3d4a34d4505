"""Start-up: process start to the first shown main window, against a bare PySide6 window.

    python benchmarks/startup.py [--runs 7] [--platform offscreen]

Each sample is a fresh process, timed from just before it is spawned until it prints that
its main window has been shown (the first Show event, then one turn of the event loop).
The app shows its window before its core has loaded (app.main's two phases): the form
takes input from then on, and the partner lookup and the create button follow once the
core is attached. That later moment is timed too and printed as ``core attached``; the
peak RSS is taken there, and the referral of the memory run is made after it.

* app: the real start, the way the ``referral-desk`` command starts: the app's imports in
  their order, ``referral_desk.app.main`` (retention, partner registry, referral log, the
  window), for a user whose referrer profile is already saved; ``REFERRAL_DESK_MAIL=eml``.
* bare: PySide6 alone, a QMainWindow with as many line edits, check boxes, buttons and
  combo boxes as the app's main window has (counted in a first, untimed app run).

One untimed run of each first (the page cache, and the bytecode, which is compiled into a
temporary PYTHONPYCACHEPREFIX as an installer would have compiled it), then the two
interleaved, alternating which goes first; medians. Peak RSS (``ru_maxrss``) of each, and
of an app run that also creates one referral through the Qt-free core after its window
shows (create.py's referral: form values to the sealed archive), against the bare window;
that run too after an untimed one, for the referral's bytecode.

HOME and every XDG directory point into a temporary folder; the keyring is the ``fail``
backend unless PYTHON_KEYRING_BACKEND says otherwise, so no keyring daemon is timed.
Ends with ``ratio: X.XX`` (app median / bare median); the target is at most 2.0, and at
most 2.0 for the peak RSS with one referral against the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

HERE = Path(__file__).resolve().parent
SHOWN = "shown"
READY = "ready"
WIDGETS = ("QLineEdit", "QCheckBox", "QPushButton", "QComboBox")


# --- the children ---------------------------------------------------------------------------


def peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def report_when_shown(window_type: type[QWidget], after: Callable[[], None] | None = None) -> None:
    """Print the marker line once a *window_type* window has been shown; then, once its core
    is attached (at once for a window without one), run *after*, print the ready line with
    the peak RSS, and exit."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    instance = QApplication.instance()
    assert instance is not None
    app: QCoreApplication = instance

    class FirstShow(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, window_type):
                app.removeEventFilter(self)
                QTimer.singleShot(0, lambda: finish(watched))
            return False

    def finish(window: QWidget) -> None:
        counts = [len(window.findChildren(getattr(widgets, name))) for name in WIDGETS]
        print(SHOWN, f"{peak_rss_mb():.1f}", *counts, flush=True)
        if getattr(window, "attached", True):
            ready()
            return
        window.coreAttached.connect(ready)  # type: ignore[attr-defined]
        window.coreFailed.connect(lambda: os._exit(1))  # type: ignore[attr-defined]

    def ready() -> None:
        if after is not None:
            after()
        print(READY, f"{peak_rss_mb():.1f}", flush=True)
        os._exit(0)

    from PySide6 import QtWidgets as widgets

    app.installEventFilter(FirstShow(app))


def child_app(with_referral: bool) -> int:
    # What the referral-desk command imports, in its order: the command line module,
    # then the app (cli.main imports it when no subcommand is given).
    import referral_desk.cli  # noqa: F401
    from referral_desk import app as gui

    # isort: split
    from PySide6.QtWidgets import QApplication, QMainWindow

    QApplication(sys.argv[:1])

    def one_referral() -> None:
        sys.path.insert(0, str(HERE))
        from create import FORM, load_sample, referral_from_form

        with tempfile.TemporaryDirectory(prefix="rd-bench-") as temp:
            referral_from_form(load_sample(Path(temp)), FORM)

    report_when_shown(QMainWindow, one_referral if with_referral else None)
    return gui.main(sys.argv[:1])


def child_bare(counts: list[int]) -> int:
    from PySide6.QtWidgets import (
        QApplication,
        QCheckBox,
        QComboBox,
        QFormLayout,
        QLineEdit,
        QMainWindow,
        QPushButton,
        QScrollArea,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    form = QWidget()
    layout = QFormLayout(form)
    kinds = (QLineEdit, QCheckBox, QPushButton, QComboBox)
    for kind, count in zip(kinds, counts, strict=True):
        for number in range(count):
            if kind is QComboBox:
                box = QComboBox()
                box.addItems(["een", "twee"])
                layout.addRow(f"{kind.__name__} {number}", box)
            elif kind is QLineEdit:
                layout.addRow(f"{kind.__name__} {number}", QLineEdit())
            else:
                layout.addRow(kind(f"{kind.__name__} {number}"))
    scroll = QScrollArea()
    scroll.setWidget(form)
    window.setCentralWidget(scroll)
    window.resize(1100, 720)
    report_when_shown(QMainWindow)
    window.show()
    return int(app.exec())


def child_prepare() -> int:
    """Save the referrer profile, as the first start's dialog would."""
    from referral_desk.domain.referral import ReferrerProfile
    from referral_desk.domain.settings import Settings
    from referral_desk.storage.paths import AppPaths
    from referral_desk.storage.settings import SettingsStore

    profile = ReferrerProfile(
        name="Sofie Maes",
        team="Kind en Gezin West-Limburg",
        phone="+3211345678",
        email="sofie.maes@kindengezin.be",
    )
    SettingsStore(AppPaths.from_platform().settings_file).save(Settings(referrer=profile))
    return 0


# --- the parent ----------------------------------------------------------------------------


def isolated_environment(root: Path, platform: str) -> dict[str, str]:
    env = dict(os.environ)
    home = root / "home"
    for var, sub in {
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_STATE_HOME": ".local/state",
        "XDG_CACHE_HOME": ".cache",
        "XDG_RUNTIME_DIR": "run",
    }.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    (home / "run").chmod(0o700)
    for var, sub in {"XDG_CONFIG_DIRS": "site/config", "XDG_DATA_DIRS": "site/data"}.items():
        (root / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(root / sub)
    (root / "tmp").mkdir()
    env.update(
        HOME=str(home),
        TMPDIR=str(root / "tmp"),
        REFERRAL_DESK_MAIL="eml",
        QT_QPA_PLATFORM=platform,
        # Bytecode as an installed app has it: compiled by the untimed first run.
        PYTHONPYCACHEPREFIX=str(root / "pycache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return env


class Sample:
    """``seconds``: until shown; ``ready_seconds``: until the core was attached (the same
    for a window without one); ``rss_mb``: the peak RSS then."""

    def __init__(self, seconds: float, fields: list[str], ready_seconds: float, rss: str) -> None:
        self.seconds = seconds
        self.ready_seconds = ready_seconds
        self.rss_mb = float(rss)
        self.counts = [int(value) for value in fields[1:]]


def spawn(mode: list[str], env: dict[str, str]) -> Sample:
    return spawn_command([sys.executable, str(Path(__file__).resolve()), "--child", *mode], env)


def spawn_command(command: list[str], env: dict[str, str]) -> Sample:
    """Qt's warnings (the offscreen plugin has a few) are shown only when a run fails."""
    mode = command[command.index("--child") + 1 :]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        shown: tuple[float, list[str]] | None = None
        with subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        ) as process:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith(SHOWN + " "):
                    shown = (time.perf_counter() - start, line.split()[1:])
                elif line.startswith(READY + " ") and shown is not None:
                    ready = time.perf_counter() - start
                    process.wait(timeout=60)
                    return Sample(shown[0], shown[1], ready, line.split()[1])
            process.wait(timeout=60)
        errors.seek(0)
        sys.stderr.write(errors.read().decode(errors="replace"))
    raise SystemExit(f"{' '.join(mode)}: the window was never shown (exit {process.returncode})")


def median_ms(samples: list[Sample]) -> float:
    return statistics.median(sample.seconds for sample in samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="per contender, at least 5")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "prepare":
            return child_prepare()
        if kind == "bare":
            return child_bare([int(value) for value in rest])
        return child_app(with_referral=kind == "app+referral")
    runs = max(5, args.runs)

    with tempfile.TemporaryDirectory(prefix="rd-startup-") as temp:
        env = isolated_environment(Path(temp), args.platform)
        subprocess.run([sys.executable, __file__, "--child", "prepare"], env=env, check=True)
        counts = spawn(["app"], env).counts  # untimed: the page cache, and what to match
        bare_mode = ["bare", *map(str, counts)]
        spawn(bare_mode, env)
        samples: dict[str, list[Sample]] = {"app": [], "bare": []}
        for run in range(runs):
            order = ["app", "bare"] if run % 2 == 0 else ["bare", "app"]
            for name in order:
                samples[name].append(spawn(["app"] if name == "app" else bare_mode, env))
        # Untimed: the referral's own bytecode (fpdf2, fontTools, py7zr), which no run above
        # reached; compiling it takes memory an installed app never spends.
        spawn(["app+referral"], env)
        with_referral = spawn(["app+referral"], env)

    app_ms, bare_ms = median_ms(samples["app"]), median_ms(samples["bare"])
    bare_rss = statistics.median(sample.rss_mb for sample in samples["bare"])
    app_rss = statistics.median(sample.rss_mb for sample in samples["app"])
    print(
        f"{runs} interleaved runs each, fresh processes, QT_QPA_PLATFORM={args.platform}; "
        f"inputs matched: {', '.join(f'{n} {w}' for w, n in zip(WIDGETS, counts, strict=True))}"
    )
    for name, values in samples.items():
        times = sorted(sample.seconds * 1000 for sample in values)
        print(
            f"{name:>5}: median {statistics.median(times):6.0f} ms "
            f"(min {times[0]:.0f}, max {times[-1]:.0f})  peak RSS "
            f"{statistics.median(sample.rss_mb for sample in values):.0f} MB"
        )
    attached = sorted(sample.ready_seconds * 1000 for sample in samples["app"])
    print(
        f"app core attached: median {statistics.median(attached):6.0f} ms "
        f"(min {attached[0]:.0f}, max {attached[-1]:.0f}); the form takes input from 'app' on"
    )
    print(
        f"peak RSS, app with one referral: {with_referral.rss_mb:.0f} MB = "
        f"{with_referral.rss_mb / bare_rss:.2f}x the bare window (target <= 2.0); "
        f"app alone {app_rss / bare_rss:.2f}x"
    )
    print(f"ratio: {app_ms / bare_ms:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
