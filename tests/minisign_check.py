"""minisign's verification written out from its file format, for where the stock tool is not.

Windows has no ``minisign`` here; this second, independent reading of a ``.minisig`` (not the
app's ``domain/minisign.py``) stands in for ``minisign -V``: the signature over the file (or,
for the ``ED`` algorithm, over its BLAKE2b-512), then the global signature over the signature
and the trusted comment, both with the public key whose key id the signature names.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def minisign_verifies(file: Path, public_key_file: Path) -> bool:
    public = base64.b64decode(public_key_file.read_text("utf-8").splitlines()[1])
    lines = file.with_name(file.name + ".minisig").read_text("utf-8").splitlines()
    signature = base64.b64decode(lines[1])
    trusted = lines[2].removeprefix("trusted comment: ").encode("utf-8")
    global_signature = base64.b64decode(lines[3])
    algorithm, key_id, detached = signature[:2], signature[2:10], signature[10:]
    if public[:2] != b"Ed" or public[2:10] != key_id or algorithm not in (b"Ed", b"ED"):
        return False
    key = Ed25519PublicKey.from_public_bytes(public[10:])
    data = file.read_bytes()
    message = hashlib.blake2b(data).digest() if algorithm == b"ED" else data
    try:
        key.verify(detached, message)
        key.verify(global_signature, detached + trusted)
    except InvalidSignature:
        return False
    return True
