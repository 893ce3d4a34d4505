"""The Thunderbird adapter against fakes: the exact -compose string, sandbox refusal, launch.

``get_args`` is a line-by-line Python port of ``GetArgs`` from Thunderbird's
``MsgComposeCommands.js`` (checked against the copy in Debian's thunderbird 153 omni.ja), so
the round-trip tests prove Thunderbird reads back exactly what we meant. The real
Thunderbird reads the same strings in tests/delivery/test_thunderbird_real.py.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import urllib.parse
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_desk.delivery.launch import CommandResult
from referral_desk.delivery.message import DraftMessage, referral_body, referral_subject
from referral_desk.delivery.openers import DraftResult, MailOpenError
from referral_desk.delivery.thunderbird import (
    THUNDERBIRD_ENV,
    ThunderbirdComposeOpener,
    compose_argument,
    compose_value,
    is_default_mailto_handler,
    mailto_handler,
    sandbox_kind,
)
from tests.platforms import posix_only
from tests.thunderbird_profiles import home_with_account

REFERRAL_ID = "KG-2026-7F3K9Q"
MAILBOX = "doorverwijzing@ocmw-menen.example.be"
# What a PATH lookup answers; the opener starts it as a path, in the platform's spelling.
THUNDERBIRD = "/usr/bin/thunderbird"


def get_args(original: str) -> dict[str, str]:
    """Thunderbird's GetArgs, ported faithfully (including its quirks)."""
    data = []
    separator = "\x01"
    quote_char = ""
    prev_char = ""
    for i, char in enumerate(original):
        next_char = original[i + 1] if i < len(original) - 1 else ""
        if char == quote_char and next_char in (",", ""):
            quote_char = ""
            data.append(char)
        elif char in ("'", '"') and prev_char == "=":
            if quote_char == "":
                quote_char = char
            data.append(char)
        elif char == ",":
            data.append(char if quote_char else separator)
        else:
            data.append(char)
        prev_char = char
    args: dict[str, str] = {}
    for pair in reversed("".join(data).split(separator)):
        pos = pair.find("=")
        if pos == -1:
            continue
        name, value = pair[:pos], pair[pos + 1 :]
        if len(value) >= 2 and value.startswith("'") and value.endswith("'"):
            args[name] = value[1:-1]
        else:
            if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
                value = value[1:-1]
            try:
                args[name] = urllib.parse.unquote(value, errors="strict")
            except UnicodeDecodeError:
                args[name] = value
    return args


def uri_to_path(uri: str) -> Path:
    """A local ``file:`` URI back to its path; on Windows ``file:///C:/…`` is ``C:\\…``."""
    parsed = urllib.parse.urlparse(uri)
    assert parsed.scheme == "file" and parsed.netloc == ""
    path = urllib.parse.unquote(parsed.path, errors="strict")
    if sys.platform == "win32":
        assert re.match(r"/[A-Za-z]:/", path), uri
        path = path[1:]
    return Path(path)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "outbox" / REFERRAL_ID
    folder.mkdir(parents=True)
    path = folder / f"{REFERRAL_ID}.7z"
    path.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(32))
    return path


@pytest.fixture
def draft(archive: Path) -> DraftMessage:
    return DraftMessage(
        to=MAILBOX,
        subject=referral_subject(REFERRAL_ID, "Menen"),
        body=referral_body(REFERRAL_ID, "Menen", "An De Smet", "056 12 34 56"),
        attachment=archive,
    )


class RecordingSpawn:
    def __init__(self, status: int | None = None, error: OSError | None = None) -> None:
        self.calls: list[tuple[list[str], float]] = []
        self.status = status
        self.error = error

    def __call__(self, argv: Sequence[str], grace: float) -> int | None:
        self.calls.append((list(argv), grace))
        if self.error is not None:
            raise self.error
        return self.status


@pytest.fixture
def account_home(isolated_home: Path) -> Path:
    """The test's HOME, with a Thunderbird profile that has a mail account."""
    return home_with_account(isolated_home)


def opener_with(
    binary: str | None, spawn: RecordingSpawn, environ: dict[str, str] | None = None
) -> ThunderbirdComposeOpener:
    """Without *environ*: the test's HOME (see ``account_home``)."""
    return ThunderbirdComposeOpener(
        which=lambda name: binary if name == "thunderbird" else None,
        spawn=spawn,
        environ=environ if environ is not None else {"HOME": os.environ["HOME"]},
        platform="linux",
    )


# --- the -compose string ----------------------------------------------------------------------


def test_compose_argument_is_exactly_the_single_quoted_form(draft: DraftMessage) -> None:
    assert draft.attachment is not None
    argument = compose_argument(draft.to, draft.subject, draft.body, draft.attachment)
    assert argument == (
        f"to='{MAILBOX}',subject='{draft.subject}',body='{draft.body}',"
        f"attachment='{draft.attachment.resolve().as_uri()}'"
    )
    assert get_args(argument) == {
        "to": MAILBOX,
        "subject": draft.subject,
        "body": draft.body,
        "attachment": draft.attachment.resolve().as_uri(),
    }


@pytest.mark.parametrize(
    "value",
    [
        "gewoon",
        "komma, en 'quote' en \"dubbel\" en = teken",
        "eindigt op quote'",
        "'begint met quote",
        "quote dan komma', zo",
        "x',attachment='file:///etc/passwd",
        "regel 1\nregel 2\n\ncliënt – Zoë Ørsted",
        "",
        "%41 blijft %41",
        "tab\tvoor",
        "nul\x00byte",
    ],
)
def test_every_value_reads_back_unchanged(value: str) -> None:
    argument = compose_argument("a@b.be", value, value, None)
    args = get_args(argument)
    assert args.get("subject", "") == value
    assert args.get("body", "") == value
    assert "attachment" not in args
    assert "\x00" not in argument  # argv cannot carry it


def test_a_quote_before_a_comma_switches_to_percent_encoding() -> None:
    assert compose_value("D'hondt") == "'D'hondt'"
    assert compose_value("team', x") == "team%27%2C%20x"
    assert compose_value("ok\nok") == "'ok\nok'"


@settings(max_examples=300, deadline=None)
@given(
    to=st.text(max_size=40),
    subject=st.text(max_size=80),
    body=st.text(max_size=200),
)
def test_round_trip_through_thunderbirds_parser(to: str, subject: str, body: str) -> None:
    args = get_args(compose_argument(to, subject, body, None))
    assert args.get("to", "") == to
    assert args.get("subject", "") == subject
    assert args.get("body", "") == body


def test_attachment_uri_survives_commas_quotes_and_accents(tmp_path: Path) -> None:
    folder = tmp_path / "map met 'quote', komma, = en é"
    folder.mkdir()
    path = folder / f"{REFERRAL_ID}.7z"
    path.write_bytes(b"x")
    args = get_args(compose_argument("a@b.be", "s", "b", path))
    uri = args["attachment"]
    assert "," not in uri and "'" not in uri
    assert uri_to_path(uri) == path.resolve()


# --- sandboxed builds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("binary", "kind"),
    [
        ("/var/lib/flatpak/exports/bin/thunderbird", "Flatpak"),
        ("/home/tester/.local/share/flatpak/exports/bin/thunderbird", "Flatpak"),
        ("/snap/bin/thunderbird", "Snap"),
    ],
)
def test_sandboxed_thunderbird_is_refused(binary: str, kind: str) -> None:
    spawn = RecordingSpawn()
    opener = opener_with(binary, spawn, {"HOME": "/home/tester"})
    with pytest.raises(MailOpenError) as caught:
        opener.open_compose("a@b.be", "s", "b", None)
    assert kind in caught.value.reason
    assert "bijlage" in caught.value.reason
    assert spawn.calls == []
    assert opener.unusable_reason() == caught.value.reason


def _script(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_ubuntus_snap_wrapper_script_is_recognised(tmp_path: Path) -> None:
    wrapper = _script(tmp_path / "thunderbird", '#!/bin/sh\nexec /snap/bin/thunderbird "$@"\n')
    assert sandbox_kind(wrapper, None) == "Snap"
    flatpak = _script(tmp_path / "tb2", "#!/bin/sh\nexec flatpak run org.mozilla.Thunderbird\n")
    assert sandbox_kind(flatpak, None) == "Flatpak"
    native = _script(tmp_path / "tb3", "#!/bin/sh\nexec /usr/lib/thunderbird/thunderbird\n")
    assert sandbox_kind(native, None) is None


@posix_only("Flatpak's folders (/var/lib/flatpak) exist only on Linux")
def test_a_symlink_into_flatpak_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "thunderbird"
    link.symlink_to("/var/lib/flatpak/app/org.mozilla.Thunderbird/current/active/files/tb")
    assert sandbox_kind(link, None) == "Flatpak"


# --- launching ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("account_home")
@pytest.mark.parametrize("status", [None, 0])
def test_launch_passes_one_compose_argument_detached(
    draft: DraftMessage, archive: Path, status: int | None
) -> None:
    spawn = RecordingSpawn(status)
    result = opener_with(THUNDERBIRD, spawn).open_draft(draft, archive.parent)
    assert result == DraftResult(opener="thunderbird", eml_path=None, opened=True)
    [(argv, grace)] = spawn.calls
    assert argv == [
        str(Path(THUNDERBIRD)),
        "-compose",
        compose_argument(draft.to, draft.subject, draft.body, archive),
    ]
    assert 0 < grace <= 3


@pytest.mark.usefixtures("account_home")
def test_quick_failure_is_a_dutch_error(draft: DraftMessage, archive: Path) -> None:
    with pytest.raises(MailOpenError, match="foutcode 1"):
        opener_with(THUNDERBIRD, RecordingSpawn(1)).open_draft(draft, archive.parent)


@pytest.mark.usefixtures("account_home")
def test_start_failure_is_a_dutch_error_without_the_path(
    draft: DraftMessage, archive: Path
) -> None:
    error = PermissionError(13, "Permission denied", "/home/zoë/thunderbird")
    with pytest.raises(MailOpenError) as caught:
        opener_with(THUNDERBIRD, RecordingSpawn(error=error)).open_draft(draft, archive.parent)
    assert caught.value.reason == "Thunderbird kon niet starten: Permission denied"


def test_not_installed(draft: DraftMessage, archive: Path) -> None:
    spawn = RecordingSpawn()
    with pytest.raises(MailOpenError, match="niet geïnstalleerd"):
        opener_with(None, spawn).open_draft(draft, archive.parent)
    assert spawn.calls == []


@pytest.mark.usefixtures("account_home")
def test_missing_attachment_is_refused_before_launch(draft: DraftMessage, archive: Path) -> None:
    archive.unlink()
    spawn = RecordingSpawn()
    with pytest.raises(MailOpenError, match="bijlage"):
        opener_with(THUNDERBIRD, spawn).open_draft(draft, archive.parent)
    assert spawn.calls == []


def test_environment_override_wins(draft: DraftMessage, archive: Path) -> None:
    spawn = RecordingSpawn()
    opener = opener_with(THUNDERBIRD, spawn, {THUNDERBIRD_ENV: "/opt/tb/wrapper"})
    opener.open_draft(draft, archive.parent)
    assert spawn.calls[0][0][0] == str(Path("/opt/tb/wrapper"))


def test_macos_app_bundle_is_found(tmp_path: Path) -> None:
    home = tmp_path / "home-mac"
    binary = home / "Applications" / "Thunderbird.app" / "Contents" / "MacOS" / "thunderbird"
    binary.parent.mkdir(parents=True)
    _script(binary, "#!/bin/sh\n")
    opener = ThunderbirdComposeOpener(
        which=lambda _name: None, environ={"HOME": str(home)}, platform="darwin"
    )
    assert opener.find_binary() == binary
    linux = ThunderbirdComposeOpener(
        which=lambda _name: None, environ={"HOME": str(home)}, platform="linux"
    )
    assert linux.unusable_reason() == "Thunderbird is niet geïnstalleerd"


# --- is it the mailto handler? --------------------------------------------------------------------


class FakeRunner:
    def __init__(self, result: CommandResult) -> None:
        self.result = result
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> CommandResult:
        self.calls.append(list(argv))
        return self.result


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (CommandResult(0, "thunderbird.desktop\n"), True),
        (CommandResult(0, "org.mozilla.Thunderbird.desktop\n"), True),
        (CommandResult(0, "org.gnome.Evolution.desktop\n"), False),
        (CommandResult(0, "\n"), False),
        (CommandResult(4, ""), False),
    ],
)
def test_default_mailto_handler_query(result: CommandResult, expected: bool) -> None:
    runner = FakeRunner(result)
    which = {"xdg-mime": "/usr/bin/xdg-mime"}.get
    assert is_default_mailto_handler(runner, which) is expected
    assert runner.calls == [["/usr/bin/xdg-mime", "query", "default", "x-scheme-handler/mailto"]]


def test_no_xdg_mime_means_no_handler_and_no_process() -> None:
    runner = FakeRunner(CommandResult(0, "thunderbird.desktop\n"))
    assert mailto_handler(runner, lambda _name: None) is None
    assert runner.calls == []


def test_the_default_opener_has_no_side_effects_when_built() -> None:
    opener = ThunderbirdComposeOpener(environ={})
    assert opener.name == "thunderbird"
    assert opener.unusable_reason() == "Thunderbird is niet geïnstalleerd"
    assert os.environ.get("REFERRAL_DESK_MAIL") == "eml"
