"""The training panel's live plots: loss, gradient norm with clipping, per-group norms, and for the
vanishing-gradient scene a heatmap of |∂L/∂a^t| over t and training time per run.

Every graphics item is made once per set of runs (``set_runs``) and afterwards only fed new arrays
(``refresh``: ``setData`` / ``setImage``), so a redraw costs the copy of the numbers and nothing else.
Runs are told apart by colour (the legend of the loss plot names them); within the gradient plot the
norm before clipping is a thick line, after clipping a thin one, every clipped update gets a marker
and the clipping threshold is a dotted line. A run that blew up keeps its curves up to the last finite
update, with a vertical line where it blew up (and where it was rolled back).
"""
from __future__ import annotations

import math
import time
from contextlib import nullcontext

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from simulator.gui.plotting import left_and_bottom, theme_axes
from simulator.gui.style import palette

BASE_POINT_SIZE = 11.0
#: rows of the |∂L/∂a^t| heatmap kept at most (older updates are thinned out evenly)
MAX_HEATMAP_ROWS = 600
#: while training, the |∂L/∂a^t| heatmaps are redrawn at most this often (s): with four runs they are
#: the slowest part of a redraw, and a heatmap gains a row per update, a change the eye does not need
#: 30 times a second
LIVE_HEATMAP_INTERVAL = 0.25
#: histories this short are drawn with a dot per update
FEW_UPDATES = 40
#: decades shown below the largest value on a log axis
LOG_DECADES = 7
#: colours of the parameter groups
GROUP_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
                 "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6")


class GuardedGraphics(pg.GraphicsLayoutWidget):
    """A GraphicsLayoutWidget that paints inside ``around_paint()`` (a context manager; the training
    lab's holds its worker meanwhile and times the paint)."""

    around_paint = staticmethod(nullcontext)

    def paintEvent(self, event):
        with self.around_paint():
            super().paintEvent(event)


class _RunItems:
    """The graphics items of one run (made once)."""

    def __init__(self):
        self.loss: pg.PlotDataItem | None = None
        self.test_loss: pg.PlotDataItem | None = None
        self.norm_before: pg.PlotDataItem | None = None
        self.norm_after: pg.PlotDataItem | None = None
        self.clip_markers: pg.ScatterPlotItem | None = None
        self.threshold: pg.InfiniteLine | None = None
        self.groups: dict[str, pg.PlotDataItem] = {}
        self.events: list[pg.InfiniteLine] = []       # blow-ups and roll-backs, on the loss plot
        self.heatmap: pg.ImageItem | None = None
        self.heatmap_plot: pg.PlotItem | None = None
        self.dots = False                               # curves drawn with a dot per update


def _key_lines(key: str, per_line: int = 2) -> str:
    """A key of several entries separated by three spaces, ``per_line`` entries to a line: on a
    1366-pixel laptop screen a single line would be wider than its plot."""
    entries = [entry for entry in key.split("   ") if entry.strip()]
    lines = ["&nbsp;&nbsp;&nbsp;".join(entries[i:i + per_line]) for i in range(0, len(entries), per_line)]
    return "<br>".join(lines)


def _yield_title_width(plot: pg.PlotItem, zoom: float) -> None:
    """A title never makes its column wider than the plot needs: a long run name or translation
    overflows into the margin instead of pushing the next column out of the window.

    pyqtgraph's LabelItem sets its minimum size to its text's in ``updateMin()`` (on every new
    text or font) and answers the layout from the ``_sizeHint`` table made there; the label's own
    ``updateMin`` is wrapped once to cap the width it asks for."""
    label = plot.titleLabel
    label._width_cap = 120 * zoom
    if getattr(label, "_capped_update_min", None) is None:
        original = label.updateMin

        def capped_update_min() -> None:
            original()
            cap = label._width_cap
            label.setMinimumWidth(min(label.minimumWidth(), cap))
            hints = getattr(label, "_sizeHint", None)
            if isinstance(hints, dict) and Qt.SizeHint.MinimumSize in hints:
                width, height = hints[Qt.SizeHint.MinimumSize]
                hints[Qt.SizeHint.MinimumSize] = (min(width, cap), height)
                label.updateGeometry()

        label._capped_update_min = capped_update_min
        label.updateMin = capped_update_min
    label.updateMin()


class TrainingPlots(QWidget):
    """Loss | gradient norm on top, per-group norms | |∂L/∂a^t| heatmaps below (see module doc)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._dark = False
        self._zoom = 1.0
        self._log = True
        self._runs = []
        self._items: list[_RunItems] = []
        self._group_colours: dict[str, str] = {}
        self.graphics = GuardedGraphics()
        self.graphics.setObjectName("trainingPlots")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.loss_plot = pg.PlotItem(axisItems={"left": LogAxis("left")})
        self.norm_plot = pg.PlotItem(axisItems={"left": LogAxis("left")})
        self.group_plot = pg.PlotItem(axisItems={"left": LogAxis("left")})
        self.heat_layout = pg.GraphicsLayout()
        self._heat_bar: pg.ColorBarItem | None = None
        self._heat_cmap = pg.colormap.get("viridis")
        self.graphics.addItem(self.loss_plot, row=0, col=0)
        self.graphics.addItem(self.norm_plot, row=0, col=1)
        self._heatmaps_shown = None
        self._layout_bottom(heatmaps=False)
        # the loss and the gradient norm come first: give them the larger share of the height
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.graphics.ci.layout.setColumnStretchFactor(0, 1)
        self.graphics.ci.layout.setColumnStretchFactor(1, 1)
        self._manual_y: set = set()
        for plot in (self.loss_plot, self.norm_plot, self.group_plot):
            plot.getAxis("bottom").enableAutoSIPrefix(False)    # "update (x1000)" is no way to count
            plot.setMenuEnabled(False)
            plot.showGrid(x=False, y=True, alpha=0.25)   # an x grid costs two thirds of a redraw
            plot.getViewBox().setDefaultPadding(0.02)
            plot.getViewBox().sigRangeChangedManually.connect(lambda *_args, plot=plot: self._manual_zoom(plot))
        # bottom left: a falling loss curve leaves that corner empty
        self.loss_legend = self.loss_plot.addLegend(offset=(8, -8))
        self.group_legend = self.group_plot.addLegend(offset=(8, -8))
        self.reference_line = pg.InfiniteLine(angle=0, movable=False)
        self.reference_line.setVisible(False)
        self.loss_plot.addItem(self.reference_line)
        self._reference: tuple[float, str] | None = None
        self.set_runs([])
        self.retranslate()

    # -- building ------------------------------------------------------------------------------
    def set_runs(self, runs, reference: tuple[float, str] | None = None) -> None:
        """Make the items for these runs (TrainingRun objects), dropping the old ones."""
        for items in self._items:
            self._remove_run_items(items)
        self._items, self._runs = [], list(runs)
        self._manual_y.clear()
        self._detail = min(getattr(self, "_detail", 0), max(0, len(self._runs) - 1))
        self._group_colours = {}
        self._reference = reference
        for legend in (self.loss_legend, self.group_legend):
            legend.clear()
        self.heat_layout.clear()
        self._heat_bar = None
        self._layout_bottom(heatmaps=False)
        pal = palette(self._dark)
        for index, run in enumerate(self._runs):
            self._items.append(self._make_run_items(index, run, pal))
        if reference is not None:
            value, label = reference
            self.reference_line.setVisible(True)
            self.reference_line.setPen(pg.mkPen(pal.muted, width=2, style=Qt.PenStyle.DashDotLine))
            self.loss_legend.addItem(pg.PlotDataItem(pen=pg.mkPen(pal.muted, width=2,
                                                                  style=Qt.PenStyle.DashDotLine)), label)
        else:
            self.reference_line.setVisible(False)
        self.loss_legend.setVisible(reference is not None)      # it names only the reference line
        self._title_loss_plot()
        self._title_group_plot()
        self._place_lines()
        self._apply_fonts()
        self.refresh()

    def _layout_bottom(self, heatmaps: bool) -> None:
        """The per-weight plot spans the width unless there are |∂L/∂a^t| heatmaps to show beside it."""
        if heatmaps == self._heatmaps_shown:
            return
        layout = self.graphics.ci
        for item in (self.group_plot, self.heat_layout):
            if item in layout.items:
                layout.removeItem(item)
        if heatmaps:
            layout.addItem(self.group_plot, row=1, col=0)
            layout.addItem(self.heat_layout, row=1, col=1)
            self.heat_layout.setVisible(True)
        else:
            layout.addItem(self.group_plot, row=1, col=0, rowspan=1, colspan=2)
            self.heat_layout.setVisible(False)
        self._heatmaps_shown = heatmaps

    def _make_run_items(self, index, run, pal) -> _RunItems:
        items = _RunItems()
        colour = QColor(run.colour) if not self._dark else QColor(run.colour).lighter(135)
        items.loss = pg.PlotDataItem(pen=pg.mkPen(colour, width=2.5), connect="finite")
        self.loss_plot.addItem(items.loss)
        items.test_loss = pg.PlotDataItem(pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
                                          symbol="o", symbolSize=6, symbolBrush=colour, symbolPen=None,
                                          connect="finite")
        self.loss_plot.addItem(items.test_loss)
        items.norm_before = pg.PlotDataItem(pen=pg.mkPen(colour, width=2.5), connect="finite")
        # after clipping: a thin line (a dashed thick one costs ten times as much to draw, and the
        # norm is drawn many times a second)
        items.norm_after = pg.PlotDataItem(pen=pg.mkPen(colour, width=1), connect="finite")
        for item in (items.loss, items.test_loss, items.norm_before, items.norm_after):
            _for_long_histories(item)
        items.clip_markers = pg.ScatterPlotItem(symbol="t", size=8, brush=pg.mkBrush(colour),
                                                pen=pg.mkPen(pal.background, width=1))
        for item in (items.norm_before, items.norm_after, items.clip_markers):
            self.norm_plot.addItem(item)
        items.threshold = pg.InfiniteLine(angle=0, movable=False,
                                          pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DotLine))
        self.norm_plot.addItem(items.threshold)
        return items

    def _remove_run_items(self, items: _RunItems) -> None:
        for item in (items.loss, items.test_loss, *items.events):
            if item is not None:
                self.loss_plot.removeItem(item)
        for item in (items.norm_before, items.norm_after, items.clip_markers, items.threshold):
            if item is not None:
                self.norm_plot.removeItem(item)
        for item in items.groups.values():
            self.group_plot.removeItem(item)

    def _ensure_group(self, run_index: int, key: str) -> pg.PlotDataItem:
        """The per-weight curve of the detail run (only that run has them: with several runs the
        plot would hold runs × weights lines)."""
        items = self._items[run_index]
        item = items.groups.get(key)
        if item is None:
            if key not in self._group_colours:
                self._group_colours[key] = GROUP_COLOURS[len(self._group_colours) % len(GROUP_COLOURS)]
            item = pg.PlotDataItem(pen=pg.mkPen(self._group_colours[key], width=2), connect="finite")
            if items.dots:
                item.setSymbol("o")
                item.setSymbolSize(5)
                item.setSymbolPen(None)
                item.setSymbolBrush(self._group_colours[key])
            _for_long_histories(item)
            item.setLogMode(False, self._log)
            self.group_plot.addItem(item)
            items.groups[key] = item
            self.group_legend.addItem(item, key)
        return item

    def set_detail_run(self, run_index: int) -> None:
        """Which run's gradient norms per weight to show."""
        run_index = max(0, min(int(run_index), len(self._runs) - 1)) if self._runs else 0
        if run_index == self._detail:
            return
        for items in self._items:
            for item in items.groups.values():
                self.group_plot.removeItem(item)
                self.group_legend.removeItem(item)
            items.groups.clear()
        self._detail = run_index
        self._title_group_plot()
        self.refresh()

    def detail_run(self) -> int:
        return self._detail

    def _title_loss_plot(self) -> None:
        """The runs' colours are named in the status lines above the plots; the title keys the styles."""
        tested = any(getattr(run.session.task, "test", None) is not None for run in self._runs)
        if tested:
            key = self.tr("── training loss   ╌●╌ on the test sequences")
        else:
            key = self.tr("── training loss")
        self._set_keyed_title(self.loss_plot, self.tr("Loss"), _key_lines(key, 1))

    def _set_keyed_title(self, plot: pg.PlotItem, title: str, key: str) -> None:
        """A plot's title with its key below in small muted type; the title never widens its column."""
        pal = palette(self._dark)
        plot.setTitle(f"{title}<br><span style='font-size:{10 * self._zoom:.0f}pt;color:{pal.muted.name()}'>"
                      f"{key}</span>", color=pal.text.name(), size=f"{12 * self._zoom:.0f}pt")
        _yield_title_width(plot, self._zoom)

    def _title_group_plot(self) -> None:
        pal = palette(self._dark)
        title = self.tr("Gradient norm per weight")
        if len(self._runs) > 1:
            run = self._runs[self._detail]
            default_name = self.tr("training")
            title += f"<br><span style='color:{run.colour}'>{run.name or default_name}</span>"
        self.group_plot.setTitle(title, color=pal.text.name(), size=f"{12 * self._zoom:.0f}pt")
        _yield_title_width(self.group_plot, self._zoom)

    def _ensure_heatmap(self, run_index: int, run) -> _RunItems:
        items = self._items[run_index]
        if items.heatmap is None:
            self._layout_bottom(heatmaps=True)
            pal = palette(self._dark)
            row, col = self._heatmap_cell(run_index)
            plot = self.heat_layout.addPlot(row=row, col=col)
            plot.setMinimumHeight(40)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.invertY(True)                       # training time runs down, like a table
            plot.getAxis("left").enableAutoSIPrefix(False)
            image = pg.ImageItem(axisOrder="row-major")
            plot.addItem(image)
            image.setColorMap(self._heat_cmap)
            if self._heat_bar is None:
                # one colour scale for every run: the runs' gradients compare at a glance
                self._heat_bar = pg.ColorBarItem(values=(-6, 0), colorMap=self._heat_cmap, width=10,
                                                 interactive=False, colorMapMenu=False, pen=pal.muted)
                self._heat_bar.axis.enableAutoSIPrefix(False)
                rows = math.ceil(len(self._runs) / self._heatmap_columns())
                self.heat_layout.addItem(self._heat_bar, row=0, col=self._heatmap_columns(), rowspan=rows)
            items.heatmap, items.heatmap_plot = image, plot
            self._label_heatmap(run_index, run)
            self._apply_fonts()
        return items

    def _heatmap_columns(self) -> int:
        return 1 if len(self._runs) <= 2 else 2

    def _heatmap_cell(self, run_index: int) -> tuple[int, int]:
        """Where a run's heatmap goes: one below the other for up to two runs, a 2-column grid for more;
        the shared colour bar is the last column."""
        columns = self._heatmap_columns()
        return run_index // columns, run_index % columns

    def _label_heatmap(self, run_index: int, run) -> None:
        items = self._items[run_index]
        if items.heatmap_plot is None:
            return
        pal = palette(self._dark)
        items.heatmap_plot.setTitle(run.name or self.tr("training"), color=run.colour,
                                    size=f"{10 * self._zoom:.0f}pt")
        _yield_title_width(items.heatmap_plot, self._zoom)
        row, col = self._heatmap_cell(run_index)
        rows = math.ceil(len(self._runs) / self._heatmap_columns())
        # axis names once: t under the bottom row, "update" left of the first column
        items.heatmap_plot.setLabel("bottom", self.tr("t (step)") if row == rows - 1 else None, color=pal.text.name())
        items.heatmap_plot.setLabel("left", self.tr("update") if col == 0 else None, color=pal.text.name())
        items.heatmap_plot.setToolTip(self.tr("|∂L/∂a^t|: how strongly the loss depends on the hidden output a^t "
                                              "at step t (log₁₀ colours, one scale for all runs); dark on the "
                                              "left means the gradient vanishes on its way back through time"))
        if self._heat_bar is not None:
            self._heat_bar.axis.setLabel(self.tr("log₁₀ |∂L/∂a<sup>t</sup>|"))

    # -- values --------------------------------------------------------------------------------
    def refresh(self, live: bool = False) -> None:
        """Feed the current curves of every run to its items. ``live`` (training is running) redraws
        the heatmaps at most every LIVE_HEATMAP_INTERVAL and catches up with a timer after that."""
        for index, run in enumerate(self._runs):
            self._refresh_run(index, run)
        waited = time.monotonic() - getattr(self, "_heatmaps_drawn_at", -math.inf)
        if not live or waited >= LIVE_HEATMAP_INTERVAL:
            self._refresh_heatmaps_now()
        else:
            if getattr(self, "_heatmap_timer", None) is None:
                self._heatmap_timer = QTimer(self)
                self._heatmap_timer.setSingleShot(True)
                self._heatmap_timer.timeout.connect(self._refresh_heatmaps_now)
            if not self._heatmap_timer.isActive():
                self._heatmap_timer.start(int(1000 * (LIVE_HEATMAP_INTERVAL - waited)) + 1)
        self._place_lines()
        self._limit_log_ranges()
        self._fit_update_axes()

    def _fit_update_axes(self) -> None:
        """The update axis runs to a round number ahead of the training (100, 150, 200, 300, 500, …)
        and moves only when the training passes it: an axis redrawn at every frame costs most of a
        frame, and a scale that creeps is hard to read. A plot zoomed by hand is left alone."""
        last = max((int(run.curves.updates[-1]) for run in self._runs if len(run.curves.updates)), default=0)
        end = _round_up(max(last, 10))
        for plot in (self.loss_plot, self.norm_plot, self.group_plot):
            if plot in self._manual_y:
                continue
            box = plot.getViewBox()
            box.disableAutoRange(axis=pg.ViewBox.XAxis)
            if box.viewRange()[0] != [0.0, float(end)]:
                box.setXRange(0.0, float(end), padding=0)
        for items in self._items:
            if items.heatmap_plot is not None:
                box = items.heatmap_plot.getViewBox()
                if box.viewRange()[1] != [0.5, end + 0.5]:
                    box.setYRange(0.5, end + 0.5, padding=0)

    def _limit_log_ranges(self) -> None:
        """On log axes the y range runs from the largest value down to at most LOG_DECADES decades below
        where the runs started: a run whose loss falls to 1e−30 would otherwise squash the jump of
        another from 0.015 to 2.25 into a sliver, while a blow-up to 1e306 keeps all its history in
        view. Once the user zooms a plot by hand, it is left alone (until the runs change)."""
        for plot, names in ((self.loss_plot, ("losses", "test_losses")),
                            (self.norm_plot, ("norms_before", "norms_after")),
                            (self.group_plot, ())):
            box = plot.getViewBox()
            if not self._log:
                if plot not in self._manual_y:
                    box.enableAutoRange(y=True)
                continue
            if plot in self._manual_y:
                continue
            low, high, start = math.inf, -math.inf, math.inf
            # the per-weight plot shows the detail run only
            runs = self._runs if names else self._runs[self._detail:self._detail + 1]
            for run in runs:
                curves = run.curves
                for series in [getattr(curves, name) for name in names] or list(curves.groups.values()):
                    if math.isfinite(series.max_positive):
                        low = min(low, math.log10(series.min_positive))
                        high = max(high, math.log10(series.max_positive))
                        start = min(start, math.log10(series.first_positive))
            if not math.isfinite(high):
                box.enableAutoRange(y=True)
                continue
            low = max(low, start - LOG_DECADES)
            if high - low < 1.0:
                low, high = low - 0.5, high + 0.5
            # whole half decades, so the range (and the axis with it) changes only now and then
            low, high = math.floor(2 * low - 0.1) / 2, math.ceil(2 * high + 0.1) / 2
            box.disableAutoRange(axis=pg.ViewBox.YAxis)
            if box.viewRange()[1] != [low, high]:
                box.setYRange(low, high, padding=0)

    def _manual_zoom(self, plot) -> None:
        self._manual_y.add(plot)

    def _refresh_run(self, index: int, run) -> None:
        items, curves = self._items[index], run.curves
        updates = curves.updates.values
        # a dot per update while there are few: a run of one or two updates is otherwise invisible
        dots = len(updates) <= FEW_UPDATES
        if dots != items.dots:
            items.dots = dots
            curve_items = [items.loss, items.norm_before, *items.groups.values()]
            for item in curve_items:
                item.setSymbol("o" if dots else None)
                item.setSymbolSize(5)
                item.setSymbolPen(None)
                item.setSymbolBrush(item.opts["pen"].color() if hasattr(item.opts["pen"], "color") else run.colour)
        _set_curve(items.loss, updates, curves.losses.values)
        _set_curve(items.test_loss, curves.test_updates.values, curves.test_losses.values)
        _set_curve(items.norm_before, updates, curves.norms_before.values)
        clipped_any = len(curves.clipped_updates) > 0
        _set_curve(items.norm_after, updates if clipped_any else [], curves.norms_after.values if clipped_any else [])
        items.clip_markers.setData(curves.clipped_updates.values, _log_or_not(curves.clipped_norms.values, self._log))
        if index == self._detail:
            for key, values in curves.groups.items():
                _set_curve(self._ensure_group(index, key), updates, values.values)
        self._refresh_events(index, run)

    def _refresh_events(self, index: int, run) -> None:
        items = self._items[index]
        pal = palette(self._dark)
        wanted = [(update, "blow-up") for update, _ in run.curves.non_finite]
        wanted += [(update, "rollback") for update in run.rollbacks]
        while len(items.events) < len(wanted):
            line = pg.InfiniteLine(angle=90, movable=False)
            self.loss_plot.addItem(line)
            items.events.append(line)
        for line, (update, kind) in zip(items.events, wanted):
            line.setValue(update)
            style = Qt.PenStyle.SolidLine if kind == "blow-up" else Qt.PenStyle.DashLine
            line.setPen(pg.mkPen(pal.output if kind == "blow-up" else QColor(run.colour), width=2, style=style))
            if kind == "blow-up":
                tip = self.tr("update {n}: the loss or the gradient stopped being a finite number")
            else:
                tip = self.tr("update {n}: rolled back to the last finite weights")
            line.setToolTip(tip.format(n=update))
            line.setVisible(True)
        for line in items.events[len(wanted):]:
            line.setVisible(False)

    def _refresh_heatmaps_now(self) -> None:
        timer = getattr(self, "_heatmap_timer", None)
        if timer is not None:
            timer.stop()
        self._heatmaps_drawn_at = time.monotonic()
        self._refresh_heatmaps()

    def _refresh_heatmaps(self) -> None:
        """|∂L/∂a^t| of every run: rows are updates (thinned to MAX_HEATMAP_ROWS), columns t; log₁₀
        colours on one scale for all runs, from the 1st percentile to the largest value."""
        shown = []
        for index, run in enumerate(self._runs):
            rows = run.curves.step_grad_norms
            if not rows:
                continue
            step = max(1, math.ceil(len(rows) / MAX_HEATMAP_ROWS))
            chosen = rows[::step]
            width = max(len(row) for row in chosen)
            data = np.full((len(chosen), width), np.nan)
            for i, row in enumerate(chosen):
                data[i, :len(row)] = row
            with np.errstate(all="ignore"):
                logs = np.log10(np.abs(data))
            updates = run.curves.updates
            first, last = float(updates[0]), float(updates[min(len(updates), len(rows)) - 1])
            shown.append((index, run, logs, QRectF(0.5, first - 0.5, width, max(1.0, last - first + 1))))
        if not shown:
            return
        finite = np.concatenate([logs[np.isfinite(logs)] for _, _, logs, _ in shown])
        if finite.size:
            low, high = float(np.percentile(finite, 1)), float(finite.max())
            if high - low < 1e-9:
                low, high = high - 1.0, high
        else:
            low, high = -6.0, 0.0
        for index, run, logs, rect in shown:
            items = self._ensure_heatmap(index, run)
            # an update whose gradient was not finite stays NaN: drawn as the empty background, not as
            # the darkest colour (which would read as "vanished")
            items.heatmap.setImage(logs, levels=(low, high), autoLevels=False)
            items.heatmap.setRect(rect)
        self._heat_bar.setLevels(values=(low, high))

    def _place_lines(self) -> None:
        for index, run in enumerate(self._runs):
            config = run.session.config
            threshold = self._items[index].threshold
            shown = config.clip_mode == "norm"
            threshold.setVisible(shown)
            if shown:
                threshold.setValue(_log_value(config.clip_threshold, self._log))
                threshold.setToolTip(self.tr("clipping threshold {value}: longer gradients are scaled down to it")
                                     .format(value=f"{config.clip_threshold:g}"))
        if self._reference is not None:
            self.reference_line.setValue(_log_value(self._reference[0], self._log))

    # -- reading (tests) -----------------------------------------------------------------------
    def curve_data(self, run_index: int, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The data an item was given (not its log-transformed display data): name is one of loss,
        test_loss, norm_before, norm_after, clip_markers, or ``group:KEY``."""
        items = self._items[run_index]
        if name.startswith("group:"):
            item = items.groups[name[len("group:"):]]
        else:
            item = getattr(items, name)
        if isinstance(item, pg.ScatterPlotItem):
            x, y = item.getData()
            return np.asarray(x), (10 ** np.asarray(y) if self._log else np.asarray(y))
        x, y = item.getOriginalDataset()
        return (np.asarray([]) if x is None else np.asarray(x)), (np.asarray([]) if y is None else np.asarray(y))

    def threshold_value(self, run_index: int) -> float | None:
        line = self._items[run_index].threshold
        if not line.isVisible():
            return None
        return 10 ** line.value() if self._log else line.value()

    def heatmap_image(self, run_index: int) -> np.ndarray | None:
        image = self._items[run_index].heatmap
        return None if image is None else image.image

    def event_lines(self, run_index: int) -> list[float]:
        return [line.value() for line in self._items[run_index].events if line.isVisible()]

    # -- look ----------------------------------------------------------------------------------
    def set_log(self, log: bool) -> None:
        self._log = bool(log)
        self._manual_y.clear()
        for plot in (self.loss_plot, self.norm_plot, self.group_plot):
            plot.setLogMode(False, self._log)
        self.refresh()

    def is_log(self) -> bool:
        return self._log

    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        self._apply_colours()
        self.retranslate()                 # titles and labels are coloured text: write them again

    def set_zoom(self, factor: float) -> None:
        self._zoom = max(0.5, float(factor))
        self._apply_fonts()
        self.retranslate()                 # the titles' sizes follow the zoom

    def retranslate(self) -> None:
        pal = palette(self._dark)
        self._title_loss_plot()
        key = self.tr("━━ before clipping   ── after   ▼ clipped update   ┈┈ threshold")
        self._set_keyed_title(self.norm_plot, self.tr("Gradient norm ‖g‖"), _key_lines(key))
        self._title_group_plot()
        for plot in (self.loss_plot, self.norm_plot, self.group_plot):
            plot.setLabel("bottom", self.tr("update"), color=pal.text.name())
        self.loss_plot.setToolTip(self.tr("The training loss after each update (solid) and on the test sequences "
                                      "(dashed, dots)"))
        self.norm_plot.setToolTip(self.tr("The length of the gradient before clipping (thick) and after (thin); "
                                      "a triangle marks every update that was clipped"))
        self.group_plot.setToolTip(self.tr("The gradient's length for each weight matrix and bias separately"))
        self.set_runs(self._runs, self._reference)        # the runs' names (and colours) anew

    def _apply_colours(self) -> None:
        pal = palette(self._dark)
        self.graphics.setBackground(pal.background)
        theme_axes(pal, *left_and_bottom(self.loss_plot, self.norm_plot, self.group_plot))
        for legend in (self.loss_legend, self.group_legend):
            legend.setLabelTextColor(pal.text)
            background = QColor(pal.background)
            background.setAlpha(210)
            legend.setBrush(pg.mkBrush(background))
            legend.setPen(pg.mkPen(pal.muted))

    def _apply_fonts(self) -> None:
        font = QFont()
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        plots = [self.loss_plot, self.norm_plot, self.group_plot]
        plots += [items.heatmap_plot for items in self._items if items.heatmap_plot is not None]
        for plot in plots:
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setStyle(tickFont=font, tickTextOffset=4)
                axis.label.setFont(font)
        if self._heat_bar is not None:
            self._heat_bar.axis.setStyle(tickFont=font)
        for legend in (self.loss_legend, self.group_legend):
            legend.setLabelTextSize(f"{BASE_POINT_SIZE * self._zoom:.0f}pt")
        self._apply_colours()


class LogAxis(pg.AxisItem):
    """A log axis labelled legibly: powers of ten (every few decades when many are shown), and 2 and 5
    times them only when less than two decades are in view; the other minor ticks carry no label."""

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        low, high = math.floor(minVal), math.ceil(maxVal)
        decades = max(1, high - low)
        height = 2.2 * QFontMetricsF(self.style.get("tickFont") or QFont()).height()
        fits = max(2, int(size / height)) if size > 0 else 6
        every = next(n for n in (1, 2, 3, 5, 10, 20, 50, 100, 200, 500) if decades / n <= fits or n == 500)
        majors = [float(v) for v in range(low, high + 1) if v % every == 0 and minVal <= v <= maxVal]
        levels = [(float(every), majors)]
        if every == 1 and maxVal - minVal < 2.0:
            labelled = [v + math.log10(m) for v in range(low, high) for m in (2, 5)]
            levels.append((0.5, [x for x in labelled if minVal < x < maxVal]))
        if every == 1 and decades <= 3:             # unlabelled minor ticks (and their grid lines) cost
            # a redraw a lot and say little when many decades are in view
            minor = [v + math.log10(m) for v in range(low, high) for m in (3, 4, 6, 7, 8, 9)]
            if maxVal - minVal >= 2.0:
                minor += [v + math.log10(m) for v in range(low, high) for m in (2, 5)]
            levels.append((None, [x for x in minor if minVal < x < maxVal]))
        return levels

    def logTickStrings(self, values, scale, spacing):
        if spacing is None:
            return ["" for _ in values]
        return [power_label(value) for value in values]


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def power_label(log_value: float) -> str:
    """10^k as "10⁻³", 1, 10, 100, 0.1, 0.01 as they are, 2·10^k as "0.002" or "2·10⁻⁵"."""
    exponent = math.floor(log_value + 1e-9)
    mantissa = round(10 ** (log_value - exponent), 6)
    if abs(mantissa - 10) < 1e-6:
        mantissa, exponent = 1.0, exponent + 1
    if -2 <= exponent <= 3:
        value = mantissa * 10.0 ** exponent
        return f"{value:.{max(0, -exponent)}f}"
    power = "10" + str(exponent).translate(_SUPERSCRIPTS)
    return power if abs(mantissa - 1) < 1e-6 else f"{mantissa:g}·{power}"


def _for_long_histories(item: pg.PlotDataItem) -> None:
    """Draw about one point pair per pixel column (each column's extremes: a spike stays visible) and
    only what is in view, so 100 000 updates draw as fast as 100 (pyqtgraph keeps 5 per pixel by
    default: five times the line segments, for nothing the eye can see)."""
    item.opts["autoDownsampleFactor"] = 1.0
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)


def _round_up(n: float) -> int:
    """The next of 10, 15, 20, 30, 50, 75, 100, 150, … at or above n."""
    scale = 10 ** max(1, math.floor(math.log10(max(n, 1))))
    for step in (1, 1.5, 2, 3, 5, 7.5, 10):
        if step * scale >= n:
            return int(round(step * scale))
    return int(10 * scale)


def _set_curve(item: pg.PlotDataItem, x, y) -> None:
    """Positive finite values only (a log axis has no place for the rest: they leave a gap), and no
    data at all rather than only gaps (pyqtgraph's dot markers warn about an all-NaN curve)."""
    y = _positive(y)
    if y.size == 0 or not np.isfinite(y).any():
        item.setData([], [])
    else:
        item.setData(x, y)


def _positive(values) -> np.ndarray:
    """Values for a plot that may be on a log axis: non-finite and ≤ 0 values become NaN (a gap)."""
    array = np.asarray(values, dtype=float)
    if array.size == 0:
        return array
    return np.where(np.isfinite(array) & (array > 0), array, np.nan)


def _log_value(value: float, log: bool) -> float:
    if not log:
        return float(value)
    return math.log10(value) if value > 0 else -300.0


def _log_or_not(values, log: bool) -> np.ndarray:
    """Scatter items are not transformed by the plot's log mode: do it here."""
    array = _positive(values)
    if not log or array.size == 0:
        return array
    with np.errstate(all="ignore"):
        return np.log10(array)
