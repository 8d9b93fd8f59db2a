"""Drives the views through a step: progress 0 → 1 over the animation duration after each → press.

The clock is a QVariantAnimation (wall time) in the app; export (a later part) drives ``show_step``
itself from a virtual clock, so exported frames never depend on timing.
"""
from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation


class StepAnimator(QObject):
    def __init__(self, session, views_provider, parent=None):
        super().__init__(parent)
        self.session = session
        self.views_provider = views_provider   # () -> the views to drive
        self.duration_ms = 600
        self._shown_step = session.step
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Linear)
        self._animation.valueChanged.connect(self._on_progress)
        session.step_changed.connect(self._on_step)
        session.trace_changed.connect(self.redraw)

    def set_duration(self, ms: int) -> None:
        self.duration_ms = max(0, int(ms))

    def is_running(self) -> bool:
        return self._animation.state() == QVariantAnimation.Running

    def _on_step(self, step: int) -> None:
        forward_by_one = step == self._shown_step + 1
        self._shown_step = step
        self._animation.stop()
        if forward_by_one and self.duration_ms > 0:
            self._animation.setDuration(self.duration_ms)
            self._show(step, 0.0)
            self._animation.start()
        else:  # back, jumps and instant mode: show the settled state at once
            self._show(step, 1.0)

    def _on_progress(self, value) -> None:
        self._show(self._shown_step, float(value))

    def finish(self) -> None:
        """Jump to the end of a running animation (e.g. before a screenshot)."""
        if self.is_running():
            self._animation.stop()
            self._show(self._shown_step, 1.0)

    def redraw(self) -> None:
        self._shown_step = self.session.step
        self._animation.stop()
        self._show(self.session.step, 1.0)

    def _show(self, step: int, progress: float) -> None:
        for view in self.views_provider():
            view.show_step(step, progress)
