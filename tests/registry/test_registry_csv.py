"""CSV for Excel users: round trip into the TOML file, per-row problems, Excel's quirks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_desk.cli import main
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.registry.csv_table import (
    CsvImportError,
    decode_csv,
    export_csv,
    import_csv,
)
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.parsing import load_registry_text

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED_PATH = ROOT / "config" / "partners.toml"
BUNDLED = BUNDLED_PATH.read_text("utf-8")


def _exported() -> str:
    return export_csv(load_registry_text(BUNDLED, TABLE, file="p"))


def test_export_is_excel_friendly() -> None:
    text = _exported()
    header, first, *_ = text.split("\r\n")
    assert header.startswith("id;naam;soort;regio;mailbox;")
    assert "socialedienst@leopoldsburg.be" in first
    assert ";3970, 3971;" in first


def test_export_then_import_into_the_same_file_is_byte_identical() -> None:
    editable = EditableRegistry.from_text(BUNDLED)
    editable.set_partners(import_csv(decode_csv(_exported().encode("utf-8-sig"))))
    assert editable.to_text() == BUNDLED


def test_what_excel_saves_back_is_understood() -> None:
    # Excel (nl-BE, "CSV gescheiden door lijstscheidingsteken"): cp1252, day-first dates.
    text = _exported().replace("2024-02-01", "1/02/2024").replace("2023-12-01", "01-12-2023")
    partners = import_csv(decode_csv(text.encode("cp1252")))
    assert partners[0]["protocol"]["in_force_from"].isoformat() == "2024-02-01"
    assert partners[1]["protocol"]["in_force_from"].isoformat() == "2023-12-01"
    assert "–" in partners[0]["protocol"]["reference"]  # en dash survives cp1252
    commas = import_csv(
        "id,naam,soort,regio,mailbox,nis_codes,postcodes,protocol,lokale_teams,in_werking_vanaf\r\n"
        'ocmw-wervik,OCMW Wervik,OCMW,Vlaanderen,kindengezin@wervik.be,33029,8940,"Protocol W",'
        "Kind en Gezin Menen,2023-12-01\r\n"
    )
    assert commas[0]["postcodes"] == ["8940"]


def test_every_bad_row_is_reported_with_its_row_and_column() -> None:
    lines = _exported().split("\r\n")
    lines[1] = lines[1].replace("socialedienst@leopoldsburg.be", "socialedienst(at)leopoldsburg")
    lines[2] = lines[2].replace(";OCMW;", ";OCWM;").replace("2023-12-01", "31/11/2023")
    lines.insert(3, lines[1].replace("(at)", "@") + ".be")
    with pytest.raises(CsvImportError) as error:
        import_csv("\r\n".join(lines))
    messages = [str(p) for p in error.value.problems]
    assert any(m.startswith("rij 2, kolom mailbox: geen geldig e-mailadres") for m in messages)
    assert any(m.startswith("rij 3, kolom in_werking_vanaf: verwacht een datum") for m in messages)
    assert any(m.startswith("rij 3, kolom soort") for m in messages) or any(
        "rij 3" in m for m in messages
    )


def test_unknown_and_missing_columns_are_refused() -> None:
    text = _exported().replace("mailbox;", "mailadres;", 1)
    with pytest.raises(CsvImportError) as error:
        import_csv(text)
    messages = [str(p) for p in error.value.problems]
    assert "rij 1, kolom mailadres: onbekende kolom (tikfout?)" in messages
    assert "rij 1, kolom mailbox: verplichte kolom ontbreekt" in messages


def test_duplicate_ids_name_the_earlier_row() -> None:
    lines = _exported().split("\r\n")
    with pytest.raises(CsvImportError, match="rij 4, kolom id: id staat al in rij 2"):
        import_csv("\r\n".join([*lines[:3], lines[1]]))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_import_on_arbitrary_bytes_raises_only_its_own_error(raw: bytes) -> None:
    try:
        import_csv(decode_csv(raw))
    except CsvImportError as error:
        assert error.problems


def test_cli_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "partners.csv"
    assert (
        main(["registry", "export", "--csv", str(csv_file), "--registry", str(BUNDLED_PATH)]) == 0
    )
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbfid;naam")
    edited = csv_file.read_text("utf-8-sig").replace("kindengezin@wervik.be", "sociaal@wervik.be")
    csv_file.write_text(edited, "utf-8-sig")
    capsys.readouterr()

    # Without --output it only checks, and shows what would change.
    assert main(["registry", "import", "--csv", str(csv_file), "--base", str(BUNDLED_PATH)]) == 0
    out = capsys.readouterr().out
    assert "MAILBOX GEWIJZIGD bij OCMW Wervik" in out
    assert "Niets geschreven" in out

    output = tmp_path / "partners-new.toml"
    args = ["registry", "import", "--csv", str(csv_file), "--base", str(BUNDLED_PATH)]
    assert main([*args, "--output", str(output)]) == 1
    assert "--version" in capsys.readouterr().out
    assert not output.exists()
    assert (
        main(
            [
                *args,
                "--output",
                str(output),
                "--version",
                "2026.2",
                "--changed-by",
                "Coördinator West-Limburg",
                "--date",
                "2026-11-23",
            ]
        )
        == 0
    )
    new_text = output.read_text("utf-8")
    assert 'mailbox = "sociaal@wervik.be"' in new_text
    assert 'registry_version = "2026.2"' in new_text
    assert "# Art. 9: meldpunt gegevenslekken" in new_text
    assert main(["registry", "validate", str(output)]) == 0


def test_cli_import_reports_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "partners.csv"
    csv_file.write_text(_exported().replace("8940", "8941"), "utf-8-sig")
    assert main(["registry", "import", "--csv", str(csv_file), "--base", str(BUNDLED_PATH)]) == 1
    out = capsys.readouterr().out
    assert "postcodes: onbekende postcode (waarde: 8941)" in out


def test_cli_import_refuses_a_recipient_the_law_does_not_allow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CAW in Gent came in through the spreadsheet as easily as through the file."""
    csv_file = tmp_path / "partners.csv"
    exported = _exported()
    assert ";OCMW;Vlaanderen;kindengezin@wervik.be;" in exported
    csv_file.write_text(
        exported.replace(
            ";OCMW;Vlaanderen;kindengezin@wervik.be;", ";CAW;Brussel;kindengezin@wervik.be;"
        ),
        "utf-8-sig",
    )
    output = tmp_path / "partners-new.toml"
    args = [
        "--output",
        str(output),
        "--version",
        "2026.2",
        "--changed-by",
        "C",
        "--date",
        "2026-11-23",
    ]
    assert (
        main(["registry", "import", "--csv", str(csv_file), "--base", str(BUNDLED_PATH), *args])
        == 1
    )
    out = capsys.readouterr().out
    assert "gemeenten: Vlaamse gemeente: daar is het OCMW de partner" in out
    assert "partners[2].municipalities" in out
    assert not output.exists()
