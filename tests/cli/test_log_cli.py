"""``referral-desk log open-actions``: the open actions for scripts, no client data, and an
exit code that says whether anything is open."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from referral_desk.cli import main
from referral_desk.domain.referral_record import (
    PartnerReport,
    PartnerReportKind,
    PasswordChannel,
    ReplyChannel,
)
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from tests.platforms import point_windows_folders_at
from tests.storage.test_referral_log import entry

FIRST, SECOND = "KG-2026-7F3K9Q", "KG-2026-AC3DEF"


def point_home_at(root: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    for var, sub in {
        "HOME": "",
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_STATE_HOME": ".local/state",
        "XDG_CACHE_HOME": ".cache",
    }.items():
        path = root / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))
    point_windows_folders_at(root, monkeypatch)
    return AppPaths.from_platform()


def test_nothing_open_without_a_log_and_the_log_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = point_home_at(tmp_path, monkeypatch)
    assert main(["log", "open-actions"]) == 0
    assert "Er staat niets meer open." in capsys.readouterr().out
    assert not paths.referral_log_file.exists()


def test_open_actions_are_listed_and_exit_1_then_0_once_settled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = point_home_at(tmp_path, monkeypatch)
    weeks_ago = datetime.now(UTC) - timedelta(days=21)
    referral_log = ReferralLog.open(paths.referral_log_file)
    referral_log.add(entry(FIRST, weeks_ago))
    referral_log.mark_sent(FIRST, weeks_ago)
    referral_log.add(entry(SECOND, weeks_ago + timedelta(hours=1)))
    referral_log.close()

    assert main(["log", "open-actions"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [FIRST, FIRST, SECOND]
    referral_id, partner, action, since = lines[0].split("\t")
    assert (referral_id, partner, since) == (FIRST, "OCMW Wervik", weeks_ago.date().isoformat())
    assert action == "Wachtwoord nog niet doorgegeven aan de partner"
    assert "ontvangstbevestiging" in lines[1]
    output = "\n".join(lines)
    assert "Sofie" not in output and "@" not in output

    referral_log = ReferralLog.open(paths.referral_log_file)
    referral_log.set_password_channel(FIRST, PasswordChannel.PHONE)
    referral_log.record_partner_report(
        FIRST,
        PartnerReport(
            at=datetime.now(UTC),
            kind=PartnerReportKind.RECEIVED,
            reported_on=weeks_ago.date(),
            channel=ReplyChannel.MAIL,
        ),
    )
    referral_log.mark_cancelled(SECOND)
    referral_log.close()
    assert main(["log", "open-actions"]) == 0
    assert capsys.readouterr().out == "Er staat niets meer open.\n"


def test_an_unreadable_log_exits_2_with_a_dutch_reason(tmp_path: Path) -> None:
    env = {**os.environ}
    for var, sub in {
        "HOME": "",
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_STATE_HOME": ".local/state",
    }.items():
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp_path / sub)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src")
    log_file = subprocess.run(
        [sys.executable, "-c", "from referral_desk.storage.paths import AppPaths; "
         "print(AppPaths.from_platform().referral_log_file)"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    Path(log_file).parent.mkdir(parents=True, exist_ok=True)
    Path(log_file).write_bytes(b"dit is geen SQLite-bestand " * 200)
    done = subprocess.run(
        [sys.executable, "-m", "referral_desk", "log", "open-actions"],
        env=env, capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "beschadigd" in done.stderr and done.stdout == ""
