"""What changed between two registry versions, in the terms a coordinator checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.partners import Partner
from referral_desk.domain.protocol_terms import TERM_KEYS
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
_PROTOCOL = (
    "reference",
    "local_teams",
    "in_force_from",
    "ended_on",
    "dpo_advice_on",
    "withdrawal_clause",
    "retention_years",
    "consent_valid_days",
    "acknowledgement_working_days",
    *TERM_KEYS,
)


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


NO_DIFFERENCES = MessageTemplate(
    "registry.diff.none", "Geen verschillen in partners, mailboxen, postcodes of data."
)
PARTNER_ADDED = MessageTemplate(
    "registry.diff.added", "+ partner toegevoegd: {id} ({name}) → {mailbox}"
)
PARTNER_REMOVED = MessageTemplate("registry.diff.removed", "- partner verwijderd: {id} ({name})")
MAILBOX_CHANGED = MessageTemplate(
    "registry.diff.mailbox", "! MAILBOX GEWIJZIGD bij {name} ({id}): {old} → {new}"
)
POSTCODE_MOVED = MessageTemplate(
    "registry.diff.postcode_moved", "~ postcode {postcode} verhuisd: {source} → {target}"
)
VALUE_CHANGED = MessageTemplate("registry.diff.value", "~ {id}.{field}: {old} → {new}")


@dataclass(frozen=True)
class ChangeLine:
    """One line of a change summary; *emphasised* marks a change to where data goes (a
    mailbox), which the command line and the window each stress their own way."""

    said: Message
    emphasised: bool = False


def change_lines(diff: RegistryDiff) -> tuple[ChangeLine, ...]:
    """The summary a coordinator checks, one line per change; the ``!`` and capitals mark a
    mailbox change even where nothing is stressed."""
    if diff.is_empty:
        return (ChangeLine(NO_DIFFERENCES()),)
    lines: list[ChangeLine] = []
    for partner in diff.added:
        lines.append(
            ChangeLine(PARTNER_ADDED(id=partner.id, name=partner.name, mailbox=partner.mailbox))
        )
    for partner in diff.removed:
        lines.append(ChangeLine(PARTNER_REMOVED(id=partner.id, name=partner.name)))
    for change in diff.mailbox_changes:
        said = MAILBOX_CHANGED(
            name=change.name, id=change.partner_id, old=change.old, new=change.new
        )
        lines.append(ChangeLine(said, emphasised=True))
    for postcode, source, target in diff.postcodes_moved:
        lines.append(ChangeLine(POSTCODE_MOVED(postcode=postcode, source=source, target=target)))
    for pid, name, old, new in diff.other_changes:
        lines.append(ChangeLine(VALUE_CHANGED(id=pid, field=name, old=old, new=new)))
    return tuple(lines)


def render_changes(lines: Sequence[ChangeLine], *, bold: tuple[str, str] = ("", "")) -> str:
    """The summary in Dutch for a terminal; ``bold`` (ANSI codes) wraps emphasised lines."""
    on, off = bold
    return "\n".join(
        f"{on}{line.said.dutch}{off}" if line.emphasised else line.said.dutch for line in lines
    )


def render_diff(diff: RegistryDiff, *, bold: tuple[str, str] = ("", "")) -> str:
    """:func:`change_lines` in Dutch, as ``registry diff`` prints them."""
    return render_changes(change_lines(diff), bold=bold)
