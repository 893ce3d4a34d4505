"""What the core says to a person: a message as data, and the one base for errors they read.

A :class:`Message` is a stable code, its Dutch template with ``{name}`` fields, and the
values for those fields. The CLI and the logs read its Dutch (:attr:`Message.dutch`); the
window words it in the user's language from the template (``ui/core_messages.py``), so an
English window shows English. Values are short words and numbers, never client data: a
field error may quote the one character it refuses, nothing more.

Every :class:`MessageTemplate` registers itself here when its module is imported, so
``scripts/update_translations.py`` finds all of them and puts them in the catalog.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_REGISTERED: dict[str, MessageTemplate] = {}
# The same templates by their Dutch text: a clash is found in one lookup, not a scan.
_BY_TEXT: dict[str, MessageTemplate] = {}


def _fields_of(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@dataclass(frozen=True)
class Message:
    """A sentence (or a word, such as a field's label) the core says.

    ``code`` is empty for a plain Dutch sentence that has no template yet: it is shown as it
    is in every language.
    """

    code: str
    template: str
    values: Mapping[str, MessageValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A copy, so the caller's dict cannot change it later; a plain dict, so it pickles.
        object.__setattr__(self, "values", dict(self.values))

    @classmethod
    def plain(cls, text: str) -> Message:
        return cls("", text)

    @property
    def dutch(self) -> str:
        if not self.code:
            return self.template
        return self.template.format(
            **{
                name: value.dutch if isinstance(value, Message) else value
                for name, value in self.values.items()
            }
        )

    def __str__(self) -> str:
        return self.dutch


MessageValue = str | int | Message


@dataclass(frozen=True)
class MessageTemplate:
    """One Dutch template under a stable code; calling it with the values makes a Message.

    Made once, as a module-level constant: making it registers it for the catalog. A
    second template with the same code or the same Dutch text is a programming error, since
    the catalog knows a translation by its Dutch text.
    """

    code: str
    text: str

    def __post_init__(self) -> None:
        if not self.code:
            raise ValueError("a message template needs a code")
        for other in (_REGISTERED.get(self.code), _BY_TEXT.get(self.text)):
            if other is not None and other != self:
                raise ValueError(f"message template {self.code!r} clashes with {other.code!r}")
        _REGISTERED[self.code] = self
        _BY_TEXT[self.text] = self

    @property
    def fields(self) -> frozenset[str]:
        return _fields_of(self.text)

    def __call__(self, **values: MessageValue) -> Message:
        if set(values) != self.fields:
            raise TypeError(f"{self.code} takes {sorted(self.fields)}, not {sorted(values)}")
        return Message(self.code, self.text, values)


def registered_templates() -> tuple[MessageTemplate, ...]:
    """Every template made so far (in the modules imported so far), by code."""
    return tuple(sorted(_REGISTERED.values(), key=lambda template: template.code))


class UserFacingError(Exception):
    """An error a person reads; ``message`` is its Dutch sentence, ``said`` the message.

    Accepts a plain string too: a message without a code, shown as it is.
    """

    def __init__(self, message: str | Message) -> None:
        said = message if isinstance(message, Message) else Message.plain(message)
        super().__init__(said.dutch)
        self.message: str = said.dutch
        self.said: Message = said


def validator_said(error: Mapping[str, Any]) -> Message:
    """What one item of a pydantic ValidationError says to a person.

    A validator that raised a UserFacingError (a ``FieldError``, say) keeps its message, so
    the window words it; any other text pydantic made is kept as a plain message.
    """
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, UserFacingError):
        return cause.said
    return Message.plain(str(error["msg"]).removeprefix("Value error, "))
