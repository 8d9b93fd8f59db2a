"""The transport bar: first, back, play/pause, step, last; a timeline; speed and animation time.

The player moves the session's step (``session.go/forward/back/first/last``): choosing which step to
look at is not an edit, so it is not undoable. ``session.step`` counts the inputs fed so far: 0 before
x¹, T after the last input.

Keys (added to the main window by :meth:`PlayerBar.install_shortcuts`): → / Space / PageDown step,
← / PageUp back, Home first, End last, P play/pause — the clicker of a lecturer sends PageDown/PageUp.
They work wherever the focus is in the window except where the key means something while typing: a
line edit, a spin box, a text box or a table (the sequence editor) keeps its arrows, Home, End and
Space.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSlider, QSpinBox, QTextEdit, QToolButton, QWidget,
)

from simulator.gui.style import palette

# PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call (see the guard).


BASE_POINT_SIZE = 11.0
DEFAULT_SPEED = 1.0          # steps per second
MIN_SPEED, MAX_SPEED = 0.25, 60.0
DEFAULT_ANIMATION_MS = 600
MAX_ANIMATION_MS = 5000
#: above this many steps the timeline gets a tick every few steps, not one per step
MAX_TICKS = 60

STEP_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)
FIRST_KEYS = (Qt.Key.Key_Home,)
LAST_KEYS = (Qt.Key.Key_End,)
PLAY_KEYS = (Qt.Key.Key_P,)


def transport_icon(kind: str, color: QColor, size: int = 32) -> QIcon:
    """Draw a transport symbol (the DejaVu fonts have no ⏮ ⏸ ⏭ glyphs, so fonts cannot be relied on)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    s = size / 32.0
    top, bottom, middle = 7 * s, 25 * s, 16 * s

    def right_triangle(x0: float, width: float = 10.0) -> None:
        painter.drawPolygon(QPolygonF([QPointF(x0, top), QPointF(x0 + width * s, middle), QPointF(x0, bottom)]))

    def left_triangle(x1: float, width: float = 10.0) -> None:
        painter.drawPolygon(QPolygonF([QPointF(x1, top), QPointF(x1 - width * s, middle), QPointF(x1, bottom)]))

    def bar(x0: float) -> None:
        painter.drawRect(QRectF(x0, top, 3 * s, bottom - top))

    if kind == "play":
        painter.drawPolygon(QPolygonF([QPointF(10 * s, 6 * s), QPointF(25 * s, middle), QPointF(10 * s, 26 * s)]))
    elif kind == "pause":
        painter.drawRect(QRectF(9 * s, top, 5 * s, bottom - top))
        painter.drawRect(QRectF(18 * s, top, 5 * s, bottom - top))
    elif kind == "step":      # ▶|
        right_triangle(10 * s, 11)
        bar(21 * s)
    elif kind == "back":      # |◀
        bar(8 * s)
        left_triangle(22 * s, 11)
    elif kind == "last":      # ▶▶|
        right_triangle(5 * s, 9)
        right_triangle(14 * s, 9)
        bar(23 * s)
    elif kind == "first":     # |◀◀
        bar(6 * s)
        left_triangle(18 * s, 9)
        left_triangle(27 * s, 9)
    painter.end()
    return QIcon(pixmap)


def is_typing_widget(widget: QWidget | None) -> bool:
    """True if the player's keys mean something to ``widget`` while the user types or navigates in it."""
    while widget is not None:
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QAbstractItemView)):
            return True
        if isinstance(widget, QComboBox) and widget.isEditable():
            return True
        if widget.isWindow():
            return False
        widget = widget.parentWidget()
    return False


class _TypingGuard(QObject):
    """Claims the player's keys for a typing widget that has the focus.

    Qt asks the focus widget first (a ShortcutOverride event) whether it wants a key before it fires
    a window shortcut. Line edits already claim their keys; a table does not claim its arrows, Home,
    End and Space, and a spin box not all of them, so this filter answers "yes" for them.
    """

    def __init__(self, keys, parent=None):
        super().__init__(parent)
        self._keys = set(keys)

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and event.key() in self._keys
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
                and isinstance(watched, QWidget) and is_typing_widget(watched)):
            event.accept()
            return True
        return False


class PlayerBar(QWidget):
    """Transport controls for the session's step; see the module docstring for the keys."""

    #: the animation time the views should use for one step, in ms (0 = jump); while playing it is
    #: never longer than the time between two steps
    animation_duration_changed = Signal(int)
    playing_changed = Signal(bool)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._dark = False
        self._zoom = 1.0
        self._syncing = False
        self._effective_ms = DEFAULT_ANIMATION_MS
        self._guard: _TypingGuard | None = None
        self._shortcut_actions: dict[str, QAction] = {}

        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

        self._build()
        self.retranslate()
        self.set_zoom(1.0)

        session.step_changed.connect(self._on_step_changed)
        session.trace_changed.connect(self._sync)
        session.project_changed.connect(self._on_project_changed)
        slots = ((session.step_changed, self._on_step_changed), (session.trace_changed, self._sync),
                 (session.project_changed, self._on_project_changed))
        self.destroyed.connect(lambda *_: [signal.disconnect(slot) for signal, slot in slots])
        self._sync()

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        def button(name: str, slot) -> QToolButton:
            tool = QToolButton()
            tool.setObjectName(name)
            tool.setAutoRaise(True)
            tool.clicked.connect(lambda _checked=False: slot())
            return tool

        self._first_button = button("playerFirst", self.first)
        self._back_button = button("playerBack", self.back)
        self._play_button = button("playerPlay", self.toggle_play)
        self._step_button = button("playerStep", self.step)
        self._last_button = button("playerLast", self.last)

        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setObjectName("playerTimeline")
        self._slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self._slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._slider.setMinimumWidth(100)
        self._slider.valueChanged.connect(self._on_slider)

        self._label = QLabel()
        self._label.setObjectName("playerLabel")
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._speed_label = QLabel()
        self._speed = QDoubleSpinBox()
        self._speed.setObjectName("playerSpeed")
        self._speed.setRange(MIN_SPEED, MAX_SPEED)
        self._speed.setDecimals(2)
        self._speed.setSingleStep(0.25)
        self._speed.setValue(DEFAULT_SPEED)
        self._speed.valueChanged.connect(self._on_speed)
        self._speed_label.setBuddy(self._speed)

        self._duration_label = QLabel()
        self._duration = QSpinBox()
        self._duration.setObjectName("playerAnimation")
        self._duration.setRange(0, MAX_ANIMATION_MS)
        self._duration.setSingleStep(100)
        self._duration.setValue(DEFAULT_ANIMATION_MS)
        self._duration.valueChanged.connect(lambda _value: self._update_effective_duration())
        self._duration_label.setBuddy(self._duration)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(4)
        for tool in (self._first_button, self._back_button, self._play_button, self._step_button,
                     self._last_button):
            layout.addWidget(tool)
        layout.addSpacing(8)
        layout.addWidget(self._slider, 1)
        layout.addWidget(self._label)
        layout.addSpacing(12)
        layout.addWidget(self._speed_label)
        layout.addWidget(self._speed)
        layout.addSpacing(8)
        layout.addWidget(self._duration_label)
        layout.addWidget(self._duration)

    def retranslate(self) -> None:
        self._first_button.setToolTip(self.tr("First: back to the start, nothing fed yet (Home)"))
        self._back_button.setToolTip(self.tr("Back one step (← or Page Up)"))
        self._step_button.setToolTip(self.tr("Feed the next input x^t: one step forward (→, Space or Page Down)"))
        self._last_button.setToolTip(self.tr("Last: feed every input (End)"))
        self._first_button.setAccessibleName(self.tr("First step"))
        self._back_button.setAccessibleName(self.tr("Back"))
        self._step_button.setAccessibleName(self.tr("Step"))
        self._last_button.setAccessibleName(self.tr("Last step"))
        self._slider.setToolTip(self.tr("Timeline: how many inputs have been fed. Drag to go to a step."))
        self._speed_label.setText(self.tr("&Speed"))
        self._speed.setSuffix(self.tr(" steps/s"))
        self._speed.setToolTip(self.tr("Steps per second while playing"))
        self._duration_label.setText(self.tr("&Animation"))
        self._duration.setSuffix(self.tr(" ms"))
        self._duration.setSpecialValueText(self.tr("instant"))
        self._duration.setToolTip(self.tr("How long the values take to move to a step's numbers (0 = jump)"))
        names = {"step": self.tr("Step forward"), "back": self.tr("Step back"), "first": self.tr("First step"),
                 "last": self.tr("Last step"), "play": self.tr("Play / pause")}
        for key, action in self._shortcut_actions.items():
            action.setText(names[key])
        self._update_play_button()
        self._update_label()

    # -- look ------------------------------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        self._update_icons()

    def set_zoom(self, factor: float) -> None:
        self._zoom = max(0.5, float(factor))
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        for widget in (self._label, self._speed_label, self._speed, self._duration_label, self._duration):
            widget.setFont(font)
        bold = QFont(font)
        bold.setBold(True)
        self._label.setFont(bold)
        # Room for "step 1000 / 1000" so the bar does not jump while playing.
        self._label.setMinimumWidth(self._label.fontMetrics().horizontalAdvance(self.tr("step 0000 / 0000")) + 8)
        self._update_icons()

    def _update_icons(self) -> None:
        color = palette(self._dark).text
        size = round(24 * self._zoom)
        for tool, kind in ((self._first_button, "first"), (self._back_button, "back"),
                           (self._step_button, "step"), (self._last_button, "last")):
            tool.setIcon(transport_icon(kind, color, size * 2))
            tool.setIconSize(QSize(size, size))
        self._play_button.setIconSize(QSize(size, size))
        self._update_play_button()

    def _update_play_button(self) -> None:
        playing = self.is_playing()
        self._play_button.setIcon(transport_icon("pause" if playing else "play", palette(self._dark).text,
                                                 round(48 * self._zoom)))
        self._play_button.setToolTip(self.tr("Pause (P)") if playing else self.tr("Play: one step after another (P)"))
        self._play_button.setAccessibleName(self.tr("Pause") if playing else self.tr("Play"))

    # -- following the session -------------------------------------------------------------------
    def _on_project_changed(self) -> None:
        self.pause()
        self._sync()

    def _sync(self) -> None:
        steps = self.session.steps
        self._syncing = True
        try:
            self._slider.setRange(0, steps)
            self._slider.setTickInterval(_tick_interval(steps))
            self._slider.setPageStep(max(1, steps // 10))
            self._slider.setValue(self.session.step)
        finally:
            self._syncing = False
        self._update_enabled()
        self._update_label()

    def _on_step_changed(self, step: int) -> None:
        self._syncing = True
        try:
            self._slider.setValue(int(step))
        finally:
            self._syncing = False
        self._update_enabled()
        self._update_label()

    def _on_slider(self, value: int) -> None:
        if not self._syncing:
            self.session.go(value)

    def _update_enabled(self) -> None:
        step, steps = self.session.step, self.session.steps
        self._first_button.setEnabled(step > 0)
        self._back_button.setEnabled(step > 0)
        self._step_button.setEnabled(step < steps)
        self._last_button.setEnabled(step < steps)
        self._play_button.setEnabled(steps > 0)
        self._slider.setEnabled(steps > 0)

    def _update_label(self) -> None:
        step, steps = self.session.step, self.session.steps
        self._label.setText(self.tr("step {step} / {steps}").format(step=step, steps=steps))
        if step == 0:
            tip = self.tr("Nothing fed yet: the memory holds its initial values")
        else:
            tip = self.tr("t = {t}: the inputs x¹ … x^{t} have been fed").format(t=step)
        self._label.setToolTip(tip)

    # -- transport -------------------------------------------------------------------------------
    def first(self) -> None:
        self.session.first()

    def back(self) -> None:
        self.session.back()

    def step(self) -> None:
        self.session.forward()

    def last(self) -> None:
        self.session.last()

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Advance one step per period until the last step; at the end, start again from step 0."""
        if self.is_playing() or self.session.steps == 0:
            return
        if self.session.step >= self.session.steps:
            self.session.first()      # show the start for one period, then feed x¹
        else:
            self.session.forward()    # react at once, not one period later
        if self.session.step >= self.session.steps:
            return
        self._timer.start(self.period_ms())
        self._playing_state_changed()

    def pause(self) -> None:
        if not self.is_playing():
            return
        self._timer.stop()
        self._playing_state_changed()

    def _tick(self) -> None:
        self.session.forward()
        if self.session.step >= self.session.steps:
            self.pause()

    def _playing_state_changed(self) -> None:
        self._update_play_button()
        self._update_effective_duration()
        self.playing_changed.emit(self.is_playing())

    # -- speed and animation time ----------------------------------------------------------------
    def speed(self) -> float:
        return self._speed.value()

    def set_speed(self, steps_per_second: float) -> None:
        self._speed.setValue(steps_per_second)

    def period_ms(self) -> int:
        return max(1, round(1000.0 / self.speed()))

    def _on_speed(self, _value: float) -> None:
        if self.is_playing():
            self._timer.setInterval(self.period_ms())
        self._update_effective_duration()

    def set_animation_duration(self, ms: int) -> None:
        self._duration.setValue(int(ms))

    def animation_duration(self) -> int:
        """The time the views should animate one step: the chosen time, capped while playing so
        that each step settles before the next one starts."""
        chosen = self._duration.value()
        return min(chosen, self.period_ms()) if self.is_playing() else chosen

    def _update_effective_duration(self) -> None:
        effective = self.animation_duration()
        if effective != self._effective_ms:
            self._effective_ms = effective
            self.animation_duration_changed.emit(effective)

    # -- keys ------------------------------------------------------------------------------------
    def install_shortcuts(self, window: QWidget) -> dict[str, QAction]:
        """Add the player's keys to ``window`` as window-wide actions (also for menus) and keep them
        away from widgets the user types in. Returns the actions by name."""
        specs = (("step", STEP_KEYS, self.step), ("back", BACK_KEYS, self.back),
                 ("first", FIRST_KEYS, self.first), ("last", LAST_KEYS, self.last),
                 ("play", PLAY_KEYS, self.toggle_play))
        for name, keys, slot in specs:
            action = QAction(window)
            action.setObjectName(f"player_{name}")
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            window.addAction(action)
            self._shortcut_actions[name] = action
        all_keys = [key for _, keys, _ in specs for key in keys]
        self._guard = _TypingGuard(all_keys, self)
        # A bound method of a QObject: Qt drops the connection when the player is destroyed.
        QApplication.instance().focusChanged.connect(self._guard_focus)
        self._guard_focus(None, QApplication.focusWidget())
        self.retranslate()
        return dict(self._shortcut_actions)

    def shortcut_actions(self) -> dict[str, QAction]:
        return dict(self._shortcut_actions)

    def _guard_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Only the widget that has the focus receives ShortcutOverride, so the filter goes where the
        # focus goes (installing the same filter twice is harmless: Qt keeps one).
        if new is not None and self._guard is not None and is_typing_widget(new):
            new.installEventFilter(self._guard)

    # -- test hooks ------------------------------------------------------------------------------
    def slider_value(self) -> int:
        return self._slider.value()

    def label_text(self) -> str:
        return self._label.text()


def _tick_interval(steps: int) -> int:
    """One tick per step, or a round number of steps per tick on long sequences."""
    if steps <= MAX_TICKS:
        return 1
    for nice in (2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if steps / nice <= MAX_TICKS:
            return nice
    return max(1, steps // MAX_TICKS)

