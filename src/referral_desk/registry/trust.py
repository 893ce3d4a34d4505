"""Whether a registry is trusted: the minisign keys IT configured and a registry's signature.

The active registry (registry.active) and the source folder (registry.source_folder) both ask
it; neither asks the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referral_desk.registry.minisign import PublicKey

SIGNATURE_SUFFIX = ".minisig"
# A minisign signature is four short lines; anything much larger is no signature.
_MAX_SIGNATURE_BYTES = 64_000
_MAX_KEY_BYTES = 4_000


def signature_file(registry: Path) -> Path:
    return registry.with_name(registry.name + SIGNATURE_SUFFIX)


@dataclass(frozen=True)
class TrustedKeys:
    """Every ``*.pub`` found; a file that is there but no key is a problem, never skipped."""

    keys: tuple[PublicKey, ...]
    problems: tuple[str, ...]

    @property
    def configured(self) -> bool:
        return bool(self.keys or self.problems)


def _small_text(path: Path, limit: int) -> str:
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise ValueError("te groot")
    return raw.decode("utf-8")


def read_trusted_keys(folders: Sequence[Path]) -> TrustedKeys:
    """The minisign public keys in *folders*; cryptography loads only when there is one."""
    keys: list[PublicKey] = []
    problems: list[str] = []
    for folder in folders:
        try:
            files = sorted(entry for entry in folder.iterdir() if entry.name.endswith(".pub"))
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as error:
            problems.append(f"{folder}: kan niet gelezen worden ({error.strerror or error})")
            continue
        if files:
            from referral_desk.registry.minisign import MinisignError, PublicKey
        for file in files:
            try:
                keys.append(PublicKey.parse(_small_text(file, _MAX_KEY_BYTES), what=str(file)))
            except MinisignError as error:
                problems.append(error.message)
            except (OSError, ValueError) as error:
                problems.append(f"{file}: geen leesbare minisign-sleutel ({error})")
    return TrustedKeys(tuple(keys), tuple(problems))


@dataclass(frozen=True)
class SignatureStatus:
    """What the self-test says about a registry's signature."""

    signed: bool
    key_id: str | None = None
    signed_at: datetime | None = None
    trusted: bool = False
    problem: str | None = None

    def describe(self) -> str:
        if not self.signed:
            return "niet ondertekend" + (f" ({self.problem})" if self.problem else "")
        when = f" op {self.signed_at:%Y-%m-%d %H:%M} UTC" if self.signed_at else ""
        if self.trusted:
            return f"ondertekend door vertrouwde sleutel {self.key_id}{when}"
        reason = f": {self.problem}" if self.problem else ""
        return f"ondertekend door sleutel {self.key_id}{when}, niet geldig{reason}"


def check_signature(path: Path, data: bytes, trusted: TrustedKeys) -> SignatureStatus:
    """Whether *data* (the registry at *path*) carries a valid signature by a trusted key."""
    from referral_desk.registry.minisign import MinisignError, Signature, verify

    sig_path = signature_file(path)
    try:
        text = _small_text(sig_path, _MAX_SIGNATURE_BYTES)
    except FileNotFoundError:
        return SignatureStatus(signed=False, problem=f"geen {sig_path.name} naast het bestand")
    except (OSError, ValueError) as error:
        return SignatureStatus(signed=False, problem=f"{sig_path} onleesbaar ({error})")
    try:
        signature = Signature.parse(text)
    except MinisignError as error:
        return SignatureStatus(signed=False, problem=f"{sig_path}: {error.message}")
    stamp = signature.timestamp
    signed_at = datetime.fromtimestamp(stamp, UTC) if stamp is not None else None
    found = SignatureStatus(signed=True, key_id=signature.key_id_text, signed_at=signed_at)
    key = next((key for key in trusted.keys if key.key_id == signature.key_id), None)
    if key is None:
        known = ", ".join(key.key_id_text for key in trusted.keys) or "geen"
        return replace(found, problem=f"deze sleutel is niet vertrouwd (vertrouwd: {known})")
    try:
        verify(data, signature, key)
    except MinisignError as error:
        return replace(found, problem=error.message)
    return replace(found, trusted=True)
