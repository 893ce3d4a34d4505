"""Outbox housekeeping with a fake clock: age by the newest file, never outside the outbox."""

from __future__ import annotations

import logging
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from referral_desk.storage.outbox import Outbox, OutboxError, is_link
from tests.folder_links import KINDS, LinkKind, folder_link
from tests.platforms import posix_only

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
DAY = 86_400


def age(path: Path, days: float) -> None:
    """Sets *path*'s times: a symbolic link's own where the platform can (Windows' os.utime
    has no follow_symlinks=False; the junctions tests make there are real folders)."""
    stamp = NOW.timestamp() - days * DAY
    if os.utime in os.supports_follow_symlinks:
        os.utime(path, (stamp, stamp), follow_symlinks=False)
    else:
        os.utime(path, (stamp, stamp))


def referral(outbox: Outbox, referral_id: str, archive_days: float, eml_days: float) -> Path:
    archive = outbox.save_archive(referral_id, b"7z\xbc\xaf\x27\x1c ciphertext")
    eml = archive.with_suffix(".eml")
    eml.write_bytes(b"To: a@b.be\r\n\r\n")
    age(archive, archive_days)
    age(eml, eml_days)
    age(archive.parent, max(archive_days, eml_days))
    return archive.parent


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> LinkKind:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "data" / "outbox")


def test_only_folders_whose_newest_file_is_too_old_go(outbox: Outbox) -> None:
    old = referral(outbox, "KG-2026-AAAAAA", 30, 20)
    # The archive is old, but the draft was written yesterday: the newest file counts.
    recent_draft = referral(outbox, "KG-2026-CCCCCC", 30, 1)
    fresh = referral(outbox, "KG-2026-DDDDDD", 2, 2)
    just_inside = referral(outbox, "KG-2026-EEEEEE", 13.9, 13.9)
    test_folder = outbox.folder_for("test-20260101-090000")
    (test_folder / "test-referral-desk.txt").write_text("x", encoding="utf-8")
    age(test_folder / "test-referral-desk.txt", 40)
    age(test_folder, 40)

    removed = outbox.purge_older_than(14, NOW)

    assert removed == ["KG-2026-AAAAAA", "test-20260101-090000"]
    assert not old.exists()
    assert not test_folder.exists()
    assert recent_draft.exists() and fresh.exists() and just_inside.exists()
    assert outbox.root.is_dir()


def test_an_empty_old_folder_goes_by_its_own_time(outbox: Outbox) -> None:
    empty = outbox.folder_for("KG-2026-FFFFFF")
    age(empty, 15)
    assert outbox.purge_older_than(14, NOW) == ["KG-2026-FFFFFF"]


def test_nested_files_count(outbox: Outbox) -> None:
    folder = referral(outbox, "KG-2026-GGGGGG", 30, 30)
    nested = folder / "sub"
    nested.mkdir()
    (nested / "new.txt").write_text("x", encoding="utf-8")
    age(nested / "new.txt", 1)
    assert outbox.purge_older_than(14, NOW) == []


def test_days_zero_and_negative(outbox: Outbox) -> None:
    referral(outbox, "KG-2026-HHHHHH", 0.01, 0.01)
    with pytest.raises(ValueError):
        outbox.purge_older_than(-1, NOW)
    assert outbox.purge_older_than(0, NOW) == ["KG-2026-HHHHHH"]


def test_naive_now_is_local_time(outbox: Outbox) -> None:
    referral(outbox, "KG-2026-JJJJJJ", 20, 20)
    naive_local = NOW.astimezone().replace(tzinfo=None)
    assert outbox.purge_older_than(14, naive_local) == ["KG-2026-JJJJJJ"]


def test_missing_outbox_is_nothing_to_do(outbox: Outbox) -> None:
    assert outbox.purge_older_than(14, NOW) == []
    assert outbox.empty() == 0
    assert not outbox.root.exists()


def test_links_are_never_followed_nor_removed(
    outbox: Outbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    precious = tmp_path / "elders"
    precious.mkdir()
    (precious / "belangrijk.txt").write_text("niet verwijderen", encoding="utf-8")
    age(precious / "belangrijk.txt", 100)
    age(precious, 100)
    outbox.folder_for("KG-2026-KKKKKK")
    link_folder = folder_link(monkeypatch, outbox.root / "KG-2026-LLLLLL", precious, kind)
    age(link_folder, 100)
    keep = link_folder / "belangrijk.txt"

    assert outbox.purge_older_than(14, NOW) == []
    assert keep.read_text(encoding="utf-8") == "niet verwijderen"
    assert outbox.newest_folder_time() is not None  # the real folder's, never the link's

    assert outbox.empty() == 1  # the real folder; the link is skipped
    assert keep.read_text(encoding="utf-8") == "niet verwijderen"
    assert sorted(p.name for p in outbox.root.iterdir()) == ["KG-2026-LLLLLL"]
    assert is_link(link_folder)


@posix_only("a symbolic link to a file: Windows makes those only with a privilege")
def test_a_link_inside_an_old_folder_goes_with_it_and_its_target_stays(
    outbox: Outbox, tmp_path: Path
) -> None:
    keep = tmp_path / "belangrijk.txt"
    keep.write_text("niet verwijderen", encoding="utf-8")
    age(keep, 100)
    old = referral(outbox, "KG-2026-MMMMMM", 30, 30)
    inner_link = old / "link.txt"
    inner_link.symlink_to(keep)
    age(inner_link, 30)
    age(old, 30)

    assert outbox.purge_older_than(14, NOW) == ["KG-2026-MMMMMM"]
    assert not old.exists()
    assert keep.read_text(encoding="utf-8") == "niet verwijderen"


def test_what_a_link_inside_a_folder_leads_to_never_keeps_the_folder(
    outbox: Outbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    """Housekeeping never walks into a link, which could lead anywhere (on Windows a junction
    back up to the outbox would have it walk until the path grew too long)."""
    old = referral(outbox, "KG-2026-NNNNNN", 30, 30)
    target = tmp_path / "elders"
    target.mkdir()
    (target / "nieuw.txt").write_text("x", encoding="utf-8")
    age(target / "nieuw.txt", 1)
    link = folder_link(monkeypatch, old / "link", target, kind)
    age(link, 30)
    age(old, 30)
    assert outbox.purge_older_than(14, NOW) == ["KG-2026-NNNNNN"]


def test_an_outbox_that_is_a_link_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: LinkKind
) -> None:
    real = tmp_path / "ergens"
    real.mkdir()
    (real / "KG-2026-NNNNNN").mkdir()
    age(real / "KG-2026-NNNNNN", 100)
    link = folder_link(monkeypatch, tmp_path / "outbox", real, kind)
    outbox = Outbox(link)
    with pytest.raises(OutboxError, match="geen gewone map"):
        outbox.purge_older_than(14, NOW)
    with pytest.raises(OutboxError):
        outbox.empty()
    assert outbox.newest_folder_time() is None
    assert (link / "KG-2026-NNNNNN").is_dir()


def test_empty_removes_everything_and_counts(outbox: Outbox) -> None:
    referral(outbox, "KG-2026-PPPPPP", 1, 1)
    referral(outbox, "KG-2026-QQQQQQ", 100, 100)
    (outbox.root / ".tmp-leftover").write_bytes(b"x")
    assert outbox.empty() == 3
    assert list(outbox.root.iterdir()) == []


def test_an_unremovable_folder_is_logged_and_kept(
    outbox: Outbox, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = referral(outbox, "KG-2026-RRRRRR", 30, 30)
    referral(outbox, "KG-2026-TTTTTT", 30, 30)
    real_rmtree = shutil.rmtree

    def rmtree(path: str) -> None:
        if Path(path) == stuck:
            raise PermissionError(13, "Permission denied", path)
        real_rmtree(path)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    caplog.set_level(logging.INFO)
    assert outbox.purge_older_than(14, NOW) == ["KG-2026-TTTTTT"]
    assert stuck.exists()
    assert "could not remove an entry: Permission denied" in caplog.text
    assert str(outbox.root) not in caplog.text


def test_logs_hold_only_counts(outbox: Outbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    referral(outbox, "KG-2026-UUUUUU", 30, 30)
    outbox.purge_older_than(14, NOW)
    outbox.empty()
    assert str(outbox.root.parent) not in caplog.text
    assert "removed 1 folder(s) older than 14 days" in caplog.text


def test_recent_after_a_long_pause(outbox: Outbox) -> None:
    # A laptop back after holidays: purge keeps what was made today.
    today = referral(outbox, "KG-2026-VVVVVV", 0, 0)
    later = NOW + timedelta(hours=1)
    assert outbox.purge_older_than(14, later) == []
    assert today.exists()
