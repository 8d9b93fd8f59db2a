"""The lecture's "one network used again and again": the same network copied left to right over the steps.

Each copy is one step t: the input x^t at the bottom, each layer's units in the middle, the output y^t at
the top, and the memory passing from copy t to copy t+1 (from t+1 to t for a reverse pass). The same
weight matrix has the same colour in every copy — input weights, memory weights, output weights — which
is the point: there is one network, used T times. Steps not fed yet are faded; the current step is
highlighted.

A long sequence (w999 has 1000 steps) shows a window of at most ``WINDOW`` copies with a scroll bar.
The window's items are created once in ``rebuild()`` and refilled when the window moves, so the number
of items never depends on the length of the sequence.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (QFrame, QGraphicsEllipseItem, QGraphicsPathItem, QGraphicsPolygonItem,
                               QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView,
                               QScrollBar, QToolTip)

from simulator.gui.panels.matrix_editor import sub
from simulator.gui.style import format_value, mix, palette, text_on, value_color

from .base import StepView, legend_label, stack_without_margins
from .network_view import behind_another_tab


#: at most this many copies are drawn at once
WINDOW = 8
LAYERS_END = 0.4
OUTPUT_PHASE = (0.4, 0.7)
MEMORY_PHASE = (0.7, 1.0)
MAX_FIT_SCALE = 2.0
FADED = 0.3

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def sup(i: int) -> str:
    return str(i).translate(SUPERSCRIPT)


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return low if value < low else high if value > high else value


class Band:
    """One row of a copy: the inputs, one direction of one layer, or the outputs."""

    def __init__(self, role: str, layer: int, direction: str, quantities: list[tuple[str, int]], colour: str,
                 symbols: list[str]):
        self.role = role                  # "input" | "layer" | "output"
        self.layer = layer
        self.direction = direction
        self.quantities = quantities      # per unit: (record name, unit index)
        self.colour = colour
        self.symbols = symbols
        self.row = 0
        self.rect = QRectF()              # in copy coordinates

    def __len__(self) -> int:
        return len(self.quantities)


class Slot:
    """The items of one copy; ``t`` (0-based) is the step it shows, or −1 when unused."""

    def __init__(self):
        self.t = -1
        self.root: QGraphicsRectItem | None = None
        self.highlight: QGraphicsRectItem | None = None
        self.header: QGraphicsSimpleTextItem | None = None
        self.units: list[list[tuple[QGraphicsEllipseItem, QGraphicsSimpleTextItem]]] = []
        self.memory_arrows: list[tuple[QGraphicsPathItem, QGraphicsPolygonItem, Band]] = []
        self.pulses: list[tuple[QGraphicsEllipseItem, QPainterPath]] = []
        self.shown: dict = {}


class _Canvas(QGraphicsView):
    def __init__(self, owner: "UnrolledView"):
        super().__init__(owner.scene)
        self.owner = owner
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self._pressed = None

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.owner._fit()

    def mousePressEvent(self, event):
        self._pressed = self.owner.target_at(event.position().toPoint()) if event.button() == Qt.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        if event.button() == Qt.LeftButton and self._pressed is not None:
            if self.owner.target_at(event.position().toPoint()) == self._pressed:
                self.owner._activate(self._pressed)
        self._pressed = None

    def wheelEvent(self, event):
        # the wheel walks through the steps when the window is smaller than the sequence
        bar = self.owner.scroll_bar
        if bar.maximum() > 0 and not event.modifiers():
            bar.setValue(bar.value() - int(math.copysign(1, event.angleDelta().y() or 1)))
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event):
        if event.type() == QEvent.ToolTip:
            text = self.owner.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                return True
        return super().viewportEvent(event)


class UnrolledView(StepView):
    #: the user clicked a value of a given step: (t — the trace index, 0-based, i.e. step t+1 —,
    #: layer or −1 for the outputs, quantity, unit, direction)
    explain_at_requested = Signal(int, int, str, int, str)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.scene = QGraphicsScene(self)
        self.canvas = _Canvas(self)
        self.scroll_bar = QScrollBar(Qt.Horizontal)
        self.scroll_bar.valueChanged.connect(self._on_scroll)
        self.legend = legend_label()
        stack_without_margins(self, self.canvas, self.scroll_bar, self.legend)
        self._dark = False
        self._pal = palette(False)
        self._zoom = 1.0
        self._network = None
        self._trace = None
        self._bands: list[Band] = []
        self._slots: list[Slot] = []
        self._arrows: list[tuple[QGraphicsPathItem, QGraphicsPolygonItem, str]] = []
        self._labels: list[QGraphicsSimpleTextItem] = []
        self._scales: dict[tuple, float] = {}
        self._targets: dict[int, tuple] = {}
        self._scene_rect = QRectF(0, 0, 1, 1)
        self.start = 0
        self._stale = False           # a step arrived while the view was behind another tab
        self.value_font = QFont()
        self.value_font.setPointSizeF(11)
        self.value_font.setWeight(QFont.DemiBold)
        self.header_font = QFont()
        self.header_font.setPointSizeF(11)
        self.label_font = QFont()
        self.label_font.setPointSizeF(9.5)
        self.retranslate()
        if session is not None and session.project is not None:
            self.rebuild()

    # ------------------------------------------------------------------------------------------------
    # building
    # ------------------------------------------------------------------------------------------------
    def _steps(self) -> int:
        return self._trace.steps if self._trace is not None else 0

    def _make_bands(self, net) -> list[Band]:
        bands = [Band("input", -1, "forward", [("x", i) for i in range(net.input_size)], "input",
                      [f"x{sub(i + 1)}" for i in range(net.input_size)])]
        for k, layer in enumerate(net.layers):
            for direction, cell in layer.directions():
                mark = "" if direction == "forward" else "←"
                if cell.kind == "jordan":
                    quantities = [("y", j) for j in range(cell.output_size)]
                elif cell.kind == "scrn":
                    quantities = [("a", j) for j in range(cell.hidden_size)] + [
                        ("s", j) for j in range(cell.context_size)]
                else:
                    quantities = [("a", j) for j in range(cell.hidden_size)]
                symbols = [f"{mark}{q}{sub(j + 1)}" for q, j in quantities]
                bands.append(Band("layer", k, direction, quantities, "hidden", symbols))
        out = net.layers[-1].output_size if net.head.activation == "identity" else net.head.output_size
        bands.append(Band("output", -1, "forward", [("y", j) for j in range(out)], "output",
                          [f"y{sub(j + 1)}" for j in range(out)]))
        for row, band in enumerate(bands):
            band.row = row
        return bands

    def rebuild(self) -> None:
        self.scene.clear()
        self._slots, self._arrows, self._labels, self._targets = [], [], [], {}
        self._labelled: set[str] = set()
        self._scales.clear()
        self._network = self.session.network if self.session.project is not None else None
        self._trace = self.session.trace if self._network is not None else None
        if self._network is None:
            return
        net = self._network
        self._bands = bands = self._make_bands(net)
        widest = max(len(band) for band in bands)
        self.numbers = widest <= 4
        self.unit_d = 36.0 if widest <= 4 else 22.0 if widest <= 8 else 10.0 if widest <= 16 else 4.5
        self.unit_pitch = self.unit_d + (8.0 if widest <= 8 else 2.0 if widest <= 16 else 0.8)
        pad = 9.0
        inner = max(len(band) for band in bands) * self.unit_pitch - (self.unit_pitch - self.unit_d)
        self.box_w = inner + 2 * pad
        self.box_h = self.unit_d + 2 * pad
        self.row_gap = self.box_h + 46.0
        self.copy_w = self.box_w + 78.0
        for band in bands:
            y = -band.row * self.row_gap
            band.rect = QRectF(-self.box_w / 2, y - self.box_h / 2, self.box_w, self.box_h)
        steps = self._steps()
        count = min(WINDOW, steps) if steps else 1
        for j in range(count):
            self._slots.append(self._make_slot(j))
        self._make_outer_stubs(count)
        rect = self.scene.itemsBoundingRect()
        self._scene_rect = rect.adjusted(-30, -20, 30, 20)
        self.scene.setSceneRect(self._scene_rect)
        self.scroll_bar.blockSignals(True)
        self.scroll_bar.setRange(0, max(0, steps - count))
        self.scroll_bar.setPageStep(count)
        self.scroll_bar.setValue(min(self.start, self.scroll_bar.maximum()))
        self.scroll_bar.blockSignals(False)
        self.scroll_bar.setVisible(steps > count)
        self.start = self.scroll_bar.value()
        self._apply_style()
        self._fit()
        self._show(self.step, self.progress)

    def _copy_x(self, j: int) -> float:
        return j * self.copy_w

    def _make_slot(self, j: int) -> Slot:
        slot = Slot()
        root = QGraphicsRectItem(QRectF())
        root.setPen(Qt.NoPen)
        root.setPos(self._copy_x(j), 0)
        self.scene.addItem(root)
        slot.root = root
        top = self._bands[-1].rect.top()
        bottom = self._bands[0].rect.bottom()
        # not a child of the copy: it must lie under the memory arrow coming in from the copy before
        highlight = QGraphicsRectItem(QRectF(-self.copy_w / 2 + 8, top - 40, self.copy_w - 16, bottom - top + 62))
        highlight.setPos(self._copy_x(j), 0)
        highlight.setZValue(-10)
        self.scene.addItem(highlight)
        highlight.setVisible(False)
        slot.highlight = highlight
        header = QGraphicsSimpleTextItem(root)
        header.setFont(self.header_font)
        slot.header = header
        slot.header_y = top - 34
        for b, band in enumerate(self._bands):
            box = QGraphicsPathItem(self._rounded(band.rect, 10), root)
            box.setData(1, ("box", band.role))
            units = []
            n = len(band)
            left = -(n * self.unit_pitch - (self.unit_pitch - self.unit_d)) / 2
            for u in range(n):
                cx = left + self.unit_d / 2 + u * self.unit_pitch
                circle = QGraphicsEllipseItem(-self.unit_d / 2, -self.unit_d / 2, self.unit_d, self.unit_d, root)
                circle.setPos(cx, band.rect.center().y())
                circle.setZValue(2)
                key = len(self._targets)
                self._targets[key] = (j, b, u)
                circle.setData(0, key)
                text = QGraphicsSimpleTextItem(circle)
                text.setFont(self.value_font)
                text.setData(0, key)
                text.setVisible(self.numbers)
                units.append((circle, text))
            slot.units.append(units)
        self._make_copy_arrows(root, j)
        # the memory of each layer (and direction) passes to the neighbouring copy
        for band in self._bands:
            if band.role != "layer" or not self._network.layers[band.layer].cell.state_names:
                continue
            if j + 1 >= min(WINDOW, self._steps() or 1):
                continue
            path = self._memory_path(band)
            item = QGraphicsPathItem(path, root)
            item.setZValue(1)
            head = QGraphicsPolygonItem(self._head(path), root)
            head.setZValue(1)
            slot.memory_arrows.append((item, head, band))
            pulse = QGraphicsEllipseItem(-5, -5, 10, 10, root)
            pulse.setZValue(5)
            pulse.setVisible(False)
            slot.pulses.append((pulse, path))
        return slot

    def _memory_path(self, band: Band) -> QPainterPath:
        """From this copy's box to the next copy's (forward), or from the next copy's to this one's
        (a reverse pass carries its memory backwards in time)."""
        y = band.rect.center().y()
        right = band.rect.right() + 3
        left = self.copy_w - self.box_w / 2 - 3
        path = QPainterPath()
        if band.direction == "forward":
            path.moveTo(right, y)
            path.lineTo(left, y)
        else:
            path.moveTo(left, y)
            path.lineTo(right, y)
        return path

    def _make_copy_arrows(self, root, j: int) -> None:
        """The arrows inside one copy: input → layer 1 → … → output, coloured by the matrix they stand for."""
        bands = self._bands
        layers = [b for b in bands if b.role == "layer"]
        sources = [bands[0]]
        k = 0
        while k < len(layers):
            group = [b for b in layers if b.layer == layers[k].layer]
            for target in group:
                for source in sources:
                    self._arrow(root, source, target, "W_x", j)
            sources = group
            k += len(group)
        identity = self._network.head.activation == "identity"
        for source in sources:
            self._arrow(root, source, bands[-1], "identity" if identity else "W", j)

    def _arrow(self, root, source: Band, target: Band, matrix: str, j: int) -> None:
        between = target.row - source.row - 1
        start = QPointF(0, source.rect.top() - 2)
        end = QPointF(0, target.rect.bottom() + 2)
        path = QPainterPath()
        if between <= 0:
            path.moveTo(start)
            path.lineTo(end)
        else:
            # go round the boxes in between on the left (reverse: on the right)
            side = -1 if target.direction == "forward" and source.direction == "forward" else 1
            x = side * (self.box_w / 2 + 14)
            start = QPointF(side * self.box_w * 0.3, source.rect.top() - 2)
            end = QPointF(side * self.box_w * 0.3, target.rect.bottom() + 2)
            path.moveTo(start)
            path.cubicTo(QPointF(x, start.y() - 30), QPointF(x, end.y() + 30), end)
        item = QGraphicsPathItem(path, root)
        item.setZValue(0.5)
        head = QGraphicsPolygonItem(self._head(path), root)
        head.setZValue(0.5)
        self._arrows.append((item, head, matrix))
        if j == 0 and matrix != "identity" and between <= 0 and matrix not in self._labelled:
            self._labelled.add(matrix)
            label = QGraphicsSimpleTextItem({"W_x": "Wₓ", "W": "W"}.get(matrix, matrix), root)
            label.setFont(self.label_font)
            middle = path.pointAtPercent(0.5)
            label.setPos(middle.x() + 6, middle.y() - label.boundingRect().height() / 2)
            label.setData(1, matrix)
            self._labels.append(label)

    def _make_outer_stubs(self, count: int) -> None:
        """Memory coming into the first copy shown (the initial memory, or step start−1's) and the reverse
        memory coming into the last copy from the step after it."""
        for band in self._bands:
            if band.role != "layer" or not self._network.layers[band.layer].cell.state_names:
                continue
            y = band.rect.center().y()
            path = QPainterPath()
            if band.direction == "forward":
                x0 = self._copy_x(0) - self.box_w / 2
                path.moveTo(x0 - 46, y)
                path.lineTo(x0 - 3, y)
                label_x = x0 - 40
            else:
                x0 = self._copy_x(count - 1) + self.box_w / 2
                path.moveTo(x0 + 46, y)
                path.lineTo(x0 + 3, y)
                label_x = x0 + 10
            item = QGraphicsPathItem(path)
            self.scene.addItem(item)
            head = QGraphicsPolygonItem(self._head(path))
            self.scene.addItem(head)
            self._arrows.append((item, head, "W_a"))
            label = QGraphicsSimpleTextItem()
            label.setFont(self.label_font)
            label.setPos(label_x, y - 24)
            label.setData(1, ("stub", band.direction))
            label.setText(self._stub_text(band.direction))
            self.scene.addItem(label)
            self._labels.append(label)
        # what each row is, left of the first copy
        left = self._copy_x(0) - self.box_w / 2 - 54
        for band in self._bands:
            caption = QGraphicsSimpleTextItem()
            caption.setFont(self.header_font)
            caption.setData(1, ("row", band.role, band.layer, band.direction))
            caption.setData(2, (left, band.rect.center().y()))
            self.scene.addItem(caption)
            self._labels.append(caption)
        self._caption_texts()
        for slot in self._slots[:1]:
            for item, _head, _band in slot.memory_arrows:
                label = QGraphicsSimpleTextItem("Wₐ", slot.root)
                label.setFont(self.label_font)
                middle = item.path().pointAtPercent(0.5)
                label.setPos(middle.x() - label.boundingRect().width() / 2, middle.y() - 24)
                label.setData(1, "W_a")
                self._labels.append(label)

    def _caption_texts(self) -> None:
        for label in self._labels:
            key = label.data(1)
            if not (isinstance(key, tuple) and key[0] == "row"):
                continue
            _, role, layer, direction = key
            if role == "input":
                text = self.tr("x  input")
            elif role == "output":
                text = self.tr("y  output")
            else:
                text = self.tr("layer {n}").format(n=layer + 1)
                if self._network.layers[layer].bidirectional:
                    text += " →" if direction == "forward" else " ←"
            label.setText(text)
            x, y = label.data(2)
            br = label.boundingRect()
            label.setPos(x - br.width(), y - br.height() / 2)

    @staticmethod
    def _rounded(rect: QRectF, radius: float) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        return path

    @staticmethod
    def _head(path: QPainterPath) -> QPolygonF:
        angle = math.radians(path.angleAtPercent(1.0))
        tip = path.pointAtPercent(1.0)
        back = QPointF(-math.cos(angle), math.sin(angle))
        normal = QPointF(-back.y(), back.x())
        return QPolygonF([tip, tip + back * 12 + normal * 4.5, tip + back * 12 - normal * 4.5])

    # ------------------------------------------------------------------------------------------------
    # style
    # ------------------------------------------------------------------------------------------------
    def matrix_colour(self, matrix: str) -> QColor:
        """The colour of a weight matrix, the same in every copy."""
        pal = self._pal
        return {"W_x": pal.input, "W_a": pal.memory, "W": pal.gate}.get(matrix, pal.muted)

    def _band_colour(self, band: Band) -> QColor:
        pal = self._pal
        return {"input": pal.input, "hidden": pal.hidden, "output": pal.output}[band.colour]

    def _apply_style(self) -> None:
        pal = self._pal
        self.scene.setBackgroundBrush(QBrush(pal.background))
        for item, head, matrix in self._arrows:
            colour = self.matrix_colour(matrix)
            item.setPen(QPen(colour, 3.0 if matrix != "identity" else 1.6, Qt.SolidLine, Qt.RoundCap))
            head.setPen(QPen(colour, 1))
            head.setBrush(QBrush(colour))
        highlight = QColor(pal.highlight)
        highlight.setAlpha(70)
        for slot in self._slots:
            slot.highlight.setBrush(QBrush(highlight))
            slot.highlight.setPen(QPen(pal.highlight, 2))
            slot.header.setBrush(QBrush(pal.text))
            for child in slot.root.childItems():
                role = child.data(1)
                if isinstance(role, tuple) and role[0] == "box":
                    colour = {"input": pal.input, "layer": pal.hidden, "output": pal.output}[role[1]]
                    fill = QColor(colour)
                    fill.setAlpha(28)
                    child.setPen(QPen(colour, 2))
                    child.setBrush(QBrush(fill))
            for b, units in enumerate(slot.units):
                outline = self._band_colour(self._bands[b])
                for circle, _text in units:
                    circle.setPen(QPen(outline, 2.2 if self.numbers else 1.0))
            for item, head, _band in slot.memory_arrows:
                item.setPen(QPen(pal.memory, 3.0, Qt.SolidLine, Qt.RoundCap))
                head.setPen(QPen(pal.memory, 1))
                head.setBrush(QBrush(pal.memory))
            for pulse, _path in slot.pulses:
                pulse.setBrush(QBrush(pal.memory))
                pulse.setPen(QPen(pal.background, 1.5))
            slot.shown = {}
        for label in self._labels:
            key = label.data(1)
            if isinstance(key, str):
                label.setBrush(QBrush(self.matrix_colour(key)))
            else:
                label.setBrush(QBrush(pal.text if key[0] == "row" else pal.muted))
        self._update_legend()

    def _update_legend(self) -> None:
        pal = self._pal

        def swatch(colour: QColor) -> str:
            return f"<span style='color:{colour.name()}; font-size:14pt'>━</span>"

        self.legend.setText(
            f"<span style='color:{pal.text.name()}'>"
            + self.tr("The same network at every step:") + " &nbsp; "
            + swatch(self.matrix_colour("W_x")) + " " + self.tr("W_x input weights") + " &nbsp; "
            + swatch(self.matrix_colour("W_a")) + " " + self.tr("W_a memory weights (to the next step)") + " &nbsp; "
            + swatch(self.matrix_colour("W")) + " " + self.tr("W output weights") + " &nbsp; · &nbsp; "
            + self.tr("faded: not fed yet") + "</span>")
        self.legend.setStyleSheet(f"background: {pal.background.name()};")

    # ------------------------------------------------------------------------------------------------
    # showing
    # ------------------------------------------------------------------------------------------------
    def show_step(self, step: int, progress: float = 1.0) -> None:
        super().show_step(step, progress)
        if self.session.project is None:
            return
        if behind_another_tab(self):
            # The animator drives every created view 60 times a second; a tab nobody sees only notes
            # the step and draws it when it is shown (showEvent) or read back (_catch_up).
            self._stale = True
            return
        self._draw_step(step, progress)

    def _draw_step(self, step: int, progress: float) -> None:
        self._stale = False
        if self.session.network is not self._network or (self.session.trace is None) != (self._trace is None) \
                or (self._trace is not None and self.session.trace.steps != self._trace.steps):
            self._trace = self.session.trace
            self.rebuild()
            return
        if self.session.trace is not self._trace:
            self._trace = self.session.trace
            self._scales.clear()
            for slot in self._slots:
                slot.shown = {}
        self._follow(step)
        self._show(step, progress)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._catch_up()

    def _catch_up(self) -> None:
        """Draw the step that arrived while the view was behind another tab."""
        if self._stale and self.session.project is not None:
            self._draw_step(self.step, self.progress)

    def _follow(self, step: int) -> None:
        """Move the window so the current step (and, if there is one, the next) is in it."""
        steps, count = self._steps(), len(self._slots)
        if steps <= count:
            return
        current = max(0, step - 1)
        start = self.start
        if current < start:
            start = current
        elif current > start + count - 2:
            start = current - count + 2
        start = max(0, min(start, steps - count))
        if start != self.start:
            self.scroll_bar.setValue(start)     # → _on_scroll

    def _on_scroll(self, value: int) -> None:
        self.start = int(value)
        self._show(self.step, self.progress)

    def set_window_start(self, start: int) -> None:
        self.scroll_bar.setValue(int(start))

    def _value(self, band: Band, u: int, t: int) -> float:
        trace = self._trace
        if band.role == "input":
            return float(trace.inputs[t, 0, u])
        if band.role == "output":
            return float(trace.outputs[t, 0, u])
        quantity, unit = band.quantities[u]
        return float(trace.layers[band.layer].records[band.direction][quantity][t, 0, unit])

    def _scale(self, band: Band, u: int) -> float:
        quantity = band.quantities[u][0]
        key = (band.role, band.layer, band.direction, quantity)
        if key not in self._scales:
            trace = self._trace
            if band.role == "input":
                array = trace.inputs
            elif band.role == "output":
                array = trace.outputs
            else:
                array = trace.layers[band.layer].records[band.direction][quantity]
            finite = np.abs(np.asarray(array, dtype=float))
            finite = finite[np.isfinite(finite)]
            self._scales[key] = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
        return self._scales[key]

    def _phase(self, band: Band) -> tuple[float, float]:
        if band.role == "output":
            return OUTPUT_PHASE
        count = len(self._network.layers)
        return LAYERS_END * band.layer / count, LAYERS_END * (band.layer + 1) / count

    def _show(self, step: int, progress: float) -> None:
        if self._network is None:
            return
        steps = self._steps()
        step = max(0, min(int(step), steps))
        progress = 1.0 if step == 0 else _clamp(float(progress))
        pal = self._pal
        for j, slot in enumerate(self._slots):
            t = self.start + j
            slot.t = t if t < steps else -1
            fed = t < step                  # x^{t+1} has been fed
            current = t == step - 1
            header = self.tr("t = {t}").format(t=t + 1) if slot.t >= 0 else ""
            if slot.header.text() != header:
                slot.header.setText(header)
                br = slot.header.boundingRect()
                slot.header.setPos(-br.width() / 2, slot.header_y)
            if slot.highlight.isVisible() != current:
                slot.highlight.setVisible(current)
            opacity = 1.0 if fed else FADED
            if slot.root.opacity() != opacity:
                slot.root.setOpacity(opacity)
            for b, band in enumerate(self._bands):
                start, end = self._phase(band)
                fade_from = start + 0.35 * (end - start)
                for u, (circle, text) in enumerate(slot.units[b]):
                    if slot.t < 0 or (not fed and band.role != "input"):
                        self._paint(slot, (b, u), circle, text, "", pal.background, 1.0)
                        continue
                    value = self._value(band, u, t)
                    f = 1.0
                    if current and band.role != "input" and progress < 1:
                        f = _clamp((progress - fade_from) / max(1e-9, end - fade_from))
                    if f <= 0:
                        self._paint(slot, (b, u), circle, text, "", pal.background, 1.0)
                        continue
                    colour = mix(pal.background, value_color(value, self._scale(band, u), pal), f)
                    self._paint(slot, (b, u), circle, text, format_value(value), colour, f)
            start, end = MEMORY_PHASE
            passing = current and progress < 1 and start <= progress
            for (item, _head, _band), (pulse, path) in zip(slot.memory_arrows, slot.pulses):
                pen = item.pen()
                width = 5.5 if passing else 3.0
                if pen.widthF() != width:
                    pen.setWidthF(width)
                    item.setPen(pen)
                if passing:
                    pulse.setPos(path.pointAtPercent((progress - start) / (end - start)))
                if pulse.isVisible() != passing:
                    pulse.setVisible(passing)
        for label in self._labels:
            key = label.data(1)
            if isinstance(key, tuple) and key[0] == "stub":
                text = self._stub_text(key[1])
                if label.text() != text:
                    label.setText(text)

    def _stub_text(self, direction: str) -> str:
        """The memory entering the window: m⁰ (the initial memory) or m^t of the step just outside."""
        steps, count = self._steps(), len(self._slots)
        if direction == "forward":
            return f"m{sup(self.start)}"
        return f"m{sup(min(self.start + count, steps) + 1)}"

    def _paint(self, slot: Slot, key, circle, text, label: str, colour: QColor, opacity: float) -> None:
        state = (label, colour.rgba(), round(opacity, 3))
        if slot.shown.get(key) == state:
            return
        previous = slot.shown.get(key)
        slot.shown[key] = state
        circle.setBrush(QBrush(colour))
        text.setBrush(QBrush(text_on(colour)))
        text.setOpacity(opacity)
        if previous is None or previous[0] != label:
            text.setText(label)
            text.setScale(1.0)
            br = text.boundingRect()
            scale = min(1.0, (self.unit_d - 6) / br.width()) if br.width() > 0 else 1.0
            text.setScale(scale)
            text.setPos(-br.width() * scale / 2, -br.height() * scale / 2)

    # ------------------------------------------------------------------------------------------------
    # interaction
    # ------------------------------------------------------------------------------------------------
    def target_at(self, view_pos):
        """(slot index, band index, unit) of the unit under a viewport position, or None."""
        self._catch_up()
        scene_pos = self.canvas.mapToScene(view_pos)
        for item in self.scene.items(scene_pos):
            key = item.data(0)
            if key is not None and key in self._targets:
                return self._targets[key]
        return None

    def explain_request(self, target) -> tuple | None:
        """What clicking a unit asks: (t, layer, quantity, unit, direction), or None (inputs, unfed steps)."""
        j, b, u = target
        slot, band = self._slots[j], self._bands[b]
        if slot.t < 0 or slot.t >= self.step or band.role == "input":
            return None
        if band.role == "output":
            return (slot.t, -1, "y", u, "forward")
        quantity, unit = band.quantities[u]
        return (slot.t, band.layer, quantity, unit, band.direction)

    def _activate(self, target) -> None:
        request = self.explain_request(target)
        if request is not None:
            self.explain_at_requested.emit(*request)

    def tooltip_at(self, view_pos) -> str:
        target = self.target_at(view_pos)
        if target is None:
            return ""
        j, b, u = target
        slot, band = self._slots[j], self._bands[b]
        if slot.t < 0:
            return ""
        symbol = band.symbols[u]
        if band.role != "input" and slot.t >= self.step:
            return self.tr("{symbol} at step t = {t}: not fed yet").format(symbol=symbol, t=slot.t + 1)
        value = format_value(self._value(band, u, slot.t), 6)
        text = self.tr("{symbol} at step t = {t}: {value}").format(symbol=symbol, t=slot.t + 1, value=value)
        if band.role != "input":
            text += "\n" + self.tr("Click: why is it this number?")
        return text

    def unit_point(self, t: int, layer: int, unit: int, direction: str = "forward") -> QPointF | None:
        """The scene centre of a unit of step t (0-based) if it is in the window."""
        found = self._find(t, layer, unit, direction)
        if found is None:
            return None
        circle, _text = found
        return circle.scenePos()

    # ------------------------------------------------------------------------------------------------
    # zoom, theme, language
    # ------------------------------------------------------------------------------------------------
    def set_zoom(self, factor: float) -> None:
        self._zoom = max(0.2, min(8.0, float(factor)))
        self._fit()

    def _fit(self) -> None:
        rect = self._scene_rect
        viewport = self.canvas.viewport().size()
        if rect.width() <= 0 or rect.height() <= 0 or viewport.width() <= 0:
            return
        fit = min(viewport.width() / rect.width(), viewport.height() / rect.height()) * 0.98
        scale = min(fit, MAX_FIT_SCALE) * self._zoom
        self.canvas.setTransform(QTransform.fromScale(scale, scale))
        self.canvas.centerOn(rect.center())

    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        self._pal = palette(self._dark)
        if self._slots:
            self._apply_style()
            self._show(self.step, self.progress)
        else:
            self._update_legend()

    def retranslate(self) -> None:
        self._update_legend()
        if self._slots:
            self._caption_texts()
            self._show(self.step, self.progress)

    # ------------------------------------------------------------------------------------------------
    # reading back (tests)
    # ------------------------------------------------------------------------------------------------
    def visible_steps(self) -> range:
        """The trace indices (0-based) of the copies drawn now."""
        self._catch_up()
        steps = self._steps()
        return range(self.start, min(self.start + len(self._slots), steps))

    def _find(self, t: int, layer: int, unit: int, direction: str):
        if t not in self.visible_steps():
            return None
        j = t - self.start
        for b, band in enumerate(self._bands):
            if layer < 0 and band.role == "output" or (band.role == "layer" and band.layer == layer
                                                      and band.direction == direction):
                return self._slots[j].units[b][unit]
        return None

    def unit_text(self, t: int, layer: int, unit: int, direction: str = "forward") -> str:
        """The number on a unit of step t (0-based trace index: t = 0 is the copy for x¹); layer −1 is
        the output layer. "" when that step is outside the window or not fed yet."""
        found = self._find(t, layer, unit, direction)
        return found[1].text() if found is not None else ""

    def input_text(self, t: int, i: int) -> str:
        if t not in self.visible_steps():
            return ""
        return self._slots[t - self.start].units[0][i][1].text()
