"""Presentation mode (F5; Esc leaves): the current view full screen, type for a projector, and the
current step's formula large in a band at the bottom.

It is a *mode of the main window*, not a separate full-screen widget that borrows the view. The views
live in the window's lazily filled tab widget and are driven by the window's StepAnimator; lifting one
out and putting it back would have to replay the tab bookkeeping (tabs are swapped in on first show),
keep the animator, the explanation signals and the undo stack wired, and would lose the other views.
Hiding chrome and restoring it afterwards keeps every view exactly where it is, and the window's own
``saveState``/``saveGeometry`` restore the docks (visible, floating, sizes) and the geometry exactly.

While presenting, an application-wide event filter owns the clicker's keys, whatever has the focus:

    PageDown / → / Space / ↓   next step          PageUp / ← / ↑ / Shift+Space   step back
    Home / End                 first / last step   B or .   blank the screen (black); again to show
    D                          dark / light theme  Ctrl+= / Ctrl+−   larger / smaller type, Ctrl+0 reset
    1 … 9                      show view n          P   play / pause              Esc   leave

A step key on the blank screen only un-blanks it (as PowerPoint does), so no step is missed unseen.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (QApplication, QDockWidget, QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolBar,
                               QVBoxLayout, QWidget)

from simulator.model.explain import SUPERSCRIPTS, explain, num

#: the smallest text in presentation mode at 1080 lines, in px (scaled with the window's height)
SMALLEST_TEXT_PX_AT_1080 = 20.0
STATUS_SCALE = 1.2            # "step t / T · xᵗ = …" relative to the smallest text
FORMULA_SCALES = (1.8, 1.6, 1.4, 1.2, 1.0)   # the formulas' sizes, the largest that fits first
ZOOM_STEP = 1.15
MIN_ZOOM, MAX_ZOOM = 0.5, 3.0
HINT_MS = 6000                # the key hint shows this long after entering
MAX_SHOWN_INPUTS = 8          # a longer input vector is shown as its first entries and "…"

NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down}
BACK_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up}
BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
ZOOM_IN_KEYS = {Qt.Key.Key_Equal, Qt.Key.Key_Plus}
ZOOM_OUT_KEYS = {Qt.Key.Key_Minus, Qt.Key.Key_Underscore}
#: views whose zoom magnifies the whole drawing, which already fills the view (its type grows with the
#: screen); the others (cell, heatmaps) read zoom as the floor of their type: × 11 pt
FIT_TO_VIEW = {"network", "unrolled"}
VIEW_KEYS = {getattr(Qt.Key, f"Key_{n}"): n - 1 for n in range(1, 10)}

#: the band's colours: black on white and white on black, as high-contrast as a projector allows
BAND_COLORS = {False: ("#ffffff", "#000000", "#3a3f47"), True: ("#000000", "#ffffff", "#c8ced6")}


def _superscript(n: int) -> str:
    return str(n).translate(SUPERSCRIPTS)


def _one_line(lines: list[str]) -> str:
    """explain()'s lines on one line: "= …" continues a statement, anything else starts the next one
    ("z₁ = 3·a₁ = 0,  y₁ = e^z₁ / Σ e^z = 0.04")."""
    text = lines[0]
    for line in lines[1:]:
        text += (" " if line.startswith("=") else ",   ") + line
    return text


def formula_lines(session) -> list[tuple[str, str]]:
    """The current step's formulas as (full, short) one-line texts; short leaves out the middle line.

    LSTM: the memory c′ and the output a of the (top) cell's first unit; GRU: a′; the other networks:
    the first hidden unit's sum and the output y₁'s sum. Before x¹ only the symbolic formulas.
    """
    trace = session.trace
    if trace is None or not trace.layers:
        return []
    network, step = session.network, session.step
    t = max(step, 1) - 1
    slot_line = _slot_line(session, t) if step > 0 else None
    if slot_line is not None:
        return [(slot_line, slot_line)]
    top = len(trace.layers) - 1
    kind = trace.layers[top].kind
    if kind == "lstm":
        requests = [(top, "c"), (top, "a")]
    else:
        requests = [(top, "a")]
        if network.head.activation != "identity":
            requests.append((None, None))
    lines = []
    for layer, quantity in requests:
        try:
            result = explain(network, trace, t, layer, quantity, 0, "forward")
        except (KeyError, IndexError, ValueError):
            continue
        if step == 0:  # nothing fed yet: the rule, without numbers of a step that has not happened
            lines.append((result.lines[0], result.lines[0]))
            continue
        full = _one_line(result.lines)
        short = _one_line([result.lines[0], result.lines[-1]]) if len(result.lines) > 2 else full
        lines.append((full, short))
    return lines


def _slot_line(session, t: int) -> str | None:
    """For a slot-filling model, the step's answer instead of a unit's sum: "y⁴ = softmax(…): arrival
    time 99.9 %  (next: departure time 0.1 %)" — what the lecture's example is about."""
    from simulator.gui.views.slot_view import slot_title
    from simulator.model import slot_filling

    if slot_filling.model_of(session.project)[0] is None:
        return None
    probabilities = session.trace.outputs[t, 0]
    order = probabilities.argsort()[::-1]

    def named(index) -> str:
        return f"{slot_title(slot_filling.SLOTS[int(index)])} {100 * probabilities[index]:.1f} %"

    return f"y{_superscript(t + 1)} = softmax(W·a{_superscript(t + 1)} + b):  {named(order[0])}   ({named(order[1])})"


def input_text(session) -> str:
    """xᵗ of the current step as the lecture writes it: x⁶ = (1, 0, 1) (or its word, for a sentence)."""
    step, trace = session.step, session.trace
    if trace is None or step < 1:
        return ""
    name = f"x{_superscript(step)}"
    project = session.project
    if getattr(project, "text", None):
        from simulator.errors import UserInputError
        from simulator.io.sequence import tokenize_text

        try:
            tokens = tokenize_text(project.text)
        except UserInputError:  # a sentence that does not tokenize still shows its vector
            tokens = []
        if len(tokens) == session.steps:
            return f"{name} = “{tokens[step - 1]}”"
    values = [num(v) for v in trace.inputs[step - 1, 0]]
    shown = values[:MAX_SHOWN_INPUTS] + (["…"] if len(values) > MAX_SHOWN_INPUTS else [])
    return f"{name} = ({', '.join(shown)})"


class FormulaBand(QFrame):
    """The band under the view: "step t / T · xᵗ = …" and the step's formulas, large."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("presentationBand")
        self.session = session
        self.dark = False
        self.smallest_px = SMALLEST_TEXT_PX_AT_1080
        self.status = QLabel()
        self.status.setObjectName("presentationStatus")
        self.hint = QLabel()
        self.hint.setObjectName("presentationHint")
        self.hint.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.hint.setMinimumWidth(1)   # never widens the band: it is shown only where it fits
        self.hint.setProperty("wanted", False)   # shown for a while after entering (show_hint)
        self.formulas: list[QLabel] = []
        self._texts: list[tuple[str, str]] = []
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.status, 1)
        top.addWidget(self.hint)
        self._formula_layout = QVBoxLayout()
        self._formula_layout.setContentsMargins(0, 0, 0, 0)
        self._formula_layout.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(self._formula_layout)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self.setAutoFillBackground(True)

        slots = ((session.step_changed, self._on_session), (session.trace_changed, self._on_session),
                 (session.project_changed, self._on_session))
        for signal, slot in slots:
            signal.connect(slot)
        self.destroyed.connect(lambda *_: [signal.disconnect(slot) for signal, slot in slots])
        self.set_dark(False)
        self.retranslate()

    def _on_session(self, *_):
        if self.isVisible():
            self.refresh()

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self):
        self.hint.setText(self.tr("Esc leaves · B blanks · D dark · Ctrl+= / Ctrl+− type size"))
        self.hint.setToolTip(self.tr("The keys of presentation mode; a clicker's Page Down / Page Up step"))
        self.refresh()

    def set_dark(self, dark: bool):
        self.dark = bool(dark)
        background, text, muted = BAND_COLORS[self.dark]
        palette = self.palette()
        palette.setColor(QPalette.Window, QColor(background))
        palette.setColor(QPalette.WindowText, QColor(text))
        self.setPalette(palette)
        rule = "#555b66" if self.dark else "#9aa3ae"
        self.setStyleSheet(f"#presentationBand {{ background: {background}; border-top: 2px solid {rule}; }}"
                           f" QLabel {{ color: {text}; background: transparent; }}"
                           f" #presentationHint {{ color: {muted}; }}")

    def set_smallest_px(self, px: float):
        self.smallest_px = max(10.0, float(px))
        self._apply_fonts()

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(px)))
        font.setBold(bold)
        return font

    def refresh(self):
        session = self.session
        if session.trace is None:
            self.status.setText(self.tr("No inputs"))
        else:
            parts = [self.tr("step {step} / {steps}").format(step=session.step, steps=session.steps)]
            if session.step == 0:
                parts.append(self.tr("nothing fed yet: press → to feed x¹"))
            else:
                parts.append(input_text(session))
            self.status.setText("   ·   ".join(parts))
        self._texts = formula_lines(session)
        while len(self.formulas) < len(self._texts):
            label = QLabel()
            label.setObjectName(f"presentationFormula{len(self.formulas)}")
            label.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
            label.setTextFormat(Qt.PlainText)
            label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
            self._formula_layout.addWidget(label)
            self.formulas.append(label)
        for index, label in enumerate(self.formulas):
            label.setVisible(index < len(self._texts))
        self._apply_fonts()

    def formula_text(self) -> str:
        return "\n".join(label.text() for label in self.formulas if not label.isHidden())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_formulas()

    def _apply_fonts(self):
        self.status.setFont(self._font(self.smallest_px * STATUS_SCALE, bold=True))
        self.hint.setFont(self._font(self.smallest_px))
        self._fit_formulas()

    def _available_width(self) -> int:
        margins = self.contentsMargins()
        layout = self.layout().contentsMargins()
        return max(1, self.width() - margins.left() - margins.right() - layout.left() - layout.right())

    def _fit_formulas(self):
        """Every formula on one line, all at one size: the full arithmetic at the large size if it fits,
        else at a smaller size (not below 1.2× the smallest text), else without its middle line down to
        the smallest size, else wrapped: never clipped."""
        width = self._available_width()
        self.hint.setVisible(bool(self.hint.property("wanted"))
                             and self.status.sizeHint().width() + self.hint.sizeHint().width() + 24 <= width)
        if not self._texts:
            return

        def fitting(scale, allow_short):
            metrics = QFontMetrics(self._font(self.smallest_px * scale))
            chosen = []
            for full, short in self._texts:
                options = (full, short) if allow_short else (full,)
                text = next((t for t in options if metrics.horizontalAdvance(t) <= width), None)
                if text is None:
                    return None
                chosen.append(text)
            return chosen

        wrap, scale, chosen = False, 1.0, None
        for scale in FORMULA_SCALES:
            if scale >= 1.2 and (chosen := fitting(scale, allow_short=False)) is not None:
                break
        else:
            for scale in FORMULA_SCALES:
                if (chosen := fitting(scale, allow_short=True)) is not None:
                    break
            else:
                wrap, scale, chosen = True, 1.0, [short for _full, short in self._texts]
        font = self._font(self.smallest_px * scale)
        for label, text in zip(self.formulas, chosen):
            label.setFont(font)
            label.setWordWrap(wrap)
            label.setText(text)

    def show_hint(self, visible: bool):
        self.hint.setProperty("wanted", bool(visible))
        self._fit_formulas()


class BlankScreen(QWidget):
    """Black over the whole window (B): the class looks at the lecturer, not at the screen."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("presentationBlank")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.Window, QColor("#000000"))
        self.setPalette(palette)
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet("#presentationBlank { background: #000000; }")
        self.hide()


@dataclass
class _SavedState:
    geometry: QRect
    dock_state: QByteArray
    window_state: Qt.WindowStates
    menu_bar: bool
    status_bar: bool
    player: bool
    tab_bar: bool
    margins: tuple[int, int, int, int] | None
    spacing: int
    zoom: float
    dark: bool
    focus: QWidget | None


class Presentation(QObject):
    """Presentation mode of a MainWindow; see the module docstring. Made by :func:`install_presentation`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self.blanked = False
        self.zoom = 1.0            # the lecturer's Ctrl+= / Ctrl+− on top of the projector scale
        self.dark = bool(window.dark)
        self._saved: _SavedState | None = None
        self._view_zooms: dict[str, float] = {}
        self.band = FormulaBand(window.session)
        self.band.hide()
        central = window.centralWidget()
        if central is not None and central.layout() is not None:
            central.layout().addWidget(self.band)
        else:  # no central layout to join: the band floats at the window's bottom
            self.band.setParent(window)
        self.blank = BlankScreen(window)
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.timeout.connect(lambda: self.band.show_hint(False))

        self.action = QAction(window)
        self.action.setObjectName("presentation_mode")
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.action.setShortcutContext(Qt.WindowShortcut)
        self.action.setCheckable(True)
        self.action.triggered.connect(lambda _checked=False: self.toggle())
        window.addAction(self.action)   # works while the menu bar is hidden too
        menu = getattr(window, "menu_view", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.action)
        window.installEventFilter(self)
        # A view made while presenting (its tab shown for the first time) gets the projector's type.
        window.tabs.currentChanged.connect(lambda _index: self._apply_view_zoom())
        self.retranslate()

    # -- text ----------------------------------------------------------------------------------
    def retranslate(self):
        self.action.setText(self.tr("&Presentation Mode"))
        tip = self.tr("Full screen for a projector with the step's formula large; Esc leaves")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.band.retranslate()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """For the window's keyboard-shortcuts help."""
        return [("F5", self.tr("Presentation mode (Esc leaves)")),
                (self.tr("Page Down / Page Up"), self.tr("Presenting: next / previous step (a clicker)")),
                ("B", self.tr("Presenting: blank the screen; B again shows it")),
                ("D", self.tr("Presenting: dark or light theme")),
                ("Ctrl+= / Ctrl+−", self.tr("Presenting: larger / smaller type"))]

    # -- entering and leaving --------------------------------------------------------------------
    def toggle(self):
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self):
        if self.active:
            return
        w = self.window
        central = w.centralWidget()
        margins, spacing = None, 0
        if central is not None and central.layout() is not None:
            m = central.layout().contentsMargins()
            margins, spacing = (m.left(), m.top(), m.right(), m.bottom()), central.layout().spacing()
        self._saved = _SavedState(
            geometry=QRect(w.geometry()), dock_state=w.saveState(), window_state=w.windowState(),
            menu_bar=not w.menuBar().isHidden(), status_bar=not w.statusBar().isHidden(),
            player=not w.player.isHidden(), tab_bar=not w.tabs.tabBar().isHidden(), margins=margins, spacing=spacing,
            zoom=float(w.zoom), dark=bool(w.dark), focus=QApplication.focusWidget())
        self.active = True
        self.dark = bool(w.dark)
        w.animator.finish()
        for dock in self._docks():
            dock.hide()
        for bar in w.findChildren(QToolBar):
            if bar.parentWidget() is w:
                bar.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        w.player.hide()
        w.tabs.tabBar().hide()
        if margins is not None:
            central.layout().setContentsMargins(0, 0, 0, 0)
            central.layout().setSpacing(0)
        self.band.set_dark(self.dark)
        self.band.show()
        self.band.show_hint(True)
        self._hint_timer.start(HINT_MS)
        self.action.setChecked(True)
        QApplication.instance().installEventFilter(self)
        w.showFullScreen()
        self._rescale()
        self.band.refresh()
        w.activateWindow()
        w.setFocus(Qt.OtherFocusReason)

    def leave(self):
        if not self.active:
            return
        w, saved = self.window, self._saved
        QApplication.instance().removeEventFilter(self)
        self.active = False
        self._hint_timer.stop()
        self.set_blank(False)
        self.band.hide()
        if saved.dark != w.dark:
            w.apply_theme(saved.dark)
        for view in w.views.values():
            if hasattr(view, "set_zoom"):
                view.set_zoom(saved.zoom)
        self._view_zooms.clear()
        if w.zoom != saved.zoom:
            w.set_zoom(saved.zoom)
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        w.player.setVisible(saved.player)
        w.tabs.tabBar().setVisible(saved.tab_bar)
        central = w.centralWidget()
        if saved.margins is not None and central is not None and central.layout() is not None:
            central.layout().setContentsMargins(*saved.margins)
            central.layout().setSpacing(saved.spacing)
        # The exact rectangle, not restoreGeometry(): that one may move the window to fit a screen.
        w.setWindowState(saved.window_state)
        if not saved.window_state & (Qt.WindowFullScreen | Qt.WindowMaximized):
            w.setGeometry(saved.geometry)
        w.restoreState(saved.dock_state)   # docks: visible, floating, where and how large
        for bar in w.findChildren(QToolBar):
            if bar.parentWidget() is w and not bar.toggleViewAction().isChecked():
                bar.hide()
        try:
            if saved.focus is not None and saved.focus.isVisible():
                saved.focus.setFocus(Qt.OtherFocusReason)
        except RuntimeError:  # the widget that had the focus was deleted meanwhile
            pass
        self.action.setChecked(False)
        self._saved = None

    def _docks(self) -> list[QDockWidget]:
        return [dock for dock in self.window.findChildren(QDockWidget) if dock.parentWidget() is self.window]

    # -- what the keys do ------------------------------------------------------------------------
    def set_blank(self, blank: bool):
        self.blanked = bool(blank) and self.active
        if self.blanked:
            self.blank.setGeometry(self.window.rect())
            self.blank.raise_()
            self.blank.show()
        else:
            self.blank.hide()

    def set_dark(self, dark: bool):
        self.dark = bool(dark)
        self.window.apply_theme(self.dark)
        self.band.set_dark(self.dark)

    def set_presentation_zoom(self, factor: float):
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, float(factor)))
        self._rescale()

    def smallest_text_px(self) -> float:
        """The smallest text on screen: 20 px at 1080 lines, in proportion on other projectors."""
        return SMALLEST_TEXT_PX_AT_1080 * self.window.height() / 1080.0 * self.zoom

    def _rescale(self):
        if not self.active:
            return
        self.band.set_smallest_px(self.smallest_text_px())
        self._apply_view_zoom()

    def view_zoom(self, name: str) -> float:
        """The zoom a view gets while presenting: its smallest type ≥ the band's smallest text, but
        never below the workbench's own size (zoom 1); a fit-to-view drawing only the lecturer's zoom.
        The window's own zoom setting is left alone, so nothing of this is saved."""
        if name in FIT_TO_VIEW:
            return self.zoom
        eleven_pt_px = 11.0 * self.window.logicalDpiY() / 72.0
        return max(MIN_ZOOM, self.zoom * max(1.0, SMALLEST_TEXT_PX_AT_1080 * self.window.height() / 1080.0
                                             / eleven_pt_px))

    def _apply_view_zoom(self):
        if not self.active:
            return
        for name, view in self.window.views.items():
            zoom = self.view_zoom(name)
            if hasattr(view, "set_zoom") and self._view_zooms.get(name) != zoom:
                view.set_zoom(zoom)
                self._view_zooms[name] = zoom

    def _show_view(self, index: int):
        tabs = self.window.tabs
        if 0 <= index < tabs.count():
            tabs.setCurrentIndex(index)

    def handle_key(self, key, modifiers) -> bool:
        """What a key does while presenting; False for keys presentation mode leaves alone."""
        session, ctrl = self.window.session, bool(modifiers & Qt.ControlModifier)
        shift = bool(modifiers & Qt.ShiftModifier)
        if modifiers & (Qt.AltModifier | Qt.MetaModifier):
            return False
        if ctrl:
            if key in ZOOM_IN_KEYS:
                self.set_presentation_zoom(self.zoom * ZOOM_STEP)
            elif key in ZOOM_OUT_KEYS:
                self.set_presentation_zoom(self.zoom / ZOOM_STEP)
            elif key == Qt.Key.Key_0:
                self.set_presentation_zoom(1.0)
            else:
                return False
            return True
        if key == Qt.Key.Key_Escape:
            self.leave()
            return True
        step_keys = NEXT_KEYS | BACK_KEYS | {Qt.Key.Key_Home, Qt.Key.Key_End}
        if key in step_keys and self.blanked:
            self.set_blank(False)   # the first press only shows the screen again
            return True
        if key in NEXT_KEYS:
            session.back() if (shift and key == Qt.Key.Key_Space) else session.forward()
        elif key in BACK_KEYS:
            session.back()
        elif key == Qt.Key.Key_Home:
            session.first()
        elif key == Qt.Key.Key_End:
            session.last()
        elif key in BLANK_KEYS:
            self.set_blank(not self.blanked)
        elif key == Qt.Key.Key_D:
            self.set_dark(not self.dark)
        elif key == Qt.Key.Key_P:
            self.window.player.toggle_play()
        elif key in VIEW_KEYS:
            self._show_view(VIEW_KEYS[key])
        elif key in (Qt.Key.Key_F5, Qt.Key.Key_Escape):
            pass    # a clicker's "start presentation" while presenting: nothing to do
        else:
            return False
        return True

    def eventFilter(self, watched, event) -> bool:
        etype = event.type()
        if watched is self.window:
            if etype == QEvent.Close and self.active:
                self.leave()   # the window saves its geometry and docks as they were before F5
            elif etype == QEvent.Resize:
                if self.blanked:
                    self.blank.setGeometry(self.window.rect())
                self._rescale()
            elif etype == QEvent.LanguageChange:
                self.retranslate()
        if not self.active or etype not in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False   # a dialog opened while presenting keeps its keys
        if etype == QEvent.ShortcutOverride:
            # Claim the key so no window shortcut fires; it then arrives here as a KeyPress.
            if self._is_ours(event.key(), event.modifiers()):
                event.accept()
                return True
            return False
        if event.isAutoRepeat() and event.key() not in NEXT_KEYS | BACK_KEYS:
            return event.key() in BLANK_KEYS or event.key() == Qt.Key.Key_D or event.key() == Qt.Key.Key_Escape
        if self.band.hint.property("wanted"):
            self._hint_timer.stop()
            self.band.show_hint(False)
        return self.handle_key(event.key(), event.modifiers())

    def _is_ours(self, key, modifiers) -> bool:
        if modifiers & (Qt.AltModifier | Qt.MetaModifier):
            return False
        if modifiers & Qt.ControlModifier:
            return key in ZOOM_IN_KEYS | ZOOM_OUT_KEYS | {Qt.Key.Key_0}
        return key in (NEXT_KEYS | BACK_KEYS | BLANK_KEYS | set(VIEW_KEYS)
                       | {Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Escape, Qt.Key.Key_D, Qt.Key.Key_P,
                          Qt.Key.Key_F5})


def install_presentation(window) -> Presentation:
    """Give ``window`` (a MainWindow) presentation mode: View → Presentation Mode (F5).

    Adds ``window.presentation`` (the :class:`Presentation`; ``enter()``, ``leave()``, ``active``,
    ``band``, ``shortcut_rows()``) and ``window.act_presentation`` (the F5 action, also in View).
    """
    presentation = Presentation(window)
    window.presentation = presentation
    window.act_presentation = presentation.action
    return presentation


__all__ = ["FormulaBand", "Presentation", "formula_lines", "input_text", "install_presentation"]
