"""The "why is this number what it is?" panel: the arithmetic of the clicked value, with its numbers."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from simulator.model.explain import explain


class ExplainPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._request = None  # (layer, quantity, unit, direction) of the last click
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.body = QLabel()
        self.body.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        font = QFont(self.body.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.body.setFont(font)
        self.heading.setMinimumWidth(230)
        self.heading.setMaximumWidth(320)
        self.heading.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        # A wide strip under the views: a formula reads best on one line, as the lecture writes it.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        session.step_changed.connect(lambda _step: self.refresh())
        session.trace_changed.connect(self.refresh)
        session.project_changed.connect(self.clear)
        self.retranslate()

    def retranslate(self):
        self.heading.setToolTip(self.tr("Click any value in a view to see how it was computed"))
        self.refresh()

    def clear(self):
        self._request = None
        self.refresh()

    def show_explanation(self, layer: int, quantity: str, unit: int, direction: str = "forward", t: int | None = None):
        self._request = (layer, quantity, unit, direction, t)
        self.refresh()

    def text(self) -> str:
        return self.body.text()

    def refresh(self):
        session = self.session
        if self._request is None:
            self.heading.setText(self.tr("Why is this number what it is?"))
            self.body.setText(self.tr("Click a neuron, a memory box or a gate to see its arithmetic "
                                      "with the actual numbers."))
            return
        layer, quantity, unit, direction, fixed_t = self._request
        step = session.step if fixed_t is None else fixed_t + 1
        if session.trace is None or step < 1:
            self.heading.setText(self.tr("Why is this number what it is?"))
            self.body.setText(self.tr("Nothing has been fed yet: press → to feed x¹."))
            return
        t = step - 1
        try:
            result = explain(session.network, session.trace, t, None if layer < 0 else layer, quantity, unit,
                             direction)
        except (KeyError, IndexError, ValueError):
            self.body.setText(self.tr("This value cannot be explained for the current network."))
            return
        self.heading.setText(self.tr("{symbol} at step t = {t}").format(symbol=result.symbol, t=step))
        self.body.setText(" ".join(result.lines))
