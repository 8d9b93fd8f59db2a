"""Heatmaps over time: every hidden value, memory and gate of the network against t.

One row per quantity — hidden output a, the LSTM memory c′, each gate (f(z_i), f(z_f), f(z_o); GRU r
and z), and the outputs y — with the units down the side and t = 1 … T along the bottom. Values use
the diverging colours of the other views on levels symmetric around 0; gates use a sequential scale
on 0 … 1. A vertical line marks how many inputs have been fed, and the steps not fed yet are dimmed:
the whole run is computed, but the student has not got there yet. NaN and ±∞ cells are hatched in the
highlight colour.

Geometry: column t covers x ∈ [t − 1, t], so the line at x = step separates the steps fed (left) from
the rest (right), and animating a step slides it from step − 1 to step. Every graphics item is made
once in ``rebuild()``; ``show_step`` only moves the line and the veil.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsRectItem, QScrollArea, QVBoxLayout

from simulator.engine.trace import GATE_QUANTITIES
from simulator.gui.plotting import left_and_bottom, theme_axes
from simulator.gui.style import Palette, format_value, palette, text_on, value_color
from simulator.gui.views.base import StepView

# PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call (see the guard).


BASE_POINT_SIZE = 11.0
#: quantities that hold the memory of a cell kind (beside the hidden output a)
MEMORY_QUANTITIES = {"lstm": ("c",), "scrn": ("s",), "jordan": ("m",)}
ROW_MIN_HEIGHT = 36        # px at zoom 1: a one-unit row stays readable
UNIT_ROW_HEIGHT = 9        # extra px per unit, up to MAX_TALL_UNITS
LAYER_GAP = 10             # px between the rows of one layer and the next
#: cells are labelled with their values when a row is this small (the lecture's scenes are)
MAX_LABELLED_STEPS = 16
MAX_LABELLED_UNITS = 4
MAX_TALL_UNITS = 8
LABEL_WIDTH = 150
AXIS_WIDTH = 34
VEIL_ALPHA = 170           # how strongly the steps not yet fed are dimmed (of 255)


def quantity_symbol(quantity: str) -> str:
    """The lecture's symbol, as rich text."""
    return {
        "a": "a<sup>t</sup>", "c": "c′", "f_i": "f(z<sub>i</sub>)", "f_f": "f(z<sub>f</sub>)",
        "f_o": "f(z<sub>o</sub>)", "r": "r<sup>t</sup>", "z": "z<sup>t</sup>", "y": "y<sup>t</sup>",
        "s": "s<sup>t</sup>", "m": "y<sup>t−1</sup>", "active": "clock",
    }.get(quantity, quantity)


def quantity_plain_symbol(quantity: str) -> str:
    return {"a": "a", "c": "c′", "f_i": "f(z_i)", "f_f": "f(z_f)", "f_o": "f(z_o)", "m": "y^(t−1)"}.get(
        quantity, quantity)


def quantity_words(quantity: str) -> str:
    """A short name in words (shown under the symbol)."""
    translate = QCoreApplication.translate
    words = {
        "a": translate("HeatmapView", "hidden output"), "c": translate("HeatmapView", "memory"),
        "f_i": translate("HeatmapView", "input gate"), "f_f": translate("HeatmapView", "forget gate"),
        "f_o": translate("HeatmapView", "output gate"), "r": translate("HeatmapView", "reset gate"),
        "z": translate("HeatmapView", "update gate"), "y": translate("HeatmapView", "output"),
        "s": translate("HeatmapView", "slow context"), "m": translate("HeatmapView", "memory (Jordan)"),
        "active": translate("HeatmapView", "clock ticks"),
    }
    return words.get(quantity, quantity)


def quantity_tooltip(quantity: str) -> str:
    """What the symbol means, in words."""
    translate = QCoreApplication.translate
    tips = {
        "a": translate("HeatmapView", "a^t: the hidden layer's output at step t, stored to memory for the "
                                      "next step"),
        "c": translate("HeatmapView", "c′: the memory cell after step t, c′ = g(z)·f(z_i) + c·f(z_f)"),
        "f_i": translate("HeatmapView", "f(z_i): the input gate; 1 lets the new value g(z) into the memory, "
                                        "0 keeps it out"),
        "f_f": translate("HeatmapView", "f(z_f): the forget gate; 1 keeps the memory, 0 forgets it"),
        "f_o": translate("HeatmapView", "f(z_o): the output gate; 1 lets h(c′) out as a, 0 holds it back"),
        "r": translate("HeatmapView", "r: the reset gate; 0 makes the candidate ignore the previous hidden "
                                      "output"),
        "z": translate("HeatmapView", "z: the update gate; 1 keeps the previous hidden output, 0 takes the "
                                      "candidate"),
        "y": translate("HeatmapView", "y^t: the network's output at step t"),
        "s": translate("HeatmapView", "s^t: the slowly changing context units"),
        "m": translate("HeatmapView", "the previous output y^(t−1), kept as memory (Jordan network)"),
        "active": translate("HeatmapView", "1 where a module's clock ticks at step t, 0 where it keeps its "
                                           "value"),
    }
    return tips.get(quantity, quantity)


class _CentredIntegerAxis(pg.AxisItem):
    """Ticks in the middle of each cell, numbered from 1 (cell n covers [n − 1, n]), as many as fit:
    every cell on short axes, every 2nd, 5th, 10th, … on long ones."""

    def tickValues(self, minVal, maxVal, size):
        low, high = sorted((minVal, maxVal))
        first = max(1, math.ceil(low + 0.5 - 1e-9))
        last = math.floor(high + 0.5 + 1e-9)
        if last < first or size <= 0:
            return []
        metrics = QFontMetricsF(self.style.get("tickFont") or QFont())
        if self.orientation in ("left", "right"):
            room = metrics.height() * 1.1
        else:
            room = metrics.horizontalAdvance(str(last)) + 14
        fits = max(1, int(size / room))
        count = last - first + 1
        spacing = next((n for n in _NICE_STEPS if count / n <= fits), _NICE_STEPS[-1])
        start = first if spacing == 1 else math.ceil(first / spacing) * spacing
        return [(spacing, [n - 0.5 for n in range(start, last + 1, spacing)])]

    def tickStrings(self, values, scale, spacing):
        return [str(int(round(value + 0.5))) for value in values]


_NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000)


class _HeatmapImage(pg.ImageItem):
    """An image whose tooltip names the cell under the mouse and its value; a click on a cell asks
    why it has that value."""

    def __init__(self, describe, clicked):
        super().__init__()
        self._describe = describe
        self._clicked = clicked
        self.setAcceptHoverEvents(True)

    def mouseClickEvent(self, event):
        if event.button() != Qt.MouseButton.LeftButton or self.image is None:
            return
        pos = event.pos()
        row, col = int(np.floor(pos.y())), int(np.floor(pos.x()))
        if 0 <= row < self.image.shape[0] and 0 <= col < self.image.shape[1]:
            event.accept()
            self._clicked(row, col)

    def hoverEvent(self, event):
        if event.isExit() or self.image is None:
            self.setToolTip("")
            return
        pos = event.pos()
        row, col = int(np.floor(pos.y())), int(np.floor(pos.x()))
        if 0 <= row < self.image.shape[0] and 0 <= col < self.image.shape[1]:
            self.setToolTip(self._describe(row, col))


@dataclass
class _Row:
    key: str
    quantity: str
    layer: int               # −1 for the output layer
    direction: str
    gate: bool
    data: np.ndarray         # (units, T): the raw values
    label: pg.LabelItem
    plot: pg.PlotItem
    image: _HeatmapImage
    bar: pg.ColorBarItem
    line: pg.InfiniteLine
    veil: QGraphicsRectItem
    nan_fill: QGraphicsRectItem
    nan_hatch: QGraphicsRectItem
    cmap: pg.ColorMap
    #: value labels per cell [unit][t], on short sequences of few units only (empty otherwise)
    values: list[list[pg.TextItem]]


def diverging_map(pal: Palette) -> pg.ColorMap:
    """The colours of ``value_color`` (negative blue, 0 neutral, positive orange) as a colour map."""
    stops = np.linspace(-1.0, 1.0, 65)
    colors = [value_color(float(v), 1.0, pal) for v in stops]
    return pg.ColorMap(np.linspace(0.0, 1.0, len(stops)), [c.getRgb()[:3] for c in colors])


def gate_map(pal: Palette) -> pg.ColorMap:
    """0 = closed (neutral) … 1 = open (the gate colour)."""
    positions = np.linspace(0.0, 1.0, 33)
    start, end = pal.neutral, pal.gate
    colors = [(round(start.red() + (end.red() - start.red()) * t ** 0.8),
               round(start.green() + (end.green() - start.green()) * t ** 0.8),
               round(start.blue() + (end.blue() - start.blue()) * t ** 0.8)) for t in positions]
    return pg.ColorMap(positions, colors)


def cell_text(value: float) -> str:
    """A value short enough for a heatmap cell: two decimals at most (the tooltip has the rest)."""
    if not math.isfinite(value):
        return format_value(value)
    if abs(value) >= 1e5:
        mantissa, exponent = f"{value:.2g}".split("e")
        text = f"{mantissa}e{int(exponent)}"
    elif abs(value) >= 1000:
        text = str(int(round(value)))
    else:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", "−")


def symmetric_levels(data: np.ndarray) -> tuple[float, float]:
    finite = data[np.isfinite(data)]
    largest = float(np.max(np.abs(finite))) if finite.size else 0.0
    if largest == 0.0:
        largest = 1.0
    return -largest, largest


class HeatmapView(StepView):
    """Rows of heatmaps (units × t) with the current step marked; see the module docstring."""

    #: a click on a cell of a step already fed: (t — the trace index, 0-based —, layer or −1 for the
    #: outputs, quantity, unit, direction), as the unrolled view sends it
    explain_at_requested = Signal(int, int, str, int, str)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._dark = False
        self._zoom = 1.0
        self._rows: list[_Row] = []
        self._signature = None
        self._steps = 0
        self._marker = 0.0          # where the line was when the last step settled
        self._empty_label: pg.LabelItem | None = None
        self._time_axis: _CentredIntegerAxis | None = None

        self._graphics = pg.GraphicsLayoutWidget()
        self._graphics.setObjectName("heatmapGraphics")
        self._graphics.ci.layout.setContentsMargins(6, 12, 6, 6)   # room for the top bar label
        self._graphics.ci.layout.setVerticalSpacing(2)
        self._graphics.ci.layout.setHorizontalSpacing(6)
        # Deep networks have many rows: scroll rather than squash them below legibility.
        self._scroll = QScrollArea()
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._graphics)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)

        session.trace_changed.connect(self._on_trace_changed)
        self.destroyed.connect(lambda *_: session.trace_changed.disconnect(self._on_trace_changed))
        self.rebuild()

    # -- what to show ----------------------------------------------------------------------------
    def _row_specs(self, trace) -> list[tuple[str, str, int, str, bool, np.ndarray]]:
        """(key, quantity, layer, direction, is_gate, data (units × T)) for every row, in order."""
        specs = []
        single = len(trace.layers) == 1 and len(trace.layers[0].directions) == 1
        for k, layer in enumerate(trace.layers):
            gates = GATE_QUANTITIES.get(layer.kind, ())
            wanted = ("a",) + MEMORY_QUANTITIES.get(layer.kind, ()) + gates
            for direction in layer.directions:
                records = layer.records[direction]
                prefix = "" if single else f"layers.{k}." + ("reverse." if direction == "reverse" else "")
                for quantity in wanted:
                    if quantity in records:
                        data = np.asarray(records[quantity])[:, 0, :].T
                        specs.append((prefix + quantity, quantity, k, direction, quantity in gates, data))
        specs.append(("y", "y", -1, "forward", False, np.asarray(trace.outputs)[:, 0, :].T))
        return specs

    def quantities(self) -> list[str]:
        return [row.key for row in self._rows]

    def image_data(self, quantity: str) -> np.ndarray:
        """The values shown for ``quantity`` as (units, T) — trace values, not colours."""
        for row in self._rows:
            if row.key == quantity:
                return row.data.copy()
        raise KeyError(f"no heatmap {quantity!r}; there are {', '.join(self.quantities())}")

    def marker_position(self) -> float:
        """Where the current-step line is, in steps (t)."""
        return float(self._rows[0].line.value()) if self._rows else 0.0

    def levels(self, quantity: str) -> tuple[float, float]:
        for row in self._rows:
            if row.key == quantity:
                return tuple(row.image.levels)
        raise KeyError(quantity)

    # -- building --------------------------------------------------------------------------------
    def _trace_signature(self, trace):
        if trace is None:
            return None
        return (trace.steps, tuple((key, data.shape) for key, _, _, _, _, data in self._row_specs(trace)))

    def _on_trace_changed(self) -> None:
        trace = self.session.trace
        if self._trace_signature(trace) != self._signature:
            self.rebuild()
        else:
            self._update_data()

    def rebuild(self) -> None:
        """Make the rows for the current network (drops the old ones)."""
        self._graphics.clear()
        grid = self._graphics.ci.layout
        for index in range(len(self._rows) + 1):   # the grid keeps row sizes after its items are gone
            grid.setRowMinimumHeight(index, 0)
            grid.setRowStretchFactor(index, 0)
            grid.setRowSpacing(index, grid.verticalSpacing())
        self._time_axis = None
        self._rows = []
        self._empty_label = None
        trace = self.session.trace
        self._signature = self._trace_signature(trace)
        pal = palette(self._dark)
        self._graphics.setBackground(pal.background)
        if trace is None or trace.steps == 0:
            self._steps = 0
            self._empty_label = self._graphics.addLabel(
                self.tr("Feed an input sequence to see the values over time"), row=0, col=0,
                color=pal.muted, size=f"{BASE_POINT_SIZE * self._zoom:.0f}pt")
            self._graphics.setMinimumHeight(0)
            return
        self._steps = trace.steps
        specs = self._row_specs(trace)
        multi_layer = len(trace.layers) > 1 or len(trace.layers[0].directions) > 1
        grid = self._graphics.ci.layout
        bottom_plot = None
        total_height = 0
        for index, (key, quantity, layer, direction, gate, data) in enumerate(specs):
            row = self._make_row(index, key, quantity, layer, direction, gate, data, multi_layer, pal)
            self._rows.append(row)
            height = self._row_height(data.shape[0])
            grid.setRowMinimumHeight(index, height)
            grid.setRowStretchFactor(index, min(data.shape[0], MAX_TALL_UNITS) + 2)
            gap = grid.verticalSpacing()
            if index + 1 < len(specs) and specs[index + 1][2:4] != (layer, direction):
                gap = round(LAYER_GAP * self._zoom)   # set the layers (and directions) apart
            grid.setRowSpacing(index, gap)
            total_height += height + gap
            bottom_plot = row.plot
        for row in self._rows:
            row.plot.hideAxis("bottom")
            if row.plot is not bottom_plot:
                row.plot.setXLink(bottom_plot)
        # The time axis has a row of its own, so every heatmap (and its colour bar) is the same size:
        # an empty plot, as wide on the left as the others so that the ticks line up with the cells.
        axis_row = len(self._rows)
        self._time_axis = _CentredIntegerAxis("bottom")
        axis_plot = pg.PlotItem(axisItems={"bottom": self._time_axis})
        self._graphics.addItem(axis_plot, row=axis_row, col=1)
        axis_plot.setMenuEnabled(False)
        axis_plot.hideButtons()
        axis_plot.setMouseEnabled(x=False, y=False)
        axis_plot.setXLink(bottom_plot)
        spacer = axis_plot.getAxis("left")
        spacer.setWidth(AXIS_WIDTH * self._zoom)
        spacer.setStyle(showValues=False, tickLength=0)
        spacer.setPen(pg.mkPen(None))
        theme_axes(pal, self._time_axis)
        self._time_axis.setLabel(self.tr("t (step)"), color=pal.text.name())
        self._time_axis.setToolTip(self.tr("t: the time step; column t shows the values after the input x^t was fed"))
        axis_height = round(50 * self._zoom)
        axis_plot.setMaximumHeight(axis_height)
        axis_plot.setMinimumHeight(axis_height)
        grid.setRowStretchFactor(axis_row, 0)
        total_height += axis_height
        grid.setColumnFixedWidth(0, LABEL_WIDTH * self._zoom)
        self._graphics.setMinimumHeight(int(total_height + 20))
        self._apply_fonts()
        self._update_data()
        self._place_marker(self._marker if self.progress < 1 else float(self.step))

    def _row_height(self, units: int) -> int:
        return round((ROW_MIN_HEIGHT + UNIT_ROW_HEIGHT * (min(units, MAX_TALL_UNITS) - 1)) * self._zoom)

    def _make_row(self, index, key, quantity, layer, direction, gate, data, multi_layer, pal) -> _Row:
        label = pg.LabelItem(justify="right")
        self._graphics.addItem(label, row=index, col=0)

        axes = {"left": _CentredIntegerAxis("left"), "bottom": _CentredIntegerAxis("bottom")}
        plot = pg.PlotItem(axisItems=axes)
        self._graphics.addItem(plot, row=index, col=1)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)   # zoom into long sequences along t only
        plot.getViewBox().invertY(True)         # unit 1 at the top, as in a table
        units, steps = data.shape
        plot.getViewBox().setLimits(xMin=0, xMax=steps, yMin=0, yMax=units,
                                    minXRange=min(steps, 3), maxXRange=steps)
        plot.setRange(xRange=(0, steps), yRange=(0, units), padding=0)
        plot.getAxis("left").setWidth(AXIS_WIDTH * self._zoom)

        # Behind the image: what shows through where a value is NaN or infinite.
        nan_fill = QGraphicsRectItem(QRectF(0, 0, steps, units))
        nan_fill.setPen(QPen(Qt.PenStyle.NoPen))
        nan_fill.setZValue(-20)
        plot.addItem(nan_fill)
        nan_hatch = QGraphicsRectItem(QRectF(0, 0, steps, units))
        nan_hatch.setPen(QPen(Qt.PenStyle.NoPen))
        nan_hatch.setZValue(-19)
        plot.addItem(nan_hatch)

        row_ref: dict[str, _Row] = {}
        image = _HeatmapImage(lambda r, c: self._describe_cell(row_ref["row"], r, c),
                              lambda r, c: self.request_explanation(row_ref["row"].key, r, c))
        image.setZValue(-10)
        # Keep the image as scaled to the screen: each frame of a step's animation moves the line and
        # the veil across it, and scaling the image again for every frame was most of the frame's cost.
        # (setImage and zooming along t redraw the cache.)
        image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(image)

        veil = QGraphicsRectItem(QRectF(0, 0, steps, units))
        veil.setPen(QPen(Qt.PenStyle.NoPen))
        veil.setZValue(5)
        veil.setAcceptHoverEvents(False)
        plot.addItem(veil)

        line = pg.InfiniteLine(pos=0, angle=90, movable=False)
        line.setZValue(10)
        plot.addItem(line)

        cmap = gate_map(pal) if gate else diverging_map(pal)
        image.setColorMap(cmap)
        bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=cmap, width=12, interactive=False,
                              colorMapMenu=False, pen=pal.muted)
        self._graphics.addItem(bar, row=index, col=2)

        values: list[list[pg.TextItem]] = []
        if steps <= MAX_LABELLED_STEPS and units <= MAX_LABELLED_UNITS:
            font = QFont()
            font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
            for unit in range(units):
                texts = []
                for column in range(steps):
                    text = pg.TextItem(anchor=(0.5, 0.5))
                    text.setFont(font)
                    text.setPos(column + 0.5, unit + 0.5)
                    text.setZValue(-5)          # over the colour, under the veil of the steps to come
                    plot.addItem(text)
                    texts.append(text)
                values.append(texts)
        row = _Row(key, quantity, layer, direction, gate, data, label, plot, image, bar, line, veil,
                   nan_fill, nan_hatch, cmap, values)
        row_ref["row"] = row
        self._style_row(row, pal)
        self._label_row(row, multi_layer)
        return row

    def _style_row(self, row: _Row, pal: Palette) -> None:
        theme_axes(pal, *left_and_bottom(row.plot), row.bar.axis)
        row.line.setPen(pg.mkPen(pal.text, width=2.5))
        veil = QColor(pal.background)
        veil.setAlpha(VEIL_ALPHA)
        row.veil.setBrush(QBrush(veil))
        row.nan_fill.setBrush(QBrush(pal.highlight))
        row.nan_hatch.setBrush(QBrush(pal.text, Qt.BrushStyle.BDiagPattern))

    def _label_row(self, row: _Row, multi_layer: bool) -> None:
        pal = palette(self._dark)
        size = BASE_POINT_SIZE * self._zoom
        where = ""
        if multi_layer and row.layer >= 0:
            where = self.tr("layer {n}").format(n=row.layer + 1)
            if row.direction == "reverse":
                where += " ←"
            where = f"<span style='color:{pal.muted.name()}'>{where}</span> "
        color = {"a": pal.hidden, "y": pal.output, "c": pal.memory, "s": pal.memory, "m": pal.memory}.get(
            row.quantity, pal.gate if row.gate else pal.text)
        html = (f"<div style='text-align:right'>{where}<span style='font-size:{size * 1.25:.0f}pt;"
                f"font-weight:bold;color:{color.name()}'>{quantity_symbol(row.quantity)}</span><br>"
                f"<span style='font-size:{size:.0f}pt;color:{pal.muted.name()}'>"
                f"{quantity_words(row.quantity)}</span></div>")
        row.label.setText(html)
        tip = quantity_tooltip(row.quantity)
        if row.gate:
            tip += "\n" + self.tr("Colours: 0 (closed) … 1 (open).")
        else:
            tip += "\n" + self.tr("Colours: blue negative, orange positive; the scale is symmetric around 0.")
        row.label.setToolTip(tip)
        row.plot.getAxis("left").setToolTip(self.tr("units of the layer, numbered from 1"))

    def _apply_fonts(self) -> None:
        font = QFont()
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        label_font = QFont(font)
        label_font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        for row in self._rows:
            for axis_name in ("left", "bottom"):
                row.plot.getAxis(axis_name).setStyle(tickFont=font, tickTextOffset=3)
            # Let the top label stick out above the bar by half its height, into the gap above.
            row.bar.axis.setStyle(tickFont=font, hideOverlappingLabels=round(QFontMetricsF(font).height()))
            row.bar.axis.setWidth(round(QFontMetricsF(font).horizontalAdvance("−8.8e+88") + 10))
        if self._time_axis is not None:
            self._time_axis.setStyle(tickFont=font, tickTextOffset=3)
            self._time_axis.label.setFont(label_font)

    # -- values ----------------------------------------------------------------------------------
    def _update_data(self) -> None:
        trace = self.session.trace
        if trace is None or not self._rows:
            return
        specs = {key: data for key, _, _, _, _, data in self._row_specs(trace)}
        for row in self._rows:
            row.data = specs[row.key]
            finite = np.isfinite(row.data)
            shown = np.where(finite, row.data, np.nan)      # ±∞ shows through as "not finite" too
            levels = (0.0, 1.0) if row.gate else symmetric_levels(row.data)
            row.image.setImage(shown, levels=levels, autoLevels=False)
            units, steps = row.data.shape
            row.image.setRect(QRectF(0, 0, steps, units))
            row.bar.setLevels(values=levels)
            # Labels at the top and the middle only: a bottom label would run into the next row's top
            # one. The low end is 0 on a gate and −high on the symmetric value scales (tooltip).
            low, high = levels
            middle = 0.5 if row.gate else 0.0
            row.bar.axis.setTicks([[(high, format_value(high, 2)), (middle, format_value(middle, 2))],
                                   [(low, "")]])
            row.bar.setToolTip(self.tr("Colour scale: {low} … {high}").format(low=format_value(low, 3),
                                                                              high=format_value(high, 3)))
            has_non_finite = not bool(finite.all())
            row.nan_fill.setVisible(has_non_finite)
            row.nan_hatch.setVisible(has_non_finite)
            if row.values:
                self._label_cells(row, levels)

    def _label_cells(self, row: _Row, levels: tuple[float, float]) -> None:
        low, high = levels
        pal = palette(self._dark)
        with np.errstate(all="ignore"):
            position = np.clip((row.data - low) / (high - low), 0.0, 1.0)
        for unit, texts in enumerate(row.values):
            for column, text in enumerate(texts):
                value = float(row.data[unit, column])
                if math.isfinite(value):
                    color = text_on(row.cmap.map(float(position[unit, column]), mode="qcolor"))
                else:
                    color = pal.text
                text.setText(cell_text(value), color=color)

    def _describe_cell(self, row: _Row, unit: int, column: int) -> str:
        value = float(row.data[unit, column])
        name = quantity_plain_symbol(row.quantity)
        return self.tr("{name} ({words}), unit {unit}, t = {t}: {value}").format(
            name=name, words=quantity_words(row.quantity), unit=unit + 1, t=column + 1, value=format_value(value))

    def request_explanation(self, key: str, unit: int, column: int) -> bool:
        """Ask for the arithmetic behind one cell; only steps already fed can be explained (the
        others are behind the veil). Returns whether the request went out."""
        row = next((r for r in self._rows if r.key == key), None)
        if row is None or not (0 <= unit < row.data.shape[0]) or not (0 <= column < self.step):
            return False
        self.explain_at_requested.emit(column, row.layer, row.quantity, unit, row.direction)
        return True

    # -- the current step ------------------------------------------------------------------------
    def show_step(self, step: int, progress: float = 1.0) -> None:
        step = int(max(0, min(step, self._steps)))
        progress = float(min(1.0, max(0.0, progress)))
        self.step, self.progress = step, progress
        # Slide from where the line settled last, so stepping back and jumping animate too.
        x = self._marker + (step - self._marker) * progress
        if progress >= 1.0:
            self._marker = float(step)
        self._place_marker(x)

    def _place_marker(self, x: float) -> None:
        for row in self._rows:
            units, steps = row.data.shape
            row.line.setValue(x)
            row.veil.setRect(QRectF(x, 0, max(0.0, steps - x), units))

    # -- look ------------------------------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        if bool(dark) != self._dark:
            self._dark = bool(dark)
            self.rebuild()

    def set_zoom(self, factor: float) -> None:
        factor = max(0.5, float(factor))
        if factor != self._zoom:
            self._zoom = factor
            self.rebuild()

    def retranslate(self) -> None:
        self.rebuild()
