"""``referral-desk selftest``: what a helpdesk checks after a deployment, without a display.

Every check runs even when an earlier one failed, and a check never raises: whatever goes
wrong becomes a failed :class:`CheckResult` with a detail that says what to do. Nothing here
opens a window, a mail client or a network connection (the ``registry_source`` folder IT
configured is read through the file system, as at start), and the only files written are a
probe file in each user folder (removed at once) and, as at start, a newer verified registry
from that folder; the archive round trip stays in memory.

The keyring counts: a machine where no keyring backend answers is reported as a failure,
so the exit code is 1: 0 means the machine can make and recall referrals. On Windows the
Credential Manager backend always answers; on a Linux box without Secret Service this check
fails, with the backend's name and how to configure another one in the detail.

Qt-free except for the version check, which imports ``PySide6.QtCore`` only (no
``QApplication``), so the self-test also runs over SSH or in a headless CI job.
"""

from __future__ import annotations

import io
import os
import platform
import secrets
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from referral_desk import __version__
from referral_desk.cli.settings_checks import machine_config_finding, settings_finding
from referral_desk.delivery.detection import (
    AUTO,
    MailDetection,
    adapter_label,
    adapter_order,
    describe_order,
    detect_mail_clients,
)
from referral_desk.delivery.openers import MAIL_ENV, EmlOnlyOpener
from referral_desk.domain.postcodes import PostcodeTable, PostcodeTableError
from referral_desk.domain.referral import (
    ClientDetails,
    Consent,
    PartnerSnapshot,
    Referral,
    ReferrerProfile,
    SheetGiven,
)
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry.active import (
    SOURCE_LABELS,
    RegistrySource,
    active_registry_source,
    load_active_registry_checked,
)
from referral_desk.sealing.archive import build_encrypted_archive, read_encrypted_archive
from referral_desk.sealing.documents import render_referral_json, render_referral_pdf
from referral_desk.sealing.leaflet import sheet_version
from referral_desk.sealing.password import generate_password
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.referral_log import SCHEMA_VERSION, ReferralLog, ReferralLogError
from referral_desk.storage.settings import SettingsError, SettingsStore

# 7-Zip's method id for AES-256 + SHA-256 key derivation ("7zAES").
SEVEN_ZIP_AES_METHOD = b"\x06\xf1\x07\x01"
KEYRING_PROBE_SERVICE = "referral-desk-selftest"
KEYRING_PROBE_USER = "probe"


class CheckResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # A stable identifier (registry, machine_config, documents, archive, keyring, mail,
    # settings, folders, referral_log, versions).
    name: str
    ok: bool
    # Dutch, for the helpdesk; several lines when there is more than one problem.
    detail: str


class SelftestReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str
    checked_at: datetime
    checks: tuple[CheckResult, ...]
    ok: bool


class KeyringUnavailable(Exception):
    """The keyring has no usable backend (keyring's ``fail`` or ``null`` backend)."""


# --- the probes that touch the machine (replaceable in tests) ---------------------------------


def probe_keyring() -> str:
    """The active backend's name, after it answered one harmless lookup.

    Raises KeyringUnavailable when keyring fell back to its fail/null backend, and passes
    on whatever the backend raises (locked store, missing D-Bus ...).
    """
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if isinstance(backend, fail.Keyring | null.Keyring):
        raise KeyringUnavailable(name)
    # Reads one entry that never exists; a None answer is the expected one.
    backend.get_password(KEYRING_PROBE_SERVICE, KEYRING_PROBE_USER)
    return name


def local_now() -> datetime:
    return datetime.now().astimezone()


# --- the checks ---------------------------------------------------------------------------------


def _bytes(count: int) -> str:
    return f"{count:,} bytes".replace(",", ".")


def _failure(name: str, error: BaseException) -> CheckResult:
    text = "\n".join(
        line for line in str(error).splitlines() if "For further information" not in line
    )
    return CheckResult(name=name, ok=False, detail=f"{type(error).__name__}: {text}")


def check_registry(paths: AppPaths, today: date) -> CheckResult:
    """Where the active registry came from, its version and date, and its signature."""
    source = active_registry_source(paths)
    label = SOURCE_LABELS[source]
    try:
        table = PostcodeTable.load_bundled(paths.resources_dir)
    except PostcodeTableError as error:
        return CheckResult(
            name="registry",
            ok=False,
            detail=f"postcodetabel in {paths.resources_dir}: {error}; herinstalleer referral-desk",
        )
    try:
        active = load_active_registry_checked(paths, table)
    except RegistryError as error:
        lines = [f"{label} {_registry_path(paths, source)} is ongeldig en wordt geweigerd:"]
        lines += [f"  {problem}" for problem in error.problems]
        return CheckResult(name="registry", ok=False, detail="\n".join(lines))
    loaded = active.loaded
    document = loaded.document
    in_force = sum(1 for partner in document.partners if partner.protocol.in_force_on(today))
    if active.signature is None:
        signature = "handtekening niet gecontroleerd: geen vertrouwde sleutels ingesteld"
    else:
        signature = active.signature.describe()
    return CheckResult(
        name="registry",
        ok=True,
        detail=(
            f"{SOURCE_LABELS[active.source]} {loaded.source}: versie "
            f"{document.registry_version} van {document.registry_date}, "
            f"{len(document.partners)} partners ({in_force} met een protocol dat vandaag "
            f"geldt)\n{signature}" + (f"\nLet op: {active.notice}" if active.notice else "")
        ),
    )


def check_machine_config(paths: AppPaths) -> CheckResult:
    ok, detail = machine_config_finding(paths)
    return CheckResult(name="machine_config", ok=ok, detail=detail)


def check_settings(paths: AppPaths) -> CheckResult:
    ok, detail = settings_finding(paths)
    return CheckResult(name="settings", ok=ok, detail=detail)


def _registry_path(paths: AppPaths, source: RegistrySource) -> Path:
    return paths.machine_registry if source is RegistrySource.MACHINE else paths.bundled_registry


def sample_referral(now: datetime) -> Referral:
    """Fictitious data only; it never leaves this process."""
    return Referral(
        referral_id="KG-0000-TEXTXX",
        created_at=now,
        client=ClientDetails(
            first_name="Test",
            last_name="Zelftest",
            street="Teststraat",
            house_number="1",
            postcode="1000",
            municipality="Brussel",
            phone="+3222000000",
            email="zelftest@example.be",
        ),
        consent=Consent(
            informed=True,
            consented=True,
            recorded_on=now.date(),
            sheet_language="nl",
            sheet_version=sheet_version("nl"),
            sheet_given=SheetGiven.HANDED_OVER,
        ),
        referrer=ReferrerProfile(
            name="Zelftest",
            team="Kind en Gezin Zelftest",
            phone="+3222000000",
            email="zelftest@example.be",
        ),
        partner=PartnerSnapshot(
            partner_id="zelftest",
            name="OCMW Zelftest",
            kind="OCMW",
            mailbox="zelftest@example.be",
            protocol_reference="Zelftest",
            protocol_in_force_from=date(2000, 1, 1),
        ),
    )


def render_documents(paths: AppPaths, now: datetime) -> tuple[CheckResult, dict[str, bytes]]:
    """The PDF (fpdf2 and the bundled fonts) and JSON of a fictitious referral."""
    try:
        referral = sample_referral(now)
        files = {
            "zelftest.pdf": render_referral_pdf(referral, paths.fonts_dir),
            "zelftest.json": render_referral_json(referral),
        }
    except Exception as error:
        return _failure("documents", error), {"zelftest.txt": b"referral-desk selftest\n"}
    sizes = ", ".join(f"{name} {_bytes(len(data))}" for name, data in files.items())
    return CheckResult(
        name="documents", ok=True, detail=f"fictieve doorverwijzing gemaakt: {sizes}"
    ), files


def check_archive(files: dict[str, bytes]) -> CheckResult:
    """AES-256, encrypted headers, and back again; all in memory."""
    import py7zr

    password = generate_password()
    try:
        data = build_encrypted_archive(files, password)
        problems: list[str] = []
        try:
            with py7zr.SevenZipFile(io.BytesIO(data), "r") as archive:
                names = archive.getnames()
            problems.append(f"zonder wachtwoord zijn de namen leesbaar: {names}")
        except py7zr.PasswordRequired:
            pass  # the header itself is encrypted: not even the names show
        with py7zr.SevenZipFile(io.BytesIO(data), "r", password=password) as archive:
            folders = archive.header.main_streams.unpackinfo.folders
            methods = [coder["method"] for folder in folders for coder in folder.coders]
        if SEVEN_ZIP_AES_METHOD not in methods:
            problems.append(f"geen 7zAES (AES-256) onder de coders: {methods!r}")
        if read_encrypted_archive(data, password) != files:
            problems.append("de inhoud komt er anders uit dan hij erin ging")
    except Exception as error:
        return _failure("archive", error)
    if problems:
        return CheckResult(name="archive", ok=False, detail="; ".join(problems))
    return CheckResult(
        name="archive",
        ok=True,
        detail=(
            f"7z met AES-256 (7zAES) en versleutelde headers, {_bytes(len(data))}, "
            "heen en terug gelijk"
        ),
    )


def check_keyring(probe: Callable[[], str]) -> CheckResult:
    try:
        name = probe()
    except KeyringUnavailable as error:
        return CheckResult(
            name="keyring",
            ok=False,
            detail=(
                f"geen bruikbare sleutelbos (backend {error}); op Windows is dat "
                "Windows Referentiebeheer (Credential Manager), op Linux Secret Service "
                "(gnome-keyring, KWallet) of een backend via PYTHON_KEYRING_BACKEND"
            ),
        )
    except Exception as error:
        return CheckResult(
            name="keyring",
            ok=False,
            detail=f"de sleutelbos antwoordt niet: {type(error).__name__}: {error}",
        )
    return CheckResult(name="keyring", ok=True, detail=f"{name} antwoordt")


def check_mail(
    paths: AppPaths, detect: Callable[[], MailDetection], environ: dict[str, str]
) -> CheckResult:
    """Which adapter a referral would use now; detection only reads, nothing is opened."""
    if environ.get(MAIL_ENV, "").strip().lower() == "eml":
        return CheckResult(
            name="mail",
            ok=True,
            detail=f"{MAIL_ENV}=eml: {adapter_label(EmlOnlyOpener.name)}, er opent niets",
        )
    try:
        choice = SettingsStore(paths.settings_file).load().mail_adapter
    except SettingsError:
        choice = AUTO
    try:
        detection = detect()
        order = adapter_order(choice, detection)
    except Exception as error:
        return _failure("mail", error)
    default = detection.default_client or "geen ingesteld"
    lines = [
        f"eerst: {adapter_label(order[0])} (instelling: {choice}; standaardprogramma: {default})",
        f"volgorde: {describe_order(order)}",
    ]
    lines += [f"niet bruikbaar: {adapter_label(k)}: {v}" for k, v in detection.unusable.items()]
    return CheckResult(name="mail", ok=True, detail="\n".join(lines))


def _probe_writable(folder: Path) -> str | None:
    """None when a file can be created and removed in *folder* (created if needed)."""
    probe = folder / f".selftest-{secrets.token_hex(6)}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, b"referral-desk selftest\n")
        finally:
            os.close(descriptor)
        probe.unlink()
    except OSError as error:
        return f"{folder}: {error.strerror or error}"
    return None


def check_folders(paths: AppPaths) -> CheckResult:
    folders = {
        "instellingen": paths.config_dir,
        "gegevens": paths.data_dir,
        "outbox": paths.outbox_dir,
        "logbestanden": paths.log_dir,
    }
    problems = [
        f"{label} niet schrijfbaar: {problem}"
        for label, folder in folders.items()
        if (problem := _probe_writable(folder)) is not None
    ]
    if problems:
        return CheckResult(name="folders", ok=False, detail="\n".join(problems))
    return CheckResult(
        name="folders",
        ok=True,
        detail="\n".join(f"{label}: {folder}" for label, folder in folders.items()),
    )


def check_referral_log(paths: AppPaths) -> CheckResult:
    """Opens the referral log as the app does (and migrates it, as the app would at start),
    and says every row its journal finds changed outside referral-desk."""
    try:
        referral_log = ReferralLog.open(paths.referral_log_file)
    except ReferralLogError as error:
        return CheckResult(name="referral_log", ok=False, detail=error.message)
    try:
        healthy = referral_log.integrity_ok()
        count = len(referral_log.all())
        journal = referral_log.tampering()
    except ReferralLogError as error:
        return CheckResult(name="referral_log", ok=False, detail=error.message)
    finally:
        referral_log.close()
    if not healthy:
        return CheckResult(
            name="referral_log",
            ok=False,
            detail=f"{paths.referral_log_file}: integriteitscontrole faalt",
        )
    if not journal.intact:
        findings = "\n".join(f"- {finding.said.dutch}" for finding in journal.findings)
        return CheckResult(
            name="referral_log",
            ok=False,
            detail=f"{paths.referral_log_file}: {journal.said}\n{findings}",
        )
    return CheckResult(
        name="referral_log",
        ok=True,
        detail=f"{paths.referral_log_file}: schema {SCHEMA_VERSION}, {count} doorverwijzingen",
    )


def check_versions() -> CheckResult:
    """Python, py7zr and Qt; a Qt that cannot even load QtCore fails the check."""
    import py7zr

    parts = [
        f"referral-desk {__version__}",
        f"Python {platform.python_version()} ({sys.platform}"
        + (", bevroren" if getattr(sys, "frozen", False) else "")
        + ")",
        f"py7zr {py7zr.__version__}",
    ]
    try:
        import PySide6
        from PySide6 import QtCore

        parts.append(f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}")
    except Exception as error:
        parts.append(f"Qt niet te laden: {type(error).__name__}: {error}")
        return CheckResult(name="versions", ok=False, detail="; ".join(parts))
    return CheckResult(name="versions", ok=True, detail="; ".join(parts))


# --- the whole self-test --------------------------------------------------------------------


def run_selftest(
    paths: AppPaths,
    *,
    keyring_probe: Callable[[], str] = probe_keyring,
    mail_detection: Callable[[], MailDetection] = detect_mail_clients,
    clock: Callable[[], datetime] = local_now,
    environ: dict[str, str] | None = None,
) -> SelftestReport:
    now = clock()
    documents, payload = render_documents(paths, now)
    checks = (
        check_registry(paths, now.date()),
        check_machine_config(paths),
        documents,
        check_archive(payload),
        check_keyring(keyring_probe),
        check_mail(paths, mail_detection, dict(os.environ) if environ is None else environ),
        check_settings(paths),
        check_folders(paths),
        check_referral_log(paths),
        check_versions(),
    )
    return SelftestReport(
        version=__version__,
        checked_at=now,
        checks=checks,
        ok=all(check.ok for check in checks),
    )


def render_text(report: SelftestReport) -> str:
    lines = [
        f"referral-desk {report.version} — zelftest {report.checked_at:%Y-%m-%d %H:%M}",
        "",
    ]
    for check in report.checks:
        first, *rest = check.detail.splitlines() or [""]
        lines.append(f"[{' OK ' if check.ok else 'FOUT'}] {check.name}: {first}")
        lines += [f"{'':7}{line}" for line in rest]
    failed = [check.name for check in report.checks if not check.ok]
    lines.append("")
    lines.append(
        "Alles in orde." if not failed else f"NIET in orde: {', '.join(failed)} (exit code 1)."
    )
    return "\n".join(lines) + "\n"


__all__ = [
    "CheckResult",
    "KeyringUnavailable",
    "SelftestReport",
    "probe_keyring",
    "render_text",
    "run_selftest",
]
