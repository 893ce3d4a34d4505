"""``referral-desk leaflet``: the client information sheet for a partner, as a PDF file.

Apart from :mod:`referral_desk.cli` so that starting the window does not load the registry,
fpdf and HarfBuzz for it. The sheet holds no client data, so writing it to disk is fine.

Exit codes: 0 written; 2 unknown partner, unknown language or no contact for the sheet
(something the caller can correct on the command line); 1 anything else (registry, settings
or file problems).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from pydantic import ValidationError

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry.active import load_active_registry
from referral_desk.sealing.leaflet import (
    LANGUAGE_CODES,
    Contact,
    SheetContact,
    available_languages,
    leaflets_dir,
    render_information_sheet,
)
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.settings import SettingsStore

EXIT_USAGE = 2
_FLAGS = {"name": "referrer-name", "team": "team", "phone": "referrer-phone"}


def _contact(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> Contact | None:
    """The profile, with each flag given taking the place of its field; without a profile
    all three flags are needed."""
    profile = SettingsStore(paths.settings_file).load().referrer
    given = {
        "name": args.referrer_name,
        "team": args.team,
        "phone": args.referrer_phone,
    }
    if profile is not None and all(value is None for value in given.values()):
        return profile
    values = {
        key: value if value is not None else getattr(profile, key, None)
        for key, value in given.items()
    }
    if any(value is None for value in values.values()):
        out.write(
            "Geen aanmeldersprofiel ingesteld, en het informatieblad heeft een "
            "contactpersoon nodig. Vul uw profiel in (Instellingen in het venster) of geef "
            "--referrer-name, --referrer-phone en --team.\n"
        )
        return None
    try:
        return SheetContact.model_validate(values)
    except ValidationError as error:
        for problem in error.errors():
            out.write(f"--{_FLAGS[str(problem['loc'][0])]}: {problem['msg']}\n")
        return None


def leaflet_main(args: argparse.Namespace, out: TextIO, paths: AppPaths | None = None) -> int:
    paths = paths or AppPaths.from_platform()
    if args.lang not in LANGUAGE_CODES:
        out.write(f"Onbekende taal '{args.lang}'. Kies een van: {', '.join(LANGUAGE_CODES)}.\n")
        return EXIT_USAGE
    try:
        table = PostcodeTable.load_bundled(paths.resources_dir)
        registry = load_active_registry(paths, table).registry
    except RegistryError as error:
        out.write("Het partnerregister kan niet geladen worden:\n")
        out.writelines(f"  {problem}\n" for problem in error.problems)
        return 1
    partner = registry.partner(args.partner)
    if partner is None:
        out.write(
            f"Onbekende partner '{args.partner}' in het partnerregister. De ID's staan in "
            "de eerste kolom van `referral-desk registry export --csv FILE`.\n"
        )
        return EXIT_USAGE
    try:
        contact = _contact(args, paths, out)
    except UserFacingError as error:
        out.write(f"{error.message}\n")
        return 1
    if contact is None:
        return EXIT_USAGE
    try:
        data = render_information_sheet(
            partner.name,
            partner.kind,
            partner.protocol.withdrawal_clause,
            contact,
            args.lang,
            paths.fonts_dir,
            retention_years=partner.protocol.retention_years,
            dpo_contact=registry.dpo_contact,
            terms=partner.protocol.terms(),
        )
    except UserFacingError as error:
        out.write(f"{error.message}\n")
        return 1
    try:
        atomic_write_bytes(args.output, data, mode=0o644)
    except OSError as error:
        out.write(f"{args.output}: kan niet geschreven worden ({error.strerror or error})\n")
        return 1
    language = available_languages(leaflets_dir(paths.fonts_dir))[args.lang]
    review = "" if language.reviewed else ", vertaling niet nagelezen door een moedertaalspreker"
    out.write(
        f"Informatieblad voor {partner.name} ({language.dutch_name}{review}) geschreven "
        f"naar {args.output}.\n"
    )
    return 0
