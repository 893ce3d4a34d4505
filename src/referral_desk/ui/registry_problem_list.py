"""What is still wrong with the registry being edited, as a bounded, scrolling list."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

from referral_desk.domain.registry_problems import RegistryProblem
from referral_desk.ui.client_form import ERROR_STYLE

_SHOWN_PROBLEMS = 10
_DETAIL_STYLE = "color: #5f6368;"  # 6:1 on the window background


class RegistryProblemList(QScrollArea):
    """However many problems, the list scrolls inside a strip of 5 to 12 lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registryProblemsArea")
        self.label = QLabel(self)
        self.label.setObjectName("registryProblems")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet(ERROR_STYLE)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(self.label)
        self.setAccessibleName(self.tr("Nog niet in orde"))
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * 5)
        self.setMaximumHeight(line * 12)

    def show_problems(self, problems: Sequence[RegistryProblem]) -> None:
        """Each problem as a Dutch sentence, its line and field below it in grey for IT."""
        self.setVisible(bool(problems))
        self.label.setVisible(bool(problems))
        if not problems:
            self.label.setText("")
            self.label.setToolTip("")
            return
        shown = problems[:_SHOWN_PROBLEMS]
        items = "".join(
            f"<li>{escape(p.sentence)}<br><span style='{_DETAIL_STYLE}'>"
            f"{escape(self._detail(p))}</span></li>"
            for p in shown
        )
        more = len(problems) - len(shown)
        if more > 0:
            items += "<li>" + escape(self.tr("… en nog {0}").format(more)) + "</li>"
        self.label.setText("<b>" + escape(self.tr("Nog niet in orde:")) + f"</b><ul>{items}</ul>")
        self.label.setToolTip("\n".join(p.where for p in problems))

    def _detail(self, problem: RegistryProblem) -> str:
        if problem.line:
            return self.tr("regel {0} · {1}").format(problem.line, problem.field)
        return problem.field
