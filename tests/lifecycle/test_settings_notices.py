"""What the window shows at start about the settings files is decided here, without a
display: a misplaced key in IT's config.toml and an unknown key in the user's settings."""

from __future__ import annotations

import json
from pathlib import Path

from referral_desk.domain.errors import Message
from referral_desk.lifecycle.desk import Desk, read_active_registry
from referral_desk.lifecycle.session import ReferralSession
from referral_desk.registry.active import RegistrySource, source_label
from referral_desk.storage.paths import AppPaths

ROOT = Path(__file__).resolve().parents[2]


def _codes(said: Message) -> list[str]:
    found = [said.code]
    for value in said.values.values():
        if isinstance(value, Message):
            found += _codes(value)
    return found


def _paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths(
        config_dir=tmp_path / "config",
        data_dir=tmp_path / "data",
        log_dir=tmp_path / "log",
        site_config_dir=tmp_path / "machine",
        bundled_dir=ROOT,
    )
    paths.site_config_dir.mkdir(parents=True, exist_ok=True)
    return paths


def test_a_misplaced_registry_source_is_the_registry_notice_and_takes_no_effect(
    tmp_path: Path,
) -> None:
    paths = _paths(tmp_path)
    paths.machine_config_file.write_text(
        f"registry_source = '{tmp_path / 'share'}'\n[machine]\n", "utf-8"
    )
    state = read_active_registry(paths)
    assert state.loaded is not None and state.loaded.source == paths.bundled_registry
    assert state.said_label == source_label(RegistrySource.BUNDLED)
    assert state.said_notice is not None and state.notice is not None
    assert _codes(state.said_notice)[:4] == [
        "source.kept_bundled",
        "config.not_used",
        "config.misplaced",
        "config.at_line",
    ]
    assert state.notice.startswith(
        "config.toml, regel 1: 'registry_source' hoort onder [machine] "
        f"({paths.machine_config_file} wordt niet gebruikt tot de IT-dienst het verbetert)"
    )
    assert state.notice.endswith("dus het meegeleverde partnerregister wordt gebruikt")


def test_a_broken_config_is_told_beside_a_machine_registry_too(tmp_path: Path) -> None:
    """The machine registry wins and config.toml has no say, but its mistake is still shown."""
    paths = _paths(tmp_path)
    paths.machine_registry.write_bytes(paths.bundled_registry.read_bytes())
    assert read_active_registry(paths).said_notice is None
    paths.machine_config_file.write_text("[machine]\nregistry_sourse = 'x'\n", "utf-8")
    state = read_active_registry(paths)
    assert state.said_label == source_label(RegistrySource.MACHINE)
    assert state.notice is not None
    assert state.notice.startswith(
        "config.toml, regel 2: onbekende sleutel 'machine.registry_sourse'"
    )


def test_an_unknown_user_setting_is_the_sessions_settings_notice(desk: Desk) -> None:
    path = desk.settings.path
    path.write_text(json.dumps({"mail_adapter": "auto", "colour": "blauw"}, indent=2), "utf-8")
    session = ReferralSession(desk)
    said = session.settings_said
    assert said is not None and said.code == "settings.not_all_used"
    assert session.settings_problem is not None
    assert "settings.json, regel 3: onbekende instelling 'colour'" in session.settings_problem
    assert str(path.with_suffix(".kept.json")) in session.settings_problem
    # Saving keeps the file as it was first, then the notice has done its work.
    desk.settings.update({"recall_days": 20})
    assert "colour" in path.with_suffix(".kept.json").read_text("utf-8")
    assert ReferralSession(desk).settings_said is None
