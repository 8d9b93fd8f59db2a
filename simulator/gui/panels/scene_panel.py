"""The scene panel: what the open scene shows and what to try, in the UI language.

Shows the scene's title, its explanation (``settings["explanation"]``, else the project description)
and the suggested steps (``settings["steps_hint"]``), each a {"en": …, "zh": …} text. A project
without them (a user's own network) gets a short hint instead of an empty panel.

The lead adds it as a dock with ``ScenePanel(session, window.language)`` and calls
``panel.set_language(window.language)`` from the window's retranslate — or uses
``install_scene_panel(window)``, which does both.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDockWidget, QLabel, QScrollArea, QVBoxLayout, QWidget

from .. import i18n


class ScenePanel(QWidget):
    def __init__(self, session, language: str = "en", parent=None):
        super().__init__(parent)
        self.session = session
        self.language = language
        self._zoom = 1.0
        self.title = QLabel()
        self.title.setObjectName("scene_title")
        self.explanation = QLabel()
        self.explanation.setObjectName("scene_explanation")
        self.steps_heading = QLabel()
        self.steps = QLabel()
        self.steps.setObjectName("scene_steps")
        for label in (self.title, self.explanation, self.steps_heading, self.steps):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(10, 8, 10, 8)
        inner.setSpacing(6)
        inner.addWidget(self.title)
        inner.addWidget(self.explanation)
        inner.addSpacing(4)
        inner.addWidget(self.steps_heading)
        inner.addWidget(self.steps)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._apply_fonts()
        session.project_changed.connect(self.refresh)
        self.refresh()

    # -- public ------------------------------------------------------------------------------------
    def set_language(self, language: str):
        self.language = language
        self.refresh()

    def retranslate(self):
        self.refresh()

    def set_zoom(self, factor: float):
        self._zoom = float(factor)
        self._apply_fonts()

    def texts(self) -> tuple[str, str, str]:
        """(title, explanation, steps) as shown — for tests and export."""
        return self.title.text(), self.explanation.text(), self.steps.text()

    # -- internals ---------------------------------------------------------------------------------
    def _apply_fonts(self):
        base = QFont(self.font())
        size = max(base.pointSizeF(), 9.0) * self._zoom
        title = QFont(base)
        title.setPointSizeF(size * 1.35)
        title.setBold(True)
        self.title.setFont(title)
        body = QFont(base)
        body.setPointSizeF(size * 1.1)
        self.explanation.setFont(body)
        self.steps.setFont(body)
        heading = QFont(base)
        heading.setPointSizeF(size * 1.1)
        heading.setBold(True)
        self.steps_heading.setFont(heading)

    def refresh(self):
        project = self.session.project
        if project is None:
            return
        settings = project.settings if isinstance(project.settings, dict) else {}
        self.title.setText(readable(i18n.scene_text(project.title, self.language)) or project.name)
        explanation = settings.get("explanation")
        text = (i18n.scene_text(explanation, self.language) if isinstance(explanation, dict)
                else i18n.scene_text(project.description, self.language))
        self.explanation.setText(readable(text) or self.tr("Your own network: press → to feed the inputs one step at a "
                                                 "time and click any value to see how it was computed."))
        hint = settings.get("steps_hint")
        hint_text = i18n.scene_text(hint, self.language) if isinstance(hint, dict) else ""
        self.steps_heading.setText(self.tr("Try this"))
        self.steps.setText(readable(hint_text))
        self.steps_heading.setVisible(bool(hint_text))
        self.steps.setVisible(bool(hint_text))

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.refresh()
        super().changeEvent(event)


class _LanguageFollower(QObject):
    """Tells the panel the window's language whenever the application's translation changes."""

    def __init__(self, window, panel: ScenePanel):
        super().__init__(window)
        self.window, self.panel = window, panel
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if watched is self.window and event.type() == QEvent.LanguageChange:
            self.panel.set_language(self.window.language)
            dock = getattr(self.window, "scene_dock", None)
            if dock is not None:
                dock.setWindowTitle(QCoreApplication.translate("ScenePanel", "About this scene"))
        return False


_SUPERSCRIPT = dict(zip("0123456789t−-+n()", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵗ⁻⁻⁺ⁿ⁽⁾"))


def readable(text: str) -> str:
    """Scene texts write exponents as the lecture's LaTeX does, a^{t−1}, x^t, w^999; on screen they read
    as superscripts (aᵗ⁻¹, xᵗ, w⁹⁹⁹) wherever every character has a superscript form."""
    import re

    def lift(match):
        body = match.group(1) or match.group(2)
        return "".join(_SUPERSCRIPT[ch] for ch in body) if all(ch in _SUPERSCRIPT for ch in body) else match.group(0)

    return re.sub(r"\^\{([^{}]+)\}|\^([0-9t]+)", lift, text or "")


def install_scene_panel(window, area=Qt.RightDockWidgetArea) -> QDockWidget:
    """A "About this scene" dock on ``window`` that follows its session and language."""
    panel = ScenePanel(window.session, window.language)
    dock = QDockWidget(window)
    dock.setObjectName("dock_scene")
    dock.setWidget(panel)
    dock.setWindowTitle(QCoreApplication.translate("ScenePanel", "About this scene"))
    dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                     | QDockWidget.DockWidgetClosable)
    window.addDockWidget(area, dock)
    if hasattr(window, "menu_panels"):
        window.menu_panels.addAction(dock.toggleViewAction())
    window.scene_panel, window.scene_dock = panel, dock
    window._scene_panel_follower = _LanguageFollower(window, panel)
    return dock
