"""Which mail client is the user's, and in what order the adapters are tried.

Detection only reads: PATH lookups, ``xdg-mime query`` and ``.desktop`` files on Linux, the
registry on Windows (through the Windows adapters' own reader). It never starts a client,
so the settings dialog can show it at any time.

The chain always ends with the ``.eml`` opener; when even that fails the window shows the
fallback dialog (archive in the file manager, copy buttons, password still on screen).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from referral_desk.delivery.launch import Runner, Which, run_command, which_in
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import (
    MAIL_ENV,
    DraftResult,
    EmlFileOpener,
    EmlOnlyOpener,
    MailOpener,
    MailOpenError,
    OpenerChain,
    exception_summary,
)
from referral_desk.delivery.thunderbird import (
    ThunderbirdComposeOpener,
    account_missing_reason,
    is_thunderbird_name,
    mailto_handler,
    sandbox_kind,
)
from referral_desk.delivery.xdg_email import XdgEmailOpener

log = logging.getLogger("referral_desk.delivery")

AUTO = "auto"
EML = EmlFileOpener.name

# Every adapter a user can pick on each platform, in the automatic order's spirit.
PLATFORM_ADAPTERS: Mapping[str, tuple[str, ...]] = {
    "win32": ("new-outlook", "outlook-com", "mapi", EML),
    "darwin": ("thunderbird", EML),
    "linux": ("thunderbird", "xdg-email", EML),
}

ADAPTER_LABELS: Mapping[str, str] = {
    "new-outlook": "Nieuwe Outlook",
    "outlook-com": "Outlook (klassiek)",
    "mapi": "Standaard e-mailprogramma via MAPI (Thunderbird, eM Client …)",
    "thunderbird": "Thunderbird",
    "xdg-email": XdgEmailOpener.label,
    EML: "E-mailconcept (.eml) openen met het standaardprogramma",
    EmlOnlyOpener.name: EmlOnlyOpener.label,
}


def platform_adapters(platform: str) -> tuple[str, ...]:
    return PLATFORM_ADAPTERS.get(platform, PLATFORM_ADAPTERS["linux"])


class MailDetection(BaseModel, frozen=True, extra="forbid"):
    platform: str
    # What the user would call their mail program; None when none is set up.
    default_client: str | None = None
    # The automatic order; always ends with the .eml opener.
    usable: tuple[str, ...]
    # Adapter → Dutch reason it cannot be used here.
    unusable: dict[str, str] = {}
    # New Outlook's olk.exe, which its opener needs.
    olk_path: Path | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        """Every adapter the settings offer here, usable or not."""
        listed = platform_adapters(self.platform)
        return listed + tuple(name for name in self.usable if name not in listed)

    def is_usable(self, name: str) -> bool:
        return name in self.usable


class WindowsProbe(NamedTuple):
    order: tuple[str, ...]
    default_client: str | None
    olk_path: Path | None


# --- Linux -----------------------------------------------------------------------------------


def _data_dirs(environ: Mapping[str, str]) -> list[Path]:
    """``XDG_DATA_HOME`` and ``XDG_DATA_DIRS``, split on the platform's list separator (``:``
    on Linux; ``;`` where a folder starts with a drive letter, as GLib does on Windows)."""
    home = environ.get("HOME", "")
    data_home = environ.get("XDG_DATA_HOME") or (
        str(Path(home) / ".local" / "share") if home else ""
    )
    dirs = environ.get("XDG_DATA_DIRS") or os.pathsep.join(["/usr/local/share", "/usr/share"])
    return [Path(d) for d in [data_home, *dirs.split(os.pathsep)] if d]


def desktop_entry(desktop_id: str, environ: Mapping[str, str]) -> dict[str, str]:
    """``Name`` and ``Exec`` of a ``.desktop`` file, looked up the way xdg-utils does."""
    # A file name only: no folder part in any of the platform's spellings ("/", "\\", "C:").
    if "/" in desktop_id or Path(desktop_id).name != desktop_id:
        return {}
    if not desktop_id.endswith(".desktop"):
        return {}
    relative = [Path(desktop_id)]
    if "-" in desktop_id:
        vendor, _, rest = desktop_id.partition("-")
        relative.append(Path(vendor) / rest)
    for data_dir in _data_dirs(environ):
        for rel in relative:
            path = data_dir / "applications" / rel
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            return _desktop_keys(text)
    return {}


def _desktop_keys(text: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    group = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            group = line
        elif group == "[Desktop Entry]" and "=" in line:
            key, _, value = line.partition("=")
            keys.setdefault(key.strip(), value.strip())
    return {key: keys[key] for key in ("Name", "Exec") if key in keys}


def _handler_sandbox(exec_line: str, environ: Mapping[str, str]) -> str | None:
    lowered = exec_line.lower()
    if "flatpak" in lowered:
        return "Flatpak"
    if "/snap/" in lowered or lowered.startswith("snap "):
        return "Snap"
    first = exec_line.split()[0] if exec_line.split() else ""
    if first.startswith("/"):
        home = environ.get("HOME")
        return sandbox_kind(Path(first), Path(home) if home else None)
    return None


def _detect_linux(
    environ: Mapping[str, str], runner: Runner, which: Which, platform: str
) -> MailDetection:
    unusable: dict[str, str] = {}
    handler = mailto_handler(runner, which)
    entry = desktop_entry(handler, environ) if handler else {}
    handler_is_thunderbird = handler is not None and is_thunderbird_name(
        handler + " " + entry.get("Exec", "")
    )
    handler_sandbox = (
        _handler_sandbox(entry.get("Exec", ""), environ) if handler_is_thunderbird else None
    )
    if handler_is_thunderbird:
        default_client: str | None = "Thunderbird" + (
            f" ({handler_sandbox})" if handler_sandbox else ""
        )
    elif handler is not None:
        default_client = entry.get("Name") or handler.removesuffix(".desktop")
    else:
        default_client = None

    thunderbird = ThunderbirdComposeOpener(which=which, environ=environ, platform=platform)
    thunderbird_reason = thunderbird.unusable_reason()
    xdg_reason = XdgEmailOpener(which=which, environ=environ).unusable_reason()

    order: list[str] = []
    if handler_is_thunderbird and handler_sandbox is None and thunderbird_reason is None:
        order.append("thunderbird")
    if xdg_reason is not None:
        unusable["xdg-email"] = xdg_reason
    elif handler_sandbox is not None:
        # xdg-email would start that same sandboxed Thunderbird, which cannot read the file;
        # the .eml carries the archive inside it, so that one still works.
        unusable["xdg-email"] = (
            f"het standaard e-mailprogramma is de {handler_sandbox}-versie van Thunderbird, "
            "die de bijlage niet kan lezen"
        )
    elif handler_is_thunderbird and account_missing_reason(environ, platform) is not None:
        # xdg-email would start that same Thunderbird, which shows only its account wizard.
        unusable["xdg-email"] = (
            "het standaard e-mailprogramma is Thunderbird, dat nog geen e-mailaccount heeft"
        )
    else:
        order.append("xdg-email")
    if thunderbird_reason is not None:
        unusable["thunderbird"] = thunderbird_reason
    elif handler_sandbox is not None:
        unusable["thunderbird"] = (
            f"het standaard e-mailprogramma is de {handler_sandbox}-versie van Thunderbird"
        )
    elif "thunderbird" not in order:
        # Installed but not the default: a better last try than a bare .eml.
        order.append("thunderbird")
    order.append(EML)
    return MailDetection(
        platform=platform, default_client=default_client, usable=tuple(order), unusable=unusable
    )


# --- macOS -----------------------------------------------------------------------------------


def _detect_macos(environ: Mapping[str, str], which: Which, platform: str) -> MailDetection:
    # No X-Unsent on macOS: Mail opens a .eml as a received message ("Send Again" re-sends it),
    # so a Thunderbird that is installed is the better first try.
    thunderbird = ThunderbirdComposeOpener(which=which, environ=environ, platform=platform)
    reason = thunderbird.unusable_reason()
    if reason is None:
        return MailDetection(
            platform=platform, default_client="Thunderbird", usable=("thunderbird", EML)
        )
    return MailDetection(platform=platform, usable=(EML,), unusable={"thunderbird": reason})


# --- Windows ---------------------------------------------------------------------------------

_WINDOWS_REGISTRY_MODULE = "referral_desk.delivery.windows_registry"
WINDOWS_ADAPTERS_MISSING = "de Windows-koppelingen ontbreken in deze installatie"


def probe_windows() -> WindowsProbe:
    """The Windows adapters' registry detection, imported only here and only on demand.

    Raises ImportError when that module is not installed, OSError when the registry
    cannot be read.
    """
    module: Any = importlib.import_module(_WINDOWS_REGISTRY_MODULE)
    info = module.detect_windows_mail(module.WinregReader(), os.path.exists)
    order = tuple(str(name) for name in module.windows_adapter_order(info))
    default = getattr(info, "default_client", None)
    olk = getattr(info, "olk_path", None)
    return WindowsProbe(
        order=order,
        default_client=str(default) if default else None,
        olk_path=Path(olk) if olk else None,
    )


def _detect_windows(probe: Callable[[], WindowsProbe], platform: str) -> MailDetection:
    try:
        found = probe()
    except (ImportError, OSError) as error:
        log.warning("Windows mail detection unavailable: %s", type(error).__name__)
        reasons = {name: WINDOWS_ADAPTERS_MISSING for name in platform_adapters(platform)[:-1]}
        return MailDetection(platform=platform, usable=(EML,), unusable=reasons)
    order = [name for name in found.order if name != EML] + [EML]
    unusable = {
        name: "niet gevonden op deze computer"
        for name in platform_adapters(platform)
        if name not in order
    }
    return MailDetection(
        platform=platform,
        default_client=found.default_client,
        usable=tuple(order),
        unusable=unusable,
        olk_path=found.olk_path,
    )


# --- the public entry points ------------------------------------------------------------------


def detect_mail_clients(
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    *,
    runner: Runner = run_command,
    which: Which | None = None,
    windows_probe: Callable[[], WindowsProbe] = probe_windows,
) -> MailDetection:
    """Programs are looked up on *environ*'s PATH only, so an empty environ finds none."""
    if platform == "win32":
        return _detect_windows(windows_probe, platform)
    find = which or which_in(environ)
    if platform == "darwin":
        return _detect_macos(environ, find, platform)
    return _detect_linux(environ, runner, find, platform)


def adapter_label(name: str) -> str:
    return ADAPTER_LABELS.get(name, name)


class UnavailableOpener:
    """Stands in for an adapter that cannot even be built here, so the chain logs why."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.label = adapter_label(name)
        self.reason = reason

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        raise MailOpenError(self.reason)


def _windows_opener(module_name: str, class_name: str, *args: object) -> MailOpener:
    module: Any = importlib.import_module(f"referral_desk.delivery.{module_name}")
    opener: MailOpener = getattr(module, class_name)(*args)
    return opener


def make_opener(name: str, detection: MailDetection, environ: Mapping[str, str]) -> MailOpener:
    if name == "thunderbird":
        return ThunderbirdComposeOpener(environ=environ, platform=detection.platform)
    if name == "xdg-email":
        return XdgEmailOpener(environ=environ)
    if name == EML:
        return EmlFileOpener()
    if name == EmlOnlyOpener.name:
        return EmlOnlyOpener()
    try:
        if name == "outlook-com":
            return _windows_opener("outlook_com", "OutlookComOpener")
        if name == "mapi":
            return _windows_opener("mapi", "MapiOpener")
        if name == "new-outlook":
            if detection.olk_path is None:
                return UnavailableOpener(name, "de nieuwe Outlook is niet gevonden")
            return _windows_opener("new_outlook", "NewOutlookOpener", detection.olk_path)
    except (ImportError, AttributeError):
        return UnavailableOpener(name, WINDOWS_ADAPTERS_MISSING)
    return UnavailableOpener(name, "onbekende manier om e-mail te openen")


def known_adapter(name: str) -> bool:
    return name in ADAPTER_LABELS


def adapter_order(choice: str, detection: MailDetection) -> list[str]:
    """A chosen adapter first, then the detected order as fallback; ``auto`` (or a name this
    version does not know) is the detected order. The ``.eml`` opener is always in it."""
    order = list(detection.usable)
    choice = choice.strip()
    if choice and choice != AUTO:
        if known_adapter(choice):
            order = [choice, *(name for name in order if name != choice)]
        else:
            log.warning("unknown mail adapter setting %r, using automatic", choice[:40])
    if EML not in order:
        order.append(EML)
    return order


def _headless(environ: Mapping[str, str]) -> bool:
    return environ.get(MAIL_ENV, "").strip().lower() == "eml"


def build_opener_chain(
    settings_adapter: str = AUTO,
    environ: Mapping[str, str] = os.environ,
    *,
    detection: MailDetection | None = None,
    platform: str = sys.platform,
) -> OpenerChain:
    """The openers to try, in order.

    ``REFERRAL_DESK_MAIL=eml`` → save only (headless); otherwise :func:`adapter_order` over
    what :func:`detect_mail_clients` finds (or *detection*, when given).
    """
    if _headless(environ):
        return OpenerChain([EmlOnlyOpener()])
    if detection is None:
        detection = detect_mail_clients(platform, environ)
    order = adapter_order(settings_adapter, detection)
    return OpenerChain([make_opener(name, detection, environ) for name in order])


class ConfiguredOpenerChain:
    """Detects and builds the chain at each draft, so a changed setting or a newly
    installed client applies at once; *adapter_choice* returns the setting's value."""

    name = "chain"
    label = "Gekozen e-mailprogramma, anders het eerste dat werkt"

    def __init__(
        self,
        adapter_choice: Callable[[], str],
        environ: Mapping[str, str] = os.environ,
        *,
        platform: str = sys.platform,
    ) -> None:
        self.adapter_choice = adapter_choice
        self.environ = environ
        self.platform = platform

    def chain(self) -> OpenerChain:
        return build_opener_chain(self.adapter_choice(), self.environ, platform=self.platform)

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        try:
            chain = self.chain()
        except Exception as error:  # a detection bug must not cost the user the draft
            log.warning("mail adapters not built: %s", exception_summary(error))
            headless = _headless(self.environ)
            chain = OpenerChain([EmlOnlyOpener() if headless else EmlFileOpener()])
        return chain.open_draft(draft, workdir)


def describe_order(names: Sequence[str]) -> str:
    return " → ".join(adapter_label(name) for name in names)
