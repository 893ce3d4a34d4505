"""The registry's partners as a list to pick one from; the editor decides what is in it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class PartnerList(QTableWidget):
    """One row per partner, in file order; the row's index is kept in its first cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        headers = (
            self.tr("Id"),
            self.tr("Naam"),
            self.tr("Soort"),
            self.tr("Mailbox"),
            self.tr("Postcodes"),
            self.tr("Sinds"),
            self.tr("Beëindigd"),
        )
        self.setObjectName("partnerTable")
        self.setAccessibleName(self.tr("Partners"))
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Arrow keys move through the partners; Tab leaves the list for the buttons below it.
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def current_index(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def show_rows(self, rows: Sequence[Sequence[str]]) -> None:
        """Every partner's cells, without announcing a selection change."""
        self.blockSignals(True)
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            self.fill_row(row, cells)
        self.blockSignals(False)

    def fill_row(self, row: int, cells: Sequence[str]) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.setItem(row, column, item)

    def refresh_row(self, row: int, cells: Sequence[str]) -> None:
        """One partner's cells while it stays selected; the form is not reloaded."""
        self.blockSignals(True)
        self.fill_row(row, cells)
        self.selectRow(row)
        self.blockSignals(False)

    def show_found(self, found: Sequence[bool]) -> None:
        for row, shown in enumerate(found):
            self.setRowHidden(row, not shown)
