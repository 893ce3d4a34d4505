"""The two files inside the archive: a printable one-page PDF and a machine-readable JSON.

Both are rendered to bytes in memory, because plaintext personal data must never touch
disk: only the encrypted archive that contains them is ever written. Rendering is
deterministic (same referral, same bytes), so a re-sent archive can be compared.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from referral_desk.domain.dutch_dates import written_date, written_date_time
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.fields import format_phone_national
from referral_desk.domain.partners import OPGROEIEN_DPO
from referral_desk.domain.referral import (
    Box,
    Email,
    FirstName,
    HouseNumber,
    LastName,
    MunicipalityName,
    PartnerSnapshot,
    Phone,
    Postcode,
    Referral,
    ReferralId,
    RequiredEmail,
    RequiredPhone,
    SheetGiven,
    Street,
)
from referral_desk.sealing.font_cache import new_document

REFERRAL_JSON_SCHEMA: Final = "https://referral-desk.invalid/schema/referral/1"
REFERRAL_JSON_SCHEMA_VERSION: Final = 1
LEGAL_BASIS: Final = "art. 10/1 decreet van 30 april 2004"

FONT_REGULAR: Final = "DejaVuSans.ttf"
FONT_BOLD: Final = "DejaVuSans-Bold.ttf"

# --- JSON -------------------------------------------------------------------------------


class _Frozen(BaseModel):
    # defer_build: the validators are built at the first referral, not at start-up.
    model_config = ConfigDict(
        frozen=True, extra="forbid", hide_input_in_errors=True, defer_build=True
    )


class ExportAddress(_Frozen):
    street: Street
    house_number: HouseNumber
    box: Box
    postcode: Postcode
    municipality: MunicipalityName


class ExportClient(_Frozen):
    """Exactly the art. 10/1 fields; the same validators as the form, so imports are safe."""

    first_name: FirstName
    last_name: LastName
    address: ExportAddress
    phone: Phone
    email: Email

    @model_validator(mode="after")
    def _reachable(self) -> ExportClient:
        if self.phone is None and self.email is None:
            raise ValueError("phone or email is required")
        return self


class ExportConsent(_Frozen):
    informed: Literal[True]
    consented: Literal[True]
    recorded_on: date
    # Which information sheet (language, version) the client was given, and how; absent in
    # files written before the consent record named it.
    sheet_language: str | None = None
    sheet_version: str | None = None
    sheet_given: str | None = None


class ExportReferrer(_Frozen):
    name: str
    team: str
    phone: RequiredPhone
    email: RequiredEmail


class ExportPartner(_Frozen):
    id: str
    name: str
    kind: str
    mailbox: RequiredEmail
    protocol_reference: str
    protocol_in_force_from: date
    # Defaults keep files written before these fields readable.
    breach_contact: Email = None
    dpo_contact: RequiredEmail = OPGROEIEN_DPO
    withdrawal_clause: bool = False


class ReferralExport(_Frozen):
    """The JSON in the archive; a versioned contract for the partner's case systems."""

    schema_id: Literal["https://referral-desk.invalid/schema/referral/1"] = Field(
        default=REFERRAL_JSON_SCHEMA, alias="$schema"
    )
    schema_version: Literal[1]
    referral_id: ReferralId
    created_at: AwareDatetime
    corrects: ReferralId | None
    legal_basis: str
    client: ExportClient
    consent: ExportConsent
    referrer: ExportReferrer
    partner: ExportPartner


def referral_export(referral: Referral) -> ReferralExport:
    client, consent, referrer, partner = (
        referral.client,
        referral.consent,
        referral.referrer,
        referral.partner,
    )
    return ReferralExport(
        schema_version=REFERRAL_JSON_SCHEMA_VERSION,
        referral_id=referral.referral_id,
        created_at=referral.created_at,
        corrects=referral.corrects,
        legal_basis=LEGAL_BASIS,
        client=ExportClient(
            first_name=client.first_name,
            last_name=client.last_name,
            address=ExportAddress(
                street=client.street,
                house_number=client.house_number,
                box=client.box,
                postcode=client.postcode,
                municipality=client.municipality,
            ),
            phone=client.phone,
            email=client.email,
        ),
        consent=ExportConsent(
            informed=consent.informed,
            consented=consent.consented,
            recorded_on=consent.recorded_on,
            sheet_language=consent.sheet_language,
            sheet_version=consent.sheet_version,
            sheet_given=consent.sheet_given.value,
        ),
        referrer=ExportReferrer(
            name=referrer.name, team=referrer.team, phone=referrer.phone, email=referrer.email
        ),
        partner=ExportPartner(
            id=partner.partner_id,
            name=partner.name,
            kind=partner.kind,
            mailbox=partner.mailbox,
            protocol_reference=partner.protocol_reference,
            protocol_in_force_from=partner.protocol_in_force_from,
            breach_contact=partner.breach_contact,
            dpo_contact=partner.dpo_contact,
            withdrawal_clause=partner.withdrawal_clause,
        ),
    )


def render_referral_json(referral: Referral) -> bytes:
    """Explicit nulls and a fixed key order, so every file has the same shape."""
    data = referral_export(referral).model_dump(mode="json", by_alias=True)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def parse_referral_json(data: bytes) -> ReferralExport:
    """Strict: an unknown key, version or invalid field raises ``pydantic.ValidationError``."""
    return ReferralExport.model_validate_json(data)


# --- PDF --------------------------------------------------------------------------------

_MARGIN: Final = 20.0
_FOOTER_HEIGHT: Final = 22.0
_LABEL_WIDTH: Final = 48.0
_SCALES: Final = (1.0, 0.9, 0.8, 0.7)
_INK: Final = (33, 37, 41)
_MUTED: Final = (100, 106, 112)
_ACCENT: Final = (0, 84, 135)
_ALERT: Final = (160, 30, 30)
_RULE: Final = (190, 196, 202)
_BAND: Final = (236, 241, 245)
_MISSING_GLYPH: Final = "□"
FOOTER_TEXT: Final = (
    "Vertrouwelijk – beroepsgeheim. Gegevens gedeeld op grond van art. 10/1 decreet "
    "30 april 2004 en het protocol hierboven."
)


class DocumentTooLong(UserFacingError, ValueError):
    """The referral does not fit on one page even at the smallest type size."""


def page_fonts(fonts_dir: Path, *, whole: bool = False) -> list[tuple[str, str, Path]]:
    """The (family, style, file) fonts of the PDF, parsed once per process (font_cache):
    the cut-down DejaVu in ``cut/`` (scripts/cut_fonts.py), or the whole font for a text
    with a letter the cut lacks."""
    folder = fonts_dir if whole else fonts_dir / "cut"
    return [("DejaVu", "", folder / FONT_REGULAR), ("DejaVu", "B", folder / FONT_BOLD)]


class _Page:
    """One layout pass at a given type scale; fpdf's own page count tells if it fits."""

    def __init__(self, fonts_dir: Path, scale: float, whole: bool) -> None:
        self.scale = scale
        pdf: Any = new_document(
            page_fonts(fonts_dir, whole=whole), orientation="portrait", unit="mm", format="A4"
        )
        pdf.set_margins(_MARGIN, 18.0, _MARGIN)
        pdf.set_auto_page_break(True, margin=_FOOTER_HEIGHT + 6.0)
        pdf.c_margin = 0
        pdf.add_page()
        pdf.set_font("DejaVu", "", 10)
        self._cmap: Any = pdf.current_font.cmap
        self.pdf = pdf
        self.unprintable = False
        # A letter the font lacks: the cut-down font is then laid out again whole.
        self.lacking = False

    def font(self, size: float, bold: bool = False, color: tuple[int, int, int] = _INK) -> None:
        self.pdf.set_font("DejaVu", "B" if bold else "", size * self.scale)
        self.pdf.set_text_color(*color)

    def line_height(self, size: float) -> float:
        return size * self.scale * 0.5

    def printable(self, text: str) -> str:
        """Swap glyphs DejaVu lacks, and right-to-left letters fpdf cannot order without
        a shaper, for a visible box: fpdf would silently drop or reverse them, printing a
        wrong name. A note at the end then points to the JSON."""
        out = []
        for char in text:
            if ord(char) in self._cmap and unicodedata.bidirectional(char) not in ("R", "AL"):
                out.append(char)
            else:
                out.append(_MISSING_GLYPH)
                self.unprintable = True
                self.lacking = self.lacking or ord(char) not in self._cmap
        return "".join(out)

    def gap(self, height: float) -> None:
        self.pdf.ln(height * self.scale)

    def rule(self, color: tuple[int, int, int] = _RULE, width: float = 0.2) -> None:
        pdf = self.pdf
        pdf.set_draw_color(*color)
        pdf.set_line_width(width)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())

    def text(
        self,
        value: str,
        size: float = 10,
        *,
        bold: bool = False,
        color: tuple[int, int, int] = _INK,
        align: str = "L",
    ) -> None:
        self.font(size, bold, color)
        self.pdf.multi_cell(
            0, self.line_height(size), value, align=align, new_x="LMARGIN", new_y="NEXT"
        )

    def heading(self, title: str) -> None:
        self.gap(5)
        self.text(title, size=11.5, bold=True, color=_ACCENT)
        self.gap(0.8)
        self.rule()
        self.gap(1.6)

    def row(self, label: str, value: str) -> None:
        size = 10
        height = self.line_height(size) + 0.6 * self.scale
        self.font(size, color=_MUTED)
        self.pdf.cell(_LABEL_WIDTH, height, label)
        self.font(size)
        self.pdf.multi_cell(
            0, height, self.printable(value), align="L", new_x="LMARGIN", new_y="NEXT"
        )


_SHEET_GIVEN: Final = {
    SheetGiven.HANDED_OVER: "overhandigd",
    SheetGiven.READ_ALOUD: "voorgelezen",
    SheetGiven.SENT: "opgestuurd",
}


def _optional(value: str | None, formatter: Callable[[str], str] = str) -> str:
    return "niet opgegeven" if value is None else formatter(value)


def _kept(years: int | None) -> str:
    """How long the protocol keeps a closed dossier, as the registry says it."""
    if years is None:
        return "volgens de archiefregels voor sociale dossiers"
    return f"tot {years} jaar na het afsluiten ervan"


def recipient_duties(partner: PartnerSnapshot) -> tuple[str, ...]:
    """What the protocol asks of the recipient, article by article, for the page: only
    what the signed protocols say, and deletion after withdrawal only where agreed."""
    name = partner.name
    breach = partner.breach_contact or "het meldpunt uit het protocol (niet in het partnerregister)"
    withdrawal = (
        f"Trekt de cliënt de toestemming in, dan verwijdert {name} de gegevens; meldt de "
        "cliënt dat aan u, dan hoeft u niet terug te koppelen aan de aanmelder."
        if partner.withdrawal_clause
        else "Over het wissen van de gegevens na intrekking van de toestemming bevat het "
        "protocol geen afspraak."
    )
    return (
        f"Art. 4: alleen voor de maatschappelijk werker van {name} die door het "
        "beroepsgeheim gebonden is en de cliënt hulp aanbiedt. Met partners van het "
        "geïntegreerd breed onthaal alleen volgens de regels van het decreet lokaal sociaal "
        "beleid en met toestemming van de cliënt.",
        "Art. 7: foutieve, onvolledige of overtollige gegevens meldt u onmiddellijk aan de "
        "aanmelder (naam, telefoon en e-mail hierboven).",
        f"Art. 9: een gegevenslek meldt u zonder uitstel aan {breach} en aan de DPO van "
        f"Opgroeien, {partner.dpo_contact}.",
        f"Art. 3: bewaar de gegevens tot er contact was en duidelijk is of de cliënt verdere "
        f"hulp wenst; aanvaardt de cliënt hulp, dan komen ze in het cliëntdossier, dat u "
        f"{_kept(partner.retention_years)} bewaart. {withdrawal}",
    )


def _layout(referral: Referral, fonts_dir: Path, scale: float, whole: bool) -> _Page:
    page = _Page(fonts_dir, scale, whole)
    pdf = page.pdf
    client, consent, referrer, partner = (
        referral.client,
        referral.consent,
        referral.referrer,
        referral.partner,
    )

    page.text(page.printable(referrer.team), size=9, color=_MUTED)
    page.gap(1.5)
    page.text(f"Doorverwijzing naar het {partner.kind}", size=20, bold=True)
    page.text(f"aan {page.printable(partner.name)}", size=11, color=_MUTED)
    page.gap(5)

    band_top = pdf.get_y()
    band_height = page.line_height(8.5) + page.line_height(17) + 6 * scale
    pdf.set_fill_color(*_BAND)
    pdf.rect(pdf.l_margin, band_top, pdf.epw, band_height, style="F")
    pdf.set_fill_color(*_ACCENT)
    pdf.rect(pdf.l_margin, band_top, 1.2, band_height, style="F")
    pdf.set_xy(pdf.l_margin + 5, band_top + 2.5 * scale)
    page.font(8.5, color=_MUTED)
    pdf.cell(90, page.line_height(8.5), "DOORVERWIJZINGS-ID")
    pdf.cell(0, page.line_height(8.5), "AANGEMAAKT OP", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin + 5)
    page.font(17, bold=True)
    pdf.cell(90, page.line_height(17), referral.referral_id)
    page.font(11)
    pdf.cell(
        0,
        page.line_height(17),
        written_date_time(referral.created_at),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_y(band_top + band_height)
    page.gap(4)

    if referral.corrects is not None:
        page.text(
            f"Correctie van doorverwijzing {referral.corrects}. "
            "Deze doorverwijzing vervangt de vorige.",
            size=10,
            bold=True,
            color=_ALERT,
        )
        page.gap(2)

    page.text(
        f"Rechtsgrond: {LEGAL_BASIS}. De cliënt werd geïnformeerd en gaf uitdrukkelijk "
        f"toestemming om deze gegevens te delen met het {partner.kind}.",
        size=9,
        color=_MUTED,
    )

    page.heading("Cliënt")
    street, town = client.address_lines
    page.row("Voornaam", client.first_name)
    page.row("Achternaam", client.last_name)
    page.row("Adres", street)
    page.row("", town)
    page.row("Telefoon", _optional(client.phone, format_phone_national))
    page.row("E-mail", _optional(client.email))

    page.heading("Toestemming")
    page.row("Cliënt geïnformeerd", "ja" if consent.informed else "nee")
    page.row(
        "Toestemming gegeven",
        f"ja, op {written_date(consent.recorded_on)}" if consent.consented else "nee",
    )
    page.row(
        "Informatieblad",
        f"{_SHEET_GIVEN[consent.sheet_given]}, versie {consent.sheet_version}",
    )

    page.heading("Aanmelder")
    page.row("Naam", referrer.name)
    page.row("Lokaal team", referrer.team)
    page.row("Telefoon", format_phone_national(referrer.phone))
    page.row("E-mail", referrer.email)

    page.heading("Partner")
    page.row("Naam", partner.name)
    page.row("Mailbox", partner.mailbox)
    page.row("Protocol", partner.protocol_reference)
    page.row("Van kracht sinds", written_date(partner.protocol_in_force_from))

    page.heading(f"Afspraken uit het protocol voor {page.printable(partner.name)}")
    for duty in recipient_duties(partner):
        page.text(f"• {page.printable(duty)}", size=9)
        page.gap(0.6)
    if page.unprintable:
        page.gap(4)
        page.text(
            f"Tekens die deze PDF niet kan weergeven staan als {_MISSING_GLYPH}; de exacte "
            "schrijfwijze staat in het bijgevoegde JSON-bestand.",
            size=8.5,
            color=_ALERT,
        )

    # The footer lives in the bottom margin, where an automatic page break would fire.
    pdf.set_auto_page_break(False)
    pdf.set_y(pdf.h - _FOOTER_HEIGHT)
    page.rule()
    page.gap(2)
    page.text(FOOTER_TEXT, size=8, color=_MUTED)
    page.text(f"{referral.referral_id} · pagina 1 van 1", size=8, color=_MUTED, align="R")
    return page


def _fitted(referral: Referral, fonts_dir: Path, whole: bool) -> _Page:
    for scale in _SCALES:
        page = _layout(referral, fonts_dir, scale, whole)
        if page.pdf.pages_count == 1:
            return page
    raise DocumentTooLong(f"{referral.referral_id} past niet op één A4-pagina")


def render_referral_pdf(referral: Referral, fonts_dir: Path) -> bytes:
    """One A4 page, whatever the field lengths: the type shrinks a step rather than
    spilling onto a second page that could get lost from the printout.

    The metadata holds the referral ID only, because viewers and indexers show it
    without opening the document.
    """
    page = _fitted(referral, fonts_dir, whole=False)
    if page.lacking:
        page = _fitted(referral, fonts_dir, whole=True)
    pdf = page.pdf
    pdf.set_title(referral.referral_id)
    pdf.set_producer("referral-desk")
    pdf.set_creator("referral-desk")
    pdf.set_lang("nl-BE")
    pdf.set_creation_date(referral.created_at)
    return bytes(pdf.output())
