"""The main window's two print buttons: the information sheet and the client's receipt.

What is printed, where it is saved and how it is opened is the core's
(lifecycle/client_documents); this part runs it off the GUI thread and says what went wrong.
Texts are in the MainWindow context of the catalog, as the window they belong to.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from referral_desk.ui.core_messages import worded
from referral_desk.ui.failure_dialog import report_unexpected_failure
from referral_desk.ui.plain_message import plain_box

if TYPE_CHECKING:
    from referral_desk.lifecycle.client_documents import PrintJob
    from referral_desk.lifecycle.session import ReferralSession
    from referral_desk.ui.background import BackgroundRunner
    from referral_desk.ui.consent_panel import ConsentPanel


class PrintActions(QMainWindow if TYPE_CHECKING else object):  # type: ignore[misc]
    """Part of MainWindow: the information sheet and the receipt, rendered and opened."""

    session: ReferralSession
    consent_panel: ConsentPanel
    printing: BackgroundRunner

    def print_folder(self) -> Path:
        return self.session.desk.print_folder

    def leaflet_unavailable(self) -> str | None:
        """Why the information sheet cannot be made yet, in words, or None."""
        from referral_desk.lifecycle.client_documents import LeafletBlocker

        why = self.session.leaflet_blocker()
        if why is LeafletBlocker.NO_PARTNER:
            return QCoreApplication.translate(
                "MainWindow",
                "Het informatieblad noemt de partner: vul eerst een postcode in waarvoor een "
                "partner gevonden wordt.",
            )
        if why is LeafletBlocker.NO_PROFILE:
            return QCoreApplication.translate(
                "MainWindow",
                "Het informatieblad noemt u als contactpersoon: vul eerst uw aanmelderprofiel "
                "in (menu Profiel).",
            )
        return None

    def open_leaflet(self) -> None:
        job = self.session.information_sheet(self.consent_panel.language_code())
        if job is not None:
            title = QCoreApplication.translate("MainWindow", "Informatieblad niet geopend")
            self._print(job, title)

    def open_receipt(self) -> None:
        job = self.session.receipt(self.consent_panel.language_code())
        if job is not None:
            title = QCoreApplication.translate("MainWindow", "Bewijs voor de cliënt niet geopend")
            self._print(job, title)

    def _print(self, job: PrintJob, title: str) -> None:
        """Render, save and hand the PDF to the default viewer, all off the GUI thread."""
        from referral_desk.domain.errors import UserFacingError
        from referral_desk.lifecycle.client_documents import (
            NotOpened,
            Printed,
            print_document,
            viewer_name,
        )

        def no_viewer(saved: Path) -> str:
            return QCoreApplication.translate(
                "MainWindow",
                "Er is geen programma gevonden dat PDF-bestanden opent ({0}). Het bestand staat "
                "klaar als {1}: open en druk het daar af.",
            ).format(viewer_name(), saved)

        def show(message: str) -> None:
            box = plain_box(self, QMessageBox.Icon.Warning, title, message)
            box.setObjectName("printProblem")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        def printed(result: object) -> None:
            if isinstance(result, Printed) and not result.shown:
                show(no_viewer(result.saved))

        def failed(error: BaseException) -> None:
            if isinstance(error, UserFacingError):
                message = worded(error)
            elif isinstance(error, NotOpened):
                message = no_viewer(error.saved)
            elif isinstance(error, OSError):
                message = QCoreApplication.translate(
                    "MainWindow",
                    "Het bestand kon niet bewaard worden in {0} ({1}). Controleer of die map "
                    "beschrijfbaar is en probeer opnieuw.",
                ).format(job.target.parent, error.strerror or type(error).__name__)
            else:
                report_unexpected_failure(
                    self,
                    error,
                    where="client document",
                    outcome=QCoreApplication.translate(
                        "MainWindow", "Er is niets afgedrukt. Het venster is onveranderd."
                    ),
                )
                return
            show(message)

        self.printing.start(lambda: print_document(job), printed, failed)
