"""What every view of the Trace has in common.

A view is told which step to show and how far the step's animation has got:
``show_step(step, progress)`` — ``step`` counts the inputs fed so far (0 = nothing yet, memory at its
initial value; k = the state after x^k), ``progress`` runs from 0 to 1 through the animation of that
step (1 = settled). Views read the numbers from ``session.trace``; they never compute them and never
talk to each other. Edits go back through signals that the main window turns into undo commands.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def legend_label() -> QLabel:
    """The word-wrapped key under a drawing, never smaller than 10 pt."""
    legend = QLabel()
    legend.setWordWrap(True)
    font = legend.font()
    font.setPointSizeF(max(10.0, font.pointSizeF()))
    legend.setFont(font)
    legend.setContentsMargins(8, 2, 8, 4)
    return legend


def stack_without_margins(owner: QWidget, first: QWidget, *rest: QWidget) -> QVBoxLayout:
    """``first`` taking the height, the others below it at their natural height, edge to edge."""
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(first, 1)
    for widget in rest:
        layout.addWidget(widget)
    return layout


class StepView(QWidget):
    #: the user clicked a value and asks "why is it this?": (layer or -1 for the output layer,
    #: quantity, unit, direction)
    explain_requested = Signal(int, str, int, str)
    #: the user set a weight: (parameter key, flat index into the parameter, new value)
    weight_edit_requested = Signal(str, int, float)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.step = 0
        self.progress = 1.0
        # A click on a view takes the keyboard focus from the sequence table, so → steps again.
        self.setFocusPolicy(Qt.StrongFocus)

    def rebuild(self) -> None:
        """The network's architecture changed (or a project was opened): rebuild what is drawn."""

    def show_step(self, step: int, progress: float = 1.0) -> None:
        self.step, self.progress = step, progress
        self.update()

    def retranslate(self) -> None:
        """Relabel after a language switch."""

    def set_dark(self, dark: bool) -> None:
        """Follow the light/dark theme."""
