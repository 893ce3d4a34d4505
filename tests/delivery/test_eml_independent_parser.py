"""The .eml draft, read back by Python's email package and by an independent parser.

Debian's ``munpack`` (package mpack, a C MIME decoder unrelated to Python) extracts the
attachment; its bytes must be identical to the archive, and stock 7-Zip must accept it with
the password (and refuse it without). munpack reads a file in the local (LF) newline
convention; the text part is checked that way, the attachment on the CRLF file as written.
"""

from __future__ import annotations

import email
import email.policy
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pytest

from referral_desk.delivery.eml import write_eml_draft
from referral_desk.delivery.message import (
    DraftMessage,
    build_email_message,
    referral_body,
    referral_subject,
)
from referral_desk.sealing.archive import build_encrypted_archive
from tests.judges import required_tool, seven_zip
from tests.platforms import posix_only

REFERRAL_ID = "KG-2026-7F3K9Q"
PASSWORD = "Vijf-Kleine-Eenden-42"
FILES = {"doorverwijzing.json": '{"voornaam": "Zoë"}'.encode(), "doorverwijzing.pdf": b"%PDF-1.7"}


def run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(argv),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
        cwd=cwd,
    )


@pytest.fixture
def written(tmp_path: Path) -> tuple[DraftMessage, bytes, Path]:
    folder = tmp_path / "outbox" / REFERRAL_ID
    folder.mkdir(parents=True)
    archive_bytes = build_encrypted_archive(FILES, PASSWORD)
    archive = folder / f"{REFERRAL_ID}.7z"
    archive.write_bytes(archive_bytes)
    draft = DraftMessage(
        to="doorverwijzing@ocmw-menen.example.be",
        subject=referral_subject(REFERRAL_ID, "Menen"),
        body=referral_body(REFERRAL_ID, "Menen", "Zoë D'hondt", "056 12 34 56"),
        attachment=archive,
    )
    eml = write_eml_draft(build_email_message(draft), folder, REFERRAL_ID)
    return draft, archive_bytes, eml


def test_python_email_reads_it_back(written: tuple[DraftMessage, bytes, Path]) -> None:
    draft, archive_bytes, eml = written
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    assert message["To"] == draft.to
    assert message["Subject"] == draft.subject
    assert message["X-Unsent"] == "1"
    body = message.get_body(preferencelist=("plain",))
    # The file has CRLF line ends (RFC 5322); the text decodes to the body line for line.
    assert body is not None and body.get_content().replace("\r\n", "\n") == draft.body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"{REFERRAL_ID}.7z"
    assert attachment.get_content_type() == "application/x-7z-compressed"
    assert attachment.get_content() == archive_bytes


@pytest.mark.slow
@posix_only("munpack (Debian's mpack) reads the draft")
def test_munpack_extracts_identical_bytes_that_7zip_opens(
    written: tuple[DraftMessage, bytes, Path], tmp_path: Path
) -> None:
    munpack = required_tool("munpack", "mpack")
    sevenzip = seven_zip()
    _draft, archive_bytes, eml = written
    out = tmp_path / "munpack"
    out.mkdir()
    result = run(munpack, "-f", "-C", str(out), str(eml))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{REFERRAL_ID}.7z (application/x-7z-compressed")
    extracted = out / f"{REFERRAL_ID}.7z"
    assert extracted.read_bytes() == archive_bytes

    tested = run(sevenzip, "t", f"-p{PASSWORD}", str(extracted))
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "Everything is Ok" in tested.stdout
    listed = run(sevenzip, "l", "-slt", f"-p{PASSWORD}", str(extracted))
    assert "Method = LZMA2" in listed.stdout and "7zAES" in listed.stdout
    assert sorted(
        line.removeprefix("Path = ")
        for line in listed.stdout.splitlines()
        if line.startswith("Path = ") and line != f"Path = {extracted}"
    ) == sorted(FILES)
    refused = run(sevenzip, "t", "-pfout", str(extracted))
    assert refused.returncode != 0


@pytest.mark.slow
@posix_only("munpack (Debian's mpack) reads the draft")
def test_munpack_decodes_the_text_part(
    written: tuple[DraftMessage, bytes, Path], tmp_path: Path
) -> None:
    munpack = required_tool("munpack", "mpack")
    draft, _archive, eml = written
    local = tmp_path / "lf.eml"
    local.write_bytes(eml.read_bytes().replace(b"\r\n", b"\n"))
    out = tmp_path / "text"
    out.mkdir()
    result = run(munpack, "-f", "-t", "-C", str(out), str(local))
    assert result.returncode == 0, result.stdout + result.stderr
    [text_part] = [p for p in out.iterdir() if p.suffix != ".7z"]
    assert text_part.read_text(encoding="utf-8").strip() == draft.body.strip()
