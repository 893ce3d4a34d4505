"""The names a referral form is built from: the permitted client fields and the ways the
information sheet is given. Without the models that check them (``domain.referral``, which
needs pydantic), so the first window can be laid out before those load."""

from __future__ import annotations

from enum import StrEnum

# Art. 10/1 of the decree of 30 April 2004: these and nothing more, in the form's order.
CLIENT_FIELDS = (
    "first_name",
    "last_name",
    "street",
    "house_number",
    "box",
    "postcode",
    "municipality",
    "phone",
    "email",
)


class SheetGiven(StrEnum):
    """How the client got the information sheet before consenting."""

    HANDED_OVER = "overhandigd"
    READ_ALOUD = "voorgelezen"
    SENT = "opgestuurd"
