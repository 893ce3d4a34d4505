"""A settings file that is JSON but holds a key this version does not know or a value of the
wrong type: the rest is used, each problem is said with its line, and the file is kept
unchanged beside it before it is first written again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from referral_desk.domain.referral import ReferrerProfile
from referral_desk.storage.settings import SettingsError, SettingsStore

PROFILE = {
    "name": "Jan Peeters",
    "team": "Kind en Gezin Oost",
    "phone": "011 12 34 56",
    "email": "jan.peeters@kindengezin.be",
}


def _store(tmp_path: Path, data: dict[str, object]) -> tuple[SettingsStore, bytes]:
    store = SettingsStore(tmp_path / "settings.json")
    raw = json.dumps(data, indent=2).encode("utf-8")
    store.path.write_bytes(raw)
    return store, raw


def test_the_rest_is_used_and_each_problem_has_its_line(tmp_path: Path) -> None:
    store, raw = _store(
        tmp_path,
        {"referrer": PROFILE, "recall_days": "dertig", "colour": "blauw", "record_initials": True},
    )
    reading = store.load_checked()
    assert reading.settings.referrer == ReferrerProfile(**PROFILE)
    assert reading.settings.record_initials and reading.settings.recall_days == 30
    assert [problem.dutch for problem in reading.problems] == [
        "settings.json, regel 8: 'recall_days' heeft niet de verwachte vorm",
        "settings.json, regel 9: onbekende instelling 'colour'",
    ]
    assert reading.said is not None
    assert str(tmp_path / "settings.kept.json") in reading.said.dutch
    assert store.path.read_bytes() == raw  # reading changes nothing
    assert not (tmp_path / "settings.kept.json").exists()


def test_the_file_is_kept_unchanged_before_it_is_written_again(tmp_path: Path) -> None:
    store, raw = _store(tmp_path, {"referrer": PROFILE, "colour": "blauw"})
    saved = store.update({"recall_days": 10})
    assert saved.referrer == ReferrerProfile(**PROFILE) and saved.recall_days == 10
    assert (tmp_path / "settings.kept.json").read_bytes() == raw
    assert store.load_checked().problems == ()
    # A second file with problems never overwrites the first copy.
    second = json.dumps({"colour": "rood"}).encode("utf-8")
    store.path.write_bytes(second)
    assert store.read().kept == tmp_path / "settings.kept-2.json"
    store.update({"recall_days": 12})
    assert (tmp_path / "settings.kept.json").read_bytes() == raw
    assert (tmp_path / "settings.kept-2.json").read_bytes() == second


def test_the_former_name_of_a_key_is_known(tmp_path: Path) -> None:
    store, _ = _store(tmp_path, {"register_retention_months": 36})
    reading = store.load_checked()
    assert reading.problems == () and reading.settings.referral_log_retention_months == 36


def test_a_file_that_is_no_json_object_is_still_set_aside(tmp_path: Path) -> None:
    for raw in (b"[1, 2]", b"{ not json"):
        store = SettingsStore(tmp_path / "settings.json")
        store.path.write_bytes(raw)
        assert store.read().broken
        with pytest.raises(SettingsError, match=r"opzijgezet als settings\.broken\.json"):
            store.load()
        assert (tmp_path / "settings.broken.json").read_bytes() == raw
