"""The referral in progress: what was typed and ticked, the partner found, the referral made,
its password, its draft, and the correction it may be. The window shows a session; the
session answers what is missing, whether a referral can be made, and what closing loses.

One per window: "Nieuwe doorverwijzing" starts over in the same session. What lasts
beyond one referral (the settings, the active registry) is kept here too, because every
answer depends on it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from referral_desk.domain.errors import Message, MessageTemplate, UserFacingError
from referral_desk.domain.partners import LookupResult, PartnerFound, PartnerRegistry
from referral_desk.domain.postcodes import Municipality
from referral_desk.domain.referral import ReferrerProfile, parse_client_form
from referral_desk.domain.referral_record import PasswordChannel, ReferralLogEntry
from referral_desk.domain.registry_document import LoadedRegistry
from referral_desk.domain.settings import Settings
from referral_desk.domain.window_fit import WindowSize
from referral_desk.lifecycle.after_sending import (
    mark_sent,
    offered_password_channels,
    record_password_channel,
)
from referral_desk.lifecycle.client_documents import (
    LeafletBlocker,
    PrintJob,
    client_receipt,
    given_sheet_version,
    information_sheet,
    leaflet_blocker,
)
from referral_desk.lifecycle.correction import (
    CorrectionRefused,
    CorrectionRoute,
    PartnerRef,
    correction_route,
    original_of,
)
from referral_desk.lifecycle.creation import (
    MadeReferral,
    MailboxChange,
    ReferralRefused,
    ReferralRequest,
    pending_mailbox_change,
)
from referral_desk.lifecycle.desk import Desk, RegistryFileToEdit, RegistryState
from referral_desk.lifecycle.discarding import (
    WindowContents,
    discard_said,
    discard_warning,
    form_has_input,
    loses_data,
)
from referral_desk.lifecycle.readiness import (
    Blocker,
    ConsentAnswers,
    ReferralInputs,
    consent_record,
    readiness_said,
    readiness_sentence,
    referral_blockers,
)
from referral_desk.lifecycle.recording import CreatedReferral, RecordingChoices, RecordOutcome
from referral_desk.storage.settings import SettingsError

ALREADY_MADE = MessageTemplate(
    "session.already_made",
    "Deze doorverwijzing is al gemaakt of wordt gemaakt; begin een nieuwe doorverwijzing.",
)
MAILBOX_CHANGE_UNCONFIRMED = MessageTemplate(
    "session.mailbox_change_unconfirmed",
    "De gewijzigde mailbox van de partner is niet bevestigd.",
)


class NotReady(UserFacingError):
    """A referral was asked for while something is still missing; nothing was made."""

    def __init__(self, blockers: tuple[Blocker, ...]) -> None:
        super().__init__(readiness_said(blockers) or ALREADY_MADE())
        self.blockers = blockers


@dataclass(frozen=True)
class Readiness:
    """The one answer to "can a referral be made now, and if not, why not"."""

    blockers: tuple[Blocker, ...]
    # A referral was made or is being made: this session makes no other.
    done: bool = False

    @property
    def can_create(self) -> bool:
        return not self.done and not self.blockers

    @property
    def said(self) -> Message | None:
        """What the window shows under the create button; None: nothing stands in the way."""
        return None if self.done else readiness_said(self.blockers)

    @property
    def sentence(self) -> str:
        """:attr:`said` in Dutch, empty when nothing stands in the way."""
        return "" if self.done else readiness_sentence(self.blockers)


@dataclass(frozen=True)
class CreationPlan:
    """A checked request, and the mailbox change the user must confirm first, if any."""

    request: ReferralRequest
    mailbox_change: MailboxChange | None


@dataclass(frozen=True)
class PasswordHandOver:
    """How the password reaches the partner: read out by phone, or agreed beforehand."""

    preshared: bool
    partner_name: str
    password_phone: str | None
    channels: tuple[PasswordChannel, ...]


class ReferralSession:
    """The window's referral in progress, on one Desk."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        # Why the settings could not be read, or not all of them; the defaults hold meanwhile.
        self.settings_said: Message | None = None
        try:
            reading = desk.settings.load_checked()
            self.settings, self.settings_said = reading.settings, reading.said
        except SettingsError as error:
            self.settings = Settings()
            self.settings_said = error.said
        self.registry_state = desk.registry()
        self._start_over()

    def _start_over(self) -> None:
        self.form: Mapping[str, str] = {}
        self.consent = ConsentAnswers()
        self.lookup: LookupResult | None = None
        self.correcting: str | None = None
        # The row being corrected, or why it could not be read (then no partner check).
        self.correcting_original: ReferralLogEntry | None = None
        self.correcting_said: Message | None = None
        self.made: MadeReferral | None = None
        self.password_channel = PasswordChannel.NOT_YET
        self.creating = False

    # --- what lasts beyond one referral ----------------------------------------------
    @property
    def profile(self) -> ReferrerProfile | None:
        return self.settings.referrer

    @property
    def registry(self) -> LoadedRegistry | None:
        """The usable registry, or None: ``registry_state`` says why."""
        return self.registry_state.loaded

    @property
    def partners(self) -> PartnerRegistry | None:
        """The partners and postcodes of the usable registry, for the tools that look up."""
        loaded = self.registry_state.loaded
        return loaded.registry if loaded is not None else None

    def apply_registry(self, state: RegistryState) -> None:
        self.registry_state = state

    def registry_saved(self, path: Path) -> bool:
        """After the editor saved *path*: reads the active registry again when *path* is the
        active one (before or after); True when the registry changed."""
        before = self.registry_state.loaded
        state = self.desk.registry()
        after = state.loaded
        active = {p.source.resolve() for p in (before, after) if p is not None}
        if path.resolve() not in active:
            return False
        self.registry_state = state
        return True

    def registry_file_to_edit(self) -> RegistryFileToEdit:
        """Raises EditorUnavailable (Dutch) when the installation cannot supply one."""
        return self.desk.file_to_edit(self.registry_state)

    @property
    def settings_problem(self) -> str | None:
        """:attr:`settings_said` in Dutch."""
        return self.settings_said.dutch if self.settings_said is not None else None

    def save_profile_said(self, profile: ReferrerProfile) -> Message | None:
        """Only the profile is written: what another window saved meanwhile stays. Returns
        why it could not be saved; the profile then holds for this window only."""
        try:
            self.settings = self.desk.settings.update({"referrer": profile})
        except SettingsError as error:
            self.settings = self.settings.model_copy(update={"referrer": profile})
            return error.said
        return None

    def save_profile(self, profile: ReferrerProfile) -> str | None:
        """:meth:`save_profile_said`, its answer in Dutch."""
        said = self.save_profile_said(profile)
        return said.dutch if said is not None else None

    def reload_settings(self) -> None:
        """Another window may have saved settings meanwhile; never save a stale copy."""
        with contextlib.suppress(SettingsError):
            self.settings = self.desk.settings.load()

    def remember_window_size(self, size: WindowSize | None) -> bool:
        """For the next start; a settings file that refuses costs only that (False)."""
        if size is None or size == self.settings.main_window_size:
            return True
        try:
            self.settings = self.desk.settings.update({"main_window_size": size})
        except SettingsError:
            return False
        return True

    def settings_saved(self, saved: object) -> None:
        """What the settings dialog saved; anything else means: read them again."""
        if isinstance(saved, Settings):
            self.settings = saved
        else:
            self.reload_settings()

    def choices(self) -> RecordingChoices:
        return RecordingChoices(
            recall_days=self.settings.recall_days, record_initials=self.settings.record_initials
        )

    # --- the referral in progress ----------------------------------------------------
    def start_over(self) -> None:
        """Empties the referral; ask :meth:`discard_question` first."""
        self._start_over()

    def type_in(self, form: Mapping[str, str], consent: ConsentAnswers) -> None:
        """What the form and the consent ticks hold right now."""
        self.form = dict(form)
        self.consent = consent

    def municipalities(self, postcode: str | None) -> tuple[Municipality, ...]:
        """The municipalities a complete postcode may mean, for the form to offer."""
        loaded = self.registry_state.loaded
        if loaded is None or postcode is None:
            return ()
        return tuple(loaded.registry.postcodes.municipalities_for(postcode))

    def look_up(self, postcode: str | None, nis_code: str | None) -> LookupResult | None:
        """The partner for a complete postcode (and the municipality chosen, if several)."""
        loaded = self.registry_state.loaded
        if loaded is None or postcode is None:
            self.lookup = None
        else:
            team = self.profile.team if self.profile else None
            self.lookup = loaded.registry.lookup(
                postcode, on=self.desk.today(), nis_code=nis_code, team=team
            )
        return self.lookup

    @property
    def found(self) -> PartnerFound | None:
        return self.lookup if isinstance(self.lookup, PartnerFound) else None

    def inputs(self) -> ReferralInputs:
        return ReferralInputs(
            registry_usable=self.registry_state.loaded is not None,
            referral_log_problem=self.desk.referral_log_problem,
            referrer=self.profile,
            form=self.form,
            lookup=self.lookup,
            consent=self.consent,
            today=self.desk.today(),
        )

    def readiness(self) -> Readiness:
        if self.made is not None or self.creating:
            return Readiness((), done=True)
        return Readiness(referral_blockers(self.inputs()))

    def leaflet_blocker(self) -> LeafletBlocker | None:
        return leaflet_blocker(self.lookup, self.profile)

    def plan(self) -> CreationPlan:
        """The request to make, once the readiness answer allows it. Raises NotReady,
        FormErrors (per field), ConsentRefused or ReferralRefused, all with Dutch messages."""
        readiness = self.readiness()
        found, profile = self.found, self.profile
        if not readiness.can_create or found is None or profile is None:
            raise NotReady(readiness.blockers)
        client = parse_client_form(self.form)
        consent = consent_record(
            self.consent,
            today=self.desk.today(),
            protocol_in_force_from=found.partner.protocol.in_force_from,
            sheet_version=given_sheet_version(self.consent.sheet_language),
            valid_days=found.partner.protocol.consent_valid_days,
        )
        change = pending_mailbox_change(found, self.desk.memory)
        request = ReferralRequest(
            client=client,
            referrer=profile,
            found=found,
            consent=consent,
            corrects=self.correcting,
        )
        return CreationPlan(request, change)

    def creation(self, plan: CreationPlan, *, change_confirmed: bool) -> Callable[[], MadeReferral]:
        """The work to run off the GUI thread; refused when a mailbox change is unconfirmed."""
        if plan.mailbox_change is not None and not change_confirmed:
            raise ReferralRefused(MAILBOX_CHANGE_UNCONFIRMED())
        request = ReferralRequest(
            client=plan.request.client,
            referrer=plan.request.referrer,
            found=plan.request.found,
            consent=plan.request.consent,
            corrects=plan.request.corrects,
            mailbox_change_confirmed=plan.mailbox_change is not None,
        )
        desk, choices = self.desk, self.choices()
        self.creating = True
        return lambda: desk.make_referral(request, choices)

    def creation_ended(self, made: MadeReferral | None) -> None:
        """The referral made, or None when it was refused or failed (the form stays)."""
        self.creating = False
        if made is not None:
            self.reload_settings()
            self.made = made

    @property
    def created(self) -> CreatedReferral | None:
        return self.made.created if self.made is not None else None

    @property
    def record(self) -> RecordOutcome | None:
        return self.made.record if self.made is not None else None

    # --- after creating --------------------------------------------------------------
    def hand_over(self) -> PasswordHandOver | None:
        made, found = self.made, self.found
        if made is None:
            return None
        phone = found.partner.password_phone if found is not None else None
        return PasswordHandOver(
            made.preshared,
            made.created.referral.partner.name,
            phone,
            offered_password_channels(phone),
        )

    def record_channel(self, channel: PasswordChannel) -> None:
        """Raises FollowUpRefused (Dutch) when the referral log refuses."""
        created = self.created
        if created is None:
            return
        self.password_channel = channel
        record_password_channel(self.desk.follow_up, created.referral_id, channel.value)

    def password_shown_as(self, channel: object) -> None:
        """The channel the window shows as chosen, recorded or not: passed on is passed on."""
        known = {c.value: c for c in PasswordChannel}
        if isinstance(channel, str) and channel in known:
            self.password_channel = known[channel]

    def confirm_sent(self) -> None:
        """Raises FollowUpRefused (Dutch) when the referral log refuses."""
        if self.created is not None:
            mark_sent(self.desk.follow_up, self.created.referral_id)

    def receipt(self, lang: str) -> PrintJob | None:
        created = self.created
        if created is None:
            return None
        return client_receipt(created, lang, self.desk.fonts_dir, self.desk.print_folder)

    def information_sheet(self, lang: str) -> PrintJob | None:
        found, profile = self.found, self.profile
        if found is None or profile is None:
            return None
        return information_sheet(found, profile, lang, self.desk.fonts_dir, self.desk.print_folder)

    # --- a correction ----------------------------------------------------------------
    def start_correction(self, referral_id: str) -> None:
        """After :meth:`start_over`: the next referral names and links the one it corrects."""
        self.correcting = referral_id
        self.read_original()

    def read_original(self) -> ReferralLogEntry | None:
        if self.correcting is None:
            return None
        try:
            self.correcting_original = original_of(self.desk.follow_up, self.correcting)
            self.correcting_said = None
        except CorrectionRefused as refused:
            self.correcting_original, self.correcting_said = None, refused.said
        return self.correcting_original

    @property
    def correcting_problem(self) -> str | None:
        """Why the row being corrected could not be read, in Dutch; None when it was."""
        return self.correcting_said.dutch if self.correcting_said is not None else None

    def route_before(self) -> CorrectionRoute | None:
        """Whether the partner for the corrected address is another one, once known."""
        found = self.found
        if self.correcting_original is None or found is None:
            return None
        partner = found.partner
        return correction_route(
            self.correcting_original, PartnerRef(partner.id, partner.name, partner.mailbox)
        )

    def route_after(self) -> CorrectionRoute | None:
        """After a correction was made: whether the first partner must be asked to delete."""
        created = self.created
        if (
            self.correcting is None
            or created is None
            or created.referral.corrects != self.correcting
        ):
            return None
        original = self.correcting_original or self.read_original()
        if original is None:
            return None
        partner = created.referral.partner
        return correction_route(
            original,
            PartnerRef(partner.partner_id, partner.name, partner.mailbox),
            created.referral_id,
        )

    # --- leaving ---------------------------------------------------------------------
    def contents(self) -> WindowContents:
        record = self.record
        return WindowContents(
            form_has_input=form_has_input(self.form),
            created=self.made is not None,
            preshared=self.made is not None and self.made.preshared,
            password_passed_on=self.password_channel is not PasswordChannel.NOT_YET,
            recall_kept=record is not None and record.recall_until is not None,
            recall_until=record.recall_until if record is not None else None,
        )

    def discard_question(self, *, closing: bool = False, today: date | None = None) -> str | None:
        """The question before emptying the window or closing it, or None: nothing is lost."""
        return discard_warning(self.contents(), closing=closing, today=today or self.desk.today())

    def discard_said(self, *, closing: bool = False) -> Message | None:
        """:meth:`discard_question` as a message, for the window to word."""
        return discard_said(self.contents(), closing=closing, today=self.desk.today())

    def loses_data(self) -> bool:
        return loses_data(self.contents())
