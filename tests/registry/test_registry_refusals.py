"""Registry files that are no registry: nested too deep, links that lead nowhere, FIFOs and
folders are refused with a reason (by the loader, the editor, the machine registry, the CLI
and the self-test), never replaced by the bundled registry, and never hang; validation
stays linear when a registry has many problems."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from referral_desk.cli import main, selftest
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.registry_problems import RegistryError
from referral_desk.registry.active import (
    RegistrySource,
    active_registry_source,
    load_active_registry,
)
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.file_reading import load_registry_file, read_registry_text
from referral_desk.registry.parsing import load_registry_text
from referral_desk.storage.paths import AppPaths
from tests.platforms import posix_only

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")
TODAY = date(2026, 11, 23)

NESTED = {
    "arrays, 500 levels (1 kB)": "x = " + "[" * 500 + "]" * 500 + "\n",
    "arrays, 20 levels": "x = " + "[" * 20 + "]" * 20 + "\n",
    "inline tables": "x = " + "{a = " * 300 + "1" + "}" * 300 + "\n",
    "dotted key": ".".join(["a"] * 5000) + " = 1\n",
    "dotted table header": "[" + ".".join(["a"] * 5000) + "]\nb = 1\n",
}
TOO_DEEP = "te diep genest"


def _messages(error: RegistryError) -> str:
    return "\n".join(str(problem) for problem in error.problems)


# --- nesting ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(NESTED))
def test_a_nested_registry_is_refused_by_the_loader(case: str) -> None:
    with pytest.raises(RegistryError) as error:
        load_registry_text(NESTED[case] + BUNDLED, TABLE, file="p.toml")
    assert TOO_DEEP in _messages(error.value)


@pytest.mark.parametrize("case", list(NESTED))
def test_a_nested_registry_is_refused_by_the_editor(case: str) -> None:
    with pytest.raises(RegistryError) as error:
        EditableRegistry.from_text(NESTED[case] + BUNDLED, file="p.toml").validate(TABLE)
    assert TOO_DEEP in _messages(error.value)


def test_the_bundled_registry_is_not_too_deep() -> None:
    assert load_registry_text(BUNDLED, TABLE, file="p.toml").partners
    assert EditableRegistry.from_text(BUNDLED).validate(TABLE).partners


def test_a_nested_registry_is_refused_near_the_recursion_limit() -> None:
    """The window reads the registry with Qt's frames below it; tomllib's recursion must not
    escape as RecursionError there either."""

    def deep(levels: int) -> None:
        if levels:
            deep(levels - 1)
            return
        with pytest.raises(RegistryError, match=TOO_DEEP):
            load_registry_text("x = " + "[" * 120 + "]" * 120, TABLE, file="p.toml")

    deep(sys.getrecursionlimit() - 150)


def test_cli_validate_refuses_a_nested_registry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "partners.toml"
    path.write_text(NESTED["arrays, 500 levels (1 kB)"], "utf-8")
    assert main(["registry", "validate", str(path)]) == 1
    assert TOO_DEEP in capsys.readouterr().out


# --- files that are not regular files -----------------------------------------------------------


def _dangling(path: Path) -> str:
    path.symlink_to(path.parent / "weg.toml")
    return "naar een bestand dat niet bestaat"


def _loop(path: Path) -> str:
    other = path.parent / "ander.toml"
    path.symlink_to(other)
    other.symlink_to(path)
    return "in een kring"


def _fifo(path: Path) -> str:
    os.mkfifo(path)
    return "geen gewoon bestand"


def _folder(path: Path) -> str:
    path.mkdir()
    return "is een map"


def _nested(path: Path) -> str:
    path.write_text(NESTED["arrays, 500 levels (1 kB)"] + BUNDLED, "utf-8")
    return TOO_DEEP


REFUSED: dict[str, Callable[[Path], str]] = {
    "dangling symlink": _dangling,
    "symlink loop": _loop,
    "FIFO": _fifo,
    "folder": _folder,
    "nested 500 levels": _nested,
}
_SYMLINK = "a symbolic link to a file: Windows makes those only with a privilege"
_FIFO = "a FIFO: Windows has no named pipes in the file system"
_POSIX_CASES = {"dangling symlink": _SYMLINK, "symlink loop": _SYMLINK, "FIFO": _FIFO}
# Every case; the ones only POSIX can make are marked so.
REFUSED_CASES = [
    pytest.param(case, marks=posix_only(_POSIX_CASES[case])) if case in _POSIX_CASES else case
    for case in REFUSED
]


def _finishes(action: Callable[[], object], seconds: float = 10) -> object:
    """Runs *action* in a thread so a FIFO that blocks fails the test instead of hanging it."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as error:  # handed to the test below
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked"
    return outcome[0]


@pytest.mark.parametrize("case", REFUSED_CASES)
def test_files_that_are_no_regular_file_are_refused_without_blocking(
    tmp_path: Path, case: str
) -> None:
    path = tmp_path / "partners.toml"
    expected = REFUSED[case](path)
    error = _finishes(lambda: load_registry_file(path, TABLE))
    assert isinstance(error, RegistryError), error
    assert expected in _messages(error)
    assert str(path) in _messages(error)


@posix_only(_SYMLINK)
def test_a_link_to_a_regular_registry_is_read_like_that_file(tmp_path: Path) -> None:
    target = tmp_path / "echt.toml"
    target.write_text(BUNDLED, "utf-8")
    link = tmp_path / "partners.toml"
    link.symlink_to(target)
    assert read_registry_text(link) == BUNDLED
    assert load_registry_file(link, TABLE).document.partners


def test_a_missing_file_is_refused_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="het bestand bestaat niet"):
        read_registry_text(tmp_path / "nope.toml")


def _machine_registry(make: Callable[[Path], str]) -> tuple[AppPaths, str]:
    paths = AppPaths.from_platform()
    paths.site_config_dir.mkdir(parents=True, exist_ok=True)
    return paths, make(paths.machine_registry)


@pytest.mark.parametrize("case", REFUSED_CASES)
def test_a_broken_machine_registry_is_active_and_refused_never_replaced(case: str) -> None:
    paths, expected = _machine_registry(REFUSED[case])
    assert active_registry_source(paths) is RegistrySource.MACHINE
    error = _finishes(lambda: load_active_registry(paths, TABLE))
    assert isinstance(error, RegistryError), error
    assert expected in _messages(error)


def test_without_a_machine_registry_the_bundled_one_is_active() -> None:
    paths = AppPaths.from_platform()
    assert active_registry_source(paths) is RegistrySource.BUNDLED


@pytest.mark.parametrize("case", REFUSED_CASES)
def test_selftest_reports_a_refused_machine_registry_with_its_reason(case: str) -> None:
    paths, expected = _machine_registry(REFUSED[case])
    result = _finishes(lambda: selftest.check_registry(paths, TODAY))
    assert isinstance(result, selftest.CheckResult), result
    assert not result.ok
    assert result.detail.startswith(f"machineregister {paths.machine_registry} is ongeldig")
    assert expected in result.detail


@posix_only(_FIFO)
def test_cli_validate_refuses_a_fifo_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "partners.toml"
    os.mkfifo(path)
    assert _finishes(lambda: main(["registry", "validate", str(path)])) == 1
    assert "geen gewoon bestand" in capsys.readouterr().out


def test_a_device_is_refused_without_blocking(capsys: pytest.CaptureFixture[str]) -> None:
    """/dev/null, or on Windows NUL (a name that is a device in every folder)."""
    device = Path(os.devnull)
    error = _finishes(lambda: load_registry_file(device, TABLE))
    assert isinstance(error, RegistryError), error
    assert "geen gewoon bestand" in _messages(error)
    assert _finishes(lambda: main(["registry", "validate", str(device)])) == 1
    assert "geen gewoon bestand" in capsys.readouterr().out


# --- validation time ----------------------------------------------------------------------------

PARTNER = """
[[partners]]
id = "ocmw-{n}"
name = "OCMW {n}"
kind = "OCMW"
region = "Vlaanderen"
mailbox = "ocmw@example.be"
municipalities = ["71034"]
postcodes = ["3970"]

[partners.protocol]
reference = "Protocol {n}"
local_teams = ["Kind en Gezin West-Limburg"]
in_force_from = 2024-02-01
"""
# The partners below state no protocol terms: a schema version 1 header reads them as the
# Opgroeien standard protocol.
HEADER = BUNDLED[: BUNDLED.index("[[partners]]")].replace(
    "schema_version = 2", "schema_version = 1"
)


def _one_postcode(partners: int) -> str:
    return HEADER + "".join(PARTNER.format(n=n) for n in range(partners))


def test_many_partners_on_one_postcode_get_one_problem_each_and_validate_fast() -> None:
    """It used to compare every pair and find every line again per problem: 200 partners on
    one postcode took half a minute and reported 19,900 overlaps."""
    text = _one_postcode(400).replace('["71034"]', '["71034", "99999"]')
    started = time.perf_counter()
    with pytest.raises(RegistryError) as error:
        load_registry_text(text, TABLE, file="p.toml")
    elapsed = time.perf_counter() - started
    overlaps = [p for p in error.value.problems if "al bediend door" in p.expected]
    unknown = [p for p in error.value.problems if p.expected == "onbekende NIS-code"]
    assert len(overlaps) == 399 and len(unknown) == 400
    lines = text.splitlines()
    postcodes = [i + 1 for i, line in enumerate(lines) if line == 'postcodes = ["3970"]']
    assert [p.line for p in overlaps] == postcodes[1:]
    assert all("OCMW 0 (partner 1)" in p.expected for p in overlaps)
    assert [p.line for p in unknown] == [i + 1 for i, line in enumerate(lines) if "99999" in line]
    assert elapsed < 5, elapsed


@pytest.mark.parametrize(
    ("periods", "flagged"),
    [
        # (in_force_from, ended_on) per partner, in file order → partners with an overlap
        ([("2024-01-01", "2025-01-01"), ("2025-01-01", None)], []),
        ([("2024-01-01", "2025-01-02"), ("2025-01-01", None)], [2]),
        ([("2025-01-01", None), ("2024-01-01", "2025-01-02")], [2]),
        ([("2025-01-01", None), ("2024-01-01", "2025-01-01")], []),
        # The third overlaps only the second, which overlapped the first already.
        (
            [("2024-01-01", "2024-03-01"), ("2024-02-01", "2024-06-01"), ("2024-04-01", None)],
            [2, 3],
        ),
        ([("2024-01-01", None), ("2023-01-01", "2023-06-01"), ("2023-03-01", "2024-02-01")], [3]),
    ],
)
def test_overlaps_are_found_between_any_two_periods(
    periods: list[tuple[str, str | None]], flagged: list[int]
) -> None:
    blocks = []
    for n, (start, end) in enumerate(periods):
        block = PARTNER.format(n=n).replace("2024-02-01", start)
        blocks.append(block + (f"ended_on = {end}\n" if end else ""))
    text = HEADER + "".join(blocks)
    try:
        load_registry_text(text, TABLE, file="p.toml")
    except RegistryError as error:
        found = [p.field for p in error.problems]
    else:
        found = []
    assert found == [f"partners[{n}].postcodes" for n in flagged]
