"""Windows mail detection from a fake registry; the real reader against a fake ``winreg``."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from referral_desk.delivery.detection import WindowsProbe, detect_mail_clients, probe_windows
from referral_desk.delivery.windows_registry import (
    APP_PATHS,
    CLIENTS_MAIL,
    NEW_OUTLOOK_PREFERENCES,
    Hive,
    RegistryValue,
    WindowsMailInfo,
    WinregReader,
    detect_windows_mail,
    windows_adapter_order,
)

OUTLOOK = r"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE"
OLK = r"C:\Users\kg\AppData\Local\Microsoft\WindowsApps\olk.exe"
OLMAPI = r"C:\Program Files\Microsoft Office\root\Office16\OLMAPI32.DLL"
TB_MAPI = r"C:\Program Files\Mozilla Thunderbird\mozMapi32_InUse.dll"

Registry = dict[tuple[str, str, str], RegistryValue]


class FakeRegistry:
    """(hive, key, value name) → value; key names compare case-insensitively, as in Windows."""

    def __init__(self, values: Registry) -> None:
        self.values = {(h, k.lower(), n.lower()): v for (h, k, n), v in values.items()}
        self.reads: list[tuple[str, str, str]] = []

    def read_value(self, hive: Hive, key: str, name: str) -> RegistryValue:
        self.reads.append((hive, key, name))
        return self.values.get((hive, key.lower(), name.lower()))


def files(*paths: str) -> set[str]:
    return set(paths)


def detect(values: Registry, present: set[str]) -> tuple[WindowsMailInfo, list[str]]:
    info = detect_windows_mail(FakeRegistry(values), present.__contains__)
    return info, windows_adapter_order(info)


CLASSIC_OUTLOOK: Registry = {
    ("HKLM", CLIENTS_MAIL, ""): "Microsoft Outlook",
    ("HKLM", rf"{CLIENTS_MAIL}\Microsoft Outlook", "DLLPathEx"): OLMAPI,
    ("HKLM", rf"{APP_PATHS}\OUTLOOK.EXE", ""): OUTLOOK,
}


def test_classic_outlook_as_default_uses_com_then_its_mapi() -> None:
    info, order = detect(CLASSIC_OUTLOOK, files(OUTLOOK, OLMAPI))
    assert info.default_client == "Microsoft Outlook"
    assert info.classic_outlook
    assert info.outlook_path == OUTLOOK
    assert not info.new_outlook_enabled
    assert info.olk_path is None
    assert info.mapi_available
    assert info.mapi_dll == OLMAPI
    assert order == ["outlook-com", "mapi", "eml-default-app"]


def test_new_outlook_toggle_puts_new_outlook_first() -> None:
    values: Registry = {
        **CLASSIC_OUTLOOK,
        ("HKCU", NEW_OUTLOOK_PREFERENCES, "UseNewOutlook"): 1,
        ("HKCU", rf"{APP_PATHS}\olk.exe", ""): f'"{OLK}"',
    }
    info, order = detect(values, files(OUTLOOK, OLMAPI, OLK))
    assert info.new_outlook_enabled
    assert info.olk_path == OLK  # quotes stripped
    assert order == ["new-outlook", "outlook-com", "mapi", "eml-default-app"]


def test_new_outlook_installed_but_toggle_off_stays_behind_classic() -> None:
    values: Registry = {
        **CLASSIC_OUTLOOK,
        ("HKCU", NEW_OUTLOOK_PREFERENCES, "UseNewOutlook"): 0,
        ("HKCU", rf"{APP_PATHS}\olk.exe", ""): OLK,
    }
    _, order = detect(values, files(OUTLOOK, OLMAPI, OLK))
    assert order == ["outlook-com", "mapi", "eml-default-app"]


def test_only_new_outlook_installed_is_used_without_the_toggle() -> None:
    _, order = detect({("HKCU", rf"{APP_PATHS}\olk.exe", ""): OLK}, files(OLK))
    assert order == ["new-outlook", "eml-default-app"]


def test_new_outlook_toggle_without_olk_exe_is_not_offered() -> None:
    values: Registry = {("HKCU", NEW_OUTLOOK_PREFERENCES, "UseNewOutlook"): 1}
    info, order = detect(values, set())
    assert info.new_outlook_enabled
    assert order == ["eml-default-app"]


def test_thunderbird_as_default_goes_through_mapi_and_not_outlook() -> None:
    values: Registry = {
        **CLASSIC_OUTLOOK,
        ("HKLM", CLIENTS_MAIL, ""): "Mozilla Thunderbird",
        ("HKLM", rf"{CLIENTS_MAIL}\Mozilla Thunderbird", "DLLPath"): TB_MAPI,
    }
    info, order = detect(values, files(OUTLOOK, OLMAPI, TB_MAPI))
    assert info.default_client == "Mozilla Thunderbird"
    assert info.mapi_dll == TB_MAPI
    assert info.classic_outlook
    assert order == ["mapi", "eml-default-app"]


def test_default_client_without_a_present_mapi_dll_is_not_mapi() -> None:
    values: Registry = {
        ("HKLM", CLIENTS_MAIL, ""): "eM Client",
        ("HKLM", rf"{CLIENTS_MAIL}\eM Client", "DLLPath"): r"C:\gone\mapi.dll",
    }
    info, order = detect(values, set())
    assert info.default_client == "eM Client"
    assert not info.mapi_available
    assert order == ["eml-default-app"]


def test_nothing_installed_leaves_only_the_eml() -> None:
    registry = FakeRegistry({})
    info = detect_windows_mail(registry, lambda _path: False)
    assert info == WindowsMailInfo()
    assert windows_adapter_order(info) == ["eml-default-app"]
    # Both hives were asked for the default client, HKCU first.
    assert registry.reads[:2] == [("HKCU", CLIENTS_MAIL, ""), ("HKLM", CLIENTS_MAIL, "")]


def test_hkcu_overrides_hklm() -> None:
    values: Registry = {
        **CLASSIC_OUTLOOK,
        ("HKCU", CLIENTS_MAIL, ""): "Mozilla Thunderbird",
        ("HKCU", rf"{CLIENTS_MAIL}\Mozilla Thunderbird", "DLLPath"): TB_MAPI,
    }
    info, order = detect(values, files(OUTLOOK, OLMAPI, TB_MAPI))
    assert info.default_client == "Mozilla Thunderbird"
    assert order == ["mapi", "eml-default-app"]


def test_empty_hkcu_default_falls_back_to_hklm() -> None:
    values: Registry = {**CLASSIC_OUTLOOK, ("HKCU", CLIENTS_MAIL, ""): "  "}
    info, _ = detect(values, files(OUTLOOK, OLMAPI))
    assert info.default_client == "Microsoft Outlook"


def test_outlook_installed_without_default_client_uses_com() -> None:
    values: Registry = {("HKLM", rf"{APP_PATHS}\OUTLOOK.EXE", ""): OUTLOOK}
    _, order = detect(values, files(OUTLOOK))
    assert order == ["outlook-com", "eml-default-app"]


def test_registered_but_missing_outlook_does_not_count() -> None:
    _, order = detect(CLASSIC_OUTLOOK, files(OLMAPI))
    assert order == ["mapi", "eml-default-app"]


def test_registered_paths_are_used_as_windows_paths() -> None:
    """An installer that wrote "/" or ".." into App Paths still gets a path Windows uses."""
    office = os.path.join("C:" + os.sep, "Program Files", "Microsoft Office", "root")
    written = office + "/Office16/../Office16/OUTLOOK.EXE"
    expected = os.path.join(office, "Office16", "OUTLOOK.EXE")
    info, order = detect({("HKLM", rf"{APP_PATHS}\OUTLOOK.EXE", ""): written}, files(expected))
    assert info.outlook_path == expected
    assert order == ["outlook-com", "eml-default-app"]


# --- the real reader against a fake winreg module --------------------------------------------


class FakeWinreg(types.ModuleType):
    HKEY_CURRENT_USER = 1
    HKEY_LOCAL_MACHINE = 2
    KEY_READ = 0x20019
    KEY_WOW64_64KEY = 0x100
    KEY_WOW64_32KEY = 0x200
    REG_SZ = 1
    REG_EXPAND_SZ = 2
    REG_BINARY = 3
    REG_DWORD = 4
    REG_QWORD = 11

    def __init__(
        self, data: dict[tuple[int, int, str, str], tuple[object, int]], local_app_data: str
    ) -> None:
        super().__init__("winreg")
        self.local_app_data = local_app_data
        # (root, view, key, name) → (value, type); view 0 for HKCU.
        self.data = data
        self.opened: list[tuple[int, str, int]] = []

    @contextmanager
    def _open(self, root: int, key: str, access: int) -> Iterator[tuple[int, str, int]]:
        view = access & (self.KEY_WOW64_64KEY | self.KEY_WOW64_32KEY)
        self.opened.append((root, key, access))
        if not any(k[:3] == (root, view, key) for k in self.data):
            raise FileNotFoundError(2, "Het systeem kan het opgegeven bestand niet vinden")
        yield (root, key, view)

    def OpenKey(
        self, root: int, key: str, reserved: int, access: int
    ) -> AbstractContextManager[tuple[int, str, int]]:
        assert reserved == 0
        assert access & self.KEY_READ == self.KEY_READ
        return self._open(root, key, access)

    def QueryValueEx(self, handle: tuple[int, str, int], name: str) -> tuple[object, int]:
        root, key, view = handle
        try:
            return self.data[(root, view, key, name)]
        except KeyError:
            raise FileNotFoundError(2, "value") from None

    def ExpandEnvironmentStrings(self, value: str) -> str:
        return value.replace("%LOCALAPPDATA%", self.local_app_data)


@pytest.fixture
def local_files(tmp_path: Path) -> dict[str, str]:
    """Real files, so probe_windows's own os.path.exists finds them."""
    local = tmp_path / "Local"
    (local / "Microsoft" / "WindowsApps").mkdir(parents=True)
    olk = local / "Microsoft" / "WindowsApps" / "olk.exe"
    olk.write_bytes(b"MZ")
    dll = tmp_path / "mozMapi32_InUse.dll"
    dll.write_bytes(b"MZ")
    return {"LOCALAPPDATA": str(local), "olk": str(olk), "dll": str(dll)}


@pytest.fixture
def fake_winreg(monkeypatch: pytest.MonkeyPatch, local_files: dict[str, str]) -> FakeWinreg:
    w = FakeWinreg
    module = FakeWinreg(
        {
            (w.HKEY_CURRENT_USER, 0, CLIENTS_MAIL, ""): ("Mozilla Thunderbird", w.REG_SZ),
            (w.HKEY_CURRENT_USER, 0, NEW_OUTLOOK_PREFERENCES, "UseNewOutlook"): (1, w.REG_DWORD),
            # As Windows writes it: with backslashes (os.path.join, so it resolves here too).
            (w.HKEY_CURRENT_USER, 0, rf"{APP_PATHS}\olk.exe", ""): (
                os.path.join("%LOCALAPPDATA%", "Microsoft", "WindowsApps", "olk.exe"),
                w.REG_EXPAND_SZ,
            ),
            # A 32-bit Thunderbird: only in the WOW6432Node view.
            (
                w.HKEY_LOCAL_MACHINE,
                w.KEY_WOW64_32KEY,
                rf"{CLIENTS_MAIL}\Mozilla Thunderbird",
                "DLLPath",
            ): (local_files["dll"], w.REG_SZ),
            (w.HKEY_LOCAL_MACHINE, w.KEY_WOW64_64KEY, CLIENTS_MAIL, "Binary"): (
                b"\0",
                w.REG_BINARY,
            ),
        },
        local_files["LOCALAPPDATA"],
    )
    monkeypatch.setitem(sys.modules, "winreg", module)
    return module


def test_winreg_reader_reads_types_views_and_never_raises(
    fake_winreg: FakeWinreg, local_files: dict[str, str]
) -> None:
    reader = WinregReader()
    assert reader.read_value("HKCU", CLIENTS_MAIL, "") == "Mozilla Thunderbird"
    assert reader.read_value("HKCU", NEW_OUTLOOK_PREFERENCES, "UseNewOutlook") == 1
    assert reader.read_value("HKCU", rf"{APP_PATHS}\olk.exe", "") == local_files["olk"]
    key = rf"{CLIENTS_MAIL}\Mozilla Thunderbird"
    fake_winreg.opened.clear()
    assert reader.read_value("HKLM", key, "DLLPath") == local_files["dll"]
    # 64-bit view first, then WOW6432Node.
    views = [access & 0x300 for _root, _key, access in fake_winreg.opened]
    assert views == [0x100, 0x200]
    assert reader.read_value("HKLM", CLIENTS_MAIL, "Binary") is None
    assert reader.read_value("HKLM", r"Software\Nowhere", "") is None
    assert reader.read_value("HKCU", CLIENTS_MAIL, "missing") is None


def test_probe_windows_uses_the_real_module_with_winreg_reader(
    fake_winreg: FakeWinreg, local_files: dict[str, str]
) -> None:
    probe = probe_windows()
    assert probe == WindowsProbe(
        ("new-outlook", "mapi", "eml-default-app"), "Mozilla Thunderbird", Path(local_files["olk"])
    )
    found = detect_mail_clients("win32", {}, windows_probe=probe_windows)
    assert found.usable == ("new-outlook", "mapi", "eml-default-app")
    assert found.olk_path == Path(local_files["olk"])
    assert set(found.unusable) == {"outlook-com"}
