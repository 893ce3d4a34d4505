"""The partner registry open in the editor: what was typed, what is wrong, and saving it.

Every change goes straight into the open :class:`EditableRegistry`, so nothing typed is lost
when another partner is selected. What may be saved, what a new, renewed or ended partner
starts as, when a changed registry is dated, where *Opslaan als* proposes to write and which
partners a search finds are decided here; the window shows it and asks the coordinator.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from referral_desk.domain.errors import Message
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_document import RegistryDocument
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.lifecycle.registry_partner_entry import PartnerEntry
from referral_desk.lifecycle.registry_signing import Signature, Written, write_registry
from referral_desk.registry.diff import ChangeLine as ChangeLine
from referral_desk.registry.editing import EditableRegistry, RawPartner
from referral_desk.registry.file_reading import read_registry_text
from referral_desk.registry.form_input import HeaderInput, parse_day
from referral_desk.registry.rules import (
    NewVersionRefused as NewVersionRefused,
)
from referral_desk.registry.rules import (
    RegistryBase,
    check_new_version,
    describe_changes,
    header_problems,
)

# What the partner list shows of each partner, in this order.
COLUMNS = ("id", "name", "kind", "mailbox", "postcodes", "protocol.in_force_from", "ended")
# What a search looks in, besides the names of the partner's municipalities.
_SEARCHED = ("id", "name", "mailbox", "postcodes", "municipalities")


def same_file(first: Path, second: Path) -> bool:
    """Whether the two paths name one file, also through links; by their text when the
    folder cannot be resolved."""
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first.absolute() == second.absolute()


@dataclass(frozen=True)
class SaveReview:
    """A registry that may be written, with what changed for the coordinator to confirm."""

    text: str
    document: RegistryDocument
    changes: tuple[ChangeLine, ...]


class RegistryEditing:
    """One registry being edited. *active_path* is the registry the app uses: saving over
    it is allowed only when the coordinator confirms (:meth:`is_active`). *documents* is
    where a new file is proposed (the user's Documents folder)."""

    def __init__(
        self,
        table: PostcodeTable,
        active_path: Path,
        today: Callable[[], date],
        documents: Path,
    ) -> None:
        self.table = table
        self.active_path = active_path
        self.today = today
        self.documents = documents
        self.path = active_path
        self.base = RegistryBase("", None)
        self.editable = EditableRegistry.new(version="1", on=today(), changed_by="")
        self.header = HeaderInput("", "", "")
        self.opened_date_text = ""
        self.partner_entry = PartnerEntry(table)

    # --- the file -----------------------------------------------------------------------

    def open(self, path: Path) -> HeaderInput:
        """The header as it is to be shown. A file with problems still opens: fixing a
        broken registry is what the editor is for. Raises RegistryError for what is no
        registry text at all (unreadable, not TOML); the open registry is then kept."""
        text = read_registry_text(path)
        editable = EditableRegistry.from_text(text, file=str(path))
        # A schema version 1 file is shown and saved with the terms it is read with.
        editable.upgrade()
        self.path = path
        self.editable = editable
        self.base = RegistryBase.of(text, self.table, file=str(path))
        header = editable.header()
        day = header["registry_date"]
        self.header = HeaderInput(
            version=str(header["registry_version"] or ""),
            date_text=day.isoformat() if isinstance(day, date) else str(day or ""),
            changed_by=str(header["changed_by"] or ""),
        )
        self.opened_date_text = self.header.date_text
        return self.header

    def is_modified(self) -> bool:
        return self.base.is_changed(self.editable)

    def proposed_save_path(self) -> Path:
        """A new file in the user's documents, never the registry in use: one Enter in the
        dialog must not overwrite what every referral is sent by."""
        stem = f"partners-{self.today().isoformat()}"
        candidate = self.documents / f"{stem}.toml"
        number = 2
        while candidate.exists() or same_file(candidate, self.active_path):
            candidate = self.documents / f"{stem}-{number}.toml"
            number += 1
        return candidate

    def is_active(self, path: Path) -> bool:
        """Whether *path* is the registry the app uses now."""
        return same_file(path, self.active_path)

    def date_the_changes(self) -> str | None:
        """A changed registry is dated the day it is saved, unless someone typed a date:
        the date now in the header when it was set here, else None."""
        if not self.is_modified() or self.header.date_text != self.opened_date_text:
            return None
        day = self.today().isoformat()
        self.type_header(self.header.version, day, self.header.changed_by)
        return day

    def review_save(self) -> SaveReview:
        """What would be written and what changed, or NewVersionRefused with every reason
        it may not be written yet."""
        document = check_new_version(self.editable, self.table, self.base, self.header)
        changes = describe_changes(self.base, document)
        return SaveReview(self.editable.to_text(), document, changes)

    def write(self, path: Path, review: SaveReview, signature: Signature | None = None) -> Written:
        """Writes *review* (signed when *signature* is given) and makes it the new base;
        raises NotWritten, and then nothing changed."""
        written = write_registry(path, review.text, signature)
        self.path = path
        self.base = RegistryBase(review.text, review.document)
        return written

    # --- the header ---------------------------------------------------------------------

    def type_header(self, version: str, date_text: str, changed_by: str) -> None:
        """What is in the header's fields now; every well-formed value goes into the file."""
        self.header = HeaderInput(version, date_text, changed_by)
        self.header.apply_to(self.editable)

    def header_errors(self) -> dict[str, Message]:
        """By field (``version``, ``date``, ``changed_by``)."""
        return header_problems(self.header, self.base, self.editable)

    def problems(self) -> tuple[RegistryProblem, ...]:
        """Everything the file check still finds in the registry as edited."""
        try:
            self.editable.validate(self.table)
        except RegistryError as error:
            return error.problems
        return ()

    # --- the partners -------------------------------------------------------------------

    def partners(self) -> list[RawPartner]:
        return self.editable.partners()

    def partner(self, index: int) -> RawPartner:
        return self.editable.partner(index)

    def partner_name(self, index: int) -> str:
        return str(self.editable.partner(index).get("name", ""))

    def row(self, index: int) -> tuple[str, ...]:
        """The partner's cells in the list, one per :data:`COLUMNS`."""
        raw = self.editable.partner(index)
        protocol = raw.get("protocol")
        protocol = protocol if isinstance(protocol, dict) else {}
        postcodes = raw.get("postcodes")
        cells = (
            raw.get("id"),
            raw.get("name"),
            raw.get("kind"),
            raw.get("mailbox"),
            ", ".join(map(str, postcodes)) if isinstance(postcodes, list) else postcodes,
            protocol.get("in_force_from"),
            protocol.get("ended_on"),
        )
        return tuple("" if value is None else str(value) for value in cells)

    def found(self, search: str) -> list[bool]:
        """Per partner, whether *search* finds it: in its id, name, mailbox, codes or the
        names of its municipalities, case-insensitive. An empty search finds all."""
        needle = search.strip().lower()
        return [not needle or needle in self._haystack(raw) for raw in self.partners()]

    def _haystack(self, raw: Mapping[str, Any]) -> str:
        names = [name.lower() for name in self.partner_entry.municipality_names(raw)]
        return " ".join([str(raw.get(key, "")).lower() for key in _SEARCHED] + names)

    def replace_partner(self, index: int, values: Mapping[str, Any]) -> None:
        self.editable.replace_partner(index, values)

    def add_new_partner(self) -> int:
        """A placeholder partner whose protocol starts today; its index."""
        return self.editable.add_new_partner(self.today())

    def add_renewal(self, index: int) -> int:
        """For a renewed protocol: same partner, new protocol from today; its index."""
        return self.editable.add_renewal(index, self.today())

    def end_protocol(self, index: int, day_text: str) -> None:
        """From the day typed no one can refer to this partner; NotADate when it is none."""
        self.editable.end_protocol(index, parse_day(day_text))

    def remove_partner(self, index: int) -> None:
        self.editable.remove_partner(index)
