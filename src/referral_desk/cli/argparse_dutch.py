"""argparse's own words in Dutch: ``gebruik:``, ``opties``, its errors.

argparse looks its texts up through the module-level ``_`` and ``ngettext`` it imported from
gettext, at the moment it prints them. Replacing those two with a lookup in this table is the
whole mechanism: no compiled catalog to build and ship, no change to the process-wide gettext
domain. Texts a newer Python adds stay English until they are added here;
tests/cli/test_cli_dutch.py checks that every text of the running Python is in the table.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "optional arguments": "opties",
    "positional arguments": "argumenten",
    "subcommands": "subopdrachten",
    "show this help message and exit": "deze hulp tonen en stoppen",
    "show program's version number and exit": "het versienummer tonen en stoppen",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "ignored explicit argument %r": "genegeerde waarde %r",
    "unexpected option string: %s": "onverwachte optie: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (keuzes: %(choices)s)"
    ),
    'argument "-" with mode %r': 'argument "-" met modus %r',
    "argument '%(argument_name)s' is deprecated": "argument '%(argument_name)s' is verouderd",
    "option '%(option)s' is deprecated": "optie '%(option)s' is verouderd",
    "command '%(parser_name)s' is deprecated": "opdracht '%(parser_name)s' is verouderd",
    # Python 3.11.9 (the Windows build) asks for these too: a section heading, already Dutch
    # ("opties:"), and ArgumentDefaultsHelpFormatter's default.
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (standaard: %(default)s)",
    # Mistakes in the parser's definition, for the developer; translated all the same.
    ".__call__() not defined": ".__call__() niet gedefinieerd",
    "'required' is an invalid argument for positionals": (
        "'required' is geen geldig argument voor positionele argumenten"
    ),
    "mutually exclusive arguments must be optional": (
        "elkaar uitsluitende argumenten moeten optioneel zijn"
    ),
    "%r is not callable": "%r is niet aanroepbaar",
    "cannot merge actions - two groups are named %r": (
        "kan acties niet samenvoegen - twee groepen heten %r"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "ongeldige optie %(option)r: moet beginnen met een teken uit %(prefix_chars)r"
    ),
    "dest= is required for options like %r": "dest= is verplicht voor opties zoals %r",
    "invalid conflict_resolution value: %r": "ongeldige waarde voor conflict_resolution: %r",
    "cannot have multiple subparser arguments": "slechts één argument met subopdrachten",
    "conflicting subparser: %s": "subopdracht bestaat al: %s",
    "conflicting subparser alias: %s": "alias van subopdracht bestaat al: %s",
}
DUTCH_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): (
        "verwacht %s waarde",
        "verwacht %s waarden",
    ),
    ("conflicting option string: %s", "conflicting option strings: %s"): (
        "optie bestaat al: %s",
        "opties bestaan al: %s",
    ),
}


def gettext(message: str) -> str:
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    one, many = DUTCH_PLURAL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Makes every argparse parser in this process speak Dutch; harmless to repeat."""
    lookups: dict[str, Callable[..., str]] = {"_": gettext, "ngettext": ngettext}
    for name, function in lookups.items():
        setattr(argparse, name, function)
