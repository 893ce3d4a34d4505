"""Registry signatures in minisign's format, judged by the real ``minisign`` (Debian package).

Keys come from ``minisign -G``; signatures go both ways; the machine registry is refused
(window banner, self-test) once a trusted key is configured and the signature is missing,
tampered with or by a key that is not trusted.

The Windows test environment has no stock minisign (no Windows build comes through the package
registries it is built from): there the tests of the app's own trust decisions get keys written
here in minisign's documented format and signatures made by the app, and the tests that have
the stock tool judge the app's files run on POSIX only.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import subprocess
import sys
from argparse import Namespace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from referral_desk.cli import build_parser
from referral_desk.cli import registry as registry_cli
from referral_desk.cli.selftest import check_registry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry import minisign
from referral_desk.registry.active import load_active_registry
from referral_desk.storage.paths import AppPaths
from tests.platforms import posix_only
from tests.ui_driver import child, open_main_window

BUNDLED = (Path(__file__).parents[2] / "config" / "partners.toml").read_text("utf-8")
TODAY = date(2026, 12, 1)
# Windows has no stock minisign here: keys are written in its format, the app signs.
WITHOUT_THE_TOOL = sys.platform == "win32"
STOCK_MINISIGN = "the judge is Debian's stock minisign; the Windows environment has none"


def run_minisign(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The stock tool; on CI its absence fails, elsewhere it skips."""
    found = shutil.which("minisign")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("minisign (Debian package minisign) is required on CI")
        pytest.skip("minisign not installed")
    return subprocess.run(
        [found, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def make_keys(folder: Path, name: str = "coordinator", password: str | None = None) -> Path:
    """``minisign -G``: unencrypted with ``-W``; else the password on stdin (twice)."""
    folder.mkdir(parents=True, exist_ok=True)
    if WITHOUT_THE_TOOL:
        return _write_keys(folder, name, password)
    pub, sec = folder / f"{name}.pub", folder / f"{name}.key"
    extra = ["-W"] if password is None else []
    stdin = "" if password is None else f"{password}\n{password}\n"
    result = run_minisign("-G", *extra, "-p", str(pub), "-s", str(sec), stdin=stdin)
    assert result.returncode == 0, result.stderr
    return folder / name


# Scrypt limits for a test key (minisign's own are 1 GiB): libsodium's pickparams turns them
# into N = 2**14, r = 8, p = 1.
_OPSLIMIT, _MEMLIMIT, _SCRYPT_NRP = 524_288, 16_777_216, (2**14, 8, 1)


def _write_keys(folder: Path, name: str, password: str | None) -> Path:
    """A key pair as ``minisign -G`` writes it, without the tool: the public key ``Ed`` + key
    id + key; the secret key ``Ed`` + KDF (``Sc`` scrypt or none) + ``B2`` + salt + limits +
    the key id, the 64-byte secret key and its BLAKE2b checksum, XORed with scrypt's output
    when there is a password."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    seed, key_id, salt = os.urandom(32), os.urandom(8), os.urandom(32)
    public = (
        Ed25519PrivateKey.from_private_bytes(seed)
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )
    secret = seed + public
    keynum = key_id + secret + hashlib.blake2b(b"Ed" + key_id + secret, digest_size=32).digest()
    kdf = b"\x00\x00"
    if password is not None:
        kdf = b"Sc"
        n, r, p = _SCRYPT_NRP
        stream = hashlib.scrypt(
            password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 << 20, dklen=len(keynum)
        )
        keynum = bytes(a ^ b for a, b in zip(keynum, stream, strict=True))
    limits = _OPSLIMIT.to_bytes(8, "little") + _MEMLIMIT.to_bytes(8, "little")
    raw_secret = b"Ed" + kdf + b"B2" + salt + limits + keynum
    shown_id = f"{int.from_bytes(key_id, 'little'):X}"
    (folder / f"{name}.pub").write_text(
        f"untrusted comment: minisign public key {shown_id}\n"
        f"{base64.b64encode(b'Ed' + key_id + public).decode()}\n"
    )
    (folder / f"{name}.key").write_text(
        "untrusted comment: minisign encrypted secret key\n"
        f"{base64.b64encode(raw_secret).decode()}\n"
    )
    return folder / name


def key_id(pub: Path) -> str:
    return pub.read_text().splitlines()[0].rsplit(" ", 1)[1]


def machine_registry(text: str = BUNDLED) -> Path:
    paths = AppPaths.from_platform()
    paths.site_config_dir.mkdir(parents=True, exist_ok=True)
    paths.machine_registry.write_text(text, "utf-8")
    return paths.machine_registry


def trust(key: Path) -> None:
    folder = AppPaths.from_platform().site_config_dir / "trusted-keys"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(key.with_suffix(".pub"), folder / key.with_suffix(".pub").name)


def sign_with_minisign(file: Path, key: Path, *, legacy: bool = False) -> None:
    """``minisign -S`` (``-l``: the legacy, not prehashed, signature); on Windows, without the
    stock tool, the app signs (prehashed)."""
    if WITHOUT_THE_TOOL:
        assert not legacy, "only the stock tool makes legacy signatures"
        code, out = app_sign(file, key)
        assert code == 0, out
        return
    flags = ["-l"] if legacy else []
    result = run_minisign("-S", *flags, "-s", str(key.with_suffix(".key")), "-m", str(file))
    assert result.returncode == 0, result.stderr


def app_sign(file: Path, key: Path, password: str | None = None) -> tuple[int, str]:
    out = io.StringIO()
    args = build_parser().parse_args(
        ["registry", "sign", str(file), "--key", str(key.with_suffix(".key"))]
        + (["--password-stdin"] if password is not None else [])
    )

    def no_terminal() -> str:
        raise AssertionError("asked on the terminal")

    code = registry_cli.registry_sign(
        args,
        out,
        password_input=io.StringIO(f"{password}\n"),
        ask_password=no_terminal,
        clock=lambda: 1_790_000_000.0,
    )
    return code, out.getvalue()


def app_verify(file: Path, pubkey: Path | None = None) -> tuple[int, str]:
    out = io.StringIO()
    argv = ["registry", "verify", str(file)] + (["--pubkey", str(pubkey)] if pubkey else [])
    code = registry_cli.run(build_parser().parse_args(argv), out)
    return code, out.getvalue()


def table() -> PostcodeTable:
    return PostcodeTable.load_bundled(AppPaths.from_platform().resources_dir)


# --- both ways ------------------------------------------------------------------------------


@posix_only(STOCK_MINISIGN)
@pytest.mark.slow
@pytest.mark.parametrize("legacy", [False, True], ids=["prehashed-ED", "legacy-Ed"])
def test_a_minisign_signature_verifies_in_the_app(tmp_path: Path, legacy: bool) -> None:
    key = make_keys(tmp_path / "keys")
    registry = tmp_path / "partners.toml"
    registry.write_text(BUNDLED, "utf-8")
    sign_with_minisign(registry, key, legacy=legacy)
    code, out = app_verify(registry, key.with_suffix(".pub"))
    assert code == 0, out
    assert f"sleutel {key_id(key.with_suffix('.pub'))} op " in out


@posix_only(STOCK_MINISIGN)
@pytest.mark.slow
def test_the_apps_signature_passes_minisign_verify(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    registry = tmp_path / "partners.toml"
    registry.write_text(BUNDLED, "utf-8")
    code, out = app_sign(registry, key)
    assert code == 0, out
    assert key_id(key.with_suffix(".pub")) in out
    result = run_minisign("-V", "-H", "-p", str(key.with_suffix(".pub")), "-m", str(registry))
    assert result.returncode == 0, result.stderr
    assert "timestamp:1790000000\tfile:partners.toml" in result.stdout


@posix_only(STOCK_MINISIGN)
@pytest.mark.slow
def test_signing_with_an_encrypted_key_reads_the_password_from_stdin(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys", password="correct horse")
    registry = tmp_path / "partners.toml"
    registry.write_text(BUNDLED, "utf-8")
    code, out = app_sign(registry, key, password="wrong horse")
    assert code == 1 and "Verkeerd wachtwoord" in out
    assert not (tmp_path / "partners.toml.minisig").exists()
    code, out = app_sign(registry, key, password="correct horse")
    assert code == 0, out
    result = run_minisign("-V", "-p", str(key.with_suffix(".pub")), "-m", str(registry))
    assert result.returncode == 0, result.stderr


@posix_only(STOCK_MINISIGN)
@pytest.mark.slow
def test_a_tampered_byte_is_refused_by_both(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    registry = tmp_path / "partners.toml"
    registry.write_text(BUNDLED, "utf-8")
    assert app_sign(registry, key)[0] == 0
    registry.write_text(BUNDLED.replace("2026.1", "2026.9", 1), "utf-8")
    code, out = app_verify(registry, key.with_suffix(".pub"))
    assert code == 1 and "gewijzigd na het ondertekenen" in out
    result = run_minisign("-V", "-p", str(key.with_suffix(".pub")), "-m", str(registry))
    assert result.returncode != 0


@pytest.mark.slow
def test_verify_without_pubkey_uses_the_trusted_keys_and_names_the_key(tmp_path: Path) -> None:
    trusted, other = make_keys(tmp_path / "keys", "it"), make_keys(tmp_path / "keys", "other")
    registry = tmp_path / "partners.toml"
    registry.write_text(BUNDLED, "utf-8")
    code, out = app_verify(registry)
    assert code == 1 and "Geen vertrouwde sleutels" in out
    trust(trusted)
    sign_with_minisign(registry, other)
    code, out = app_verify(registry)
    assert code == 1
    assert key_id(other.with_suffix(".pub")) in out and "niet vertrouwd" in out
    sign_with_minisign(registry, trusted)
    code, out = app_verify(registry)
    assert code == 0
    assert f"vertrouwde sleutel {key_id(trusted.with_suffix('.pub'))}" in out


# --- the machine registry once a trusted key is configured -----------------------------------


def test_without_trusted_keys_an_unsigned_machine_registry_still_loads() -> None:
    machine_registry()
    assert load_active_registry(AppPaths.from_platform(), table()).document.partners
    check = check_registry(AppPaths.from_platform(), TODAY)
    assert check.ok and "geen vertrouwde sleutels ingesteld" in check.detail


@pytest.mark.slow
def test_an_unsigned_machine_registry_is_refused_once_a_key_is_trusted(
    tmp_path: Path, qtbot: QtBot
) -> None:
    trust(make_keys(tmp_path / "keys"))
    machine_registry()
    with pytest.raises(RegistryError) as refused:
        load_active_registry(AppPaths.from_platform(), table())
    assert "niet ondertekend" in str(refused.value)
    check = check_registry(AppPaths.from_platform(), TODAY)
    assert not check.ok
    assert "machineregister" in check.detail and "partners.toml.minisig" in check.detail
    window = open_main_window(qtbot)
    banner = child(window, QLabel, "registryBanner")
    assert banner.isVisible() and "niet ondertekend" in banner.text()


@pytest.mark.slow
def test_a_signature_by_an_untrusted_key_is_refused(tmp_path: Path) -> None:
    trust(make_keys(tmp_path / "keys", "it"))
    other = make_keys(tmp_path / "keys", "attacker")
    sign_with_minisign(machine_registry(), other)
    with pytest.raises(RegistryError) as refused:
        load_active_registry(AppPaths.from_platform(), table())
    assert "niet vertrouwd" in str(refused.value)
    assert key_id(other.with_suffix(".pub")) in str(refused.value)


@pytest.mark.slow
def test_a_tampered_machine_registry_is_refused_not_replaced(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    trust(key)
    registry = machine_registry()
    sign_with_minisign(registry, key)
    registry.write_text(BUNDLED.replace("2026.1", "2026.9", 1), "utf-8")
    check = check_registry(AppPaths.from_platform(), TODAY)
    assert not check.ok and "gewijzigd na het ondertekenen" in check.detail


@pytest.mark.slow
def test_selftest_says_where_the_registry_came_from_and_who_signed_it(tmp_path: Path) -> None:
    key = make_keys(tmp_path / "keys")
    trust(key)
    sign_with_minisign(machine_registry(), key)
    check = check_registry(AppPaths.from_platform(), TODAY)
    assert check.ok, check.detail
    assert "machineregister" in check.detail and "versie 2026.1 van 2026-11-22" in check.detail
    assert f"ondertekend door vertrouwde sleutel {key_id(key.with_suffix('.pub'))} op " in (
        check.detail
    )


def test_a_broken_trusted_key_file_refuses_the_machine_registry() -> None:
    machine_registry()
    folder = AppPaths.from_platform().site_config_dir / "trusted-keys"
    folder.mkdir()
    (folder / "it.pub").write_text("untrusted comment: nothing\nnot base64\n")
    check = check_registry(AppPaths.from_platform(), TODAY)
    assert not check.ok and "it.pub" in check.detail


def test_the_bundled_registry_reports_it_is_unsigned() -> None:
    check = check_registry(AppPaths.from_platform(), TODAY)
    assert check.ok
    assert check.detail.startswith("meegeleverd partnerregister")


# --- the parsers --------------------------------------------------------------------------------


@given(st.text(max_size=400))
def test_any_text_is_a_signature_or_a_minisign_error(text: str) -> None:
    for parse in (minisign.Signature.parse, minisign.PublicKey.parse):
        try:
            parse(text)
        except minisign.MinisignError as error:
            assert error.message


def test_the_sign_command_takes_password_stdin() -> None:
    args = build_parser().parse_args(["registry", "sign", "f", "--key", "k", "--password-stdin"])
    assert args == Namespace(
        command="registry",
        action="sign",
        file=Path("f"),
        key=Path("k"),
        password_stdin=True,
        screenshot=None,
    )


def test_key_ids_read_as_minisign_prints_them_without_leading_zeros() -> None:
    # minisign -G wrote "minisign public key 86614114E868EC0" for these bytes.
    assert minisign.format_key_id(bytes.fromhex("c08e864e11146608")) == "86614114E868EC0"
