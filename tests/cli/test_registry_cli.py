"""The coordinators' command line: validate with exit codes, diff in their terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from referral_desk.cli import main

ROOT = Path(__file__).parents[2]
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
    assert out.startswith(f"2 problemen in {path}:\n")
    assert "  OCMW Wervik, mailbox: geen geldig e-mailadres" in out
    assert f"      {path}:81: partners[2].mailbox\n" in out
    assert "OCMW Leopoldsburg, postcodes: onbekende postcode (waarde: 3972)" in out


def test_validate_counts_one_problem_and_one_partner_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = BUNDLED.index("[[partners]]")
    second = BUNDLED.index("[[partners]]", start + 1)
    one_partner = _write(tmp_path, "one.toml", BUNDLED[:second])
    assert main(["registry", "validate", str(one_partner)]) == 0
    assert ", 1 partner.\n" in capsys.readouterr().out
    missing = BUNDLED.replace('municipalities = ["33029"]\n', "")
    path = _write(tmp_path, "p.toml", missing)
    assert main(["registry", "validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"1 probleem in {path}:\n")
    assert "probleem/problemen" not in out
    assert "  OCMW Wervik: gemeenten ontbreken\n" in out
    assert f"{path}:76: partners[2].municipalities" in out


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
        "\n! MAILBOX GEWIJZIGD bij OCMW Wervik (ocmw-wervik): kindengezin@wervik.be → "
        "sociaal@wervik.be\n" in "\n" + out
    )
    assert "**" not in out  # not a Markdown viewer
    assert "ocmw-wervik.protocol.ended_on: — → 2026-12-31" in out


def test_diff_of_identical_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "a.toml", BUNDLED)
    assert main(["registry", "diff", str(path), str(path)]) == 0
    assert "Geen verschillen" in capsys.readouterr().out


def _import_args(tmp_path: Path, mailbox: str) -> list[str]:
    """A CSV exported from the bundled registry with Wervik's mailbox set to *mailbox*."""
    base = _write(tmp_path, "base.toml", BUNDLED)
    csv_file = tmp_path / "partners.csv"
    assert main(["registry", "export", "--csv", str(csv_file), "--registry", str(base)]) == 0
    text = csv_file.read_text("utf-8-sig").replace("kindengezin@wervik.be", mailbox)
    csv_file.write_text(text, "utf-8-sig")
    return ["registry", "import", "--csv", str(csv_file), "--base", str(base)]


def test_import_refuses_a_changed_registry_with_the_base_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _import_args(tmp_path, "sociaal@wervik.be")
    output = tmp_path / "new.toml"
    header = ["--changed-by", "Coördinator Menen", "--date", "2026-11-23"]
    capsys.readouterr()
    assert main([*args, "--output", str(output), "--version", " 2026.1 ", *header]) == 1
    out = capsys.readouterr().out
    assert "MAILBOX GEWIJZIGD bij OCMW Wervik" in out
    assert (
        "--version: Het partnerregister is gewijzigd: geef het een nieuwe versie (nu 2026.1)."
        in out
    )
    assert not output.exists()
    # Only checking is still allowed: nothing is written, so no version is asked.
    assert main(args) == 0
    capsys.readouterr()

    assert main([*args, "--output", str(output), "--version", "2026.2", *header]) == 0
    assert "Nieuw partnerregister geschreven" in capsys.readouterr().out
    text = output.read_text("utf-8")
    assert 'registry_version = "2026.2"' in text and "sociaal@wervik.be" in text


def test_import_needs_who_changed_the_registry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _import_args(tmp_path, "sociaal@wervik.be")
    output = tmp_path / "new.toml"
    capsys.readouterr()
    assert main([*args, "--output", str(output), "--version", "2026.2", "--changed-by", " "]) == 1
    assert "--changed-by: Wie wijzigde het partnerregister?" in capsys.readouterr().out
    assert not output.exists()


def test_import_of_an_unchanged_registry_may_keep_its_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _import_args(tmp_path, "kindengezin@wervik.be")
    output = tmp_path / "same.toml"
    same_header = [
        "--version",
        "2026.1",
        "--changed-by",
        "referral-desk ontwikkelteam (eerste versie, uit de protocollen)",
        "--date",
        "2026-11-22",
    ]
    assert main([*args, "--output", str(output), *same_header]) == 0
    assert output.read_text("utf-8") == BUNDLED
    # A new date is a change: then the version must change too.
    assert main([*args, "--output", str(output), *same_header[:4], "--date", "2026-11-23"]) == 1
    assert "nieuwe versie (nu 2026.1)" in capsys.readouterr().out


def test_validate_refuses_an_ocmw_in_liege(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = BUNDLED.replace(
        'municipalities = ["33029"]\npostcodes = ["8940"]',
        'municipalities = ["62063"]\npostcodes = ["4000"]',
    )
    path = _write(tmp_path, "p.toml", broken)
    assert main(["registry", "validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "OCMW Wervik, gemeenten: gemeente in Wallonië" in out
    assert f"{path}:84: partners[2].municipalities" in out
    assert "(waarde: 62063 Luik)" in out
