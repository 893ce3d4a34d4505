"""One partner as the registry editor's form shows it: field texts in, checked values out.

The form only holds text per field; what a partner's values look like as text, what the
typed text means and what is wrong with it are decided here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from referral_desk.domain.errors import Message
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.registry.editing import RawPartner
from referral_desk.registry.form_input import (
    LINE_LIST_FIELDS,
    LONG_TEXT_FIELDS,
    PARTNER_FIELDS,
    partner_from_texts,
    partner_problems,
)

# Fields typed one item per line (the rest show a list as "a, b").
MULTILINE_FIELDS = LINE_LIST_FIELDS
# Fields the form shows in a box of several lines: those lists and the duty sentences.
TEXT_BOX_FIELDS = (*LINE_LIST_FIELDS, *LONG_TEXT_FIELDS)
_PROTOCOL = "protocol."


class PartnerEntry:
    """The form's fields (:attr:`fields`, in the order they are shown), for one table."""

    fields: tuple[str, ...] = PARTNER_FIELDS

    def __init__(self, table: PostcodeTable) -> None:
        self.table = table

    def texts(self, raw: Mapping[str, Any]) -> dict[str, str]:
        """The text per field for a partner as stored (perhaps half-edited): lists joined,
        yes/no as ``true``/``false``, what is absent empty."""
        protocol = raw.get("protocol")
        protocol = protocol if isinstance(protocol, Mapping) else {}
        texts: dict[str, str] = {}
        for name in self.fields:
            if name.startswith(_PROTOCOL):
                value = protocol.get(name.removeprefix(_PROTOCOL))
            else:
                value = raw.get(name)
            if isinstance(value, bool):
                texts[name] = "true" if value else "false"
            elif name in MULTILINE_FIELDS:
                items = value if isinstance(value, list) else []
                texts[name] = "\n".join(str(item) for item in items)
            elif isinstance(value, list):
                texts[name] = ", ".join(str(item) for item in value)
            else:
                texts[name] = "" if value is None else str(value)
        return texts

    def read(self, texts: Mapping[str, str]) -> RawPartner:
        """The partner's values from what was typed; nothing typed is lost."""
        return partner_from_texts(texts)

    def problems(self, raw: Mapping[str, Any]) -> dict[str, Message]:
        """The first problem per field, as the file check would find it."""
        return partner_problems(raw, self.table)

    def municipality_names(self, raw: Mapping[str, Any]) -> list[str]:
        """The names of the municipalities whose NIS codes were typed, to check by eye."""
        return [
            municipality.name_nl
            for nis in raw.get("municipalities") or []
            if (municipality := self.table.municipality(str(nis))) is not None
        ]
