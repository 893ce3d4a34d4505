"""Signing a registry save without a window: which key signs, whether a chosen file is a
key, what went wrong while signing, and what became of the registry and its signature."""

from __future__ import annotations

from pathlib import Path

import pytest

from referral_desk.domain.settings import Settings
from referral_desk.lifecycle.registry_signing import (
    KeyUnusable,
    NotWritten,
    SigningFailureKind,
    SigningKeyMemory,
    read_key,
    signing_failure,
    write_registry,
)
from referral_desk.registry import minisign
from referral_desk.storage.settings import SettingsChanges, SettingsError
from tests.registry.test_minisign import make_keys

ROOT = Path(__file__).parents[2]
TEXT = (ROOT / "config" / "partners.toml").read_text("utf-8")
NOW = 1_795_000_000.0
CANARY = "kanarie-Wachtwoord-7Q2"


class FakeSettings:
    """The settings file as the key memory sees it; *broken* makes load or update fail."""

    def __init__(self, stored: str | None = None, *, broken: str = "") -> None:
        self.settings = Settings(signing_key_path=stored)
        self.broken = broken

    def load(self) -> Settings:
        if self.broken == "load":
            raise SettingsError("De instellingen zijn onleesbaar.")
        return self.settings

    def update(self, changes: SettingsChanges) -> Settings:
        if self.broken == "update":
            raise SettingsError("De instellingen konden niet bewaard worden.")
        assert not callable(changes)
        self.settings = self.settings.model_copy(update=dict(changes))
        return self.settings


def _public_key(key: Path) -> minisign.PublicKey:
    return minisign.PublicKey.parse(key.with_suffix(".pub").read_text("utf-8"))


def test_a_key_is_read_locked_or_not(tmp_path: Path) -> None:
    plain = make_keys(tmp_path / "plain")
    locked = make_keys(tmp_path / "locked", password=CANARY)
    assert not read_key(plain.with_suffix(".key")).encrypted
    assert read_key(locked.with_suffix(".key")).encrypted


@pytest.mark.parametrize("what", ["public key", "missing", "binary", "too large"])
def test_a_file_that_is_no_secret_key_is_refused_with_why(tmp_path: Path, what: str) -> None:
    key = make_keys(tmp_path)
    chosen = {
        "public key": key.with_suffix(".pub"),
        "missing": tmp_path / "weg.key",
        "binary": tmp_path / "beeld.key",
        "too large": tmp_path / "groot.key",
    }[what]
    if what == "binary":
        chosen.write_bytes(b"\xff\xfe\x00\x89PNG")
    if what == "too large":
        chosen.write_text(key.with_suffix(".key").read_text("utf-8") + "#" * 5000, "utf-8")
    with pytest.raises(KeyUnusable) as refused:
        read_key(chosen)
    assert refused.value.path == chosen
    assert str(chosen) in refused.value.message
    if what == "binary":
        assert refused.value.detail is None  # the window words "no text file" itself
    else:
        assert refused.value.detail


def test_the_remembered_key_is_read_from_the_settings_once(tmp_path: Path) -> None:
    assert SigningKeyMemory(None).path is None
    assert SigningKeyMemory(FakeSettings()).path is None
    assert SigningKeyMemory(FakeSettings("/sleutels/c.key")).path == Path("/sleutels/c.key")
    # Broken settings: the main window already says so; here it just signs with no key.
    assert SigningKeyMemory(FakeSettings("/x.key", broken="load")).path is None


def test_choosing_a_key_remembers_its_path_and_never_a_non_key(tmp_path: Path) -> None:
    key = make_keys(tmp_path)
    settings = FakeSettings()
    memory = SigningKeyMemory(settings)
    assert memory.choose(key.with_suffix(".key")) is None
    assert memory.path == key.with_suffix(".key")
    assert settings.settings.signing_key_path == str(key.with_suffix(".key"))
    with pytest.raises(KeyUnusable):
        memory.choose(key.with_suffix(".pub"))
    assert memory.path == key.with_suffix(".key")
    assert settings.settings.signing_key_path == str(key.with_suffix(".key"))
    assert memory.choose(None) is None
    assert memory.path is None and settings.settings.signing_key_path is None


def test_a_key_that_cannot_be_remembered_still_holds_for_this_session(tmp_path: Path) -> None:
    key = make_keys(tmp_path)
    memory = SigningKeyMemory(FakeSettings(broken="update"))
    why = memory.choose(key.with_suffix(".key"))
    assert why == "De instellingen konden niet bewaard worden."
    assert memory.path == key.with_suffix(".key")


def test_a_save_is_signed_exactly_as_written_and_both_files_are_there(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys", password=CANARY)
    target = tmp_path / "partners.toml"
    signature = read_key(key.with_suffix(".key")).sign(TEXT, target, CANARY, now=NOW)
    written = write_registry(target, TEXT, signature)
    assert written.signed and written.signature_problem is None
    assert written.signature == tmp_path / "partners.toml.minisig"
    assert target.read_bytes() == TEXT.encode("utf-8")
    parsed = minisign.Signature.parse(written.signature.read_text("utf-8"))
    assert parsed.trusted_comment == f"timestamp:{int(NOW)}\tfile:partners.toml\thashed"
    minisign.verify(target.read_bytes(), parsed, _public_key(key))


def test_a_wrong_password_is_told_apart_from_a_broken_key_and_other_failures(
    tmp_path: Path,
) -> None:
    key = read_key(make_keys(tmp_path, password=CANARY).with_suffix(".key"))
    with pytest.raises(minisign.WrongPassword) as wrong:
        key.sign(TEXT, tmp_path / "partners.toml", "niet-het-wachtwoord", now=NOW)
    assert signing_failure(wrong.value).kind is SigningFailureKind.WRONG_PASSWORD
    broken = signing_failure(minisign.MinisignError("geheime sleutel: kapot."))
    assert broken.kind is SigningFailureKind.KEY_UNUSABLE
    assert broken.detail == "geheime sleutel: kapot."
    other = signing_failure(MemoryError("scrypt"))
    assert other.kind is SigningFailureKind.FAILED and other.detail == "scrypt"
    assert not (tmp_path / "partners.toml").exists()


def test_saving_unsigned_beside_an_old_signature_says_it_no_longer_fits(tmp_path: Path) -> None:
    target = tmp_path / "partners.toml"
    assert not write_registry(target, TEXT).stale_signature
    (tmp_path / "partners.toml.minisig").write_text("oud", "utf-8")
    written = write_registry(target, TEXT)
    assert written.stale_signature and not written.signed
    assert target.read_text("utf-8") == TEXT


def test_a_signature_that_cannot_be_written_is_said_and_the_registry_stays(
    tmp_path: Path,
) -> None:
    key = make_keys(tmp_path / "keys")
    target = tmp_path / "partners.toml"
    (tmp_path / "partners.toml.minisig").mkdir()  # in the way of the signature file
    signature = read_key(key.with_suffix(".key")).sign(TEXT, target, None, now=NOW)
    written = write_registry(target, TEXT, signature)
    assert not written.signed and written.signature_problem
    assert target.read_text("utf-8") == TEXT


def test_a_registry_that_cannot_be_written_writes_no_signature(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    not_a_folder = tmp_path / "een-bestand"
    not_a_folder.write_text("", "utf-8")
    target = not_a_folder / "partners.toml"
    signature = read_key(key.with_suffix(".key")).sign(TEXT, target, None, now=NOW)
    with pytest.raises(NotWritten) as refused:
        write_registry(target, TEXT, signature)
    assert refused.value.path == target and str(target) in refused.value.message
    assert not list(tmp_path.rglob("*.minisig"))
