"""The referral log: no names, migrations, status history, search, and what the OS can do to it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from referral_desk.domain.referral_record import (
    NewReferralLogEntry,
    PasswordChannel,
    ReferralLogQuery,
    ReferralStatus,
    WithdrawalChannel,
)
from referral_desk.storage.referral_log import SCHEMA_VERSION, ReferralLog, ReferralLogError

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def entry(
    referral_id: str = "KG-2026-7F3K9Q", at: datetime = T0, **extra: object
) -> NewReferralLogEntry:
    values: dict[str, object] = {
        "referral_id": referral_id,
        "created_at": at,
        "partner_id": "ocmw-wervik",
        "partner_name": "OCMW Wervik",
        "mailbox": "kindengezin@wervik.be",
        "archive_sha256": "ab" * 32,
        "consent_recorded": True,
        "consent_date": at.date(),
        "referrer_name": "Sofie Maes",
        "team": "Kind en Gezin Menen",
        "mail_adapter": "thunderbird",
        **extra,
    }
    return NewReferralLogEntry.model_validate(values)


def insert_old_row(db: sqlite3.Connection, referral_id: str = "KG-2026-7F3K9Q") -> None:
    """A sent referral as the first schema's columns hold it, written straight into the
    file: a log from an earlier version, or a row added with a database tool."""
    db.execute(
        "INSERT INTO referrals (referral_id, created_at, partner_id, partner_name, mailbox, "
        "archive_sha256, consent_recorded, consent_date, referrer_name, team, mail_adapter, "
        "password_channel, status) VALUES (?, ?, 'ocmw-wervik', 'OCMW Wervik', "
        "'kindengezin@wervik.be', ?, 1, '2026-03-01', 'Sofie Maes', 'Kind en Gezin Menen', "
        "'eml', 'telefoon', 'sent')",
        (referral_id, T0.isoformat(), "ab" * 32),
    )


@pytest.fixture
def referral_log(tmp_path: Path) -> ReferralLog:
    opened = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    yield opened  # type: ignore[misc]
    opened.close()


def test_the_schema_has_no_place_for_client_data(referral_log: ReferralLog) -> None:
    columns = {
        row[1]
        for table in ("referrals", "status_history")
        for row in referral_log._db.execute(f"PRAGMA table_info({table})")
    }
    forbidden = {"first_name", "last_name", "name", "street", "address", "phone", "email"}
    assert not columns & forbidden
    assert {"initials", "postcode"} <= columns  # only with the setting, see below
    with pytest.raises(ValidationError):
        entry(first_name="Ayşe")


def test_status_history_from_draft_to_withdrawn(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.set_password_channel("KG-2026-7F3K9Q", PasswordChannel.PHONE)
    referral_log.mark_sent("KG-2026-7F3K9Q", T0 + timedelta(minutes=5))
    referral_log.mark_withdrawn("KG-2026-7F3K9Q", WithdrawalChannel.PHONE, T0 + timedelta(days=3))
    row = referral_log.get("KG-2026-7F3K9Q")
    assert row is not None
    assert row.status is ReferralStatus.WITHDRAWN
    assert row.password_channel is PasswordChannel.PHONE
    assert [c.status for c in row.history] == [
        ReferralStatus.DRAFT_OPENED,
        ReferralStatus.SENT,
        ReferralStatus.WITHDRAWN,
    ]
    assert row.sent_at == T0 + timedelta(minutes=5)


def test_a_correction_links_both_rows(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.add(entry("KG-2026-AC3DEF", T0 + timedelta(days=1), corrects="KG-2026-7F3K9Q"))
    original = referral_log.get("KG-2026-7F3K9Q")
    correction = referral_log.get("KG-2026-AC3DEF")
    assert original is not None and correction is not None
    assert original.status is ReferralStatus.CORRECTED
    assert original.corrected_by == "KG-2026-AC3DEF"
    assert correction.corrects == "KG-2026-7F3K9Q"


def test_correction_of_an_unknown_referral_is_refused_as_a_whole(referral_log: ReferralLog) -> None:
    with pytest.raises(ReferralLogError, match="staat niet in het logboek"):
        referral_log.add(entry("KG-2026-AC3DEF", corrects="KG-2026-7F3K9Q"))
    assert referral_log.all() == []
    with pytest.raises(ValidationError, match="zichzelf"):
        entry(corrects="KG-2026-7F3K9Q")


def test_initials_and_postcode_are_only_that() -> None:
    assert entry(initials="A.V.", postcode="3970").initials == "A.V."
    for bad in ({"initials": "Ayşe"}, {"initials": "A. Van den"}, {"postcode": "Kerkstraat 1"}):
        with pytest.raises(ValidationError):
            entry(**bad)


def test_search_by_id_dates_partner_and_status(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.add(
        entry("KG-2026-AC3DEF", T0 + timedelta(days=40), partner_id="ocmw-leopoldsburg")
    )
    referral_log.mark_sent("KG-2026-AC3DEF", T0 + timedelta(days=40))
    assert [r.referral_id for r in referral_log.search(ReferralLogQuery())] == [
        "KG-2026-AC3DEF",
        "KG-2026-7F3K9Q",
    ]
    assert [r.referral_id for r in referral_log.search(ReferralLogQuery(text="7f3k"))] == [
        "KG-2026-7F3K9Q"
    ]
    april = ReferralLogQuery(date_from=date(2026, 4, 1), date_to=date(2026, 4, 30))
    assert [r.referral_id for r in referral_log.search(april)] == ["KG-2026-AC3DEF"]
    assert len(referral_log.search(ReferralLogQuery(partner_id="ocmw-wervik"))) == 1
    assert len(referral_log.search(ReferralLogQuery(status=ReferralStatus.SENT))) == 1


def test_purge_removes_old_rows_and_their_history(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.add(entry("KG-2026-AC3DEF", T0 + timedelta(days=800), corrects="KG-2026-7F3K9Q"))
    removed = referral_log.purge_older_than(T0 + timedelta(days=1))
    assert removed == ["KG-2026-7F3K9Q"]
    remaining = referral_log.get("KG-2026-AC3DEF")
    assert remaining is not None and remaining.corrects is None
    count = referral_log._db.execute("SELECT count(*) FROM status_history").fetchone()[0]
    assert count == 1


def test_migrates_a_first_version_database(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    db = sqlite3.connect(path)
    from referral_desk.storage.referral_log import MIGRATIONS

    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO referrals VALUES ('KG-2025-AC3DEF', ?, 'ocmw-wervik', 'OCMW Wervik', "
        "'kindengezin@wervik.be', ?, 1, '2025-05-01', 'Sofie Maes', 'Kind en Gezin Menen', "
        "'eml', 'telefoon', 'sent', NULL, NULL)",
        (T0.replace(year=2025).isoformat(), "cd" * 32),
    )
    db.commit()
    db.close()
    referral_log = ReferralLog.open(path)
    assert referral_log._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    row = referral_log.get("KG-2025-AC3DEF")
    assert row is not None and row.status is ReferralStatus.SENT and row.initials is None
    referral_log.close()


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(ReferralLogError, match="nieuwere versie"):
        ReferralLog.open(path)
    assert path.read_bytes() == before


def test_a_damaged_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ReferralLogError, match="beschadigd"):
        ReferralLog.open(path)
    assert path.read_bytes() == b"this is not a database" * 100


def test_an_unwritable_place_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReferralLogError, match="kan niet gemaakt worden"):
        ReferralLog.open(blocker / "referral-log.sqlite3")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(list(ReferralStatus)),
        max_size=8,
    ),
    st.sampled_from(list(PasswordChannel)),
)
def test_any_status_sequence_round_trips(
    tmp_path_factory: pytest.TempPathFactory,
    statuses: list[ReferralStatus],
    channel: PasswordChannel,
) -> None:
    referral_log = ReferralLog.open(tmp_path_factory.mktemp("reg") / "r.sqlite3")
    referral_log.add(entry())
    for number, status in enumerate(statuses, start=1):
        referral_log.set_status("KG-2026-7F3K9Q", status, T0 + timedelta(hours=number))
    referral_log.set_password_channel("KG-2026-7F3K9Q", channel)
    row = referral_log.get("KG-2026-7F3K9Q")
    referral_log.close()
    assert row is not None
    assert [c.status for c in row.history] == [ReferralStatus.DRAFT_OPENED, *statuses]
    assert row.status is ([ReferralStatus.DRAFT_OPENED, *statuses][-1])
    assert row.password_channel is channel


def test_writes_without_a_moment_use_the_clock(tmp_path: Path) -> None:
    now = [T0 + timedelta(hours=2)]
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3", clock=lambda: now[0])
    referral_log.add(entry())
    referral_log.mark_sent("KG-2026-7F3K9Q")
    now[0] = T0 + timedelta(days=9)
    referral_log.mark_withdrawn("KG-2026-7F3K9Q", WithdrawalChannel.PHONE)
    row = referral_log.get("KG-2026-7F3K9Q")
    assert row is not None
    assert [c.at for c in row.history] == [T0, T0 + timedelta(hours=2), T0 + timedelta(days=9)]
    referral_log.close()


def test_link_correction_links_both_rows_once(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.add(entry("KG-2026-AC3DEF", T0 + timedelta(days=1)))
    referral_log.link_correction("KG-2026-7F3K9Q", "KG-2026-AC3DEF", T0 + timedelta(days=1))
    referral_log.link_correction("KG-2026-7F3K9Q", "KG-2026-AC3DEF")  # again: no change
    original = referral_log.get("KG-2026-7F3K9Q")
    correction = referral_log.get("KG-2026-AC3DEF")
    assert original is not None and correction is not None
    assert original.status is ReferralStatus.CORRECTED
    assert original.corrected_by == "KG-2026-AC3DEF"
    assert correction.corrects == "KG-2026-7F3K9Q"
    assert [c.status for c in original.history] == [
        ReferralStatus.DRAFT_OPENED,
        ReferralStatus.CORRECTED,
    ]
    assert correction.status is ReferralStatus.DRAFT_OPENED


def test_link_correction_refuses_unknown_self_and_second_links(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.add(entry("KG-2026-AC3DEF", T0 + timedelta(days=1)))
    referral_log.add(entry("KG-2026-CCCCCC", T0 + timedelta(days=2)))
    with pytest.raises(ReferralLogError, match="staat niet in het logboek"):
        referral_log.link_correction("KG-2026-7F3K9Q", "KG-2026-DDDDDD")
    with pytest.raises(ReferralLogError, match="zichzelf"):
        referral_log.link_correction("KG-2026-7F3K9Q", "KG-2026-7F3K9Q")
    referral_log.link_correction("KG-2026-7F3K9Q", "KG-2026-AC3DEF")
    with pytest.raises(ReferralLogError, match="al aan een andere correctie"):
        referral_log.link_correction("KG-2026-7F3K9Q", "KG-2026-CCCCCC")
    untouched = referral_log.get("KG-2026-CCCCCC")
    assert untouched is not None and untouched.corrects is None


@pytest.mark.parametrize("initials", ["A.B.", "AV", "É.", "a.b.c."])
def test_initials_accept_up_to_three_letters(initials: str) -> None:
    assert entry(initials=initials).initials == initials


@pytest.mark.parametrize("initials", ["A1", "A_B", "ABCD", "", "A B", "Jan"])
def test_initials_refuse_anything_more(initials: str) -> None:
    if initials == "Jan":  # three letters are indistinguishable from initials: allowed
        assert entry(initials=initials).initials == "Jan"
        return
    with pytest.raises(ValidationError):
        entry(initials=initials)


@pytest.mark.parametrize("postcode", ["0999", "999", "10000", "1000a", "B-1000"])
def test_postcode_is_four_digits(postcode: str) -> None:
    with pytest.raises(ValidationError):
        entry(postcode=postcode)


def test_search_finds_kept_initials_and_postcode(referral_log: ReferralLog) -> None:
    referral_log.add(entry(initials="A.V.", postcode="3970"))
    referral_log.add(entry("KG-2026-AC3DEF", T0 + timedelta(days=1)))
    assert [r.referral_id for r in referral_log.search(ReferralLogQuery(text="3970"))] == [
        "KG-2026-7F3K9Q"
    ]
    assert [r.referral_id for r in referral_log.search(ReferralLogQuery(text="av"))] == [
        "KG-2026-7F3K9Q"
    ]


def test_newest_first_as_instants_across_summer_time(referral_log: ReferralLog) -> None:
    winter, summer = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
    # 02:30+01:00 is 01:30 UTC; 03:10+02:00 is 01:10 UTC: the text order would be wrong.
    referral_log.add(entry("KG-2026-AC3DEF", datetime(2026, 3, 29, 2, 30, tzinfo=winter)))
    referral_log.add(entry("KG-2026-CCCCCC", datetime(2026, 3, 29, 3, 10, tzinfo=summer)))
    assert [r.referral_id for r in referral_log.search(ReferralLogQuery())] == [
        "KG-2026-AC3DEF",
        "KG-2026-CCCCCC",
    ]


def test_a_referral_log_held_by_another_instance_says_it_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import referral_desk.storage.referral_log_opening as module

    path = tmp_path / "referral-log.sqlite3"
    ReferralLog.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(module, "BUSY_TIMEOUT_MS", 200)
    referral_log = ReferralLog.open(path)  # WAL: reading while the other one writes is fine
    try:
        with pytest.raises(ReferralLogError, match="bezet") as raised:
            referral_log.add(entry())
        # The referral was made already: never invite a retry that makes a second one.
        assert "wel gemaakt" in raised.value.message
        assert "opnieuw" not in raised.value.message.replace("niet opnieuw", "")
        assert referral_log.all() == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    referral_log.add(entry())  # and once the other one lets go, it works
    assert referral_log.get("KG-2026-7F3K9Q") is not None
    referral_log.close()


def test_a_read_only_referral_log_is_reported_and_reads_keep_working(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    writable = ReferralLog.open(path)
    writable.add(entry())
    writable.close()
    # As root, chmod does not stop writes; SQLite's read-only mode gives the same error a
    # read-only disk or a file without write permission gives.
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    referral_log = ReferralLog(connection, path)
    assert referral_log.get("KG-2026-7F3K9Q") is not None
    with pytest.raises(ReferralLogError, match="kan niet geschreven worden"):
        referral_log.mark_sent("KG-2026-7F3K9Q", T0)
    with pytest.raises(ReferralLogError, match="kan niet geschreven worden"):
        referral_log.add(entry("KG-2026-AC3DEF"))
    assert len(referral_log.all()) == 1
    referral_log.close()


def test_the_error_messages_name_no_client_data_and_are_dutch(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    path.write_bytes(b"\0" * 4096 + b"garbage" * 100)
    with pytest.raises(ReferralLogError) as raised:
        ReferralLog.open(path)
    assert "logboek" in raised.value.message.lower()
    assert str(raised.value) == raised.value.message


def test_a_second_version_log_gains_the_mailbox_memory_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "referral-log.sqlite3"
    db = sqlite3.connect(path)
    from referral_desk.storage.referral_log import MIGRATIONS

    MIGRATIONS[0](db)
    MIGRATIONS[1](db)
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    referral_log = ReferralLog.open(path)
    referral_log.add(entry())
    assert referral_log.last_mailbox("33029") is None
    referral_log.remember_mailbox("33029", "kindengezin@wervik.be")
    referral_log.remember_mailbox("33029", "sociaal@wervik.be")
    referral_log.close()
    referral_log = ReferralLog.open(path)
    assert referral_log.last_mailbox("33029") == "sociaal@wervik.be"
    assert referral_log.get("KG-2026-7F3K9Q") is not None
    referral_log.close()


def test_the_mailbox_memory_outlives_retention_and_seeds_never_overwrite(
    referral_log: ReferralLog,
) -> None:
    referral_log.add(entry())
    referral_log.remember_mailbox("33029", "kindengezin@wervik.be")
    referral_log.purge_older_than(T0 + timedelta(days=1))
    assert referral_log.all() == []
    referral_log.seed_mailboxes({"33029": "oud@wervik.be", "71034": "oud@leopoldsburg.be"})
    assert referral_log.last_mailbox("33029") == "kindengezin@wervik.be"
    assert referral_log.last_mailbox("71034") == "oud@leopoldsburg.be"
    columns = {row[1] for row in referral_log._db.execute("PRAGMA table_info(last_mailboxes)")}
    assert columns == {"nis_code", "mailbox"}  # no moment, no referral: nothing about a client


def test_the_old_per_partner_memory_moves_into_the_log_once(tmp_path: Path) -> None:
    from referral_desk.domain.partners import PartnerRegistry
    from referral_desk.domain.postcodes import PostcodeTable
    from referral_desk.domain.settings import Settings
    from referral_desk.registry.parsing import load_registry_text
    from referral_desk.storage.settings import SettingsStore, move_last_mailboxes

    root = Path(__file__).parents[2]
    table = PostcodeTable.load_bundled(root / "resources")
    text = (root / "config" / "partners.toml").read_text("utf-8")
    registry = PartnerRegistry(load_registry_text(text, table, file="p.toml").partners, table)
    store = SettingsStore(tmp_path / "settings.json")
    store.save(
        Settings(
            last_mailboxes={
                "ocmw-leopoldsburg": "oud@leopoldsburg.be",
                "ocmw-wervik": "oud@wervik.be",
                "ocmw-verdwenen": "x@example.be",
            }
        )
    )
    referral_log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    referral_log.remember_mailbox("33029", "kindengezin@wervik.be")  # sent since: stays
    assert move_last_mailboxes(store, referral_log, registry) == 2
    assert referral_log.last_mailbox("71034") == "oud@leopoldsburg.be"
    assert referral_log.last_mailbox("33029") == "kindengezin@wervik.be"
    assert store.load().last_mailboxes == {}
    assert move_last_mailboxes(store, referral_log, registry) == 0
    referral_log.close()


def test_a_fourth_version_log_gains_withdrawal_channel_recalls_and_deletions(
    tmp_path: Path,
) -> None:
    from referral_desk.storage.referral_log import MIGRATIONS

    path = tmp_path / "referral-log.sqlite3"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:4]:
        migration(db)
    db.execute("PRAGMA user_version = 4")
    db.commit()
    db.close()
    referral_log = ReferralLog.open(path)
    referral_log.add(entry())
    row = referral_log.get("KG-2026-7F3K9Q")
    assert row is not None and row.withdrawal_channel is None
    assert referral_log.recalls("KG-2026-7F3K9Q") == []
    referral_log.close()


def test_a_withdrawal_records_how_it_went(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.mark_withdrawn("KG-2026-7F3K9Q", WithdrawalChannel.MAIL, T0 + timedelta(days=1))
    row = referral_log.get("KG-2026-7F3K9Q")
    assert row is not None
    assert row.status is ReferralStatus.WITHDRAWN
    assert row.withdrawal_channel is WithdrawalChannel.MAIL
    with pytest.raises(ReferralLogError):
        referral_log.mark_withdrawn("KG-2026-AAAAAA", WithdrawalChannel.PHONE)


def test_a_cancelled_draft_keeps_its_row_and_history(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.mark_cancelled("KG-2026-7F3K9Q", T0 + timedelta(minutes=3))
    row = referral_log.get("KG-2026-7F3K9Q")
    assert row is not None
    assert row.status is ReferralStatus.CANCELLED
    assert row.status_at(ReferralStatus.CANCELLED) == T0 + timedelta(minutes=3)


def test_recalls_keep_only_the_moment_and_go_with_the_row(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.record_recall("KG-2026-7F3K9Q", T0 + timedelta(hours=1))
    referral_log.record_recall("KG-2026-7F3K9Q", T0 + timedelta(hours=2))
    assert referral_log.recalls("KG-2026-7F3K9Q") == [
        T0 + timedelta(hours=1),
        T0 + timedelta(hours=2),
    ]
    columns = {r[1] for r in referral_log._db.execute("PRAGMA table_info(password_recalls)")}
    assert columns == {"id", "referral_id", "at"}
    with pytest.raises(ReferralLogError):
        referral_log.record_recall("KG-2026-AAAAAA")
    referral_log.purge_older_than(T0 + timedelta(days=1))
    assert referral_log.recalls("KG-2026-7F3K9Q") == []


def test_a_deletion_request_is_linked_to_both_rows(referral_log: ReferralLog) -> None:
    referral_log.add(entry())
    referral_log.add(entry("KG-2026-AAAAAA", T0 + timedelta(days=1), corrects="KG-2026-7F3K9Q"))
    referral_log.record_deletion_request(
        "KG-2026-7F3K9Q", "KG-2026-AAAAAA", T0 + timedelta(days=1, minutes=2)
    )
    on_original = referral_log.deletion_requests("KG-2026-7F3K9Q")
    on_correction = referral_log.deletion_requests("KG-2026-AAAAAA")
    assert on_original == on_correction
    assert [(d.original_id, d.correction_id) for d in on_original] == [
        ("KG-2026-7F3K9Q", "KG-2026-AAAAAA")
    ]
    with pytest.raises(ReferralLogError):
        referral_log.record_deletion_request("KG-2026-7F3K9Q", "KG-2026-CCCCCC")
