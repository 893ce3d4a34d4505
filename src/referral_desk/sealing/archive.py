"""The referral archive: 7z, LZMA2, AES-256, encrypted headers, built in memory only.

py7zr's ``writestr`` wraps the bytes in a BytesIO and never spools to a temporary file,
so the plaintext PDF and JSON stay in this process. py7zr (and with it the key derivation,
which patches it) is imported at the first archive, not when the app starts.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Final

from referral_desk.sealing.password import normalize_password

_MIN_DICT: Final = 1 << 16
_MAX_DICT: Final = 1 << 24
# LZMA2's setup cost grows with preset and dictionary; a referral is tens of kilobytes,
# mostly an already-deflated PDF, so more effort buys nothing (measured in benchmarks/).
_PRESET: Final = 3
# py7zr's in-memory writer silently stops storing past its limit.
_READ_LIMIT: Final = 64 << 20


class ArchivePasswordError(Exception):
    """Wrong password, or not an archive of ours."""


def _dictionary_size(payload: int) -> int:
    """The smallest power of two that holds the payload, within LZMA2's useful range."""
    size = _MIN_DICT
    while size < payload and size < _MAX_DICT:
        size <<= 1
    return size


def _check_name(name: str) -> None:
    """Caller-chosen names only: anything else may not extract the same on Windows."""
    if (
        not name
        or not name.isascii()
        or not name.isprintable()
        or "/" in name
        or "\\" in name
        or name in (".", "..")
    ):
        raise ValueError(f"archive member names must be plain ASCII file names: {name!r}")


def build_encrypted_archive(files: Mapping[str, bytes], password: str) -> bytes:
    """Only the returned ciphertext may ever be written to disk."""
    password = normalize_password(password)
    if not password:
        raise ValueError("an empty password would leave the archive open")
    for name in files:
        _check_name(name)
    import py7zr

    from referral_desk.sealing.key_derivation import (
        install_fast_key_derivation,
        keys_reused_within_one_archive,
    )

    install_fast_key_derivation()
    payload = sum(len(data) for data in files.values())
    filters = [
        {"id": py7zr.FILTER_LZMA2, "dict_size": _dictionary_size(payload), "preset": _PRESET},
        {"id": py7zr.FILTER_CRYPTO_AES256_SHA256},
    ]
    buffer = io.BytesIO()
    with (
        keys_reused_within_one_archive(),
        py7zr.SevenZipFile(
            buffer, "w", password=password, header_encryption=True, filters=filters
        ) as archive,
    ):
        for name, data in files.items():
            archive.writestr(data, name)
    return buffer.getvalue()


def read_encrypted_archive(data: bytes, password: str) -> dict[str, bytes]:
    """In memory, for the self-test and the tests; stock 7-Zip is the real judge."""
    import py7zr
    import py7zr.io

    from referral_desk.sealing.key_derivation import (
        install_fast_key_derivation,
        keys_reused_within_one_archive,
    )

    install_fast_key_derivation()
    factory = py7zr.io.BytesIOFactory(limit=_READ_LIMIT)
    try:
        with (
            keys_reused_within_one_archive(),
            py7zr.SevenZipFile(
                io.BytesIO(data), "r", password=normalize_password(password)
            ) as archive,
        ):
            archive.extractall(factory=factory)
    except Exception as error:
        # A wrong key decrypts the header to noise, and py7zr reports whatever its
        # parser trips over first (TypeError, LZMAError, CrcError ...).
        raise ArchivePasswordError("wrong password or damaged archive") from error
    contents: dict[str, bytes] = {}
    for name, product in factory.products.items():
        if product.size() >= _READ_LIMIT:
            raise ValueError(f"{name} is larger than an archive of ours can be")
        product.seek(0)
        contents[name] = product.read()
    return contents
