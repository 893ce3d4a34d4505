"""Reading a password out over the phone: the Dutch spelling alphabet, on demand.

The issue names the Dutch list (Anton, Bernard, Cesar …), which OCMW staff in Flanders also
know; the Belgian list (Arthur, Brussel, Carolina …) would serve as well. Passwords hold only
upper-case letters and digits (see ``packaging.password``), so no "hoofdletter"/"kleine
letter" is ever needed; should a character outside the table appear, it is spelt as itself.
"""

from __future__ import annotations

from typing import Final

SPELLING_ALPHABET: Final[dict[str, str]] = {
    "A": "Anton",
    "B": "Bernard",
    "C": "Cesar",
    "D": "Dirk",
    "E": "Eduard",
    "F": "Ferdinand",
    "G": "Gerard",
    "H": "Hendrik",
    "I": "Izaak",
    "J": "Johan",
    "K": "Karel",
    "L": "Lodewijk",
    "M": "Maria",
    "N": "Nico",
    "O": "Otto",
    "P": "Pieter",
    "Q": "Quotiënt",
    "R": "Richard",
    "S": "Simon",
    "T": "Theodoor",
    "U": "Utrecht",
    "V": "Victor",
    "W": "Willem",
    "X": "Xantippe",
    "Y": "Ypsilon",
    "Z": "Zaandam",
    "0": "nul",
    "1": "een",
    "2": "twee",
    "3": "drie",
    "4": "vier",
    "5": "vijf",
    "6": "zes",
    "7": "zeven",
    "8": "acht",
    "9": "negen",
    "-": "streepje",
}

GROUP_BREAK: Final = ("-", "streepje")


def spell_password(password: str) -> list[tuple[str, str]]:
    """One (character, word) per character; the group separator comes out as
    ``GROUP_BREAK`` so a view can start a new line there."""
    return [(char, SPELLING_ALPHABET.get(char.upper(), char)) for char in password]


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
