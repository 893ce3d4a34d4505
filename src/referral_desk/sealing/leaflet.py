"""The client information sheet (*informatieblad*) and the client receipt, one A4 page each.

The client must be informed well enough before consenting (protocols 000/001, recital C),
in a language they read. The texts are data in ``resources/leaflets/<lang>.toml`` so that
Opgroeien can swap a translation for a reviewed one without a code change; each file says
whether a native speaker reviewed it, and none has been yet. What happens after a withdrawal
is worded as :mod:`referral_desk.domain.consent_text` words it: deletion only where the
partner's protocol contains the withdrawal clause.

Neither page carries client data: the sheet is the same for every client of a partner, and
the receipt names the referral ID, the date, the partner and the referrer only, so both may
be written to disk and printed.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Final, Protocol

from pydantic import AfterValidator, BaseModel, ConfigDict

from referral_desk.domain import fields
from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.fields import format_phone_national
from referral_desk.domain.partners import OPGROEIEN_DPO, PartnerKind
from referral_desk.domain.protocol_terms import OPGROEIEN_STANDARD, ProtocolTerms
from referral_desk.domain.referral import Referral, RequiredPhone
from referral_desk.sealing.documents import page_fonts
from referral_desk.sealing.font_cache import enable_text_shaping, lacks_glyphs, new_document
from referral_desk.storage.paths import bundled_root

LANGUAGE_CODES: Final = ("nl", "fr", "en", "ar", "tr", "pl", "ro", "uk")
# Every key a language file must have; the strings may use the placeholders below.
TEXT_KEYS: Final = (
    "language", "dutch_name", "lang_tag", "direction",
    "kind_ocmw", "kind_caw",
    "title", "intro", "data_heading", "data_text", "to_whom_heading", "to_whom_text",
    "why_heading", "why_text", "next_heading", "next_text", "consent_heading",
    "consent_text", "withdrawal_deleted", "withdrawal_on_request", "contact_heading",
    "contact_text",
    "controller_heading", "controller_text", "basis_text", "retention_heading",
    "retention_years_text", "retention_archive_text", "withdrawal_past", "rights_heading",
    "rights_text", "complaint_text", "published_text", "version_label", "protocol_words",
    "receipt_title", "receipt_intro", "receipt_id_label", "receipt_date_label",
    "receipt_partner_label", "receipt_referrer_label", "receipt_withdraw",
)  # fmt: skip
PLACEHOLDERS: Final = frozenset(
    {"partner", "kind", "referrer", "team", "phone", "referral_id", "dpo", "years", "version"}
)

_MARGIN: Final = 20.0
_FOOTER_HEIGHT: Final = 16.0
_SCALES: Final = (1.0, 0.92, 0.84, 0.76, 0.68)
_INK: Final = (33, 37, 41)
_MUTED: Final = (100, 106, 112)
_ACCENT: Final = (0, 84, 135)
_RULE: Final = (190, 196, 202)


class LeafletError(UserFacingError, ValueError):
    """A language file is missing or incomplete, or the page does not fit one A4."""


class LeafletTooLong(LeafletError):
    """The text does not fit on one page even at the smallest type size."""


@dataclass(frozen=True)
class LeafletLanguage:
    code: str
    dutch_name: str  # for the team member's language choice
    reviewed: bool  # reviewed_by_native_speaker in the file; False when it cannot be read
    # The text the others are translated from (original = true in the file): never marked
    # as an unreviewed translation.
    original: bool = False


class Contact(Protocol):
    """Who the client calls: a :class:`~referral_desk.domain.referral.ReferrerProfile`, or a
    :class:`SheetContact` where no profile is set (the sheet needs no e-mail)."""

    @property
    def name(self) -> str: ...
    @property
    def team(self) -> str: ...
    @property
    def phone(self) -> str: ...


class SheetContact(BaseModel):
    """The contact for the sheet, checked as the profile's fields are."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    name: Annotated[str, AfterValidator(lambda v: fields.validate_name(v, label="Naam"))]
    team: Annotated[str, AfterValidator(fields.validate_team)]
    phone: RequiredPhone


def leaflets_dir(fonts_dir: Path) -> Path:
    """The texts sit beside the fonts, in ``resources/leaflets``."""
    return fonts_dir.parent / "leaflets"


def load_texts(folder: Path, lang: str) -> dict[str, Any]:
    """One language file, checked: every key present and only known placeholders used."""
    if lang not in LANGUAGE_CODES:
        raise LeafletError(
            f"Onbekende taal '{lang}' voor het informatieblad; kies uit "
            f"{', '.join(LANGUAGE_CODES)}."
        )
    path = folder / f"{lang}.toml"
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LeafletError(
            f"De tekst van het informatieblad ({lang}) kan niet gelezen worden: {path} "
            f"({getattr(error, 'strerror', None) or error}). Herinstalleer referral-desk."
        ) from error
    missing = [key for key in TEXT_KEYS if not isinstance(data.get(key), str)]
    if missing or not isinstance(data.get("reviewed_by_native_speaker"), bool):
        raise LeafletError(
            f"De tekst van het informatieblad ({lang}) is onvolledig: {path} mist "
            f"{', '.join(missing) or 'reviewed_by_native_speaker'}."
        )
    for key in TEXT_KEYS:
        try:
            data[key].format_map({name: "" for name in PLACEHOLDERS})
        except (KeyError, ValueError, IndexError) as error:
            raise LeafletError(
                f"De tekst van het informatieblad ({lang}) heeft een onbekende plaatshouder "
                f"in '{key}': {error}."
            ) from error
    return data


def _language(folder: Path, code: str) -> LeafletLanguage:
    try:
        data = load_texts(folder, code)
    except LeafletError:
        return LeafletLanguage(code, code, reviewed=False)
    return LeafletLanguage(
        code,
        data["dutch_name"],
        data["reviewed_by_native_speaker"],
        original=data.get("original") is True,
    )


def available_languages(folder: Path) -> Mapping[str, LeafletLanguage]:
    """Code → Dutch name and review state, as the language files in *folder* say."""
    return MappingProxyType({code: _language(folder, code) for code in LANGUAGE_CODES})


# The bundled files' view, for the window's language choice.
LANGUAGES: Final = available_languages(bundled_root() / "resources" / "leaflets")


class _Page:
    """One layout pass at a given type scale, right to left for Arabic."""

    def __init__(
        self, fonts_dir: Path, texts: Mapping[str, Any], scale: float, whole: bool
    ) -> None:
        self.scale = scale
        self.direction = "rtl" if texts["direction"] == "rtl" else "ltr"
        pdf: Any = new_document(
            page_fonts(fonts_dir, whole=whole), orientation="portrait", unit="mm", format="A4"
        )
        enable_text_shaping(pdf)
        pdf.set_margins(_MARGIN, 18.0, _MARGIN)
        pdf.set_auto_page_break(True, margin=_FOOTER_HEIGHT + 6.0)
        pdf.c_margin = 0
        pdf.add_page()
        self.pdf = pdf
        # A letter the font lacks (Arabic, a name in another script): the cut-down font
        # is then laid out again whole.
        self.lacking = False

    def text(
        self,
        value: str,
        size: float = 11,
        *,
        bold: bool = False,
        color: tuple[int, int, int] = _INK,
        direction: str | None = None,
    ) -> None:
        # A paragraph that starts with a Latin name is still Arabic: the base direction is
        # the language's, not guessed from the first letter.
        direction = direction or self.direction
        self.pdf.set_text_shaping(True, direction=direction)
        self.pdf.set_font("DejaVu", "B" if bold else "", size * self.scale)
        self.lacking = self.lacking or lacks_glyphs(self.pdf, value)
        self.pdf.set_text_color(*color)
        self.pdf.multi_cell(
            0,
            size * self.scale * 0.52,
            value,
            align="R" if direction == "rtl" else "L",
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def gap(self, height: float) -> None:
        self.pdf.ln(height * self.scale)

    def rule(self) -> None:
        pdf = self.pdf
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())

    def section(self, heading: str, body: str) -> None:
        self.gap(4.5)
        self.text(heading, size=13, bold=True, color=_ACCENT)
        self.gap(1.2)
        self.text(body)

    def footer(self, note: str) -> None:
        # The footer lives in the bottom margin, where an automatic page break would fire.
        self.pdf.set_auto_page_break(False)
        self.pdf.set_y(self.pdf.h - _FOOTER_HEIGHT)
        self.rule()
        self.gap(1.5)
        self.text(note, size=8, color=_MUTED, direction="ltr")


def _footer_note(texts: Mapping[str, Any], what: str) -> str:
    """Dutch, for the team member: which language, and whether a native speaker reviewed
    the translation (the original needs none)."""
    if texts.get("original") is True:
        reviewed = "de originele tekst"
    elif texts["reviewed_by_native_speaker"]:
        reviewed = "nagelezen door een moedertaalspreker"
    else:
        reviewed = "niet nagelezen door een moedertaalspreker"
    return f"referral-desk · {what} · {texts['dutch_name']}, {reviewed}"


def _kind_text(texts: Mapping[str, Any], kind: PartnerKind | str) -> str:
    return str(texts["kind_caw" if PartnerKind(kind) is PartnerKind.CAW else "kind_ocmw"])


def _fitted(
    build: Callable[[_Page], None], fonts_dir: Path, texts: Mapping[str, Any], whole: bool
) -> _Page | None:
    """The page at the largest type that fits one A4, or None when none does."""
    for scale in _SCALES:
        page = _Page(fonts_dir, texts, scale, whole)
        build(page)
        if page.pdf.pages_count == 1:
            return page
    return None


def _fit(
    build: Callable[[_Page], None],
    fonts_dir: Path,
    texts: Mapping[str, Any],
    what: str,
    created: datetime | None,
) -> bytes:
    """Shrinks the type a step at a time, like the referral PDF, rather than spill onto a
    second page that gets lost from the printout."""
    page = _fitted(build, fonts_dir, texts, whole=False)
    if page is None or page.lacking:
        page = _fitted(build, fonts_dir, texts, whole=True)
    if page is None:
        raise LeafletTooLong(
            f"Het {what} ({texts['dutch_name']}) past niet op één A4-pagina; maak de tekst in "
            f"{texts['lang_tag']}.toml korter."
        )
    pdf = page.pdf
    pdf.set_producer("referral-desk")
    pdf.set_creator("referral-desk")
    pdf.set_lang(texts["lang_tag"])
    if created is not None:
        pdf.set_creation_date(created)
    return bytes(pdf.output())


def _why(terms: ProtocolTerms, text: Callable[[str], str]) -> str:
    standard = OPGROEIEN_STANDARD
    if (terms.purposes, terms.legal_basis) == (standard.purposes, standard.legal_basis):
        return f"{text('why_text')} {text('basis_text')}"
    return f"{text('protocol_words')} {'; '.join(terms.purposes)} ({terms.legal_basis})."


def _next(terms: ProtocolTerms, text: Callable[[str], str]) -> str:
    standard = OPGROEIEN_STANDARD
    if (terms.recipients, terms.onward_recipients) == (
        standard.recipients,
        standard.onward_recipients,
    ):
        return text("next_text")
    return f"{text('protocol_words')} {'; '.join(terms.recipients + terms.onward_recipients)}."


def _withdrawal(texts: Mapping[str, Any], withdrawal_clause: bool) -> str:
    return str(texts["withdrawal_deleted" if withdrawal_clause else "withdrawal_on_request"])


def sheet_version(lang: str, folder: Path | None = None) -> str:
    """Which text of the sheet a client was given: the language and the first 8 hex digits
    of its file's SHA-256, printed on the sheet, so a consent record can name it."""
    path = (folder or bundled_root() / "resources" / "leaflets") / f"{lang}.toml"
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    except OSError:
        digest = "onbekend"
    return f"{lang}-{digest}"


def render_information_sheet(
    partner_name: str,
    partner_kind: PartnerKind | str,
    withdrawal_clause: bool,
    referrer: Contact,
    lang: str,
    fonts_dir: Path,
    *,
    retention_years: int | None = None,
    dpo_contact: str = OPGROEIEN_DPO,
    terms: ProtocolTerms = OPGROEIEN_STANDARD,
) -> bytes:
    """The sheet for one partner in *lang*, with what GDPR art. 13 says the client must be
    told: who is responsible and its DPO, the purpose and legal basis, the recipients, how
    long the data are kept (*retention_years* from the protocol), each right and how to use
    it, withdrawal, the complaint to the supervisory authority, where the protocol is
    published; and the sheet's version. The translated texts describe the Opgroeien
    standard protocol; where *terms* state the purposes, legal basis or recipients
    otherwise, the sheet gives the protocol's own (Dutch) words for them instead. Raises
    LeafletError (Dutch) for an unknown language, an unreadable language file or a text too
    long for one page."""
    folder = leaflets_dir(fonts_dir)
    texts = load_texts(folder, lang)
    values = {
        "partner": partner_name,
        "kind": _kind_text(texts, partner_kind),
        "referrer": referrer.name,
        "team": referrer.team,
        "phone": _unbroken(format_phone_national(referrer.phone)),
        "referral_id": "",
        "dpo": dpo_contact,
        "years": str(retention_years or ""),
        "version": sheet_version(lang, folder),
    }

    def text(key: str) -> str:
        return str(texts[key]).format_map(values)

    retention = "retention_years_text" if retention_years else "retention_archive_text"
    withdrawal = _withdrawal(texts, withdrawal_clause).format_map(values)

    def build(page: _Page) -> None:
        page.text(text("title"), size=18, bold=True)
        page.gap(3)
        page.text(text("intro"))
        page.section(text("controller_heading"), text("controller_text"))
        page.section(text("data_heading"), text("data_text"))
        page.section(text("to_whom_heading"), text("to_whom_text"))
        page.section(text("why_heading"), _why(terms, text))
        page.section(text("next_heading"), _next(terms, text))
        page.section(text("retention_heading"), text(retention))
        page.section(
            text("consent_heading"),
            f"{text('consent_text')} {withdrawal} {text('withdrawal_past')}",
        )
        page.section(text("rights_heading"), f"{text('rights_text')} {text('complaint_text')}")
        page.section(text("contact_heading"), f"{text('contact_text')} {text('published_text')}")
        page.gap(2)
        page.text(text("version_label"), size=8, color=_MUTED)
        page.footer(_footer_note(texts, "informatieblad"))

    return _fit(build, fonts_dir, texts, "informatieblad", None)


def _unbroken(phone: str) -> str:
    """A phone number wrapped over two lines gets misdialled: no-break spaces keep it whole."""
    return phone.replace(" ", "\u00a0")


def _written(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def render_client_receipt(referral: Referral, lang: str, fonts_dir: Path) -> bytes:
    """The receipt for the client after creating: the referral ID to quote when withdrawing,
    the date, the partner and the referrer; never the client's name or address."""
    texts = load_texts(leaflets_dir(fonts_dir), lang)
    partner, referrer = referral.partner, referral.referrer
    values = {
        "partner": partner.name,
        "kind": _kind_text(texts, partner.kind),
        "referrer": referrer.name,
        "team": referrer.team,
        "phone": _unbroken(format_phone_national(referrer.phone)),
        "referral_id": referral.referral_id,
    }

    def text(key: str) -> str:
        return str(texts[key]).format_map(values)

    def row(label: str, value: str) -> str:
        return f"{text(label)}: {value}"

    def build(page: _Page) -> None:
        page.text(text("receipt_title"), size=18, bold=True)
        page.gap(3)
        page.text(text("receipt_intro"))
        page.gap(5)
        page.text(row("receipt_id_label", referral.referral_id), size=14, bold=True)
        page.gap(1.5)
        page.text(row("receipt_date_label", _written(referral.created_at.date())))
        page.text(row("receipt_partner_label", f"{partner.name} – {values['kind']}"))
        page.text(
            row(
                "receipt_referrer_label",
                f"{referrer.name}, {referrer.team}, {values['phone']}",
            )
        )
        withdrawal = _withdrawal(texts, partner.withdrawal_clause).format_map(values)
        page.section(text("consent_heading"), f"{text('receipt_withdraw')} {withdrawal}")
        page.footer(_footer_note(texts, "bewijs voor de cliënt"))

    return _fit(build, fonts_dir, texts, "bewijs voor de cliënt", referral.created_at)
