"""The real Thunderbird (Debian's package) under Xvfb: the adapter opens a compose window.

Each test starts its own Xvfb, its own D-Bus session bus (Thunderbird hands a second
``-compose`` to the running instance over D-Bus) and a fresh profile with one offline
account, so no account wizard blocks the compose window. A wrapper named by the
``THUNDERBIRD`` variable adds ``-profile`` and Marionette; the adapter itself is unchanged.

Proof that the right window opened: its title (``xdotool``), then Marionette, Thunderbird's
remote protocol, spoken with a small client below, reads the window's recipients, subject,
body and attachment list. A screenshot of the referral draft goes to docs/screenshots only when
``REFERRAL_DESK_SCREENSHOTS`` is set (to tmp_path otherwise): a test run never edits the docs.

Thunderbird, Xvfb, xdotool, ImageMagick's ``import`` and ``dbus-daemon`` are required when
``CI`` is set; elsewhere their absence skips. Every test has a hard time limit and kills its
own processes (by process group) at teardown.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import pytest

from referral_desk.delivery.detection import build_opener_chain
from referral_desk.delivery.launch import spawn_detached
from referral_desk.delivery.message import DraftMessage, referral_body, referral_subject
from referral_desk.delivery.thunderbird import THUNDERBIRD_ENV, ThunderbirdComposeOpener
from referral_desk.sealing.archive import build_encrypted_archive
from tests.judges import required_tool
from tests.platforms import posix_only

pytestmark = [pytest.mark.slow, posix_only("the Linux Thunderbird on Xvfb")]

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "docs" / "screenshots" / "thunderbird-compose.png"
SCREENSHOT_ENV = "REFERRAL_DESK_SCREENSHOTS"
HARD_LIMIT_SECONDS = 150
WINDOW_TIMEOUT = 60.0
REFERRAL_ID = "KG-2026-7F3K9Q"
MAILBOX = "doorverwijzing@ocmw-menen.example.be"
T = TypeVar("T")


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = WINDOW_TIMEOUT) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.25)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def kill_group(pgid: int) -> None:
    """Thunderbird and its content processes: one process group, started by the adapter."""
    for sig, pause in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 2.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + pause
        while time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)


# --- Marionette ------------------------------------------------------------------------------


class Marionette:
    """Just enough of Marionette protocol 3: ``length:json`` frames over TCP."""

    def __init__(self, port: int, timeout: float = WINDOW_TIMEOUT) -> None:
        self.sock = wait_for(f"Marionette on port {port}", lambda: self._connect(port), timeout)
        self.sock.settimeout(30)
        self.buffer = b""
        self.message_id = 0
        hello = self._read()
        assert hello.get("marionetteProtocol") == 3, hello
        self.send("WebDriver:NewSession", {"capabilities": {}})
        self.send("Marionette:SetContext", {"value": "chrome"})

    @staticmethod
    def _connect(port: int) -> socket.socket | None:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            return None

    def _read(self) -> Any:
        while b":" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("Marionette closed the connection")
            self.buffer += chunk
        length, _, rest = self.buffer.partition(b":")
        size = int(length)
        while len(rest) < size:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("Marionette closed the connection")
            rest += chunk
        self.buffer = rest[size:]
        return json.loads(rest[:size])

    def send(self, command: str, params: dict[str, Any]) -> Any:
        self.message_id += 1
        data = json.dumps([0, self.message_id, command, params]).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        while True:
            reply = self._read()
            if reply[0] == 1 and reply[1] == self.message_id:
                if reply[2]:
                    raise RuntimeError(reply[2].get("message", reply[2]))
                return reply[3]

    def script(self, source: str) -> Any:
        return self.send("WebDriver:ExecuteScript", {"script": source, "args": []})["value"]

    def compose_windows(self) -> list[dict[str, Any]]:
        """What each open compose window shows, read from its own widgets."""
        result: list[dict[str, Any]] = self.script(
            """
            const out = [];
            for (const win of Services.wm.getEnumerator("msgcompose")) {
              if (!win.gMsgCompose || !win.gLoadingComplete) { continue; }
              const doc = win.document;
              const pills = [...doc.querySelectorAll("#toAddrContainer > mail-address-pill")];
              out.push({
                title: doc.title,
                to: pills.map(p => ({name: p.displayName, address: p.emailAddress})),
                subject: doc.getElementById("msgSubject").value,
                attachments: [...win.gAttachmentBucket.itemChildren].map(item => ({
                  name: item.attachment.name,
                  url: item.attachment.url,
                  size: item.attachment.size,
                })),
                body: win.GetCurrentEditorElement().contentDocument.body.innerText,
              });
            }
            return out;
            """
        )
        return result

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


# --- the machine: display, bus, profile --------------------------------------------------------


@dataclass
class Desktop:
    display: str
    marionette_port: int
    profile: Path
    pid_file: Path
    thunderbird: Path

    def window_names(self) -> list[str]:
        found = subprocess.run(
            ["xdotool", "search", "--name", "."],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        names = []
        for window in found.stdout.split():
            name = subprocess.run(
                ["xdotool", "getwindowname", window],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
            names.append(name)
        return names

    def window_id(self, title: str) -> str:
        found = subprocess.run(
            ["xdotool", "search", "--name", "^Write: "],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        for window in found.stdout.split():
            name = subprocess.run(
                ["xdotool", "getwindowname", window],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
            if name == title:
                return window
        raise AssertionError(f"no window titled {title!r}")

    def screenshot(self, window: str, target: Path) -> None:
        subprocess.run(["xdotool", "windowraise", window], timeout=10, check=False)
        time.sleep(0.5)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial.png")
        subprocess.run(
            [
                "import",
                "-display",
                self.display,
                "-window",
                window,
                # No timestamps in the file: an unchanged window gives an unchanged PNG.
                "-strip",
                "-define",
                "png:exclude-chunks=date,time",
                str(partial),
            ],
            timeout=30,
            check=True,
        )
        partial.replace(target)

    def groups(self) -> list[int]:
        if not self.pid_file.exists():
            return []
        return [int(line) for line in self.pid_file.read_text().split()]


USER_JS = """\
user_pref("marionette.port", {port});
user_pref("mail.provider.enabled", false);
user_pref("mail.shell.checkDefaultClient", false);
user_pref("mailnews.start_page.enabled", false);
user_pref("mail.rights.override", true);
user_pref("layout.spellcheckDefault", 0);
user_pref("mail.spellcheck.inline", false);
user_pref("app.update.disabledForTesting", true);
user_pref("app.update.auto", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.sessionstore.resume_from_crash", false);
user_pref("offline.startup_state", 2);
user_pref("mail.accountmanager.accounts", "account1,account2");
user_pref("mail.accountmanager.defaultaccount", "account1");
user_pref("mail.accountmanager.localfoldersserver", "server2");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account2.server", "server2");
user_pref("mail.server.server1.type", "pop3");
user_pref("mail.server.server1.hostname", "127.0.0.1");
user_pref("mail.server.server1.port", 1);
user_pref("mail.server.server1.userName", "sofie.maes");
user_pref("mail.server.server1.name", "sofie.maes@kindengezin.example.be");
user_pref("mail.server.server1.login_at_startup", false);
user_pref("mail.server.server1.check_new_mail", false);
user_pref("mail.server.server2.type", "none");
user_pref("mail.server.server2.hostname", "Local Folders");
user_pref("mail.server.server2.userName", "nobody");
user_pref("mail.server.server2.name", "Local Folders");
user_pref("mail.identity.id1.fullName", "Sofie Maes");
user_pref("mail.identity.id1.useremail", "sofie.maes@kindengezin.example.be");
user_pref("mail.identity.id1.smtpServer", "smtp1");
user_pref("mail.identity.id1.compose_html", false);
user_pref("mail.smtpservers", "smtp1");
user_pref("mail.smtp.defaultserver", "smtp1");
user_pref("mail.smtpserver.smtp1.hostname", "127.0.0.1");
user_pref("mail.smtpserver.smtp1.port", 1);
"""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise TimeoutError(f"test exceeded its hard limit of {HARD_LIMIT_SECONDS} s")


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desktop]:
    thunderbird = Path(required_tool("thunderbird", "thunderbird"))
    xvfb = required_tool("Xvfb", "xvfb")
    required_tool("xdotool", "xdotool")
    required_tool("import", "imagemagick")
    dbus = required_tool("dbus-daemon", "dbus-daemon")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, HARD_LIMIT_SECONDS)
    started: list[subprocess.Popen[bytes]] = []
    desk: Desktop | None = None
    try:
        read_fd, write_fd = os.pipe()
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(server)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            display = ":" + pipe.readline().strip()
        assert display != ":", "Xvfb did not report a display"

        bus = subprocess.Popen(
            [dbus, "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        started.append(bus)
        assert bus.stdout is not None
        bus_address = bus.stdout.readline().decode().strip()
        assert bus_address, "dbus-daemon did not report an address"

        port = free_port()
        profile = tmp_path / "tb-profile"
        profile.mkdir()
        (profile / "user.js").write_text(USER_JS.format(port=port), encoding="utf-8")
        pid_file = tmp_path / "thunderbird.pids"
        wrapper = tmp_path / "bin" / "thunderbird-test"
        wrapper.parent.mkdir()
        # The adapter starts this in a new session: its PID is the process group to kill.
        wrapper.write_text(
            "#!/bin/sh\n"
            f"echo $$ >> '{pid_file}'\n"
            f"exec '{thunderbird}' -marionette -remote-allow-system-access "
            f"-profile '{profile}' \"$@\"\n",
            encoding="utf-8",
        )
        wrapper.chmod(0o755)

        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus_address)
        monkeypatch.setenv(THUNDERBIRD_ENV, str(wrapper))
        monkeypatch.setenv("MOZ_CRASHREPORTER_DISABLE", "1")
        monkeypatch.setenv("LANG", "C.UTF-8")
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        monkeypatch.delenv("REFERRAL_DESK_MAIL", raising=False)
        desk = Desktop(display, port, profile, pid_file, thunderbird)
        yield desk
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if desk is not None:
            for pgid in desk.groups():
                kill_group(pgid)
        for process in reversed(started):
            stop(process)


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, bytes]:
    folder = tmp_path / "home" / ".local" / "share" / "referral-desk" / "outbox" / REFERRAL_ID
    folder.mkdir(parents=True)
    data = build_encrypted_archive({"doorverwijzing.json": b'{"x": 1}'}, "Vijf-Eenden-42")
    path = folder / f"{REFERRAL_ID}.7z"
    path.write_bytes(data)
    return path, data


def referral_draft(attachment: Path, team: str = "Menen") -> DraftMessage:
    return DraftMessage(
        to=MAILBOX,
        subject=referral_subject(REFERRAL_ID, team),
        body=referral_body(REFERRAL_ID, team, "Sofie Maes", "011 34 56 78"),
        attachment=attachment,
    )


def file_uri_path(uri: str) -> Path:
    parsed = urllib.parse.urlparse(uri)
    assert parsed.scheme == "file" and parsed.netloc == ""
    return Path(urllib.parse.unquote(parsed.path, errors="strict"))


def words(text: str) -> list[str]:
    return text.replace("\xa0", " ").split()


def compose_window(marionette: Marionette, subject: str) -> dict[str, Any]:
    def find() -> dict[str, Any] | None:
        for window in marionette.compose_windows():
            if window["subject"] == subject and window["attachments"] is not None:
                return window
        return None

    return wait_for(f"compose window {subject!r} in Marionette", find)


class TimedSpawn:
    """The real spawn_detached, timed, so a test can tell a handoff from a fresh start."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], int | None, float]] = []

    def __call__(self, argv: Sequence[str], grace: float) -> int | None:
        start = time.monotonic()
        status = spawn_detached(argv, grace)
        self.calls.append((list(argv), status, time.monotonic() - start))
        return status


# --- the cases ---------------------------------------------------------------------------------


def test_compose_window_when_thunderbird_is_not_running(
    desktop: Desktop, archive: tuple[Path, bytes], tmp_path: Path
) -> None:
    path, data = archive
    draft = referral_draft(path)
    started = time.monotonic()
    # Through the chain, as the app builds it when the user picked Thunderbird.
    chain = build_opener_chain("thunderbird")
    assert chain.openers[0].name == "thunderbird"
    result = chain.open_draft(draft, path.parent)
    handed_over = time.monotonic() - started
    assert result.opener == "thunderbird" and result.opened
    assert handed_over < 5

    title = f"Write: {draft.subject} - Thunderbird"
    wait_for(f"window {title!r}", lambda: title in desktop.window_names())
    marionette = Marionette(desktop.marionette_port)
    try:
        window = compose_window(marionette, draft.subject)
    finally:
        marionette.close()
    assert window["title"] == title
    assert window["to"] == [{"name": "", "address": MAILBOX}]
    assert window["attachments"] == [
        {"name": f"{REFERRAL_ID}.7z", "url": path.resolve().as_uri(), "size": len(data)}
    ]
    assert words(window["body"]) == words(draft.body)
    # REFERRAL_DESK_SCREENSHOTS=1 refreshes the guide's screenshot; a test run never edits it.
    target = SCREENSHOT if os.environ.get(SCREENSHOT_ENV) else None
    target = target or tmp_path / SCREENSHOT.name
    desktop.screenshot(desktop.window_id(title), target)
    assert target.stat().st_size > 10_000


def test_second_draft_goes_to_the_running_instance(
    desktop: Desktop, archive: tuple[Path, bytes], tmp_path: Path
) -> None:
    path, data = archive
    spawn = TimedSpawn()
    opener = ThunderbirdComposeOpener(spawn=spawn)
    first = referral_draft(path, team="Menen")
    opener.open_draft(first, path.parent)
    marionette = Marionette(desktop.marionette_port)
    try:
        compose_window(marionette, first.subject)
        # Thunderbird is up; the next draft must go to it, not start a second one.
        second_folder = path.parent.parent / "KG-2026-ACDEFG"
        second_folder.mkdir()
        second_path = second_folder / "KG-2026-ACDEFG.7z"
        second_path.write_bytes(data[::-1])
        second = DraftMessage(
            to="onthaal@ocmw-wervik.example.be",
            subject=referral_subject("KG-2026-ACDEFG", "Wervik"),
            body=referral_body("KG-2026-ACDEFG", "Wervik", "Sofie Maes", "011 34 56 78"),
            attachment=second_path,
        )
        result = opener.open_draft(second, second_folder)
        assert result.opened
        [_first_call, (_argv, status, seconds)] = spawn.calls
        assert status == 0, "the second -compose should hand over and exit at once"
        assert seconds < 5

        window = compose_window(marionette, second.subject)
        assert window["to"] == [{"name": "", "address": "onthaal@ocmw-wervik.example.be"}]
        assert window["attachments"] == [
            {"name": "KG-2026-ACDEFG.7z", "url": second_path.resolve().as_uri(), "size": len(data)}
        ]
        # Thunderbird reads the file again when the user sends: it must still be there.
        time.sleep(5)
        assert second_path.read_bytes() == data[::-1]
        assert path.read_bytes() == data
        titles = [w["title"] for w in marionette.compose_windows()]
        assert sorted(titles) == sorted(
            f"Write: {d.subject} - Thunderbird" for d in (first, second)
        )
    finally:
        marionette.close()
    assert len(desktop.groups()) == 2  # two launches, one Thunderbird still running


def test_non_ascii_display_name_and_awkward_values(desktop: Desktop, tmp_path: Path) -> None:
    folder = tmp_path / "map met 'quote', komma = en é"
    folder.mkdir()
    attachment = folder / f"{REFERRAL_ID}.7z"
    attachment.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(100))
    recipient = '"Ørsted, Zoë" <zoe.orsted@example.org>'
    subject = "Test ', één – twee"  # a quote before a comma: sent percent-encoded
    body = "Regel één, met D'hondt', en = en & en <b>\nRegel twee\n"
    opener = ThunderbirdComposeOpener()
    assert opener.open_compose(recipient, subject, body, attachment).opened

    title = f"Write: {subject} - Thunderbird"
    wait_for(f"window {title!r}", lambda: title in desktop.window_names())
    marionette = Marionette(desktop.marionette_port)
    try:
        window = compose_window(marionette, subject)
    finally:
        marionette.close()
    assert window["to"] == [{"name": "Ørsted, Zoë", "address": "zoe.orsted@example.org"}]
    [shown] = window["attachments"]
    assert (shown["name"], shown["size"]) == (f"{REFERRAL_ID}.7z", 106)
    # Thunderbird rebuilds the URI from the file it found (leaving ' , = unescaped).
    assert file_uri_path(shown["url"]) == attachment.resolve()
    assert words(window["body"]) == words(body)
