"""The installer's product definition: harvest, version resource, and the MSI tables.

The MSI is compiled from packaging/wix/referral-desk.wxs with wixl (Debian's ``wixl`` and
``msitools``) plus the rows wixl cannot compile (packaging/wix/build_msi_wixl.py), then read
back with ``msiinfo``. What Windows Installer does with the tables is not observable here.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.platforms import posix_only

ROOT = Path(__file__).resolve().parents[2]
WIX = ROOT / "packaging" / "wix"
UPGRADE_CODE = "{4F125483-D815-4F35-99FA-2BA44328D5D6}"


def _load(path: Path, name: str) -> Any:
    """Import a packaging script by path (``packaging/`` is not a Python package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


harvest: Any = _load(WIX / "harvest.py", "referral_desk_harvest")
version_info: Any = _load(
    ROOT / "packaging" / "pyinstaller" / "version_info.py", "referral_desk_version_info"
)


def fake_bundle(root: Path) -> Path:
    """The shape of a Windows PyInstaller folder, tiny."""
    files = {
        "referral-desk.exe": b"MZ gui",
        "referral-desk-cli.exe": b"MZ cli",
        "_internal/config/partners.toml": (ROOT / "config" / "partners.toml").read_bytes(),
        "_internal/resources/data/postcodes.json": b"{}",
        "_internal/PySide6/plugins/platforms/qwindows.dll": b"MZ",
        "_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll": b"MZ",
        "_internal/python311.dll": b"MZ",
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


# --- fast: harvest and version resource ---------------------------------------------------------


def test_harvest_ids_and_guids_are_stable(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path / "bundle")
    files = harvest.harvest_files(bundle, ["referral-desk.exe"])
    assert "referral-desk.exe" not in files
    assert "_internal/config/partners.toml" in files
    first = harvest.render_fragment(files)
    again = harvest.render_fragment(harvest.harvest_files(bundle, ["referral-desk.exe"]))
    assert first == again
    guid = harvest.component_guid("_internal/config/partners.toml")
    assert (
        guid == str(uuid.uuid5(uuid.UUID(UPGRADE_CODE), "_internal/config/partners.toml")).upper()
    )
    assert f'Guid="{guid}"' in first
    assert 'Source="$(var.AppDir)/_internal/config/partners.toml"' in first
    assert first.count("<Component ") == len(files) == first.count("<ComponentRef ")


def test_harvest_uses_the_upgrade_code_of_the_wxs() -> None:
    wxs = (WIX / "referral-desk.wxs").read_text("utf-8")
    assert f'UpgradeCode="{UPGRADE_CODE.strip("{}")}"' in wxs
    assert str(harvest.UPGRADE_CODE).upper() == UPGRADE_CODE.strip("{}")


def test_version_resource_text_is_what_pyinstaller_evaluates() -> None:
    text = version_info.version_info_text("0.1.0", "referral-desk")
    tree = ast.parse(text)
    call = tree.body[0]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call)
    assert isinstance(call.value.func, ast.Name) and call.value.func.id == "VSVersionInfo"
    assert "filevers=(0, 1, 0, 0)" in text
    assert "StringStruct('ProductVersion', '0.1.0')" in text
    assert "StringStruct('OriginalFilename', 'referral-desk.exe')" in text
    assert version_info.version_tuple("1.2.3rc4") == (1, 2, 3, 4)
    assert version_info.package_version(ROOT) == "0.1.0"


# --- slow: wixl and msiinfo ---------------------------------------------------------------------


# The MSI is built and read with Debian's tools; on Windows they do not exist.
msi_tools = posix_only("builds and reads the MSI with Debian's wixl and msitools")


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required on CI (Debian packages wixl and msitools)")
        pytest.skip(f"{tool} not installed")


def table(msi: Path, name: str) -> list[dict[str, str]]:
    out = subprocess.run(
        ["msiinfo", "export", str(msi), name], check=True, capture_output=True, text=True
    ).stdout
    lines = out.splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[3:]]


@pytest.fixture(scope="module")
def msi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    _need("wixl")
    _need("msiinfo")
    _need("msibuild")
    work = tmp_path_factory.mktemp("msi")
    bundle = fake_bundle(work / "referral-desk")
    output = work / "referral-desk.msi"
    subprocess.run(
        [
            sys.executable,
            str(WIX / "build_msi_wixl.py"),
            str(bundle),
            str(output),
            "--work",
            str(work / "wix"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    yield output


@pytest.mark.slow
@msi_tools
def test_per_machine_product_with_fixed_upgrade_code(msi: Path) -> None:
    props = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    assert props["ALLUSERS"] == "1"
    assert props["UpgradeCode"] == UPGRADE_CODE
    assert props["ProductName"] == "referral-desk"
    assert props["ProductVersion"] == "0.1.0"
    assert props["Manufacturer"] == "Opgroeien"
    assert re.fullmatch(r"\{[0-9A-F-]{36}\}", props["ProductCode"])
    summary = subprocess.run(
        ["msiinfo", "suminfo", str(msi)], check=True, capture_output=True, text=True
    ).stdout
    assert "Template: x64;" in summary


@pytest.mark.slow
@msi_tools
def test_major_upgrade_and_downgrade_refusal(msi: Path) -> None:
    upgrade = table(msi, "Upgrade")
    assert {(row["UpgradeCode"], row["ActionProperty"]) for row in upgrade} == {
        (UPGRADE_CODE, "WIX_UPGRADE_DETECTED"),
        (UPGRADE_CODE, "WIX_DOWNGRADE_DETECTED"),
    }
    sequence = {row["Action"]: int(row["Sequence"]) for row in table(msi, "InstallExecuteSequence")}
    # The old version goes right after InstallValidate, before anything new is installed.
    assert sequence["InstallValidate"] < sequence["RemoveExistingProducts"]
    assert sequence["RemoveExistingProducts"] < sequence["InstallInitialize"]
    launch = {row["Condition"] for row in table(msi, "LaunchCondition")}
    assert "NOT WIX_DOWNGRADE_DETECTED" in launch


@pytest.mark.slow
@msi_tools
def test_program_files_and_start_menu_shortcut(msi: Path) -> None:
    directories = {row["Directory"]: row for row in table(msi, "Directory")}
    assert directories["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert directories["INSTALLDIR"]["DefaultDir"] == "referral-desk"
    [shortcut] = table(msi, "Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Name"] == "referral-desk"
    assert shortcut["Target"] == "[#ReferralDeskExe]"
    assert shortcut["Component_"] == "MainExecutable"
    files = {row["File"]: row for row in table(msi, "File")}
    assert files["ReferralDeskExe"]["FileName"] == "referral-desk.exe"
    names = {row["FileName"] for row in files.values()}
    assert {"referral-desk-cli.exe", "partners.toml", "qwindows.dll"} <= names
    assert len(files) == 7
    components = table(msi, "Component")
    assert all(int(row["Attributes"]) & 256 for row in components), "64-bit components"


@pytest.mark.slow
@msi_tools
def test_registry_file_property_copies_into_programdata(msi: Path) -> None:
    directories = {row["Directory"]: row for row in table(msi, "Directory")}
    assert directories["MachineConfigDir"]["Directory_Parent"] == "CommonAppDataFolder"
    assert directories["MachineConfigDir"]["DefaultDir"] == "referral-desk"
    [move] = [row for row in table(msi, "MoveFile") if row["FileKey"] == "CopyMachineRegistry"]
    assert move["SourceFolder"] == "REGISTRY_FILE"
    assert move["SourceName"] == ""  # the property holds the file's full path
    assert move["DestFolder"] == "MachineConfigDir"
    assert move["DestName"] == "partners.toml"
    assert move["Options"] == "0"  # copy, never move the source
    components = {row["Component"]: row for row in table(msi, "Component")}
    assert components[move["Component_"]]["Condition"] == "REGISTRY_FILE"
    props = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    assert "REGISTRY_FILE" in props["SecureCustomProperties"].split(";")
    assert "REGISTRY_FILE" not in props  # no default: nothing is copied unless IT says so
    actions = {row["Action"] for row in table(msi, "InstallExecuteSequence")}
    assert "MoveFiles" in actions
    # Its signature beside it: with TRUSTED_KEY an unsigned machine registry is refused.
    [signature] = [
        row for row in table(msi, "MoveFile") if row["FileKey"] == "CopyMachineRegistrySignature"
    ]
    assert signature["SourceFolder"] == "REGISTRY_SIGNATURE"
    assert (signature["DestName"], signature["Component_"]) == (
        "partners.toml.minisig",
        move["Component_"],
    )
    [setter] = table(msi, "CustomAction")
    assert (setter["Source"], setter["Target"]) == ("REGISTRY_SIGNATURE", "[REGISTRY_FILE].minisig")
    sequence = {row["Action"]: row for row in table(msi, "InstallExecuteSequence")}
    assert sequence["SetRegistrySignature"]["Condition"] == "REGISTRY_FILE"
    assert int(sequence["SetRegistrySignature"]["Sequence"]) < int(
        sequence["CostInitialize"]["Sequence"]
    )
    [acl] = table(msi, "MsiLockPermissionsEx")
    assert acl["LockObject"] == "MachineConfigDir"
    assert acl["SDDLText"] == "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FRFX;;;BU)"


@pytest.mark.slow
@msi_tools
def test_uninstall_leaves_user_data_alone(msi: Path) -> None:
    directories = {row["Directory"] for row in table(msi, "Directory")}
    assert not directories & {"LocalAppDataFolder", "AppDataFolder", "PersonalFolder"}
    assert table(msi, "RemoveFile") == []
    assert table(msi, "Registry") == []
    # The one custom action sets a property (type 51): no code runs, nothing is touched.
    assert [(row["Action"], row["Type"]) for row in table(msi, "CustomAction")] == [
        ("SetRegistrySignature", "51")
    ]


@pytest.mark.slow
@msi_tools
def test_registry_source_property_writes_config_toml(msi: Path, tmp_path: Path) -> None:
    from referral_desk.registry.source_folder import configured_source

    [ini] = table(msi, "IniFile")
    assert ini["FileName"].endswith("|config.toml")
    assert ini["DirProperty"] == "MachineConfigDir"
    assert (ini["Section"], ini["Key"]) == ("machine", "registry_source")
    assert ini["Value"] == "'[REGISTRY_SOURCE]'"  # a TOML literal string: backslashes stay
    assert ini["Action"] == "0"  # addLine: creates the file or replaces the value
    components = {row["Component"]: row for row in table(msi, "Component")}
    setting = components[ini["Component_"]]
    assert setting["Condition"] == "REGISTRY_SOURCE"
    assert int(setting["Attributes"]) & 16, "permanent: an upgrade without the property keeps it"
    props = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    assert "REGISTRY_SOURCE" in props["SecureCustomProperties"].split(";")
    assert "REGISTRY_SOURCE" not in props
    sequence = {row["Action"]: int(row["Sequence"]) for row in table(msi, "InstallExecuteSequence")}
    assert sequence["InstallFiles"] < sequence["WriteIniValues"] < sequence["InstallFinalize"]
    assert sequence["InstallInitialize"] < sequence["RemoveIniValues"] < sequence["InstallFiles"]
    # What WritePrivateProfileString makes of the row is what the app reads.
    share = tmp_path / "share"
    written = tmp_path / "config.toml"
    value = ini["Value"].replace("[REGISTRY_SOURCE]", str(share))
    written.write_bytes(f"[{ini['Section']}]\r\n{ini['Key']}={value}\r\n".encode("ascii"))
    assert configured_source(written) == share


@pytest.mark.slow
@msi_tools
def test_trusted_key_property_copies_into_trusted_keys(msi: Path) -> None:
    directories = {row["Directory"]: row for row in table(msi, "Directory")}
    assert directories["TrustedKeysDir"]["Directory_Parent"] == "MachineConfigDir"
    assert directories["TrustedKeysDir"]["DefaultDir"] == "trusted-keys"
    [move] = [row for row in table(msi, "MoveFile") if row["SourceFolder"] == "TRUSTED_KEY"]
    assert move["DestFolder"] == "TrustedKeysDir"
    assert move["DestName"].endswith(".pub")  # only *.pub files are read as keys
    assert move["Options"] == "0"
    components = {row["Component"]: row for row in table(msi, "Component")}
    assert components[move["Component_"]]["Condition"] == "TRUSTED_KEY"
    props = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    assert "TRUSTED_KEY" in props["SecureCustomProperties"].split(";")
    assert "TRUSTED_KEY" not in props
    # The ACL of MachineConfigDir (administrators write, users read) is inherited.
    [acl] = table(msi, "MsiLockPermissionsEx")
    assert acl["LockObject"] == "MachineConfigDir" and "OICI" in acl["SDDLText"]
