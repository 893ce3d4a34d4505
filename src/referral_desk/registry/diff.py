"""What changed between two registry versions, in the terms a coordinator checks."""

from __future__ import annotations

from dataclasses import dataclass, field

from referral_desk.domain.partners import Partner
from referral_desk.domain.registry_document import RegistryDocument


@dataclass(frozen=True)
class MailboxChange:
    partner_id: str
    name: str
    old: str
    new: str


@dataclass(frozen=True)
class RegistryDiff:
    added: tuple[Partner, ...] = ()
    removed: tuple[Partner, ...] = ()
    mailbox_changes: tuple[MailboxChange, ...] = ()
    postcodes_moved: tuple[tuple[str, str, str], ...] = ()
    other_changes: tuple[tuple[str, str, str, str], ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.mailbox_changes
            or self.postcodes_moved
            or self.other_changes
        )


_COMPARED = (
    "name",
    "kind",
    "region",
    "password_phone",
    "breach_contact",
    "password_mode",
    "municipalities",
    "postcodes",
)
_PROTOCOL = ("reference", "local_teams", "in_force_from", "ended_on", "dpo_advice_on")


def _text(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return "—" if value is None else str(value)


def diff_registries(old: RegistryDocument, new: RegistryDocument) -> RegistryDiff:
    before = {p.id: p for p in old.partners}
    after = {p.id: p for p in new.partners}
    mailbox: list[MailboxChange] = []
    other: list[tuple[str, str, str, str]] = []
    for pid in sorted(before.keys() & after.keys()):
        a, b = before[pid], after[pid]
        if a.mailbox != b.mailbox:
            mailbox.append(MailboxChange(pid, b.name, a.mailbox, b.mailbox))
        for name in _COMPARED:
            if getattr(a, name) != getattr(b, name):
                other.append((pid, name, _text(getattr(a, name)), _text(getattr(b, name))))
        for name in _PROTOCOL:
            if getattr(a.protocol, name) != getattr(b.protocol, name):
                other.append(
                    (
                        pid,
                        f"protocol.{name}",
                        _text(getattr(a.protocol, name)),
                        _text(getattr(b.protocol, name)),
                    )
                )
    owner_before = {pc: p.id for p in old.partners for pc in p.postcodes}
    owner_after = {pc: p.id for p in new.partners for pc in p.postcodes}
    moved = tuple(
        (pc, owner_before[pc], owner_after[pc])
        for pc in sorted(owner_before.keys() & owner_after.keys())
        if owner_before[pc] != owner_after[pc]
    )
    return RegistryDiff(
        added=tuple(after[pid] for pid in sorted(after.keys() - before.keys())),
        removed=tuple(before[pid] for pid in sorted(before.keys() - after.keys())),
        mailbox_changes=tuple(mailbox),
        postcodes_moved=moved,
        other_changes=tuple(other),
    )


def render_diff(diff: RegistryDiff, *, bold: tuple[str, str] = ("", "")) -> str:
    """Plain text; ``bold`` wraps mailbox changes (ANSI on a terminal, ``<b>`` in the
    editor's rich-text summary). The ``!`` and capitals mark them without it."""
    on, off = bold
    if diff.is_empty:
        return "Geen verschillen in partners, mailboxen, postcodes of data."
    lines: list[str] = []
    for partner in diff.added:
        lines.append(f"+ partner toegevoegd: {partner.id} ({partner.name}) → {partner.mailbox}")
    for partner in diff.removed:
        lines.append(f"- partner verwijderd: {partner.id} ({partner.name})")
    for change in diff.mailbox_changes:
        lines.append(
            f"{on}! MAILBOX GEWIJZIGD bij {change.name} ({change.partner_id}): "
            f"{change.old} → {change.new}{off}"
        )
    for postcode, source, target in diff.postcodes_moved:
        lines.append(f"~ postcode {postcode} verhuisd: {source} → {target}")
    for pid, name, old, new in diff.other_changes:
        lines.append(f"~ {pid}.{name}: {old} → {new}")
    return "\n".join(lines)
