"""The Windows build of referral-desk: one script, on a Windows build machine or under Wine.

    python packaging\\build_windows.py all OUTDIR        # Windows: everything, the MSI in OUTDIR
    python packaging/build_windows.py freeze             # Windows CPython: the bundle only
    python3 packaging/build_windows.py package OUTDIR    # any host: sign, MSI, sign

``freeze`` runs on Windows CPython: it installs the locked dependencies (``requirements.lock``;
``--no-install`` checks them instead, for an environment made by uv as under Wine), runs
PyInstaller for ``referral-desk.exe`` (windowed) and ``referral-desk-cli.exe`` (console), and
refuses a bundle that holds a DLL that must not ship (Wine's test stand-in for
``bcryptprimitives.dll``) or a Qt module nothing imports.

``package`` runs on the host that has the tools: it signs the two executables when
``REFERRAL_DESK_SIGN_PFX`` (a PFX file) and ``REFERRAL_DESK_PFX_PASSWORD`` are set — with
``signtool`` on Windows, ``osslsigncode`` elsewhere — makes the MSI from the bundle (WiX v3's
``candle``/``light`` on Windows, Debian's ``wixl`` elsewhere, from the same
``packaging/wix/referral-desk.wxs``) and signs it. Without a certificate it says plainly that
the build is unsigned. No step opens a network connection: a timestamp server is used only
when ``REFERRAL_DESK_SIGN_TIMESTAMP_URL`` names one.

Under Wine, ``scripts/windows-build.sh OUTDIR`` runs ``freeze`` on Windows CPython and
``package`` on Linux.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "referral-desk.spec"
WORK = ROOT / "build" / "windows"
BUNDLE = WORK / "dist" / "referral-desk"
EXECUTABLES = ("referral-desk.exe", "referral-desk-cli.exe")
# Never shipped: Windows 10 and later have their own; a Wine build finds the test stand-in.
FORBIDDEN_DLLS = {"bcryptprimitives.dll"}
# The Qt the app imports (grep src/ for "PySide6.") and the libraries those link against.
QT_MODULES = {"QtCore", "QtGui", "QtWidgets"}
QT_LIBRARIES = {"qt6core.dll", "qt6gui.dll", "qt6widgets.dll"}


class BuildError(Exception):
    """A step that cannot finish; the message says what to do."""


def _version() -> str:
    text = (ROOT / "src" / "referral_desk" / "__init__.py").read_text("utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise BuildError("no __version__ in src/referral_desk/__init__.py")
    return found.group(1)


# --- freeze (Windows CPython) -----------------------------------------------------------------


def locked_versions(lock: Path = ROOT / "requirements.lock") -> dict[str, str]:
    """Name → version of every lock entry whose marker holds for this Python."""
    from packaging.markers import Marker

    pins: dict[str, str] = {}
    for line in lock.read_text("utf-8").splitlines():
        found = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$", line)
        if found is None:
            continue
        name, version, marker = found.groups()
        if marker is None or Marker(marker).evaluate():
            pins[name.lower()] = version
    return pins


def check_installed(pins: dict[str, str]) -> None:
    wrong = []
    for name, version in sorted(pins.items()):
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = "niet geïnstalleerd"
        if installed != version:
            wrong.append(f"{name}: {installed}, lock {version}")
    if wrong:
        raise BuildError("the environment differs from requirements.lock: " + "; ".join(wrong))


def _project_metadata(folder: Path) -> Path:
    """referral-desk's dist-info, which the spec copies, without installing the checkout."""
    version = _version()
    info = folder / f"referral_desk-{version}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: referral-desk\nVersion: {version}\n", "utf-8"
    )
    return folder


def bundle_problems(bundle: Path) -> list[str]:
    """What makes a bundle unfit to ship: a forbidden DLL, a Qt module nothing imports."""
    problems = []
    for path in sorted(bundle.rglob("*")):
        name = path.name.lower()
        relative = path.relative_to(bundle).as_posix()
        if name in FORBIDDEN_DLLS:
            problems.append(f"{relative}: must not ship (Windows has its own)")
        elif re.fullmatch(r"qt6[a-z0-9]+\.dll", name) and name not in QT_LIBRARIES:
            problems.append(f"{relative}: a Qt library nothing imports")
        elif path.parent.name == "PySide6" and path.suffix == ".pyd":
            module = path.name.split(".")[0]
            if module.startswith("Qt") and module not in QT_MODULES:
                problems.append(f"{relative}: a Qt module nothing imports")
    return problems


def freeze(*, install: bool) -> Path:
    if sys.platform != "win32":
        raise BuildError("freeze runs on Windows CPython (under Wine: scripts/windows-build.sh)")
    started = time.monotonic()
    lock = ROOT / "requirements.lock"
    if install:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--require-hashes", "-r", str(lock)],
            check=True,
        )
    check_installed(locked_versions(lock))
    sys.path.insert(0, str(_project_metadata(WORK / "metadata")))
    shutil.rmtree(BUNDLE, ignore_errors=True)
    from PyInstaller.__main__ import run as pyinstaller

    pyinstaller(
        [
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(BUNDLE.parent),
            "--workpath",
            str(WORK / "pyinstaller"),
            str(SPEC),
        ]
    )
    problems = bundle_problems(BUNDLE)
    if problems:
        raise BuildError("the bundle must not ship:\n  " + "\n  ".join(problems))
    files = [path for path in BUNDLE.rglob("*") if path.is_file()]
    size = sum(path.stat().st_size for path in files)
    print(
        f"bundle: {BUNDLE} ({len(files)} files, {size / 2**20:.0f} MB) "
        f"in {time.monotonic() - started:.0f} s"
    )
    return BUNDLE


# --- package (the host's signing and MSI tools) ------------------------------------------------


def _signing() -> tuple[Path, str] | None:
    pfx = os.environ.get("REFERRAL_DESK_SIGN_PFX")
    if not pfx:
        return None
    password = os.environ.get("REFERRAL_DESK_PFX_PASSWORD")
    if password is None:
        raise BuildError("REFERRAL_DESK_SIGN_PFX is set: set REFERRAL_DESK_PFX_PASSWORD too")
    if not Path(pfx).is_file():
        raise BuildError(f"REFERRAL_DESK_SIGN_PFX: no file {pfx}")
    return Path(pfx), password


def sign(file: Path, certificate: tuple[Path, str], description: str) -> None:
    """An Authenticode SHA-256 signature, timestamped only when a server is named."""
    pfx, password = certificate
    timestamp = os.environ.get("REFERRAL_DESK_SIGN_TIMESTAMP_URL")
    if sys.platform == "win32":
        command = ["signtool", "sign", "/fd", "SHA256", "/d", description]
        command += ["/f", str(pfx), "/p", password]
        command += ["/tr", timestamp, "/td", "SHA256"] if timestamp else []
        subprocess.run([*command, str(file)], check=True)
        return
    signed = file.with_name(file.name + ".signed")
    command = ["osslsigncode", "sign", "-pkcs12", str(pfx), "-pass", password, "-h", "sha256"]
    command += ["-n", description] + (["-ts", timestamp] if timestamp else [])
    subprocess.run([*command, "-in", str(file), "-out", str(signed)], check=True)
    os.replace(signed, file)


def _wix_bin() -> Path:
    for candidate in (os.environ.get("WIX_BIN"), shutil.which("candle"), os.environ.get("WIX")):
        if not candidate:
            continue
        folder = Path(candidate)
        folder = folder.parent if folder.is_file() else folder
        for place in (folder, folder / "bin"):
            if (place / "candle.exe").is_file():
                return place
    raise BuildError("WiX Toolset v3 (candle.exe, light.exe) not found: set WIX_BIN")


def make_msi(bundle: Path, output: Path) -> Path:
    sys.path.insert(0, str(ROOT / "packaging" / "wix"))
    import build_msi_wixl

    version = _version()
    work = WORK / "wix"
    if sys.platform != "win32":
        return build_msi_wixl.build(bundle, output, version=version, work=work)
    work.mkdir(parents=True, exist_ok=True)
    fragment = work / "files.wxs"
    harvest = [str(ROOT / "packaging" / "wix" / "harvest.py"), str(bundle), str(fragment)]
    subprocess.run([sys.executable, *harvest, "--exclude", "referral-desk.exe"], check=True)
    wix = _wix_bin()
    defines = {
        "Toolset": "wix3",
        "Version": build_msi_wixl.msi_version(version),
        "AppDir": str(bundle),
        "MainExe": "referral-desk.exe",
        "IconFile": str(ROOT / "packaging" / "assets" / "referral-desk.ico"),
    }
    candle = [str(wix / "candle.exe"), "-nologo", "-arch", "x64", "-out", f"{work}\\"]
    candle += [f"-d{key}={value}" for key, value in defines.items()]
    wxs = ROOT / "packaging" / "wix" / "referral-desk.wxs"
    subprocess.run([*candle, str(wxs), str(fragment)], check=True)
    objects = [str(work / "referral-desk.wixobj"), str(work / "files.wixobj")]
    light = [str(wix / "light.exe"), "-nologo", "-spdb", "-out", str(output)]
    subprocess.run([*light, *objects], check=True)
    return output


def package(bundle: Path, outdir: Path) -> Path:
    missing = [name for name in EXECUTABLES if not (bundle / name).is_file()]
    if missing:
        raise BuildError(f"{bundle} is no Windows bundle (no {', '.join(missing)}): freeze first")
    problems = bundle_problems(bundle)
    if problems:
        raise BuildError("the bundle must not ship:\n  " + "\n  ".join(problems))
    version = _version()
    certificate = _signing()
    if certificate is None:
        print(
            "UNSIGNED: no REFERRAL_DESK_SIGN_PFX; the executables and the MSI are not signed "
            "(fine for testing, not for deployment)"
        )
    else:
        for name in EXECUTABLES:
            sign(bundle / name, certificate, f"referral-desk {version}")
    outdir.mkdir(parents=True, exist_ok=True)
    msi = make_msi(bundle, outdir / f"referral-desk-{version}.msi")
    if certificate is not None:
        sign(msi, certificate, f"referral-desk {version}")
    print(f"msi: {msi} ({msi.stat().st_size / 2**20:.1f} MB, signed: {certificate is not None})")
    return msi


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=("freeze", "package", "all"))
    parser.add_argument("outdir", type=Path, nargs="?", default=ROOT / "dist")
    parser.add_argument("--no-install", action="store_true", help="check the lock, install nothing")
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="for package: the bundle")
    args = parser.parse_args(argv)
    try:
        bundle = args.bundle
        if args.stage in ("freeze", "all"):
            bundle = freeze(install=not args.no_install)
        if args.stage in ("package", "all"):
            package(bundle, args.outdir)
    except (BuildError, subprocess.CalledProcessError) as error:
        print(f"build_windows: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
