"""``referral-desk registry …``: validate, diff, export and import the partner registry.

Apart from :mod:`referral_desk.cli` so that starting the window does not load tomlkit, the
CSV reader and the diff, which only these commands need.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from referral_desk.domain.dutch_counts import counted
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.registry.active import RegistrySource, active_registry_source
from referral_desk.registry.csv_table import (
    CsvImportError,
    decode_csv,
    export_csv,
    import_csv,
)
from referral_desk.registry.diff import diff_registries, render_changes, render_diff
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.file_reading import load_registry_file, read_registry_text
from referral_desk.registry.form_input import HeaderInput
from referral_desk.registry.parsing import load_registry_text
from referral_desk.registry.rules import (
    NewVersionRefused,
    RegistryBase,
    check_new_version,
    describe_changes,
)
from referral_desk.registry.trust import (
    TrustedKeys,
    check_signature,
    read_trusted_keys,
    signature_file,
)
from referral_desk.storage.atomic_file import atomic_write_bytes
from referral_desk.storage.paths import AppPaths


def _table() -> PostcodeTable:
    return PostcodeTable.load_bundled(AppPaths.from_platform().resources_dir)


def _problems_heading(count: int, file: Path) -> str:
    return f"{counted(count, 'probleem', 'problemen')} in {file}:\n"


def _write_problems(out: TextIO, problems: Sequence[RegistryProblem]) -> None:
    """The Dutch sentence first, then the file, line and field IT looks up."""
    for problem in problems:
        out.write(f"  {problem.sentence}\n      {problem.where}\n")


def _bold(out: TextIO) -> tuple[str, str]:
    """ANSI bold on a terminal; plain text when piped (the ``!`` and capitals still stand out)."""
    return ("\033[1m", "\033[0m") if out.isatty() else ("", "")


def registry_validate(file: Path, out: TextIO) -> int:
    try:
        loaded = load_registry_file(file, _table())
    except RegistryError as error:
        out.write(_problems_heading(len(error.problems), file))
        _write_problems(out, error.problems)
        return 1
    document = loaded.document
    out.write(
        f"{file}: in orde — versie {document.registry_version} van "
        f"{document.registry_date}, {counted(len(document.partners), 'partner', 'partners')}.\n"
    )
    return 0


def registry_diff(old: Path, new: Path, out: TextIO) -> int:
    table = _table()
    try:
        before = load_registry_file(old, table).document
        after = load_registry_file(new, table).document
    except RegistryError as error:
        _write_problems(out, error.problems)
        return 1
    out.write(render_diff(diff_registries(before, after), bold=_bold(out)) + "\n")
    return 0


def _active_registry_file() -> Path:
    paths = AppPaths.from_platform()
    if active_registry_source(paths) is RegistrySource.MACHINE:
        return paths.machine_registry
    return paths.bundled_registry


def registry_export(csv_file: Path, registry: Path | None, out: TextIO) -> int:
    source = registry or _active_registry_file()
    try:
        document = load_registry_file(source, _table()).document
    except RegistryError as error:
        _write_problems(out, error.problems)
        return 1
    try:
        atomic_write_bytes(csv_file, export_csv(document).encode("utf-8-sig"), mode=0o644)
    except OSError as error:
        out.write(f"{csv_file}: kan niet geschreven worden ({error.strerror or error})\n")
        return 1
    partners = counted(len(document.partners), "partner", "partners")
    out.write(f"{partners} uit {source} geschreven naar {csv_file}.\n")
    return 0


# The import's flags for the header fields the registry rules report problems under.
_HEADER_FLAGS = {"version": "--version", "date": "--date", "changed_by": "--changed-by"}


def _write_invalid(out: TextIO, problems: Sequence[RegistryProblem]) -> None:
    out.write("De partners uit de CSV samen vormen geen geldig partnerregister:\n")
    _write_problems(out, problems)


def registry_import(args: argparse.Namespace, out: TextIO) -> int:
    """Without --output only checks and shows the changes; with it, writes the new registry
    under the same rules as the registry editor (:mod:`referral_desk.registry.rules`)."""
    table = _table()
    base_file: Path = args.base or _active_registry_file()
    try:
        rows = import_csv(decode_csv(args.csv_file.read_bytes()))
    except OSError as error:
        out.write(f"{args.csv_file}: kan niet gelezen worden ({error.strerror or error})\n")
        return 1
    except CsvImportError as error:
        out.write(_problems_heading(len(error.problems), args.csv_file))
        out.writelines(f"  {problem}\n" for problem in error.problems)
        return 1
    try:
        base_text = read_registry_text(base_file)
        editable = EditableRegistry.from_text(base_text, file=str(base_file))
        base = RegistryBase(base_text, editable.validate(table))
    except RegistryError as error:
        out.write(f"Het basisregister {base_file} is zelf niet in orde:\n")
        _write_problems(out, error.problems)
        return 1
    editable.upgrade()  # the new registry is written in the current schema
    editable.set_partners(rows)
    editable.file = str(args.csv_file)
    bold = _bold(out)
    if args.output is None:
        try:
            after = editable.validate(table)
        except RegistryError as error:
            _write_invalid(out, error.problems)
            return 1
        out.write(render_changes(describe_changes(base, after), bold=bold) + "\n")
        out.write(
            "In orde. Niets geschreven; geef --output FILE om het partnerregister te maken.\n"
        )
        return 0
    header = HeaderInput(
        version=args.registry_version or "",
        date_text=(args.date or date.today()).isoformat(),
        changed_by=args.changed_by or "",
    )
    header.apply_to(editable)
    try:
        after = check_new_version(editable, table, base, header)
    except NewVersionRefused as refused:
        if refused.registry_problems:
            _write_invalid(out, refused.registry_problems)
        if refused.document is not None:
            out.write(render_changes(describe_changes(base, refused.document), bold=bold) + "\n")
        out.writelines(
            f"{_HEADER_FLAGS[key]}: {message}\n" for key, message in refused.header_problems.items()
        )
        out.write(f"Niets geschreven naar {args.output}.\n")
        return 1
    out.write(render_changes(describe_changes(base, after), bold=bold) + "\n")
    try:
        atomic_write_bytes(args.output, editable.to_text().encode("utf-8"), mode=0o644)
    except OSError as error:
        out.write(f"{args.output}: kan niet geschreven worden ({error.strerror or error})\n")
        return 1
    out.write(f"Nieuw partnerregister geschreven: {args.output}\n")
    return 0


def _ask_password() -> str:
    return getpass.getpass("Wachtwoord van de geheime sleutel: ")


def registry_sign(
    args: argparse.Namespace,
    out: TextIO,
    *,
    password_input: TextIO,
    ask_password: Callable[[], str] = _ask_password,
    clock: Callable[[], float] = time.time,
) -> int:
    """Signs a valid registry only: a signature vouches for what the app will load."""
    from referral_desk.registry.minisign import MinisignError, secret_key_is_encrypted
    from referral_desk.registry.signing import unlock_and_sign

    file: Path = args.file
    try:
        text = read_registry_text(file)
        load_registry_text(text, _table(), file=str(file))
    except RegistryError as error:
        out.write(f"{file} is geen geldig partnerregister; niet ondertekend:\n")
        _write_problems(out, error.problems)
        return 1
    try:
        key_text = args.key.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        out.write(f"{args.key}: kan niet gelezen worden ({error})\n")
        return 1
    try:
        password = None
        if secret_key_is_encrypted(key_text):
            password = (
                password_input.readline().rstrip("\r\n") if args.password_stdin else ask_password()
            )
        signature = unlock_and_sign(
            text.encode("utf-8"), file.name, key_text, password, now=clock()
        )
    except MinisignError as error:
        out.write(f"{args.key}: {error.message}\n")
        return 1
    target = signature_file(file)
    try:
        atomic_write_bytes(target, signature.text.encode("utf-8"), mode=0o644)
    except OSError as error:
        out.write(f"{target}: kan niet geschreven worden ({error.strerror or error})\n")
        return 1
    out.write(f"{target} geschreven: ondertekend met sleutel {signature.key_id_text}.\n")
    return 0


def registry_verify(args: argparse.Namespace, out: TextIO) -> int:
    file: Path = args.file
    if args.pubkey is not None:
        from referral_desk.registry.minisign import MinisignError, PublicKey

        try:
            trusted = TrustedKeys((PublicKey.parse(args.pubkey.read_text("utf-8")),), ())
        except (OSError, UnicodeDecodeError) as error:
            out.write(f"{args.pubkey}: kan niet gelezen worden ({error})\n")
            return 1
        except MinisignError as error:
            out.write(f"{args.pubkey}: {error.message}\n")
            return 1
    else:
        trusted = read_trusted_keys(AppPaths.from_platform().trusted_key_dirs)
        out.writelines(
            f"Vertrouwde sleutel onbruikbaar: {problem}\n" for problem in trusted.problems
        )
        if not trusted.keys:
            out.write("Geen vertrouwde sleutels ingesteld op deze machine; geef --pubkey.\n")
            return 1
    try:
        data = file.read_bytes()
    except OSError as error:
        out.write(f"{file}: kan niet gelezen worden ({error.strerror or error})\n")
        return 1
    status = check_signature(file, data, trusted)
    out.write(f"{file}: {status.describe()}\n")
    return 0 if status.trusted else 1


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "sign":
        return registry_sign(args, out, password_input=sys.stdin)
    if args.action == "verify":
        return registry_verify(args, out)
    if args.action == "validate":
        return registry_validate(args.file, out)
    if args.action == "export":
        return registry_export(args.csv_file, args.registry, out)
    if args.action == "import":
        return registry_import(args, out)
    return registry_diff(args.old, args.new, out)
