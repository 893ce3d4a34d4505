"""The one launcher: a frozen build's library paths never reach the programs it starts.

The end-to-end tests make this process look like a PyInstaller build (``sys.frozen``,
``sys._MEIPASS``, ``LD_LIBRARY_PATH`` and other variables pointing into the bundle), then
let every adapter that starts a program start a fake one that writes down the environment
it got.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_desk.delivery.launch import (
    NOT_FOUND,
    child_environment,
    exchange,
    run_command,
    spawn_detached,
    which_in,
)
from referral_desk.delivery.mapi import MapiOpener
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.new_outlook import NewOutlookOpener
from referral_desk.delivery.openers import EmlFileOpener
from referral_desk.delivery.thunderbird import ThunderbirdComposeOpener, mailto_handler
from referral_desk.delivery.xdg_email import XdgEmailOpener
from tests.fake_programs import fake_program, python_command
from tests.platforms import posix_only
from tests.thunderbird_profiles import home_with_account

REFERRAL_ID = "KG-2026-7F3K9Q"
# Where a frozen build unpacks, in the platform's own spelling; lists use its separator.
if sys.platform == "win32":
    BUNDLE = r"C:\Program Files\referral-desk\_internal"
    SYSTEM_BIN = [r"C:\Windows\system32", r"C:\Windows"]
    SYSTEM_SHARE = r"C:\ProgramData\share"
else:
    BUNDLE = "/opt/referral-desk/_internal"
    SYSTEM_BIN = ["/usr/local/bin", "/usr/bin"]
    SYSTEM_SHARE = "/usr/share"


def inside(*parts: str) -> str:
    return os.path.join(BUNDLE, *parts)


def path_list(*entries: str) -> str:
    return os.pathsep.join(entries)


# --- child_environment on its own ------------------------------------------------------------


def test_an_unfrozen_environment_passes_unchanged() -> None:
    environ = {"LD_LIBRARY_PATH": f"{BUNDLE}:/usr/lib", "PATH": f"{BUNDLE}:/usr/bin"}
    assert child_environment(environ, frozen=False, bundle=BUNDLE) == environ


def test_frozen_restores_the_users_library_path() -> None:
    environ = {
        "LD_LIBRARY_PATH": f"{BUNDLE}:/opt/site/lib",
        "LD_LIBRARY_PATH_ORIG": "/opt/site/lib",
    }
    assert child_environment(environ, frozen=True, bundle=BUNDLE) == {
        "LD_LIBRARY_PATH": "/opt/site/lib"
    }


def test_frozen_without_an_original_drops_the_library_path() -> None:
    env = child_environment({"LD_LIBRARY_PATH": BUNDLE, "HOME": "/home/a"}, frozen=True)
    assert env == {"HOME": "/home/a"}


def test_frozen_prunes_bundle_entries_from_every_variable() -> None:
    environ = {
        "PATH": path_list(inside("bin"), *SYSTEM_BIN),
        "XDG_DATA_DIRS": path_list(inside("share"), SYSTEM_SHARE),
        "GIO_MODULE_DIR": inside("gio", "modules"),
        "QT_PLUGIN_PATH": BUNDLE,
        "DYLD_LIBRARY_PATH": inside("lib"),
        # A sibling folder whose name only starts like the bundle's stays.
        "SOMEWHERE": os.path.join(f"{BUNDLE}-extra", "bin"),
        # Relative and non-path values say nothing about the bundle.
        "TERM": "xterm-256color",
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus",
        "_PYI_APPLICATION_HOME_DIR": BUNDLE,
        "_PYI_PARENT_PROCESS_LEVEL": "1",
        "_MEIPASS2": BUNDLE,
    }
    assert child_environment(environ, frozen=True, bundle=BUNDLE) == {
        "PATH": path_list(*SYSTEM_BIN),
        "XDG_DATA_DIRS": SYSTEM_SHARE,
        "SOMEWHERE": os.path.join(f"{BUNDLE}-extra", "bin"),
        "TERM": "xterm-256color",
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus",
    }


def test_bundle_entries_are_compared_as_the_platform_compares_paths() -> None:
    # A trailing separator or a "." step is the same folder everywhere; other letter case
    # is the same folder only on Windows.
    environ = {
        "A": path_list(BUNDLE + os.sep, SYSTEM_BIN[0]),
        "B": path_list(os.path.join(BUNDLE, ".", "bin"), SYSTEM_BIN[0]),
        "C": path_list(inside("BIN").upper(), SYSTEM_BIN[0]),
    }
    pruned = child_environment(environ, frozen=True, bundle=BUNDLE)
    assert pruned["A"] == pruned["B"] == SYSTEM_BIN[0]
    if sys.platform == "win32":
        assert pruned["C"] == SYSTEM_BIN[0]
    else:
        assert pruned["C"] == environ["C"]


def test_frozen_reads_sys_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", BUNDLE, raising=False)
    environ = {"LD_LIBRARY_PATH": BUNDLE, "PATH": path_list(BUNDLE, SYSTEM_BIN[1])}
    assert child_environment(environ) == {"PATH": SYSTEM_BIN[1]}


# --- the three ways to start a program -------------------------------------------------------


def test_run_command_never_raises(tmp_path: Path) -> None:
    assert run_command([str(tmp_path / "ontbreekt")]).returncode == NOT_FOUND
    answer = python_command(
        tmp_path, "answer", "import sys\nsys.stdout.buffer.write(b'thunderbird.desktop\\n')\n"
    )
    assert run_command(answer, timeout=60) == (0, "thunderbird.desktop\n")
    slow = python_command(tmp_path, "slow", "import time\ntime.sleep(10)\n")
    assert run_command(slow, timeout=0.2).returncode == -1


def test_spawn_reports_an_early_exit_and_lets_a_slow_program_run(tmp_path: Path) -> None:
    assert spawn_detached(python_command(tmp_path, "fails", "raise SystemExit(4)\n"), 60) == 4
    runs = python_command(tmp_path, "runs", "import time\ntime.sleep(2)\n")
    assert spawn_detached(runs, 0.2) is None
    with pytest.raises(FileNotFoundError):
        spawn_detached([str(tmp_path / "ontbreekt")], 0.2)


def test_which_in_looks_on_the_given_path_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows' own lookup tries the current folder first: a program planted there must lose.
    fake_program(tmp_path / "here", "thunderbird", "")
    program = fake_program(tmp_path / "elsewhere", "thunderbird", "")
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert which_in({"PATH": str(empty)})("thunderbird") is None
    assert which_in({})("thunderbird") is None
    found = which_in({"PATH": path_list(str(empty), str(tmp_path / "elsewhere"))})("thunderbird")
    assert found is not None and Path(found) == program


ECHO = "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n"


def test_exchange_answers_within_the_grace_period_or_later(tmp_path: Path) -> None:
    echo = python_command(tmp_path, "echo", ECHO + "raise SystemExit(3)\n")
    assert exchange(echo, b"vraag", 60.0) == (3, b"vraag")
    late: list[tuple[int, bytes]] = []
    slow = python_command(tmp_path, "slow", "import time\ntime.sleep(0.5)\n" + ECHO)
    outcome = exchange(slow, b"later", 0.1, on_late_answer=lambda *a: late.append(a))
    assert outcome == (None, b"")
    deadline = time.monotonic() + 60
    while not late and time.monotonic() < deadline:
        time.sleep(0.05)
    assert late == [(0, b"later")]


# --- every adapter's launch in a frozen-looking process --------------------------------------

# A fake program's first lines: its environment, as JSON, where the test reads it.
RECORDER = """\
import json, os, sys
record = {record!r}
with open(record + ".part", "w", encoding="utf-8") as handle:
    json.dump(dict(os.environ), handle)
os.replace(record + ".part", record)
"""


def _record_for(bindir: Path, name: str) -> Path:
    return bindir / f"{name}.environment.json"


def _recorder(bindir: Path, name: str, extra: str = "") -> Path:
    """A fake program that writes its environment next to itself, then does *extra*."""
    record = _record_for(bindir, name)
    return fake_program(bindir, name, RECORDER.format(record=str(record)) + extra)


def _environment_seen(record: Path) -> dict[str, str]:
    deadline = time.monotonic() + 60
    while not record.is_file() and time.monotonic() < deadline:  # a launch that did not wait
        time.sleep(0.02)
    assert record.is_file(), f"{record.name} was not written: the program was not started"
    seen: dict[str, str] = json.loads(record.read_text(encoding="utf-8"))
    return seen


@pytest.fixture
def draft(tmp_path: Path) -> DraftMessage:
    folder = tmp_path / "outbox" / REFERRAL_ID
    folder.mkdir(parents=True)
    archive = folder / f"{REFERRAL_ID}.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(32))
    return DraftMessage(to="post@ocmw.example.be", subject="s", body="b", attachment=archive)


# (folder for fake programs, draft) → the record of the environment the program got.
Launch = Callable[[Path, DraftMessage], Path]


def _thunderbird(bindir: Path, draft: DraftMessage) -> Path:
    _recorder(bindir, "thunderbird")
    home_with_account(Path(os.environ["HOME"]))
    ThunderbirdComposeOpener(environ=os.environ, platform="linux").open_draft(draft, bindir)
    return _record_for(bindir, "thunderbird")


def _xdg_email(bindir: Path, draft: DraftMessage) -> Path:
    _recorder(bindir, "xdg-email")
    XdgEmailOpener(environ=os.environ).open_draft(draft, bindir)
    return _record_for(bindir, "xdg-email")


def _eml_default_app(bindir: Path, draft: DraftMessage) -> Path:
    _recorder(bindir, "xdg-open")
    assert draft.attachment is not None
    EmlFileOpener().open_draft(draft, draft.attachment.parent)
    return _record_for(bindir, "xdg-open")


def _new_outlook(bindir: Path, draft: DraftMessage) -> Path:
    program = _recorder(bindir, "olk")
    assert draft.attachment is not None
    NewOutlookOpener(program).open_draft(draft, draft.attachment.parent)
    return _record_for(bindir, "olk")


def _mapi(bindir: Path, draft: DraftMessage) -> Path:
    record = _record_for(bindir, "mapi-helper")
    helper = python_command(
        bindir,
        "mapi-helper",
        RECORDER.format(record=str(record))
        + "sys.stdin.buffer.read()\n"
        + 'sys.stdout.buffer.write(b\'{"code":0,"reason":"ok"}\\n\')\n',
    )
    result = MapiOpener(helper=helper).open_draft(draft, bindir)
    assert result.opened
    return record


def _mail_detection(bindir: Path, draft: DraftMessage) -> Path:
    _recorder(bindir, "xdg-mime", "sys.stdout.write('thunderbird.desktop\\n')\n")
    assert mailto_handler(run_command, which_in(os.environ)) == "thunderbird.desktop"
    return _record_for(bindir, "xdg-mime")


def _fallback_dialog_folder(bindir: Path, draft: DraftMessage) -> Path:
    from referral_desk.lifecycle.mail_drafts import show_folder

    _recorder(bindir, "xdg-open")
    assert draft.attachment is not None
    show_folder(draft.attachment.parent)
    return _record_for(bindir, "xdg-open")


# Windows opens files and folders through ShellExecute (os.startfile), not a program on PATH.
XDG_UTILS = posix_only("starts xdg-utils (xdg-email, xdg-open, xdg-mime), Linux's desktop tools")

LAUNCHES = [
    pytest.param(_thunderbird, id="thunderbird"),
    pytest.param(_xdg_email, id="xdg-email", marks=XDG_UTILS),
    pytest.param(_eml_default_app, id="eml-default-app (xdg-open)", marks=XDG_UTILS),
    pytest.param(_new_outlook, id="new-outlook"),
    pytest.param(_mapi, id="mapi"),
    pytest.param(_mail_detection, id="detection (xdg-mime)", marks=XDG_UTILS),
    pytest.param(
        _fallback_dialog_folder, id="fallback dialog's folder (xdg-open)", marks=XDG_UTILS
    ),
]


@pytest.mark.parametrize("original", [None, "/opt/site/lib"], ids=["no-original", "original"])
@pytest.mark.parametrize("launch", LAUNCHES)
def test_every_adapter_starts_its_program_with_the_users_environment(
    launch: Launch,
    original: str | None,
    draft: DraftMessage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle = tmp_path / "referral-desk" / "_internal"
    (bundle / "bin").mkdir(parents=True)
    bindir = tmp_path / "bin"
    if sys.platform == "win32":
        # With sys.frozen set, pywin32 looks for its DLLs on sys.path, where a real build puts
        # them; this process only pretends, so the modules the private writes use load first.
        for module in ("pywintypes", "win32api", "win32file", "win32security", "winerror"):
            importlib.import_module(module)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", path_list(str(bundle), *([original] if original else [])))
    if original:
        monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", original)
    else:
        monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    monkeypatch.setenv("PATH", path_list(str(bundle / "bin"), str(bindir), os.environ["PATH"]))
    monkeypatch.setenv("XDG_DATA_DIRS", path_list(str(bundle / "share"), SYSTEM_SHARE))
    monkeypatch.setenv("_PYI_APPLICATION_HOME_DIR", str(bundle))

    seen = _environment_seen(launch(bindir, draft))

    assert seen.get("LD_LIBRARY_PATH") == original
    assert "LD_LIBRARY_PATH_ORIG" not in seen
    assert "_PYI_APPLICATION_HOME_DIR" not in seen
    assert seen["XDG_DATA_DIRS"] == SYSTEM_SHARE
    assert seen["PATH"].split(os.pathsep)[0] == str(bindir)
    assert not [name for name, value in seen.items() if str(bundle) in value]
