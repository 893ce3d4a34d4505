"""Signing a registry's bytes: one routine for ``registry sign`` and the registry editor.

Both write the same ``.minisig`` text, so a file signed in the window and one signed on the
command line look alike to ``minisign -V`` and to the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from referral_desk.registry.minisign import SecretKey, read_secret_key, sign


@dataclass(frozen=True)
class RegistrySignature:
    key_id_text: str
    text: str  # the whole .minisig file


def sign_registry(data: bytes, file_name: str, key: SecretKey, *, now: float) -> RegistrySignature:
    """The ``.minisig`` for exactly *data*; the trusted comment names the file and the time
    as ``minisign -S`` does, so an auditor sees which file was signed and when."""
    comment = f"timestamp:{int(now)}\tfile:{file_name}\thashed"
    signature = sign(data, key, comment)
    untrusted = f"signature from minisign secret key {signature.key_id_text}"
    return RegistrySignature(signature.key_id_text, signature.to_text(untrusted))


def unlock_and_sign(
    data: bytes, file_name: str, key_text: str, password: str | None, *, now: float
) -> RegistrySignature:
    """Decrypts the key (scrypt, about a second) and signs: the slow part, for a worker
    thread. Raises WrongPassword or MinisignError."""
    return sign_registry(data, file_name, read_secret_key(key_text, password), now=now)
