"""The coordinators' command line: validate with exit codes, diff in their terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from referral_desk.cli import main

ROOT = Path(__file__).parents[1]
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_validate_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registry", "validate", str(ROOT / "config" / "partners.toml")]) == 0
    assert "in orde" in capsys.readouterr().out


def test_validate_lists_every_problem_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = BUNDLED.replace('"kindengezin@wervik.be"', '"kindengezin(at)wervik.be"').replace(
        'postcodes = ["3970", "3971"]', 'postcodes = ["3970", "3972"]'
    )
    path = _write(tmp_path, "p.toml", broken)
    assert main(["registry", "validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:36: partners[2].mailbox" in out
    assert "onbekende postcode (waarde: 3972)" in out


def test_diff_shows_mailbox_changes_loudly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _write(tmp_path, "old.toml", BUNDLED)
    new = _write(
        tmp_path,
        "new.toml",
        BUNDLED.replace("kindengezin@wervik.be", "sociaal@wervik.be").replace(
            "in_force_from = 2023-12-01", "in_force_from = 2023-12-01\nended_on = 2026-12-31"
        ),
    )
    assert main(["registry", "diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert (
        "**! MAILBOX GEWIJZIGD bij OCMW Wervik (ocmw-wervik): kindengezin@wervik.be → "
        "sociaal@wervik.be**" in out
    )
    assert "ocmw-wervik.protocol.ended_on: — → 2026-12-31" in out


def test_diff_of_identical_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "a.toml", BUNDLED)
    assert main(["registry", "diff", str(path), str(path)]) == 0
    assert "Geen verschillen" in capsys.readouterr().out
