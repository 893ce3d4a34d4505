"""The referral log survives a killed writer and two app instances writing at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import referral_desk
from referral_desk.domain.referral_record import ReferralStatus
from referral_desk.storage.referral_log import ReferralLog

# The writers import the same referral_desk as this test, whatever is installed.
_SRC = str(Path(referral_desk.__file__).resolve().parents[1])

# A writer process: adds rows with IDs made from (worker, n) until it has written *count*,
# printing n after each commit so the parent knows what was committed.
WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv.pop(1))
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from referral_desk.storage.referral_log import ReferralLog
    from referral_desk.domain.referral_record import NewReferralLogEntry

    ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"
    path, worker, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])

    def rid(n):
        digits = ""
        value = worker * 100_000 + n
        for _ in range(6):
            value, r = divmod(value, len(ALPHABET))
            digits += ALPHABET[r]
        return "KG-2026-" + digits

    referral_log = ReferralLog.open(path)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    n = 0
    while count < 0 or n < count:
        at = start + timedelta(seconds=n)
        referral_log.add(NewReferralLogEntry(
            referral_id=rid(n), created_at=at, partner_id="ocmw-wervik",
            partner_name="OCMW Wervik", mailbox="kindengezin@wervik.be",
            archive_sha256="ab" * 32, consent_recorded=True, consent_date=at.date(),
            referrer_name="Sofie Maes", team="Kind en Gezin Menen", mail_adapter="eml",
        ))
        referral_log.mark_sent(rid(n), at)
        print(n, flush=True)
        n += 1
    referral_log.close()
    """
)


def _writer(path: Path, worker: int, count: int) -> subprocess.Popen[str]:
    # The source folder goes in as an argument: Windows CPython's embeddable build ignores
    # PYTHONPATH.
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, _SRC, str(path), str(worker), str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill(writer: subprocess.Popen[str]) -> None:
    """An abrupt death, nothing flushed or closed: SIGKILL on POSIX, TerminateProcess on
    Windows (Popen.kill does either)."""
    writer.kill()
    writer.wait(timeout=30)
    assert writer.returncode == (-signal.SIGKILL if os.name == "posix" else 1)


def test_two_instances_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    ReferralLog.open(path).close()  # both start on a migrated file, like a second app window
    writers = [_writer(path, worker, 200) for worker in (1, 2)]
    for writer in writers:
        _out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
    referral_log = ReferralLog.open(path)
    rows = referral_log.all()
    assert len(rows) == 400
    assert len({r.referral_id for r in rows}) == 400
    assert all(len(r.history) == 2 for r in rows)
    assert referral_log.integrity_ok()
    referral_log.close()


def test_a_writer_killed_mid_write_leaves_every_committed_row_whole(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    writer = _writer(path, 3, -1)
    assert writer.stdout is not None
    committed = -1
    for line in writer.stdout:
        committed = int(line)
        if committed >= 150:
            break
    _kill(writer)

    referral_log = ReferralLog.open(path)
    assert referral_log.integrity_ok()
    rows = referral_log.all()
    # Everything reported as committed is there; at most the rows after it (committed
    # before the kill landed) as well, each with its full history or none at all.
    assert len(rows) >= committed + 1
    for row in rows:
        assert [c.status.value for c in row.history][:1] == ["draft_opened"]
        assert len(row.history) in (1, 2)
    complete = sum(1 for row in rows if len(row.history) == 2)
    assert complete >= committed + 1
    # Only the very last row can be between its two transactions (added, not yet sent).
    assert len(rows) - complete <= 1
    for row in rows:
        assert row.archive_sha256 == "ab" * 32 and row.mailbox == "kindengezin@wervik.be"
        assert row.consent_recorded and row.partner_name == "OCMW Wervik"
        assert row.status is (
            ReferralStatus.SENT if len(row.history) == 2 else ReferralStatus.DRAFT_OPENED
        )
    # And the referral log takes new writes after the crash.
    referral_log.mark_sent(rows[-1].referral_id)
    assert referral_log.integrity_ok()
    referral_log.close()


def test_a_writer_killed_repeatedly_never_corrupts_the_file(tmp_path: Path) -> None:
    """Five writers in turn, each killed after a random-ish number of commits."""
    path = tmp_path / "referral-log.sqlite3"
    seen = 0
    for round_number, stop_after in enumerate((3, 17, 1, 40, 9), start=4):
        writer = _writer(path, round_number, -1)
        assert writer.stdout is not None
        for line in writer.stdout:
            if int(line) >= stop_after:
                break
        _kill(writer)
        referral_log = ReferralLog.open(path)
        assert referral_log.integrity_ok()
        rows = referral_log.all()
        assert len(rows) >= seen + stop_after + 1
        seen = len(rows)
        referral_log.close()
