"""The registry IT distributes through a source folder (``registry_source`` in config.toml).

The decision is a pure function (:func:`choose`); the folder, the verified copy and the
signatures are judged with the real ``minisign`` (helpers from tests/registry/test_minisign.py).
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from referral_desk.cli.selftest import check_registry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.registry.active import RegistrySource, load_active_registry_checked
from referral_desk.registry.parsing import load_registry_text
from referral_desk.registry.source_folder import (
    Unusable,
    Verified,
    Winner,
    choose,
    configured_source,
    read_with_timeout,
    resolve_source,
    version_key,
)
from referral_desk.registry.trust import SignatureStatus, TrustedKeys
from referral_desk.storage.paths import AppPaths
from tests.registry.test_minisign import BUNDLED, make_keys, sign_with_minisign, trust
from tests.ui_driver import child, open_main_window

TODAY = date(2026, 12, 1)


def table() -> PostcodeTable:
    return PostcodeTable.load_bundled(AppPaths.from_platform().resources_dir)


def with_version(version: str) -> str:
    return BUNDLED.replace('registry_version = "2026.1"', f'registry_version = "{version}"')


def verified(version: str, text: str | None = None) -> Verified:
    text = text if text is not None else with_version(version)
    document = load_registry_text(text, table(), file="partners.toml")
    status = SignatureStatus(signed=True, key_id="ABC", trusted=True)
    return Verified(Path("/share/partners.toml"), text, "sig", document, status)


def configure(folder: Path) -> Path:
    """config.toml as the MSI's IniFile row writes it (CRLF, no spaces around '=')."""
    paths = AppPaths.from_platform()
    paths.site_config_dir.mkdir(parents=True, exist_ok=True)
    paths.machine_config_file.write_bytes(
        f"[machine]\r\nregistry_source='{folder}'\r\n".encode("ascii")
    )
    return folder


def publish(folder: Path, version: str, key: Path | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    registry = folder / "partners.toml"
    registry.write_text(with_version(version), "utf-8")
    signature = folder / "partners.toml.minisig"
    signature.unlink(missing_ok=True)
    if key is not None:
        sign_with_minisign(registry, key)
    return registry


def active() -> tuple[RegistrySource, str, str | None]:
    loaded = load_active_registry_checked(AppPaths.from_platform(), table())
    return loaded.source, loaded.loaded.document.registry_version, loaded.notice


# --- the decision ----------------------------------------------------------------------------


def test_a_machine_file_wins_over_the_source_folder() -> None:
    assert choose(True, verified("2027.1"), verified("2026.5")).winner is Winner.MACHINE


def test_without_a_source_the_bundled_registry_is_used_silently() -> None:
    for cached in (None, verified("2026.5")):
        choice = choose(False, None, cached)
        assert choice.winner is Winner.BUNDLED and choice.notice is None


def test_a_newer_source_is_taken_and_stored() -> None:
    choice = choose(False, verified("2026.10"), verified("2026.9"))
    assert choice.winner is Winner.SOURCE and choice.store and choice.notice is None
    first = choose(False, verified("2026.1"), None)
    assert first.winner is Winner.SOURCE and first.store


def test_an_older_or_same_version_different_source_keeps_the_verified_copy() -> None:
    for source in (verified("2026.2"), verified("2026.3", with_version("2026.3") + "\n# x\n")):
        choice = choose(False, source, verified("2026.3"))
        assert choice.winner is Winner.CACHED and not choice.store
        assert choice.registry is not None and choice.registry.version == "2026.3"
        assert choice.notice and "niet nieuwer" in choice.notice


def test_the_same_file_again_is_no_notice() -> None:
    choice = choose(False, verified("2026.3"), verified("2026.3"))
    assert choice.winner is Winner.SOURCE and not choice.store and choice.notice is None


def test_an_unusable_source_keeps_the_last_good_one_or_the_bundled_with_a_notice() -> None:
    kept = choose(False, Unusable("bronmap X is niet bereikbaar"), verified("2026.4"))
    assert kept.winner is Winner.CACHED and kept.notice is not None
    assert "niet bereikbaar" in kept.notice and "2026.4 blijft in gebruik" in kept.notice
    first = choose(False, Unusable("bronmap X is niet bereikbaar"), None)
    assert first.winner is Winner.BUNDLED and first.notice is not None
    assert "meegeleverde" in first.notice


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=4), st.integers(0, 10_000))
def test_versions_order_numerically(parts: list[int], bump: int) -> None:
    version = ".".join(map(str, parts))
    higher = ".".join(map(str, [*parts[:-1], parts[-1] + bump + 1]))
    assert version_key(higher) > version_key(version)
    assert version_key(version + ".1") > version_key(version)


def test_config_file_readings(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert configured_source(config) is None
    config.write_text("[machine]\nregistry_source = '\\\\server\\share\\kg'\n")
    found = configured_source(config)
    assert isinstance(found, (Path, Unusable))
    config.write_text(f"[machine]\nregistry_source = '{tmp_path}'\n")
    assert configured_source(config) == tmp_path
    config.write_text("[machine]\nregistry_source = 'relative'\n")
    refused = configured_source(config)
    assert isinstance(refused, Unusable) and "volledig pad" in refused.reason
    config.write_text("registry_source = [\n")
    broken = configured_source(config)
    assert isinstance(broken, Unusable) and "geen geldige TOML" in broken.reason
    config.write_text("[other]\nx = 1\n")
    unknown = configured_source(config)
    assert isinstance(unknown, Unusable)
    assert "config.toml, regel 1: onbekende sleutel 'other'" in unknown.reason
    config.write_text("[machine]\n")
    assert configured_source(config) is None


def test_a_share_that_does_not_answer_times_out() -> None:
    release = threading.Event()

    def hang() -> Verified:
        release.wait(30)
        raise AssertionError("never used")

    try:
        reading = read_with_timeout(hang, Path("/share"), 0.05)
    finally:
        release.set()
    assert isinstance(reading, Unusable) and "antwoordt niet binnen 0.05 seconden" in reading.reason


def test_a_hanging_share_falls_back_to_the_bundled_registry_with_a_notice(
    tmp_path: Path,
) -> None:
    configure(tmp_path / "share")
    release = threading.Event()

    def hang(*_: object) -> Unusable:
        release.wait(30)
        return Unusable("late")

    paths = AppPaths.from_platform()
    try:
        choice = resolve_source(
            paths.machine_config_file,
            paths.registry_cache_dir,
            TrustedKeys((), ()),
            table(),
            timeout=0.05,
            read=hang,
        )
    finally:
        release.set()
    assert choice.winner is Winner.BUNDLED and choice.notice and "antwoordt niet" in choice.notice


# --- with the real minisign ------------------------------------------------------------------


@pytest.mark.slow
def test_a_newer_signed_file_is_used_and_an_older_one_ignored(tmp_path: Path, qtbot: QtBot) -> None:
    key = make_keys(tmp_path / "keys")
    trust(key)
    share = configure(tmp_path / "share")
    publish(share, "2026.5", key)
    assert active() == (RegistrySource.SOURCE, "2026.5", None)
    check = check_registry(AppPaths.from_platform(), TODAY)
    assert check.ok and check.detail.startswith("partnerregister uit de bronmap")
    cache = AppPaths.from_platform().registry_cache_dir
    assert (cache / "partners.toml").read_text("utf-8") == with_version("2026.5")

    publish(share, "2026.6", key)
    assert active() == (RegistrySource.SOURCE, "2026.6", None)

    publish(share, "2026.2", key)  # an older, validly signed file: a rollback
    source, version, notice = active()
    assert (source, version) == (RegistrySource.CACHED, "2026.6")
    assert notice and "versie 2026.2, niet nieuwer" in notice
    check = check_registry(AppPaths.from_platform(), TODAY)
    assert check.ok and "laatst gecontroleerde kopie uit de bronmap" in check.detail
    assert "Let op: de bronmap heeft versie 2026.2" in check.detail
    window = open_main_window(qtbot)
    banner = child(window, QLabel, "registryBanner")
    assert banner.isVisible() and "2026.2" in banner.text() and "#fff4e5" in banner.styleSheet()
    shown = window.session.registry
    assert shown is not None and shown.document.registry_version == "2026.6"
    assert "Let op:" in window.about_text() and "bronmap" in window.about_text()


@pytest.mark.slow
def test_an_unreachable_share_uses_the_last_verified_copy(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    trust(key)
    share = configure(tmp_path / "share")
    publish(share, "2026.5", key)
    assert active()[:2] == (RegistrySource.SOURCE, "2026.5")
    (share / "partners.toml").unlink()
    (share / "partners.toml.minisig").unlink()
    share.rmdir()
    source, version, notice = active()
    assert (source, version) == (RegistrySource.CACHED, "2026.5")
    assert notice and "niet bereikbaar" in notice


@pytest.mark.slow
def test_unsigned_tampered_or_untrusted_files_in_the_share_are_never_taken(
    tmp_path: Path,
) -> None:
    key = make_keys(tmp_path / "keys", "it")
    other = make_keys(tmp_path / "keys", "other")
    trust(key)
    share = configure(tmp_path / "share")
    publish(share, "2026.5", key)
    assert active()[:2] == (RegistrySource.SOURCE, "2026.5")
    publish(share, "2026.7", None)
    source, version, notice = active()
    assert (source, version) == (RegistrySource.CACHED, "2026.5")
    assert notice and "niet ondertekend" in notice
    publish(share, "2026.8", other)
    source, version, notice = active()
    assert (source, version) == (RegistrySource.CACHED, "2026.5") and notice
    assert "niet vertrouwd" in notice
    registry = publish(share, "2026.9", key)
    registry.write_text(with_version("2026.99"), "utf-8")
    source, version, notice = active()
    assert (source, version) == (RegistrySource.CACHED, "2026.5") and notice
    assert "gewijzigd na het ondertekenen" in notice


@pytest.mark.slow
def test_a_tampered_verified_copy_is_not_used(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    trust(key)
    share = configure(tmp_path / "share")
    publish(share, "2026.5", key)
    active()
    cached = AppPaths.from_platform().registry_cache_dir / "partners.toml"
    cached.write_text(with_version("2026.50"), "utf-8")
    publish(share, "2026.1", None)
    source, version, notice = active()
    assert (source, version) == (RegistrySource.BUNDLED, "2026.1")
    assert notice and "meegeleverde" in notice


def test_a_source_without_trusted_keys_is_not_used(tmp_path: Path) -> None:
    share = configure(tmp_path / "share")
    share.mkdir()
    (share / "partners.toml").write_text(with_version("2027.1"), "utf-8")
    source, version, notice = active()
    assert (source, version) == (RegistrySource.BUNDLED, "2026.1")
    assert notice and "geen (leesbare) vertrouwde sleutels" in notice


def test_a_machine_file_still_wins_over_the_source(tmp_path: Path) -> None:
    share = configure(tmp_path / "share")
    share.mkdir()
    paths = AppPaths.from_platform()
    paths.machine_registry.write_text(with_version("2026.3"), "utf-8")
    assert active() == (RegistrySource.MACHINE, "2026.3", None)
