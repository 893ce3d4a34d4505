"""The partner registry says what is wrong as data: a code and short values, never markup.

The Dutch stays word for word what the command line printed before; the window words the
same messages in its own language (tests/ui/test_registry_messages_ui.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from referral_desk.domain.errors import Message
from referral_desk.domain.partners import PartnerKind, recipient_not_allowed
from referral_desk.domain.postcodes import PostcodeTable, Region
from referral_desk.domain.registry_problems import RegistryError, RegistryProblem
from referral_desk.lifecycle.registry_signing import KeyUnusable, NotWritten
from referral_desk.registry.csv_table import CsvImportError, import_csv
from referral_desk.registry.diff import ChangeLine, change_lines, diff_registries, render_changes
from referral_desk.registry.editing import EditableRegistry
from referral_desk.registry.file_reading import read_registry_text
from referral_desk.registry.form_input import HeaderInput, partner_from_texts, partner_problems
from referral_desk.registry.minisign import PublicKey, WrongPassword
from referral_desk.registry.parsing import load_registry_text
from referral_desk.registry.source_folder import KEPT_BUNDLED, UNREACHABLE, Unusable, choose
from referral_desk.registry.trust import (
    SIGNED_TRUSTED_AT,
    SignatureStatus,
    TrustedKeys,
    check_signature,
)

ROOT = Path(__file__).parents[2]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")


def _problems(text: str) -> tuple[RegistryProblem, ...]:
    with pytest.raises(RegistryError) as refused:
        load_registry_text(text, TABLE, file="partners.toml")
    return refused.value.problems


def _no_markup(said: Message) -> None:
    assert "<" not in said.dutch and "\x1b" not in said.dutch


def test_a_missing_field_is_a_code_with_the_partner_and_the_field_word() -> None:
    text = BUNDLED.replace('municipalities = ["33029"]', "municipalities = []", 1)
    assert text != BUNDLED
    (problem,) = _problems(text)
    said = problem.said
    assert said.code == "registry.sentence.fields_missing"
    assert said.values["subject"] == "OCMW Wervik"
    field = said.values["field"]
    assert isinstance(field, Message) and field.code == "registry.field.municipalities"
    assert problem.sentence == said.dutch == "OCMW Wervik: gemeenten ontbreken"
    assert isinstance(problem.reason, Message) and problem.reason.code == "registry.missing"
    assert problem.expected == "verplicht veld ontbreekt"
    _no_markup(said)


def test_a_cross_check_names_its_values_and_keeps_its_dutch() -> None:
    text = BUNDLED.replace('municipalities = ["33029"]', 'municipalities = ["33029", "99999"]', 1)
    problems = _problems(text)
    unknown = [p for p in problems if p.value == "99999"]
    assert len(unknown) == 1
    assert isinstance(unknown[0].reason, Message)
    assert unknown[0].reason.code == "registry.unknown_nis_code"
    assert unknown[0].said.code == "registry.sentence.field_value"
    assert unknown[0].sentence == "OCMW Wervik, gemeenten: onbekende NIS-code (waarde: 99999)"
    assert str(unknown[0]).endswith(": onbekende NIS-code (waarde: 99999)")


def test_a_file_that_is_no_registry_says_why_as_a_code(tmp_path: Path) -> None:
    folder = tmp_path / "map.toml"
    folder.mkdir()
    with pytest.raises(RegistryError) as refused:
        read_registry_text(folder)
    (problem,) = refused.value.problems
    assert isinstance(problem.reason, Message)
    assert problem.reason.code == "registry.file.is_a_folder"
    assert problem.said == Message(
        "registry.sentence.file",
        "{file}: {expected}",
        {"file": "map.toml", "expected": problem.reason},
    )
    assert problem.sentence == "map.toml: is een map, geen bestand"
    empty = tmp_path / "leeg.toml"
    empty.write_text("", "utf-8")
    with pytest.raises(RegistryError) as refused:
        load_registry_text("", TABLE, file=str(empty))
    assert refused.value.problems[0].said.values["expected"] == Message(
        "registry.empty_file", "het bestand is leeg"
    )


def test_not_toml_and_no_partner_list_are_codes() -> None:
    (syntax,) = _problems("a = [")
    assert isinstance(syntax.reason, Message) and syntax.reason.code == "registry.not_toml"
    assert syntax.expected.startswith("geen geldige TOML: ")
    with pytest.raises(RegistryError) as refused:
        EditableRegistry.from_text("partners = 3\n")
    reason = refused.value.problems[0].reason
    assert isinstance(reason, Message) and reason.code == "registry.no_partner_list"


def test_the_law_on_recipients_is_a_message() -> None:
    reason = recipient_not_allowed(PartnerKind.OCMW, Region.BRUSSEL)
    assert reason is not None and reason.code == "partner.recipient.brussels"
    assert reason.values == {"allowed": "CAW", "kind": "OCMW"}
    assert reason.dutch == (
        "Brusselse gemeente: daar is het CAW de partner, niet een OCMW (art. 10/1)"
    )
    assert recipient_not_allowed(PartnerKind.OCMW, Region.VLAANDEREN) is None


def test_the_partner_form_and_the_header_get_codes_per_field() -> None:
    texts = {"id": "ocmw-x", "name": "X", "postcodes": "8941", "municipalities": "33029"}
    problems = partner_problems(partner_from_texts(texts), TABLE)
    assert problems["postcodes"].code == "registry.input.unknown_postcode"
    assert problems["postcodes"].values == {"postcode": "8941"}
    assert problems["mailbox"].code == "registry.input.required"
    assert problems["name"].code == "registry.input.too_short"
    assert problems["name"].values == {"count": 2}
    header = HeaderInput("", "gisteren", "")
    assert {key: said.code for key, said in header.problems().items()} == {
        "version": "registry.input.version_missing",
        "date": "registry.input.date_hint",
        "changed_by": "registry.input.changed_by_missing",
    }


def test_a_change_summary_is_lines_with_what_is_emphasised_not_markup() -> None:
    before = load_registry_text(BUNDLED, TABLE, file="a.toml")
    after = load_registry_text(
        BUNDLED.replace("kindengezin@wervik.be", "sociaal@wervik.be"), TABLE, file="b.toml"
    )
    lines = change_lines(diff_registries(before, after))
    assert lines == (
        ChangeLine(
            Message(
                "registry.diff.mailbox",
                "! MAILBOX GEWIJZIGD bij {name} ({id}): {old} → {new}",
                {
                    "name": "OCMW Wervik",
                    "id": "ocmw-wervik",
                    "old": "kindengezin@wervik.be",
                    "new": "sociaal@wervik.be",
                },
            ),
            emphasised=True,
        ),
    )
    for line in lines:
        _no_markup(line.said)
    assert render_changes(lines, bold=("\x1b[1m", "\x1b[0m")) == (
        "\x1b[1m! MAILBOX GEWIJZIGD bij OCMW Wervik (ocmw-wervik): "
        "kindengezin@wervik.be → sociaal@wervik.be\x1b[0m"
    )
    (same,) = change_lines(diff_registries(before, before))
    assert same.said.code == "registry.diff.none" and not same.emphasised


def test_minisign_problems_are_codes() -> None:
    assert WrongPassword().said.code == "minisign.wrong_password"
    with pytest.raises(Exception) as refused:
        PublicKey.parse("")
    said = refused.value.said  # type: ignore[attr-defined]
    assert said.code == "minisign.empty"
    assert said.dutch == "publieke sleutel: het bestand is leeg."
    with pytest.raises(Exception) as refused:
        PublicKey.parse("niet base64!", what="it.pub")
    assert refused.value.said.values == {"what": "it.pub"}  # type: ignore[attr-defined]


def test_a_signature_status_is_a_message_with_its_dutch_unchanged(tmp_path: Path) -> None:
    unsigned = SignatureStatus(signed=False, problem="geen partners.toml.minisig naast het bestand")
    assert unsigned.said.code == "signature.not_signed_because"
    assert unsigned.describe() == (
        "niet ondertekend (geen partners.toml.minisig naast het bestand)"
    )
    at = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
    trusted = SignatureStatus(signed=True, key_id="ABC", signed_at=at, trusted=True)
    assert trusted.said == SIGNED_TRUSTED_AT(key="ABC", when="2026-11-22 09:30")
    assert trusted.describe() == "ondertekend door vertrouwde sleutel ABC op 2026-11-22 09:30 UTC"
    refused = SignatureStatus(signed=True, key_id="ABC", problem="kapot")
    assert refused.describe() == "ondertekend door sleutel ABC, niet geldig: kapot"
    registry = tmp_path / "partners.toml"
    registry.write_text(BUNDLED, "utf-8")
    status = check_signature(registry, BUNDLED.encode("utf-8"), TrustedKeys((), ()))
    assert isinstance(status.problem, Message) and status.problem.code == "signature.no_file"
    assert status.describe() == "niet ondertekend (geen partners.toml.minisig naast het bestand)"


def test_a_csv_problem_is_a_code_with_its_row_and_column() -> None:
    with pytest.raises(CsvImportError) as refused:
        import_csv("id;naam;kleur\n")
    problems = refused.value.problems
    assert problems[0].reason.code == "csv.unknown_column" and problems[0].column == "kleur"
    assert str(problems[0]) == "rij 1, kolom kleur: onbekende kolom (tikfout?)"
    assert {p.reason.code for p in problems[1:]} == {"csv.missing_column"}
    with pytest.raises(CsvImportError) as refused:
        import_csv("")
    assert refused.value.problems[0].reason.code == "registry.empty_file"
    assert refused.value.message == "bestand: het bestand is leeg"


def test_why_the_source_folder_was_not_used_is_a_message() -> None:
    unreachable = Unusable(UNREACHABLE(folder="X"))
    choice = choose(False, unreachable, None)
    assert choice.said == KEPT_BUNDLED(reason=UNREACHABLE(folder="X"))
    assert choice.notice == (
        "bronmap X is niet bereikbaar; er is nog geen gecontroleerde kopie, dus het "
        "meegeleverde partnerregister wordt gebruikt"
    )
    assert Unusable("los").said == Message.plain("los") and Unusable("los").reason == "los"


def test_an_unusable_key_and_an_unwritten_registry_are_messages(tmp_path: Path) -> None:
    unusable = KeyUnusable(tmp_path / "sleutel.key", None)
    assert unusable.said.code == "registry.signing.key_unusable"
    assert (
        unusable.message
        == f"De sleutel {tmp_path / 'sleutel.key'} is niet bruikbaar: geen tekstbestand"
    )
    refused = NotWritten(tmp_path / "p.toml", "Permission denied")
    assert refused.said.code == "registry.signing.not_written"
    assert (
        refused.message == f"{tmp_path / 'p.toml'} kon niet geschreven worden (Permission denied)."
    )


def test_a_long_list_of_refused_municipalities_is_shortened_as_a_message() -> None:
    text = BUNDLED.replace(
        'municipalities = ["33029"]\npostcodes = ["8940"]',
        'municipalities = ["21001", "21002", "21003", "21004"]\npostcodes = ["1000"]',
        1,
    )
    assert text != BUNDLED
    refused = [p for p in _problems(text) if isinstance(p.value, Message)]
    assert len(refused) == 1
    value = refused[0].value
    assert isinstance(value, Message) and value.code == "registry.and_more"
    assert value.values["more"] == 1 and value.dutch.endswith(" en nog 1")
    assert str(refused[0]).endswith(" en nog 1)")
