"""Reading a password out over the phone: the Dutch spelling alphabet, on demand.

Which list: there is no official Dutch spelling alphabet. The words here are the Dutch
telephone alphabet as the Genootschap Onze Taal lists it (Anton, Bernard, Cornelis, Dirk …,
Rudolf …, Zaandam), with one deliberate exception: C is *Cesar*, the word Flemish callers
use and the user guide names ("Anton, Bernard, Cesar"). Where Onze Taal gives two names, the
longer one is taken (Johannes, not Jan), being harder to mishear. The Belgian (French-based) list
(Arthur, Bruxelles, Caroline …) is not used: Flemish OCMW staff know the Dutch one.

Generated passwords hold only upper-case letters and digits (``packaging.password``), so
they are spelt plainly. A password with a lower-case letter in it (a pre-shared one typed by
a person) has every letter marked "hoofdletter" or "kleine letter", because then case
matters and cannot be heard.
"""

from __future__ import annotations

import unicodedata
from typing import Final

LETTERS: Final[dict[str, str]] = {
    "A": "Anton",
    "B": "Bernard",
    "C": "Cesar",
    "D": "Dirk",
    "E": "Eduard",
    "F": "Ferdinand",
    "G": "Gerard",
    "H": "Hendrik",
    "I": "Izaak",
    "J": "Johannes",
    "K": "Karel",
    "L": "Lodewijk",
    "M": "Maria",
    "N": "Nico",
    "O": "Otto",
    "P": "Pieter",
    "Q": "Quotiënt",
    "R": "Rudolf",
    "S": "Simon",
    "T": "Theodoor",
    "U": "Utrecht",
    "V": "Victor",
    "W": "Willem",
    "X": "Xantippe",
    "Y": "Ypsilon",
    "Z": "Zaandam",
}

DIGITS: Final[dict[str, str]] = {
    "0": "nul",
    "1": "één",
    "2": "twee",
    "3": "drie",
    "4": "vier",
    "5": "vijf",
    "6": "zes",
    "7": "zeven",
    "8": "acht",
    "9": "negen",
}

SYMBOLS: Final[dict[str, str]] = {
    "-": "streepje",
    "_": "liggend streepje",
    " ": "spatie",
    ".": "punt",
    ",": "komma",
    ":": "dubbelepunt",
    ";": "puntkomma",
    "!": "uitroepteken",
    "?": "vraagteken",
    "@": "apenstaartje",
    "#": "hekje",
    "$": "dollarteken",
    "€": "euroteken",
    "%": "procentteken",
    "&": "en-teken",
    "*": "sterretje",
    "+": "plusteken",
    "=": "isgelijkteken",
    "/": "schuine streep",
    "\\": "schuine streep naar links",
    "(": "haakje openen",
    ")": "haakje sluiten",
    "[": "vierkant haakje openen",
    "]": "vierkant haakje sluiten",
    "{": "accolade openen",
    "}": "accolade sluiten",
    "<": "kleiner-dan-teken",
    ">": "groter-dan-teken",
    "'": "apostrof",
    '"': "aanhalingsteken",
    "|": "verticale streep",
    "~": "tilde",
    "^": "dakje",
    "`": "accent grave",
}

_MARKS: Final[dict[str, str]] = {
    "\u0300": "accent grave",
    "\u0301": "accent aigu",
    "\u0302": "accent circonflexe",
    "\u0303": "tilde",
    "\u0308": "trema",
    "\u0327": "cedille",
}

# Everything a plain upper-case password can hold, as the referral log window shows it.
SPELLING_ALPHABET: Final[dict[str, str]] = {**LETTERS, **DIGITS, "-": SYMBOLS["-"]}

GROUP_BREAK: Final = ("-", "streepje")


def _letter(char: str, mark_case: bool) -> str | None:
    """The word for a letter (with its accent, if any), or None when it is no letter."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[:1], list(decomposed[1:])
    word = LETTERS.get(base.upper())
    if word is None or any(mark not in _MARKS for mark in marks):
        return None
    if marks:
        word += " met " + " en ".join(_MARKS[mark] for mark in marks)
    if mark_case:
        word = ("hoofdletter " if base.isupper() else "kleine letter ") + word
    return word


def spell_char(char: str, *, mark_case: bool = False) -> str:
    """The word to say for one character; never the character alone, never empty."""
    word = _letter(char, mark_case)
    if word is not None:
        return word
    if char in DIGITS:
        return DIGITS[char]
    if char in SYMBOLS:
        return SYMBOLS[char]
    name = unicodedata.name(char, "")
    return f"teken {name.lower()}" if name else f"teken U+{ord(char):04X}"


def spell_password(password: str) -> list[tuple[str, str]]:
    """One (character, word) per character, in order.

    The group separator comes out as ``GROUP_BREAK`` so a view can start a new line there.
    Upper and lower case are named only when the password holds a lower-case letter.
    """
    mark_case = any(char.islower() for char in password)
    return [(char, spell_char(char, mark_case=mark_case)) for char in password]


def spelled_groups(password: str) -> list[str]:
    """``["K Karel · 7 zeven · …", …]``: one line per group, as read out."""
    lines: list[str] = []
    current: list[str] = []
    for char, word in spell_password(password):
        if (char, word) == GROUP_BREAK:
            lines.append(" · ".join(current))
            current = []
        else:
            current.append(f"{char} {word}")
    if current:
        lines.append(" · ".join(current))
    return lines
