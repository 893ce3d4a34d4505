"""One-time passwords that survive being read out over the phone and written down by hand.

The alphabet is upper-case letters and digits without anything that looks or sounds
like another member: 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V, M/N, and 7, which Belgian
handwriting turns into a 1 (Q stays: both its look-alikes are gone). Lower case is out
altogether: case cannot be heard. That leaves 20 symbols, 4.32 bits each, so five groups
of four (86 bits) are needed to clear 80 bits.
"""

from __future__ import annotations

import math
import secrets
import unicodedata
from collections import Counter
from typing import Final

PASSWORD_ALPHABET: Final = "ACDEFGHJKPQRTWXY3469"
GROUPS: Final = 5
GROUP_SIZE: Final = 4
SEPARATOR: Final = "-"
MIN_ENTROPY_BITS: Final = 80

_SYSTEM_RANDOM: Final = secrets.SystemRandom()


def password_entropy_bits(groups: int, group_size: int) -> float:
    """The separators sit at fixed places, so they add no entropy."""
    return groups * group_size * math.log2(len(PASSWORD_ALPHABET))


PASSWORD_ENTROPY_BITS: Final = password_entropy_bits(GROUPS, GROUP_SIZE)
# Not an ``assert``: python -O must not be able to ship weaker passwords.
if PASSWORD_ENTROPY_BITS < MIN_ENTROPY_BITS:
    raise RuntimeError(f"default passwords carry only {PASSWORD_ENTROPY_BITS:.1f} bits")


def generate_password(
    groups: int = GROUPS,
    group_size: int = GROUP_SIZE,
    *,
    rng: secrets.SystemRandom | None = None,
) -> str:
    """e.g. ``KQ3X-HR4C-...``; the separators are part of what 7-Zip expects.

    Refuses shapes below 80 bits, so no caller can quietly weaken the archive.
    """
    if password_entropy_bits(groups, group_size) < MIN_ENTROPY_BITS:
        raise ValueError(f"{groups}x{group_size} characters carry fewer than 80 bits")
    chooser = rng or _SYSTEM_RANDOM
    return SEPARATOR.join(
        "".join(chooser.choice(PASSWORD_ALPHABET) for _ in range(group_size)) for _ in range(groups)
    )


def normalize_password(text: str) -> str:
    """NFC and trimmed: macOS and some keyboards type é as e + U+0301, and 7-Zip hashes
    the UTF-16 code units, so an unnormalised password derives a different key."""
    return unicodedata.normalize("NFC", text).strip()


# Conservative sizes of the character classes a typed password draws from: a class counts
# as if only its ASCII members existed, and anything not a cased letter or digit as the
# 33 ASCII punctuation marks and space.
LOWER_POOL: Final = 26
UPPER_POOL: Final = 26
DIGIT_POOL: Final = 10
OTHER_POOL: Final = 33
# Each character counts at most twice, so "aaaa…" or "abab…" gains nothing by length.
MAX_COUNTED_REPEATS: Final = 2


def estimated_entropy_bits(text: str) -> float:
    """A typed password's strength, estimated low: counted length × log2(classes used).

    Counted length lets each character count at most twice; the classes are those of
    :data:`LOWER_POOL` and the others. Dictionary words are not detected, so this is an
    upper bound for a phrase; it is what keeps ``1`` or ``wachtwoord`` out.
    """
    password = normalize_password(text)
    pool = 0
    if any(c.islower() for c in password):
        pool += LOWER_POOL
    if any(c.isupper() for c in password):
        pool += UPPER_POOL
    if any(c.isdecimal() for c in password):
        pool += DIGIT_POOL
    if any(not (c.islower() or c.isupper() or c.isdecimal()) for c in password):
        pool += OTHER_POOL
    if pool <= 1:
        return 0.0
    counted = sum(min(n, MAX_COUNTED_REPEATS) for n in Counter(password).values())
    return counted * math.log2(pool)


def as_strong_as_one_time(text: str) -> bool:
    """Whether a typed password is at least as strong as a generated one-time password."""
    return estimated_entropy_bits(text) >= PASSWORD_ENTROPY_BITS


def counted_length_needed(pool: int) -> int:
    """How many counted characters from a pool of this size reach the one-time strength."""
    return math.ceil(PASSWORD_ENTROPY_BITS / math.log2(pool))
