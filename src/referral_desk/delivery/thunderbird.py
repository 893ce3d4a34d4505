"""Thunderbird's own ``-compose`` command line: a draft window with the archive attached.

Thunderbird reads the ``-compose`` string with ``GetArgs`` in ``MsgComposeCommands.js``:
``name=value`` pairs split on commas; a quote right after ``=`` opens a quoted value, and the
same quote closes it only when a comma or the end follows. A single-quoted value is taken
raw (no decoding, newlines and UTF-8 kept); an unquoted value is passed through
``decodeURIComponent``. Raw single quotes cannot express the two characters ``',``, so a
value holding them is sent unquoted and percent-encoded instead. File URIs are
percent-encoded by construction (``Path.as_uri``), so a comma or quote in a folder name
cannot end the value either.

A second ``-compose`` while Thunderbird runs goes to the running instance (over D-Bus on
Linux) and returns within a fraction of a second; Thunderbird reads the attachment when the
compose window opens and again when the user sends, so it must stay in the outbox.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import sys
import urllib.parse
from collections.abc import Mapping
from pathlib import Path

from referral_desk.delivery.launch import (
    SPAWN_GRACE_SECONDS,
    Runner,
    Spawner,
    Which,
    run_command,
    spawn_detached,
    which_in,
)
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult, MailOpenError

THUNDERBIRD_ENV = "THUNDERBIRD"
MAILTO_MIME = "x-scheme-handler/mailto"
_MAC_BUNDLE = "Thunderbird.app/Contents/MacOS/thunderbird"
_SCRIPT_HEAD_BYTES = 4096
_THUNDERBIRD_NAMES = ("thunderbird", "icedove", "betterbird")
NO_ACCOUNT_REASON = (
    "Thunderbird heeft nog geen e-mailaccount: stel eerst in Thunderbird een account in, "
    "of kies bij Instellingen → E-mail een ander e-mailprogramma"
)
_PREFS_MAX_BYTES = 8 * 1024 * 1024
_USER_PREF = re.compile(r'^\s*user_pref\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*(.*?)\s*\)\s*;\s*$')


def compose_value(value: str) -> str:
    """One ``-compose`` value that Thunderbird's ``GetArgs`` reads back exactly as *value*."""
    raw_safe = "'," not in value and all(char.isprintable() or char in "\n\t" for char in value)
    if raw_safe:
        return f"'{value}'"
    # Unquoted and fully percent-encoded: no comma, quote or equals sign is left to parse.
    return urllib.parse.quote(value, safe="")


def compose_argument(to: str, subject: str, body: str, attachment: Path | None) -> str:
    fields = [f"to={compose_value(to)}", f"subject={compose_value(subject)}"]
    if body:
        fields.append(f"body={compose_value(body)}")
    if attachment is not None:
        # as_uri() percent-encodes every comma, quote and non-ASCII byte of the path.
        fields.append(f"attachment='{attachment.resolve().as_uri()}'")
    return ",".join(fields)


def sandbox_kind(binary: Path, home: Path | None) -> str | None:
    """ "Flatpak" or "Snap" when *binary* runs a sandboxed Thunderbird, else None.

    A sandboxed build cannot read a file in our private outbox, so it would open the
    compose window with an error instead of the archive. Ubuntu's ``/usr/bin/thunderbird``
    is a small script that starts the Snap, so the start of a script is read as well.
    """
    roots = {"Flatpak": [Path("/var/lib/flatpak")], "Snap": [Path("/snap"), Path("/var/lib/snapd")]}
    if home is not None:
        roots["Flatpak"].append(home / ".local" / "share" / "flatpak")
    for candidate in (binary, binary.resolve()):
        for kind, prefixes in roots.items():
            if any(candidate.is_relative_to(prefix) for prefix in prefixes):
                return kind
    try:
        with binary.open("rb") as handle:
            head = handle.read(_SCRIPT_HEAD_BYTES)
    except OSError:
        return None
    if head.startswith(b"#!"):
        if b"/snap/bin/" in head or b"snap run" in head:
            return "Snap"
        if b"flatpak run" in head:
            return "Flatpak"
    return None


def mailto_handler(runner: Runner = run_command, which: Which | None = None) -> str | None:
    """The desktop file id of the default mailto handler (``thunderbird.desktop``), or None."""
    find = which or which_in(os.environ)
    xdg_mime = find("xdg-mime")
    if xdg_mime is None:
        return None
    result = runner([xdg_mime, "query", "default", MAILTO_MIME])
    if result.returncode != 0:
        return None
    answer = result.stdout.strip().splitlines()
    return answer[0].strip() if answer and answer[0].strip() else None


def is_thunderbird_name(text: str) -> bool:
    lowered = text.lower()
    return any(name in lowered for name in _THUNDERBIRD_NAMES)


def is_default_mailto_handler(runner: Runner = run_command, which: Which | None = None) -> bool:
    handler = mailto_handler(runner, which)
    return handler is not None and is_thunderbird_name(handler)


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


# --- does Thunderbird have a mail account? ---------------------------------------------------


def profile_roots(home: Path, platform: str) -> list[Path]:
    """Where Thunderbird keeps ``profiles.ini`` for the user whose home is *home*."""
    if platform == "darwin":
        return [home / "Library" / "Thunderbird"]
    return [home / ".thunderbird"]


def default_profiles(root: Path) -> list[Path]:
    """The profiles Thunderbird starts with, read from ``root/profiles.ini``.

    An ``[Install…]`` section's ``Default`` wins (what Thunderbird itself uses since 68),
    then a ``[Profile…]`` with ``Default=1``, else every profile listed.
    """
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string((root / "profiles.ini").read_text(encoding="utf-8", errors="replace"))
    except (OSError, configparser.Error):
        return []
    listed: list[Path] = []
    marked: list[Path] = []
    for name in parser.sections():
        section = parser[name]
        if not name.startswith("Profile") or not section.get("Path"):
            continue
        path = Path(section["Path"])
        resolved = root / path if section.get("IsRelative", "1").strip() != "0" else path
        listed.append(resolved)
        if section.get("Default", "").strip() == "1":
            marked.append(resolved)
    installs = [
        root / parser[name]["Default"]
        for name in parser.sections()
        if name.startswith("Install") and parser[name].get("Default")
    ]
    return installs or marked or listed


def read_prefs(text: str) -> dict[str, str]:
    """The string values of ``user_pref("name", "value");`` lines (prefs.js, user.js)."""
    prefs: dict[str, str] = {}
    for line in text.splitlines():
        match = _USER_PREF.match(line)
        if match is None:
            continue
        raw = match.group(2)
        try:
            name = json.loads(f'"{match.group(1)}"')
            value = json.loads(raw) if raw.startswith('"') else raw
        except ValueError:
            continue
        if isinstance(name, str) and isinstance(value, str):
            prefs[name] = value
    return prefs


def has_mail_account(profile: Path) -> bool:
    """Whether *profile* has an account that can send: one with an identity.

    *Local Folders*, which Thunderbird creates even when the account wizard is closed, has
    a server but no identity, so it does not count. ``user.js`` is read after ``prefs.js``,
    as Thunderbird does at start.
    """
    prefs: dict[str, str] = {}
    for name in ("prefs.js", "user.js"):
        try:
            with (profile / name).open("rb") as handle:
                data = handle.read(_PREFS_MAX_BYTES)
        except OSError:
            continue
        prefs.update(read_prefs(data.decode("utf-8", errors="replace")))
    listed = prefs.get("mail.accountmanager.accounts")
    if listed is not None:
        accounts = [name.strip() for name in listed.split(",") if name.strip()]
    else:
        accounts = [
            key.removeprefix("mail.account.").removesuffix(".identities")
            for key in prefs
            if key.startswith("mail.account.") and key.endswith(".identities")
        ]
    return any(prefs.get(f"mail.account.{name}.identities", "").strip() for name in accounts)


def account_missing_reason(environ: Mapping[str, str], platform: str) -> str | None:
    """:data:`NO_ACCOUNT_REASON` when Thunderbird would only show its account wizard.

    No profile at all counts too: the first start shows the wizard. When the ``THUNDERBIRD``
    variable names the command (often a wrapper with its own ``-profile``) or there is no
    home folder, which profile it uses cannot be known, so nothing is refused.
    """
    if environ.get(THUNDERBIRD_ENV, "").strip():
        return None
    home = environ.get("HOME", "").strip()
    if not home:
        return None
    for root in profile_roots(Path(home), platform):
        if any(has_mail_account(profile) for profile in default_profiles(root)):
            return None
    return NO_ACCOUNT_REASON


class ThunderbirdComposeOpener:
    name = "thunderbird"
    label = "Thunderbird"

    def __init__(
        self,
        *,
        which: Which | None = None,
        spawn: Spawner = spawn_detached,
        environ: Mapping[str, str] = os.environ,
        platform: str = sys.platform,
        grace: float = SPAWN_GRACE_SECONDS,
    ) -> None:
        self.which = which or which_in(environ)
        self.spawn = spawn
        self.environ = environ
        self.platform = platform
        self.grace = grace

    def _home(self) -> Path | None:
        home = self.environ.get("HOME")
        return Path(home) if home else None

    def _candidates(self) -> list[Path]:
        override = self.environ.get(THUNDERBIRD_ENV, "").strip()
        if override:
            return [Path(override)]
        found = self.which("thunderbird")
        candidates = [Path(found)] if found else []
        if self.platform == "darwin":
            home = self._home()
            bundles = [Path("/Applications") / _MAC_BUNDLE]
            if home is not None:
                bundles.append(home / "Applications" / _MAC_BUNDLE)
            candidates += [path for path in bundles if _is_executable(path)]
        return candidates

    def find_binary(self) -> Path:
        """The Thunderbird to start; raises MailOpenError with a Dutch reason."""
        candidates = self._candidates()
        if not candidates:
            raise MailOpenError("Thunderbird is niet geïnstalleerd")
        binary = candidates[0]
        kind = sandbox_kind(binary, self._home())
        if kind is not None:
            raise MailOpenError(
                f"de {kind}-versie van Thunderbird kan de bijlage in de outbox niet lezen"
            )
        return binary

    def check_account(self) -> None:
        """Raises MailOpenError when Thunderbird has no mail account to send with."""
        reason = account_missing_reason(self.environ, self.platform)
        if reason is not None:
            raise MailOpenError(reason)

    def unusable_reason(self) -> str | None:
        try:
            self.find_binary()
            self.check_account()
        except MailOpenError as error:
            return error.reason
        return None

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        return self.open_compose(draft.to, draft.subject, draft.body, draft.attachment)

    def open_compose(
        self, to: str, subject: str, body: str, attachment: Path | None
    ) -> DraftResult:
        """Any recipient text Thunderbird accepts, e.g. ``"Zoë Ørsted" <zoe@example.org>``."""
        binary = self.find_binary()
        self.check_account()
        if attachment is not None and not attachment.is_file():
            raise MailOpenError("de bijlage staat niet meer in de outbox")
        argv = [str(binary), "-compose", compose_argument(to, subject, body, attachment)]
        try:
            status = self.spawn(argv, self.grace)
        except OSError as error:
            raise MailOpenError(
                f"Thunderbird kon niet starten: {error.strerror or type(error).__name__}"
            ) from error
        if status is not None and status != 0:
            raise MailOpenError(f"Thunderbird stopte meteen met foutcode {status}")
        return DraftResult(opener=self.name, eml_path=None, opened=True)
