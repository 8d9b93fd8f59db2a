"""The LSTM and the GRU memory cell, drawn as the lecture draws them: gates are valves, memory is a tank.

LSTM (the lecture's cell): the value z goes through g and the input valve f(z_i) into the tank c; the
tank keeps its old content through a loop whose valve is the forget gate f(z_f) (1 = keep, 0 = erase);
the new memory c′ goes through h and the output valve f(z_o) out as a:

    c′ = g(z)·f(z_i) + c·f(z_f)          a = h(c′)·f(z_o)

GRU: one gate z drives two valves in opposite senses — the loop keeps z of the old memory while the
inlet lets in 1 − z of the candidate n ("旧的不去，新的不来": the input and forget gates are linked);
the reset gate r decides how much of the old memory the candidate sees:

    a′ = (1 − z)·n + z·a

A step animates with its progress 0 → 1: the valves turn to their new opening (0–0.4), the liquid flows
and the tank level moves from the old memory to the new (0.4–0.75), then the output appears (0.75–1).
Everything is painted with QPainter from the Trace of the session, as a pure function of
(step, progress), so an exported frame is the frame the user saw. The formula of the step is the text
of :func:`simulator.model.explain.explain`, so its numbers are the same as everywhere else.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QToolTip, QVBoxLayout,
                               QWidget)

from simulator.gui.style import format_value, mix, palette
from simulator.model.explain import explain, num

from .base import StepView


# PySide6 6.12 on Python 3.11 drops a reference to None on every void call: painting needs the guard.


# The drawing lives in a fixed design space that is scaled to fit the widget; text has a floor in
# screen pixels so it stays legible when the widget is small.
DIAGRAM_W, DIAGRAM_H = 720.0, 760.0
FORMULA_W = 540.0
GAP = 20.0
MIN_TEXT_PX = 15.0          # ≈ 11 pt at 96 dpi, on screen
PIPE = 20.0                 # inner width of a pipe
VALVE_R = 27.0
#: animation phases of a step (fractions of its progress)
GATES_END, FLOW_END = 0.4, 0.75


def _clamp01(v: float) -> float:
    return 0.0 if not math.isfinite(v) else max(0.0, min(1.0, v))


def _ease(v: float) -> float:
    v = _clamp01(v)
    return v * v * (3.0 - 2.0 * v)


def _phase(progress: float, start: float, end: float) -> float:
    return _ease((progress - start) / (end - start))


def _lerp(a: float, b: float, w: float) -> float:
    """From a to b; exactly a at w = 0 and exactly b at w = 1 (a settled step shows the Trace's number)."""
    if w <= 0.0:
        return a
    if w >= 1.0:
        return b
    if math.isfinite(a) and math.isfinite(b):
        return a + (b - a) * w
    return b if w >= 0.5 else a


def shown_value(v: float) -> str:
    """A value as the cell shows it: two decimals at most, so 6.9995 reads 7 and 1.4e−4 reads 0, as
    in the lecture (the formula beside it keeps the exact number)."""
    if not math.isfinite(v) or abs(v) >= 1e4:
        return format_value(v)
    r = round(v, 2)
    if r == 0:
        return "0"
    return f"{r:.2f}".rstrip("0").rstrip(".").replace("-", "−")


_SUPERSCRIPTS = str.maketrans("0123456789−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def pretty_number(text: str) -> str:
    """explain() writes 4.54×10^−5; on screen the exponent is a superscript: 4.54×10⁻⁵."""
    return re.sub(r"10\^(−?\d+)", lambda m: "10" + m.group(1).translate(_SUPERSCRIPTS), text)


def gate_text(v: float) -> str:
    return f"{v:.2f}" if math.isfinite(v) else format_value(v)


@dataclass
class Formula:
    """One formula of the step: its lines ("c′ = …", "= 3·1 + 0·1", "= 3"), the quantity a click
    explains, a caption in words, whether the animation is at it now, and whether it is the step's main
    formula (drawn largest) or a supporting one."""
    lines: list[str]
    quantity: str
    caption: str = ""
    highlighted: bool = False
    primary: bool = True


@dataclass
class Frame:
    """What one frame shows: texts, valve openings, the tank level and the animation phases."""
    step: int
    steps: int
    active: bool                        # a step has been fed (step ≥ 1)
    gates: float = 1.0                  # phase of the valves turning
    flow: float = 1.0                   # phase of the liquid flowing / tank level moving
    out: float = 1.0                    # phase of the output appearing
    openings: dict = field(default_factory=dict)    # valve name → displayed opening 0..1
    targets: dict = field(default_factory=dict)     # valve name → opening at progress 1
    texts: dict = field(default_factory=dict)       # symbol → text shown
    level: float = 0.0
    old_level: float | None = None
    output_text: str = "–"
    output_alpha: float = 1.0
    formulas: list[Formula] = field(default_factory=list)
    header: str = ""


class _Canvas(QWidget):
    """Paints the cell of its view and turns clicks and hovers on symbols into requests."""

    def __init__(self, view: "_GatedCellView"):
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 260)

    def paintEvent(self, event):
        painter = QPainter(self)
        try:
            self.view._paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            quantity = self.view._quantity_at(event.position())
            if quantity:
                self.view._request_explanation(quantity)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        hit = self.view._quantity_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            quantity = self.view._quantity_at(QPointF(event.pos()))
            if quantity:
                QToolTip.showText(event.globalPos(), self.view._tooltip(quantity), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class _GatedCellView(StepView):
    """What the LSTM and GRU views share: the layer and cell selectors, the canvas and its hit regions,
    zoom, theme, the message for a network without such a layer, and the drawing primitives."""

    KIND = ""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._zoom = 1.0
        self._dark = False
        self._entries: list[tuple[int, str]] = []    # (layer index, direction) of each cell of KIND
        self._entry = 0
        self._unit = 0
        self._network_key = None
        self._scale_cache: tuple = (None, None)
        self._regions: list[tuple[QRectF, str]] = []
        self._transform = QTransform()
        self._view_scale = 1.0

        self.layer_combo = QComboBox()
        self.unit_combo = QComboBox()
        self.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)
        self.unit_combo.currentIndexChanged.connect(self._on_unit_chosen)
        self.toolbar = QWidget()
        bar = QHBoxLayout(self.toolbar)
        bar.setContentsMargins(8, 4, 8, 0)
        bar.addStretch(1)
        bar.addWidget(self.layer_combo)
        bar.addWidget(self.unit_combo)
        self.canvas = _Canvas(self)
        cell_page = QWidget()
        page = QVBoxLayout(cell_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.toolbar)
        page.addWidget(self.canvas, 1)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(cell_page)
        self.stack.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._style_message()
        self.rebuild()

    # -- public API ------------------------------------------------------------------------------
    def rebuild(self) -> None:
        network = self._network()
        previous = self._entries[self._entry] if self._entries else None
        self._entries = [] if network is None else [
            (k, direction) for k, layer in enumerate(network.layers)
            for direction, cell in layer.directions() if cell.kind == self.KIND]
        self._entry = self._entries.index(previous) if previous in self._entries else 0
        self._network_key = self._key(network)
        self._fill_combos()
        self.stack.setCurrentIndex(0 if self._entries else 1)
        self.message.setText("" if self._entries else self._no_layer_text())
        self.canvas.update()

    def show_step(self, step: int, progress: float = 1.0) -> None:
        self._sync()
        step = int(max(0, min(int(step), self.session.steps if self.session.project else 0)))
        progress = 1.0 if not math.isfinite(progress) else max(0.0, min(1.0, float(progress)))
        if step < self.step:
            progress = 1.0      # going back is instant
        self.step, self.progress = step, progress
        self.canvas.update()

    def set_layer(self, layer: int, direction: str = "forward") -> None:
        """Show the cells of network layer ``layer`` (its ``direction`` if bidirectional)."""
        self._sync()
        entry = (int(layer), direction)
        if entry not in self._entries:
            raise ValueError(f"layer {layer} ({direction}) is not a {self.KIND.upper()} layer")
        self.layer_combo.setCurrentIndex(self._entries.index(entry))

    def set_unit(self, unit: int) -> None:
        """Show cell ``unit`` (0-based) of the current layer."""
        self._sync()
        size = self._hidden_size()
        if not 0 <= int(unit) < size:
            raise ValueError(f"there is no cell {unit}: the layer has {size}")
        self.unit_combo.setCurrentIndex(int(unit))

    def current_layer(self) -> tuple[int, str] | None:
        return self._entries[self._entry] if self._entries else None

    def current_unit(self) -> int:
        return self._unit

    def set_zoom(self, factor: float) -> None:
        """Text never smaller than ``factor`` × 11 pt on screen (the drawing always fills the widget)."""
        self._zoom = max(0.5, min(4.0, float(factor))) if math.isfinite(factor) else 1.0
        self._style_message()
        self.canvas.update()

    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        self._style_message()
        self.canvas.update()

    def retranslate(self) -> None:
        self._fill_combos()
        if not self._entries:
            self.message.setText(self._no_layer_text())
        self.canvas.update()

    def message_text(self) -> str:
        """The message shown instead of the cell ("" while a cell is shown)."""
        return self.message.text() if self.stack.currentIndex() == 1 else ""

    def memory_value(self) -> float:
        """The memory level the tank shows now."""
        return self._frame().level

    def gate_value(self, name: str) -> float:
        """The opening of valve ``name`` as drawn once the step has settled (0 closed, 1 open)."""
        frame = self._frame()
        key = self._gate_key(name)
        if key not in frame.targets:
            raise KeyError(f"no gate {name!r}; the gates are {', '.join(frame.targets)}")
        return frame.targets[key]

    def output_text(self) -> str:
        """The text of the output shown at the top of the cell."""
        return self._frame().output_text

    def formula_lines(self) -> list[str]:
        """Each formula of the step in one line, as drawn (lines joined)."""
        return [pretty_number(" ".join(formula.lines)) for formula in self._frame().formulas]

    def symbol_rect(self, quantity: str):
        """Where the symbol of ``quantity`` is drawn, in canvas coordinates (for clicks in tests)."""
        if not self._regions:
            self.canvas.grab()
        for rect, name in self._regions:
            if name == quantity:
                return self._transform.mapRect(rect).toAlignedRect()
        raise KeyError(f"{quantity!r} is not drawn")

    # -- for subclasses ------------------------------------------------------------------------
    def _no_layer_text(self) -> str:
        raise NotImplementedError

    def _tooltips(self) -> dict[str, str]:
        raise NotImplementedError

    def _frame(self) -> Frame:
        if self._cell() is None:        # no such layer: nothing is drawn
            return Frame(step=0, steps=0, active=False, level=math.nan)
        return self._cell_frame()

    def _cell_frame(self) -> Frame:
        raise NotImplementedError

    def _draw_diagram(self, p: QPainter, pal, frame: Frame) -> None:
        raise NotImplementedError

    def _memory_name(self) -> str:
        raise NotImplementedError

    def _gate_key(self, name: str) -> str:
        return name

    # -- model access ----------------------------------------------------------------------------
    def _network(self):
        return self.session.network if self.session.project is not None else None

    @staticmethod
    def _key(network):
        if network is None:
            return None
        return (id(network), tuple((d, cell.kind, cell.hidden_size) for layer in network.layers
                                   for d, cell in layer.directions()))

    def _sync(self) -> None:
        """Rebuild if the network changed behind our back (a missed rebuild must not show stale cells)."""
        if self._key(self._network()) != self._network_key:
            self.rebuild()

    def _cell(self):
        network = self._network()
        if network is None or not self._entries or self._key(network) != self._network_key:
            return None
        k, direction = self._entries[self._entry]
        return dict(network.layers[k].directions())[direction]

    def _hidden_size(self) -> int:
        cell = self._cell()
        return cell.hidden_size if cell is not None else 0

    def _records(self):
        trace = self.session.trace
        if trace is None or self._cell() is None:
            return None
        k, direction = self._entries[self._entry]
        return trace.layers[k].records[direction]

    def _value(self, rec, name: str, t: int) -> float:
        return float(rec[name][t, 0, self._unit])

    def _initial_memory(self, state: str) -> float:
        k, direction = self._entries[self._entry]
        key = f"layers.{k}" + (".reverse" if direction == "reverse" else "") + f".{state}"
        values = self._network().memory.get(key)
        return float(values[self._unit]) if values is not None and len(values) > self._unit else 0.0

    def _tank_range(self) -> tuple[float, float]:
        """(largest positive, largest negative magnitude) of the memory over the sequence: the tank's
        scale. Cached per Trace and cell."""
        trace = self.session.trace
        key = (id(trace), self._entries[self._entry] if self._entries else None, self._unit)
        if self._scale_cache[0] == key:
            return self._scale_cache[1]
        state = self._memory_name()
        values = [self._initial_memory(state)]
        rec = self._records()
        if rec is not None:
            values += [float(v) for v in rec[state][:, 0, self._unit]]
            values += [float(v) for v in rec[state + "_prev"][:, 0, self._unit]]
        finite = [v for v in values if math.isfinite(v)]
        pos = max([0.0] + finite)
        neg = max([0.0] + [-v for v in finite])
        if pos == 0.0 and neg == 0.0:
            pos = 1.0
        result = (pos, neg)
        self._scale_cache = (key, result, trace)   # keep the trace alive so its id stays unique
        return result

    def _direction(self) -> str:
        return self._entries[self._entry][1] if self._entries else "forward"

    def _layer_index(self) -> int:
        return self._entries[self._entry][0] if self._entries else 0

    def _request_explanation(self, quantity: str) -> None:
        if self._entries:
            quantity = self._explained_as(quantity)
            self.explain_requested.emit(self._layer_index(), quantity, self._unit, self._direction())

    def _explained_as(self, quantity: str) -> str:
        """The Trace quantity a click on a symbol asks about."""
        return quantity

    def _explanation(self, quantity: str, t: int) -> list[str]:
        k = self._layer_index()
        return list(explain(self._network(), self.session.trace, t, k, quantity, self._unit,
                            self._direction()).lines)

    @staticmethod
    def _with_rounding(lines: list[str], value: float) -> list[str]:
        """Add "≈ 0" where the exact number (1.362×10^−4) is not what the cell shows."""
        if lines and math.isfinite(value) and shown_value(value) != num(value):
            lines = lines[:-1] + [f"{lines[-1]} ≈ {shown_value(value)}"]
        return lines

    def _header(self, frame_step: int, steps: int) -> str:
        text = self.tr("Step {0} of {1}").format(frame_step, steps)
        trace = self.session.trace
        if frame_step >= 1 and trace is not None and self._layer_index() == 0 and trace.inputs.shape[-1] <= 6:
            x = trace.inputs[frame_step - 1, 0]
            text += "    x = (" + ", ".join(shown_value(float(v)) for v in x) + ")"
        return text

    def _gate_word(self, opening: float) -> str:
        if opening >= 0.99:
            return self.tr("open")
        if opening <= 0.01:
            return self.tr("closed")
        return self.tr("partly open")

    def _forget_word(self, opening: float) -> str:
        """The forget gate in words, because its name says the opposite: open keeps, closed erases."""
        if opening >= 0.99:
            return self.tr("open: keeps c")
        if opening <= 0.01:
            return self.tr("closed: erases c")
        return self.tr("partly open: keeps part")

    # -- selectors ------------------------------------------------------------------------------
    def _fill_combos(self) -> None:
        network = self._network()
        self.layer_combo.blockSignals(True)
        self.unit_combo.blockSignals(True)
        self.layer_combo.clear()
        for k, direction in self._entries:
            text = self.tr("layer {0}").format(k + 1)
            if direction == "reverse":
                text += " · " + self.tr("backward")
            elif network.layers[k].bidirectional:
                text += " · " + self.tr("forward")
            self.layer_combo.addItem(text)
        if self._entries:
            self.layer_combo.setCurrentIndex(self._entry)
        size = self._hidden_size()
        self._unit = min(self._unit, max(0, size - 1))
        self.unit_combo.clear()
        for i in range(size):
            self.unit_combo.addItem(self.tr("cell {0} of {1}").format(i + 1, size))
        if size:
            self.unit_combo.setCurrentIndex(self._unit)
        self.layer_combo.setToolTip(self.tr("Which layer's cells to show"))
        self.unit_combo.setToolTip(self.tr("A layer has one memory cell per unit: which one to show"))
        self.layer_combo.blockSignals(False)
        self.unit_combo.blockSignals(False)
        self.layer_combo.setVisible(len(self._entries) > 1)
        self.unit_combo.setVisible(size > 1)
        self.toolbar.setVisible(len(self._entries) > 1 or size > 1)

    def _on_layer_chosen(self, index: int) -> None:
        if 0 <= index < len(self._entries):
            self._entry = index
            self._fill_combos()
            self.canvas.update()

    def _on_unit_chosen(self, index: int) -> None:
        if index >= 0:
            self._unit = index
            self.canvas.update()

    def _style_message(self) -> None:
        pal = palette(self._dark)
        self.message.setStyleSheet(f"QLabel {{ color: {pal.text.name()}; background: {pal.background.name()};"
                                   f" font-size: {round(18 * self._zoom)}px; }}")

    # -- hit regions and tooltips ------------------------------------------------------------------
    def _quantity_at(self, pos: QPointF) -> str | None:
        inverse, ok = self._transform.inverted()
        if not ok:
            return None
        point = inverse.map(QPointF(pos))
        for rect, quantity in reversed(self._regions):
            if rect.contains(point):
                return quantity
        return None

    def tooltip_for(self, quantity: str) -> str:
        """The tooltip of a drawn symbol: what it is, in words."""
        return self._tooltip(quantity)

    def drawn_symbols(self) -> list[str]:
        """The quantities that have a clickable symbol in the last painted frame."""
        return sorted({quantity for _, quantity in self._regions})

    def _tooltip(self, quantity: str) -> str:
        text = self._tooltips().get(quantity, quantity)
        return text + "\n" + self.tr("Click to see the arithmetic with the numbers.")

    def _region(self, rect: QRectF, quantity: str | None) -> None:
        if quantity:
            self._regions.append((QRectF(rect), quantity))

    # -- painting ----------------------------------------------------------------------------------
    def _design(self, width: float, height: float):
        """Side by side (diagram | formula) on wide widgets, stacked on tall ones."""
        wide = (DIAGRAM_W + GAP + FORMULA_W, DIAGRAM_H)
        tall = (DIAGRAM_W, DIAGRAM_H + 440.0)
        s_wide = min(width / wide[0], height / wide[1])
        s_tall = min(width / tall[0], height / tall[1])
        if s_wide >= s_tall:
            return wide, s_wide, QRectF(DIAGRAM_W + GAP, 24.0, FORMULA_W - 10.0, DIAGRAM_H - 48.0)
        return tall, s_tall, QRectF(30.0, DIAGRAM_H, DIAGRAM_W - 60.0, 420.0)

    def _paint(self, p: QPainter, rect: QRectF) -> None:
        pal = palette(self._dark)
        p.fillRect(rect, pal.background)
        self._regions = []
        if self._cell() is None:
            return
        (W, H), s, formula_rect = self._design(rect.width(), rect.height())
        transform = QTransform()
        transform.translate((rect.width() - W * s) / 2, (rect.height() - H * s) / 2)
        transform.scale(s, s)
        self._transform, self._view_scale = transform, s
        p.setTransform(transform)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        frame = self._frame()
        self._draw_diagram(p, pal, frame)
        self._draw_formulas(p, pal, frame, formula_rect)

    def _font(self, px: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.font())
        # The drawing is scaled to fill the widget; zoom raises the floor of the type on screen (the
        # smallest text is zoom × 11 pt) rather than enlarging every label past its room.
        size = max(px, self._zoom * MIN_TEXT_PX / max(self._view_scale, 1e-3))
        font.setPixelSize(max(1, round(size)))
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def _text(self, p: QPainter, pal, anchor: QPointF, text: str, align: str = "center", px: float = 19,
              color: QColor | None = None, bold: bool = False, quantity: str | None = None,
              alpha: float = 1.0, halo: bool = False) -> QRectF:
        """Text vertically centred on ``anchor``; ``align`` says which side of the text sits on it."""
        font = self._font(px, bold)
        metrics = QFontMetricsF(font)
        w, h = metrics.horizontalAdvance(text), metrics.height()
        x = anchor.x() - (w / 2 if align == "center" else (w if align == "right" else 0.0))
        rect = QRectF(x, anchor.y() - h / 2, w, h)
        if alpha > 0.01:
            p.setFont(font)
            if halo:
                p.setPen(Qt.PenStyle.NoPen)
                back = QColor(pal.background)
                back.setAlphaF(0.85 * alpha)
                p.setBrush(back)
                p.drawRoundedRect(rect.adjusted(-5, -1, 5, 1), 5, 5)
            c = QColor(color if color is not None else pal.text)
            c.setAlphaF(c.alphaF() * alpha)
            p.setPen(c)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        self._region(rect, quantity)
        return rect

    def _box(self, p: QPainter, pal, anchor: QPointF, text: str, color: QColor, quantity: str | None = None,
             px: float = 20, bold: bool = True, alpha: float = 1.0, align: str = "center") -> QRectF:
        """A value in a rounded box, vertically centred on ``anchor``; ``align`` says which side of the
        box sits on it (boxes at the edge of the drawing grow inwards as the type grows)."""
        font = self._font(px, bold)
        metrics = QFontMetricsF(font)
        w, h = metrics.horizontalAdvance(text) + 22, metrics.height() + 12
        left = anchor.x() - (w / 2 if align == "center" else (w if align == "right" else 0.0))
        rect = QRectF(left, anchor.y() - h / 2, w, h)
        p.setPen(QPen(color, 2.5))
        p.setBrush(mix(pal.background, color, 0.12))
        p.drawRoundedRect(rect, 9, 9)
        text_color = QColor(pal.text)
        text_color.setAlphaF(alpha)
        p.setFont(font)
        p.setPen(text_color)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        self._region(rect, quantity)
        return rect

    def _node(self, p: QPainter, pal, center: QPointF, radius: float, symbol: str, color: QColor,
              quantity: str | None = None) -> QRectF:
        """A function of the lecture's figure (g, h, f, tanh): a circle with its name."""
        rect = QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius)
        p.setPen(QPen(color, 2.5))
        p.setBrush(mix(pal.background, color, 0.18))
        p.drawEllipse(rect)
        p.setFont(self._font(radius * 0.95 if len(symbol) < 3 else radius * 0.62, True, italic=len(symbol) < 3))
        p.setPen(pal.text)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, symbol)
        self._region(rect, quantity)
        return rect

    def _wire(self, p: QPainter, points: list[QPointF], color: QColor, width: float = 2.2,
              arrow: bool = True) -> None:
        """A signal line (thin, with an arrow head): numbers that drive something, not liquid."""
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.drawPath(path)
        if arrow and len(points) >= 2:
            tip, before = points[-1], points[-2]
            angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
            size = 10.0
            left = QPointF(tip.x() - size * math.cos(angle - 0.45), tip.y() - size * math.sin(angle - 0.45))
            right = QPointF(tip.x() - size * math.cos(angle + 0.45), tip.y() - size * math.sin(angle + 0.45))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawPolygon(QPolygonF([tip, left, right]))

    def _pipe(self, p: QPainter, pal, points: list[QPointF], liquid: QColor, fill: float,
              flow: float | None = None) -> None:
        """A pipe: wall, channel, the liquid in it (``fill`` 0..1 how full) and, while ``flow`` runs
        0→1, dashes moving from the first point to the last."""
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        p.setBrush(Qt.BrushStyle.NoBrush)
        wall = mix(pal.background, pal.muted, 0.75)
        p.setPen(QPen(wall, PIPE + 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin))
        p.drawPath(path)
        p.setPen(QPen(mix(pal.background, pal.neutral, 0.7), PIPE, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.drawPath(path)
        fill = _clamp01(fill)
        if fill > 0.005:
            color = QColor(liquid)
            color.setAlphaF(0.25 + 0.75 * fill)
            p.setPen(QPen(color, PIPE - 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin))
            p.drawPath(path)
            if flow is not None and 0.0 < flow < 1.0:
                dash = QPen(QColor(255, 255, 255, 200), 5.0, Qt.PenStyle.CustomDashLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin)
                dash.setDashPattern([2.0, 3.0])
                dash.setDashOffset(-flow * 24.0)   # negative offset: the dashes run toward the end
                p.setPen(dash)
                p.drawPath(path)

    def _valve(self, p: QPainter, pal, center: QPointF, opening: float, vertical: bool, liquid: QColor,
               quantity: str | None, active: bool = True) -> QRectF:
        """A butterfly valve: a round body between two flanges with a disc that turns with the gate
        value — along the pipe when open (1), across it, blocking, when closed (0)."""
        opening = _clamp01(opening)
        gate = pal.gate if active else pal.muted
        r = VALVE_R
        body = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
        p.setPen(QPen(gate, 6.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for sign in (-1, 1):   # the flanges where the valve meets the pipe
            if vertical:
                p.drawLine(QPointF(center.x() - PIPE, center.y() + sign * (r + 2)),
                           QPointF(center.x() + PIPE, center.y() + sign * (r + 2)))
            else:
                p.drawLine(QPointF(center.x() + sign * (r + 2), center.y() - PIPE),
                           QPointF(center.x() + sign * (r + 2), center.y() + PIPE))
        p.setPen(QPen(gate, 3.0))
        p.setBrush(mix(pal.background, liquid, 0.15 + 0.7 * opening) if active else pal.background)
        p.drawEllipse(body)
        p.save()
        p.translate(center)
        p.rotate((0.0 if vertical else 90.0) + (1.0 - opening) * 90.0)
        p.setPen(QPen(Qt.PenStyle.NoPen))
        p.setBrush(gate)
        p.drawRoundedRect(QRectF(-5.5, -(r - 3), 11.0, 2 * (r - 3)), 5.5, 5.5)
        p.restore()
        p.setBrush(pal.background)
        p.setPen(QPen(gate, 2.0))
        p.drawEllipse(center, 3.5, 3.5)
        self._region(body, quantity)
        return body

    def _tank(self, p: QPainter, pal, rect: QRectF, level: float, old_level: float | None, label: str,
              quantity: str, liquid: QColor, range_: tuple[float, float]) -> None:
        """The memory as liquid in a tank: the level is the value on the scale of the largest |memory|
        over the sequence; negative values fill (hatched) below the zero line."""
        pos, neg = range_
        top, bottom = rect.top() + 16.0, rect.bottom() - 8.0
        zero_y = bottom if neg == 0 else top + (bottom - top) * pos / (pos + neg)

        def y_of(value: float) -> float:
            if not math.isfinite(value):
                return zero_y
            if value >= 0:
                return zero_y - min(value / pos, 1.05) * (zero_y - top) if pos > 0 else zero_y
            return zero_y + min(-value / neg, 1.05) * (bottom - zero_y) if neg > 0 else zero_y

        # the vessel
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(mix(pal.background, pal.neutral, 0.8))
        p.drawRoundedRect(rect, 14, 14)
        # the liquid
        p.save()
        clip = QPainterPath()
        clip.addRoundedRect(rect.adjusted(3, 3, -3, -3), 12, 12)
        p.setClipPath(clip)
        y = y_of(level)
        if math.isfinite(level):
            if level >= 0:
                p.fillRect(QRectF(rect.left(), y, rect.width(), zero_y - y), liquid)
            else:
                shade = mix(pal.background, liquid, 0.55)
                p.fillRect(QRectF(rect.left(), zero_y, rect.width(), y - zero_y), shade)
                p.fillRect(QRectF(rect.left(), zero_y, rect.width(), y - zero_y),
                           QBrush(mix(pal.background, liquid, 0.95), Qt.BrushStyle.BDiagPattern))
            # the surface: a brighter line
            p.setPen(QPen(mix(liquid, QColor("#ffffff"), 0.45), 3.0))
            p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        else:
            p.fillRect(rect, QBrush(pal.highlight, Qt.BrushStyle.DiagCrossPattern))
        p.restore()
        # the old level while the tank moves
        if old_level is not None and math.isfinite(old_level):
            oy = y_of(old_level)
            p.setPen(QPen(pal.text, 2.0, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(rect.left() + 4, oy), QPointF(rect.right() - 4, oy))
        # walls
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(pal.memory, 4.0))
        p.drawRoundedRect(rect, 14, 14)
        # the scale: zero line and the largest values, on the left wall
        if neg > 0:
            p.setPen(QPen(pal.muted, 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(rect.left() - 10, zero_y), QPointF(rect.right(), zero_y))
        p.setPen(QPen(pal.muted, 2.0))
        marks = [(0.0, zero_y), (pos, y_of(pos))] + ([(-neg, y_of(-neg))] if neg > 0 else [])
        for value, my in marks:
            p.drawLine(QPointF(rect.left() - 10, my), QPointF(rect.left(), my))
            self._text(p, pal, QPointF(rect.left() - 14, my), shown_value(value), "right", 15, pal.muted)
        # the value
        self._text(p, pal, QPointF(rect.center().x(), rect.top() + rect.height() * 0.5), label, "center", 26,
                   pal.text, bold=True, halo=True)
        self._region(rect, quantity)

    def _draw_formulas(self, p: QPainter, pal, frame: Frame, rect: QRectF) -> None:
        """The formulas of the step with the numbers, large, each continuation line's "=" under the
        first line's "="; a short caption in words under each."""
        y = rect.top()
        header = self._font(19, True)
        p.setFont(header)
        p.setPen(pal.muted)
        h = QFontMetricsF(header).height()
        # Chinese glyphs come from a fallback font with a taller line: let the line overflow the Latin
        # font's height instead of cutting off the bottom of the commas and brackets.
        p.drawText(QRectF(rect.left(), y, rect.width(), h),
                   int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextDontClip), frame.header)
        y += h + 18
        blocks = [Formula([pretty_number(line) for line in f.lines], f.quantity, f.caption, f.highlighted,
                          f.primary) for f in frame.formulas]
        width = rect.width() - 16
        main_px = self._formula_size([f.lines for f in blocks if f.primary], width, 30.0)
        caption_font = self._font(16)
        for formula in blocks:
            px = main_px if formula.primary else self._formula_size([formula.lines], width, min(main_px, 24.0))
            font = self._font(px, True)
            metrics = QFontMetricsF(font)
            line_h = metrics.height() * 1.08
            lines, caption = formula.lines, formula.caption
            caption_rect = QFontMetricsF(caption_font).boundingRect(
                QRectF(0, 0, width, 1000), int(Qt.TextFlag.TextWordWrap), caption) if caption else QRectF()
            block = QRectF(rect.left(), y, rect.width(), line_h * len(lines) + caption_rect.height() + 22)
            if formula.highlighted:
                p.setPen(QPen(Qt.PenStyle.NoPen))
                tint = QColor(pal.highlight)
                tint.setAlphaF(0.28)
                p.setBrush(tint)
                p.drawRoundedRect(block.adjusted(-10, -4, 0, 0), 8, 8)
            indent = self._indent(metrics, lines[0])
            p.setFont(font)
            p.setPen(pal.text)
            ly = y + 4
            for i, line in enumerate(lines):
                x = rect.left() + (0.0 if i == 0 else indent)
                p.drawText(QRectF(x, ly, rect.right() - x, line_h),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
                ly += line_h
            if caption:
                p.setFont(caption_font)
                p.setPen(pal.muted)
                p.drawText(QRectF(rect.left(), ly + 2, width, caption_rect.height() + 4),
                           int(Qt.TextFlag.TextWordWrap), caption)
            self._region(block, formula.quantity)
            y = block.bottom() + 18

    @staticmethod
    def _indent(metrics: QFontMetricsF, first_line: str) -> float:
        """Where the first line's "=" is, so that the continuation lines ("= 3 + 0") line up under it."""
        return metrics.horizontalAdvance(first_line.split("=")[0]) if "=" in first_line else 0.0

    def _formula_size(self, blocks: list[list[str]], width: float, largest: float) -> float:
        """The largest type (``largest`` px at most, the legibility floor at least) at which every line
        of ``blocks`` fits in ``width``."""
        px = largest
        while px > MIN_TEXT_PX:
            metrics = QFontMetricsF(self._font(px, True))
            widest = 0.0
            for lines in blocks:
                indent = self._indent(metrics, lines[0])
                widest = max([widest, metrics.horizontalAdvance(lines[0])] +
                             [indent + metrics.horizontalAdvance(line) for line in lines[1:]])
            if widest <= width:
                break
            px -= 1.0
        return px


class LstmCellView(_GatedCellView):
    """The lecture's LSTM memory cell: four inputs, three valves, a tank, one output."""

    KIND = "lstm"

    def _memory_name(self) -> str:
        return "c"

    def _gate_key(self, name: str) -> str:
        return {"f(z_i)": "f_i", "f(z_f)": "f_f", "f(z_o)": "f_o"}.get(name, name)

    def _no_layer_text(self) -> str:
        return self.tr("This network has no LSTM layer. Choose LSTM in the builder to see its cell.")

    def _tooltips(self) -> dict[str, str]:
        return {
            "z": self.tr("z: the value offered to the memory (the cell's input), a weighted sum of the inputs."),
            "g_z": self.tr("g(z): z through the input activation g — what goes into the memory when the input "
                           "gate is fully open."),
            "z_i": self.tr("z_i: the input gate's signal. Through f (a sigmoid) it opens or closes the input gate."),
            "f_i": self.tr("f(z_i): the input gate. 1 lets g(z) into the memory, 0 keeps it out."),
            "z_f": self.tr("z_f: the forget gate's signal. Through f it sets how much of the memory is kept."),
            "f_f": self.tr("f(z_f): the forget gate. 1 keeps the memory, 0 erases it — the opposite of what its "
                           "name suggests."),
            "z_o": self.tr("z_o: the output gate's signal. Through f it opens or closes the output gate."),
            "f_o": self.tr("f(z_o): the output gate. 1 lets h(c′) out as a, 0 lets nothing out."),
            "c": self.tr("c: the memory cell. Before the step it holds c; after it, "
                         "c′ = g(z)·f(z_i) + c·f(z_f)."),
            "h_c": self.tr("h(c′): the new memory through the output activation h."),
            "a": self.tr("a = h(c′)·f(z_o): the cell's output, what the rest of the network sees."),
        }

    def _cell_frame(self) -> Frame:
        rec = self._records()
        steps = self.session.steps
        step = min(self.step, steps) if rec is not None else 0
        frame = Frame(step=step, steps=steps, active=step >= 1)
        frame.header = self._header(step, steps)
        if step == 0:
            c0 = self._initial_memory("c")
            frame.level = c0
            frame.openings = {"f_i": 0.0, "f_f": 0.0, "f_o": 0.0}
            frame.targets = dict(frame.openings)
            frame.texts = {"z": "z", "z_i": "z_i", "z_f": "z_f", "z_o": "z_o", "g_z": "g(z)", "h_c": "h(c′)",
                           "f_i": "f(z_i)", "f_f": "f(z_f)", "f_o": "f(z_o)", "c_label": f"c = {shown_value(c0)}"}
            frame.output_text = "–"
            frame.formulas = [
                Formula([f"c = {num(c0)}"], "c", self.tr("Nothing fed yet: the memory holds its initial value. "
                                                          "Press → to feed x¹.")),
                Formula(["c′ = g(z)·f(z_i) + c·f(z_f)"], "c",
                        self.tr("new memory = what the input gate lets in + what the forget gate keeps")),
                Formula(["a = h(c′)·f(z_o)"], "a",
                        self.tr("output = the new memory through h, let out by the output gate")),
            ]
            return frame
        t = step - 1
        progress = self.progress
        frame.gates = _phase(progress, 0.0, GATES_END)
        frame.flow = _phase(progress, GATES_END, FLOW_END)
        frame.out = _phase(progress, FLOW_END, 1.0)
        v = {name: self._value(rec, name, t) for name in
             ("z", "z_i", "z_f", "z_o", "g_z", "f_i", "f_f", "f_o", "c_prev", "c", "h_c", "a")}
        for gate in ("f_i", "f_f", "f_o"):
            before = self._value(rec, gate, t - 1) if t >= 1 else 0.0
            frame.targets[gate] = _clamp01(v[gate])
            frame.openings[gate] = _lerp(_clamp01(before), _clamp01(v[gate]), frame.gates)
        frame.level = _lerp(v["c_prev"], v["c"], frame.flow)
        if 0.0 < frame.flow < 1.0:
            frame.old_level = v["c_prev"]
        settled_out = frame.out >= 0.5
        old_h = self._value(rec, "h_c", t - 1) if t >= 1 else None
        old_a = self._value(rec, "a", t - 1) if t >= 1 else None
        h_now = v["h_c"] if frame.flow >= 1.0 else old_h
        a_now = v["a"] if settled_out else old_a
        memory_symbol = "c′" if frame.flow > 0 else "c"
        frame.texts = {
            "z": f"z = {format_value(v['z'])}", "z_i": f"z_i = {format_value(v['z_i'])}",
            "z_f": f"z_f = {format_value(v['z_f'])}", "z_o": f"z_o = {format_value(v['z_o'])}",
            "g_z": f"g(z) = {shown_value(v['g_z'])}",
            "h_c": "h(c′)" if h_now is None else f"h(c′) = {shown_value(h_now)}",
            "f_i": f"f(z_i) = {gate_text(frame.openings['f_i'])}",
            "f_f": f"f(z_f) = {gate_text(frame.openings['f_f'])}",
            "f_o": f"f(z_o) = {gate_text(frame.openings['f_o'])}",
            "c_label": f"{memory_symbol} = {shown_value(frame.level)}",
            "f_i_word": self._gate_word(frame.openings["f_i"]),
            "f_o_word": self._gate_word(frame.openings["f_o"]),
            "f_f_word": self._forget_word(frame.openings["f_f"]),
            "in": f"g(z)·f(z_i) = {shown_value(v['g_z'] * v['f_i'])}",
            "keep": f"c·f(z_f) = {shown_value(v['c_prev'] * v['f_f'])}",
        }
        frame.output_text = "–" if a_now is None else shown_value(a_now)
        frame.output_alpha = abs(2.0 * frame.out - 1.0) if 0.0 < frame.out < 1.0 else 1.0
        animating = progress < 1.0
        frame.formulas = [
            Formula(self._with_rounding(self._explanation("c", t), v["c"]), "c",
                    self.tr("new memory = what the input gate lets in + what the forget gate keeps"),
                    animating and GATES_END <= progress < FLOW_END),
            Formula(self._with_rounding(self._explanation("a", t), v["a"]), "a",
                    self.tr("output = the new memory through h, let out by the output gate"),
                    animating and progress >= FLOW_END),
        ]
        return frame

    def _draw_diagram(self, p: QPainter, pal, f: Frame) -> None:
        cx = 330.0
        liquid, hidden, value_in = pal.memory, pal.hidden, pal.input
        tank = QRectF(cx - 110, 250, 220, 270)
        y_a, y_out_valve, y_h, y_in_valve, y_g, y_z = 44.0, 122.0, 200.0, 582.0, 654.0, 726.0
        loop_x, y_keep_valve = cx + 172, 385.0
        on = 1.0 if f.active else 0.0
        flow = f.flow if f.active and f.flow > 0 else None
        out_flow = f.out if f.active and f.out > 0 else None
        filled = on if f.flow >= 1.0 else 0.0     # h(c′) exists once the tank has settled

        # pipes first, valves and symbols on top
        self._pipe(p, pal, [QPointF(cx, y_g - 24), QPointF(cx, y_in_valve + VALVE_R)], liquid, on, flow)
        self._pipe(p, pal, [QPointF(cx, y_in_valve - VALVE_R), QPointF(cx, tank.bottom())], liquid,
                   on * f.openings["f_i"], flow)
        self._pipe(p, pal, [QPointF(tank.right(), tank.bottom() - 34), QPointF(loop_x, tank.bottom() - 34),
                            QPointF(loop_x, y_keep_valve + VALVE_R)], liquid, on, flow)
        self._pipe(p, pal, [QPointF(loop_x, y_keep_valve - VALVE_R), QPointF(loop_x, tank.top() + 30),
                            QPointF(tank.right(), tank.top() + 30)], liquid, on * f.openings["f_f"], flow)
        self._pipe(p, pal, [QPointF(cx, tank.top()), QPointF(cx, y_h + 24)], hidden, filled, out_flow)
        self._pipe(p, pal, [QPointF(cx, y_h - 24), QPointF(cx, y_out_valve + VALVE_R)], hidden, filled, out_flow)
        self._pipe(p, pal, [QPointF(cx, y_out_valve - VALVE_R), QPointF(cx, y_a + 24)], hidden,
                   on * f.openings["f_o"] * f.out, out_flow)

        self._tank(p, pal, tank, f.level, f.old_level, f.texts["c_label"], "c", liquid, self._tank_range())

        # z → g(z) → the input valve
        self._wire(p, [QPointF(cx, y_z - 20), QPointF(cx, y_g + 25)], value_in)
        self._box(p, pal, QPointF(cx, y_z), f.texts["z"], value_in, "z")
        self._node(p, pal, QPointF(cx, y_g), 24, "g", value_in, "g_z")
        self._text(p, pal, QPointF(cx + 36, y_g), f.texts["g_z"], "left", 19, quantity="g_z")

        # the three gates: signal box → f → valve
        self._gate(p, pal, "z_i", "f_i", QPointF(cx, y_in_valve), QPointF(12, y_in_valve - 44),
                   QPointF(110, y_in_valve), f)
        self._gate(p, pal, "z_o", "f_o", QPointF(cx, y_out_valve), QPointF(12, y_out_valve - 44),
                   QPointF(110, y_out_valve), f)
        self._gate(p, pal, "z_f", "f_f", QPointF(loop_x, y_keep_valve), QPointF(640, y_keep_valve - 95),
                   QPointF(640, y_keep_valve), f)

        # what flows in and what is kept, once it flows
        if f.active and f.flow > 0:
            self._text(p, pal, QPointF(cx + VALVE_R + 14, y_in_valve), f.texts["in"], "left", 18, liquid,
                       bold=True, alpha=f.flow, halo=True, quantity="c")
            self._text(p, pal, QPointF(loop_x - 8, tank.bottom() + 18), f.texts["keep"], "center", 18, liquid,
                       bold=True, alpha=f.flow, halo=True, quantity="c")

        # h(c′) → the output valve → a
        self._node(p, pal, QPointF(cx, y_h), 24, "h", hidden, "h_c")
        self._text(p, pal, QPointF(cx + 36, y_h), f.texts["h_c"], "left", 19, quantity="h_c")
        self._box(p, pal, QPointF(cx, y_a), f"a = {f.output_text}", hidden, "a", px=24, alpha=f.output_alpha)

    def _gate(self, p: QPainter, pal, signal_name: str, gate: str, valve_at: QPointF, box_at: QPointF,
              f_at: QPointF, f: Frame) -> None:
        """One gate as the lecture draws it: the signal z_• goes through f, and f(z_•) sets the valve."""
        color = pal.gate
        from_right = f_at.x() > valve_at.x()
        if from_right:      # the box above the f node
            box = self._box(p, pal, box_at, f.texts[signal_name], color, signal_name, px=18)
            self._wire(p, [QPointF(f_at.x(), box.bottom()), QPointF(f_at.x(), f_at.y() - 17)], color)
        else:               # the box above, at the left edge of the drawing
            box = self._box(p, pal, box_at, f.texts[signal_name], color, signal_name, px=18, align="left")
            self._wire(p, [QPointF(f_at.x(), box.bottom()), QPointF(f_at.x(), f_at.y() - 17)], color)
        edge = valve_at.x() + (VALVE_R + 3 if from_right else -(VALVE_R + 3))
        self._wire(p, [QPointF(f_at.x() + (-17 if from_right else 17), f_at.y()), QPointF(edge, valve_at.y())],
                   color, width=3.0)
        self._node(p, pal, f_at, 16, "f", color, gate)
        self._valve(p, pal, valve_at, f.openings[gate], True, pal.hidden if gate == "f_o" else pal.memory, gate,
                    active=f.active)
        word = f.texts.get(gate + "_word", "")
        if from_right:      # value and word under the f node
            label = self._text(p, pal, QPointF(f_at.x(), f_at.y() + 40), f.texts[gate], "center", 18, color,
                               bold=True, quantity=gate, halo=True)
            if word:
                self._text(p, pal, QPointF(f_at.x(), label.bottom() + 10), word, "center", 15, pal.muted,
                           quantity=gate)
        else:               # value and word under the signal line, ending at the valve
            end = valve_at.x() - VALVE_R - 10
            label = self._text(p, pal, QPointF(end, f_at.y() + 28), f.texts[gate], "right", 18, color, bold=True,
                               quantity=gate, halo=True)
            if word:
                self._text(p, pal, QPointF(end, label.bottom() + 10), word, "right", 15, pal.muted, quantity=gate)


class GruCellView(_GatedCellView):
    """The GRU as a valve diagram: reset gate r, update gate z driving two coupled valves (z keeps the
    old memory, 1 − z lets the candidate in), candidate n, memory a as a tank."""

    KIND = "gru"

    def _memory_name(self) -> str:
        return "a"

    def _gate_key(self, name: str) -> str:
        return {"1-z": "1 − z", "1 - z": "1 − z"}.get(name, name)

    def _explained_as(self, quantity: str) -> str:
        return "z" if quantity == "1 − z" else quantity     # 1 − z is the update gate seen from the inlet

    def _no_layer_text(self) -> str:
        return self.tr("This network has no GRU layer. Choose GRU in the builder to see its cell.")

    def _tooltips(self) -> dict[str, str]:
        return {
            "r": self.tr("r: the reset gate. 1 lets the candidate see the old memory, 0 hides it."),
            "z": self.tr("z: the update gate. z keeps the old memory while 1 − z lets the candidate in: "
                         "one gate is both the forget and the input gate."),
            "1 − z": self.tr("1 − z: how much of the candidate n goes in — the other side of the update gate."),
            "n": self.tr("n: the candidate, tanh of the input part plus r times the memory part."),
            "pre_n": self.tr("The candidate's sum before tanh: the input part plus r·(the memory part)."),
            "a": self.tr("a: the memory, which is also the cell's output. After the step "
                         "a′ = (1 − z)·n + z·a."),
        }

    def _cell_frame(self) -> Frame:
        rec = self._records()
        steps = self.session.steps
        step = min(self.step, steps) if rec is not None else 0
        frame = Frame(step=step, steps=steps, active=step >= 1)
        frame.header = self._header(step, steps)
        coupling = self.tr("Out with the old, in with the new: z keeps the old memory and 1 − z lets the "
                           "candidate in, so forgetting and storing are one gate.")
        if step == 0:
            a0 = self._initial_memory("a")
            frame.level = a0
            frame.openings = {"r": 0.0, "z": 0.0, "1 − z": 0.0}
            frame.targets = dict(frame.openings)
            frame.texts = {"r": "r", "z": "z", "1 − z": "1 − z", "n": "n", "x_part": "W_xn·x + b_xn",
                           "h_part": "W_hn·a + b_hn", "a_label": f"a = {shown_value(a0)}"}
            frame.output_text = "–"
            frame.formulas = [
                Formula([f"a = {num(a0)}"], "a", self.tr("Nothing fed yet: the memory holds its initial value. "
                                                          "Press → to feed x¹.")),
                Formula(["a′ = (1 − z)·n + z·a"], "a", coupling),
                Formula(["n = tanh(W_xn·x + b_xn + r·(W_hn·a + b_hn))"], "n",
                        self.tr("the candidate: the reset gate r sets how much of the old memory it sees"),
                        primary=False),
            ]
            return frame
        t = step - 1
        progress = self.progress
        frame.gates = _phase(progress, 0.0, GATES_END)
        frame.flow = _phase(progress, GATES_END, FLOW_END)
        frame.out = _phase(progress, FLOW_END, 1.0)
        v = {name: self._value(rec, name, t) for name in ("a_prev", "r", "z", "n", "pre_n", "gh_n", "a")}
        before = {"r": self._value(rec, "r", t - 1) if t >= 1 else 0.0,
                  "z": self._value(rec, "z", t - 1) if t >= 1 else 0.0}
        before["1 − z"] = 1.0 - before["z"] if t >= 1 else 0.0
        target = {"r": v["r"], "z": v["z"], "1 − z": 1.0 - v["z"]}
        for gate in ("r", "z", "1 − z"):
            frame.targets[gate] = _clamp01(target[gate])
            frame.openings[gate] = _lerp(_clamp01(before[gate]), _clamp01(target[gate]), frame.gates)
        frame.level = _lerp(v["a_prev"], v["a"], frame.flow)
        if 0.0 < frame.flow < 1.0:
            frame.old_level = v["a_prev"]
        x_part = v["pre_n"] - v["r"] * v["gh_n"]
        old_a = self._value(rec, "a", t - 1) if t >= 1 else None
        a_now = v["a"] if frame.out >= 0.5 else old_a
        frame.texts = {
            "r": f"r = {gate_text(frame.openings['r'])}", "z": f"z = {gate_text(frame.openings['z'])}",
            "1 − z": f"1 − z = {gate_text(frame.openings['1 − z'])}",
            "n": f"n = {shown_value(v['n'])}",
            "x_part": f"W_xn·x + b_xn = {shown_value(x_part)}",
            "h_part": f"W_hn·a + b_hn = {shown_value(v['gh_n'])}",
            "reset": f"r·(…) = {shown_value(v['r'] * v['gh_n'])}",
            "a_label": ("a′" if frame.flow > 0 else "a") + f" = {shown_value(frame.level)}",
            "in": f"(1 − z)·n = {shown_value((1.0 - v['z']) * v['n'])}",
            "keep": f"z·a = {shown_value(v['z'] * v['a_prev'])}",
        }
        frame.output_text = "–" if a_now is None else shown_value(a_now)
        frame.output_alpha = abs(2.0 * frame.out - 1.0) if 0.0 < frame.out < 1.0 else 1.0
        cell = self._cell()
        fn = cell.activation
        n_lines = [f"n = {fn}(W_xn·x + b_xn + r·(W_hn·a + b_hn))",
                   f"= {fn}({num(x_part)} + {num(v['r'])}·{num(v['gh_n'])})".replace("+ −", "− "),
                   f"= {fn}({num(v['pre_n'])})", f"= {num(v['n'])}"]
        animating = progress < 1.0
        frame.formulas = [
            Formula(self._with_rounding(self._explanation("a", t), v["a"]), "a", coupling,
                    animating and GATES_END <= progress < FLOW_END),
            Formula(n_lines, "n", self.tr("the candidate: the reset gate r sets how much of the old memory it sees"),
                    animating and progress < GATES_END, primary=False),
        ]
        return frame

    def _draw_diagram(self, p: QPainter, pal, f: Frame) -> None:
        cx = 350.0
        liquid, gate = pal.memory, pal.gate
        tank = QRectF(cx - 110, 140, 220, 270)
        y_a, y_inlet, y_n, y_plus, y_x = 44.0, 470.0, 552.0, 632.0, 722.0
        loop_x, y_keep = cx + 195, 275.0
        reset_x, y_reset = cx - 75, 522.0
        z_x = 655.0
        on = 1.0 if f.active else 0.0
        flow = f.flow if f.active and f.flow > 0 else None
        # the candidate is computed while the valves turn: its pipes run in the first phase
        reset_flow = f.gates if f.active and f.gates < 1 else None

        # pipes: memory → reset valve → "+"; n → inlet valve (1 − z) → tank; keep loop (z); tank → a′
        self._pipe(p, pal, [QPointF(reset_x, tank.bottom()), QPointF(reset_x, y_reset - VALVE_R)], liquid, on,
                   reset_flow)
        self._pipe(p, pal, [QPointF(reset_x, y_reset + VALVE_R), QPointF(reset_x, y_plus),
                            QPointF(cx - 15, y_plus)], liquid, on * f.openings["r"], reset_flow)
        self._pipe(p, pal, [QPointF(cx, y_n - 24), QPointF(cx, y_inlet + VALVE_R)], liquid, on, flow)
        self._pipe(p, pal, [QPointF(cx, y_inlet - VALVE_R), QPointF(cx, tank.bottom())], liquid,
                   on * f.openings["1 − z"], flow)
        self._pipe(p, pal, [QPointF(tank.right(), tank.bottom() - 30), QPointF(loop_x, tank.bottom() - 30),
                            QPointF(loop_x, y_keep + VALVE_R)], liquid, on, flow)
        self._pipe(p, pal, [QPointF(loop_x, y_keep - VALVE_R), QPointF(loop_x, tank.top() + 30),
                            QPointF(tank.right(), tank.top() + 30)], liquid, on * f.openings["z"], flow)
        self._pipe(p, pal, [QPointF(cx, tank.top()), QPointF(cx, y_a + 24)], pal.hidden,
                   on if f.out > 0 else 0.0, f.out if f.active and f.out > 0 else None)
        self._tank(p, pal, tank, f.level, f.old_level, f.texts["a_label"], "a", liquid, self._tank_range())

        # input part → "+" → tanh → n
        self._wire(p, [QPointF(cx, y_x - 20), QPointF(cx, y_plus + 16)], pal.input)
        self._box(p, pal, QPointF(cx, y_x), f.texts["x_part"], pal.input, "pre_n", px=18)
        self._node(p, pal, QPointF(cx, y_plus), 15, "+", pal.input, "pre_n")
        self._wire(p, [QPointF(cx, y_plus - 15), QPointF(cx, y_n + 25)], pal.input)
        cell = self._cell()
        self._node(p, pal, QPointF(cx, y_n), 24, cell.activation if cell is not None else "tanh", pal.input, "n")
        self._text(p, pal, QPointF(cx + 34, y_n), f.texts["n"], "left", 19, quantity="n", halo=True)

        # the reset gate: how much of the old memory the candidate sees
        self._box(p, pal, QPointF(95, y_reset), f.texts["r"], gate, "r", px=18)
        self._wire(p, [QPointF(148, y_reset), QPointF(reset_x - VALVE_R - 3, y_reset)], gate, width=3.0)
        self._valve(p, pal, QPointF(reset_x, y_reset), f.openings["r"], True, liquid, "r", f.active)
        self._text(p, pal, QPointF(reset_x - 22, (tank.bottom() + y_reset - VALVE_R) / 2 + 4), f.texts["h_part"],
                   "right", 16, pal.muted, halo=True, quantity="r")
        if f.active:
            self._text(p, pal, QPointF(reset_x - 22, y_plus - 2), f.texts["reset"], "right", 16, pal.muted,
                       halo=True, quantity="r")

        # the update gate: one signal z drives two valves — z on the keep loop, 1 − z on the inlet
        z_box, junction, inverse = QPointF(z_x, 175), QPointF(z_x, y_keep), QPointF(z_x, y_inlet)
        self._wire(p, [QPointF(z_x, z_box.y() + 18), junction, QPointF(loop_x + VALVE_R + 3, y_keep)], gate,
                   width=3.0)
        self._wire(p, [junction, QPointF(z_x, y_inlet - 20)], gate, width=3.0)
        self._wire(p, [QPointF(z_x - 62, y_inlet), QPointF(cx + VALVE_R + 3, y_inlet)], gate, width=3.0)
        p.setPen(QPen(Qt.PenStyle.NoPen))
        p.setBrush(gate)
        p.drawEllipse(junction, 6.0, 6.0)
        self._box(p, pal, inverse, f.texts["1 − z"], gate, "1 − z", px=18)
        self._box(p, pal, z_box, f.texts["z"], gate, "z", px=18)
        self._valve(p, pal, QPointF(loop_x, y_keep), f.openings["z"], True, liquid, "z", f.active)
        self._valve(p, pal, QPointF(cx, y_inlet), f.openings["1 − z"], True, liquid, "1 − z", f.active)
        self._text(p, pal, QPointF(loop_x + VALVE_R + 10, y_keep + 40), self.tr("keeps"), "left", 15, pal.muted)
        self._text(p, pal, QPointF(cx + VALVE_R + 10, y_inlet + 26), self.tr("lets in"), "left", 15, pal.muted)
        if f.active and f.flow > 0:
            self._text(p, pal, QPointF(cx + 30, (y_inlet + tank.bottom()) / 2 - 6), f.texts["in"], "left", 18,
                       liquid, bold=True, alpha=f.flow, halo=True, quantity="a")
            self._text(p, pal, QPointF(loop_x - 10, tank.top() + 2), f.texts["keep"], "center", 18, liquid,
                       bold=True, alpha=f.flow, halo=True, quantity="a")
        self._box(p, pal, QPointF(cx, y_a), f"a′ = {f.output_text}", pal.hidden, "a", px=24, alpha=f.output_alpha)
