"""The client information sheet and receipt: every language, one page, honest about
withdrawal, no client data on the receipt, and the ``leaflet`` command's exit codes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from referral_desk.cli import main
from referral_desk.domain.referral import (
    ClientDetails,
    PartnerSnapshot,
    Referral,
    ReferrerProfile,
)
from referral_desk.domain.settings import Settings
from referral_desk.sealing import font_cache
from referral_desk.sealing.leaflet import (
    LANGUAGE_CODES,
    LANGUAGES,
    TEXT_KEYS,
    LeafletError,
    LeafletTooLong,
    render_client_receipt,
    render_information_sheet,
)
from referral_desk.storage.paths import AppPaths
from referral_desk.storage.settings import SettingsStore
from tests.lifecycle_fixtures import consent

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "resources" / "fonts"
LEAFLETS = ROOT / "resources" / "leaflets"
REFERRER = ReferrerProfile(
    name="An Peeters",
    team="Kind en Gezin West-Limburg",
    phone="+3211345678",
    email="an.peeters@example.be",
)
ARABIC = re.compile("[\u0600-\u06ff]")
CYRILLIC = re.compile("[\u0400-\u04ff]")

pytestmark = pytest.mark.skipif(
    sys.platform != "win32" and shutil.which("pdftotext") is None, reason="needs poppler-utils"
)


def extract_text(data: bytes, *, layout: bool = False) -> str:
    """The PDF's text as a reader's program takes it out: poppler's ``pdftotext`` (``-layout``
    keeps the columns), or on Windows, where that Linux program cannot run, pypdf, which reads
    the same text but for the direction marks poppler puts around Arabic."""
    if sys.platform == "win32":
        reader = PdfReader(io.BytesIO(data))
        mode = "layout" if layout else "plain"
        return "\n".join(page.extract_text(extraction_mode=mode) for page in reader.pages)
    options = ["-layout"] if layout else []
    done = subprocess.run(
        ["pdftotext", *options, "-", "-"], input=data, capture_output=True, check=True, timeout=30
    )
    return done.stdout.decode("utf-8")


def pdf_text(data: bytes) -> str:
    # One space for every run of white space (line breaks, no-break spaces in phone numbers).
    return " ".join(extract_text(data).split())


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def sheet(lang: str, *, clause: bool = False, name: str = "OCMW Leopoldsburg") -> bytes:
    return render_information_sheet(name, "OCMW", clause, REFERRER, lang, FONTS)


def make_referral(clause: bool = False) -> Referral:
    return Referral(
        referral_id="KG-2026-7F3K9Q",
        created_at=datetime(2026, 11, 22, 10, 0, tzinfo=ZoneInfo("Europe/Brussels")),
        client=ClientDetails(
            first_name="Zeynep",
            last_name="Vanderstraeten",
            street="Koning Albertstraat",
            house_number="12A",
            box=None,
            postcode="3970",
            municipality="Leopoldsburg",
            phone="+32470123456",
            email="zeynep@example.be",
        ),
        consent=consent(date(2026, 11, 22)),
        referrer=REFERRER,
        partner=PartnerSnapshot(
            partner_id="caw-brussel",
            name="CAW Brussel",
            kind="CAW",
            mailbox="onthaal@cawbrussel.be",
            protocol_reference="Protocol Kind en Gezin Brussel – CAW Brussel",
            protocol_in_force_from=date(2024, 2, 1),
            withdrawal_clause=clause,
        ),
    )


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_sheet_names_the_partner_in_its_script_and_is_translated(lang: str) -> None:
    data = sheet(lang)
    text = pdf_text(data)
    assert pages(data) == 1
    assert "OCMW Leopoldsburg" in text
    assert "An Peeters" in text and "011 34 56 78" in text
    if lang == "ar":
        assert len(ARABIC.findall(text)) > 300
    if lang == "uk":
        assert len(CYRILLIC.findall(text)) > 300
    if lang != "nl":
        assert text != pdf_text(sheet("nl"))
        assert "Welke gegevens" not in text


def test_arabic_is_shaped_into_joined_letter_forms() -> None:
    """Without HarfBuzz fpdf would print isolated letters left to right: the embedded font
    then holds no contextual forms (U+FE70–U+FEFF in DejaVu's glyph names)."""
    reader = PdfReader(io.BytesIO(sheet("ar")))
    glyphs: set[str] = set()
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        data = descendant["/FontDescriptor"]["/FontFile2"].get_data()
        glyphs.update(TTFont(io.BytesIO(data)).getGlyphOrder())
    joined = {name for name in glyphs if re.fullmatch(r"uniFE[7-9A-F][0-9A-F]", name)}
    assert len(joined) > 20


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_font_has_every_letter_of_every_language_file(lang: str) -> None:
    """fpdf drops a glyph the font lacks with only a warning: a gap in the client's text."""
    texts = tomllib.loads((LEAFLETS / f"{lang}.toml").read_text("utf-8"))
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        cmap = TTFont(FONTS / font).getBestCmap()
        missing = {c for key in TEXT_KEYS for c in texts[key] if ord(c) not in cmap}
        assert not missing, (font, missing)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_only_arabic_needs_the_whole_font(lang: str) -> None:
    """The cut-down DejaVu (scripts/cut_fonts.py) has every letter of the seven other
    languages, so their sheets never parse the whole font (12 MB more memory)."""
    font_cache.clear()
    sheet = render_information_sheet("OCMW Leopoldsburg", "OCMW", True, REFERRER, lang, FONTS)
    assert font_cache.cached_fonts() == (4 if lang == "ar" else 2)
    if lang != "ar":
        assert "□" not in extract_text(sheet)


def test_a_name_outside_the_cut_is_printed_from_the_whole_font() -> None:
    """Armenian is in the whole DejaVu, not in the cut one: the receipt is laid out again."""
    font_cache.clear()
    partner = "Սոնա Leopoldsburg"
    sheet = render_information_sheet(partner, "OCMW", True, REFERRER, "nl", FONTS)
    assert font_cache.cached_fonts() == 4
    assert "Սոնա" in extract_text(sheet)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_long_names_still_fit_one_page(lang: str) -> None:
    referrer = ReferrerProfile(
        name="Marie-Christine Vandenbroucke-Van Oostveldt",
        team="Kind en Gezin Lokaal Team Vlaamse Ardennen en Zuid-Oost-Vl.",
        phone="+3211345678",
        email="mc@example.be",
    )
    long_name = "OCMW Sint-Lievens-Houtem en Herzele samenwerkingsverband sociaal huis"
    data = render_information_sheet(long_name, "CAW", True, referrer, lang, FONTS)
    assert pages(data) == 1
    assert pages(render_client_receipt(make_referral(), lang, FONTS)) == 1


def test_a_text_that_cannot_fit_is_refused_not_split(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(FONTS, resources / "fonts")
    (resources / "leaflets").mkdir()
    source = (LEAFLETS / "en.toml").read_text("utf-8")
    long_text = "This sentence is far too long for the page. " * 120
    (resources / "leaflets" / "en.toml").write_text(
        re.sub(r'^why_text = ".*"$', f'why_text = "{long_text}"', source, flags=re.M), "utf-8"
    )
    with pytest.raises(LeafletTooLong) as refused:
        render_information_sheet("OCMW X", "OCMW", False, REFERRER, "en", resources / "fonts")
    assert "A4" in refused.value.message


def test_unknown_language_is_refused_in_dutch() -> None:
    with pytest.raises(LeafletError) as refused:
        sheet("de")
    assert "Onbekende taal" in refused.value.message


@pytest.mark.parametrize(
    ("lang", "deleted", "not_fixed"),
    [
        ("nl", "verwijdert dan uw gegevens", "zeggen niet dat uw gegevens dan verwijderd"),
        ("en", "then deletes your data", "does not say that your data will then be deleted"),
        ("fr", "efface alors vos données", "ne prévoient pas que vos données"),
    ],
)
def test_withdrawal_wording_follows_the_protocol_clause(
    lang: str, deleted: str, not_fixed: str
) -> None:
    with_clause = pdf_text(sheet(lang, clause=True))
    without = pdf_text(sheet(lang, clause=False))
    assert deleted in with_clause and not_fixed not in with_clause
    assert not_fixed in without and deleted not in without
    receipt = pdf_text(render_client_receipt(make_referral(True), lang, FONTS))
    assert deleted in receipt


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_language_file_has_both_withdrawal_variants_differing(lang: str) -> None:
    texts = tomllib.loads((LEAFLETS / f"{lang}.toml").read_text("utf-8"))
    assert "{partner}" in texts["withdrawal_deleted"]
    assert "{partner}" in texts["withdrawal_on_request"]
    assert texts["withdrawal_deleted"] != texts["withdrawal_on_request"]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_receipt_has_id_date_partner_and_no_client_data(lang: str) -> None:
    data = render_client_receipt(make_referral(), lang, FONTS)
    text = pdf_text(data)
    assert pages(data) == 1
    assert text.count("KG-2026-7F3K9Q") >= 2  # the ID, and in how to withdraw
    assert "22/11/2026" in text and "CAW Brussel" in text and "An Peeters" in text
    for client_data in ("Zeynep", "Vanderstraeten", "Albertstraat", "0470", "zeynep@"):
        assert client_data not in text
    metadata = PdfReader(io.BytesIO(data)).metadata or {}
    assert not any("Zeynep" in str(value) for value in metadata.values())


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_no_language_claims_a_native_speaker_review(lang: str) -> None:
    """Every translation says it is unreviewed; the Dutch says it is the original."""
    texts = tomllib.loads((LEAFLETS / f"{lang}.toml").read_text("utf-8"))
    assert texts["reviewed_by_native_speaker"] is False
    assert LANGUAGES[lang].reviewed is False
    assert LANGUAGES[lang].original is (lang == "nl")
    footer = pdf_text(sheet(lang))
    if lang == "nl":
        assert "Nederlands, de originele tekst" in footer and "niet nagelezen" not in footer
    else:
        assert "niet nagelezen" in footer


def test_languages_are_the_eight_with_dutch_names() -> None:
    assert tuple(LANGUAGES) == ("nl", "fr", "en", "ar", "tr", "pl", "ro", "uk")
    assert LANGUAGES["ar"].dutch_name == "Arabisch"
    assert LANGUAGES["uk"].dutch_name == "Oekraïens"


# --- the command ------------------------------------------------------------------------

FLAGS = ["--referrer-name", "An Peeters", "--referrer-phone", "011 34 56 78", "--team", "KG"]


def test_cli_writes_the_sheet_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    SettingsStore(AppPaths.from_platform().settings_file).save(Settings(referrer=REFERRER))
    output = tmp_path / "blad.pdf"
    args = ["leaflet", "--partner", "ocmw-wervik", "--lang", "uk", "--output", str(output)]
    assert main(args) == 0
    text = pdf_text(output.read_bytes())
    assert "OCMW Wervik" in text and "An Peeters" in text and CYRILLIC.search(text)
    assert "niet nagelezen" in capsys.readouterr().out


def test_cli_flags_stand_in_for_a_missing_profile(tmp_path: Path) -> None:
    output = tmp_path / "blad.pdf"
    args = ["leaflet", "--partner", "ocmw-leopoldsburg", "--lang", "ar", "--output", str(output)]
    assert main([*args, *FLAGS]) == 0
    assert ARABIC.search(pdf_text(output.read_bytes()))


@pytest.mark.parametrize(
    ("partner", "lang", "flags", "message"),
    [
        ("ocmw-nergens", "nl", FLAGS, "Onbekende partner 'ocmw-nergens'"),
        ("ocmw-wervik", "de", FLAGS, "Onbekende taal 'de'"),
        ("ocmw-wervik", "nl", [], "Geen aanmeldersprofiel"),
        ("ocmw-wervik", "nl", [*FLAGS[:2], "--referrer-phone", "12", *FLAGS[4:]], "--referrer"),
    ],
)
def test_cli_refuses_with_exit_code_2_and_writes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    partner: str,
    lang: str,
    flags: list[str],
    message: str,
) -> None:
    output = tmp_path / "blad.pdf"
    args = ["leaflet", "--partner", partner, "--lang", lang, "--output", str(output), *flags]
    assert main(args) == 2
    assert message in capsys.readouterr().out
    assert not output.exists()
