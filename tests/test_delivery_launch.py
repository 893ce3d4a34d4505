"""The one launcher: a frozen build's library paths never reach the programs it starts.

The end-to-end tests make this process look like a PyInstaller build (``sys.frozen``,
``sys._MEIPASS``, ``LD_LIBRARY_PATH`` and other variables pointing into the bundle), then
let every adapter that starts a program start a fake one that writes down the environment
it got.
"""

from __future__ import annotations

import os
import stat
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
from tests.thunderbird_profiles import home_with_account

REFERRAL_ID = "KG-2026-7F3K9Q"
BUNDLE = "/opt/referral-desk/_internal"

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="fake programs are sh scripts")


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
        "PATH": f"{BUNDLE}/bin:/usr/local/bin:/usr/bin",
        "XDG_DATA_DIRS": f"{BUNDLE}/share:/usr/share",
        "GIO_MODULE_DIR": f"{BUNDLE}/gio/modules",
        "QT_PLUGIN_PATH": BUNDLE,
        "DYLD_LIBRARY_PATH": f"{BUNDLE}/lib",
        # A sibling folder whose name only starts like the bundle's stays.
        "SOMEWHERE": f"{BUNDLE}-extra/bin",
        # Relative and non-path values say nothing about the bundle.
        "TERM": "xterm-256color",
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus",
        "_PYI_APPLICATION_HOME_DIR": BUNDLE,
        "_PYI_PARENT_PROCESS_LEVEL": "1",
        "_MEIPASS2": BUNDLE,
    }
    assert child_environment(environ, frozen=True, bundle=BUNDLE) == {
        "PATH": "/usr/local/bin:/usr/bin",
        "XDG_DATA_DIRS": "/usr/share",
        "SOMEWHERE": f"{BUNDLE}-extra/bin",
        "TERM": "xterm-256color",
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus",
    }


def test_frozen_reads_sys_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", BUNDLE, raising=False)
    environ = {"LD_LIBRARY_PATH": BUNDLE, "PATH": f"{BUNDLE}:/usr/bin"}
    assert child_environment(environ) == {"PATH": "/usr/bin"}


# --- the three ways to start a program -------------------------------------------------------


def _script(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@linux_only
def test_run_command_never_raises(tmp_path: Path) -> None:
    assert run_command([str(tmp_path / "ontbreekt")]).returncode == NOT_FOUND
    answer = _script(tmp_path, "answer", "printf 'thunderbird.desktop\\n'; exit 0")
    assert run_command([str(answer)]) == (0, "thunderbird.desktop\n")
    slow = _script(tmp_path, "slow", "exec sleep 5")
    assert run_command([str(slow)], timeout=0.2).returncode == -1


@linux_only
def test_spawn_reports_an_early_exit_and_lets_a_slow_program_run(tmp_path: Path) -> None:
    assert spawn_detached([str(_script(tmp_path, "fails", "exit 4"))], 5.0) == 4
    assert spawn_detached([str(_script(tmp_path, "runs", "exec sleep 2"))], 0.2) is None
    with pytest.raises(FileNotFoundError):
        spawn_detached([str(tmp_path / "ontbreekt")], 0.2)


@linux_only
def test_exchange_answers_within_the_grace_period_or_later(tmp_path: Path) -> None:
    echo = _script(tmp_path, "echo", "cat; exit 3")
    assert exchange([str(echo)], b"vraag", 5.0) == (3, b"vraag")
    late: list[tuple[int, bytes]] = []
    slow = _script(tmp_path, "slow", "sleep 0.5; cat; exit 0")
    outcome = exchange([str(slow)], b"later", 0.1, on_late_answer=lambda *a: late.append(a))
    assert outcome == (None, b"")
    deadline = time.monotonic() + 5
    while not late and time.monotonic() < deadline:
        time.sleep(0.05)
    assert late == [(0, b"later")]


# --- every adapter's launch in a frozen-looking process --------------------------------------


def _recorder(bindir: Path, name: str, extra: str = "") -> Path:
    """A fake program that writes its environment next to itself, then does *extra*."""
    return _script(bindir, name, f'env > "$0.tmp" && mv "$0.tmp" "$0.env"\n{extra}')


def _environment_seen(program: Path) -> dict[str, str]:
    record = program.with_name(program.name + ".env")
    deadline = time.monotonic() + 5
    while not record.is_file() and time.monotonic() < deadline:  # a launch that did not wait
        time.sleep(0.02)
    assert record.is_file(), f"{program.name} was not started"
    lines = record.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


@pytest.fixture
def draft(tmp_path: Path) -> DraftMessage:
    folder = tmp_path / "outbox" / REFERRAL_ID
    folder.mkdir(parents=True)
    archive = folder / f"{REFERRAL_ID}.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(32))
    return DraftMessage(to="post@ocmw.example.be", subject="s", body="b", attachment=archive)


Launch = Callable[[Path, DraftMessage], Path]


def _thunderbird(bindir: Path, draft: DraftMessage) -> Path:
    program = _recorder(bindir, "thunderbird")
    home_with_account(Path(os.environ["HOME"]))
    ThunderbirdComposeOpener(environ=os.environ, platform="linux").open_draft(draft, bindir)
    return program


def _xdg_email(bindir: Path, draft: DraftMessage) -> Path:
    program = _recorder(bindir, "xdg-email")
    XdgEmailOpener(environ=os.environ).open_draft(draft, bindir)
    return program


def _eml_default_app(bindir: Path, draft: DraftMessage) -> Path:
    program = _recorder(bindir, "xdg-open")
    assert draft.attachment is not None
    EmlFileOpener().open_draft(draft, draft.attachment.parent)
    return program


def _new_outlook(bindir: Path, draft: DraftMessage) -> Path:
    program = _recorder(bindir, "olk.exe")
    assert draft.attachment is not None
    NewOutlookOpener(program).open_draft(draft, draft.attachment.parent)
    return program


def _mapi(bindir: Path, draft: DraftMessage) -> Path:
    program = _recorder(
        bindir, "mapi-helper", 'cat > /dev/null\nprintf \'{"code":0,"reason":"ok"}\\n\''
    )
    result = MapiOpener(helper=[str(program)]).open_draft(draft, bindir)
    assert result.opened
    return program


def _mail_detection(bindir: Path, draft: DraftMessage) -> Path:
    program = _recorder(bindir, "xdg-mime", "printf 'thunderbird.desktop\\n'")
    assert mailto_handler(run_command, which_in(os.environ)) == "thunderbird.desktop"
    return program


def _fallback_dialog_folder(bindir: Path, draft: DraftMessage) -> Path:
    from referral_desk.ui.mail_fallback_dialog import show_folder

    program = _recorder(bindir, "xdg-open")
    assert draft.attachment is not None
    show_folder(draft.attachment.parent)
    return program


LAUNCHES: dict[str, Launch] = {
    "thunderbird": _thunderbird,
    "xdg-email": _xdg_email,
    "eml-default-app (xdg-open)": _eml_default_app,
    "new-outlook": _new_outlook,
    "mapi": _mapi,
    "detection (xdg-mime)": _mail_detection,
    "fallback dialog's folder (xdg-open)": _fallback_dialog_folder,
}


@linux_only
@pytest.mark.parametrize("original", [None, "/opt/site/lib"], ids=["no-original", "original"])
@pytest.mark.parametrize("launch", LAUNCHES.values(), ids=LAUNCHES.keys())
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
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", str(bundle) + (f":{original}" if original else ""))
    if original:
        monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", original)
    else:
        monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    monkeypatch.setenv("PATH", f"{bundle / 'bin'}:{bindir}:{os.environ['PATH']}")
    monkeypatch.setenv("XDG_DATA_DIRS", f"{bundle / 'share'}:/usr/share")
    monkeypatch.setenv("_PYI_APPLICATION_HOME_DIR", str(bundle))

    seen = _environment_seen(launch(bindir, draft))

    assert seen.get("LD_LIBRARY_PATH") == original
    assert "LD_LIBRARY_PATH_ORIG" not in seen
    assert "_PYI_APPLICATION_HOME_DIR" not in seen
    assert seen["XDG_DATA_DIRS"] == "/usr/share"
    assert seen["PATH"].split(":")[0] == str(bindir)
    assert not [name for name, value in seen.items() if str(bundle) in value]
