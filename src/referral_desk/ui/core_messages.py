"""The core's messages in the window's language.

The core says what it means as data (``domain.errors.Message``: a code, a Dutch template
and values); this words it with the installed catalog, context ``CoreMessage``, the Dutch
template as source text. A label among the values is worded too. Without a translation the
Dutch stays; a plain message (no code) is shown as it is. The catalog learns every template
from ``core_message_texts.py``, which ``scripts/update_translations.py`` generates.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from referral_desk.domain.errors import Message, UserFacingError

CONTEXT = "CoreMessage"


def worded(said: UserFacingError | Message | str) -> str:
    """The text to show for an error, a message, or a sentence the core still gives as text."""
    if isinstance(said, UserFacingError):
        said = said.said
    if isinstance(said, str):
        return said
    if not said.code:
        return said.template
    template = QCoreApplication.translate(CONTEXT, said.template)
    values = {
        name: worded(value) if isinstance(value, Message) else value
        for name, value in said.values.items()
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation that lost a field (the catalog check refuses those): the Dutch, whole.
        return said.template.format(**values)
