"""Real bundled partners and fake side effects for the Qt-free lifecycle tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import ClassVar

from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import DraftResult
from referral_desk.domain.partners import Partner, PartnerFound, PartnerRegistry
from referral_desk.domain.postcodes import PostcodeTable
from referral_desk.domain.referral import Consent, ReferrerProfile, SheetGiven, parse_client_form
from referral_desk.lifecycle.creation import ReferralRequest
from referral_desk.lifecycle.desk import Desk as RealDesk
from referral_desk.lifecycle.recording import RecordingChoices
from referral_desk.registry.parsing import load_registry_text
from referral_desk.storage.outbox import Outbox
from referral_desk.storage.password_vault import PasswordVault
from referral_desk.storage.referral_log import ReferralLog
from referral_desk.storage.settings import SettingsStore
from tests.memory_keyring import MemoryKeyring

ROOT = Path(__file__).parents[1]
TABLE = PostcodeTable.load_bundled(ROOT / "resources")
BUNDLED = (ROOT / "config" / "partners.toml").read_text("utf-8")
FONTS = ROOT / "resources" / "fonts"
CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 29, 10, 30, tzinfo=CET)
TODAY = NOW.date()

CANARY = "Qzxkwv"
CANARY_FORM = {
    "first_name": f"{CANARY}voornaam",
    "last_name": f"{CANARY}achternaam",
    "street": f"{CANARY}straat",
    "house_number": "48173QZXW",
    "box": "QZXW7",
    "postcode": "3970",
    "municipality": "Leopoldsburg",
    "phone": "0470 98 76 54",
    "email": f"{CANARY.lower()}.post@example.be",
}
PROFILE = ReferrerProfile(
    name="Sofie Janssens",
    team="Kind en Gezin West-Limburg",
    phone="011 12 34 56",
    email="sofie.janssens@kindengezin.be",
)


def registry(text: str = BUNDLED) -> PartnerRegistry:
    document = load_registry_text(text, TABLE, file="partners.toml")
    return PartnerRegistry(document.partners, TABLE, version=document.registry_version)


def found(partner_update: dict[str, object] | None = None) -> PartnerFound:
    result = registry().lookup("3970", on=TODAY, team=PROFILE.team)
    assert isinstance(result, PartnerFound)
    if partner_update:
        partner = Partner.model_validate({**result.partner.model_dump(), **partner_update})
        return PartnerFound(partner, result.municipality, registry_version=result.registry_version)
    return result


def consent(day: date = TODAY) -> Consent:
    return Consent(
        informed=True,
        consented=True,
        recorded_on=day,
        sheet_language="nl",
        sheet_version="nl-00000000",
        sheet_given=SheetGiven.HANDED_OVER,
    )


def request(**changes: object) -> ReferralRequest:
    values: dict[str, object] = {
        "client": parse_client_form(CANARY_FORM),
        "referrer": PROFILE,
        "found": found(),
        "consent": consent(),
    }
    values.update(changes)
    return ReferralRequest(**values)  # type: ignore[arg-type]


@dataclass
class RecordingMail:
    """A mail adapter that records drafts, or raises what it is told to."""

    raises: BaseException | None = None
    drafts: list[DraftMessage] = field(default_factory=list)
    name: str = "fake"
    label: str = "nep"
    # False: like the eml-only adapter, the draft is kept but no mail client shows it.
    opened: bool = True

    def open_draft(self, draft: DraftMessage, workdir: Path) -> DraftResult:
        if self.raises is not None:
            raise self.raises
        self.drafts.append(draft)
        return DraftResult(opener=self.name, eml_path=None, opened=self.opened)


@dataclass
class MemoryMailboxes:
    last: dict[str, str] = field(default_factory=dict)

    def last_mailbox(self, nis_code: str) -> str | None:
        return self.last.get(nis_code)

    def remember_mailbox(self, nis_code: str, mailbox: str) -> None:
        self.last[nis_code] = mailbox


@dataclass(frozen=True)
class Desk(RealDesk):
    """The real Desk with everything under one folder, a fixed clock, a fixed password and
    ID, an in-memory keyring and a mail client that records drafts."""

    mail: RecordingMail
    memory: MemoryMailboxes = field(default_factory=MemoryMailboxes)
    root: Path = Path()
    keyring: MemoryKeyring = field(default_factory=MemoryKeyring)

    choices: ClassVar[RecordingChoices] = RecordingChoices(recall_days=30, record_initials=False)

    def written_files(self) -> list[Path]:
        return sorted(p for p in (self.root / "outbox").rglob("*") if p.is_file())


def desk_at(root: Path, mail: RecordingMail | None = None) -> Desk:
    """The one desk every lifecycle test uses (the ``desk`` fixture: under tmp_path)."""
    keyring = MemoryKeyring()
    return Desk(
        clock=lambda: NOW,
        outbox=Outbox(root / "outbox"),
        mail=mail or RecordingMail(),
        fonts_dir=FONTS,
        settings=SettingsStore(root / "settings.json"),
        referral_log=ReferralLog.open(root / "log.sqlite3", clock=lambda: NOW),
        vault=PasswordVault(keyring, clock=lambda: NOW),
        memory=MemoryMailboxes(),
        new_password=lambda: "ABCD-EFGH-JKLM-NPQR-STUV",
        new_id=lambda year: f"KG-{year}-ACDEFG",
        root=root,
        keyring=keyring,
    )
