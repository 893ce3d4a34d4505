"""New Outlook: an X-Unsent .eml in the referral's outbox folder, handed to olk.exe."""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

import pytest

from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.new_outlook import NewOutlookOpener
from referral_desk.delivery.openers import MailOpenError
from tests.fake_programs import fake_program
from tests.file_privacy import assert_private

OLK = Path("C:/Users/kg/AppData/Local/Microsoft/WindowsApps/olk.exe")
ARCHIVE_BYTES = bytes(range(256)) * 41 + b"7z\xbc\xaf\x27\x1c"


class FakeSpawner:
    def __init__(self, status: int | None = None, error: OSError | None = None) -> None:
        self.status = status
        self.error = error
        self.calls: list[tuple[list[str], float]] = []
        self.existed: list[bool] = []

    def __call__(self, argv: Sequence[str], grace: float) -> int | None:
        self.calls.append((list(argv), grace))
        # The file must be complete before the client is started.
        self.existed.append(Path(argv[-1]).is_file())
        if self.error is not None:
            raise self.error
        return self.status


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "outbox" / "KG-2026-7F3K9Q"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def draft(folder: Path) -> DraftMessage:
    archive = folder / "KG-2026-7F3K9Q.7z"
    archive.write_bytes(ARCHIVE_BYTES)
    return DraftMessage(
        to="doorverwijzing@ocmw.example.be",
        subject="Doorverwijzing KG-2026-7F3K9Q – lokaal team Kind en Gezin Gent (art. 10/1)",
        body="Geachte collega,\n\nmet toestemming van de cliënt.\n",
        attachment=archive,
    )


def parse(path: Path) -> EmailMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


@pytest.mark.parametrize("status", [None, 0])
def test_olk_gets_the_unsent_eml_from_the_referral_folder(
    draft: DraftMessage, folder: Path, status: int | None
) -> None:
    spawn = FakeSpawner(status)
    result = NewOutlookOpener(OLK, spawn=spawn, grace=0.25).open_draft(draft, folder)
    eml = folder / "KG-2026-7F3K9Q.eml"
    assert result.opener == "new-outlook"
    assert result.opened
    assert result.eml_path == eml
    assert spawn.calls == [([str(OLK), str(eml)], 0.25)]
    assert spawn.existed == [True]

    message = parse(eml)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "doorverwijzing@ocmw.example.be"
    assert message["Subject"] == draft.subject
    assert message["From"] is None
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    # CRLF on disk (the SMTP policy); the same text.
    assert body.get_content().replace("\r\n", "\n") == draft.body
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    assert attachments[0].get_filename() == "KG-2026-7F3K9Q.7z"
    assert attachments[0].get_payload(decode=True) == ARCHIVE_BYTES
    assert_private(eml)


def test_quick_non_zero_exit_is_a_failure(draft: DraftMessage, folder: Path) -> None:
    with pytest.raises(MailOpenError, match="foutcode 5"):
        NewOutlookOpener(OLK, spawn=FakeSpawner(5)).open_draft(draft, folder)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (FileNotFoundError(2, "No such file", str(OLK)), "niet gevonden"),
        (PermissionError(13, "Access denied", str(OLK)), "Access denied"),
    ],
)
def test_olk_that_cannot_start_is_a_dutch_reason_without_path(
    draft: DraftMessage, folder: Path, error: OSError, expected: str
) -> None:
    with pytest.raises(MailOpenError) as raised:
        NewOutlookOpener(str(OLK), spawn=FakeSpawner(error=error)).open_draft(draft, folder)
    assert expected in raised.value.reason
    assert "Users" not in raised.value.reason


def test_unwritable_folder_fails_before_olk_starts(draft: DraftMessage, tmp_path: Path) -> None:
    spawn = FakeSpawner()
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_bytes(b"")
    with pytest.raises(MailOpenError, match="niet bewaard"):
        NewOutlookOpener(OLK, spawn=spawn).open_draft(draft, not_a_folder / "sub")
    assert spawn.calls == []


def test_real_spawn_of_a_stand_in_olk(draft: DraftMessage, tmp_path: Path) -> None:
    """spawn_detached for real, with a program in olk.exe's place that copies what it gets;
    the outbox path has a space (a user name) and must arrive as one argument."""
    seen = tmp_path / "seen.eml"
    arguments = tmp_path / "arguments.json"
    olk = fake_program(
        tmp_path / "olk",
        "olk",
        "import json, shutil, sys\n"
        f"json.dump(sys.argv[1:], open({str(arguments)!r}, 'w', encoding='utf-8'))\n"
        f"shutil.copyfile(sys.argv[1], {str(seen)!r})\n",
    )
    folder = tmp_path / "Sofie Maes" / "outbox" / "KG-2026-7F3K9Q"
    folder.mkdir(parents=True)
    result = NewOutlookOpener(olk, grace=30.0).open_draft(draft, folder)
    assert result.eml_path is not None
    assert json.loads(arguments.read_text(encoding="utf-8")) == [str(result.eml_path)]
    assert seen.read_bytes() == result.eml_path.read_bytes()
