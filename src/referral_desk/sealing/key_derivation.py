"""7-Zip's AES key derivation at hashlib speed; the only module that touches py7zr internals.

7-Zip hashes ``salt + password + counter`` (counter: 8 bytes, little-endian) for
2**cycles counters, 2**19 by default, with one running SHA-256. py7zr 1.1 builds those
records in a Python loop, once for the data and once more for the encrypted header:
about ten times slower than stock 7-Zip. Here one block of records is laid out once
and only the counter bytes are rewritten with strided slice assignments, so hashlib
sees 128 updates of about 230 KB each. Keys are bit-identical to py7zr's (see the tests).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

import py7zr.compressor
import py7zr.helpers

KeyFunction = Callable[[bytes, int, bytes, str], bytes]

_ORIGINAL: Final[KeyFunction] = py7zr.helpers.calculate_key
_NO_HASHING: Final = 0x3F
# Records per hashed block: a block (about 230 KB for our passwords) stays in the CPU
# cache, and because 2**12 divides 2**16 only counter bytes 0 and 1 vary inside one.
_BLOCK_RECORDS: Final = 1 << 12
# Counter byte 0 of the records in a block, and byte 1 of the counters 0 .. 2**16 - 1.
_COUNTER_BYTE_0: Final = bytes(range(256)) * (_BLOCK_RECORDS // 256)
_COUNTER_BYTE_1: Final = b"".join(bytes([value]) * 256 for value in range(256))


def derive_7z_aes_key(password: bytes, cycles: int, salt: bytes) -> bytes:
    """``password`` is UTF-16-LE, as 7-Zip encodes it; same contract as py7zr's."""
    if not 0 <= cycles <= _NO_HASHING:
        raise ValueError(f"cycles out of range: {cycles}")
    prefix = salt + password
    if cycles == _NO_HASHING:
        return (prefix + bytes(32))[:32]
    rounds = 1 << cycles
    size = min(rounds, _BLOCK_RECORDS)
    record, at = len(prefix) + 8, len(prefix)
    block = bytearray(prefix + bytes(8)) * size
    # Every block starts at a multiple of 256, so counter byte 0 is the same in all.
    block[at::record] = _COUNTER_BYTE_0[:size]
    sha = hashlib.sha256()
    high = bytes(6)
    for base in range(0, rounds, size):
        low = base & 0xFFFF
        block[at + 1 :: record] = _COUNTER_BYTE_1[low : low + size]
        new_high = (base >> 16).to_bytes(6, "little")
        for k in range(6):
            if new_high[k] != high[k]:
                block[at + 2 + k :: record] = new_high[k : k + 1] * size
        high = new_high
        sha.update(block)
    return sha.digest()


_MEMO: ContextVar[dict[tuple[bytes, int, bytes], bytes] | None] = ContextVar("_MEMO", default=None)
_STOCK: ContextVar[bool] = ContextVar("_STOCK", default=False)


@contextmanager
def keys_reused_within_one_archive() -> Iterator[None]:
    """py7zr derives the same key for the data and again for the header; 7-Zip caches it.

    The memo lives for one archive only, so no key outlives the archive it sealed.
    """
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


@contextmanager
def stock_key_derivation() -> Iterator[None]:
    """py7zr's own derivation, without memo: for the benchmark's baseline, and for tests
    proving our archives open with an independent implementation."""
    token = _STOCK.set(True)
    try:
        yield
    finally:
        _STOCK.reset(token)


def _py7zr_compatible(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    if digest != "sha256" or _STOCK.get():
        return _ORIGINAL(password, cycles, salt, digest)
    memo = _MEMO.get()
    if memo is None:
        return derive_7z_aes_key(password, cycles, salt)
    key = memo.get((password, cycles, salt))
    if key is None:
        key = memo[(password, cycles, salt)] = derive_7z_aes_key(password, cycles, salt)
    return key


def install_fast_key_derivation() -> None:
    """Idempotent. py7zr's compressor imported ``calculate_key`` by name, and it is the
    only caller, so that is the one name to replace."""
    py7zr.compressor.calculate_key = _py7zr_compatible  # type: ignore[attr-defined]
