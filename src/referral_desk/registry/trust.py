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

from referral_desk.domain.errors import Message, MessageTemplate

if TYPE_CHECKING:
    from referral_desk.registry.minisign import PublicKey

SIGNATURE_SUFFIX = ".minisig"
# A minisign signature is four short lines; anything much larger is no signature.
_MAX_SIGNATURE_BYTES = 64_000
_MAX_KEY_BYTES = 4_000


NOT_SIGNED = MessageTemplate("signature.not_signed", "niet ondertekend")
NOT_SIGNED_BECAUSE = MessageTemplate("signature.not_signed_because", "niet ondertekend ({problem})")
SIGNED_TRUSTED = MessageTemplate("signature.trusted", "ondertekend door vertrouwde sleutel {key}")
SIGNED_TRUSTED_AT = MessageTemplate(
    "signature.trusted_at", "ondertekend door vertrouwde sleutel {key} op {when} UTC"
)
SIGNED_INVALID = MessageTemplate("signature.invalid", "ondertekend door sleutel {key}, niet geldig")
SIGNED_INVALID_AT = MessageTemplate(
    "signature.invalid_at", "ondertekend door sleutel {key} op {when} UTC, niet geldig"
)
SIGNED_INVALID_BECAUSE = MessageTemplate(
    "signature.invalid_because", "ondertekend door sleutel {key}, niet geldig: {problem}"
)
SIGNED_INVALID_AT_BECAUSE = MessageTemplate(
    "signature.invalid_at_because",
    "ondertekend door sleutel {key} op {when} UTC, niet geldig: {problem}",
)
NO_SIGNATURE_FILE = MessageTemplate("signature.no_file", "geen {file} naast het bestand")
SIGNATURE_UNREADABLE = MessageTemplate("signature.unreadable", "{file} onleesbaar ({error})")
SIGNATURE_PROBLEM = MessageTemplate("signature.file_problem", "{file}: {problem}")
KEY_NOT_TRUSTED = MessageTemplate(
    "signature.key_not_trusted", "deze sleutel is niet vertrouwd (vertrouwd: {trusted})"
)
NO_KEYS = MessageTemplate("signature.no_keys", "geen")
KEY_FOLDER_UNREADABLE = MessageTemplate(
    "trusted_keys.folder_unreadable", "{folder}: kan niet gelezen worden ({error})"
)
KEY_UNREADABLE = MessageTemplate(
    "trusted_keys.unreadable", "{file}: geen leesbare minisign-sleutel ({error})"
)


def signature_file(registry: Path) -> Path:
    return registry.with_name(registry.name + SIGNATURE_SUFFIX)


@dataclass(frozen=True)
class TrustedKeys:
    """Every ``*.pub`` found; a file that is there but no key is a problem, never skipped."""

    keys: tuple[PublicKey, ...]
    problems: tuple[Message, ...]

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
    problems: list[Message] = []
    for folder in folders:
        try:
            files = sorted(entry for entry in folder.iterdir() if entry.name.endswith(".pub"))
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as error:
            problems.append(
                KEY_FOLDER_UNREADABLE(folder=str(folder), error=str(error.strerror or error))
            )
            continue
        if files:
            from referral_desk.registry.minisign import MinisignError, PublicKey
        for file in files:
            try:
                keys.append(PublicKey.parse(_small_text(file, _MAX_KEY_BYTES), what=str(file)))
            except MinisignError as error:
                problems.append(error.said)
            except (OSError, ValueError) as error:
                problems.append(KEY_UNREADABLE(file=str(file), error=str(error)))
    return TrustedKeys(tuple(keys), tuple(problems))


@dataclass(frozen=True)
class SignatureStatus:
    """What the self-test says about a registry's signature."""

    signed: bool
    key_id: str | None = None
    signed_at: datetime | None = None
    trusted: bool = False
    problem: str | Message | None = None

    @property
    def said(self) -> Message:
        problem = self.problem
        if not self.signed:
            return NOT_SIGNED_BECAUSE(problem=problem) if problem else NOT_SIGNED()
        key = str(self.key_id)
        if self.signed_at is None:
            if self.trusted:
                return SIGNED_TRUSTED(key=key)
            if problem:
                return SIGNED_INVALID_BECAUSE(key=key, problem=problem)
            return SIGNED_INVALID(key=key)
        when = f"{self.signed_at:%Y-%m-%d %H:%M}"
        if self.trusted:
            return SIGNED_TRUSTED_AT(key=key, when=when)
        if problem:
            return SIGNED_INVALID_AT_BECAUSE(key=key, when=when, problem=problem)
        return SIGNED_INVALID_AT(key=key, when=when)

    def describe(self) -> str:
        """:attr:`said` in Dutch, as the self-test and ``registry verify`` print it."""
        return self.said.dutch


def check_signature(path: Path, data: bytes, trusted: TrustedKeys) -> SignatureStatus:
    """Whether *data* (the registry at *path*) carries a valid signature by a trusted key."""
    from referral_desk.registry.minisign import MinisignError, Signature, verify

    sig_path = signature_file(path)
    try:
        text = _small_text(sig_path, _MAX_SIGNATURE_BYTES)
    except FileNotFoundError:
        return SignatureStatus(signed=False, problem=NO_SIGNATURE_FILE(file=sig_path.name))
    except (OSError, ValueError) as error:
        return SignatureStatus(
            signed=False, problem=SIGNATURE_UNREADABLE(file=str(sig_path), error=str(error))
        )
    try:
        signature = Signature.parse(text)
    except MinisignError as error:
        return SignatureStatus(
            signed=False, problem=SIGNATURE_PROBLEM(file=str(sig_path), problem=error.said)
        )
    stamp = signature.timestamp
    signed_at = datetime.fromtimestamp(stamp, UTC) if stamp is not None else None
    found = SignatureStatus(signed=True, key_id=signature.key_id_text, signed_at=signed_at)
    key = next((key for key in trusted.keys if key.key_id == signature.key_id), None)
    if key is None:
        known = ", ".join(key.key_id_text for key in trusted.keys)
        return replace(found, problem=KEY_NOT_TRUSTED(trusted=known or NO_KEYS()))
    try:
        verify(data, signature, key)
    except MinisignError as error:
        return replace(found, problem=error.said)
    return replace(found, trusted=True)
