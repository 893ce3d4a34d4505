"""The Windows build as IT deploys it: the MSI made by scripts/windows-build.sh from Windows
CPython, installed silently with wine msiexec in a new Wine prefix, self-tested, started, and
uninstalled; and the build's signatures as osslsigncode verifies them.

The MSI comes from ``REFERRAL_DESK_WINDOWS_MSI`` (``.ci/run`` builds it first) or is built here
(about three minutes). The prefix gets what real Windows 10 has and Wine 8 lacks:
``bcryptprimitives.dll`` in system32 (the test stand-in; the MSI itself never holds it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.judges import required_tool
from tests.platforms import posix_only

ROOT = Path(__file__).parents[2]
OUTER_ENVIRONMENT = dict(os.environ)
sys.path.insert(0, str(ROOT / "packaging"))
import build_windows  # noqa: E402

pytestmark = [pytest.mark.slow, posix_only("installs the MSI with wine msiexec from Linux")]
INSTALLED = Path("drive_c") / "Program Files" / "referral-desk"


def _need_wine() -> None:
    if shutil.which("wine") is None:
        if os.environ.get("CI"):
            pytest.fail("wine (Debian packages wine, wine64) is required on CI")
        pytest.skip("wine not installed")


def _windows_env() -> Path:
    done = subprocess.run(
        [str(ROOT / "scripts" / "windows-env.sh")],
        env=OUTER_ENVIRONMENT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return Path(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def msi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _need_wine()
    given = OUTER_ENVIRONMENT.get("REFERRAL_DESK_WINDOWS_MSI")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("msi")
    subprocess.run(
        [str(ROOT / "scripts" / "windows-build.sh"), str(out)],
        env=OUTER_ENVIRONMENT,
        cwd=ROOT,
        timeout=1500,
        check=True,
    )
    (found,) = out.glob("referral-desk-*.msi")
    return found


class Wine:
    """One new prefix; every Windows program gets pipes on all three streams."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {
            **OUTER_ENVIRONMENT,
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
        }

    def run(self, *argv: str, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            ["wine", *argv],
            env=self.env,
            stdin=subprocess.PIPE,
            capture_output=True,
            timeout=timeout,
            check=False,
        )

    def path(self, linux: Path) -> str:
        return "Z:" + str(linux).replace("/", "\\")


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    _need_wine()
    stand_in = _windows_env() / "python" / "bcryptprimitives.dll"
    session = Wine(tmp_path_factory.mktemp("wine") / "prefix")
    subprocess.run(["wineboot", "-i"], env=session.env, capture_output=True, timeout=300)
    session.run("reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/d", "win10", "/f")
    # Wine drops QT_* variables: the prefix's own environment says there is no screen.
    session.run("reg", "add", r"HKCU\Environment", "/v", "QT_QPA_PLATFORM", "/d", "offscreen", "/f")
    subprocess.run(["wineserver", "-w"], env=session.env, timeout=120)
    shutil.copyfile(stand_in, session.prefix / "drive_c" / "windows" / "system32" / stand_in.name)
    yield session
    subprocess.run(["wineserver", "-k"], env=session.env, timeout=60)


@pytest.fixture(scope="module")
def signed_registry(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """IT's files: a key pair, the registry signed with it, and a source folder holding both."""
    folder = tmp_path_factory.mktemp("it")
    minisign = required_tool("minisign", "minisign")
    key, public = folder / "it.key", folder / "it.pub"
    subprocess.run([minisign, "-G", "-W", "-p", public, "-s", key], check=True, timeout=60)
    registry = folder / "partners.toml"
    shutil.copyfile(ROOT / "config" / "partners.toml", registry)
    subprocess.run([minisign, "-S", "-s", key, "-m", registry], check=True, timeout=60)
    source = folder / "bronmap"
    source.mkdir()
    for name in ("partners.toml", "partners.toml.minisig"):
        shutil.copyfile(folder / name, source / name)
    return {"file": registry, "key": public, "source": source}


def test_silent_install_selftest_window_and_uninstall(
    msi: Path, wine: Wine, signed_registry: dict[str, Path], tmp_path: Path
) -> None:
    installed = wine.run(
        "msiexec",
        "/i",
        wine.path(msi),
        "/qn",
        f"REGISTRY_FILE={wine.path(signed_registry['file'])}",
        f"TRUSTED_KEY={wine.path(signed_registry['key'])}",
        f"REGISTRY_SOURCE={wine.path(signed_registry['source'])}",
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    program = wine.prefix / INSTALLED
    assert {"referral-desk.exe", "referral-desk-cli.exe"} <= {p.name for p in program.iterdir()}
    assert build_windows.bundle_problems(program) == []
    machine = wine.prefix / "drive_c" / "ProgramData" / "referral-desk"
    assert (machine / "partners.toml.minisig").is_file()
    assert (machine / "trusted-keys" / "it.pub").is_file()
    assert "registry_source=" in (machine / "config.toml").read_text("utf-8")

    cli = r"C:\Program Files\referral-desk\referral-desk-cli.exe"
    selftest = wine.run(cli, "selftest", "--json", timeout=180)
    assert selftest.returncode == 0, selftest.stdout.decode("utf-8", "replace")[-3000:]
    report = json.loads(selftest.stdout)
    assert [check["name"] for check in report["checks"] if not check["ok"]] == []
    details = {check["name"]: check["detail"] for check in report["checks"]}
    assert "C:\\ProgramData\\referral-desk\\partners.toml" in details["registry"]
    assert "vertrouwde sleutel" in details["registry"]
    assert "WinVaultKeyring" in details["keyring"]
    assert "(win32, bevroren)" in details["versions"]

    picture = tmp_path / "main-window.png"
    window = wine.run(
        r"C:\Program Files\referral-desk\referral-desk.exe", "--screenshot", wine.path(picture)
    )
    assert window.returncode == 0, window.stderr[-2000:]
    assert picture.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert picture.stat().st_size > 10_000

    removed = wine.run("msiexec", "/x", wine.path(msi), "/qn")
    assert removed.returncode == 0, removed.stderr[-2000:]
    assert not program.exists() or not [path for path in program.rglob("*") if path.is_file()]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A throw-away self-signed code-signing certificate as a PFX, and its PEM for verify."""
    folder = tmp_path_factory.mktemp("cert")
    openssl = required_tool("openssl", "openssl")
    key, pem, pfx = folder / "key.pem", folder / "cert.pem", folder / "cert.pfx"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", pem,
         "-days", "2", "-subj", "/CN=referral-desk test signing",
         "-addext", "extendedKeyUsage=codeSigning"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    subprocess.run(
        [openssl, "pkcs12", "-export", "-inkey", key, "-in", pem, "-out", pfx,
         "-passout", "pass:proef-wachtwoord"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return {"pfx": pfx, "pem": pem}


def _verifies(file: Path, pem: Path) -> bool:
    osslsigncode = required_tool("osslsigncode", "osslsigncode")
    done = subprocess.run(
        [osslsigncode, "verify", "-CAfile", str(pem), "-in", str(file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.returncode == 0 and "Signature verification: ok" in done.stdout


def test_the_package_step_signs_both_executables_and_the_msi(
    msi: Path, certificate: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bundle the MSI was made from, copied: signing changes the executables.
    bundle = tmp_path / "referral-desk"
    shutil.copytree(build_windows.BUNDLE, bundle)
    monkeypatch.setenv("REFERRAL_DESK_SIGN_PFX", str(certificate["pfx"]))
    monkeypatch.setenv("REFERRAL_DESK_PFX_PASSWORD", "proef-wachtwoord")
    monkeypatch.delenv("REFERRAL_DESK_SIGN_TIMESTAMP_URL", raising=False)
    monkeypatch.setattr(build_windows, "WORK", tmp_path / "work")
    signed = build_windows.package(bundle, tmp_path / "out")
    for file in (bundle / "referral-desk.exe", bundle / "referral-desk-cli.exe", signed):
        assert _verifies(file, certificate["pem"]), file.name
    assert not _verifies(msi, certificate["pem"])  # the unsigned build says so, and is not


def test_without_a_certificate_the_build_says_it_is_unsigned(
    msi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "referral-desk"
    shutil.copytree(build_windows.BUNDLE, bundle)
    monkeypatch.delenv("REFERRAL_DESK_SIGN_PFX", raising=False)
    monkeypatch.setattr(build_windows, "WORK", tmp_path / "work")
    build_windows.package(bundle, tmp_path / "out")
    assert "UNSIGNED" in capsys.readouterr().out


def test_a_bundle_with_the_wine_stand_in_or_an_unused_qt_module_is_refused(tmp_path: Path) -> None:
    bundle = tmp_path / "referral-desk"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    for name in EXECUTABLES_AND_ALLOWED:
        (bundle / name).write_bytes(b"MZ")
    assert build_windows.bundle_problems(bundle) == []
    (bundle / "_internal" / "bcryptprimitives.dll").write_bytes(b"MZ")
    (bundle / "_internal" / "Qt6Network.dll").write_bytes(b"MZ")
    (bundle / "_internal" / "PySide6" / "QtSvg.pyd").write_bytes(b"MZ")
    assert len(build_windows.bundle_problems(bundle)) == 3
    with pytest.raises(build_windows.BuildError, match="must not ship"):
        build_windows.package(bundle, tmp_path / "out")


EXECUTABLES_AND_ALLOWED = (
    "referral-desk.exe",
    "referral-desk-cli.exe",
    "_internal/PySide6/Qt6Core.dll",
    "_internal/PySide6/QtWidgets.pyd",
)
