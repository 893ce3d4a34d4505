"""Build referral-desk.wxs with wixl (Debian's msitools) on Linux, to check the MSI's tables.

    python3 packaging/wix/build_msi_wixl.py dist/referral-desk dist/referral-desk-0.1.0-wixl.msi

wixl 0.101 compiles the WiX v3 source with ``-D Toolset=wixl``, which leaves out (with
``<?if?>``) the five things it does not know: ``CopyFile`` (MoveFile table), ``IniFile``
(IniFile table), ``PermissionEx`` (MsiLockPermissionsEx), a component ``Condition`` and
``Secure`` properties (SecureCustomProperties); a component's ``Permanent="yes"`` it ignores
with a GLib warning, a property-setting ``CustomAction`` and its ``Custom`` without a word.
This script then adds exactly those rows and bits with ``msibuild``,
reading them from the same referral-desk.wxs, the way WiX v3 writes them. The result is the
MSI ``packaging/build_windows.py package`` makes on Linux; under Wine it installs, copies the
registry files and uninstalls (tests/packaging/test_windows_install.py). On a Windows build
machine the same .wxs goes through WiX v3.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WXS = HERE / "referral-desk.wxs"
NS = {"w": "http://schemas.microsoft.com/wix/2006/wi"}
# Where WiX v3 schedules MoveFiles, RemoveIniValues and WriteIniValues in
# InstallExecuteSequence.
MOVE_FILES_SEQUENCE = 3800
REMOVE_INI_VALUES_SEQUENCE = 3100
WRITE_INI_VALUES_SEQUENCE = 5100
# Standard actions a Custom element may be scheduled before, with their sequence numbers.
STANDARD_SEQUENCE = {"CostInitialize": 800}
# msidbCustomActionTypeTextData + msidbCustomActionTypeProperty: set a property from text.
SET_PROPERTY_TYPE = 51
# IniFile's Action column (msidbIniFileAction*).
INI_ACTIONS = {"addLine": 0, "createLine": 1, "addTag": 3}
# msidbComponentAttributesPermanent: never removed, not by an uninstall nor by an upgrade.
PERMANENT = 16


@dataclass
class WindowsOnlyRows:
    """What wixl cannot compile, as the table rows WiX v3 would write."""

    component_conditions: dict[str, str] = field(default_factory=dict)
    move_files: list[tuple[str, str, str, str, str, int]] = field(default_factory=list)
    lock_permissions: list[tuple[str, str, str, str]] = field(default_factory=list)
    # IniFile, FileName, DirProperty, Section, Key, Value, Action, Component_
    ini_files: list[tuple[str, str, str, str, str, str, int, str]] = field(default_factory=list)
    secure_properties: list[str] = field(default_factory=list)
    permanent_components: list[str] = field(default_factory=list)
    # Action, Property, Value, Condition, Sequence: a property set from others (type 51),
    # which wixl reads without writing a row.
    property_actions: list[tuple[str, str, str, str, int]] = field(default_factory=list)


def windows_only_rows(wxs: Path = WXS) -> WindowsOnlyRows:
    rows = WindowsOnlyRows()
    tree = ET.parse(wxs)
    for prop in tree.iterfind(".//w:Property", NS):
        if prop.get("Secure") == "yes":
            rows.secure_properties.append(prop.attrib["Id"])
    for custom in tree.iterfind(".//w:InstallExecuteSequence/w:Custom", NS):
        action = tree.find(f".//w:CustomAction[@Id='{custom.attrib['Action']}']", NS)
        if action is None or "Property" not in action.attrib:
            raise ValueError(f"only property-setting custom actions: {custom.attrib['Action']}")
        before = STANDARD_SEQUENCE[custom.attrib["Before"]]
        rows.property_actions.append(
            (
                action.attrib["Id"],
                action.attrib["Property"],
                action.attrib["Value"],
                (custom.text or "").strip(),
                before - 1,
            )
        )
    for directory in tree.iterfind(".//w:Directory", NS):
        for component in directory.iterfind("w:Component", NS):
            name = component.attrib["Id"]
            if component.get("Permanent") == "yes":
                rows.permanent_components.append(name)
            condition = component.find("w:Condition", NS)
            if condition is not None and condition.text:
                rows.component_conditions[name] = condition.text.strip()
            for copy in component.iterfind("w:CopyFile", NS):
                rows.move_files.append(
                    (
                        copy.attrib["Id"],
                        name,
                        copy.attrib["DestinationName"],
                        copy.attrib["SourceProperty"],
                        copy.attrib["DestinationDirectory"],
                        1 if copy.get("Delete") == "yes" else 0,
                    )
                )
            for ini in component.iterfind("w:IniFile", NS):
                long_name = ini.attrib["Name"]
                short = ini.get("ShortName")
                rows.ini_files.append(
                    (
                        ini.attrib["Id"],
                        f"{short.upper()}|{long_name}" if short else long_name,
                        ini.attrib["Directory"],
                        ini.attrib["Section"],
                        ini.attrib["Key"],
                        ini.attrib["Value"],
                        INI_ACTIONS[ini.attrib["Action"]],
                        name,
                    )
                )
            for create in component.iterfind("w:CreateFolder", NS):
                target = create.get("Directory", directory.attrib["Id"])
                for permission in create.iterfind("w:PermissionEx", NS):
                    rows.lock_permissions.append(
                        (permission.attrib["Id"], target, "CreateFolder", permission.attrib["Sddl"])
                    )
    return rows


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _msibuild(msi: Path, query: str) -> None:
    subprocess.run(["msibuild", str(msi), "-q", query], check=True)


def _export(msi: Path, table: str) -> list[list[str]]:
    export = subprocess.run(
        ["msiinfo", "export", str(msi), table], check=True, capture_output=True, text=True
    ).stdout
    return [line.split("\t") for line in export.splitlines()[3:]]


def _property(msi: Path, name: str) -> str | None:
    for row in _export(msi, "Property"):
        if row[0] == name:
            return row[1] if len(row) > 1 else ""
    return None


def add_windows_only_rows(msi: Path, rows: WindowsOnlyRows) -> None:
    for component, condition in rows.component_conditions.items():
        _msibuild(
            msi,
            f"UPDATE `Component` SET `Condition` = {_sql_text(condition)} "
            f"WHERE `Component` = {_sql_text(component)}",
        )
    if rows.move_files:
        _msibuild(
            msi,
            "CREATE TABLE `MoveFile` (`FileKey` CHAR(72) NOT NULL, `Component_` CHAR(72) NOT "
            "NULL, `SourceName` CHAR(255) LOCALIZABLE, `DestName` CHAR(255) LOCALIZABLE, "
            "`SourceFolder` CHAR(72), `DestFolder` CHAR(72) NOT NULL, `Options` INT NOT NULL "
            "PRIMARY KEY `FileKey`)",
        )
        for key, component, dest_name, source_folder, dest_folder, options in rows.move_files:
            _msibuild(
                msi,
                "INSERT INTO `MoveFile` (`FileKey`, `Component_`, `DestName`, `SourceFolder`, "
                f"`DestFolder`, `Options`) VALUES ({_sql_text(key)}, {_sql_text(component)}, "
                f"{_sql_text(dest_name)}, {_sql_text(source_folder)}, {_sql_text(dest_folder)}, "
                f"{options})",
            )
        _msibuild(
            msi,
            "INSERT INTO `InstallExecuteSequence` (`Action`, `Sequence`) "
            f"VALUES ('MoveFiles', {MOVE_FILES_SEQUENCE})",
        )
    if rows.permanent_components:
        attributes = {
            row[0]: int(row[3])
            for row in _export(msi, "Component")
            if row[0] in rows.permanent_components
        }
        for component, value in attributes.items():
            _msibuild(
                msi,
                f"UPDATE `Component` SET `Attributes` = {value | PERMANENT} "
                f"WHERE `Component` = {_sql_text(component)}",
            )
    if rows.ini_files:
        # Imported as an IDT file: Windows Installer's SQL has no way to write the quotes of
        # the value ('[REGISTRY_SOURCE]') in a literal.
        with tempfile.TemporaryDirectory() as folder:
            idt = Path(folder) / "IniFile.idt"
            lines = [
                "IniFile\tFileName\tDirProperty\tSection\tKey\tValue\tAction\tComponent_",
                "s72\tl255\tS72\tl96\tl128\tl255\ti2\ts72",
                "IniFile\tIniFile",
                *("\t".join(map(str, row)) for row in rows.ini_files),
            ]
            idt.write_text("\r\n".join(lines) + "\r\n", "ascii")
            subprocess.run(["msibuild", str(msi), "-i", str(idt)], check=True)
        for action_name, sequence in (
            ("RemoveIniValues", REMOVE_INI_VALUES_SEQUENCE),
            ("WriteIniValues", WRITE_INI_VALUES_SEQUENCE),
        ):
            _msibuild(
                msi,
                "INSERT INTO `InstallExecuteSequence` (`Action`, `Sequence`) "
                f"VALUES ({_sql_text(action_name)}, {sequence})",
            )
    if rows.lock_permissions:
        _msibuild(
            msi,
            "CREATE TABLE `MsiLockPermissionsEx` (`MsiLockPermissionsEx` CHAR(72) NOT NULL, "
            "`LockObject` CHAR(72) NOT NULL, `Table` CHAR(32) NOT NULL, `SDDLText` CHAR(255) NOT "
            "NULL, `Condition` CHAR(255) PRIMARY KEY `MsiLockPermissionsEx`)",
        )
        for key, lock_object, table, sddl in rows.lock_permissions:
            _msibuild(
                msi,
                "INSERT INTO `MsiLockPermissionsEx` (`MsiLockPermissionsEx`, `LockObject`, "
                f"`Table`, `SDDLText`) VALUES ({_sql_text(key)}, {_sql_text(lock_object)}, "
                f"{_sql_text(table)}, {_sql_text(sddl)})",
            )
    for action, prop, value, condition, sequence in rows.property_actions:
        _msibuild(
            msi,
            "INSERT INTO `CustomAction` (`Action`, `Type`, `Source`, `Target`) VALUES "
            f"({_sql_text(action)}, {SET_PROPERTY_TYPE}, {_sql_text(prop)}, {_sql_text(value)})",
        )
        _msibuild(
            msi,
            "INSERT INTO `InstallExecuteSequence` (`Action`, `Condition`, `Sequence`) VALUES "
            f"({_sql_text(action)}, {_sql_text(condition)}, {sequence})",
        )
    if rows.secure_properties:
        current = _property(msi, "SecureCustomProperties")
        names = sorted({*(current.split(";") if current else []), *rows.secure_properties})
        value = _sql_text(";".join(names))
        if current is None:
            query = (
                "INSERT INTO `Property` (`Property`, `Value`) "
                f"VALUES ('SecureCustomProperties', {value})"
            )
        else:
            query = (
                f"UPDATE `Property` SET `Value` = {value} "
                "WHERE `Property` = 'SecureCustomProperties'"
            )
        _msibuild(msi, query)


def package_version() -> str:
    text = (ROOT / "src" / "referral_desk" / "__init__.py").read_text("utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("no __version__ in src/referral_desk/__init__.py")
    return match.group(1)


def msi_version(version: str) -> str:
    """MSI compares major.minor.build only; 0.1.0rc1 → 0.1.0."""
    numbers = re.findall(r"\d+", version.split("+")[0])[:3]
    return ".".join(numbers + ["0"] * (3 - len(numbers)))


def build(source: Path, output: Path, *, version: str, work: Path) -> Path:
    main_exe = "referral-desk.exe" if (source / "referral-desk.exe").is_file() else "referral-desk"
    work.mkdir(parents=True, exist_ok=True)
    fragment = work / "files.wxs"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "harvest.py"),
            str(source),
            str(fragment),
            "--exclude",
            main_exe,
        ],
        check=True,
    )
    output.parent.mkdir(parents=True, exist_ok=True)

    # wixl resolves File/Icon sources with g_file_get_child, which refuses absolute paths:
    # run it from / and hand it paths relative to /.
    def from_root(path: Path) -> str:
        return os.path.relpath(path.resolve(), "/")

    subprocess.run(
        [
            "wixl",
            "-a",
            "x64",
            "-D",
            "Toolset=wixl",
            "-D",
            f"Version={msi_version(version)}",
            "-D",
            f"AppDir={from_root(source)}",
            "-D",
            f"MainExe={main_exe}",
            "-D",
            f"IconFile={from_root(ROOT / 'packaging' / 'assets' / 'referral-desk.ico')}",
            "-o",
            str(output.resolve()),
            str(WXS),
            str(fragment.resolve()),
        ],
        check=True,
        cwd="/",
    )
    add_windows_only_rows(output, windows_only_rows())
    return output


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, nargs="?", default=ROOT / "dist" / "referral-desk")
    parser.add_argument("output", type=Path, nargs="?")
    parser.add_argument("--version", default=package_version())
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "wix-wixl")
    args = parser.parse_args(argv)
    output = args.output or ROOT / "dist" / f"referral-desk-{args.version}-wixl.msi"
    build(args.source, output, version=args.version, work=args.work)
    print(output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
