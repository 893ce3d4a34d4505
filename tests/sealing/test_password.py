"""Passwords: strong enough, unambiguous when read out, and the same key however typed."""

from __future__ import annotations

import math
import secrets
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.sealing.archive import build_encrypted_archive
from referral_desk.sealing.password import (
    PASSWORD_ALPHABET,
    PASSWORD_ENTROPY_BITS,
    generate_password,
    normalize_password,
    password_entropy_bits,
)
from tests.sealing.test_archive import FILES, extract_with_7zz

LOOK_ALIKES = "0Oo1lIiL72Zz5Ss8BUuVvMNmn"


def test_default_shape_is_five_groups_of_four_from_the_alphabet() -> None:
    groups = generate_password().split("-")
    assert [len(group) for group in groups] == [4, 4, 4, 4, 4]
    assert set("".join(groups)) <= set(PASSWORD_ALPHABET)


def test_alphabet_has_no_look_alikes_and_no_case() -> None:
    assert not set(LOOK_ALIKES) & set(PASSWORD_ALPHABET)
    assert len(set(PASSWORD_ALPHABET)) == len(PASSWORD_ALPHABET)
    assert all(char.isdigit() or char.isupper() for char in PASSWORD_ALPHABET)
    assert PASSWORD_ALPHABET.isascii()


def test_entropy_is_at_least_80_bits() -> None:
    assert PASSWORD_ENTROPY_BITS >= 80
    assert password_entropy_bits(5, 4) == pytest.approx(20 * math.log2(len(PASSWORD_ALPHABET)))


def test_weaker_shapes_are_refused() -> None:
    assert password_entropy_bits(4, 4) < 80
    with pytest.raises(ValueError, match="80 bits"):
        generate_password(4, 4)


def test_other_shapes_and_injected_rng() -> None:
    class Zeros(secrets.SystemRandom):
        def getrandbits(self, k: int, /) -> int:
            return 0

    assert generate_password(3, 8, rng=Zeros()) == "AAAAAAAA-AAAAAAAA-AAAAAAAA"


def test_a_thousand_passwords_are_all_different() -> None:
    assert len({generate_password() for _ in range(1000)}) == 1000


def test_decomposed_and_composed_e_acute_normalize_alike() -> None:
    decomposed, composed = "Cafe\u0301-KQ3X", "Caf\u00e9-KQ3X"
    assert decomposed != composed
    assert normalize_password(decomposed) == normalize_password(composed) == composed
    assert normalize_password(f" \t{composed}\n") == composed


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_password(text)
    assert normalize_password(once) == once


def test_generated_passwords_are_already_normal() -> None:
    password = generate_password()
    assert normalize_password(password) == password


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "read_out"),
    [
        ("Wachtwoord-éèç-Ωmega", "Wachtwoord-éèç-Ωmega"),
        ("Nguyê\u0303n-漢字-€", "Nguyễn-漢字-€"),
        (" Cafe\u0301-KQ3X-HR4C ", "Café-KQ3X-HR4C"),
    ],
)
def test_non_ascii_passwords_open_in_stock_7zip(tmp_path: Path, typed: str, read_out: str) -> None:
    """7-Zip hashes what it is given; only the NFC form, as typed on most systems, opens."""
    archive = tmp_path / "a.7z"
    archive.write_bytes(build_encrypted_archive(FILES, typed))
    assert extract_with_7zz(archive, read_out, tmp_path / "out") == FILES
