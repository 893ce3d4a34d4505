"""The archive is judged by stock 7-Zip: AES-256, encrypted headers, the right password only."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from referral_desk.sealing.archive import (
    ArchivePasswordError,
    build_encrypted_archive,
    read_encrypted_archive,
)
from referral_desk.sealing.password import generate_password
from tests.judges import run_7zz

FILES = {
    "doorverwijzing.json": json.dumps(
        {"voornaam": "Nguyễn", "achternaam": "Van den Bossche"}, ensure_ascii=False
    ).encode(),
    "doorverwijzing.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF\n",
}


def write_archive(tmp_path: Path, password: str, files: dict[str, bytes] = FILES) -> Path:
    path = tmp_path / "KG-2026-ACDEFG.7z"
    path.write_bytes(build_encrypted_archive(files, password))
    return path


def extract_with_7zz(archive: Path, password: str, out: Path) -> dict[str, bytes]:
    result = run_7zz("x", f"-p{password}", f"-o{out}", "-y", str(archive))
    assert result.returncode == 0, result.stdout + result.stderr
    return {path.name: path.read_bytes() for path in out.iterdir()}


@pytest.mark.slow
def test_stock_7zip_extracts_identical_bytes(tmp_path: Path) -> None:
    password = generate_password()
    archive = write_archive(tmp_path, password)
    assert extract_with_7zz(archive, password, tmp_path / "out") == FILES


@pytest.mark.slow
def test_names_are_hidden_without_the_password(tmp_path: Path) -> None:
    archive = write_archive(tmp_path, generate_password())
    for blind in (run_7zz("l", str(archive)), run_7zz("l", "-p", str(archive))):
        assert blind.returncode != 0
        assert "doorverwijzing" not in blind.stdout + blind.stderr


@pytest.mark.slow
def test_listing_shows_lzma2_with_a_small_dictionary_and_7zaes(tmp_path: Path) -> None:
    password = generate_password()
    listing = run_7zz("l", "-slt", f"-p{password}", str(write_archive(tmp_path, password)))
    assert listing.returncode == 0, listing.stdout + listing.stderr
    # LZMA2:16 is 2**16, a 64 KiB dictionary: sized to the payload, not py7zr's 8 MiB default.
    assert listing.stdout.count("Method = LZMA2:16 7zAES:19") == len(FILES)
    assert listing.stdout.count("Encrypted = +") == len(FILES)
    assert all(f"Path = {name}" in listing.stdout for name in FILES)


@pytest.mark.slow
def test_wrong_password_never_extracts(tmp_path: Path) -> None:
    password = generate_password()
    archive = write_archive(tmp_path, password)
    out = tmp_path / "out"
    for wrong in ("", password.lower(), password.replace("-", ""), password[:-1]):
        assert run_7zz("x", f"-p{wrong}", f"-o{out}", "-y", str(archive)).returncode != 0
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.slow
def test_larger_payload_gets_a_larger_dictionary(tmp_path: Path) -> None:
    files = {"bijlage.pdf": os.urandom(300_000)}
    password = generate_password()
    archive = write_archive(tmp_path, password, files)
    listing = run_7zz("l", "-slt", f"-p{password}", str(archive))
    assert "Method = LZMA2:19 7zAES:19" in listing.stdout, listing.stdout
    assert extract_with_7zz(archive, password, tmp_path / "out") == files


def test_round_trip_in_memory() -> None:
    password = generate_password()
    assert read_encrypted_archive(build_encrypted_archive(FILES, password), password) == FILES


def test_wrong_password_is_a_clear_error() -> None:
    data = build_encrypted_archive(FILES, "KQ3X-HR4C-AAAA")
    with pytest.raises(ArchivePasswordError):
        read_encrypted_archive(data, "KQ3X-HR4C-AAAC")


def test_nothing_touches_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest points TMPDIR and tempfile into tmp_path, so a spooled file would show."""
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    read_encrypted_archive(build_encrypted_archive(FILES, "KQ3X-HR4C-AAAA"), "KQ3X-HR4C-AAAA")
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize(
    "name", ["", "../x", "a/b", "a\\b", "naïef.pdf", "..", ".", "a\x00b", "a\nb"]
)
def test_member_names_are_plain_ascii(name: str) -> None:
    with pytest.raises(ValueError, match="plain ASCII"):
        build_encrypted_archive({name: b"x"}, "KQ3X-HR4C-AAAA")


@pytest.mark.parametrize("password", ["", "  ", "\t\n"])
def test_empty_password_refused(password: str) -> None:
    with pytest.raises(ValueError, match="empty password"):
        build_encrypted_archive(FILES, password)
