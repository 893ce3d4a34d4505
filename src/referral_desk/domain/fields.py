"""Validation and normalisation of every client and referrer field.

Each validator takes raw user text and returns the normalised value or raises
:class:`FieldError` with a message that says what to fix. They never raise anything
else, whatever the input: the form shows the message next to the field. The messages are
templates (``field_messages``) with the field's label as a value, so the window can word
them in the user's language.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from referral_desk.domain.errors import Message, UserFacingError
from referral_desk.domain.field_messages import (
    BOX_LABEL,
    BOX_SHAPE,
    CONTROL_CHARACTER,
    EMAIL_INVALID,
    EMAIL_LABEL,
    EMAIL_NOT_SENDABLE,
    EMAIL_SPACE,
    EMPTY,
    HOUSE_NUMBER_LABEL,
    HOUSE_NUMBER_SHAPE,
    INVALID_INPUT,
    LINE_BREAK,
    LOOSE_ACCENT,
    MUNICIPALITY_LABEL,
    NAME_CHARACTER,
    NAME_LABEL,
    NAME_START,
    NO_REGISTRY_TEAMS_NOTE,
    PHONE_CHARACTERS,
    PHONE_EXTENSION,
    PHONE_FAR_TOO_SHORT,
    PHONE_FOREIGN_UNKNOWN,
    PHONE_LABEL,
    PHONE_MOBILE_TOO_LONG,
    PHONE_MOBILE_TOO_SHORT,
    PHONE_NO_SUCH_NUMBER,
    PHONE_UNREADABLE,
    PHONE_ZONE_TOO_LONG,
    PHONE_ZONE_TOO_LONG_NOT_MOBILE,
    PHONE_ZONE_TOO_SHORT,
    POSTCODE_LABEL,
    POSTCODE_SHAPE,
    REQUIRED,
    STREET_CHARACTER,
    STREET_LABEL,
    STREET_NUMBER_ONLY,
    TEAM_LABEL,
    TEAM_NOT_IN_REGISTRY,
    TEAM_NOT_IN_REGISTRY_LIKE,
    TOO_LONG,
    TOO_MANY_ACCENTS,
)

# The longest value each field takes, after trimming. The form never cuts a paste to these:
# it shows the validator's "te lang" message, so nothing is lost without the user seeing it.
NAME_MAX = 60
STREET_MAX = 100
HOUSE_NUMBER_MAX = 20
BOX_MAX = 10  # after a leading “bus”, which is dropped
POSTCODE_MAX = 4
MUNICIPALITY_MAX = 60
PHONE_MAX = 30
EMAIL_MAX = 254
TEAM_MAX = 60
# More accents than this on one letter is "Zalgo" text, not a name in any script.
MAX_COMBINING_MARKS = 3

_NAME_PUNCTUATION = frozenset(" -'’")
_STREET_PUNCTUATION = frozenset(" -'’.,/()")
_HOUSE_NUMBER = re.compile(r"^[0-9]{1,5}(?: ?[A-Za-z]{1,4})?(?:[-/][0-9]{1,5}[A-Za-z]{0,4})?$")
_BOX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]{0,9}$")
_BOX_PREFIX = re.compile(r"^(?:bus|bte|boîte|box)\s*", re.IGNORECASE)
_POSTCODE = re.compile(r"^[1-9][0-9]{3}$")
_PHONE_CHARACTERS = frozenset("0123456789 +()-./")
_PHONE_EXTENSION = re.compile(r"(?i)(?:ext|toestel|tst|post|x|#|;)")

# phonenumbers and email_validator load at the first phone number or address checked, not
# when the app starts: loading their metadata and expressions takes tens of milliseconds.
if TYPE_CHECKING:
    import phonenumbers
    from email_validator import ValidatedEmail


class FieldError(UserFacingError, ValueError):
    """A field value the user has to fix; ``said`` is shown inline, ``message`` is its Dutch.

    A ValueError too, so pydantic validators turn it into a validation error.
    """


def _clean(text: str, *, compatibility: bool = True) -> str:
    """Trimmed, normalised, inner runs of spaces folded; control and format chars refused.

    Surrounding whitespace (a pasted trailing newline or tab) is dropped, not an error.
    NFKC folds compatibility look-alikes (mathematical bold 𝐀, full-width Ａ, ligatures)
    into the letters they stand for; e-mail addresses get NFC only, since NFKC could turn
    one mailbox into another. Format characters (Cf) include zero-width spaces and bidi
    overrides, which can make a name look like another one: they are refused rather than
    silently dropped, as are stacks of combining marks.
    """
    if not isinstance(text, str):
        raise FieldError(INVALID_INPUT())
    text = unicodedata.normalize("NFKC" if compatibility else "NFC", text.strip())
    for char in text:
        if char in "\t\n\r\v\f":
            raise FieldError(LINE_BREAK())
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn") or category in ("Zl", "Zp"):
            raise FieldError(CONTROL_CHARACTER())
    text = " ".join(text.replace("\u00a0", " ").split())
    if text and unicodedata.category(text[0]).startswith("M"):
        raise FieldError(LOOSE_ACCENT())
    marks = 0
    for char in text:
        marks = marks + 1 if unicodedata.category(char).startswith("M") else 0
        if marks > MAX_COMBINING_MARKS:
            raise FieldError(TOO_MANY_ACCENTS(maximum=MAX_COMBINING_MARKS))
    return text


def _too_long(label: Message | str, maximum: int) -> FieldError:
    return FieldError(TOO_LONG(label=label, maximum=maximum))


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in ("L", "M")


def validate_name(text: str, *, label: Message | str | None = None) -> str:
    """Letters of any script, spaces, hyphens and apostrophes; never re-capitalised.

    *label* names the field in the message (a label template's message, or a text the
    window already worded); "Naam" when not given.
    """
    label = NAME_LABEL() if label is None else label
    value = _clean(text)
    if not value:
        raise FieldError(REQUIRED(label=label))
    if len(value) > NAME_MAX:
        raise _too_long(label, NAME_MAX)
    for char in value:
        if not (_is_letter(char) or char in _NAME_PUNCTUATION):
            raise FieldError(NAME_CHARACTER(label=label, char=char))
    if not _is_letter(value[0]) or unicodedata.category(value[0])[0] == "M":
        raise FieldError(NAME_START(label=label))
    return value


def validate_street(text: str) -> str:
    value = _clean(text)
    if not value:
        raise FieldError(REQUIRED(label=STREET_LABEL()))
    if len(value) > STREET_MAX:
        raise _too_long(STREET_LABEL(), STREET_MAX)
    for char in value:
        if not (
            _is_letter(char) or (char.isascii() and char.isdigit()) or char in _STREET_PUNCTUATION
        ):
            raise FieldError(STREET_CHARACTER(char=char))
    if not any(_is_letter(char) for char in value):
        raise FieldError(STREET_NUMBER_ONLY())
    return value


def validate_house_number(text: str) -> str:
    value = _clean(text)
    if not value:
        raise FieldError(REQUIRED(label=HOUSE_NUMBER_LABEL()))
    if len(value) > HOUSE_NUMBER_MAX:
        raise _too_long(HOUSE_NUMBER_LABEL(), HOUSE_NUMBER_MAX)
    if not _HOUSE_NUMBER.match(value):
        raise FieldError(HOUSE_NUMBER_SHAPE())
    return value


def validate_box(text: str) -> str | None:
    """Optional; a leading “bus” is dropped because the document prints it already."""
    value = _BOX_PREFIX.sub("", _clean(text))
    if not value:
        return None
    if len(value) > BOX_MAX:
        raise _too_long(BOX_LABEL(), BOX_MAX)
    if not _BOX.match(value):
        raise FieldError(BOX_SHAPE(maximum=BOX_MAX))
    return value


def validate_postcode_syntax(text: str) -> str:
    value = _clean(text)
    if not value:
        raise FieldError(REQUIRED(label=POSTCODE_LABEL()))
    if len(value) > POSTCODE_MAX:
        raise _too_long(POSTCODE_LABEL(), POSTCODE_MAX)
    if not _POSTCODE.match(value):
        raise FieldError(POSTCODE_SHAPE())
    return value


def complete_postcode(text: str) -> str | None:
    """The postcode to look a partner up by, as soon as one is typed (full-width digits or a
    pasted tab included); None while it is not yet four digits."""
    try:
        return validate_postcode_syntax(text)
    except FieldError:
        return None


def validate_municipality(text: str) -> str:
    value = _clean(text)
    if not value:
        raise FieldError(REQUIRED(label=MUNICIPALITY_LABEL()))
    if len(value) > MUNICIPALITY_MAX:
        raise _too_long(MUNICIPALITY_LABEL(), MUNICIPALITY_MAX)
    return value


def validate_phone(text: str) -> str:
    """Return E.164. Belgian numbers may be typed nationally (0470…) or as +32/0032.

    An extension (``0470 12 34 56 ext 5``) is refused, not dropped: E.164, the document and
    the JSON carry none, and the partner must reach the family directly. Letters are refused
    too, since phonenumbers would read them as keypad digits (0470-ABC → 0470-222).
    """
    value = _clean(text)
    if not value:
        raise FieldError(EMPTY(label=PHONE_LABEL()))
    if len(value) > PHONE_MAX:
        raise _too_long(PHONE_LABEL(), PHONE_MAX)
    if _PHONE_EXTENSION.search(value):
        raise FieldError(PHONE_EXTENSION())
    if not set(value) <= _PHONE_CHARACTERS:
        raise FieldError(PHONE_CHARACTERS())
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        raise FieldError(PHONE_UNREADABLE()) from None
    if not phonenumbers.is_valid_number(number):
        raise FieldError(_invalid_phone_hint(number))
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _belgian_prefix(national: str) -> tuple[str, str, int]:
    """The prefix a Belgian reader recognises, its written shape and the digit count.

    ``national`` is the number as dialled in Belgium, with its leading 0. Brussels,
    Antwerp, Liège and Ghent have one-digit zones (02 xxx xx xx), the rest two digits
    (050 xx xx xx); both make nine digits. Mobiles (045–049) have ten, 0800/090x nine.
    """
    if national[1:2] == "4" and national[2:3] in tuple("56789"):
        return "04xx", "04xx xx xx xx", 10
    if national[1:3] in ("80", "90"):
        prefix = national[:4]
        return prefix, f"{prefix} xx xxx", 9
    if national[1:2] in ("2", "3", "4", "9"):
        prefix = national[:2]
        return prefix, f"{prefix} xxx xx xx", 9
    prefix = national[:3]
    return prefix, f"{prefix} xx xx xx", 9


def _invalid_phone_hint(number: phonenumbers.PhoneNumber) -> Message:
    """What is wrong with a number that parses but does not exist, as far as we can tell.

    Belgian numbers are judged by their own zone: a count is only called wrong when it is
    wrong for the prefix typed, so 02 123 45 67 (nine digits, right for Brussels) is told
    that its digits after 02 do not exist rather than to count again.
    """
    if number.country_code != 32:
        return PHONE_FOREIGN_UNKNOWN()
    # national_number, not national_significant_number: for a number of the wrong length
    # phonenumbers keeps the typed 0 as an "Italian leading zero" (02 12 34 56 → 002…).
    national = f"0{number.national_number}"
    if len(national) < 6:
        return PHONE_FAR_TOO_SHORT()
    prefix, shape, expected = _belgian_prefix(national)
    count = len(national)
    if count < expected:
        if prefix == "04xx":
            return PHONE_MOBILE_TOO_SHORT(expected=expected, shape=shape, count=count)
        return PHONE_ZONE_TOO_SHORT(prefix=prefix, expected=expected, shape=shape, count=count)
    if count > expected:
        if prefix == "04xx":
            return PHONE_MOBILE_TOO_LONG(expected=expected, shape=shape, count=count)
        too_long = PHONE_ZONE_TOO_LONG_NOT_MOBILE if prefix == "04" and count == 10 else None
        return (too_long or PHONE_ZONE_TOO_LONG)(
            prefix=prefix, expected=expected, shape=shape, count=count
        )
    return PHONE_NO_SUCH_NUMBER(prefix=prefix)


def format_phone_national(e164: str) -> str:
    """Belgian numbers in national notation, foreign ones internationally, for display."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, "BE")
    except phonenumbers.NumberParseException:
        return e164
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 32
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, style))


def is_mobile(e164: str) -> bool:
    """Whether an sms can reach this number: only a number phonenumbers knows as mobile
    (04xx in Belgium). A landline, an ambiguous or an unreadable number is not."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, "BE")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE)


def _checked_email(text: str, *, sendable: bool) -> ValidatedEmail:
    value = _clean(text, compatibility=False)
    if not value:
        raise FieldError(EMPTY(label=EMAIL_LABEL()))
    if len(value) > EMAIL_MAX:
        raise _too_long(EMAIL_LABEL(), EMAIL_MAX)
    if " " in value:
        raise FieldError(EMAIL_SPACE())
    if sendable and not value.partition("@")[0].isascii():
        raise FieldError(EMAIL_NOT_SENDABLE())
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False, allow_smtputf8=not sendable)
    except EmailNotValidError:
        raise FieldError(EMAIL_INVALID()) from None


def validate_email_address(text: str) -> str:
    """The client's address, printed on the document only: syntax (no DNS: the app is
    offline), with the domain normalised."""
    return str(_checked_email(text, sendable=False).normalized)


def validate_sendable_address(text: str) -> str:
    """The one rule for every address a draft goes to or names: the partner's mailbox and
    breach contact, the referrer's own address, the draft's recipient.

    A domain with accents (``ocmw-münchen.be``) is accepted and kept as written; drafts
    carry it in its ASCII form (see :func:`ascii_email_address`). A local part outside ASCII
    is refused: it needs SMTPUTF8, which no draft the mail adapters write can carry.
    """
    return str(_checked_email(text, sendable=True).normalized)


def ascii_email_address(text: str) -> str:
    """What a mail header needs: a sendable address with the domain in punycode (``xn--``)."""
    return str(_checked_email(text, sendable=True).ascii_email)


def validate_team(text: str) -> str:
    """The referrer's local team, as named in the protocols (e.g. Kind en Gezin Menen)."""
    value = _clean(text)
    if not value:
        raise FieldError(REQUIRED(label=TEAM_LABEL()))
    if len(value) > TEAM_MAX:
        raise _too_long(TEAM_LABEL(), TEAM_MAX)
    return value


NO_REGISTRY_TEAMS = NO_REGISTRY_TEAMS_NOTE.text


# Words every team name shares; a suggestion rests on the rest (the place), not on these.
_TEAM_COMMON_WORDS = frozenset({"kind", "en", "gezin", "kg", "k", "g", "team", "lokaal"})


def _team_key(text: str) -> str:
    """What two spellings of one team share: case, “&” for “en”, punctuation and spaces."""
    folded = text.casefold().replace("&", " en ")
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def _team_place(key: str) -> str:
    return " ".join(word for word in key.split() if word not in _TEAM_COMMON_WORDS)


def closest_team(text: str, teams: Sequence[str]) -> str | None:
    """The registry team *text* most likely means, or None when none is close.

    The same name spelled differently wins; then the one team whose place holds a word
    typed (“Menen”); then the most similar place, if similar enough (“Menem”). “Kind en
    Gezin Gent” gets no suggestion from “Kind en Gezin Menen”: only the place counts.
    """
    key = _team_key(text)
    keys = {team: _team_key(team) for team in teams}
    for team, team_key in keys.items():
        if key and team_key == key:
            return team
    place = _team_place(key)
    if not place:
        return None
    places = {team: _team_place(team_key) for team, team_key in keys.items()}
    holding = [team for team, other in places.items() if set(place.split()) & set(other.split())]
    if len(holding) == 1:
        return holding[0]
    candidates = holding or list(places)
    scored = [
        (difflib.SequenceMatcher(None, place, places[team]).ratio(), team) for team in candidates
    ]
    ratio, best = max(scored, default=(0.0, ""))
    return best if ratio >= 0.75 else None


def validate_known_team(text: str, teams: Sequence[str]) -> str:
    """A local team the partner registry names, spelled exactly as there.

    The team decides which protocols cover a referral, matched letter for letter, so a
    name the registry does not know (“Kind & Gezin Menen”) is refused with the closest
    registry team as a suggestion. Without teams in the registry any name is accepted (the
    window says so with :data:`NO_REGISTRY_TEAMS`).
    """
    value = validate_team(text)
    if not teams or value in teams:
        return value
    suggestion = closest_team(value, teams)
    if suggestion is not None:
        raise FieldError(TEAM_NOT_IN_REGISTRY_LIKE(suggestion=suggestion))
    raise FieldError(TEAM_NOT_IN_REGISTRY())
