"""Editing a registry file without losing what coordinators wrote in it.

The file is kept as a tomlkit document: comments, key order, blank lines and line endings
survive, only the values a coordinator changed are rewritten, and a document opened and
saved without changes is byte-identical. Partners are handled as plain TOML values (not
as validated :class:`Partner` objects) because a partner may be half-edited; the whole
file is validated with :func:`load_registry_text` before it may be saved.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Table, Whitespace
from tomlkit.toml_document import TOMLDocument

from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.protocol_terms import TERM_KEYS, with_standard_terms
from referral_desk.domain.registry_document import REGISTRY_SCHEMA_VERSION, RegistryDocument
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.registry.parsing import (
    MAX_NESTING,
    load_registry_text,
    nesting_depth,
    syntax_error,
    too_deep,
)

# The order a new partner's keys are written in, as in the bundled file.
PARTNER_KEYS = (
    "id",
    "name",
    "kind",
    "region",
    "mailbox",
    "password_phone",
    "breach_contact",
    "municipalities",
    "postcodes",
    "password_mode",
)
PROTOCOL_KEYS = (
    "reference", "local_teams", "in_force_from", "ended_on", "dpo_advice_on", "retention_years",
    "consent_valid_days", "acknowledgement_working_days", *TERM_KEYS,
)  # fmt: skip

RawPartner = dict[str, Any]


def _plain(value: Any) -> Any:
    """tomlkit items → plain Python values, so comparisons and pydantic see ordinary data."""
    if hasattr(value, "unwrap"):
        return value.unwrap()
    return value


# A list longer than a line is written one item a line, as a person would.
_LINE = 80


def _toml_value(value: Any) -> Any:
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list) and len(str(value)) > _LINE:
        array = tomlkit.array()
        array.extend(value)
        return array.multiline(True)
    if hasattr(value, "value") and not isinstance(value, date | str):
        return value.value  # StrEnum members
    return value


NO_PARTNER_LIST = MessageTemplate(
    "registry.no_partner_list", "verwacht een lijst van [[partners]]-tabellen"
)


def _problem(field: str, value: str, expected: Message, file: str) -> RegistryError:
    return RegistryError([RegistryProblem(file, None, field, value, expected)])


class EditableRegistry:
    """A registry file open for editing; see the module docstring for the guarantees."""

    def __init__(self, document: TOMLDocument, *, file: str = "partners.toml") -> None:
        self._document = document
        self.file = file

    @classmethod
    def from_text(cls, text: str, *, file: str = "partners.toml") -> EditableRegistry:
        """Raises RegistryError for text that is not TOML, nests deeper than any registry or
        has no ``[[partners]]`` list."""
        try:
            document = tomlkit.parse(text)
        except TOMLKitError as error:
            raise syntax_error(error, file) from None
        except RecursionError:
            raise too_deep(file) from None
        if nesting_depth(document) > MAX_NESTING:
            raise too_deep(file)
        partners = document.get("partners")
        if partners is not None and not isinstance(partners, AoT):
            raise _problem("partners", "", NO_PARTNER_LIST(), file)
        return cls(document, file=file)

    @classmethod
    def new(cls, *, version: str, on: date, changed_by: str) -> EditableRegistry:
        document = tomlkit.document()
        document.add(tomlkit.comment("Partnerregister van referral-desk."))
        document.add(tomlkit.nl())
        document["schema_version"] = REGISTRY_SCHEMA_VERSION
        document["registry_version"] = version
        document["registry_date"] = on
        document["changed_by"] = changed_by
        return cls(document)

    def to_text(self) -> str:
        return tomlkit.dumps(self._document)

    @property
    def schema_version(self) -> object:
        return _plain(self._document.get("schema_version"))

    def upgrade(self) -> bool:
        """A schema version 1 registry rewritten as version 2: every protocol gets the
        Opgroeien standard terms it was read with, so saving changes what the file says,
        not what it means. Whether anything was upgraded."""
        if self.schema_version != 1:
            return False
        self._document["schema_version"] = REGISTRY_SCHEMA_VERSION
        partners = self._document.get("partners")
        for table in partners if isinstance(partners, AoT) else []:
            protocol = table.get("protocol")
            if isinstance(protocol, Table):
                filled = with_standard_terms(_plain(protocol))
                _update_table(protocol, filled, PROTOCOL_KEYS, nested={})
        return True

    def copy(self) -> EditableRegistry:
        return EditableRegistry(copy.deepcopy(self._document), file=self.file)

    # --- header -------------------------------------------------------------------------------

    def header(self) -> dict[str, Any]:
        return {
            key: _plain(self._document.get(key))
            for key in ("registry_version", "registry_date", "changed_by")
        }

    def set_header(
        self, *, version: str | None = None, on: date | None = None, changed_by: str | None = None
    ) -> None:
        """Only values given and different are written, so an unchanged header stays
        byte-identical and a field still being typed keeps its last good value."""
        for key, value in (
            ("registry_version", version),
            ("registry_date", on),
            ("changed_by", changed_by),
        ):
            if value is not None and _plain(self._document.get(key)) != value:
                self._document[key] = value

    # --- partners -----------------------------------------------------------------------------

    def _partners(self) -> AoT:
        partners = self._document.get("partners")
        if partners is None:
            partners = tomlkit.aot()
            self._document.append("partners", partners)
        assert isinstance(partners, AoT)
        return partners

    def __len__(self) -> int:
        partners = self._document.get("partners")
        return len(partners) if isinstance(partners, AoT) else 0

    def partner(self, index: int) -> RawPartner:
        raw = _plain(self._partners()[index])
        assert isinstance(raw, dict)
        return raw

    def partners(self) -> list[RawPartner]:
        return [self.partner(i) for i in range(len(self))]

    def index_of(self, partner_id: str) -> int | None:
        return next((i for i, p in enumerate(self.partners()) if p.get("id") == partner_id), None)

    def replace_partner(self, index: int, values: Mapping[str, Any]) -> None:
        """Writes only the keys whose value changed; keys absent from *values* are removed."""
        table = self._partners()[index]
        _update_table(table, values, PARTNER_KEYS, nested={"protocol": PROTOCOL_KEYS})

    def add_partner(self, values: Mapping[str, Any]) -> int:
        partners = self._partners()
        if len(partners):
            _end_with_blank_line(partners[-1])
        table = tomlkit.table()
        _update_table(table, values, PARTNER_KEYS, nested={"protocol": PROTOCOL_KEYS})
        partners.append(table)
        return len(partners) - 1

    def remove_partner(self, index: int) -> None:
        del self._partners()[index]

    def end_protocol(self, index: int, on: date) -> None:
        """From *on* no one can refer to this partner any more. A half-written partner without
        a protocol table gets one, so the date is kept and the file check names what is missing."""
        table = self._partners()[index]
        protocol = table.get("protocol")
        if not isinstance(protocol, Table):
            protocol = tomlkit.table()
            table["protocol"] = protocol
        if _plain(protocol.get("ended_on")) != on:
            protocol["ended_on"] = on

    def unique_id(self, stem: str) -> str:
        """*stem*, else *stem*-2, *stem*-3 …: two partners with one id would make the file
        invalid the moment the coordinator adds one."""
        existing = {str(p.get("id")) for p in self.partners()}
        candidate, number = stem, 2
        while candidate in existing:
            candidate, number = f"{stem}-{number}", number + 1
        return candidate

    def add_new_partner(self, on: date) -> int:
        """A placeholder OCMW in Flanders whose protocol starts on *on*, with the Opgroeien
        standard terms to change where the signed protocol differs; the file check lists
        what the coordinator still has to fill in (mailbox, codes, protocol)."""
        return self.add_partner(
            {
                "id": self.unique_id("nieuwe-partner"),
                "name": "Nieuwe partner",
                "kind": "OCMW",
                "region": "Vlaanderen",
                "password_mode": "one-time",
                "protocol": with_standard_terms({"in_force_from": on}),
            }
        )

    def add_renewal(self, index: int, on: date) -> int:
        """A renewed protocol with the same OCMW: every value copied, a new id
        (``<id>-nieuw``), the protocol in force from *on* and not ended. The old protocol
        keeps serving its postcodes until it is ended (:meth:`end_protocol`), which the
        overlap check insists on."""
        raw = self.partner(index)
        raw["id"] = self.unique_id(f"{raw.get('id') or 'partner'}-nieuw")
        old_protocol = raw.get("protocol")
        protocol = dict(old_protocol) if isinstance(old_protocol, dict) else {}
        protocol.pop("ended_on", None)
        protocol["in_force_from"] = on
        raw["protocol"] = protocol
        return self.add_partner(raw)

    def set_partners(self, partners: Sequence[Mapping[str, Any]]) -> None:
        """Make the file hold exactly *partners*, matched by id: existing tables (and their
        comments) are updated in place, missing ones removed, new ones appended."""
        wanted = {str(p.get("id")): p for p in partners}
        for index in reversed(range(len(self))):
            if self.partner(index).get("id") not in wanted:
                self.remove_partner(index)
        for values in partners:
            found = self.index_of(str(values.get("id")))
            if found is None:
                self.add_partner(values)
            else:
                self.replace_partner(found, values)

    # --- validation ---------------------------------------------------------------------------

    def validate(self, table: PostcodeTable) -> RegistryDocument:
        """The same checks as loading the file: raises RegistryError with every problem."""
        return load_registry_text(self.to_text(), table, file=self.file)


def _update_table(
    table: Table,
    values: Mapping[str, Any],
    order: Sequence[str],
    *,
    nested: Mapping[str, Sequence[str]],
) -> None:
    known = [*order, *(key for key in values if key not in order and key not in nested)]
    for key in known:
        new = values.get(key)
        if new is None or new == "" or new == [] or new == ():
            if key in table:
                del table[key]
            continue
        plain = list(new) if isinstance(new, tuple) else new
        if _plain(table.get(key)) != plain:
            table[key] = _toml_value(new)
    for key in [k for k in table if k not in values and k not in nested]:
        del table[key]
    for key, sub_order in nested.items():
        sub_values = values.get(key)
        if not isinstance(sub_values, Mapping):
            if key in table:
                del table[key]
            continue
        sub = table.get(key)
        if not isinstance(sub, Table):
            sub = tomlkit.table()
            _update_table(sub, sub_values, sub_order, nested={})
            table[key] = sub
        else:
            _update_table(sub, sub_values, sub_order, nested={})


def _end_with_blank_line(table: Table) -> None:
    """So an appended ``[[partners]]`` is set apart like the ones a person wrote."""
    last: Table = table
    protocol = table.get("protocol")
    if isinstance(protocol, Table):
        last = protocol
    if not last.as_string().endswith("\n\n"):
        # Not tomlkit.nl(): that one is "fixed", and keys added later would land after it.
        last.add(Whitespace("\n"))
