"""The log under its former name, register.sqlite3, is taken over by referral-log.sqlite3 on
open: with its WAL, never over an existing file, and a failed rename loses nothing and ends
in a Dutch message. No connection is open while a file is renamed (Windows refuses that)."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog, ReferralLogError
from referral_desk.storage.referral_log_adoption import (
    FORMER_FILE_NAME,
    adopt_former_file,
    log_file_exists,
)
from tests.storage.test_referral_log import entry

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
NEW = "referral-log.sqlite3"


def _crashed_log(folder: Path, ids: tuple[str, ...]) -> Path:
    """A former-name log as a crash leaves it: the last rows only in the -wal file.

    Written in *folder*/live and copied while still open (a copy is what a crash leaves
    behind), then closed; the copy in *folder* is the one the tests open."""
    live = folder / "live"
    live.mkdir()
    referral_log = ReferralLog.open(live / FORMER_FILE_NAME)
    # No checkpoint: what is written stays in the -wal until the log is closed.
    referral_log._db.execute("PRAGMA wal_autocheckpoint = 0")
    for number, referral_id in enumerate(ids):
        referral_log.add(entry(referral_id, T0.replace(minute=number)))
    for name in (FORMER_FILE_NAME, FORMER_FILE_NAME + "-wal", FORMER_FILE_NAME + "-shm"):
        shutil.copyfile(live / name, folder / name)
    referral_log.close()
    shutil.rmtree(live)
    wal = folder / (FORMER_FILE_NAME + "-wal")
    assert wal.stat().st_size > 0, "the rows must be in the WAL for this test to mean anything"
    return folder / FORMER_FILE_NAME


def _bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_the_app_calls_its_log_referral_log() -> None:
    paths = AppPaths.from_platform()
    assert paths.referral_log_file.name == NEW
    assert "register" not in paths.referral_log_file.name


def test_a_former_log_with_its_wal_is_taken_over_whole(tmp_path: Path) -> None:
    ids = ("KG-2026-7F3K9Q", "KG-2026-AC3DEF")
    _crashed_log(tmp_path, ids)
    referral_log = ReferralLog.open(tmp_path / NEW)
    try:
        assert sorted(row.referral_id for row in referral_log.all()) == sorted(ids)
        referral_log.add(entry("KG-2026-CCCCCC", T0.replace(hour=11)))
    finally:
        referral_log.close()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(FORMER_FILE_NAME)]
    reopened = ReferralLog.open(tmp_path / NEW)
    assert len(reopened.all()) == 3
    reopened.close()


def test_an_existing_new_log_wins_and_the_former_one_is_left_alone(tmp_path: Path) -> None:
    current = ReferralLog.open(tmp_path / NEW)
    current.add(entry("KG-2026-7F3K9Q"))
    current.close()
    former = ReferralLog.open(tmp_path / FORMER_FILE_NAME)
    former.add(entry("KG-2026-AC3DEF"))
    former.close()
    before = (tmp_path / FORMER_FILE_NAME).read_bytes()
    referral_log = ReferralLog.open(tmp_path / NEW)
    try:
        assert [row.referral_id for row in referral_log.all()] == ["KG-2026-7F3K9Q"]
    finally:
        referral_log.close()
    assert (tmp_path / FORMER_FILE_NAME).read_bytes() == before


def test_opening_the_former_name_itself_moves_nothing(tmp_path: Path) -> None:
    referral_log = ReferralLog.open(tmp_path / FORMER_FILE_NAME)
    referral_log.add(entry())
    referral_log.close()
    assert not (tmp_path / NEW).exists()
    assert log_file_exists(tmp_path / FORMER_FILE_NAME)


def test_a_side_file_under_both_names_stops_the_move_and_touches_nothing(
    tmp_path: Path,
) -> None:
    _crashed_log(tmp_path, ("KG-2026-7F3K9Q",))
    (tmp_path / (NEW + "-wal")).write_bytes(b"a stray write-ahead log")
    before = _bytes(tmp_path)
    with pytest.raises(ReferralLogError, match="niets verplaatst of overschreven") as raised:
        ReferralLog.open(tmp_path / NEW)
    assert "logboek" in raised.value.message
    assert _bytes(tmp_path) == before


def test_a_failed_rename_says_so_in_dutch_and_the_log_stays_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _crashed_log(tmp_path, ("KG-2026-7F3K9Q", "KG-2026-AC3DEF"))
    before = _bytes(tmp_path)
    real_rename = Path.rename

    def held_by_another_program(self: Path, target: Path) -> Path:
        if self.name == FORMER_FILE_NAME:
            raise PermissionError(13, "Permission denied")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", held_by_another_program)
    with pytest.raises(ReferralLogError, match="hernoemd") as raised:
        ReferralLog.open(tmp_path / NEW)
    assert "onaangeroerd" in raised.value.message and "opnieuw" in raised.value.message
    # The side files that had moved went back: everything is as it was.
    assert _bytes(tmp_path) == before
    monkeypatch.undo()
    referral_log = ReferralLog.open(tmp_path / NEW)
    assert len(referral_log.all()) == 2
    referral_log.close()


def test_a_move_broken_off_after_the_wal_is_finished_next_time(tmp_path: Path) -> None:
    _crashed_log(tmp_path, ("KG-2026-7F3K9Q", "KG-2026-AC3DEF"))
    for suffix in ("-wal", "-shm"):
        (tmp_path / (FORMER_FILE_NAME + suffix)).rename(tmp_path / (NEW + suffix))
    assert log_file_exists(tmp_path / NEW)
    adopt_former_file(tmp_path / NEW)
    assert not (tmp_path / FORMER_FILE_NAME).exists()
    referral_log = ReferralLog.open(tmp_path / NEW)
    assert len(referral_log.all()) == 2
    referral_log.close()


def test_no_log_under_either_name_is_no_log(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    assert not log_file_exists(folder / NEW)
    adopt_former_file(folder / NEW)
    assert list(folder.iterdir()) == []


def test_the_evaluation_export_finds_a_log_under_its_former_name(tmp_path: Path) -> None:
    import io

    from referral_desk.cli.evaluation import export_main

    paths = AppPaths.from_platform()
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    former = ReferralLog.open(paths.data_dir / FORMER_FILE_NAME)
    former.add(entry())
    former.close()
    out = io.StringIO()
    args = argparse.Namespace(output=tmp_path / "export.json", date_from=None, date_to=None)
    assert export_main(args, out, paths, now=lambda: T0.replace(month=6)) == 0, out.getvalue()
    assert paths.referral_log_file.is_file()
    assert not (paths.data_dir / FORMER_FILE_NAME).exists()


def test_sqlite_reads_the_taken_over_file_as_its_own(tmp_path: Path) -> None:
    """The moved main file and WAL belong together: SQLite checks the pair's salts."""
    _crashed_log(tmp_path, ("KG-2026-7F3K9Q",))
    ReferralLog.open(tmp_path / NEW).close()
    db = sqlite3.connect(tmp_path / NEW)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM referrals").fetchone()[0] == 1
    finally:
        db.close()
