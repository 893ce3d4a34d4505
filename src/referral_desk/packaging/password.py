"""One-time passwords that survive being read out over the phone.

The alphabet leaves out characters that look or sound alike (0/O, 1/I/L, 2/Z, 5/S,
8/B, U/V, M/N): the OCMW types what it hears, and a mistake costs a second call.
"""

from __future__ import annotations

import math
import secrets
import unicodedata

PASSWORD_ALPHABET = "ACDEFGHJKPQRTWXY3469"
GROUPS = 5
GROUP_SIZE = 4
SEPARATOR = "-"


def password_entropy_bits(groups: int = GROUPS, group_size: int = GROUP_SIZE) -> float:
    return groups * group_size * math.log2(len(PASSWORD_ALPHABET))


PASSWORD_ENTROPY_BITS = password_entropy_bits()
assert PASSWORD_ENTROPY_BITS >= 80, "the protocols' AES-256 deserves at least 80 bits"


def generate_password(groups: int = GROUPS, group_size: int = GROUP_SIZE) -> str:
    """e.g. ``K7QX-HR3C-...``; the separators are part of what 7-Zip expects."""
    return SEPARATOR.join(
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(group_size)) for _ in range(groups)
    )


def normalize_password(text: str) -> str:
    """NFC and trimmed, so a password typed on another system derives the same key."""
    return unicodedata.normalize("NFC", text).strip()
