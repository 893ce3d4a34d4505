"""The team's figures: export from each laptop, merge once per referral, CSV and PNG."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from referral_desk.cli import main
from referral_desk.domain.referral_record import WithdrawalChannel
from referral_desk.lifecycle.evaluation_export import (
    FORMAT_VERSION,
    EvaluationExport,
    ExportedReferral,
    read_export,
)
from referral_desk.lifecycle.team_figures import merge_referrals, team_table
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.ui.evaluation_chart import PNG_SIZE
from referral_desk.ui.evaluation_window import EvaluationWindow
from tests.file_privacy import assert_private
from tests.lifecycle_fixtures import CANARY, CANARY_FORM
from tests.platforms import point_windows_folders_at
from tests.storage.test_referral_log import entry
from tests.ui_driver import answering

CANARY_INITIALS = "Q.Z.X."
REFERRER = f"{CANARY}referent"
PERIOD = ["--from", "2026-01-01", "--to", "2026-12-31"]


def at(month: int, day: int = 10) -> datetime:
    return datetime(2026, month, day, 9, tzinfo=UTC)


def _point_home_at(root: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
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


def _canary_entry(referral_id: str, when: datetime, **extra: object) -> object:
    return entry(
        referral_id,
        when,
        initials=CANARY_INITIALS,
        postcode=CANARY_FORM["postcode"],
        referrer_name=REFERRER,
        **extra,
    )


def _laptop_a(paths: AppPaths) -> None:
    log = ReferralLog.open(paths.referral_log_file)
    log.add(_canary_entry("KG-2026-AAAAAA", at(2)))  # type: ignore[arg-type]
    log.mark_sent("KG-2026-AAAAAA", at(2, 11))
    log.add(_canary_entry("KG-2026-CCCCCC", at(3)))  # type: ignore[arg-type]  # only a draft
    log.add(_canary_entry("KG-2026-DDDDDD", at(3)))  # type: ignore[arg-type]
    log.mark_cancelled("KG-2026-DDDDDD", at(3, 12))
    log.record_recall("KG-2026-AAAAAA", at(2, 12))
    log.close()


def _laptop_b(paths: AppPaths) -> None:
    log = ReferralLog.open(paths.referral_log_file)
    log.add(_canary_entry("KG-2026-EEEEEE", at(2)))  # type: ignore[arg-type]
    log.mark_sent("KG-2026-EEEEEE", at(2, 11))
    log.add(
        _canary_entry(  # type: ignore[arg-type]
            "KG-2026-FFFFFF", at(4), corrects="KG-2026-EEEEEE"
        )
    )
    log.mark_sent("KG-2026-FFFFFF", at(4, 11))
    log.mark_withdrawn("KG-2026-FFFFFF", WithdrawalChannel.PHONE, at(5))
    log.record_incident("KG-2026-EEEEEE", "wrong_recipient", at(5, 2))
    log.record_deletion_request("KG-2026-EEEEEE", "KG-2026-FFFFFF", at(4, 12))
    log.close()


def _export_from_two_homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    out_a, out_b = tmp_path / "a.json", tmp_path / "b.json"
    _laptop_a(_point_home_at(tmp_path / "laptop-a", monkeypatch))
    assert main(["evaluation", "export", "--output", str(out_a), *PERIOD]) == 0
    _laptop_b(_point_home_at(tmp_path / "laptop-b", monkeypatch))
    assert main(["evaluation", "export", "--output", str(out_b), *PERIOD]) == 0
    return out_a, out_b


def test_the_export_model_has_no_place_for_a_person() -> None:
    fields = set(ExportedReferral.model_fields) | set(EvaluationExport.model_fields)
    for forbidden in ("initials", "postcode", "referrer_name", "first_name", "last_name", "name"):
        assert forbidden not in fields
    with pytest.raises(ValueError):
        ExportedReferral.model_validate(
            {
                "referral_id": "KG-2026-AAAAAA",
                "month": "2026-02",
                "partner_id": "ocmw-wervik",
                "partner_name": "OCMW Wervik",
                "mailbox": "x@example.be",
                "history": [{"status": "sent", "at": "2026-02-10T09:00:00Z"}],
                "password_channel": "telefoon",
                "initials": "A.B.",
            }
        )


def test_two_laptops_merged_with_a_file_given_twice_count_each_referral_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    qapp: object,  # the PNG is drawn in-process: the tests' QApplication, not a bare one
) -> None:
    out_a, out_b = _export_from_two_homes(tmp_path, monkeypatch)
    for path in (out_a, out_b):
        data = path.read_bytes()
        for needle in (CANARY, CANARY.lower(), CANARY_INITIALS, "QZX", CANARY_FORM["postcode"]):
            assert needle.encode() not in data, (path.name, needle)
        assert_private(path)
        assert json.loads(data)["format_version"] == FORMAT_VERSION == 2
    exported_b = read_export(out_b)
    by_id = {r.referral_id: r for r in exported_b.referrals}
    assert by_id["KG-2026-EEEEEE"].incidents[0].kind == "wrong_recipient"
    assert by_id["KG-2026-EEEEEE"].deletion_requests[0].correction_id == "KG-2026-FFFFFF"
    assert by_id["KG-2026-FFFFFF"].withdrawal_channel is WithdrawalChannel.PHONE
    assert read_export(out_a).referrals[0].recall_count == 1
    assert exported_b.teams == ("Kind en Gezin Menen",)

    csv_out, png_out = tmp_path / "team.csv", tmp_path / "team.png"
    code = main(
        [
            "evaluation",
            "merge",
            str(out_a),
            str(out_b),
            str(out_b),
            "--csv",
            str(csv_out),
            "--png",
            str(png_out),
        ]
    )
    said = capsys.readouterr().out.splitlines()[-1]
    assert code == 0, said
    assert said.startswith("3 bestanden: ") and "1 correctie, 1 intrekking, 1 incident, " in said
    assert "0 met ontvangst bevestigd, 0 keer kon de partner niet openen, 0 meldingen" in said
    rows = list(csv.reader(io.StringIO(csv_out.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == [
        "partner",
        "maand",
        "verstuurd",
        "correcties",
        "intrekkingen",
        "nooit verstuurd",
        "incidenten",
    ]
    # AAAAAA and EEEEEE sent, FFFFFF a sent correction, CCCCCC and DDDDDD never sent.
    assert rows[-1][:7] == ["Alle partners", "totaal", "2", "1", "1", "2", "1"]
    assert rows[1][:7] == ["OCMW Wervik", "2026-02", "2", "0", "0", "0", "0"]
    image = QImage()
    assert image.loadFromData(png_out.read_bytes())
    assert (image.width(), image.height()) == PNG_SIZE


def test_the_same_referral_from_two_files_merges_its_history_and_the_later_state_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log copied to a new laptop: the old copy stops at the draft, the new one goes on."""
    paths = _point_home_at(tmp_path / "laptop", monkeypatch)
    log = ReferralLog.open(paths.referral_log_file)
    log.add(entry("KG-2026-AAAAAA", at(2)))
    log.close()
    early = tmp_path / "early.json"
    assert main(["evaluation", "export", "--output", str(early), *PERIOD]) == 0
    log = ReferralLog.open(paths.referral_log_file)
    log.mark_sent("KG-2026-AAAAAA", at(2, 11))
    log.record_incident("KG-2026-AAAAAA", "password_overheard", at(3))
    log.close()
    late = tmp_path / "late.json"
    assert main(["evaluation", "export", "--output", str(late), *PERIOD]) == 0
    exports = [read_export(late), read_export(early)]
    (merged,) = merge_referrals(exports)
    assert [c.status.value for c in merged.history] == ["draft_opened", "sent"]
    total = team_table(exports).total()
    assert (total.referrals, total.never_sent, total.incidents) == (1, 0, 1)


def test_export_exit_codes_and_dutch_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _point_home_at(tmp_path / "laptop", monkeypatch)
    out = tmp_path / "out.json"
    assert main(["evaluation", "export", "--output", str(out)]) == 3
    assert "geen logboek" in capsys.readouterr().out
    assert not paths.referral_log_file.exists()  # looking did not make one

    assert main(["evaluation", "export", "--output", str(out), "--from", "2026-13-01"]) == 2
    assert "geen datum" in capsys.readouterr().out
    bad_order = ["--from", "2026-05-01", "--to", "2026-01-01"]
    assert main(["evaluation", "export", "--output", str(out), *bad_order]) == 2
    assert "--from ligt na --to" in capsys.readouterr().out

    paths.referral_log_file.parent.mkdir(parents=True, exist_ok=True)
    paths.referral_log_file.write_bytes(b"dit is geen SQLite-bestand " * 200)
    assert main(["evaluation", "export", "--output", str(out)]) == 1
    assert "beschadigd" in capsys.readouterr().out
    paths.referral_log_file.unlink()

    log = ReferralLog.open(paths.referral_log_file)
    log.add(entry("KG-2026-AAAAAA", at(2)))
    log.close()
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    assert main(["evaluation", "export", "--output", str(blocked / "out.json")]) == 1
    assert "kon niet geschreven worden" in capsys.readouterr().out
    assert not out.exists()


def test_merge_names_the_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out_a, _out_b = _export_from_two_homes(tmp_path, monkeypatch)
    capsys.readouterr()
    bad = tmp_path / "collega.json"
    bad.write_text('{"format": "iets anders"}', "utf-8")
    csv_out = tmp_path / "team.csv"
    assert main(["evaluation", "merge", str(out_a), str(bad), "--csv", str(csv_out)]) == 1
    message = capsys.readouterr().out
    assert str(bad) in message and "geen geldig evaluatiebestand" in message
    assert not csv_out.exists()
    missing = tmp_path / "weg.json"
    assert main(["evaluation", "merge", str(missing), "--csv", str(csv_out)]) == 1
    assert str(missing) in capsys.readouterr().out


def test_the_cli_png_renders_without_a_display(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a fresh process, no QApplication and no DISPLAY: the merge still draws the chart."""
    import subprocess

    out_a, _out_b = _export_from_two_homes(tmp_path, monkeypatch)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    png = tmp_path / "chart.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "referral_desk",
            "evaluation",
            "merge",
            str(out_a),
            "--csv",
            str(tmp_path / "c.csv"),
            "--png",
            str(png),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    image = QImage()
    assert image.loadFromData(png.read_bytes())
    assert (image.width(), image.height()) == PNG_SIZE
    # The title is drawn inside the image: dark pixels near the top, none cut at the edge.
    assert any(
        image.pixelColor(x, y).lightness() < 128 for x in range(0, 1600, 2) for y in range(4, 60)
    )
    assert all(image.pixelColor(x, 0).lightness() > 200 for x in range(0, 1600, 4))


def test_teamoverzicht_in_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_a, out_b = _export_from_two_homes(tmp_path, monkeypatch)
    drop = tmp_path / "gedeelde-map"
    drop.mkdir()
    for path in (out_a, out_b):
        (drop / path.name).write_bytes(path.read_bytes())
    (drop / "notities.txt").write_text("geen json")
    window = EvaluationWindow(None, lambda: at(12).date())
    qtbot.addWidget(window)
    assert window.tabs.tabText(1) == "Tea&moverzicht"
    assert not window.team_csv_button.isEnabled()

    exports = {".csv": tmp_path / "team.csv", ".png": tmp_path / "team.png"}
    bad = tmp_path / "kapot.json"
    answers = answering(
        window,
        team_folder=drop,
        team_files=[(out_a, out_a, out_b), (out_a, bad)],
        export=[exports[".csv"], exports[".png"]],
    )
    window.folder_button.click()
    qtbot.waitUntil(lambda: not window.team_runner.busy, timeout=10_000)
    assert window.team_result is not None
    assert sorted(p.name for p in window.team_files) == ["a.json", "b.json"]
    last = window.team_table.rowCount() - 1
    cells = [window.team_table.item(last, c).text() for c in range(7)]  # type: ignore[union-attr]
    assert cells == ["Alle partners", "totaal", "2", "1", "1", "2", "1"]
    assert window.team_chart.table is window.team_result
    assert window.team_table.accessibleName() and window.team_chart.accessibleName()

    # The same file twice through the file picker: still each referral once.
    window.files_button.click()
    qtbot.waitUntil(lambda: not window.team_runner.busy, timeout=10_000)
    assert window.team_result.total().referrals == 2
    assert window.team_message.text().startswith("3 bestanden samengevoegd. 2 verstuurd, ")
    assert "1 correctie," in window.team_message.text()

    window.team_csv_button.click()
    window.team_png_button.click()
    assert [asked.suggested.suffix for asked in answers.save_paths] == [".csv", ".png"]
    rows = list(csv.reader(io.StringIO(exports[".csv"].read_text("utf-8-sig")), delimiter=";"))
    assert rows[-1][:7] == ["Alle partners", "totaal", "2", "1", "1", "2", "1"]
    image = QImage()
    assert image.loadFromData(exports[".png"].read_bytes()) and image.width() == PNG_SIZE[0]

    # A bad file: a Dutch message naming it, the previous overview kept.
    bad.write_text("{", "utf-8")
    window.files_button.click()
    qtbot.waitUntil(lambda: not window.team_runner.busy, timeout=10_000)
    assert str(bad) in window.team_message.text()
    assert "vorige overzicht" in window.team_message.text()
    assert window.files_button.isEnabled() and window.team_csv_button.isEnabled()


def test_the_laptop_tab_counts_drafts_apart(qtbot: QtBot, tmp_path: Path) -> None:
    log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    log.add(entry("KG-2026-AAAAAA", at(2)))
    log.add(entry("KG-2026-CCCCCC", at(2)))
    log.mark_sent("KG-2026-CCCCCC", at(2, 11))
    window = EvaluationWindow(log, lambda: at(12).date())
    qtbot.addWidget(window)
    assert window.result is not None
    total = window.result.total()
    assert (total.referrals, total.never_sent) == (1, 1)
    assert "1 nooit verstuurd" in window.message.text()
    log.close()


def test_retention_never_below_fifteen_months(tmp_path: Path) -> None:
    from referral_desk.domain.settings import MIN_REFERRAL_LOG_MONTHS, Settings
    from referral_desk.lifecycle.retention import RetentionPolicy, apply_retention
    from referral_desk.storage.outbox import Outbox
    from referral_desk.storage.settings import SettingsStore

    assert MIN_REFERRAL_LOG_MONTHS == 15
    store = SettingsStore(tmp_path / "settings.json")
    store.path.write_text(json.dumps({"register_retention_months": 1, "recall_days": 12}), "utf-8")
    loaded = store.load()  # an older file with one month: raised, not refused
    assert (loaded.referral_log_retention_months, loaded.recall_days) == (15, 12)
    assert Settings(referral_log_retention_months=3).referral_log_retention_months == 15
    assert Settings(referral_log_retention_months=36).referral_log_retention_months == 36

    log = ReferralLog.open(tmp_path / "referral-log.sqlite3")
    now = datetime(2027, 3, 1, 9, tzinfo=UTC)
    log.add(entry("KG-2026-AAAAAA", now - timedelta(days=400)))  # 13 months: kept
    log.add(entry("KG-2026-CCCCCC", now - timedelta(days=480)))  # 16 months: gone
    log.add(entry("KG-2027-DDDDDD", now - timedelta(days=1)))
    report = apply_retention(
        now, RetentionPolicy(referral_log_months=1), log, None, Outbox(tmp_path / "o")
    )
    assert report.referral_log_rows_removed == 1
    assert {r.referral_id for r in log.all()} == {"KG-2026-AAAAAA", "KG-2027-DDDDDD"}
    log.close()


def test_the_settings_page_will_not_go_below_fifteen_months(qtbot: QtBot) -> None:
    from referral_desk.domain.settings import Settings
    from referral_desk.ui.retention_settings_page import RetentionSettingsPage

    page = RetentionSettingsPage(Settings(), None)
    qtbot.addWidget(page)
    assert page.referral_log_months.minimum() == 15
    page.referral_log_months.setValue(2)
    assert page.values()["referral_log_retention_months"] == 15
