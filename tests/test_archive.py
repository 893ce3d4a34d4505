"""The archive is judged by stock 7-Zip: AES-256, encrypted headers, the right password only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_desk.packaging.archive import (
    ArchivePasswordError,
    build_encrypted_archive,
    read_encrypted_archive,
)
from referral_desk.packaging.key_derivation import derive_7z_aes_key, original_key_function
from referral_desk.packaging.password import (
    PASSWORD_ALPHABET,
    PASSWORD_ENTROPY_BITS,
    generate_password,
    normalize_password,
)
from tests.ui_driver import run_7zz

FILES = {
    "doorverwijzing.json": json.dumps({"voornaam": "Nguyễn"}, ensure_ascii=False).encode(),
    "doorverwijzing.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 64,
}


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "KG-2026-ACDEFG.7z"
    path.write_bytes(data)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("password", [generate_password(), "Wachtwoord-éèç-Ωmega"])
def test_stock_7zip_extracts_with_the_password(tmp_path: Path, password: str) -> None:
    archive = _write(tmp_path, build_encrypted_archive(FILES, password))
    out = tmp_path / "out"
    result = run_7zz("x", f"-p{password}", f"-o{out}", "-y", str(archive))
    assert result.returncode == 0, result.stdout + result.stderr
    for name, data in FILES.items():
        assert (out / name).read_bytes() == data


@pytest.mark.slow
def test_headers_are_encrypted_and_method_is_7zaes(tmp_path: Path) -> None:
    password = generate_password()
    archive = _write(tmp_path, build_encrypted_archive(FILES, password))
    blind = run_7zz("l", "-p", str(archive))
    assert blind.returncode != 0
    assert "doorverwijzing" not in blind.stdout + blind.stderr
    listing = run_7zz("l", "-slt", f"-p{password}", str(archive))
    assert listing.returncode == 0
    assert "7zAES" in listing.stdout and "LZMA2" in listing.stdout
    assert "doorverwijzing.json" in listing.stdout


@pytest.mark.slow
def test_wrong_password_never_opens(tmp_path: Path) -> None:
    password = generate_password()
    archive = _write(tmp_path, build_encrypted_archive(FILES, password))
    for wrong in ("", password.lower(), password.replace("-", ""), password[:-1]):
        assert run_7zz("x", f"-p{wrong}", f"-o{tmp_path / 'x'}", "-y", str(archive)).returncode
    with pytest.raises(ArchivePasswordError):
        read_encrypted_archive(archive.read_bytes(), password[:-1])


def test_round_trip_in_memory_and_decomposed_password() -> None:
    data = build_encrypted_archive(FILES, "Cafe\u0301-Wachtwoord")
    assert read_encrypted_archive(data, "Café-Wachtwoord") == FILES


@pytest.mark.parametrize("name", ["", "../x", "a/b", "naïef.pdf", "..", "a\\b"])
def test_member_names_are_plain_ascii(name: str) -> None:
    with pytest.raises(ValueError):
        build_encrypted_archive({name: b"x"}, "pw")


def test_empty_password_refused() -> None:
    with pytest.raises(ValueError):
        build_encrypted_archive(FILES, "  ")


@pytest.mark.parametrize(
    ("password", "cycles", "salt"),
    [("", 0, b""), ("KQ3X-HR4C-AAAA", 19, b""), ("é€漢", 19, b"\x00salt"), ("x", 0x3F, b"s")],
)
def test_fast_key_derivation_is_bit_identical(password: str, cycles: int, salt: bytes) -> None:
    raw = password.encode("utf-16-le")
    assert derive_7z_aes_key(raw, cycles, salt) == original_key_function()(
        raw, cycles, salt, "sha256"
    )


@settings(max_examples=60, deadline=None)
@given(password=st.text(max_size=24), cycles=st.integers(0, 17), salt=st.binary(max_size=16))
def test_fast_key_derivation_matches_py7zr(password: str, cycles: int, salt: bytes) -> None:
    raw = password.encode("utf-16-le", "surrogatepass")
    assert derive_7z_aes_key(raw, cycles, salt) == original_key_function()(
        raw, cycles, salt, "sha256"
    )


def test_passwords_are_strong_grouped_and_unambiguous() -> None:
    assert PASSWORD_ENTROPY_BITS >= 80
    for look_alike in "0O1IL2Z5S8BUVMN":
        assert look_alike not in PASSWORD_ALPHABET
    passwords = {generate_password() for _ in range(1000)}
    assert len(passwords) == 1000
    for password in passwords:
        groups = password.split("-")
        assert [len(g) for g in groups] == [4, 4, 4, 4, 4]
        assert set("".join(groups)) <= set(PASSWORD_ALPHABET)


def test_normalize_password_is_nfc_and_trimmed() -> None:
    assert normalize_password(" Cafe\u0301 ") == "Café"
