"""7-Zip's AES key derivation, done in C-speed blocks instead of a Python loop.

7-Zip hashes ``salt + password + counter`` for 2**cycles counters (2**19 by default)
with SHA-256. py7zr 1.1 runs that loop in Python, twice per archive. Here the
records are laid out in one reusable buffer and only the counter bytes are patched
with strided slice assignments, so hashlib sees a few large updates. The result is
bit-identical (tested against py7zr's own functions); this is the only module that
touches py7zr internals.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import py7zr.compressor
import py7zr.helpers

_BLOCK_ROUNDS = 1 << 12
_NO_HASHING = 0x3F

KeyFunction = Callable[[bytes, int, bytes, str], bytes]
_ORIGINAL: KeyFunction = py7zr.helpers.calculate_key


def derive_7z_aes_key(password: bytes, cycles: int, salt: bytes) -> bytes:
    """``password`` is UTF-16-LE, as 7-Zip encodes it."""
    if not 0 <= cycles <= _NO_HASHING:
        raise ValueError(f"cycles out of range: {cycles}")
    prefix = salt + password
    if cycles == _NO_HASHING:
        return (prefix + bytes(32))[:32]
    rounds = 1 << cycles
    per_block = min(rounds, _BLOCK_ROUNDS)
    record = len(prefix) + 8
    offset = len(prefix)
    # One block of records, small enough to stay in the CPU cache while it is hashed.
    block = bytearray(prefix + bytes(8)) * per_block
    block[offset::record] = bytes(i & 0xFF for i in range(per_block))
    in_block = [0] * 8
    second_bytes: dict[int, bytes] = {}
    sha = hashlib.sha256()
    for base in range(0, rounds, per_block):
        # base is a multiple of per_block (<= 2**12), so within a block only the two
        # low counter bytes vary and byte 1 never carries into byte 2.
        second = (base >> 8) & 0xFF
        if base == 0 or second != in_block[1]:
            pattern = second_bytes.get(second)
            if pattern is None:
                pattern = second_bytes[second] = b"".join(
                    bytes([(second + (i >> 8)) & 0xFF]) * min(256, per_block)
                    for i in range(0, per_block, 256)
                )
            block[offset + 1 :: record] = pattern
            in_block[1] = second
        for k in range(2, 8):
            value = (base >> (8 * k)) & 0xFF
            if value != in_block[k]:
                block[offset + k :: record] = bytes([value]) * per_block
                in_block[k] = value
        sha.update(block)
    return sha.digest()


_KEYS: ContextVar[dict[tuple[bytes, int, bytes], bytes] | None] = ContextVar("_KEYS", default=None)


@contextmanager
def keys_reused_within_one_archive() -> Iterator[None]:
    """py7zr derives the same key twice per archive (data, then header); 7-Zip once.

    The memo lives only for one archive, so no key outlives the archive it sealed.
    """
    token = _KEYS.set({})
    try:
        yield
    finally:
        _KEYS.reset(token)


def _py7zr_compatible(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    if digest != "sha256":
        return _ORIGINAL(password, cycles, salt, digest)
    memo = _KEYS.get()
    if memo is None:
        return derive_7z_aes_key(password, cycles, salt)
    key = memo.get((password, cycles, salt))
    if key is None:
        key = memo[(password, cycles, salt)] = derive_7z_aes_key(password, cycles, salt)
    return key


def install_fast_key_derivation() -> None:
    """Idempotent; py7zr's compressor imported ``calculate_key`` by name, so patch it there."""
    py7zr.compressor.calculate_key = _py7zr_compatible  # type: ignore[attr-defined]


def original_key_function() -> KeyFunction:
    return _ORIGINAL
