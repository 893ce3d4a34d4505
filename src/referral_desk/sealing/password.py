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
