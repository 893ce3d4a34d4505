"""xdg-email: exact arguments (fake spawn, recording fake program) and the real xdg-email.

The real ``xdg-email`` (xdg-utils) hands its ``mailto:`` URI to ``xdg-email-hook.sh`` when
that is on PATH, or to ``$MAILER``; a recording script in either place proves what a mail
client would receive, including the attachment path.
"""

from __future__ import annotations

import os
import shutil
import stat
import urllib.parse
from collections.abc import Sequence
from pathlib import Path

import pytest

from referral_desk.delivery.message import DraftMessage, referral_body, referral_subject
from referral_desk.delivery.openers import DraftResult, MailOpenError
from referral_desk.delivery.xdg_email import XdgEmailOpener, xdg_email_arguments
from tests.platforms import posix_only

REFERRAL_ID = "KG-2026-7F3K9Q"
MAILBOX = "doorverwijzing@ocmw-menen.example.be"

linux_only = posix_only("xdg-email (xdg-utils) exists only on Linux")


@pytest.fixture
def draft(tmp_path: Path) -> DraftMessage:
    folder = tmp_path / "outbox" / REFERRAL_ID
    folder.mkdir(parents=True)
    archive = folder / f"{REFERRAL_ID}.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(16))
    return DraftMessage(
        to=MAILBOX,
        subject=referral_subject(REFERRAL_ID, "Menen"),
        # A quote, a comma, an ampersand and accents: all must arrive unchanged.
        body=referral_body(REFERRAL_ID, "Menen", "Zoë D'hondt", "056 12 34 56")
        + "Vraag & antwoord?\n",
        attachment=archive,
    )


def script(bindir: Path, name: str, body: str) -> Path:
    bindir.mkdir(exist_ok=True)
    path = bindir / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def read_argv(record: Path) -> list[str]:
    return record.read_bytes().decode("utf-8").split("\0")[:-1]


def real_xdg_email() -> str:
    found = shutil.which("xdg-email")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("xdg-email (Debian package xdg-utils) is required on CI")
        pytest.skip("xdg-email not installed")
    return found


class RecordingSpawn:
    def __init__(self, status: int | None) -> None:
        self.status = status
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str], grace: float) -> int | None:
        self.calls.append(list(argv))
        return self.status


# --- with fakes -------------------------------------------------------------------------------


def test_exact_arguments(draft: DraftMessage) -> None:
    assert draft.attachment is not None
    spawn = RecordingSpawn(0)
    opener = XdgEmailOpener(which={"xdg-email": "/usr/bin/xdg-email"}.get, spawn=spawn)
    result = opener.open_draft(draft, draft.attachment.parent)
    assert result == DraftResult(opener="xdg-email", eml_path=None, opened=True)
    assert spawn.calls == [
        [
            "/usr/bin/xdg-email",
            "--utf8",
            "--subject",
            draft.subject,
            "--body",
            draft.body,
            "--attach",
            str(draft.attachment),
            MAILBOX,
        ]
    ]


def test_still_running_means_the_client_is_in_front(draft: DraftMessage) -> None:
    opener = XdgEmailOpener(which={"xdg-email": "/x/xdg-email"}.get, spawn=RecordingSpawn(None))
    assert opener.open_draft(draft, Path()).opened


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (1, "fout in de opdracht"),
        (2, "bijlage niet"),
        (3, "geen e-mailprogramma ingesteld"),
        (4, "kon het concept niet openen"),
        (9, "onbekende fout"),
    ],
)
def test_exit_codes_are_dutch_reasons(draft: DraftMessage, status: int, words: str) -> None:
    opener = XdgEmailOpener(which={"xdg-email": "/x/xdg-email"}.get, spawn=RecordingSpawn(status))
    with pytest.raises(MailOpenError) as caught:
        opener.open_draft(draft, Path())
    assert words in caught.value.reason
    assert f"foutcode {status}" in caught.value.reason
    assert MAILBOX not in caught.value.reason


def test_not_installed(draft: DraftMessage) -> None:
    spawn = RecordingSpawn(0)
    opener = XdgEmailOpener(which=lambda _name: None, spawn=spawn)
    assert opener.unusable_reason() == "xdg-email (pakket xdg-utils) is niet geïnstalleerd"
    with pytest.raises(MailOpenError, match="xdg-utils"):
        opener.open_draft(draft, Path())
    assert spawn.calls == []


def test_no_body_no_attachment(draft: DraftMessage) -> None:
    bare = draft.model_copy(update={"body": "", "attachment": None})
    assert xdg_email_arguments("xe", bare) == ["xe", "--utf8", "--subject", bare.subject, MAILBOX]


# --- a recording program in place of xdg-email --------------------------------------------------


@linux_only
def test_a_recording_xdg_email_receives_exactly_these_arguments(
    draft: DraftMessage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert draft.attachment is not None
    record = tmp_path / "argv.bin"
    script(tmp_path / "bin", "xdg-email", f"printf '%s\\0' \"$@\" > '{record}'")
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + os.pathsep + os.environ["PATH"])
    result = XdgEmailOpener(grace=10).open_draft(draft, draft.attachment.parent)
    assert result.opened
    assert read_argv(record) == [
        "--utf8",
        "--subject",
        draft.subject,
        "--body",
        draft.body,
        "--attach",
        str(draft.attachment),
        MAILBOX,
    ]


@linux_only
def test_a_failing_xdg_email_falls_through(
    draft: DraftMessage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script(tmp_path / "bin", "xdg-email", "exit 3")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(MailOpenError, match="foutcode 3"):
        XdgEmailOpener(grace=10).open_draft(draft, Path())


# --- the real xdg-email ---------------------------------------------------------------------------


def parse_mailto(uri: str) -> tuple[str, dict[str, list[str]]]:
    assert uri.startswith("mailto:")
    address, _, query = uri.removeprefix("mailto:").partition("?")
    fields: dict[str, list[str]] = {}
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        fields.setdefault(name, []).append(urllib.parse.unquote(value, errors="strict"))
    return urllib.parse.unquote(address), fields


def _real_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bindir: Path) -> None:
    real = Path(real_xdg_email()).parent
    monkeypatch.setenv("PATH", os.pathsep.join([str(bindir), str(real), "/usr/bin", "/bin"]))
    # The C locale: xdg-email must still carry the UTF-8 text (that is what --utf8 is for).
    monkeypatch.setenv("LANG", "C")
    monkeypatch.setenv("LC_ALL", "C")
    for variable in ("MAILER", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION"):
        monkeypatch.delenv(variable, raising=False)


def _assert_mailto(uri: str, draft: DraftMessage) -> None:
    assert draft.attachment is not None
    address, fields = parse_mailto(uri)
    assert address == MAILBOX
    assert fields["subject"] == [draft.subject]
    # xdg-email sends each line break as CRLF, as RFC 6068 asks.
    assert fields["body"] == [draft.body.rstrip("\n").replace("\n", "\r\n")]
    assert fields["attach"] == [str(draft.attachment.resolve())]


@linux_only
def test_real_xdg_email_hook_receives_the_mailto_with_attachment(
    draft: DraftMessage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert draft.attachment is not None
    record = tmp_path / "mailto.txt"
    bindir = tmp_path / "hook"
    script(bindir, "xdg-email-hook.sh", f"printf '%s' \"$1\" > '{record}'")
    _real_environment(tmp_path, monkeypatch, bindir)
    result = XdgEmailOpener(grace=30).open_draft(draft, draft.attachment.parent)
    assert result.opened
    _assert_mailto(record.read_text(encoding="ascii"), draft)


@linux_only
def test_real_xdg_email_honours_mailer(
    draft: DraftMessage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert draft.attachment is not None
    record = tmp_path / "mailto.txt"
    mailer = script(tmp_path / "mailer", "record-mailer", f"printf '%s' \"$1\" > '{record}'")
    _real_environment(tmp_path, monkeypatch, tmp_path / "empty")
    monkeypatch.setenv("MAILER", str(mailer))
    assert XdgEmailOpener(grace=30).open_draft(draft, draft.attachment.parent).opened
    _assert_mailto(record.read_text(encoding="ascii"), draft)
