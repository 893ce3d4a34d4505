"""The whole flow through the real window, judged by stock 7-Zip and a canary search."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from referral_desk.storage.paths import AppPaths
from tests.judges import run_7zz
from tests.ui_driver import (
    child,
    create_via_window,
    every_file,
    open_main_window,
)

CANARY = "Qzxkwv"
CANARY_CLIENT = {
    "firstName": f"{CANARY}voornaam",
    "lastName": f"{CANARY}achternaam",
    "street": f"{CANARY}straat",
    "houseNumber": "48173QZXW",
    "box": "QZXW7",
    "postcode": "3970",
    "phone": "0470 98 76 54",
    "email": f"{CANARY.lower()}.post@example.be",
}
CANARY_NEEDLES = [CANARY, "48173QZXW", "QZXW7", "470987654", "470 98 76 54", "98 76 54"]


def _needles_in(data: bytes) -> list[str]:
    found = []
    lowered = data.lower()
    for needle in CANARY_NEEDLES:
        for encoding in ("utf-8", "utf-16-le"):
            if needle.lower().encode(encoding) in lowered:
                found.append(f"{needle} ({encoding})")
    return found


@pytest.fixture
def window(qtbot: QtBot):  # type: ignore[no-untyped-def]
    return open_main_window(qtbot)


def _create(qtbot: QtBot, window, client=CANARY_CLIENT):  # type: ignore[no-untyped-def]
    return create_via_window(qtbot, window, client)


def hand_off(archive: Path, password: str) -> None:
    """For tests/packaging/test_windows_judge.py: the archive made here (on Windows) and its
    password, to be opened with Linux's 7zz."""
    folder = os.environ.get("REFERRAL_DESK_TEST_HANDOFF")
    if folder:
        shutil.copyfile(archive, Path(folder) / archive.name)
        (Path(folder) / "password.txt").write_text(password, "utf-8")


@pytest.mark.slow
def test_archive_opens_in_stock_7zip_with_the_displayed_password(
    qtbot: QtBot, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    created = _create(qtbot, window)
    shown = child(window, QLabel, "passwordDisplay").text()
    assert shown == created.password
    assert child(window, QLabel, "referralId").text().endswith(created.referral_id)
    archive = created.archive_path
    assert archive.name == f"{created.referral_id}.7z"
    hand_off(archive, shown)
    out = tmp_path / "extracted"
    result = run_7zz("x", f"-p{shown}", f"-o{out}", "-y", str(archive))
    assert result.returncode == 0, result.stderr
    exported = json.loads((out / "doorverwijzing.json").read_text("utf-8"))
    assert exported["referral_id"] == created.referral_id
    assert exported["client"]["first_name"] == CANARY_CLIENT["firstName"]
    assert exported["client"]["last_name"] == CANARY_CLIENT["lastName"]
    assert exported["client"]["phone"] == "+32470987654"
    assert exported["client"]["email"] == CANARY_CLIENT["email"]
    assert exported["partner"]["mailbox"] == "socialedienst@leopoldsburg.be"
    assert (out / "doorverwijzing.pdf").read_bytes().startswith(b"%PDF")
    assert run_7zz("l", "-p", str(archive)).returncode != 0
    no_password = run_7zz("l", str(archive))
    assert no_password.returncode != 0 and "doorverwijzing" not in no_password.stdout
    listing = run_7zz("l", "-slt", f"-p{shown}", str(archive))
    assert listing.returncode == 0 and "7zAES" in listing.stdout
    assert (
        run_7zz("x", "-pWRONG-PASS-WORD", f"-o{tmp_path / 'x2'}", "-y", str(archive)).returncode
        != 0
    )


def test_canary_never_reaches_disk_logs_titles_or_mail_text(
    qtbot: QtBot, window, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    created = _create(qtbot, window)
    QApplication.processEvents()
    assert not _needles_in(created.draft.subject.encode() + created.draft.body.encode())
    assert not _needles_in(created.archive_path.name.encode())
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets()]
    assert not _needles_in("\n".join(titles).encode())
    assert not _needles_in(caplog.text.encode())
    paths = AppPaths.from_platform()
    roots = [
        tmp_path,
        paths.config_dir,
        paths.data_dir,
        paths.log_dir,
        paths.site_config_dir,
        platformdirs.user_cache_path("referral-desk", appauthor=False),
        Path(__file__).parents[2] / "resources",
        Path(__file__).parents[2] / "config",
    ]
    files = list(every_file(*roots))
    eml = [f for f in files if f.suffix == ".eml"]
    assert eml, "the headless mail draft should have been written"
    assert any(f.suffix == ".log" for f in files), "the log file should exist and be searched"
    leaks = {str(f): hits for f in files if (hits := _needles_in(f.read_bytes()))}
    assert leaks == {}
    from email import policy
    from email.parser import BytesParser

    message = BytesParser(policy=policy.default).parsebytes(eml[0].read_bytes())
    for part in message.walk():
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            assert not _needles_in(payload)
