"""The fast key derivation must give py7zr's keys bit for bit, and be the one py7zr uses."""

from __future__ import annotations

import sys

import py7zr.compressor
import py7zr.helpers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_desk.sealing import key_derivation
from referral_desk.sealing.archive import build_encrypted_archive, read_encrypted_archive
from referral_desk.sealing.key_derivation import (
    derive_7z_aes_key,
    install_fast_key_derivation,
    stock_key_derivation,
)

# Taken before anything is installed: these are py7zr's own functions, the oracles.
REFERENCES = (py7zr.helpers.calculate_key, py7zr.helpers._calculate_key1)


def assert_identical(password: str | bytes, cycles: int, salt: bytes) -> None:
    raw = password if isinstance(password, bytes) else password.encode("utf-16-le")
    key = derive_7z_aes_key(raw, cycles, salt)
    assert len(key) == 32
    for reference in REFERENCES:
        assert key == reference(raw, cycles, salt, "sha256"), reference.__name__


@pytest.mark.parametrize(
    ("password", "cycles", "salt"),
    [
        ("KQ3X-HR4C-AAAA-DDDD-EEEE", 19, b""),  # what every archive of ours uses
        ("", 19, b""),
        ("Wachtwoord-éèç-Ωmega-漢字-😀", 19, bytes(range(16))),
        ("x", 0x3F, b"s"),  # no hashing: salt + password, zero-padded ...
        ("KQ3X-HR4C-AAAA-DDDD-EEEE", 0x3F, b"salt"),  # ... or cut to 32 bytes
        ("", 0x3F, b""),
        # Block boundaries: one block, two blocks, and counter byte 2 turning over.
        ("KQ3X", 12, b"\x00"),
        ("KQ3X", 13, b""),
        ("KQ3X", 16, b""),
        ("KQ3X", 17, b"ab"),
    ],
)
def test_fixed_cases_are_bit_identical(password: str, cycles: int, salt: bytes) -> None:
    assert_identical(password, cycles, salt)


@settings(max_examples=150, deadline=None)
@given(
    password=st.one_of(st.text(max_size=40), st.binary(max_size=80)),
    cycles=st.integers(0, 8),
    salt=st.binary(max_size=16),
)
def test_any_input_is_bit_identical(password: str | bytes, cycles: int, salt: bytes) -> None:
    if isinstance(password, str):
        password = password.encode("utf-16-le", "surrogatepass")
    assert_identical(password, cycles, salt)


@pytest.mark.parametrize("cycles", [-1, 0x40])
def test_cycles_out_of_range(cycles: int) -> None:
    with pytest.raises(ValueError, match="cycles"):
        derive_7z_aes_key(b"", cycles, b"")


def test_install_is_idempotent_and_replaces_the_only_reference() -> None:
    install_fast_key_derivation()
    patched = vars(py7zr.compressor)["calculate_key"]
    install_fast_key_derivation()
    assert vars(py7zr.compressor)["calculate_key"] is patched
    assert patched is not py7zr.helpers.calculate_key
    # A py7zr upgrade that imports calculate_key somewhere else would bypass the patch.
    holders = [
        f"{module_name}.{attribute}"
        for module_name, module in list(sys.modules.items())
        if module_name.startswith("py7zr") and module_name != "py7zr.helpers"
        for attribute, value in vars(module).items()
        if value is py7zr.helpers.calculate_key
    ]
    assert holders == []


def test_one_derivation_per_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(password: bytes, cycles: int, salt: bytes) -> bytes:
        calls.append(cycles)
        return derive_7z_aes_key(password, cycles, salt)

    monkeypatch.setattr(key_derivation, "derive_7z_aes_key", counting)
    data = build_encrypted_archive({"a.json": b"{}"}, "KQ3X-HR4C-AAAA")
    assert calls == [19]
    assert read_encrypted_archive(data, "KQ3X-HR4C-AAAA") == {"a.json": b"{}"}
    assert calls == [19, 19]


def test_archives_open_with_py7zrs_own_derivation() -> None:
    files = {"a.json": b'{"a": 1}', "b.pdf": b"%PDF-1.7\n" * 100}
    data = build_encrypted_archive(files, "KQ3X-HR4C-AAAA")
    with stock_key_derivation():
        assert read_encrypted_archive(data, "KQ3X-HR4C-AAAA") == files
        stock = build_encrypted_archive(files, "KQ3X-HR4C-AAAA")
    assert read_encrypted_archive(stock, "KQ3X-HR4C-AAAA") == files
