"""What the registry editor shows: the partners on the left, the header and one partner on
the right. The editor (:mod:`referral_desk.ui.registry_editor`) fills it and acts on it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from referral_desk.lifecycle.registry_partner_entry import PartnerEntry
from referral_desk.ui.partner_form import PartnerForm
from referral_desk.ui.registry_header_box import RegistryHeaderBox
from referral_desk.ui.registry_partner_list import PartnerList
from referral_desk.ui.registry_problem_list import RegistryProblemList
from referral_desk.ui.wrapping_scroll import WrappingScrollArea


class RegistryEditorView(QWidget):
    """A push button under the list per action in *actions* (name, text with its & key,
    action); *entry* is what the partner form's fields mean."""

    def __init__(
        self,
        actions: Sequence[tuple[str, str, QAction]],
        entry: PartnerEntry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        left = self._build_partner_side(actions)
        self.header_box = RegistryHeaderBox(self)
        self.form = PartnerForm(entry, self)
        self.form.setEnabled(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.header_box)
        right_layout.addWidget(self.form)
        right_layout.addStretch(1)
        # The form grows with its messages (a new partner has many); it scrolls instead of
        # pushing the window past the screen.
        self.form_area = WrappingScrollArea(self)
        self.form_area.setObjectName("registryFormArea")
        self.form_area.setWidget(right)
        self.form_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(self.splitter)

        chain: list[QWidget] = [
            self.search,
            self.partner_table,
            *self.buttons_by_name.values(),
            self.problems_area,  # arrow keys scroll a long list of problems
            self.header_box.version_edit,
            self.header_box.date_edit,
            self.header_box.changed_by_edit,
            self.header_box.choose_key_button,
            self.header_box.no_key_button,
            self.form.editors["id"],
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_partner_side(self, actions: Sequence[tuple[str, str, QAction]]) -> QWidget:
        left = QWidget(self)
        self.search = QLineEdit(left)
        self.search.setObjectName("registrySearch")
        self.search.setPlaceholderText(self.tr("Zoek op naam, id, mailbox, postcode of gemeente"))
        self.search.setAccessibleName(self.tr("Zoeken in partners"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Zoeken"), left)
        search_label.setBuddy(self.search)
        self.partner_table = PartnerList(left)
        self.problems_area = RegistryProblemList(left)

        self.buttons_by_name: dict[str, QPushButton] = {}
        # Two by two: four in a row was wider than the list in a longer language.
        buttons = QGridLayout()
        for index, (name, text, action) in enumerate(actions):
            # A push button, not a tool button: it takes Tab focus and its & key works.
            button = QPushButton(text, left)
            button.setObjectName(f"registryButton_{name}")
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self.buttons_by_name[name] = button
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)

        layout = QVBoxLayout(left)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search)
        layout.addLayout(search_row)
        layout.addWidget(self.partner_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.problems_area, 1)
        return left

    def split(self, width: int) -> None:
        """The list a little wider than the form."""
        self.splitter.setSizes([width * 11 // 20, width * 9 // 20])
