"""Openers with fake launchers and a fake xdg-open: order, fallback, logs and exit codes."""

from __future__ import annotations

import logging
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_desk.delivery import launch
from referral_desk.delivery.message import DraftMessage, referral_body, referral_subject
from referral_desk.delivery.openers import (
    AllOpenersFailed,
    DraftResult,
    EmlFileOpener,
    EmlOnlyOpener,
    MailOpener,
    MailOpenError,
    OpenerChain,
    open_with_default_app,
)
from tests.platforms import posix_only

REFERRAL_ID = "KG-2026-7F3K9Q"
CANARY = "Qzxkwv"
TEAM = f"{CANARY}gem"
REFERRER = f"{CANARY} Referent"
MAILBOX = f"{CANARY.lower()}@ocmw.example.be"

# Windows hands the file to ShellExecute (os.startfile): no program on PATH to stand in for.
linux_only = posix_only("starts xdg-open, Linux's file opener")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    folder = tmp_path / "outbox" / REFERRAL_ID
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def draft(workdir: Path) -> DraftMessage:
    archive = workdir / f"{REFERRAL_ID}.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(64))
    return DraftMessage(
        to=MAILBOX,
        subject=referral_subject(REFERRAL_ID, TEAM),
        body=referral_body(REFERRAL_ID, TEAM, REFERRER, "+32 56 12 34 56"),
        attachment=archive,
    )


class RecordingLauncher:
    def __init__(self) -> None:
        self.calls: list[Path] = []

    def __call__(self, path: Path) -> None:
        self.calls.append(path)


def failing_launcher(reason: str) -> Callable[[Path], None]:
    def launch(path: Path) -> None:
        raise MailOpenError(reason)

    return launch


class FakeOpener:
    """Records the order it was tried in; fails with ``reason`` when given one."""

    def __init__(self, name: str, tried: list[str], reason: str | None = None) -> None:
        self.name = name
        self.label = f"nep {name}"
        self.tried = tried
        self.reason = reason

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        self.tried.append(self.name)
        if self.reason is not None:
            raise MailOpenError(self.reason)
        return DraftResult(opener=self.name, eml_path=None, opened=True)


def _no_personal_data(text: str, draft: DraftMessage) -> None:
    assert CANARY.lower() not in text.lower()
    assert draft.subject not in text
    assert draft.to not in text
    assert str(draft.attachment.parent if draft.attachment else "") not in text


# --- the two eml openers -------------------------------------------------------------------


def test_eml_file_opener_writes_next_to_the_archive_then_launches(
    draft: DraftMessage, workdir: Path
) -> None:
    launcher = RecordingLauncher()
    result = EmlFileOpener(launcher).open_draft(draft, workdir)
    eml = workdir / f"{REFERRAL_ID}.eml"
    assert result == DraftResult(opener="eml-default-app", eml_path=eml, opened=True)
    assert launcher.calls == [eml]
    assert eml.read_bytes().startswith(b"To: ")


def test_eml_file_opener_uses_the_desktop_by_default() -> None:
    assert EmlFileOpener().launcher is open_with_default_app


def test_eml_only_opener_writes_and_opens_nothing(draft: DraftMessage, workdir: Path) -> None:
    result = EmlOnlyOpener().open_draft(draft, workdir)
    assert result == DraftResult(
        opener="eml-only", eml_path=workdir / f"{REFERRAL_ID}.eml", opened=False
    )
    assert result.eml_path is not None and result.eml_path.is_file()


def test_unwritable_draft_is_a_mail_open_error_without_the_path(
    draft: DraftMessage, workdir: Path
) -> None:
    blocked = workdir / "geen-map"
    blocked.write_bytes(b"")
    with pytest.raises(MailOpenError) as caught:
        EmlOnlyOpener().open_draft(draft, blocked)
    assert "e-mailconcept kon niet bewaard worden" in caught.value.reason
    assert str(workdir) not in caught.value.reason


def test_openers_satisfy_the_interface() -> None:
    openers: list[MailOpener] = [EmlFileOpener(), EmlOnlyOpener(), OpenerChain([EmlOnlyOpener()])]
    assert [o.name for o in openers] == ["eml-default-app", "eml-only", "chain"]
    assert all(o.label for o in openers)


# --- the chain -----------------------------------------------------------------------------


def test_chain_falls_through_in_order_and_logs_only_names_and_reasons(
    draft: DraftMessage, workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    tried: list[str] = []
    chain = OpenerChain(
        [
            FakeOpener("outlook-com", tried, "Outlook is niet geïnstalleerd"),
            FakeOpener("mapi", tried, "geen MAPI-client"),
            FakeOpener("thunderbird", tried),
            FakeOpener("never", tried),
        ]
    )
    result = chain.open_draft(draft, workdir)
    assert result.opener == "thunderbird"
    assert tried == ["outlook-com", "mapi", "thunderbird"]
    delivery_logs = [r for r in caplog.records if r.name == "referral_desk.delivery"]
    assert len(delivery_logs) == 2
    for name, reason in [("outlook-com", "Outlook is niet geïnstalleerd"), ("mapi", "MAPI")]:
        assert name in caplog.text
        assert reason in caplog.text
    _no_personal_data(caplog.text, draft)


def test_chain_with_real_eml_openers_falls_back_to_saving_only(
    draft: DraftMessage, workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chain = OpenerChain(
        [EmlFileOpener(failing_launcher("xdg-open gaf foutcode 3")), EmlOnlyOpener()]
    )
    result = chain.open_draft(draft, workdir)
    assert result.opener == "eml-only"
    assert result.opened is False
    assert "eml-default-app" in caplog.text
    assert "xdg-open gaf foutcode 3" in caplog.text
    _no_personal_data(caplog.text, draft)


def test_all_failed_carries_every_reason_in_order(
    draft: DraftMessage, workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    tried: list[str] = []
    chain = OpenerChain(
        [
            EmlFileOpener(failing_launcher("geen programma voor .eml")),
            FakeOpener("thunderbird", tried, "Thunderbird niet gevonden"),
        ]
    )
    with pytest.raises(AllOpenersFailed) as caught:
        chain.open_draft(draft, workdir)
    failure = caught.value
    assert isinstance(failure, MailOpenError)
    assert failure.failures == (
        ("eml-default-app", "geen programma voor .eml"),
        ("thunderbird", "Thunderbird niet gevonden"),
    )
    assert "geen programma voor .eml" in failure.reason
    assert "Thunderbird niet gevonden" in failure.reason
    _no_personal_data(caplog.text, draft)


def test_chain_needs_an_opener() -> None:
    with pytest.raises(ValueError):
        OpenerChain([])


class BrokenOpener:
    """An adapter with a bug: raises something other than MailOpenError, canary inside."""

    def __init__(self, name: str, error: Exception) -> None:
        self.name = name
        self.label = f"kapot {name}"
        self.error = error

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        raise self.error


UNEXPECTED = [
    RuntimeError(f"COM zegt {CANARY} {MAILBOX}"),
    OSError(13, f"geen toegang tot /home/{CANARY}/outbox"),  # a PermissionError
    TypeError(f"argument {CANARY!r} heeft het verkeerde type"),
]


@pytest.mark.parametrize("error", UNEXPECTED, ids=lambda error: type(error).__name__)
def test_an_unexpected_exception_is_that_adapters_failure_and_the_eml_still_opens(
    error: Exception, draft: DraftMessage, workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    launcher = RecordingLauncher()
    tried: list[str] = []
    chain = OpenerChain(
        [
            BrokenOpener("outlook-com", error),
            FakeOpener("mapi", tried, "geen MAPI-client"),
            EmlFileOpener(launcher),
        ]
    )
    result = chain.open_draft(draft, workdir)
    assert result.opener == "eml-default-app"
    assert launcher.calls == [workdir / f"{REFERRAL_ID}.eml"]
    assert tried == ["mapi"]
    assert f"outlook-com failed unexpectedly: {type(error).__name__} at " in caplog.text
    _no_personal_data(caplog.text, draft)
    for record in caplog.records:
        assert record.exc_info is None
        assert CANARY.lower() not in record.getMessage().lower()


def test_every_adapter_broken_ends_in_all_failed_with_dutch_reasons_only(
    draft: DraftMessage, workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    def broken_launcher(path: Path) -> None:
        raise ValueError(f"{CANARY} {path}")

    chain = OpenerChain(
        [
            *(BrokenOpener(f"kapot-{index}", error) for index, error in enumerate(UNEXPECTED)),
            EmlFileOpener(broken_launcher),
        ]
    )
    with pytest.raises(AllOpenersFailed) as caught:
        chain.open_draft(draft, workdir)
    assert caught.value.failures == (
        ("kapot-0", "onverwachte fout (RuntimeError)"),
        ("kapot-1", "onverwachte fout (PermissionError)"),
        ("kapot-2", "onverwachte fout (TypeError)"),
        ("eml-default-app", "onverwachte fout (ValueError)"),
    )
    for text in (caught.value.reason, caught.value.message, str(caught.value), caplog.text):
        _no_personal_data(text, draft)


# --- open_with_default_app on Windows: ShellExecute, here a stand-in --------------------------


class ShellExecuteError(OSError):
    """What os.startfile raises on Windows: an OSError with the Windows error code."""

    def __init__(self, errno: int, winerror: int) -> None:
        super().__init__(errno, "ShellExecute failed")
        self.winerror = winerror


class FileNotFoundShellExecuteError(ShellExecuteError, FileNotFoundError):
    pass


@pytest.fixture
def windows_startfile(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The Windows branch of the desktop opener, with os.startfile recording (on any OS)."""
    opened: list[Path] = []

    def startfile(path: Path) -> None:
        opened.append(Path(path))

    monkeypatch.setattr(launch.sys, "platform", "win32")
    monkeypatch.setattr(launch.os, "startfile", startfile, raising=False)
    monkeypatch.setenv("PATH", "")  # no xdg-open to fall back on
    return opened


def test_windows_hands_the_eml_to_shellexecute(
    windows_startfile: list[Path], eml_with_awkward_path: Path
) -> None:
    open_with_default_app(eml_with_awkward_path, timeout=0.2)
    assert windows_startfile == [eml_with_awkward_path]


@pytest.mark.parametrize(
    "error",
    [
        ShellExecuteError(22, 1155),  # ERROR_NO_ASSOCIATION
        # ERROR_FILE_NOT_FOUND: the .eml, or the program linked to .eml files, is gone.
        FileNotFoundShellExecuteError(2, 2),
    ],
    ids=["no-association", "file-not-found"],
)
def test_a_shellexecute_failure_is_a_dutch_windows_reason(
    windows_startfile: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    eml_with_awkward_path: Path,
    error: ShellExecuteError,
) -> None:
    def startfile(path: Path) -> None:
        raise error

    monkeypatch.setattr(launch.os, "startfile", startfile, raising=False)
    with pytest.raises(MailOpenError) as caught:
        open_with_default_app(eml_with_awkward_path)
    reason = caught.value.reason
    code = error.winerror
    assert reason.startswith(f"Windows kon het e-mailconcept niet openen, foutcode {code}:")
    assert ".eml-bestanden" in reason
    assert "xdg-open" not in reason and "hulpprogramma" not in reason
    assert str(eml_with_awkward_path.parent) not in reason


# --- open_with_default_app against a fake xdg-open -----------------------------------------


def _fake_xdg_open(bindir: Path, script: str) -> None:
    bindir.mkdir(exist_ok=True)
    tool = bindir / "xdg-open"
    tool.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def eml_with_awkward_path(tmp_path: Path) -> Path:
    # Spaces, quotes and a $ would break a shell command line; they must arrive as one argument.
    folder = tmp_path / "map met 'spaties' $HOME"
    folder.mkdir()
    path = folder / f"{REFERRAL_ID}.eml"
    path.write_bytes(b"To: a@b.be\r\n\r\n")
    return path


@linux_only
def test_xdg_open_receives_exactly_the_eml_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, eml_with_awkward_path: Path
) -> None:
    record = tmp_path / "argv.txt"
    _fake_xdg_open(tmp_path / "bin", f"printf '%s\\n' \"$#\" \"$@\" > '{record}'\nexit 0")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    open_with_default_app(eml_with_awkward_path)
    assert record.read_text(encoding="utf-8").splitlines() == ["1", str(eml_with_awkward_path)]


@linux_only
def test_xdg_open_exit_code_is_a_dutch_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, eml_with_awkward_path: Path
) -> None:
    _fake_xdg_open(tmp_path / "bin", "exit 3")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(MailOpenError) as caught:
        open_with_default_app(eml_with_awkward_path)
    reason = caught.value.reason
    assert "geen programma ingesteld" in reason
    assert "foutcode 3" in reason
    assert str(eml_with_awkward_path.parent) not in reason


@linux_only
def test_missing_xdg_open_is_a_dutch_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, eml_with_awkward_path: Path
) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(MailOpenError) as caught:
        open_with_default_app(eml_with_awkward_path)
    assert "xdg-open is niet gevonden" in caught.value.reason


@linux_only
def test_xdg_open_still_running_means_the_client_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, eml_with_awkward_path: Path
) -> None:
    sleep = shutil.which("sleep")
    assert sleep is not None
    _fake_xdg_open(tmp_path / "bin", f"exec {sleep} 2")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    open_with_default_app(eml_with_awkward_path, timeout=0.2)


@linux_only
def test_eml_file_opener_end_to_end_through_fake_xdg_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, draft: DraftMessage, workdir: Path
) -> None:
    record = tmp_path / "argv.txt"
    _fake_xdg_open(tmp_path / "bin", f"printf '%s\\n' \"$@\" > '{record}'")
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + os.pathsep + os.environ["PATH"])
    result = EmlFileOpener().open_draft(draft, workdir)
    assert result.opened
    assert record.read_text(encoding="utf-8").splitlines() == [str(result.eml_path)]
