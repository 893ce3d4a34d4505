"""The PDF and JSON inside the archive: exact fields, one page, nothing on disk."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError
from pypdf import PdfReader

from referral_desk.domain.referral import (
    ClientDetails,
    PartnerSnapshot,
    Referral,
    ReferrerProfile,
)
from referral_desk.sealing import font_cache
from referral_desk.sealing.documents import (
    FOOTER_TEXT,
    REFERRAL_JSON_SCHEMA,
    DocumentTooLong,
    parse_referral_json,
    referral_export,
    render_referral_json,
    render_referral_pdf,
)
from referral_desk.sealing.warm_up import warm_up
from tests.lifecycle_fixtures import consent

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
CREATED = datetime(2026, 11, 22, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def make_referral(corrects: str | None = None, **client: Any) -> Referral:
    details: dict[str, Any] = {
        "first_name": "Ayşe",
        "last_name": "Nguyễn-Çelik",
        "street": "Koning Albertstraat",
        "house_number": "12A",
        "box": "3",
        "postcode": "3970",
        "municipality": "Leopoldsburg",
        "phone": "+32470123456",
        "email": "ayse@example.be",
    }
    details.update(client)
    return Referral(
        referral_id="KG-2026-7F3K9Q",
        created_at=CREATED,
        client=ClientDetails(**details),
        consent=consent(date(2026, 11, 22)),
        referrer=ReferrerProfile(
            name="Łukasz D'hondt",
            team="Kind en Gezin West-Limburg",
            phone="+3211345678",
            email="lukasz@example.be",
        ),
        partner=PartnerSnapshot(
            partner_id="ocmw-leopoldsburg",
            name="OCMW Leopoldsburg",
            kind="OCMW",
            mailbox="socialedienst@leopoldsburg.be",
            protocol_reference="Protocol Kind en Gezin West-Limburg – OCMW Leopoldsburg",
            protocol_in_force_from=date(2024, 2, 1),
        ),
        corrects=corrects,
    )


def longest_referral() -> Referral:
    """Wide glyphs at every maximum length, plus the optional correction line."""
    return make_referral(
        corrects="KG-2026-AC3DEF",
        first_name="W" * 60,
        last_name="M" * 60,
        street=("Wolvenstraat " * 8)[:100],
        house_number="12345ABCD-12345ABCD",
        box="WWWWWWWWWW",
        municipality="W" * 60,
        email=f"{'w' * 64}@{'w' * 60}.example.be",
    )


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


# --- JSON -------------------------------------------------------------------------------


def test_json_round_trip() -> None:
    referral = make_referral(corrects="KG-2026-AC3DEF")
    assert parse_referral_json(render_referral_json(referral)) == referral_export(referral)


def test_json_holds_exactly_the_permitted_client_fields() -> None:
    data = json.loads(render_referral_json(make_referral(box=None, email=None)))
    assert set(data) == {
        "$schema",
        "schema_version",
        "referral_id",
        "created_at",
        "corrects",
        "legal_basis",
        "client",
        "consent",
        "referrer",
        "partner",
    }
    assert set(data["client"]) == {"first_name", "last_name", "address", "phone", "email"}
    assert set(data["client"]["address"]) == {
        "street",
        "house_number",
        "box",
        "postcode",
        "municipality",
    }
    assert data["client"]["email"] is None and data["client"]["address"]["box"] is None
    assert data["$schema"] == REFERRAL_JSON_SCHEMA and data["schema_version"] == 1
    assert data["created_at"] == "2026-11-22T10:00:00+01:00"
    assert data["legal_basis"].startswith("art. 10/1 decreet van 30 april 2004")


def test_json_is_deterministic_readable_utf8() -> None:
    first = render_referral_json(make_referral())
    assert first == render_referral_json(make_referral())
    assert first.endswith(b"}\n")
    assert "Nguyễn-Çelik".encode() in first


def test_parse_refuses_extra_fields_and_other_versions() -> None:
    data = json.loads(render_referral_json(make_referral()))
    for broken in (
        {**data, "client": {**data["client"], "birth_date": "2001-01-01"}},
        {**data, "notes": "gezin X"},
        {**data, "schema_version": 2},
        {**data, "client": {**data["client"], "phone": None, "email": None}},
    ):
        with pytest.raises(ValidationError):
            parse_referral_json(json.dumps(broken).encode())


# --- PDF --------------------------------------------------------------------------------


def test_pdf_is_one_page_with_the_referral() -> None:
    referral = make_referral(corrects="KG-2026-AC3DEF")
    pages, text = pdf_text(render_referral_pdf(referral, FONTS))
    assert pages == 1
    for expected in (
        "Doorverwijzing naar het OCMW",
        "KG-2026-7F3K9Q",
        "22 november 2026",
        "Ayşe",
        "Nguyễn-Çelik",
        "Łukasz D'hondt",
        "0470 12 34 56",
        "Koning Albertstraat 12A bus 3",
        "3970 Leopoldsburg",
        "socialedienst@leopoldsburg.be",
        "1 februari 2024",
        "Correctie van doorverwijzing KG-2026-AC3DEF",
        "art. 10/1 decreet van 30 april 2004",
        FOOTER_TEXT,
    ):
        assert expected in text


def test_pdf_handles_scripts_dejavu_covers() -> None:
    referral = make_referral(first_name="Ελένη", last_name="Çelik")
    _, text = pdf_text(render_referral_pdf(referral, FONTS))
    assert "Ελένη" in text and "Çelik" in text and "□" not in text


def test_pdf_marks_characters_it_cannot_print_instead_of_dropping_them() -> None:
    _, text = pdf_text(render_referral_pdf(make_referral(first_name="王小明"), FONTS))
    assert "□□□" in text and "JSON" in text


def test_pdf_metadata_names_the_referral_only() -> None:
    referral = make_referral()
    metadata = PdfReader(io.BytesIO(render_referral_pdf(referral, FONTS))).metadata
    assert metadata is not None
    assert metadata.title == "KG-2026-7F3K9Q"
    assert metadata.producer == "referral-desk"
    client = referral.client
    personal = (client.first_name, client.last_name, client.street, "ayse", "470", "Łukasz")
    for value in metadata.values():
        assert not any(item in str(value) for item in personal)


def test_pdf_is_deterministic() -> None:
    referral = make_referral()
    assert render_referral_pdf(referral, FONTS) == render_referral_pdf(referral, FONTS)


def test_maximum_length_fields_stay_on_one_page() -> None:
    pages, text = pdf_text(render_referral_pdf(longest_referral(), FONTS))
    assert pages == 1
    assert "Correctie van doorverwijzing KG-2026-AC3DEF" in text
    assert FOOTER_TEXT in text


def test_a_referral_that_cannot_fit_is_refused_not_split() -> None:
    referral = make_referral()
    endless = referral.partner.model_copy(update={"protocol_reference": "Protocol " * 400})
    with pytest.raises(DocumentTooLong):
        render_referral_pdf(referral.model_copy(update={"partner": endless}), FONTS)


def test_rendering_writes_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fonts = tmp_path / "fonts"
    shutil.copytree(FONTS, fonts)
    monkeypatch.chdir(tmp_path)

    def snapshot() -> set[Path]:
        return set(tmp_path.rglob("*")) | set(FONTS.iterdir())

    before = snapshot()
    for referral in (make_referral(), longest_referral()):
        render_referral_pdf(referral, fonts)
        render_referral_pdf(referral, FONTS)
        render_referral_json(referral)
    assert snapshot() == before


# --- the font cache: parsed once per process, the same PDF ---------------------------------


def font_streams(data: bytes) -> list[bytes]:
    """The embedded font programs, in order."""
    streams = []
    for font in PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        streams.append(descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data())
    return streams


CACHE_CASES = {
    "latin": make_referral(),
    "longest": longest_referral(),
    # Greek, Cyrillic and Vietnamese are in the cut-down font; Chinese is not: that PDF is
    # laid out again with the whole font (which has no Chinese either: boxes, and the note).
    "greek": make_referral(first_name="Ελένη", last_name="Шевченко-Nguyễn"),
    "outside the cut": make_referral(first_name="王小明", last_name="Çelik"),
}


@pytest.mark.parametrize("case", list(CACHE_CASES))
def test_cached_fonts_give_the_pdf_fpdf_gives(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    referral = CACHE_CASES[case]
    font_cache.clear()
    cached = render_referral_pdf(referral, FONTS)
    # The cut-down regular and bold; the whole ones too only when a letter is outside the cut.
    assert font_cache.cached_fonts() == (4 if case == "outside the cut" else 2)
    monkeypatch.setattr(font_cache, "_parsed_font", lambda *_args: None)  # fpdf's add_font
    assert render_referral_pdf(referral, FONTS) == cached
    pages, text = pdf_text(cached)
    assert pages == 1 and referral.referral_id in text and FOOTER_TEXT in text
    assert len(font_streams(cached)) == 2 and all(font_streams(cached))


def test_one_document_leaves_the_cached_fonts_as_they_were() -> None:
    """fpdf subsets the parsed font in place: each document must get its own copy."""
    first = render_referral_pdf(make_referral(), FONTS)
    render_referral_pdf(CACHE_CASES["outside the cut"], FONTS)
    render_referral_pdf(CACHE_CASES["greek"], FONTS)
    again = render_referral_pdf(make_referral(), FONTS)
    assert again == first
    assert pdf_text(again) == pdf_text(first)


def test_warm_up_parses_the_fonts_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.rglob("*"))
    font_cache.clear()
    warm_up(FONTS)
    assert font_cache.cached_fonts() == 2
    assert set(tmp_path.rglob("*")) == before
