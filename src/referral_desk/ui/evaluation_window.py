"""Jaarlijkse evaluatie: the figures per partner and month, a bar chart, CSV and PNG export,
for this laptop and, in *Teamoverzicht*, for the team's export files merged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from referral_desk.domain.errors import UserFacingError
from referral_desk.domain.referral_record import PasswordChannel
from referral_desk.lifecycle.evaluation import (
    EvaluationPeriod,
    EvaluationTable,
    figure_lines,
    last_twelve_months,
    to_csv_bytes,
)
from referral_desk.lifecycle.evaluation_figures import (
    ExportKind,
    FiguresNotSaved,
    LoggedReferrals,
    laptop_figures,
    save_figures,
    suggested_file_name,
    typed_period,
)
from referral_desk.lifecycle.team_figures import json_files_in, read_team
from referral_desk.ui.background import BackgroundRunner
from referral_desk.ui.client_form import ERROR_STYLE
from referral_desk.ui.core_messages import worded
from referral_desk.ui.escape_key import closed_on_escape
from referral_desk.ui.evaluation_chart import EvaluationChart
from referral_desk.ui.labels import channel_label
from referral_desk.ui.questions import Answers, FolderPath, OpenFiles, Questions, SavePath


def _table_widget(parent: QWidget, name: str, accessible: str) -> QTableWidget:
    titles = column_titles()
    table = QTableWidget(0, len(titles) + len(PasswordChannel), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(
        [
            *titles,
            *(
                QCoreApplication.translate("EvaluationWindow", "Wachtwoord: {0}").format(
                    channel_label(c)
                )
                for c in PasswordChannel
            ),
        ]
    )
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_table(widget: QTableWidget, table: EvaluationTable, all_partners: str) -> None:
    """The core's lines in its order; a total line in bold."""
    lines = figure_lines(table)
    total = QCoreApplication.translate("EvaluationWindow", "totaal")
    widget.setRowCount(len(lines))
    for row, line in enumerate(lines):
        cell = line.cell
        values = [
            all_partners if line.partner_name is None else line.partner_name,
            total if line.total else cell.month,
            cell.referrals,
            cell.corrections,
            cell.withdrawals,
            cell.never_sent,
            cell.incidents,
            cell.received,
            cell.could_not_open,
            cell.incorrect_data,
            *(cell.channels.get(c, 0) for c in PasswordChannel),
        ]
        for column, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if line.total:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            widget.setItem(row, column, item)


def column_titles() -> tuple[str, ...]:
    translate = QCoreApplication.translate
    return (
        translate("EvaluationWindow", "Partner"),
        translate("EvaluationWindow", "Maand"),
        translate("EvaluationWindow", "Verstuurd"),
        translate("EvaluationWindow", "Correcties"),
        translate("EvaluationWindow", "Intrekkingen"),
        translate("EvaluationWindow", "Nooit verstuurd"),
        translate("EvaluationWindow", "Incidenten"),
        translate("EvaluationWindow", "Ontvangst bevestigd"),
        translate("EvaluationWindow", "Kon niet openen"),
        translate("EvaluationWindow", "Foutieve gegevens (art. 7)"),
    )


def _saved_line(parent: QWidget, name: str) -> QLabel:
    """Where the last export went; hidden until there is one."""
    line = QLabel(parent)
    line.setObjectName(name)
    line.setWordWrap(True)
    line.setTextFormat(Qt.TextFormat.PlainText)
    line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    line.setVisible(False)
    return line


def _summary(table: EvaluationTable) -> str:
    total = table.total()
    translate = QCoreApplication.translate
    parts = (
        translate("EvaluationWindow", "{0} verstuurd").format(total.referrals),
        translate("EvaluationWindow", "1 correctie")
        if total.corrections == 1
        else translate("EvaluationWindow", "{0} correcties").format(total.corrections),
        translate("EvaluationWindow", "{0} nooit verstuurd").format(total.never_sent),
        translate("EvaluationWindow", "1 intrekking")
        if total.withdrawals == 1
        else translate("EvaluationWindow", "{0} intrekkingen").format(total.withdrawals),
        translate("EvaluationWindow", "1 incident")
        if total.incidents == 1
        else translate("EvaluationWindow", "{0} incidenten").format(total.incidents),
        translate("EvaluationWindow", "{0} met ontvangst bevestigd").format(total.received),
        translate("EvaluationWindow", "{0} keer kon de partner niet openen").format(
            total.could_not_open
        ),
        translate("EvaluationWindow", "1 melding van foutieve gegevens")
        if total.incorrect_data == 1
        else translate("EvaluationWindow", "{0} meldingen van foutieve gegevens").format(
            total.incorrect_data
        ),
    )
    return translate("EvaluationWindow", "{0} in deze periode.").format(", ".join(parts))


class EvaluationWindow(QMainWindow):
    """*Deze laptop*: the figures of this laptop's referral log. *Teamoverzicht*: the export
    files of the team (``referral-desk evaluation export``) merged, read off the GUI thread
    since they often sit on a network share."""

    def __init__(
        self,
        referral_log: LoggedReferrals | None,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        questions: Answers | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationWindow")
        self.questions: Answers = questions or Questions()
        self.setWindowTitle(self.tr("Jaarlijkse evaluatie"))
        self.referral_log = referral_log
        self.result: EvaluationTable | None = None
        self.team_result: EvaluationTable | None = None
        self.team_files: list[Path] = []
        self.team_runner = BackgroundRunner(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("evaluationTabs")
        self.tabs.addTab(self._laptop_page(last_twelve_months(today())), self.tr("&Deze laptop"))
        self.tabs.addTab(self._team_page(), self.tr("Tea&moverzicht"))
        # Qt's own Close button: its text follows the window's language.
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.setObjectName("evaluationClose")
        self.close_buttons.rejected.connect(self.close)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.close_buttons)
        self.setCentralWidget(central)
        self.recompute()

    def _laptop_page(self, period: EvaluationPeriod) -> QWidget:
        page = QWidget(self)
        page.setObjectName("evaluationLaptopPage")
        self.date_from = QLineEdit(period.start.isoformat(), page)
        self.date_from.setObjectName("evaluationFrom")
        self.date_to = QLineEdit(period.end.isoformat(), page)
        self.date_to.setObjectName("evaluationTo")
        filters = QHBoxLayout()
        for text, edit in (
            (self.tr("&Van"), self.date_from),
            (self.tr("&Tot en met"), self.date_to),
        ):
            label = QLabel(text, page)
            label.setBuddy(edit)
            edit.setAccessibleName(text.replace("&", ""))
            edit.setPlaceholderText(self.tr("JJJJ-MM-DD"))
            edit.editingFinished.connect(self.recompute)
            filters.addWidget(label)
            filters.addWidget(edit)
        self.show_button = QPushButton(self.tr("T&oon"), page)
        self.show_button.setObjectName("evaluationShow")
        self.show_button.clicked.connect(self.recompute)
        self.csv_button = QPushButton(self.tr("&CSV exporteren…"), page)
        self.csv_button.setObjectName("evaluationCsv")
        self.csv_button.clicked.connect(self.export_csv)
        self.png_button = QPushButton(self.tr("Grafiek als &PNG…"), page)
        self.png_button.setObjectName("evaluationPng")
        self.png_button.clicked.connect(self.export_png)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        filters.addWidget(self.csv_button)
        filters.addWidget(self.png_button)
        self.message = QLabel(page)
        self.message.setObjectName("evaluationMessage")
        self.message.setWordWrap(True)
        self.saved = _saved_line(page, "evaluationSaved")
        self.table = _table_widget(page, "evaluationTable", self.tr("Cijfers per partner en maand"))
        self.chart = EvaluationChart(page)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.saved)
        layout.addWidget(splitter, 1)
        return page

    def _team_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("evaluationTeamPage")
        intro = QLabel(
            self.tr(
                "Elk teamlid maakt met 'referral-desk evaluation export' een bestand; kies die "
                "bestanden, of de map waarin ze samenkomen. Dezelfde doorverwijzing in twee "
                "bestanden telt één keer."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.files_button = QPushButton(self.tr("&Bestanden kiezen…"), page)
        self.files_button.setObjectName("teamFiles")
        self.files_button.setAccessibleName(self.tr("Evaluatiebestanden kiezen"))
        self.files_button.clicked.connect(self.pick_team_files)
        self.folder_button = QPushButton(self.tr("M&ap kiezen…"), page)
        self.folder_button.setObjectName("teamFolder")
        self.folder_button.setAccessibleName(self.tr("Map met evaluatiebestanden kiezen"))
        self.folder_button.clicked.connect(self.pick_team_folder)
        self.team_csv_button = QPushButton(self.tr("CSV e&xporteren…"), page)
        self.team_csv_button.setObjectName("teamCsv")
        self.team_csv_button.setAccessibleName(self.tr("Teamoverzicht als CSV exporteren"))
        self.team_csv_button.clicked.connect(self.export_team_csv)
        self.team_png_button = QPushButton(self.tr("Grafiek als P&NG…"), page)
        self.team_png_button.setObjectName("teamPng")
        self.team_png_button.setAccessibleName(self.tr("Grafiek van het team als PNG bewaren"))
        self.team_png_button.clicked.connect(self.export_team_png)
        for button in (self.team_csv_button, self.team_png_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.team_csv_button)
        buttons.addWidget(self.team_png_button)
        self.team_message = QLabel(self.tr("Nog geen bestanden gekozen."), page)
        self.team_message.setObjectName("teamMessage")
        self.team_message.setWordWrap(True)
        self.team_message.setTextFormat(Qt.TextFormat.PlainText)
        self.team_saved = _saved_line(page, "teamSaved")
        self.team_table = _table_widget(
            page, "teamTable", self.tr("Cijfers van het team per partner en maand")
        )
        self.team_chart = EvaluationChart(page, name="teamChart")
        self.team_chart.setAccessibleName(self.tr("Grafiek van het team per maand"))
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.team_chart)
        splitter.addWidget(self.team_table)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.team_message)
        layout.addWidget(self.team_saved)
        layout.addWidget(splitter, 1)
        return page

    def period(self) -> EvaluationPeriod | None:
        return typed_period(self.date_from.text(), self.date_to.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not closed_on_escape(self, event):
            super().keyPressEvent(event)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def say_team(self, text: str, *, error: bool = False) -> None:
        self.team_message.setStyleSheet(ERROR_STYLE if error else "")
        self.team_message.setText(text)

    def recompute(self) -> None:
        period = self.period()
        if period is None:
            self.say(
                self.tr("Geef twee datums als 2026-01-01, de eerste niet na de tweede."), error=True
            )
            return
        if self.referral_log is None:
            self.say(self.tr("Het logboek is niet beschikbaar."), error=True)
            return
        try:
            self.result = laptop_figures(self.referral_log, period)
        except UserFacingError as error:
            self.say(worded(error.said), error=True)
            return
        fill_table(self.table, self.result, self.tr("Alle partners"))
        self.chart.set_table(self.result)
        self.say(_summary(self.result))

    # --- Teamoverzicht ------------------------------------------------------------------
    def pick_team_files(self) -> None:
        asked = OpenFiles(
            "team_files",
            self.tr("Evaluatiebestanden kiezen"),
            Path.home(),
            self.tr("Evaluatiebestanden (*.json)"),
        )
        files = self.questions.open_files(self, asked)
        if files:
            self.load_team(lambda: files)

    def pick_team_folder(self) -> None:
        asked = FolderPath("team_folder", self.tr("Map met evaluatiebestanden kiezen"), Path.home())
        folder = self.questions.folder_path(self, asked)
        if folder is not None:
            self.load_team(lambda: json_files_in(folder))

    def load_team(self, files: Callable[[], list[Path]]) -> None:
        def work() -> tuple[list[Path], EvaluationTable]:
            chosen = files()
            return chosen, read_team(chosen)

        if self.team_runner.start(work, self._team_loaded, self._team_failed):
            self.files_button.setEnabled(False)
            self.folder_button.setEnabled(False)
            self.say_team(self.tr("Bestanden worden gelezen…"))

    def _team_done(self) -> None:
        self.files_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        ready = self.team_result is not None
        self.team_csv_button.setEnabled(ready)
        self.team_png_button.setEnabled(ready)

    def _team_loaded(self, outcome: object) -> None:
        assert isinstance(outcome, tuple)
        files: list[Path] = outcome[0]
        table: EvaluationTable = outcome[1]
        self.team_files = list(files)
        self.team_result = table
        fill_table(self.team_table, table, self.tr("Alle partners"))
        self.team_chart.set_table(table)
        self._team_done()
        merged = (
            self.tr("1 bestand samengevoegd.")
            if len(files) == 1
            else self.tr("{0} bestanden samengevoegd.").format(len(files))
        )
        self.say_team(f"{merged} {_summary(table)}")

    def _team_failed(self, error: BaseException) -> None:
        self._team_done()
        if not isinstance(error, UserFacingError):
            raise error
        self.say_team(
            self.tr("{0} Het vorige overzicht blijft staan.").format(worded(error.said))
            if self.team_result is not None
            else worded(error.said),
            error=True,
        )

    # --- exports ------------------------------------------------------------------------
    def _export_path(
        self, table: EvaluationTable, kind: ExportKind, suffix: str, file_filter: str
    ) -> Path | None:
        suggested = Path.home() / suggested_file_name(table, kind, suffix)
        asked = SavePath("export", self.tr("Exporteren"), suggested, file_filter)
        return self.questions.save_path(self, asked)

    def _write(self, path: Path, data: bytes, line: QLabel) -> None:
        """Said on the page's own export line: the summary above it stays."""
        try:
            save_figures(path, data)
        except FiguresNotSaved as error:
            line.setStyleSheet(ERROR_STYLE)
            line.setText(
                self.tr("{0} kon niet geschreven worden ({1}); kies een andere map.").format(
                    error.path, error.reason
                )
            )
        else:
            line.setStyleSheet("")
            line.setText(self.tr("Bewaard: {0}").format(path))
        line.setVisible(True)

    def export_csv(self) -> None:
        if self.result is None:
            return
        path = self._export_path(self.result, "evaluatie", ".csv", self.tr("CSV (*.csv)"))
        if path is not None:
            self._write(path, to_csv_bytes(self.result), self.saved)

    def export_png(self) -> None:
        if self.result is None:
            return
        path = self._export_path(
            self.result, "evaluatie", ".png", self.tr("PNG-afbeelding (*.png)")
        )
        if path is not None:
            self._write(path, self.chart.png_bytes(), self.saved)

    def export_team_csv(self) -> None:
        if self.team_result is None:
            return
        path = self._export_path(self.team_result, "teamevaluatie", ".csv", self.tr("CSV (*.csv)"))
        if path is not None:
            self._write(path, to_csv_bytes(self.team_result), self.team_saved)

    def export_team_png(self) -> None:
        if self.team_result is None:
            return
        path = self._export_path(
            self.team_result, "teamevaluatie", ".png", self.tr("PNG-afbeelding (*.png)")
        )
        if path is not None:
            self._write(path, self.team_chart.png_bytes(), self.team_saved)
