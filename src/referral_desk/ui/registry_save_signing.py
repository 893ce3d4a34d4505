"""Signing a registry save off the GUI thread, and saying what became of the signature.

Unlocking a minisign key takes about a second of scrypt, so the signature is made in the
pool and only the finished value comes back; the file is written after it, on this thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from referral_desk.lifecycle.registry_editing import SaveReview
from referral_desk.lifecycle.registry_signing import (
    KeyUnusable,
    Signature,
    SigningFailureKind,
    UnlockableKey,
    Written,
    read_key,
    signing_failure,
)
from referral_desk.ui.background import BackgroundRunner

ShowProblem = Callable[[str, str], None]
AskPassword = Callable[[Path], "str | None"]
Write = Callable[[Path, SaveReview, Signature], bool]


class SaveSigning(QObject):
    """Signs one save at a time; ``runner.busy`` while a signature is being made.

    *ask_password* and *show_problem* are the editor's dialogs; *busy* tells the editor
    when to stop and start taking another save.
    """

    def __init__(
        self,
        parent: QObject,
        ask_password: AskPassword,
        show_problem: ShowProblem,
        busy: Callable[[bool], None],
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.runner = BackgroundRunner(self)
        self.ask_password = ask_password
        self.show_problem = show_problem
        self.busy = busy
        self.clock = clock

    def key_problem(self, unusable: KeyUnusable) -> str:
        detail = unusable.detail if unusable.detail is not None else self.tr("geen tekstbestand")
        return self.tr("De sleutel {0} is niet bruikbaar: {1}").format(unusable.path, detail)

    def sign_then_write(self, key_path: Path, path: Path, review: SaveReview, write: Write) -> bool:
        """True when the signing started; *write* gets the signature once it is made. The
        key is unlocked before anything is written: a wrong password saves nothing."""
        not_saved = self.tr(" Er is niets bewaard; uw wijzigingen staan nog open.")
        try:
            key: UnlockableKey = read_key(key_path)
        except KeyUnusable as unusable:
            self.show_problem(
                self.tr("Niet bewaard"),
                self.key_problem(unusable)
                + not_saved
                + self.tr(" Kies de sleutel opnieuw, of kies Zonder handtekening."),
            )
            return False
        password = self.ask_password(key_path) if key.encrypted else None
        if key.encrypted and password is None:
            return False
        now = self.clock()

        def signed(signature: object) -> None:
            self.busy(False)
            assert isinstance(signature, Signature)
            write(path, review, signature)

        def failed(error: BaseException) -> None:
            self.busy(False)
            failure = signing_failure(error)
            if failure.kind is SigningFailureKind.WRONG_PASSWORD:
                message = self.tr("Verkeerd wachtwoord voor de sleutel {0}.").format(key_path)
                message += not_saved + self.tr(" Kies opnieuw Opslaan als… en typ het wachtwoord.")
            elif failure.kind is SigningFailureKind.KEY_UNUSABLE:
                message = self.key_problem(KeyUnusable(key_path, failure.detail)) + not_saved
            else:
                message = self.tr("Ondertekenen mislukt ({0}).").format(failure.detail) + not_saved
            self.show_problem(self.tr("Niet ondertekend, niet bewaard"), message)

        started = self.runner.start(
            lambda: key.sign(review.text, path, password, now=now), signed, failed
        )
        if started:
            self.busy(True)
        return started

    def tell_written(self, written: Written) -> None:
        """What a coordinator must know about the signature of a file just written."""
        if written.signature_problem is not None:
            self.show_problem(
                self.tr("Bewaard, niet ondertekend"),
                self.tr(
                    "{0} is bewaard, maar de handtekening {1} kon niet geschreven worden "
                    "({2}). Zonder geldige handtekening weigeren laptops met een vertrouwde "
                    "sleutel dit register: onderteken het met referral-desk registry sign."
                ).format(written.path, written.signature, written.signature_problem),
            )
        elif written.stale_signature:
            self.show_problem(
                self.tr("Bewaard zonder handtekening"),
                self.tr(
                    "{0} is bewaard zonder handtekening; de handtekening {1} die ernaast "
                    "staat past er niet meer bij. Kies een sleutel en bewaar opnieuw, of "
                    "onderteken met: referral-desk registry sign"
                ).format(written.path, written.signature),
            )
