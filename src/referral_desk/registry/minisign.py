"""minisign's file formats (public keys, secret keys, signatures): reading, signing, verifying.

So that IT and auditors check a partner registry with the standard ``minisign`` tool, the app
reads and writes exactly what ``minisign -G``/``-S``/``-V`` do (format of minisign 0.11, see
https://jedisct1.github.io/minisign/). The cryptography is ``cryptography``'s Ed25519 and
scrypt and hashlib's BLAKE2b; this module only lays the bytes out. Signing uses the
prehashed ``ED`` algorithm (minisign's default since 0.10); verifying accepts ``ED`` and the
legacy ``Ed``. The real binary is the judge in tests/registry/test_minisign.py.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from referral_desk.domain.errors import Message, MessageTemplate, UserFacingError

_ED25519 = b"Ed"
_PREHASHED = b"ED"
_SCRYPT = b"Sc"
_NO_KDF = b"\x00\x00"
_BLAKE2B = b"B2"
_KEY_ID_LEN = 8
_UNTRUSTED = "untrusted comment: "
_TRUSTED = "trusted comment: "
# libsodium's crypto_pwhash_scryptsalsa208sha256 limits, as minisign checks them.
_OPSLIMIT_MAX = (1 << 64) - 1
_MEMLIMIT_MAX = 1 << 32
_TIMESTAMP = re.compile(r"(?:^|\t)timestamp:(\d{1,12})(?:\t|$)")


PUBLIC_KEY = MessageTemplate("minisign.what.public_key", "publieke sleutel")
SECRET_KEY = MessageTemplate("minisign.what.secret_key", "geheime sleutel")
SIGNATURE = MessageTemplate("minisign.what.signature", "handtekening")
EMPTY = MessageTemplate("minisign.empty", "{what}: het bestand is leeg.")
BAD_BASE64 = MessageTemplate(
    "minisign.bad_base64", "{what}: geen minisign-bestand (onleesbare base64-regel)."
)
NOT_ED25519 = MessageTemplate("minisign.not_ed25519", "{what}: geen Ed25519-sleutel van minisign.")
BAD_SCRYPT = MessageTemplate("minisign.bad_scrypt", "geheime sleutel: ongeldige scrypt-parameters.")
DAMAGED = MessageTemplate(
    "minisign.damaged", "geheime sleutel: beschadigd (de twee helften horen niet samen)."
)
NOT_A_SIGNATURE = MessageTemplate(
    "minisign.not_a_signature", "{what}: geen minisign-handtekening (vier regels verwacht)."
)
UNKNOWN_ALGORITHM = MessageTemplate("minisign.unknown_algorithm", "{what}: onbekend algoritme.")
COMMENT_LINES = MessageTemplate(
    "minisign.comment_lines", "De vertrouwde opmerking past niet op één regel."
)
OTHER_KEY = MessageTemplate(
    "minisign.other_key", "ondertekend met sleutel {signed_by}, niet met {key}."
)
CHANGED_AFTER_SIGNING = MessageTemplate(
    "minisign.changed_after_signing",
    "de handtekening van sleutel {key} klopt niet: het bestand is gewijzigd na het ondertekenen.",
)
COMMENT_CHANGED = MessageTemplate(
    "minisign.comment_changed",
    "de vertrouwde opmerking van de handtekening van {key} is gewijzigd.",
)
WRONG_PASSWORD = MessageTemplate(
    "minisign.wrong_password", "Verkeerd wachtwoord voor de geheime sleutel."
)


class MinisignError(UserFacingError):
    """A key or signature file that is not minisign's, or a check that failed."""


class WrongPassword(MinisignError):
    def __init__(self) -> None:
        super().__init__(WRONG_PASSWORD())


def format_key_id(key_id: bytes) -> str:
    """The id as minisign prints it (``minisign public key 5D4B7554609B0F97``): the eight
    bytes as a little-endian number in hex, without leading zeros."""
    return f"{int.from_bytes(key_id, 'little'):X}"


def _lines(text: str, what: str | Message) -> list[str]:
    lines = [line.rstrip("\r") for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        raise MinisignError(EMPTY(what=what))
    return lines


def _decode(line: str, length: int, what: str | Message) -> bytes:
    try:
        raw = base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != length:
        raise MinisignError(BAD_BASE64(what=what))
    return raw


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    key: bytes  # the 32 raw Ed25519 bytes

    @property
    def key_id_text(self) -> str:
        return format_key_id(self.key_id)

    @classmethod
    def parse(cls, text: str, *, what: str | Message | None = None) -> PublicKey:
        """A ``.pub`` file (comment line and base64) or the bare base64 line; *what* names
        it in a problem (its file, or else "publieke sleutel")."""
        if what is None:
            what = PUBLIC_KEY()
        lines = _lines(text, what)
        line = lines[1] if lines[0].startswith(_UNTRUSTED) and len(lines) > 1 else lines[0]
        raw = _decode(line, 2 + _KEY_ID_LEN + 32, what)
        if raw[:2] != _ED25519:
            raise MinisignError(NOT_ED25519(what=what))
        return cls(raw[2:10], raw[10:])

    def to_text(self) -> str:
        line = base64.b64encode(_ED25519 + self.key_id + self.key).decode("ascii")
        return f"{_UNTRUSTED}minisign public key {self.key_id_text}\n{line}\n"


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    seed: bytes  # the 32-byte Ed25519 seed; never written anywhere by this app

    @property
    def public_key(self) -> PublicKey:
        raw = (
            Ed25519PrivateKey.from_private_bytes(self.seed)
            .public_key()
            .public_bytes(Encoding.Raw, PublicFormat.Raw)
        )
        return PublicKey(self.key_id, raw)


_SECRET_LEN = 2 + 2 + 2 + 32 + 8 + 8 + _KEY_ID_LEN + 64 + 32


def secret_key_is_encrypted(text: str) -> bool:
    """Whether reading the key needs a password (``minisign -G`` without ``-W``)."""
    return _secret_key_bytes(text)[2:4] == _SCRYPT


def _secret_key_bytes(text: str) -> bytes:
    what = SECRET_KEY()
    lines = _lines(text, what)
    line = lines[1] if lines[0].startswith(_UNTRUSTED) and len(lines) > 1 else lines[0]
    raw = _decode(line, _SECRET_LEN, what)
    if raw[:2] != _ED25519 or raw[2:4] not in (_SCRYPT, _NO_KDF) or raw[4:6] != _BLAKE2B:
        raise MinisignError(NOT_ED25519(what=what))
    return raw


def _scrypt_params(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """libsodium's pickparams: scrypt's N, r and p from minisign's stored limits."""
    if not (0 <= opslimit <= _OPSLIMIT_MAX and 0 <= memlimit <= _MEMLIMIT_MAX):
        raise MinisignError(BAD_SCRYPT())
    opslimit = max(opslimit, 32768)
    r = 8
    few_operations = opslimit < memlimit // 32
    max_n = opslimit // (r * 4) if few_operations else memlimit // (r * 128)
    n_log2 = 1
    while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
        n_log2 += 1
    p = 1 if few_operations else min(0x3FFFFFFF, (opslimit // 4) // (1 << n_log2)) // r
    if n_log2 > 20 or p < 1:
        raise MinisignError(BAD_SCRYPT())
    return 1 << n_log2, r, p


def read_secret_key(text: str, password: str | None) -> SecretKey:
    """Raises WrongPassword when the checksum (or, unencrypted, the key pair) does not match."""
    raw = _secret_key_bytes(text)
    salt = raw[6:38]
    opslimit = int.from_bytes(raw[38:46], "little")
    memlimit = int.from_bytes(raw[46:54], "little")
    keynum = raw[54:]
    if raw[2:4] == _SCRYPT:
        if password is None:
            raise WrongPassword()
        n, r, p = _scrypt_params(opslimit, memlimit)
        stream = Scrypt(salt=salt, length=len(keynum), n=n, r=r, p=p).derive(
            password.encode("utf-8")
        )
        keynum = bytes(a ^ b for a, b in zip(keynum, stream, strict=True))
    key_id, secret, checksum = keynum[:8], keynum[8:72], keynum[72:]
    expected = hashlib.blake2b(_ED25519 + key_id + secret, digest_size=32).digest()
    if raw[2:4] == _SCRYPT and not hmac.compare_digest(checksum, expected):
        raise WrongPassword()
    key = SecretKey(key_id, secret[:32])
    if key.public_key.key != secret[32:]:
        raise MinisignError(DAMAGED())
    return key


@dataclass(frozen=True)
class Signature:
    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes

    @property
    def key_id_text(self) -> str:
        return format_key_id(self.key_id)

    @property
    def timestamp(self) -> int | None:
        """The ``timestamp:`` that minisign puts in the trusted comment, if any."""
        found = _TIMESTAMP.search(self.trusted_comment)
        return int(found.group(1)) if found else None

    @classmethod
    def parse(cls, text: str) -> Signature:
        what = SIGNATURE()
        lines = _lines(text, what)
        if (
            len(lines) != 4
            or not lines[0].startswith(_UNTRUSTED)
            or not lines[2].startswith(_TRUSTED)
        ):
            raise MinisignError(NOT_A_SIGNATURE(what=what))
        raw = _decode(lines[1], 2 + _KEY_ID_LEN + 64, what)
        if raw[:2] not in (_ED25519, _PREHASHED):
            raise MinisignError(UNKNOWN_ALGORITHM(what=what))
        return cls(
            raw[:2],
            raw[2:10],
            raw[10:],
            lines[2][len(_TRUSTED) :],
            _decode(lines[3], 64, what),
        )

    def to_text(self, untrusted_comment: str) -> str:
        first = base64.b64encode(self.algorithm + self.key_id + self.signature).decode("ascii")
        second = base64.b64encode(self.global_signature).decode("ascii")
        return (
            f"{_UNTRUSTED}{untrusted_comment}\n{first}\n"
            f"{_TRUSTED}{self.trusted_comment}\n{second}\n"
        )


def _valid(key: PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(key.key).verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _prehash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=64).digest()


def sign(data: bytes, key: SecretKey, trusted_comment: str) -> Signature:
    """A prehashed (``ED``) signature, as ``minisign -S`` makes since 0.10."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise MinisignError(COMMENT_LINES())
    private = Ed25519PrivateKey.from_private_bytes(key.seed)
    signature = private.sign(_prehash(data))
    global_signature = private.sign(signature + trusted_comment.encode("utf-8"))
    return Signature(_PREHASHED, key.key_id, signature, trusted_comment, global_signature)


def verify(data: bytes, signature: Signature, key: PublicKey) -> None:
    """Raises MinisignError unless *key* made *signature* over *data* and its comment."""
    if not hmac.compare_digest(signature.key_id, key.key_id):
        raise MinisignError(OTHER_KEY(signed_by=signature.key_id_text, key=key.key_id_text))
    message = _prehash(data) if signature.algorithm == _PREHASHED else data
    if not _valid(key, signature.signature, message):
        raise MinisignError(CHANGED_AFTER_SIGNING(key=key.key_id_text))
    comment = signature.trusted_comment.encode("utf-8")
    if not _valid(key, signature.global_signature, signature.signature + comment):
        raise MinisignError(COMMENT_CHANGED(key=key.key_id_text))
