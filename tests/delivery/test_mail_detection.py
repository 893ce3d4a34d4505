"""Detection and the chain it builds, with fake PATH lookups, xdg-mime answers and registries."""

from __future__ import annotations

import logging
import os
import sys
import types
from collections.abc import Sequence
from pathlib import Path

import pytest

from referral_desk.delivery import openers
from referral_desk.delivery.detection import (
    AUTO,
    ConfiguredOpenerChain,
    MailDetection,
    UnavailableOpener,
    WindowsProbe,
    adapter_order,
    build_opener_chain,
    desktop_entry,
    detect_mail_clients,
    make_opener,
    probe_windows,
)
from referral_desk.delivery.launch import CommandResult
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import (
    EmlFileOpener,
    MailOpenError,
    OpenerChain,
)
from referral_desk.delivery.thunderbird import ThunderbirdComposeOpener
from referral_desk.delivery.xdg_email import XdgEmailOpener
from tests.thunderbird_profiles import home_with_account

XDG_MIME = "/usr/bin/xdg-mime"
QUERY = [XDG_MIME, "query", "default", "x-scheme-handler/mailto"]


class FakeRunner:
    """Answers the one question detection may ask; records every command."""

    def __init__(self, handler: str | None) -> None:
        self.handler = handler
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> CommandResult:
        self.calls.append(list(argv))
        if self.handler is None:
            return CommandResult(0, "")
        return CommandResult(0, self.handler + "\n")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Also a HOME (next to it) whose Thunderbird has a mail account, as on a set-up desk."""
    applications = tmp_path / "share" / "applications"
    applications.mkdir(parents=True)
    home_with_account(tmp_path / "home")
    return tmp_path / "share"


def desktop_file(data_dir: Path, desktop_id: str, name: str, exec_line: str) -> None:
    (data_dir / "applications" / desktop_id).write_text(
        f"[Desktop Entry]\nType=Application\nName={name}\nExec={exec_line}\n\n"
        "[Desktop Action Compose]\nName=Nieuw bericht\nExec=/usr/bin/other -compose\n",
        encoding="utf-8",
    )


def linux(
    data_dir: Path, handler: str | None, programs: dict[str, str]
) -> tuple[MailDetection, FakeRunner]:
    runner = FakeRunner(handler)
    environ = {"HOME": str(data_dir.parent / "home"), "XDG_DATA_DIRS": str(data_dir)}
    detection = detect_mail_clients(
        "linux", environ, runner=runner, which=lambda name: programs.get(name)
    )
    return detection, runner


ALL_LINUX = {
    "xdg-mime": XDG_MIME,
    "xdg-email": "/usr/bin/xdg-email",
    "thunderbird": "/usr/bin/thunderbird",
}


# --- Linux --------------------------------------------------------------------------------------


def test_thunderbird_as_mailto_handler_comes_first(data_dir: Path) -> None:
    desktop_file(data_dir, "thunderbird.desktop", "Thunderbird", "/usr/bin/thunderbird %u")
    detection, runner = linux(data_dir, "thunderbird.desktop", ALL_LINUX)
    assert detection.usable == ("thunderbird", "xdg-email", "eml-default-app")
    assert detection.default_client == "Thunderbird"
    assert detection.unusable == {}
    # The only process detection starts is the read-only query.
    assert runner.calls == [QUERY]


def test_another_default_client_goes_through_xdg_email_with_thunderbird_as_fallback(
    data_dir: Path,
) -> None:
    desktop_file(data_dir, "org.gnome.Evolution.desktop", "Evolution", "evolution %U")
    detection, _ = linux(data_dir, "org.gnome.Evolution.desktop", ALL_LINUX)
    assert detection.usable == ("xdg-email", "thunderbird", "eml-default-app")
    assert detection.default_client == "Evolution"


def test_flatpak_thunderbird_as_handler_leaves_only_the_eml(data_dir: Path) -> None:
    desktop_file(
        data_dir,
        "org.mozilla.Thunderbird.desktop",
        "Thunderbird",
        "/usr/bin/flatpak run --branch=stable --command=thunderbird org.mozilla.Thunderbird %u",
    )
    detection, _ = linux(
        data_dir, "org.mozilla.Thunderbird.desktop", {**ALL_LINUX, "thunderbird": ""}
    )
    assert detection.usable == ("eml-default-app",)
    assert detection.default_client == "Thunderbird (Flatpak)"
    assert "Flatpak" in detection.unusable["xdg-email"]
    assert "Thunderbird" in detection.unusable["thunderbird"]


def test_snap_thunderbird_on_path_is_unusable(data_dir: Path) -> None:
    desktop_file(
        data_dir, "thunderbird_thunderbird.desktop", "Thunderbird", "/snap/bin/thunderbird %u"
    )
    detection, _ = linux(
        data_dir,
        "thunderbird_thunderbird.desktop",
        {**ALL_LINUX, "thunderbird": "/snap/bin/thunderbird"},
    )
    assert detection.usable == ("eml-default-app",)
    assert "Snap" in detection.unusable["thunderbird"]
    assert detection.default_client == "Thunderbird (Snap)"


def test_nothing_installed(data_dir: Path) -> None:
    detection, runner = linux(data_dir, None, {})
    assert detection.usable == ("eml-default-app",)
    assert detection.default_client is None
    assert set(detection.unusable) == {"thunderbird", "xdg-email"}
    assert "xdg-utils" in detection.unusable["xdg-email"]
    assert runner.calls == []
    assert detection.choices == ("thunderbird", "xdg-email", "eml-default-app")


def test_thunderbird_handler_but_not_installed(data_dir: Path) -> None:
    detection, _ = linux(data_dir, "thunderbird.desktop", {**ALL_LINUX, "thunderbird": ""})
    assert detection.usable == ("xdg-email", "eml-default-app")
    assert detection.unusable["thunderbird"] == "Thunderbird is niet geïnstalleerd"


def test_empty_environment_finds_nothing_and_runs_nothing() -> None:
    runner = FakeRunner("thunderbird.desktop")
    detection = detect_mail_clients("linux", {}, runner=runner)
    assert detection.usable == ("eml-default-app",)
    assert runner.calls == []


def test_desktop_entry_reads_only_the_main_group_and_vendor_folders(data_dir: Path) -> None:
    vendor = data_dir / "applications" / "kde4"
    vendor.mkdir()
    (vendor / "kmail.desktop").write_text(
        "[Desktop Entry]\nName=KMail\nExec=kmail %u\n", encoding="utf-8"
    )
    desktop_file(data_dir, "thunderbird.desktop", "Thunderbird", "/usr/bin/thunderbird %u")
    environ = {"XDG_DATA_DIRS": str(data_dir)}
    assert desktop_entry("thunderbird.desktop", environ) == {
        "Name": "Thunderbird",
        "Exec": "/usr/bin/thunderbird %u",
    }
    assert desktop_entry("kde4-kmail.desktop", environ)["Name"] == "KMail"
    assert desktop_entry("../../etc/passwd", environ) == {}
    assert desktop_entry("missing.desktop", environ) == {}


def test_a_desktop_id_never_reads_outside_the_applications_folders(data_dir: Path) -> None:
    # Where an id with a folder part would lead: beside applications/, or anywhere at all.
    outside = data_dir / "outside.desktop"
    outside.write_text("[Desktop Entry]\nName=Buiten\nExec=buiten %u\n", encoding="utf-8")
    environ = {"XDG_DATA_DIRS": str(data_dir)}
    for desktop_id in (
        "../outside.desktop",
        "..\\outside.desktop",  # a folder on Windows, a plain (absent) name on Linux
        str(outside),
        outside.as_posix(),
    ):
        assert desktop_entry(desktop_id, environ) == {}, desktop_id


def test_the_data_folders_follow_the_platforms_list_separator(data_dir: Path) -> None:
    empty = data_dir.parent / "empty-share"
    (empty / "applications").mkdir(parents=True)
    desktop_file(data_dir, "thunderbird.desktop", "Thunderbird", "/usr/bin/thunderbird %u")
    environ = {"XDG_DATA_DIRS": os.pathsep.join([str(empty), str(data_dir)])}
    assert desktop_entry("thunderbird.desktop", environ)["Name"] == "Thunderbird"
    home = data_dir.parent / "home"
    local = home / ".local" / "share" / "applications"
    local.mkdir(parents=True)
    (local / "thunderbird.desktop").write_text(
        "[Desktop Entry]\nName=Eigen Thunderbird\nExec=thunderbird %u\n", encoding="utf-8"
    )
    # XDG_DATA_HOME defaults to HOME/.local/share, searched first.
    mine = desktop_entry("thunderbird.desktop", {**environ, "HOME": str(home)})
    assert mine["Name"] == "Eigen Thunderbird"


# --- macOS ---------------------------------------------------------------------------------------


def test_macos_prefers_thunderbird_when_present() -> None:
    found = detect_mail_clients(
        "darwin",
        {},
        which=lambda name: "/usr/local/bin/thunderbird" if name == "thunderbird" else None,
    )
    assert found.usable == ("thunderbird", "eml-default-app")
    missing = detect_mail_clients("darwin", {"HOME": "/nonexistent"}, which=lambda _n: None)
    assert missing.usable == ("eml-default-app",)
    assert missing.choices == ("thunderbird", "eml-default-app")


# --- Windows --------------------------------------------------------------------------------------


def test_windows_order_comes_from_the_windows_detector() -> None:
    def probe() -> WindowsProbe:
        return WindowsProbe(("new-outlook", "mapi"), "Nieuwe Outlook", Path("C:/olk/olk.exe"))

    found = detect_mail_clients("win32", {}, windows_probe=probe)
    assert found.usable == ("new-outlook", "mapi", "eml-default-app")
    assert found.default_client == "Nieuwe Outlook"
    assert found.olk_path == Path("C:/olk/olk.exe")
    assert set(found.unusable) == {"outlook-com"}


@pytest.mark.parametrize("error", [ImportError("no module"), OSError(5, "registry")])
def test_windows_without_detector_falls_back_to_eml(
    error: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    def probe() -> WindowsProbe:
        raise error

    found = detect_mail_clients("win32", {}, windows_probe=probe)
    assert found.usable == ("eml-default-app",)
    assert set(found.unusable) == {"new-outlook", "outlook-com", "mapi"}
    assert found.choices == ("new-outlook", "outlook-com", "mapi", "eml-default-app")


def test_probe_windows_calls_the_windows_engineers_api(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []

    class Info:
        default_client = "Microsoft Outlook"
        olk_path = "C:\\Program Files\\WindowsApps\\olk.exe"

    fake = types.ModuleType("referral_desk.delivery.windows_registry")

    class WinregReader:
        pass

    def detect_windows_mail(reader: object, exists: object) -> Info:
        calls.append(("detect", type(reader).__name__, callable(exists)))
        return Info()

    def windows_adapter_order(info: object) -> list[str]:
        calls.append(("order", type(info).__name__))
        return ["outlook-com", "mapi", "eml-default-app"]

    fake.WinregReader = WinregReader  # type: ignore[attr-defined]
    fake.detect_windows_mail = detect_windows_mail  # type: ignore[attr-defined]
    fake.windows_adapter_order = windows_adapter_order  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "referral_desk.delivery.windows_registry", fake)
    probe = probe_windows()
    assert probe == WindowsProbe(
        ("outlook-com", "mapi", "eml-default-app"),
        "Microsoft Outlook",
        Path("C:\\Program Files\\WindowsApps\\olk.exe"),
    )
    assert calls == [("detect", "WinregReader", True), ("order", "Info")]


def test_probe_windows_without_the_windows_module_is_an_import_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A build that left the Windows adapters out: None in sys.modules makes import fail.
    monkeypatch.setitem(sys.modules, "referral_desk.delivery.windows_registry", None)
    with pytest.raises(ImportError):
        probe_windows()
    detection = detect_mail_clients("win32", {})
    assert detection.usable == ("eml-default-app",)
    assert "ontbreken" in detection.unusable["outlook-com"]


def test_windows_openers_are_built_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[tuple[str, tuple[object, ...]]] = []

    def fake_module(module: str, cls: str) -> None:
        mod = types.ModuleType(f"referral_desk.delivery.{module}")

        class Opener:
            name = {"outlook_com": "outlook-com", "new_outlook": "new-outlook"}.get(module, module)
            label = "nep"

            def __init__(self, *args: object) -> None:
                built.append((cls, args))

        setattr(mod, cls, Opener)
        monkeypatch.setitem(sys.modules, f"referral_desk.delivery.{module}", mod)

    fake_module("outlook_com", "OutlookComOpener")
    fake_module("new_outlook", "NewOutlookOpener")
    fake_module("mapi", "MapiOpener")
    detection = MailDetection(
        platform="win32",
        usable=("new-outlook", "outlook-com", "mapi", "eml-default-app"),
        olk_path=Path("C:/olk.exe"),
    )
    chain = build_opener_chain(AUTO, {}, detection=detection)
    assert [o.name for o in chain.openers] == list(detection.usable)
    assert built == [
        ("NewOutlookOpener", (Path("C:/olk.exe"),)),
        ("OutlookComOpener", ()),
        ("MapiOpener", ()),
    ]


def test_missing_windows_adapters_fail_in_the_chain_with_a_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "referral_desk.delivery.outlook_com", None)
    detection = MailDetection(platform="win32", usable=("eml-default-app",))
    opener = make_opener("outlook-com", detection, {})
    assert isinstance(opener, UnavailableOpener)
    with pytest.raises(MailOpenError, match="Windows-koppelingen"):
        opener.open_draft(None, Path())  # type: ignore[arg-type]
    new_outlook = make_opener("new-outlook", detection, {})
    assert isinstance(new_outlook, UnavailableOpener)
    assert "nieuwe Outlook" in new_outlook.reason


# --- the chain ------------------------------------------------------------------------------------

LINUX_FULL = MailDetection(platform="linux", usable=("thunderbird", "xdg-email", "eml-default-app"))


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (AUTO, ["thunderbird", "xdg-email", "eml-default-app"]),
        ("xdg-email", ["xdg-email", "thunderbird", "eml-default-app"]),
        ("eml-default-app", ["eml-default-app", "thunderbird", "xdg-email"]),
        ("outlook-com", ["outlook-com", "thunderbird", "xdg-email", "eml-default-app"]),
        ("  ", ["thunderbird", "xdg-email", "eml-default-app"]),
    ],
)
def test_chosen_adapter_goes_first_then_the_detected_order(
    choice: str, expected: list[str]
) -> None:
    assert adapter_order(choice, LINUX_FULL) == expected
    chain = build_opener_chain(choice, {}, detection=LINUX_FULL)
    assert [o.name for o in chain.openers] == expected


def test_unknown_setting_is_automatic_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    assert adapter_order("pigeon-post", LINUX_FULL) == list(LINUX_FULL.usable)
    assert "pigeon-post" in caplog.text


def test_chain_types_and_the_eml_always_present() -> None:
    chain = build_opener_chain(AUTO, {}, detection=LINUX_FULL)
    types_in_order = [type(o) for o in chain.openers]
    assert types_in_order == [ThunderbirdComposeOpener, XdgEmailOpener, EmlFileOpener]
    bare = MailDetection(platform="linux", usable=())
    assert adapter_order(AUTO, bare) == ["eml-default-app"]


def test_headless_environment_wins_over_everything() -> None:
    chain = build_opener_chain("thunderbird", {"REFERRAL_DESK_MAIL": "eml"}, detection=LINUX_FULL)
    assert [o.name for o in chain.openers] == ["eml-only"]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"REFERRAL_DESK_MAIL": "eml"}, ["eml-only"]),
        ({"REFERRAL_DESK_MAIL": " EML "}, ["eml-only"]),
        ({}, ["eml-default-app"]),
        ({"REFERRAL_DESK_MAIL": ""}, ["eml-default-app"]),
        ({"REFERRAL_DESK_MAIL": "iets anders"}, ["eml-default-app"]),
    ],
)
def test_the_automatic_chain_follows_the_environment(
    environ: dict[str, str], expected: list[str]
) -> None:
    # An environ without PATH finds no program, so only the .eml openers remain.
    chain = build_opener_chain(AUTO, environ, platform="linux")
    assert isinstance(chain, OpenerChain)
    assert [o.name for o in chain.openers] == expected


def test_the_automatic_chain_reads_os_environ() -> None:
    # tests/conftest.py sets REFERRAL_DESK_MAIL=eml for every test.
    assert [o.name for o in build_opener_chain().openers] == ["eml-only"]


def test_configured_chain_reads_the_setting_at_every_draft() -> None:
    choice = ["thunderbird"]
    configured = ConfiguredOpenerChain(lambda: choice[0], environ={}, platform="linux")
    assert [o.name for o in configured.chain().openers] == ["thunderbird", "eml-default-app"]
    choice[0] = AUTO
    assert [o.name for o in configured.chain().openers] == ["eml-default-app"]


@pytest.mark.parametrize("environ", [{}, {"REFERRAL_DESK_MAIL": "eml"}])
def test_configured_chain_still_writes_the_eml_when_detection_breaks(
    environ: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    canary = "Qzxkwv-detectie"

    def broken_setting() -> str:
        raise RuntimeError(canary)

    opened: list[Path] = []

    def desktop(path: Path, grace: float) -> None:
        opened.append(path)

    monkeypatch.setattr(openers, "open_with_desktop", desktop)
    archive = tmp_path / "KG-2026-7F3K9Q.7z"
    archive.write_bytes(b"7z")
    draft = DraftMessage(to="a@ocmw.example.be", subject="s", body="b", attachment=archive)
    caplog.set_level(logging.DEBUG)
    result = ConfiguredOpenerChain(broken_setting, environ=environ).open_draft(draft, tmp_path)
    assert result.eml_path == tmp_path / "KG-2026-7F3K9Q.eml"
    assert result.opener == ("eml-only" if environ else "eml-default-app")
    assert opened == ([] if environ else [result.eml_path])
    assert "RuntimeError" in caplog.text
    assert canary not in caplog.text
