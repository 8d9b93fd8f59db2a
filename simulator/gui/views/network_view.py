"""The network drawn in the lecture's visual language, one step at a time.

Inputs x₁…x_D at the bottom, each layer's units above them (hidden: green outline, output: red), the
memory boxes (blue) beside the row that feeds each recurrent layer, as in the lecture's figure where
the memory sits next to the inputs and the hidden units copy themselves into it (dashed arrows). Every
weight is an edge: its colour is its sign, its width its size. LSTM and GRU layers are cells with one
input stub per gate signal (z, z_i, z_f, z_o / r, z, n), since each stub has its own row of weights.

The items are created once in ``rebuild()``; ``show_step`` only changes fills, texts and the position
of the pulses that carry values along the edges while a step animates:

    0.0–0.4  inputs and memory flow into the hidden units (layer by layer), which fade in
    0.4–0.7  hidden → outputs
    0.7–1.0  the hidden values are copied into the memory boxes along the dashed arrows

Views never edit the session: a click on a weight opens a small editor whose result leaves through
``weight_edit_requested``; "Edit matrix…" leaves through ``matrix_edit_requested``.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (QFrame, QGraphicsEllipseItem, QGraphicsLineItem, QGraphicsPathItem,
                               QGraphicsPolygonItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem,
                               QGraphicsView, QLabel, QLineEdit, QMenu, QToolTip, QVBoxLayout, QWidget)

from simulator.gui.panels.matrix_editor import (MatrixEditorDialog, editable_text,
                                                parse_number, sub)
from simulator.gui.style import format_value, mix, palette, text_on, value_color

from .base import StepView, legend_label, stack_without_margins


#: the animation's phases (fractions of a step's progress)
LAYERS_END = 0.4
OUTPUT_PHASE = (0.4, 0.7)
COPY_PHASE = (0.7, 0.9)
MEMORY_PHASE = (0.8, 1.0)

#: a unit's values are written on it up to this many units in its row; beyond, colours only
MAX_LABELLED_UNITS = 16
#: at most this many value-carrying pulses (one per edge of the smaller matrices)
MAX_PULSES = 1200
MAX_PULSED_MATRIX = 256
#: the largest magnification fitting a small network to the window may use
MAX_FIT_SCALE = 2.0

GATES = {"lstm": ("z", "z_i", "z_f", "z_o"), "gru": ("r", "z", "n")}
GATE_SYMBOLS = {"z": "z", "z_i": "zᵢ", "z_f": "z_f", "z_o": "zₒ", "r": "r", "n": "n"}
#: the record holding the value a gate signal turns into, for the tooltips
GATE_VALUES = {"lstm": {"z": "g_z", "z_i": "f_i", "z_f": "f_f", "z_o": "f_o"}}
KIND_NAMES = {"elman": "Elman", "irnn": "IRNN", "lstm": "LSTM", "gru": "GRU", "jordan": "Jordan",
              "clockwork": "Clockwork", "scrn": "SCRN", "feedforward": "feed-forward"}


def behind_another_tab(widget: QWidget) -> bool:
    """True when ``widget`` sits in a shown window but is not visible itself (e.g. a tab behind another):
    nobody sees what it would draw now. A widget on its own, not shown yet, is not behind anything."""
    window = widget.window()
    return window is not widget and window.isVisible() and not widget.isVisible()


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return low if value < low else high if value > high else value


def _prefix(layer: int, direction: str) -> str:
    return f"layers.{layer}" + (".reverse" if direction == "reverse" else "")


class Metrics:
    """Sizes of the units of one row: smaller and closer as the row grows, numbers only up to 16."""

    def __init__(self, n: int, shape: str, gates: int = 0):
        self.numbers = n <= MAX_LABELLED_UNITS
        if shape == "cell":
            self.stub_pitch, self.stub = (30.0, 16.0) if n <= 8 else (22.0, 11.0) if n <= 16 else (8.0, 5.0)
            self.w = gates * self.stub_pitch + (10.0 if n <= 16 else 2.0)
            self.h = 58.0 if n <= 8 else 48.0 if n <= 16 else 20.0
            self.pitch = self.w + (30.0 if n <= 8 else 18.0 if n <= 16 else 6.0)
        elif shape == "box":       # inputs and memory: symbols below, no bias, so closer together
            self.stub_pitch = self.stub = 0.0
            self.w = self.h = 54.0 if n <= 8 else 44.0 if n <= 16 else 18.0
            self.pitch = self.w + (18.0 if n <= 8 else 8.0 if n <= 16 else 5.0)
        else:
            self.stub_pitch = self.stub = 0.0
            self.w = self.h = 54.0 if n <= 8 else 44.0 if n <= 16 else 18.0
            # room between units for the bias square (upper left) and the symbol (upper right)
            self.pitch = self.w + (40.0 if n <= 8 else 12.0 if n <= 16 else 5.0)


class Node:
    """One drawn value: an input, a unit, a gate stub, a memory box or an output."""

    def __init__(self, role: str, layer: int, direction: str, quantity: str, unit: int, symbol: str,
                 shape: str, colour: str, kind: str = ""):
        self.role = role              # "input" | "unit" | "stub" | "memory" | "output"
        self.layer = layer            # -1 for inputs and outputs
        self.direction = direction
        self.quantity = quantity      # the record (or state) name in the Trace
        self.unit = unit
        self.symbol = symbol
        self.shape_kind = shape       # "circle" | "box" | "cell" | "stub"
        self.colour = colour          # palette role of the outline
        self.kind = kind              # the layer's cell kind
        self.metrics: Metrics | None = None
        self.center = QPointF()
        self.cell: Node | None = None  # for a stub: its cell
        self.stubs: list[Node] = []
        self.phase = (0.0, 1.0)
        self.item = None
        self.text: QGraphicsSimpleTextItem | None = None
        self.label: QGraphicsSimpleTextItem | None = None
        self.shown: tuple | None = None   # (text, rgba, opacity, dashed) last drawn
        self.shown_for: tuple | None = None   # (t, phase fraction, no trace) it was drawn for

    @property
    def w(self) -> float:
        if self.shape_kind == "stub":
            return self.cell.metrics.stub
        return self.metrics.w

    @property
    def h(self) -> float:
        if self.shape_kind == "stub":
            return self.cell.metrics.stub
        return self.metrics.h

    def anchor(self, toward: QPointF, outgoing: bool) -> QPointF:
        """Where an edge meets this node: the circle's rim toward the other end, or the middle of the top
        (outgoing) or bottom (incoming) side of a box or cell."""
        if self.shape_kind in ("circle", "stub"):
            dx, dy = toward.x() - self.center.x(), toward.y() - self.center.y()
            length = math.hypot(dx, dy) or 1.0
            r = self.w / 2
            return QPointF(self.center.x() + r * dx / length, self.center.y() + r * dy / length)
        dy = -self.h / 2 if outgoing else self.h / 2
        return QPointF(self.center.x(), self.center.y() + dy)


class Group:
    """A horizontal row of nodes of one kind (one layer's units, one memory state, the inputs…)."""

    def __init__(self, nodes: list[Node], metrics: Metrics, caption=None):
        self.nodes = nodes
        self.metrics = metrics
        self.caption = caption        # () -> str, for memory groups
        for node in nodes:
            node.metrics = metrics

    @property
    def width(self) -> float:
        return (len(self.nodes) - 1) * self.metrics.pitch + self.metrics.w

    def place(self, left: float, y: float) -> None:
        self.left, self.y = left, y
        for i, node in enumerate(self.nodes):
            node.center = QPointF(left + self.metrics.w / 2 + i * self.metrics.pitch, y)
            for g, stub in enumerate(node.stubs):
                offset = (g - (len(node.stubs) - 1) / 2) * self.metrics.stub_pitch
                stub.center = QPointF(node.center.x() + offset, y + self.metrics.h / 2 + self.metrics.stub / 2 + 1)


class Row:
    def __init__(self, caption, tooltip=None):
        self.caption = caption        # () -> str
        self.tooltip = tooltip        # () -> str
        self.center: list[Group] = []
        self.left: list[Group] = []   # memory of the forward pass of the layer above
        self.right: list[Group] = []  # memory of its reverse pass
        self.y = 0.0

    def has_stubs(self) -> bool:
        return any(node.stubs for group in self.center for node in group.nodes)

    def center_extent(self) -> tuple[float, float]:
        if not self.center:
            return 0.0, 0.0
        return self.center[0].left, self.center[-1].left + self.center[-1].width


class Edge:
    """A weight: ``params[key].flat[flat_index]`` from ``source`` into ``target``."""

    def __init__(self, source: Node, target: Node, key: str, flat_index: int, index: tuple[int, ...]):
        self.source, self.target = source, target
        self.key, self.flat_index, self.index = key, flat_index, index
        self.phase = target.phase
        self.weight = 0.0
        self.pulse: QGraphicsEllipseItem | None = None
        self.p0 = self.p1 = QPointF()

    def point_at(self, fraction: float) -> QPointF:
        """The scene point ``fraction`` of the way from the source to the target."""
        return self.p0 + (self.p1 - self.p0) * fraction

    @property
    def name(self) -> str:
        return self.key.rsplit(".", 1)[-1]


class Bias:
    """A bias ``params[key][flat_index]`` of ``target``: a small square beside it, clickable."""

    def __init__(self, target: Node, key: str, flat_index: int, offset: QPointF, size: float):
        self.target, self.key, self.flat_index = target, key, flat_index
        self.index = (flat_index,)
        self.offset, self.size = offset, size
        self.weight = 0.0
        self.item: QGraphicsRectItem | None = None

    @property
    def name(self) -> str:
        return self.key.rsplit(".", 1)[-1]

    @property
    def center(self) -> QPointF:
        return self.target.center + self.offset


class Link:
    """A fixed connection that is not a weight: the copy into memory (dashed), the LSTM's read of its
    memory cell, SCRN's fixed α, the identity output y = a."""

    def __init__(self, source: Node, target: Node, role: str):
        self.source, self.target, self.role = source, target, role   # role: copy | read | alpha | identity
        self.path = QPainterPath()
        self.item: QGraphicsPathItem | None = None
        self.head: QGraphicsPolygonItem | None = None
        self.pulse: QGraphicsEllipseItem | None = None


class _BackgroundPath(QGraphicsPathItem):
    """A link drawn into the view's cached background with the edges (NetworkView._paint_edges), not by
    itself: stroking the antialiased dashed curves again in every animation frame took longer than all
    the rest of a frame, and they never change during one. The item stays in the scene for hit-testing,
    tooltips and its pen."""

    def paint(self, painter, option, widget=None) -> None:
        pass


class _Canvas(QGraphicsView):
    """The QGraphicsView: fits the drawing on resize, turns clicks and hovers into the owner's targets."""

    def __init__(self, owner: "NetworkView"):
        super().__init__(owner.scene)
        self.owner = owner
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setFrameShape(QFrame.NoFrame)
        self.setMouseTracking(True)
        # The edges and links are drawn once into the cached background; a frame repaints only the units
        self.setCacheMode(QGraphicsView.CacheBackground)
        self._pressed = None

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        self.owner._paint_edges(painter, rect)

    def mouseMoveEvent(self, event):
        super().mouseMoveEvent(event)
        self.owner._hover(self.owner.target_at(event.position().toPoint()))

    def leaveEvent(self, event):
        super().leaveEvent(event)
        self.owner._hover(None)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.owner._fit()

    def mousePressEvent(self, event):
        self.owner._close_editor()
        self._pressed = self.owner.target_at(event.position().toPoint()) if event.button() == Qt.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        if event.button() != Qt.LeftButton or self._pressed is None:
            return
        pos = event.position().toPoint()
        target = self.owner.target_at(pos)
        if target is self._pressed:
            self.owner._activate(target, pos)
        self._pressed = None

    def contextMenuEvent(self, event):
        target = self.owner.target_at(event.pos())
        menu = self.owner.context_menu(target, event.pos())
        if menu is not None:
            menu.exec(event.globalPos())

    def viewportEvent(self, event):
        if event.type() == QEvent.ToolTip:
            target = self.owner.target_at(event.pos())
            text = self.owner.tooltip_for(target) if target is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                return True
        return super().viewportEvent(event)


class WeightEditor(QFrame):
    """The in-place editor of one weight: Enter sets it, Esc cancels, text that is not a number is
    refused with the reason shown (and nothing is sent)."""

    def __init__(self, parent, title: str, value: float, on_commit, on_cancel, hint: str):
        super().__init__(parent)
        self.setObjectName("weightEditor")
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        self.on_commit, self.on_cancel = on_commit, on_cancel
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: 600;")
        self.line_edit = QLineEdit(editable_text(value))
        self.line_edit.setMinimumWidth(140)
        self.line_edit.returnPressed.connect(self.commit)
        self.line_edit.installEventFilter(self)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #c62828; font-weight: 600;")
        self.reason.hide()
        self.hint = QLabel(hint)
        self.hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        for widget in (self.title, self.line_edit, self.reason, self.hint):
            layout.addWidget(widget)

    def eventFilter(self, watched: QObject, event) -> bool:
        if watched is self.line_edit and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.on_cancel()
            return True
        return super().eventFilter(watched, event)

    def commit(self) -> None:
        try:
            value = parse_number(self.line_edit.text())
        except ValueError as error:
            self.reason.setText(str(error))
            self.reason.show()
            self.adjustSize()
            return
        self.on_commit(value)

    def reason_text(self) -> str:
        return self.reason.text() if not self.reason.isHidden() else ""


class NetworkView(StepView):
    #: "Edit matrix…" was accepted: (parameter key, the new array) — one undoable edit for the caller
    matrix_edit_requested = Signal(str, object)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.scene = QGraphicsScene(self)
        self.canvas = _Canvas(self)
        self.legend = legend_label()
        stack_without_margins(self, self.canvas, self.legend)
        self._dark = False
        self._pal = palette(False)
        self._zoom = 1.0
        self._network = None
        self._trace = None
        self._scales: dict[tuple, float] = {}
        self._stale = False           # a step arrived while the view was behind another tab
        self._clear_model()
        self.weight_editor: WeightEditor | None = None
        self._editor_target = None
        self.value_font = QFont()
        self.value_font.setPointSizeF(11.5)
        self.value_font.setWeight(QFont.DemiBold)
        self.label_font = QFont()
        self.label_font.setPointSizeF(10)
        self.caption_font = QFont()
        self.caption_font.setPointSizeF(10.5)
        self.stub_font = QFont()
        self.stub_font.setPointSizeF(9)
        self.retranslate()
        if session is not None and session.project is not None:
            self.rebuild()

    def _clear_model(self) -> None:
        self._nodes: list[Node] = []
        self._edges: list[Edge] = []
        self._biases: list[Bias] = []
        self._links: list[Link] = []
        self._rows: list[Row] = []
        self._targets: list = []
        self._captions: list[tuple[QGraphicsSimpleTextItem, object, object]] = []
        self._pulsed: list[Edge] = []
        self._edge_ends = np.zeros((0, 4))
        self._edge_batches: list[tuple[QPen, list[QLineF]]] = []
        self._highlight: QGraphicsLineItem | None = None
        self._edges_dense = False
        self._index: dict[tuple, Node] = {}
        self._scene_rect = QRectF(0, 0, 1, 1)

    # ------------------------------------------------------------------------------------------------
    # building the drawing
    # ------------------------------------------------------------------------------------------------
    def rebuild(self) -> None:
        self._close_editor()
        self.scene.clear()
        self._clear_model()
        self._trace = None
        network = self.session.network if self.session.project is not None else None
        self._network = network
        if network is None:
            return
        self._build_model(network)
        self._layout()
        self._create_items()
        self._sync()
        self._fit()
        self._show(self.step, self.progress)

    def _node(self, *args, **kwargs) -> Node:
        node = Node(*args, **kwargs)
        self._nodes.append(node)
        self._index[(node.role, node.layer, node.direction, node.quantity, node.unit)] = node
        return node

    def _build_model(self, net) -> None:
        inputs = [self._node("input", -1, "forward", "x", i, f"x{sub(i + 1)}", "box", "input")
                  for i in range(net.input_size)]
        input_row = Row(lambda: self.tr("x · input"),
                        lambda: self.tr("The input vector x fed at this step, one box per number"))
        input_row.center.append(Group(inputs, Metrics(len(inputs), "box")))
        self._rows = [input_row]
        below = inputs
        count = len(net.layers)
        for k, layer in enumerate(net.layers):
            start, end = LAYERS_END * k / count, LAYERS_END * (k + 1) / count
            half = (start + end) / 2
            feeding_row = self._rows[-1]
            rows = self._layer_rows(k, layer)
            self._rows.extend(rows.values())
            outputs: list[Node] = []
            for direction, cell in layer.directions():
                outputs += self._build_direction(net, k, direction, cell, below, rows, feeding_row,
                                                 (start, half, end))
            below = outputs

        if net.head.activation == "identity":
            outs = [self._node("output", -1, "forward", "y", j, f"y{sub(j + 1)}", "circle", "output")
                    for j in range(len(below))]
        else:
            outs = [self._node("output", -1, "forward", "y", j, f"y{sub(j + 1)}", "circle", "output")
                    for j in range(net.head.output_size)]
        for node in outs:
            node.phase = OUTPUT_PHASE
        output_row = Row(lambda: self.tr("y · output ({activation})").format(activation=net.head.activation),
                         lambda: self.tr("The network's output y at this step"))
        output_row.center.append(Group(outs, Metrics(len(outs), "circle")))
        self._rows.append(output_row)
        if net.head.activation == "identity":
            for source, node in zip(below, outs):
                self._links.append(Link(source, node, "identity"))
        else:
            A = len(below)
            for j, node in enumerate(outs):
                for i, source in enumerate(below):
                    self._edges.append(Edge(source, node, "head.W", j * A + i, (j, i)))
                if net.head.use_bias:
                    self._add_bias(node, "head.b", j)

    def _layer_rows(self, k: int, layer) -> dict[str, Row]:
        kind = layer.cell.kind
        name = KIND_NAMES.get(kind, kind)
        n = k + 1
        both = layer.bidirectional
        cell = layer.cell

        def hidden_caption():
            text = self.tr("a · layer {n}: {kind}").format(n=n, kind=name)
            if kind not in ("lstm", "gru"):
                text += f" ({cell.activation})"
            if both:
                text += "\n" + self.tr("→ forward, ← reverse")
            return text

        def hidden_tooltip():
            return {
                "lstm": self.tr("LSTM cells: each has four input signals z, z_i, z_f, z_o and a memory cell c"),
                "gru": self.tr("GRU cells: each has the signals r (reset), z (update) and n (candidate)"),
                "feedforward": self.tr("A layer without memory: the same input always gives the same output"),
            }.get(kind, self.tr("Hidden units: each adds up its weighted inputs and its weighted memory"))

        rows = {}
        if kind == "scrn":
            rows["context"] = Row(lambda: self.tr("s · layer {n}: slow context, α = {alpha}").format(
                n=n, alpha=format_value(cell.alpha)),
                lambda: self.tr("Context units s change slowly: s = (1 − α)·B x + α·s of the last step"))
        rows["hidden"] = Row(hidden_caption, hidden_tooltip)
        if kind == "jordan":
            rows["jordan_y"] = Row(lambda: self.tr("y · layer {n}: Jordan output").format(n=n),
                                   lambda: self.tr("A Jordan layer stores its output y, not its hidden a"))
        return rows

    def _memory_group(self, k: int, direction: str, state: str, size: int, symbol: str, kind: str,
                      feeding_row: Row) -> list[Node]:
        nodes = [self._node("memory", k, direction, state, j, f"{symbol}{sub(j + 1)}", "box", "memory", kind)
                 for j in range(size)]
        words = {"c": lambda: self.tr("memory cell c"), "s": lambda: self.tr("memory: context s")}
        caption = words.get(state, lambda: self.tr("memory"))
        group = Group(nodes, Metrics(size, "box"), caption)
        (feeding_row.left if direction == "forward" else feeding_row.right).append(group)
        return nodes

    def _build_direction(self, net, k, direction, cell, below, rows, feeding_row, phases) -> list[Node]:
        start, half, end = phases
        kind = cell.kind
        p = _prefix(k, direction)
        H = cell.hidden_size
        mark = "" if direction == "forward" else "←"

        def units(quantity, n, symbol, colour="hidden", shape="circle", phase=(start, end)):
            made = [self._node("unit", k, direction, quantity, j, f"{mark}{symbol}{sub(j + 1)}", shape, colour, kind)
                    for j in range(n)]
            for node in made:
                node.phase = phase
            return made

        def connect(sources, targets, key, columns=None, mask=None):
            cols = len(sources) if columns is None else columns
            for j, target in enumerate(targets):
                for i, source in enumerate(sources):
                    if mask is not None and not mask[j % mask.shape[0], i]:
                        continue      # a weight the cell never uses (Clockwork's block structure)
                    self._edges.append(Edge(source, target, key, j * cols + i, (j, i)))

        if kind in GATES:
            gates = GATES[kind]
            metrics = Metrics(H, "cell", len(gates))
            cells = units("a", H, "a", shape="cell", phase=(half, end))
            stub_rows = []
            for g in gates:
                symbol = f"{mark}{GATE_SYMBOLS[g]}"
                stubs = [self._node("stub", k, direction, g, j, symbol + (sub(j + 1) if H > 1 else ""),
                                    "stub", "gate", kind) for j in range(H)]
                for cell_node, stub in zip(cells, stubs):
                    stub.cell, stub.phase = cell_node, (start, half)
                    cell_node.stubs.append(stub)
                stub_rows.append(stubs)
            rows["hidden"].center.append(Group(cells, metrics))
            flat = [stub for g_stubs in stub_rows for stub in g_stubs]     # rows in the engine's order
            connect(below, flat, f"{p}.W_x")
            if kind == "lstm":
                memory_c = self._memory_group(k, direction, "c", H, "c", kind, feeding_row)
                for cell_node, box in zip(cells, memory_c):
                    self._links.append(Link(box, cell_node, "read"))
                    self._links.append(Link(cell_node, box, "copy"))
                if cell.recurrence:
                    memory_a = self._memory_group(k, direction, "a", H, "m", kind, feeding_row)
                    connect(memory_a, flat, f"{p}.W_a")
                    for cell_node, box in zip(cells, memory_a):
                        self._links.append(Link(cell_node, box, "copy"))
                if cell.peephole:
                    connect(memory_c, flat, f"{p}.W_c")
                stub_size = metrics.stub
                for row_index, stub in enumerate(flat):
                    self._add_bias(stub, f"{p}.b", row_index, QPointF(stub_size / 2 + 5, stub_size / 2 + 2))
            else:
                memory_a = self._memory_group(k, direction, "a", H, "m", kind, feeding_row)
                connect(memory_a, flat, f"{p}.W_a")
                for cell_node, box in zip(cells, memory_a):
                    self._links.append(Link(cell_node, box, "copy"))
                stub_size = metrics.stub
                for row_index, stub in enumerate(flat):
                    self._add_bias(stub, f"{p}.b_x", row_index, QPointF(-stub_size / 2 - 5, stub_size / 2 + 2))
                    self._add_bias(stub, f"{p}.b_a", row_index, QPointF(stub_size / 2 + 5, stub_size / 2 + 2))
            return cells

        if kind == "jordan":
            O = cell.output_size
            hidden = units("a", H, "a", phase=(start, half))
            ys = units("y", O, "y", colour="output", phase=(half, end))
            rows["hidden"].center.append(Group(hidden, Metrics(H, "circle")))
            rows["jordan_y"].center.append(Group(ys, Metrics(O, "circle")))
            memory = self._memory_group(k, direction, "y", O, "m", kind, feeding_row)
            connect(below, hidden, f"{p}.W_x")
            connect(memory, hidden, f"{p}.W_m")
            connect(hidden, ys, f"{p}.W_y")
            for j, node in enumerate(hidden):
                self._add_bias(node, f"{p}.b", j)
            for j, node in enumerate(ys):
                self._add_bias(node, f"{p}.b_y", j)
                self._links.append(Link(node, memory[j], "copy"))
            return ys

        if kind == "scrn":
            S = cell.context_size
            context = units("s", S, "s", phase=(start, half))
            hidden = units("a", H, "a", phase=(half, end))
            rows["context"].center.append(Group(context, Metrics(S, "circle")))
            rows["hidden"].center.append(Group(hidden, Metrics(H, "circle")))
            memory_s = self._memory_group(k, direction, "s", S, "s", kind, feeding_row)
            memory_a = self._memory_group(k, direction, "a", H, "m", kind, feeding_row)
            connect(below, context, f"{p}.B")
            connect(below, hidden, f"{p}.A")
            connect(context, hidden, f"{p}.P")
            connect(memory_a, hidden, f"{p}.R")
            for j, node in enumerate(hidden):
                self._add_bias(node, f"{p}.b", j)
            for box, node in zip(memory_s, context):
                self._links.append(Link(box, node, "alpha"))
                self._links.append(Link(node, box, "copy"))
            for node, box in zip(hidden, memory_a):
                self._links.append(Link(node, box, "copy"))
            return hidden + context

        # elman, irnn, clockwork, feedforward
        hidden = units("a", H, "a")
        rows["hidden"].center.append(Group(hidden, Metrics(H, "circle")))
        connect(below, hidden, f"{p}.W_x")
        if kind != "feedforward":
            memory = self._memory_group(k, direction, "a", H, "m", kind, feeding_row)
            connect(memory, hidden, f"{p}.W_a", mask=getattr(cell, "mask", None) if kind == "clockwork" else None)
            for node, box in zip(hidden, memory):
                self._links.append(Link(node, box, "copy"))
        for j, node in enumerate(hidden):
            self._add_bias(node, f"{p}.b", j)
        return hidden

    def _add_bias(self, target: Node, key: str, index: int, offset: QPointF | None = None) -> None:
        if offset is None:
            r = target.metrics.w / 2
            offset = QPointF(-r * 0.78 - 4, -r * 0.78 - 4)
        size = 12.0 if (target.metrics and target.metrics.numbers) else 6.0
        if target.shape_kind == "stub":
            size = 9.0 if target.cell.metrics.numbers else 4.0
        self._biases.append(Bias(target, key, index, offset, size))

    def _layout(self) -> None:
        y = 0.0
        rows = self._rows
        for i, row in enumerate(rows):
            if i > 0:
                big = any(len(g.nodes) > MAX_LABELLED_UNITS for g in row.center + rows[i - 1].center)
                y -= (190.0 if big else 165.0) + (26.0 if row.has_stubs() else 0.0)
            row.y = y
            total = sum(g.width for g in row.center) + 56.0 * (len(row.center) - 1)
            x = -total / 2
            for group in row.center:
                group.place(x, y)
                x += group.width + 56.0
        for i, row in enumerate(rows):
            left, right = row.center_extent()
            if i + 1 < len(rows) and rows[i + 1].center:
                above_left, above_right = rows[i + 1].center_extent()
                left, right = min(left, above_left), max(right, above_right)
            x = left - 70.0
            for group in row.left:
                group.place(x - group.width, row.y)
                x -= group.width + 40.0
            x = right + 70.0
            for group in row.right:
                group.place(x, row.y)
                x += group.width + 40.0

    # -- items -------------------------------------------------------------------------------------
    def _target_id(self, target) -> int:
        self._targets.append(target)
        return len(self._targets) - 1

    def _create_items(self) -> None:
        for node in self._nodes:
            self._create_node_item(node)
        self._place_edges()
        for bias in self._biases:
            self._create_bias_item(bias)
        for link in self._links:
            self._create_link_item(link)
        self._create_pulses()
        self._create_captions()
        rect = self.scene.itemsBoundingRect()
        self._scene_rect = rect.adjusted(-24, -24, 24, 24)
        self.scene.setSceneRect(self._scene_rect)
        self._apply_style()

    def _create_node_item(self, node: Node) -> None:
        w, h = node.w, node.h
        if node.shape_kind in ("circle", "stub"):
            item = QGraphicsEllipseItem(-w / 2, -h / 2, w, h)
        else:
            path = QPainterPath()
            radius = 12.0 if node.shape_kind == "cell" else 6.0
            path.addRoundedRect(QRectF(-w / 2, -h / 2, w, h), radius, radius)
            item = QGraphicsPathItem(path)
        item.setPos(node.center)
        item.setZValue(3 if node.shape_kind != "stub" else 3.5)
        ident = self._target_id(node)
        item.setData(0, ident)
        self.scene.addItem(item)
        node.item = item
        if node.shape_kind != "stub":
            text = QGraphicsSimpleTextItem(item)
            text.setFont(self.value_font)
            text.setData(0, ident)
            text.setVisible(node.metrics.numbers)
            node.text = text
        if node.shape_kind == "stub":
            if node.cell.metrics.numbers:
                node.label = self._gate_label(node, ident)
            return
        if not node.metrics.numbers:
            return
        label = QGraphicsSimpleTextItem(node.symbol, item)
        label.setFont(self.label_font)
        label.setData(0, ident)
        br = label.boundingRect()
        if node.role in ("input", "memory"):
            label.setPos(-br.width() / 2, h / 2 + 3)
        elif node.role == "output":
            label.setPos(w / 2 + 4, -h / 2 - br.height() * 0.4)
        else:
            label.setPos(w / 2 + 3, -h / 2 - br.height() * 0.55)
        node.label = label

    def _gate_label(self, node: Node, ident: int) -> QGraphicsSimpleTextItem:
        """"z_f" written as z with a lowered small f, inside the cell above its stub."""
        base, _, low = node.quantity.partition("_")
        label = QGraphicsSimpleTextItem(base, node.cell.item)
        label.setFont(self.stub_font)
        label.setData(0, ident)
        width = label.boundingRect().width()
        if low:
            small = QFont(self.stub_font)
            small.setPointSizeF(self.stub_font.pointSizeF() * 0.75)
            subscript = QGraphicsSimpleTextItem(low, label)
            subscript.setFont(small)
            subscript.setPos(width - 0.5, label.boundingRect().height() * 0.38)
            subscript.setData(0, ident)
            width += subscript.boundingRect().width() - 0.5
        dx = node.center.x() - node.cell.center.x()
        label.setPos(dx - width / 2, node.cell.h / 2 - label.boundingRect().height() - 4)
        return label

    def _place_edges(self) -> None:
        """Edges are not items (hundreds of antialiased lines would cost a frame its 16 ms): they are
        painted in batches into the view's cached background, and found under the mouse with numpy."""
        ends = np.zeros((len(self._edges), 4))
        for i, edge in enumerate(self._edges):
            edge.p0 = edge.source.anchor(edge.target.center, outgoing=True)
            edge.p1 = edge.target.anchor(edge.source.center, outgoing=False)
            ends[i] = (edge.p0.x(), edge.p0.y(), edge.p1.x(), edge.p1.y())
        self._edge_ends = ends
        self._highlight = QGraphicsLineItem()
        self._highlight.setZValue(2.5)
        self._highlight.setVisible(False)
        self.scene.addItem(self._highlight)

    def _create_bias_item(self, bias: Bias) -> None:
        s = bias.size
        item = QGraphicsRectItem(-s / 2, -s / 2, s, s)
        item.setPos(bias.center)
        item.setZValue(4)
        ident = self._target_id(bias)
        item.setData(0, ident)
        if s >= 12:
            letter = QGraphicsSimpleTextItem("b", item)
            small = QFont(self.label_font)
            small.setPointSizeF(7)
            letter.setFont(small)
            br = letter.boundingRect()
            letter.setPos(-br.width() / 2, -br.height() / 2 - 0.5)
            letter.setData(0, ident)
        self.scene.addItem(item)
        bias.item = item

    def _create_link_item(self, link: Link) -> None:
        s, t = link.source, link.target
        path = QPainterPath()
        if link.role == "copy":
            side = -1 if s.direction == "forward" else 1
            # into the memory box's outer side, away from the weights that leave its top, so the copy
            # never runs along the weight m_j → a_j
            end = QPointF(t.center.x() + side * (t.w / 2 + 3), t.center.y())
            if s.shape_kind == "cell":      # wide of the cell's read arrow, which enters lower down
                start = QPointF(s.center.x() + side * s.w / 2, s.center.y() - s.h / 4)
                path.moveTo(start)
                path.cubicTo(QPointF(start.x() + side * 90, start.y()), QPointF(end.x() + side * 50, end.y() - 60), end)
            else:                           # from the lower rim, clear of the neighbouring units
                start = QPointF(s.center.x() + side * s.w * 0.354, s.center.y() + s.h * 0.354)
                path.moveTo(start)
                path.cubicTo(QPointF(start.x() + side * 40, start.y() + 50),
                             QPointF(end.x() + side * 34, end.y() - 70), end)
        elif link.role == "read":       # the memory cell c, read by its LSTM cell
            side = -1 if t.direction == "forward" else 1
            start = QPointF(s.center.x(), s.center.y() - s.h / 2)
            end = QPointF(t.center.x() + side * t.w / 2, t.center.y() + t.h / 4)
            path.moveTo(start)
            path.cubicTo(QPointF(start.x(), start.y() - 70), QPointF(end.x() + side * 40, end.y()), end)
        else:       # alpha, identity: straight up
            start = s.anchor(t.center, outgoing=True)
            end = t.anchor(s.center, outgoing=False)
            path.moveTo(start)
            path.lineTo(end)
        link.path = path
        item = _BackgroundPath(path)
        item.setZValue(2 if link.role == "copy" else 1)
        item.setData(0, self._target_id(link))
        self.scene.addItem(item)
        link.item = item
        angle = math.radians(path.angleAtPercent(1.0))
        tip = path.pointAtPercent(1.0)
        back = QPointF(-math.cos(angle), math.sin(angle))       # Qt angles run counter-clockwise
        normal = QPointF(-back.y(), back.x())
        length, half_width = 12.0, 4.0     # slender, so the tip reads as the tip
        head = QPolygonF([tip, tip + back * length + normal * half_width, tip + back * length - normal * half_width])
        link.head = QGraphicsPolygonItem(head)
        link.head.setZValue(2)
        self.scene.addItem(link.head)

    def _create_pulses(self) -> None:
        sizes: dict[str, int] = {}
        for edge in self._edges:
            sizes[edge.key] = sizes.get(edge.key, 0) + 1
        for edge in self._edges:
            if sizes[edge.key] > MAX_PULSED_MATRIX or len(self._pulsed) >= MAX_PULSES:
                continue
            edge.pulse = self._new_pulse(4.5)
            self._pulsed.append(edge)
        for link in self._links:
            if link.role == "copy":
                link.pulse = self._new_pulse(5.0)

    def _new_pulse(self, r: float) -> QGraphicsEllipseItem:
        pulse = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
        pulse.setZValue(6)
        pulse.setVisible(False)
        pulse.setAcceptedMouseButtons(Qt.NoButton)
        self.scene.addItem(pulse)
        return pulse

    def _create_captions(self) -> None:
        right = max((n.center.x() + n.w / 2 for n in self._nodes), default=0.0)
        for row in self._rows:
            item = QGraphicsSimpleTextItem()
            item.setFont(self.caption_font)
            item.setPos(right + 34, row.y)
            item.setData(2, row.y)
            self.scene.addItem(item)
            self._captions.append((item, row.caption, row.tooltip))
            for group in row.left + row.right:
                if group.caption is None:
                    continue
                label = QGraphicsSimpleTextItem()
                label.setFont(self.label_font)
                self.scene.addItem(label)
                label.setData(1, (group.left + group.width / 2, row.y + group.metrics.h / 2 + 22))
                self._captions.append((label, group.caption, None))
        self._retranslate_captions()

    def _retranslate_captions(self) -> None:
        for item, caption, tooltip in self._captions:
            item.setText(caption())
            anchor = item.data(1)
            br = item.boundingRect()
            if anchor:
                item.setPos(anchor[0] - br.width() / 2, anchor[1])
            else:
                row_y = item.data(2)
                item.setPos(item.pos().x(), row_y - br.height() / 2)
            if tooltip is not None:
                item.setToolTip(tooltip())

    # ------------------------------------------------------------------------------------------------
    # style: colours that depend on the theme and the weights
    # ------------------------------------------------------------------------------------------------
    def _outline(self, node: Node) -> QColor:
        pal = self._pal
        return {"hidden": pal.hidden, "output": pal.output, "memory": pal.memory, "input": pal.input,
                "gate": pal.gate}[node.colour]

    def _apply_style(self) -> None:
        pal = self._pal
        self.scene.setBackgroundBrush(QBrush(pal.background))
        for node in self._nodes:
            width = 1.5 if node.shape_kind == "stub" else (2.8 if node.metrics.numbers else 1.6)
            node.item.setPen(QPen(self._outline(node), width))
            if node.label is not None and node.shape_kind != "stub":
                node.label.setBrush(QBrush(pal.muted))
            node.shown = None
        for link in self._links:
            colour = QColor(pal.memory if link.role in ("copy", "read") else pal.muted)
            pen = QPen(colour, 2.2 if link.role != "identity" else 1.4)
            if link.role == "copy":
                pen.setStyle(Qt.DashLine)
            link.item.setPen(pen)
            link.item.setBrush(Qt.NoBrush)
            link.head.setPen(QPen(colour, 1))
            link.head.setBrush(QBrush(colour))
            if link.pulse is not None:
                link.pulse.setBrush(QBrush(pal.memory))
                link.pulse.setPen(QPen(pal.background, 1.2))
        for item, _caption, tooltip in self._captions:
            item.setBrush(QBrush(pal.muted if tooltip is None else pal.text))
        self._style_weights()
        self._update_legend()

    def _style_weights(self) -> None:
        params = self._network.params if self._network is not None else {}
        values = [abs(float(params[e.key].flat[e.flat_index])) for e in self._edges if e.key in params]
        biggest = max([v for v in values if math.isfinite(v)], default=0.0) or 1.0
        pal = self._pal
        faint = QColor(pal.muted)
        faint.setAlpha(70)
        dense = len(self._edges) > 600
        alpha = 215 if len(self._edges) <= 60 else 175 if len(self._edges) <= 300 else 120
        # one batch per (sign, width step): drawn faint first, the largest weights last (on top)
        batches: dict[tuple, list[QLineF]] = {}
        for edge in self._edges:
            w = float(params[edge.key].flat[edge.flat_index]) if edge.key in params else 0.0
            edge.weight = w
            if w == 0:
                key = (0, "zero")
            elif not math.isfinite(w):
                key = (1, "bad")
            else:
                key = (2 + round(8 * math.sqrt(min(1.0, abs(w) / biggest))), "positive" if w > 0 else "negative")
            batches.setdefault(key, []).append(QLineF(edge.p0, edge.p1))
            if edge.pulse is not None:
                edge.pulse.setBrush(QBrush(pal.positive if w >= 0 else pal.negative))
                edge.pulse.setPen(QPen(pal.background, 1.2))
        self._edge_batches = []
        for key in sorted(batches):
            step, sign = key
            if sign == "zero":
                pen = QPen(faint, 0.8)
            elif sign == "bad":
                pen = QPen(pal.highlight, 1.5)
            else:
                colour = QColor(pal.positive if sign == "positive" else pal.negative)
                colour.setAlpha(alpha)
                pen = QPen(colour, 0.9 + 3.6 * (step - 2) / 8)
            pen.setCapStyle(Qt.RoundCap)
            self._edge_batches.append((pen, batches[key]))
        self._edges_dense = dense
        self.canvas.resetCachedContent()
        self.canvas.viewport().update()
        for bias in self._biases:
            b = float(params[bias.key][bias.flat_index]) if bias.key in params else 0.0
            bias.weight = b
            if b == 0:
                bias.item.setBrush(QBrush(pal.background))
                bias.item.setPen(QPen(faint, 1))
            else:
                fill = QColor(pal.positive if b > 0 else pal.negative)
                bias.item.setBrush(QBrush(fill))
                bias.item.setPen(QPen(fill.darker(130), 1))
            for child in bias.item.childItems():
                child.setBrush(QBrush(pal.muted if b == 0 else text_on(bias.item.brush().color())))

    def _paint_edges(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self._pal.background)
        if not self._edge_batches and not self._links:
            return
        painter.save()
        # thousands of antialiased lines are slow in the raster engine; dense drawings do without
        painter.setRenderHint(QPainter.Antialiasing, not self._edges_dense)
        for pen, lines in self._edge_batches:
            painter.setPen(pen)
            painter.drawLines(lines)
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setBrush(Qt.NoBrush)
        for link in sorted(self._links, key=lambda link: link.item.zValue()):   # the copies on top
            painter.setPen(link.item.pen())
            painter.drawPath(link.path)
        painter.restore()

    def _hover(self, target) -> None:
        """Outline the edge under the mouse, so a student sees which weight a click will change."""
        if self._highlight is None:
            return
        if isinstance(target, Edge):
            pen = QPen(self._pal.highlight, 7)
            pen.setCapStyle(Qt.RoundCap)
            colour = QColor(self._pal.highlight)
            colour.setAlpha(170)
            pen.setColor(colour)
            self._highlight.setPen(pen)
            self._highlight.setLine(QLineF(target.p0, target.p1))
            self._highlight.setVisible(True)
        elif self._highlight.isVisible():
            self._highlight.setVisible(False)

    def _update_legend(self) -> None:
        pal = self._pal

        def swatch(colour: QColor, glyph: str = "■") -> str:
            return f"<span style='color:{colour.name()}; font-size:14pt'>{glyph}</span>"

        self.legend.setText(
            f"<span style='color:{pal.text.name()}'>"
            + swatch(pal.positive, "━") + " " + self.tr("positive weight") + " &nbsp; "
            + swatch(pal.negative, "━") + " " + self.tr("negative weight") + " &nbsp; "
            + self.tr("(thicker = larger |w|)") + " &nbsp; "
            + swatch(pal.memory, "┅") + " " + self.tr("copied to memory") + " &nbsp; "
            + swatch(pal.hidden, "○") + " " + self.tr("hidden") + " &nbsp; "
            + swatch(pal.output, "○") + " " + self.tr("output") + " &nbsp; "
            + swatch(pal.memory, "□") + " " + self.tr("memory") + " &nbsp; · &nbsp;"
            + self.tr("Click a unit: why this number? Click a weight or a bias (b): change it.")
            + "</span>")
        self.legend.setStyleSheet(f"background: {pal.background.name()};")

    # ------------------------------------------------------------------------------------------------
    # showing a step
    # ------------------------------------------------------------------------------------------------
    def _sync(self) -> None:
        """Follow the session: rebuild after an architecture change, restyle after a weight change."""
        if self.session.project is None:
            return
        if self.session.network is not self._network:
            self.rebuild()
            return
        trace = self.session.trace
        if trace is not self._trace:
            self._trace = trace
            self._scales.clear()
            self._style_weights()
            for node in self._nodes:
                node.shown = None

    def show_step(self, step: int, progress: float = 1.0) -> None:
        super().show_step(step, progress)
        if behind_another_tab(self):
            # The animator drives every created view 60 times a second; a tab nobody sees only notes
            # the step and draws it when it is shown (showEvent) or read back (_catch_up).
            self._stale = True
            return
        self._stale = False
        self._sync()
        self._show(step, progress)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._catch_up()

    def _catch_up(self) -> None:
        """Draw the step that arrived while the view was behind another tab."""
        if self._stale:
            self._stale = False
            self._sync()
            self._show(self.step, self.progress)

    def _value(self, node: Node, t: int) -> float:
        """The node's value after step t+1 (trace index t); for memory, t = −1 is the initial memory."""
        trace = self._trace
        if node.role == "memory":
            if t < 0 or trace is None:
                return float(self._network.memory[f"{_prefix(node.layer, node.direction)}.{node.quantity}"][node.unit])
            return float(trace.layers[node.layer].records[node.direction][node.quantity][t, 0, node.unit])
        if node.role == "input":
            return float(trace.inputs[t, 0, node.unit])
        if node.role == "output":
            return float(trace.outputs[t, 0, node.unit])
        return float(trace.layers[node.layer].records[node.direction][node.quantity][t, 0, node.unit])

    def _scale(self, node: Node) -> float:
        """The colour scale of a node: the largest finite magnitude its quantity takes in this run."""
        key = (node.role, node.layer, node.direction, node.quantity)
        scale = self._scales.get(key)
        if scale is not None:
            return scale
        trace = self._trace
        arrays = []
        if node.role == "input" and trace is not None:
            arrays.append(trace.inputs)
        elif node.role == "output" and trace is not None:
            arrays.append(trace.outputs)
        elif node.role in ("unit", "stub", "memory"):
            if trace is not None:
                arrays.append(trace.layers[node.layer].records[node.direction][node.quantity])
            if node.role == "memory":
                arrays.append(self._network.memory[f"{_prefix(node.layer, node.direction)}.{node.quantity}"])
        scale = 0.0
        for array in arrays:
            finite = np.abs(np.asarray(array, dtype=float))
            finite = finite[np.isfinite(finite)]
            if finite.size:
                scale = max(scale, float(finite.max()))
        self._scales[key] = scale or 1.0
        return self._scales[key]

    def _show(self, step: int, progress: float) -> None:
        if self._network is None:
            return
        trace = self._trace
        steps = trace.steps if trace is not None else 0
        step = max(0, min(int(step), steps))
        progress = 1.0 if step == 0 else _clamp(float(progress))
        t = step - 1
        for node in self._nodes:
            self._show_node(node, t, progress)
        self._show_pulses(t, progress)

    def _show_node(self, node: Node, t: int, progress: float) -> None:
        pal = self._pal
        dashed = False
        if node.role == "memory":
            new = self._value(node, t)
            old = self._value(node, t - 1) if t >= 0 else new
            start, end = MEMORY_PHASE
            f = 1.0 if progress >= 1 else _clamp((progress - start) / (end - start))
            scale = self._scale(node)
            colour = mix(value_color(old, scale, pal), value_color(new, scale, pal), f)
            self._paint(node, format_value(new if f >= 0.5 else old), colour, 1.0, dashed)
            return
        # Any other node shows the trace's value at t, faded in over its phase (a new trace or palette
        # resets node.shown): most nodes are settled in most frames, so skip them early.
        if node.role == "input" or t < 0 or self._trace is None:
            f = 1.0
        else:
            start, end = node.phase
            fade_from = start + 0.35 * (end - start)
            f = 1.0 if progress >= 1 else _clamp((progress - fade_from) / max(1e-9, end - fade_from))
        key = (t, f, self._trace is None)
        if node.shown is not None and node.shown_for == key:
            return
        node.shown_for = key
        if t < 0 or self._trace is None:
            self._paint(node, "", pal.background, 1.0, dashed)
            return
        value = self._value(node, t)
        if node.role == "input":
            self._paint(node, format_value(value), value_color(value, self._scale(node), pal), 1.0, dashed)
            return
        if f <= 0:
            self._paint(node, "", pal.background, 1.0, dashed)
            return
        if node.kind == "clockwork" and node.quantity == "a":
            dashed = not self._trace.layers[node.layer].records[node.direction]["active"][t, 0, node.unit]
        colour = mix(pal.background, value_color(value, self._scale(node), pal), f)
        self._paint(node, format_value(value), colour, f, dashed)

    def _paint(self, node: Node, text: str, colour: QColor, opacity: float, dashed: bool) -> None:
        state = (text, colour.rgba(), round(opacity, 3), dashed)
        if state == node.shown:
            return
        previous = node.shown
        node.shown = state
        node.item.setBrush(QBrush(colour))
        if node.stubs and (previous is None or previous[1] != state[1]):
            # the gate names are written inside the cell: keep them readable on its fill
            ink = QColor(text_on(colour))
            ink.setAlpha(200)
            for stub in node.stubs:
                if stub.label is not None:
                    stub.label.setBrush(QBrush(ink))
                    for child in stub.label.childItems():
                        child.setBrush(QBrush(ink))
        if previous is None or previous[3] != dashed:
            pen = node.item.pen()
            pen.setStyle(Qt.DashLine if dashed else Qt.SolidLine)
            node.item.setPen(pen)
        if node.text is None:
            return
        label = node.text
        label.setBrush(QBrush(text_on(colour) if text else self._pal.text))
        label.setOpacity(opacity)
        if previous is None or previous[0] != text:
            label.setText(text)
            label.setScale(1.0)
            br = label.boundingRect()
            room = node.w - 8
            scale = min(1.0, room / br.width()) if br.width() > 0 else 1.0
            label.setScale(scale)
            y_offset = -node.h * 0.2 if node.shape_kind == "cell" and node.metrics.numbers else 0.0
            label.setPos(-br.width() * scale / 2, -br.height() * scale / 2 + y_offset)

    def _show_pulses(self, t: int, progress: float) -> None:
        animating = t >= 0 and progress < 1 and self._trace is not None
        values: dict[int, float] = {}

        def source_value(node: Node) -> float:
            key = id(node)
            if key not in values:
                # what flows along an edge at step t: the memory as it was before the step
                values[key] = self._value(node, t - 1 if node.role == "memory" else t)
            return values[key]

        for edge in self._pulsed:
            start, end = edge.phase
            stop = start + 0.8 * (end - start)
            visible = animating and start <= progress < stop and edge.weight != 0
            if visible:
                contribution = edge.weight * source_value(edge.source)
                visible = contribution != 0
            if visible:
                edge.pulse.setPos(edge.point_at((progress - start) / (stop - start)))
            if edge.pulse.isVisible() != visible:
                edge.pulse.setVisible(visible)
        start, end = COPY_PHASE
        for link in self._links:
            if link.pulse is None:
                continue
            visible = animating and start <= progress < end
            if visible:
                link.pulse.setPos(link.path.pointAtPercent((progress - start) / (end - start)))
            if link.pulse.isVisible() != visible:
                link.pulse.setVisible(visible)

    # ------------------------------------------------------------------------------------------------
    # interaction
    # ------------------------------------------------------------------------------------------------
    def target_at(self, view_pos: QPoint):
        """The node, bias, edge or link under a viewport position (nodes and biases first)."""
        self._catch_up()
        if not self._targets:
            return None
        scene_pos = self.canvas.mapToScene(view_pos)
        scale = self.canvas.transform().m11() or 1.0
        tolerance = max(2.0, 5.0 / scale)
        area = QRectF(scene_pos.x() - tolerance, scene_pos.y() - tolerance, 2 * tolerance, 2 * tolerance)
        best_line, best_distance = None, tolerance
        for item in self.scene.items(area):
            ident = item.data(0)
            if ident is None:
                continue
            target = self._targets[ident]
            if isinstance(target, (Node, Bias)):
                if item.contains(item.mapFromScene(scene_pos)):
                    return target
                continue
            distance = _distance_to_path(scene_pos, target.path)
            if distance <= best_distance:
                best_line, best_distance = target, distance
        if len(self._edges):
            distances = _distances_to_segments(scene_pos, self._edge_ends)
            nearest = int(np.argmin(distances))
            # the thickest of near-equal candidates wins: it is the one drawn on top
            if distances[nearest] <= best_distance:
                best_line = self._edges[nearest]
        return best_line

    def _activate(self, target, view_pos: QPoint) -> None:
        if isinstance(target, Node):
            request = self.explain_request(target)
            if request is not None:
                self.explain_requested.emit(*request)
        elif isinstance(target, (Edge, Bias)):
            self.open_weight_editor(target, view_pos)

    def explain_request(self, node: Node):
        """What a click on ``node`` asks to explain: (layer, quantity, unit, direction), or None."""
        if node.role == "input":
            return None
        if node.role == "output":
            return (-1, "y", node.unit, "forward")
        return (node.layer, node.quantity, node.unit, node.direction)

    def open_weight_editor(self, target, view_pos: QPoint | None = None) -> WeightEditor:
        """Open the in-place editor of an edge's or a bias's weight at ``view_pos``."""
        self._close_editor()
        if view_pos is None:
            centre = target.point_at(0.5) if isinstance(target, Edge) else target.center
            view_pos = self.canvas.mapFromScene(centre)
        editor = WeightEditor(self.canvas.viewport(), self._weight_title(target), target.weight,
                              lambda value: self._commit_weight(target, value), self._close_editor,
                              self.tr("Enter ↵ sets it · Esc cancels"))
        editor.adjustSize()
        viewport = self.canvas.viewport().rect()
        x = min(max(0, view_pos.x() + 12), max(0, viewport.width() - editor.width()))
        y = min(max(0, view_pos.y() + 12), max(0, viewport.height() - editor.height()))
        editor.move(x, y)
        editor.show()
        editor.raise_()
        editor.line_edit.setFocus()
        editor.line_edit.selectAll()
        self.weight_editor, self._editor_target = editor, target
        return editor

    def _commit_weight(self, target, value: float) -> None:
        key, flat = target.key, target.flat_index
        self._close_editor()
        self.weight_edit_requested.emit(key, flat, value)

    def _close_editor(self) -> None:
        editor = getattr(self, "weight_editor", None)
        if editor is not None:
            self.weight_editor, self._editor_target = None, None
            editor.hide()
            editor.deleteLater()
            self.canvas.setFocus()

    def context_menu(self, target, view_pos: QPoint) -> QMenu | None:
        if isinstance(target, (Edge, Bias)):
            menu = QMenu(self)
            menu.addAction(self.tr("Change {name}…").format(name=self._weight_title(target)),
                           lambda: self.open_weight_editor(target, view_pos))
            menu.addAction(self.tr("Edit matrix {key}…").format(key=target.key),
                           lambda: self.open_matrix_editor(target.key))
            return menu
        if isinstance(target, Node) and self.explain_request(target) is not None:
            menu = QMenu(self)
            menu.addAction(self.tr("Why is {symbol} this number?").format(symbol=target.symbol),
                           lambda: self.explain_requested.emit(*self.explain_request(target)))
            return menu
        return None

    def open_matrix_editor(self, key: str) -> MatrixEditorDialog:
        """Open the matrix editor for ``key``; on OK, ``matrix_edit_requested(key, values)`` is emitted."""
        dialog = MatrixEditorDialog(self.session.network, key, parent=self, dark=self._dark)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.matrix_edit_requested.emit(key, dialog.values()))
        dialog.open()
        return dialog

    # -- words ---------------------------------------------------------------------------------------
    def _weight_title(self, target) -> str:
        value = format_value(target.weight, 4)
        if isinstance(target, Bias):
            return f"{target.name}[{target.flat_index + 1}] = {value}"
        return f"{target.name}[{target.index[0] + 1},{target.index[1] + 1}] = {value}"

    def _role_word(self, node: Node) -> str:
        if node.role == "input":
            return self.tr("input")
        if node.role == "output":
            return self.tr("output")
        if node.role == "memory":
            return self.tr("memory")
        if node.role == "stub":
            return self.tr("gate signal") if node.quantity != "z" or node.kind == "gru" else self.tr("cell input")
        if node.quantity == "s":
            return self.tr("context")
        if node.quantity == "y":
            return self.tr("Jordan output")
        return self.tr("hidden")

    def _describe(self, node: Node) -> str:
        """What a node is, in words."""
        n = node.unit + 1
        if node.role == "input":
            return self.tr("input number {n}").format(n=n)
        if node.role == "output":
            return self.tr("output number {n}").format(n=n)
        if node.role == "memory":
            return {
                "c": self.tr("the LSTM's memory cell: c′ = g(z)·f(z_i) + c·f(z_f) is kept for the next step"),
                "s": self.tr("slow context s{n} kept for the next step").format(n=sub(n)),
                "y": self.tr("memory: holds the output y{n} of the last step (Jordan)").format(n=sub(n)),
            }.get(node.quantity, self.tr("memory: holds a{n} of the last step; read at the next step").format(
                n=sub(n)))
        if node.role == "stub":
            return {
                ("lstm", "z"): self.tr("z: the cell input; g(z) is what may be stored"),
                ("lstm", "z_i"): self.tr("z_i: the input gate's signal; f(z_i) = 1 lets g(z) into the memory"),
                ("lstm", "z_f"): self.tr("z_f: the forget gate's signal; f(z_f) = 1 keeps the memory, 0 forgets it"),
                ("lstm", "z_o"): self.tr("z_o: the output gate's signal; f(z_o) = 1 lets h(c′) out"),
                ("gru", "r"): self.tr("r: the reset gate; r = 0 ignores the memory when proposing n"),
                ("gru", "z"): self.tr("z: the update gate; z = 1 keeps the old memory, z = 0 takes n"),
                ("gru", "n"): self.tr("n: the candidate value proposed for the memory"),
            }.get((node.kind, node.quantity), node.quantity)
        if node.kind == "lstm":
            return self.tr("LSTM cell {n}: its output a = h(c′)·f(z_o)").format(n=n)
        if node.kind == "gru":
            return self.tr("GRU cell {n}: its output a′ = (1 − z)·n + z·a").format(n=n)
        if node.quantity == "s":
            return self.tr("slow context unit {n}: s = (1 − α)·B x + α·s").format(n=n)
        if node.quantity == "y":
            return self.tr("Jordan output {n}: y is copied to memory after the step").format(n=n)
        text = self.tr("hidden unit {n}'s output a (copied to memory after the step)").format(n=n)
        if node.kind == "clockwork":
            cell = self._network.layers[node.layer].cell
            text += "\n" + self.tr("its clock ticks every {period} steps; dashed: it keeps its value").format(
                period=int(cell.unit_period[node.unit]))
        return text

    def tooltip_for(self, target) -> str:
        """The words shown when hovering ``target`` (a Node, Edge, Bias or Link)."""
        if target is None:
            return ""
        step = max(0, min(self.step, self._trace.steps if self._trace is not None else 0))
        if isinstance(target, Node):
            lines = [f"{target.symbol}: {self._describe(target)}"]
            if target.layer >= 0 and self._network.layers[target.layer].bidirectional:
                lines.append(self.tr("reverse pass (reads the sequence from the end)") if target.direction == "reverse"
                             else self.tr("forward pass"))
            if target.role == "memory":
                value = self._value(target, step - 1)
                lines.append(self.tr("initial value: {value}").format(value=format_value(value, 6)) if step == 0
                             else self.tr("after step {t}: {value}").format(t=step, value=format_value(value, 6)))
            elif step > 0 and self._trace is not None:
                value = self._value(target, step - 1)
                line = self.tr("at step {t}: {value}").format(t=step, value=format_value(value, 6))
                gate = GATE_VALUES.get(target.kind, {}).get(target.quantity)
                if target.role == "stub" and gate:
                    records = self._trace.layers[target.layer].records[target.direction]
                    gated = float(records[gate][step - 1, 0, target.unit])
                    name = {"g_z": "g(z)", "f_i": "f(z_i)", "f_f": "f(z_f)", "f_o": "f(z_o)"}[gate]
                    line += f"  →  {name} = {format_value(gated, 4)}"
                lines.append(line)
            if self.explain_request(target) is not None:
                lines.append(self.tr("Click: why is it this number?"))
            return "\n".join(lines)
        if isinstance(target, Edge):
            return "\n".join([
                f"{self._weight_title(target)}: {self._role_word(target.source)} {target.source.symbol} → "
                f"{self._role_word(target.target)} {target.target.symbol}",
                self.tr("{key}, flat index {index}").format(key=target.key, index=target.flat_index),
                self.tr("Click to change it; right-click to edit the whole matrix")])
        if isinstance(target, Bias):
            return "\n".join([
                self.tr("{title}: the bias of {role} {symbol}, added to its weighted sum").format(
                    title=self._weight_title(target), role=self._role_word(target.target), symbol=target.target.symbol),
                self.tr("{key}, flat index {index}").format(key=target.key, index=target.flat_index),
                self.tr("Click to change it; right-click to edit the whole vector")])
        if isinstance(target, Link):
            s, t = target.source.symbol, target.target.symbol
            if target.role == "copy":
                return self.tr("Copy: after the step, {source} is stored in the memory box {target}").format(
                    source=s, target=t)
            if target.role == "read":
                return self.tr("The cell reads its memory {source}: c′ = g(z)·f(z_i) + c·f(z_f)").format(source=s)
            if target.role == "alpha":
                alpha = self._network.layers[target.target.layer].cell.alpha
                return self.tr("Fixed, not learned: {target} keeps α = {alpha} of its last value").format(
                    target=t, alpha=format_value(alpha))
            return self.tr("No output layer: {target} = {source}").format(target=t, source=s)
        return ""

    # ------------------------------------------------------------------------------------------------
    # zoom, theme, language
    # ------------------------------------------------------------------------------------------------
    def set_zoom(self, factor: float) -> None:
        self._zoom = max(0.2, min(8.0, float(factor)))
        self._fit()

    def zoom(self) -> float:
        return self._zoom

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
        if self._network is not None and self._nodes:
            self._apply_style()
            self._show(self.step, self.progress)
        else:
            self._update_legend()

    def retranslate(self) -> None:
        self._update_legend()
        self._retranslate_captions()
        if self.weight_editor is not None:
            self.weight_editor.hint.setText(self.tr("Enter ↵ sets it · Esc cancels"))

    # ------------------------------------------------------------------------------------------------
    # reading back what is shown (tests, export)
    # ------------------------------------------------------------------------------------------------
    def node(self, role: str, layer: int, quantity: str, unit: int, direction: str = "forward") -> Node:
        self._catch_up()
        return self._index[(role, layer, direction, quantity, unit)]

    def unit_item(self, layer: int, unit: int, direction: str = "forward") -> Node:
        """The node of a layer's unit (layer −1: an output unit)."""
        self._catch_up()
        if layer < 0:
            return self.node("output", -1, "y", unit)
        return self.node("unit", layer, "a" if ("unit", layer, direction, "a", unit) in self._index else "y",
                         unit, direction)

    def unit_text(self, layer: int, unit: int, direction: str = "forward") -> str:
        """The number written on a unit (layer −1: the output layer); "" when nothing is shown."""
        node = self.unit_item(layer, unit, direction)
        return node.text.text() if node.text is not None else ""

    def value_text(self, layer: int, quantity: str, unit: int, direction: str = "forward") -> str:
        """The number on any unit of a layer by its quantity: "a", "y" (Jordan), "s" (SCRN)."""
        node = self.node("unit", layer, quantity, unit, direction)
        return node.text.text()

    def memory_text(self, layer: int, unit: int, direction: str = "forward", state: str | None = None) -> str:
        """The number in a memory box; ``state`` defaults to the layer's first state (c for LSTM,
        y for Jordan, s for SCRN, a otherwise)."""
        self._catch_up()
        if state is None:
            state = self._network.layers[layer].cell.state_names[0]
        return self.node("memory", layer, state, unit, direction).text.text()

    def input_text(self, i: int) -> str:
        return self.node("input", -1, "x", i).text.text()

    def nodes(self) -> list[Node]:
        self._catch_up()
        return list(self._nodes)

    def edge_items(self) -> list[Edge]:
        self._catch_up()
        return list(self._edges)

    def bias_items(self) -> list[Bias]:
        self._catch_up()
        return list(self._biases)

    def link_items(self) -> list[Link]:
        self._catch_up()
        return list(self._links)

    def visible_pulses(self) -> int:
        self._catch_up()
        return sum(1 for e in self._pulsed if e.pulse.isVisible()) + sum(
            1 for link in self._links if link.pulse is not None and link.pulse.isVisible())

    def view_pos(self, scene_point: QPointF) -> QPoint:
        """A scene point in viewport coordinates (for clicking in tests)."""
        return self.canvas.mapFromScene(scene_point)


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(p.x() - a.x(), p.y() - a.y())
    f = _clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2)
    return math.hypot(p.x() - (a.x() + f * dx), p.y() - (a.y() + f * dy))


def _distances_to_segments(p: QPointF, ends: np.ndarray) -> np.ndarray:
    """Distance from p to every segment (x0, y0, x1, y1) of ``ends``."""
    a, b = ends[:, :2], ends[:, 2:]
    d = b - a
    length2 = np.maximum((d * d).sum(axis=1), 1e-12)
    point = np.array([p.x(), p.y()])
    f = np.clip(((point - a) * d).sum(axis=1) / length2, 0.0, 1.0)
    nearest = a + d * f[:, None]
    return np.hypot(*(point - nearest).T)


def _distance_to_path(p: QPointF, path: QPainterPath, samples: int = 24) -> float:
    points = [path.pointAtPercent(i / samples) for i in range(samples + 1)]
    return min(_distance_to_segment(p, a, b) for a, b in zip(points, points[1:]))
