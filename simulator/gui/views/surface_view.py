"""The loss surface: the loss over a plane of weights around the current ones, with the optimiser's path.

The plane is spanned by two chosen weights (e.g. the recurrent weight w and the bias b of the cliff
scene), by the axes the scene names, or by two random directions scaled to the weights' size (Li et
al. 2018). The loss is a heatmap with contour lines and a colour bar; cells where the forward pass
overflowed are hatched and named in the legend ("overflow / NaN"). Every run of the training lab
draws its path on top — several runs from the same start (cliff: unclipped and clipped) in their
colours — and a cross marks the weights the surface is centred on.

The surface is computed in a worker (:class:`GeneratorWorker` running ``loss_surface_progressive``:
a coarse picture first, then finer ones); a new computation starts at most every
``REFRESH_INTERVAL_MS`` and only when the last one is done, so training never waits for it and the
window never freezes. Over two weights the surface changes while training moves the *other* weights,
so it follows the training; over two directions it is a fixed plane through the weights it was made
at (press "Centre here" to make a new one), on which the paths are projected.

A 3-D view (pyqtgraph.opengl) is offered where OpenGL works; elsewhere (no PyOpenGL, the offscreen
platform, no GL context) a note says so and the 2-D map stays.

Scenes whose settings name one ``weight`` and list ``expected`` outputs for values ``w`` of it (the
``w999`` scene) get the power view instead: y^T = w^(T−1) against w on a log axis, the lecture's
points marked, the gradient beside it and a slider for w (:class:`PowerView`).
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QRectF, Qt, QThread, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGraphicsRectItem, QGridLayout,
                               QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox, QStackedWidget,
                               QVBoxLayout, QWidget)

from simulator.engine.surface import (DirectionAxes, ParamAxis, SurfaceResult, loss_surface_progressive,
                                      trajectory_coordinates)
from simulator.errors import UserInputError
from simulator.gui.plotting import left_and_bottom, theme_axes
from simulator.gui.style import palette
from simulator.gui.training.lab import TrainingLab
from simulator.gui.training.panel import NumberSpin
from simulator.gui.training.plots import GuardedGraphics, LogAxis
from simulator.gui.training.worker import GeneratorWorker
from simulator.gui.views.base import StepView

BASE_POINT_SIZE = 11.0
REFRESH_INTERVAL_MS = 100        # at most 10 surfaces a second: the rest of the time is the training's
GRID_SIZES = (33, 65, 129)
CONTOUR_LEVELS = 9
#: what shows through where the loss is not a finite number (light grey, hatched)
NON_FINITE_FILL = QColor("#c9c9c9")
NON_FINITE_HATCH = QColor("#5a5a5a")
TRAJECTORY_POINTS = 2000         # paths longer than this are thinned for drawing (every k-th point)
#: the loss drawn is the loss on (at most) this many of the training sequences, the first ones
SURFACE_SEQUENCES = 64


def opengl_problem() -> str:
    """Why a 3-D view cannot be shown here ("" if it can): checked at run time, never assumed."""
    from PySide6.QtGui import QGuiApplication, QOpenGLContext

    translate = QCoreApplication.translate
    platform = QGuiApplication.platformName()
    if platform in ("offscreen", "minimal", "vnc"):
        reason = translate("SurfaceView", "the {platform} platform has none").format(platform=platform)
    else:
        try:
            import pyqtgraph.opengl  # noqa: F401 - needs PyOpenGL
            reason = "" if QOpenGLContext().create() else translate("SurfaceView", "no OpenGL context")
        except Exception:   # noqa: BLE001 - ImportError, or a broken GL library raising anything else
            reason = translate("SurfaceView", "PyOpenGL is not installed")
    if not reason:
        return ""
    return translate("SurfaceView", "3-D view needs OpenGL; showing the 2-D map ({reason})").format(reason=reason)


def scalar_entries(params: dict) -> list[tuple[str, tuple[int, ...]]]:
    """Every scalar weight as (key, index), in parameter order: layers.0.W_a[0, 0], …"""
    entries = []
    for key, value in params.items():
        for index in np.ndindex(np.shape(value)):
            entries.append((key, tuple(int(i) for i in index)))
    return entries


def entry_label(key: str, index: tuple[int, ...]) -> str:
    return f"{key}[{', '.join(str(i) for i in index)}]"


@dataclass(frozen=True)
class SurfaceFrame:
    """A surface ready to draw, prepared in the worker: the values the heatmap shows (log₁₀ of the loss
    or the loss, NaN where it is not finite), their colour levels, and the contour lines in weight
    coordinates (segment endpoint pairs, for one PlotDataItem with connect="pairs")."""

    result: SurfaceResult
    log: bool
    values: np.ndarray
    levels: tuple[float, float]
    contour_x: np.ndarray
    contour_y: np.ndarray


def image_values(result: SurfaceResult, log: bool) -> np.ndarray:
    """What the heatmap shows: the loss, or log₁₀ of it, with NaN where it is not finite."""
    loss = np.where(result.finite_mask, result.loss, np.nan)
    if not log:
        return loss
    with np.errstate(all="ignore"):
        positive = np.where(loss > 0, loss, np.nan)
        logs = np.log10(positive)
    finite = logs[np.isfinite(logs)]
    floor = float(finite.min()) if finite.size else 0.0
    # an exact zero loss is finite: show it at the bottom of the scale, not as "overflow"
    return np.where(result.finite_mask & ~np.isfinite(logs), floor, logs)


def surface_frame(result: SurfaceResult, log: bool, contour_levels: int = CONTOUR_LEVELS) -> SurfaceFrame:
    """Everything the view draws for ``result`` that costs time (no Qt objects: runs in the worker).

    Contours are evenly spaced between the colour levels; a cell that overflowed counts as the top
    level, so the wall gets its contour."""
    values = image_values(result, log)
    finite = values[np.isfinite(values)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if high - low < 1e-12:
        high = low + 1.0
    data = np.where(np.isfinite(values), values, high).T          # [alpha index, beta index]
    alpha, beta = result.alpha, result.beta
    da = (alpha[-1] - alpha[0]) / (len(alpha) - 1) if len(alpha) > 1 else 1.0
    db = (beta[-1] - beta[0]) / (len(beta) - 1) if len(beta) > 1 else 1.0
    xs, ys = [], []
    for i in range(contour_levels):
        x, y = contour_segments(data, low + (high - low) * (i + 1) / (contour_levels + 1))
        xs.append(alpha[0] + x * da)
        ys.append(beta[0] + y * db)
    return SurfaceFrame(result, log, values, (low, high), np.concatenate(xs), np.concatenate(ys))


def contour_segments(data: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Marching squares, vectorised: the line segments where ``data`` crosses ``level``, as endpoint
    pairs (x₀, x₁, x₀, x₁, …) in index coordinates (data[i, j] is at (i, j)), linearly interpolated
    along the cell edges. A saddle cell is split by its centre value. Numpy only, so it runs in the
    worker without holding the interpreter lock for long (pyqtgraph's isocurve is a Python loop)."""
    data = np.asarray(data, dtype=float)
    if data.ndim != 2 or min(data.shape) < 2:
        return np.array([]), np.array([])
    above = data >= level
    with np.errstate(all="ignore"):
        t_i = (level - data[:-1, :]) / (data[1:, :] - data[:-1, :])       # along i, edge (i, j)→(i+1, j)
        t_j = (level - data[:, :-1]) / (data[:, 1:] - data[:, :-1])       # along j, edge (i, j)→(i, j+1)
    cross_i = above[:-1, :] != above[1:, :]
    cross_j = above[:, :-1] != above[:, 1:]
    n, m = data.shape[0] - 1, data.shape[1] - 1
    ii, jj = np.meshgrid(np.arange(n, dtype=float), np.arange(m, dtype=float), indexing="ij")
    # the four edges of cell (i, j): bottom (j), top (j+1), left (i), right (i+1)
    flags = np.stack([cross_i[:, :-1], cross_i[:, 1:], cross_j[:-1, :], cross_j[1:, :]])
    px = np.stack([ii + t_i[:, :-1], ii + t_i[:, 1:], ii, ii + 1])
    py = np.stack([jj, jj + 1, jj + t_j[:-1, :], jj + t_j[1:, :]])
    count = flags.sum(axis=0)
    segments = []
    two = count == 2
    if two.any():
        f = flags[:, two]
        first = np.argmax(f, axis=0)
        second = 3 - np.argmax(f[::-1], axis=0)
        columns = np.arange(f.shape[1])
        x, y = px[:, two], py[:, two]
        segments.append((x[first, columns], y[first, columns], x[second, columns], y[second, columns]))
    four = count == 4
    if four.any():
        x, y = px[:, four], py[:, four]
        centre = (data[:-1, :-1] + data[1:, :-1] + data[:-1, 1:] + data[1:, 1:])[four] / 4
        joined = (centre >= level) == above[:-1, :-1][four]    # corner (i, j) is on the centre's side
        # joined: cut off corners (i+1, j) and (i, j+1): bottom–right and left–top; else bottom–left, top–right
        pairs = [(0, 3, 2, 1), (0, 2, 1, 3)]
        for chosen, (a, b, c, d) in zip((joined, ~joined), pairs):
            if chosen.any():
                segments.append((x[a, chosen], y[a, chosen], x[b, chosen], y[b, chosen]))
                segments.append((x[c, chosen], y[c, chosen], x[d, chosen], y[d, chosen]))
    if not segments:
        return np.array([]), np.array([])
    x0, y0, x1, y1 = (np.concatenate(part) for part in zip(*segments))
    return np.column_stack([x0, x1]).ravel(), np.column_stack([y0, y1]).ravel()


@dataclass
class _Request:
    """What one computation was for: the result is drawn with these axes and this centre. ``plane``
    says which plane it is (mode, weights or seed, span, grid): a new plane shows its coarse first
    picture at once, a refresh of the same plane only its final one."""

    number: int
    axes: object
    centre: dict
    log: bool
    plane: tuple


class _Trajectory:
    """The projected path of one run, extended as its history grows (cached per axes)."""

    def __init__(self):
        self.axes = None
        self.count = 0
        self.alpha: list[float] = []
        self.beta: list[float] = []


class SurfaceView(StepView):
    """The loss-surface tab: a :class:`LossSurfacePanel`, or a :class:`PowerView` for w^999 scenes."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.lab = TrainingLab.for_session(session)
        self.surface = LossSurfacePanel(session, self.lab)
        self.power = PowerView(session)
        self.power.weight_edit_requested.connect(self.weight_edit_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.surface)
        self.stack.addWidget(self.power)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        session.project_changed.connect(self._on_project_changed)
        self.rebuild()

    @property
    def mode(self) -> str:
        return "power" if self.stack.currentWidget() is self.power else "surface"

    def _on_project_changed(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        power = PowerView.applies_to(self.session.project)
        self.stack.setCurrentWidget(self.power if power else self.surface)
        if power:
            self.surface.suspend()
            self.power.rebuild()
        else:
            self.surface.rebuild()

    def show_step(self, step: int, progress: float = 1.0) -> None:
        self.step, self.progress = step, progress

    def retranslate(self) -> None:
        self.surface.retranslate()
        self.power.retranslate()

    def set_dark(self, dark: bool) -> None:
        self.surface.set_dark(dark)
        self.power.set_dark(dark)

    def set_zoom(self, factor: float) -> None:
        self.surface.set_zoom(factor)
        self.power.set_zoom(factor)

    def shutdown(self) -> None:
        """Stop the surface worker (and the training lab's); the main window calls this on close."""
        self.surface.shutdown()
        self.lab.shutdown()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)


# ------------------------------------------------------------------------------------------------
# The loss surface over a plane
# ------------------------------------------------------------------------------------------------
class LossSurfacePanel(QWidget):
    AXES_SCENE, AXES_WEIGHTS, AXES_DIRECTIONS = "scene", "weights", "directions"

    def __init__(self, session, lab: TrainingLab, parent=None):
        super().__init__(parent)
        self.session = session
        self.lab = lab
        self._dark = False
        self._zoom = 1.0
        self._updating = False
        self._request_number = 0
        self._wanted = False
        self._suspended = False
        self._worker: GeneratorWorker | None = None
        self._request: _Request | None = None
        self._shown_request: _Request | None = None
        self.result: SurfaceResult | None = None
        self.frame: SurfaceFrame | None = None
        self._directions: DirectionAxes | None = None
        self._trajectories: dict[int, _Trajectory] = {}
        self._last_centre_key = None
        self._entries: list[tuple[str, tuple[int, ...]]] = []
        self._computations: list[float] = []     # durations of finished computations (s), for the benchmark
        self._launched_at = 0.0
        self._gl = None                          # the 3-D widget, made when first asked for
        self._gl_items: dict = {}

        self._build_controls()
        self._build_plot()
        self.note = QLabel()
        self.note.setObjectName("surfaceNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("surfaceStatus")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.graphics)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.controls_grid)
        layout.addWidget(self.note)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self._launch)
        lab.updated.connect(self._on_training_updated)
        lab.runs_changed.connect(self._on_runs_changed)
        self.set_zoom(1.0)
        self.set_dark(False)

    # -- building --------------------------------------------------------------------------------
    def _build_controls(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        self.axes_label = QLabel()
        self.axes_combo = QComboBox()
        self.alpha_combo = QComboBox()
        self.beta_combo = QComboBox()
        self.seed_label = QLabel()
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 1_000_000)
        self.recentre_button = QPushButton()
        self.span_label = QLabel()
        self.span_spin = QDoubleSpinBox()
        self.span_spin.setRange(0.001, 1000.0)
        self.span_spin.setDecimals(3)
        self.span_spin.setValue(1.0)
        self.span_spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.grid_label = QLabel()
        self.grid_combo = QComboBox()
        self._fill_grids(None)
        self.centre_label = QLabel()
        self.centre_combo = QComboBox()
        self.log_check = QCheckBox()
        self.log_check.setChecked(True)
        self.contour_check = QCheckBox()
        self.contour_check.setChecked(True)
        self.three_d_check = QCheckBox()
        row1 = [self.axes_label, self.axes_combo, self.alpha_combo, self.beta_combo, self.seed_label, self.seed_spin,
                self.recentre_button]
        row2 = [self.span_label, self.span_spin, self.grid_label, self.grid_combo, self.centre_label,
                self.centre_combo, self.log_check, self.contour_check, self.three_d_check]
        box1, box2 = QHBoxLayout(), QHBoxLayout()
        for box, widgets in ((box1, row1), (box2, row2)):
            box.setSpacing(4)
            for widget in widgets:
                if isinstance(widget, (QLabel, QCheckBox)) and widget is not widgets[0]:
                    box.addSpacing(14)      # a gap before each label: "points 65 × 65   around …"
                box.addWidget(widget)
            box.addStretch(1)
        grid.addLayout(box1, 0, 0)
        grid.addLayout(box2, 1, 0)
        self.controls_grid = grid

        self.axes_combo.activated.connect(lambda _i: self._settings_changed(new_plane=True))
        self.alpha_combo.activated.connect(lambda _i: self._settings_changed())
        self.beta_combo.activated.connect(lambda _i: self._settings_changed())
        self.seed_spin.editingFinished.connect(lambda: self._settings_changed(new_plane=True))
        self.span_spin.editingFinished.connect(lambda: self._settings_changed())
        self.grid_combo.activated.connect(lambda _i: self._settings_changed())
        self.centre_combo.activated.connect(lambda _i: self._settings_changed(new_plane=True))
        self.recentre_button.clicked.connect(lambda: self._settings_changed(new_plane=True))
        self.log_check.toggled.connect(lambda _on: self._redraw_surface())
        self.contour_check.toggled.connect(lambda on: self.contours.setVisible(on))
        self.three_d_check.toggled.connect(self._on_three_d)

    def _build_plot(self) -> None:
        self.graphics = GuardedGraphics()
        self.graphics.around_paint = self.lab.painting     # the training waits while the map paints
        self.graphics.setObjectName("surfaceGraphics")
        self.plot = self.graphics.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.getViewBox().setDefaultPadding(0.0)
        self.non_finite_fill = QGraphicsRectItem()
        self.non_finite_fill.setPen(QPen(Qt.PenStyle.NoPen))
        self.non_finite_fill.setBrush(QBrush(NON_FINITE_FILL))
        self.non_finite_fill.setZValue(-20)
        self.non_finite_hatch = QGraphicsRectItem()
        self.non_finite_hatch.setPen(QPen(Qt.PenStyle.NoPen))
        self.non_finite_hatch.setBrush(QBrush(NON_FINITE_HATCH, Qt.BrushStyle.BDiagPattern))
        self.non_finite_hatch.setZValue(-19)
        for item in (self.non_finite_fill, self.non_finite_hatch):
            item.setVisible(False)
            self.plot.addItem(item, ignoreBounds=True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.cmap = pg.colormap.get("viridis")
        self.image.setColorMap(self.cmap)
        self.plot.addItem(self.image)
        # the contour lines, computed in the worker (see surface_frame): drawing them is all that is
        # left for the GUI thread
        self.contours = pg.PlotDataItem(pen=pg.mkPen((255, 255, 255, 150), width=1), connect="pairs")
        self.contours.setZValue(5)
        self.plot.addItem(self.contours)
        self.bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=self.cmap, width=14, interactive=False,
                                   colorMapMenu=False)
        for axis in (self.bar.axis, self.plot.getAxis("bottom"), self.plot.getAxis("left")):
            axis.enableAutoSIPrefix(False)     # "log₁₀ loss (x0.001)" reads as nonsense
        self.graphics.addItem(self.bar, row=0, col=1)
        self.centre_marker = pg.ScatterPlotItem(symbol="+", size=22, pen=pg.mkPen("#ffffff", width=3),
                                                brush=None)
        self.centre_marker.setZValue(30)
        self.plot.addItem(self.centre_marker)
        self.legend = self.plot.addLegend(offset=(-8, -8))     # bottom right
        self.legend_centre = pg.ScatterPlotItem(symbol="+", size=14, pen=pg.mkPen("#000000", width=2.5))
        self.legend_non_finite = pg.ScatterPlotItem(symbol="s", size=14, pen=pg.mkPen(NON_FINITE_HATCH),
                                                    brush=QBrush(NON_FINITE_HATCH, Qt.BrushStyle.BDiagPattern))
        self.paths: list[pg.PlotDataItem] = []
        self.starts: list[pg.ScatterPlotItem] = []
        self.ends: list[pg.ScatterPlotItem] = []

    # -- the plane and its data --------------------------------------------------------------------
    def scene_axes(self) -> list[dict]:
        """``settings["surface"]["axes"]``: [{"key", "index", "values" or "range": [lo, hi]}, …]."""
        project = self.session.project
        surface = project.settings.get("surface") if project is not None else None
        axes = surface.get("axes") if isinstance(surface, dict) else None
        return axes if isinstance(axes, list) and len(axes) == 2 else []

    def _scene_surface(self) -> dict:
        project = self.session.project
        surface = project.settings.get("surface") if project is not None else None
        return surface if isinstance(surface, dict) else {}

    def rebuild(self) -> None:
        """A new project or new runs: fill the lists again and compute."""
        self._suspended = False
        self._updating = True
        try:
            network = self._centre_network_template()
            params = network.params if network is not None else {}
            self._entries = scalar_entries(params)
            labels = [entry_label(key, index) for key, index in self._entries]
            for combo in (self.alpha_combo, self.beta_combo):
                combo.clear()
                combo.addItems(labels)
            self.axes_combo.clear()
            if self.scene_axes():
                self.axes_combo.addItem(self.tr("the scene's two weights"), self.AXES_SCENE)
            self.axes_combo.addItem(self.tr("two weights"), self.AXES_WEIGHTS)
            self.axes_combo.addItem(self.tr("two random directions"), self.AXES_DIRECTIONS)
            default_alpha, default_beta = self._default_pair()
            self.alpha_combo.setCurrentIndex(default_alpha)
            self.beta_combo.setCurrentIndex(default_beta)
            if not self.scene_axes() and len(self._entries) > 8:
                self.axes_combo.setCurrentIndex(self.axes_combo.findData(self.AXES_DIRECTIONS))
            surface = self._scene_surface()
            if isinstance(surface.get("span"), (int, float)):
                self.span_spin.setValue(float(surface["span"]))
            self._fill_grids(_grid_pair(surface.get("grid")))
            if isinstance(surface.get("log_scale"), bool):
                self.log_check.setChecked(surface["log_scale"])
            self._fill_centres()
        finally:
            self._updating = False
        self._trajectories.clear()
        self._settings_changed(new_plane=True)

    def _default_pair(self) -> tuple[int, int]:
        """The first recurrent weight and the next entry (w and b of a one-unit RNN)."""
        keys = [key for key, _ in self._entries]
        first = next((i for i, key in enumerate(keys) if key.endswith(".W_a")), 0)
        second = next((i for i, key in enumerate(keys) if key.endswith(".b") and i != first), None)
        if second is None:
            second = 1 if first != 1 else 0
        return first, min(second, max(0, len(keys) - 1))

    def _fill_grids(self, scene_grid: tuple[int, int] | None) -> None:
        """The resolutions offered: 33², 65², 129², and the scene's own (chosen) if it names another."""
        self.grid_combo.clear()
        for n in GRID_SIZES:
            self.grid_combo.addItem(f"{n} × {n}", (n, n))
        if scene_grid is not None:
            index = self.grid_combo.findData(scene_grid)
            if index < 0:
                self.grid_combo.addItem(f"{scene_grid[0]} × {scene_grid[1]}", scene_grid)
                index = self.grid_combo.count() - 1
            self.grid_combo.setCurrentIndex(index)
        else:
            self.grid_combo.setCurrentIndex(1)

    def grid(self) -> tuple[int, int]:
        data = self.grid_combo.currentData()
        return tuple(data) if data else (65, 65)

    def _fill_centres(self) -> None:
        self.centre_combo.clear()
        for index, run in enumerate(self.lab.runs):
            label = self.tr("run “{name}”").format(name=run.name) if run.name else self.tr("the training")
            self.centre_combo.addItem(label, index)
        self.centre_combo.addItem(self.tr("the project's weights"), -1)

    def _centre_run(self):
        index = self.centre_combo.currentData()
        runs = self.lab.runs
        if isinstance(index, int) and 0 <= index < len(runs):
            return runs[index]
        return None

    def _centre_network_template(self):
        run = self._centre_run() if self.centre_combo.count() else (self.lab.runs[0] if self.lab.runs else None)
        if run is not None:
            return run.session.network
        project = self.session.project
        return project.network if project is not None else None

    def _centre_params(self) -> dict:
        run = self._centre_run()
        if run is not None:
            return {key: np.array(value, copy=True) for key, value in run.current_params().items()}
        return {key: np.array(value, copy=True) for key, value in self.session.network.params.items()}

    def axes_mode(self) -> str:
        return self.axes_combo.currentData() or self.AXES_WEIGHTS

    def current_axes(self, centre: dict):
        """The axes for a computation around ``centre``."""
        mode = self.axes_mode()
        if mode == self.AXES_DIRECTIONS:
            if self._directions is None:
                network = self._network_with(centre)
                self._directions = DirectionAxes.random(network, seed=int(self.seed_spin.value()))
            return self._directions
        if mode == self.AXES_SCENE:
            return tuple(self._scene_axis(spec) for spec in self.scene_axes())
        if not self._entries:
            raise UserInputError("this network has no weights to vary")
        first = self._entries[self.alpha_combo.currentIndex()]
        second = self._entries[self.beta_combo.currentIndex()]
        return ParamAxis(*first), ParamAxis(*second)

    def _scene_axis(self, spec: dict) -> ParamAxis:
        if not isinstance(spec, dict) or "key" not in spec:
            raise UserInputError("the scene's surface axes must name a key and an index")
        index = tuple(spec.get("index", (0, 0)))
        values = spec.get("values")
        if values is None and isinstance(spec.get("range"), list) and len(spec["range"]) == 2:
            count = self.grid()[0 if spec is self.scene_axes()[0] else 1]
            values = np.linspace(float(spec["range"][0]), float(spec["range"][1]), count)
        return ParamAxis(str(spec["key"]), index, None if values is None else np.asarray(values, dtype=float))

    def _network_with(self, params: dict):
        from simulator.model.project import copy_network

        template = self._centre_network_template()
        network = copy_network(template)
        for key, value in params.items():
            network.params[key] = np.array(value, dtype=network.dtype, copy=True)
        return network

    # -- computing -----------------------------------------------------------------------------------
    def _settings_changed(self, new_plane: bool = False) -> None:
        if self._updating:
            return
        self._update_control_visibility()
        if new_plane:
            self._directions = None
            self._make_path_items()            # the centre may be another run: which paths fit
        self._trajectories.clear()
        self.request_refresh()

    def request_refresh(self) -> None:
        """Ask for a new surface: starts at once if the worker is free and the last one started more
        than REFRESH_INTERVAL_MS ago, else as soon as both hold."""
        if self._suspended:
            return
        self._wanted = True
        if self._worker is not None and self._worker.is_running:
            return                              # _on_done starts the next one
        if not self._throttle.isActive():
            waited = (time.perf_counter() - self._launched_at) * 1000.0
            self._throttle.start(int(max(0.0, REFRESH_INTERVAL_MS - waited)))

    @Slot()
    def _launch(self) -> None:
        if not self._wanted or self._suspended or (self._worker is not None and self._worker.is_running):
            return
        self._wanted = False
        task = self.lab.task
        if task is None or self.session.project is None:
            self._show_note(self.tr("No loss to draw: {why}").format(
                why=self.lab.error or self.tr("this scene has no training task; choose one in the Training tab")))
            return
        try:
            centre = self._centre_params()
            axes = self.current_axes(centre)
            network = self._network_with(centre)
            grid = self.grid()
            span = float(self.span_spin.value())
            data = task.data
            if data.sequences > SURFACE_SEQUENCES:       # a fixed sample: a surface is thousands of passes
                data = data.select(np.arange(SURFACE_SEQUENCES))
            self._sample = (data.sequences, task.data.sequences)
            # While training runs, one thread: numpy's small steps hold the interpreter lock, and more
            # threads would take it from the window (and the training) for little gain on a small grid.
            workers = 1 if self.lab.state == "running" else None
            # (a generator: the job starts in the worker; a mistake there comes back through errored)
            iterator = loss_surface_progressive(network, data.x, data.targets, self._loss_name(), axes, grid=grid,
                                                span=span, mask=data.mask, first=17, workers=workers)
        except (UserInputError, ValueError) as problem:
            self._show_note(str(problem))
            return
        self._show_note("")
        self._request_number += 1
        log = self.log_check.isChecked()
        plane = (self.axes_mode(), self.alpha_combo.currentIndex(), self.beta_combo.currentIndex(),
                 self.seed_spin.value(), id(self._directions), span, grid)
        self._request = _Request(self._request_number, axes, centre, log, plane)
        self._stop_worker()
        self._launched_at = time.perf_counter()
        # a refresh of the plane on show needs only its final picture (see _show_result)
        preview = self._shown_request is None or self._shown_request.plane != plane
        frames = (surface_frame(result, log) for result in iterator if preview or result.final)
        self._worker = GeneratorWorker(lambda: frames, coalesce=True)
        self._worker.yielded.connect(self._on_result)
        self._worker.finished.connect(self._on_done)
        self._worker.errored.connect(self._on_error)
        self._worker.yield_to(QAbstractEventDispatcher.instance(QThread.currentThread()))
        self._worker.start()
        self.status.setText(self.tr("computing the surface…"))

    def _loss_name(self) -> str:
        runs = self.lab.runs
        if runs:
            return runs[0].session.config.loss
        return self.lab.task.loss

    @Slot(object)
    def _on_result(self, _item) -> None:
        worker = self.sender() if isinstance(self.sender(), GeneratorWorker) else self._worker
        if worker is None or worker is not self._worker:
            return
        result = worker.take()
        if result is not None:
            self._show_result(result)

    @Slot()
    def _on_done(self) -> None:
        worker = self.sender()
        if worker is not self._worker:
            return
        result = worker.take()
        if result is not None:
            self._show_result(result)
        if self.result is not None and self.result.final:
            self._computations.append(time.perf_counter() - self._launched_at)
        if self._wanted:
            self.request_refresh()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        first = message.splitlines()[0] if message else ""
        # a mistake in the settings (UserInputError) is said as it is; anything else with its type
        self._show_note(first.split(": ", 1)[1] if first.startswith("UserInputError: ") else first)
        self.status.setText("")

    def _stop_worker(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()                     # Python owns it and frees it (see TrainingLab.stop_worker)

    def suspend(self) -> None:
        """Not shown (the power view is): compute nothing."""
        self._suspended = True
        self._throttle.stop()
        self._stop_worker()

    def shutdown(self) -> None:
        self.suspend()

    def is_computing(self) -> bool:
        return self._wanted or (self._worker is not None and self._worker.is_running) or self._throttle.isActive()

    def computation_times(self) -> list[float]:
        return list(self._computations)

    # -- drawing -----------------------------------------------------------------------------------
    def _show_result(self, frame: SurfaceFrame) -> None:
        result = frame.result
        if not result.final and self._shown_request is not None and self._request is not None \
                and self._request.plane == self._shown_request.plane:
            return         # the same plane refreshed (training moved): keep the last full picture
        self.frame = frame
        self.result = result
        self._shown_request = self._request
        self._redraw_surface()
        self._redraw_paths()
        points = result.loss.size
        bad = int((~result.finite_mask).sum())
        text = self.tr("{n} × {m} points").format(n=len(result.alpha), m=len(result.beta))
        used, total = getattr(self, "_sample", (0, 0))
        if used < total:
            text += " · " + self.tr("the loss on the first {used} of the {total} training sequences").format(
                used=used, total=total)
        if not result.final:
            text += " " + self.tr("(a first, coarse picture; finer ones follow)")
        if bad:
            text += " · " + self.tr("{bad} of {points} points overflow (hatched)").format(bad=bad, points=points)
        self.status.setText(text)

    def image_values(self, result: SurfaceResult | None = None) -> np.ndarray:
        """What the heatmap shows now (see :func:`image_values`)."""
        return image_values(result or self.result, self.log_check.isChecked())

    def _redraw_surface(self) -> None:
        frame = self.frame
        if frame is None:
            return
        if frame.log != self.log_check.isChecked():      # toggled since: prepare it again (once)
            frame = self.frame = surface_frame(frame.result, self.log_check.isChecked())
        result, values, (low, high) = frame.result, frame.values, frame.levels
        self.image.setImage(values, levels=(low, high), autoLevels=False)
        rect = _cell_rect(result.alpha, result.beta)
        self.image.setRect(rect)
        self.non_finite_fill.setRect(rect)
        self.non_finite_hatch.setRect(rect)
        has_bad = not bool(result.finite_mask.all())
        self.non_finite_fill.setVisible(has_bad)
        self.non_finite_hatch.setVisible(has_bad)
        self._set_legend_entry(self.legend_non_finite, self.tr("overflow / NaN"), has_bad)
        self.bar.setLevels(values=(low, high))
        self.bar.axis.setLabel(self.tr("log₁₀ loss") if frame.log else self.tr("loss"))
        self.contours.setData(frame.contour_x, frame.contour_y)
        self.contours.setVisible(self.contour_check.isChecked())
        self.centre_marker.setData([result.center[0]], [result.center[1]])
        self._set_legend_entry(self.legend_centre, self.tr("the weights it is centred on"), True)
        alpha_label, beta_label = result.alpha_label, result.beta_label
        if self._shown_request is not None and isinstance(self._shown_request.axes, tuple) \
                and self.axes_mode() == self.AXES_SCENE:
            # the scene's names for its axes ("w", "b"), with the weight they are
            names = [spec.get("label") for spec in self.scene_axes()]
            if all(isinstance(name, str) and name for name in names):
                alpha_label = f"{names[0]}  ({result.alpha_label})"
                beta_label = f"{names[1]}  ({result.beta_label})"
        self.plot.setLabel("bottom", alpha_label)
        self.plot.setLabel("left", beta_label)
        self.plot.getAxis("bottom").setToolTip(result.metadata.get("alpha_axis", ""))
        self.plot.getAxis("left").setToolTip(result.metadata.get("beta_axis", ""))
        self.plot.setRange(xRange=(rect.left(), rect.right()), yRange=(rect.top(), rect.bottom()), padding=0)
        if self._gl is not None and self.three_d_check.isChecked():
            self._update_gl()

    def _set_legend_entry(self, item, label: str, shown: bool) -> None:
        present = any(sample.item is item for sample, _ in self.legend.items)
        if shown and not present:
            self.legend.addItem(item, label)
        elif not shown and present:
            self.legend.removeItem(item)
        elif shown:
            for sample, text in self.legend.items:
                if sample.item is item:
                    text.setText(label)

    def _make_path_items(self) -> None:
        for item in (*self.paths, *self.starts, *self.ends):
            self.plot.removeItem(item)
            self.legend.removeItem(item)
        self.paths, self.starts, self.ends = [], [], []
        template = self._centre_network_template()
        for run in self.lab.runs:
            colour = QColor(run.colour)
            path = pg.PlotDataItem(pen=pg.mkPen(colour, width=3), connect="finite")
            # a run with another architecture (the vanishing scene's LSTM beside its tanh RNN) has no
            # place on this plane, even where its weights happen to have the same shapes
            shown = template is not None and run.session.network.config() == template.config()
            path.setZValue(20)
            start = pg.ScatterPlotItem(symbol="o", size=11, pen=pg.mkPen(colour, width=2.5),
                                       brush=pg.mkBrush("#ffffff"))
            end = pg.ScatterPlotItem(symbol="o", size=14, pen=pg.mkPen("#ffffff", width=2), brush=pg.mkBrush(colour))
            start.setZValue(21)
            end.setZValue(22)
            for item in (path, start, end):
                self.plot.addItem(item)
                item.setVisible(shown)
            if shown:
                self.legend.addItem(path, run.name or self.tr("training path"))
            self.paths.append(path)
            self.starts.append(start)
            self.ends.append(end)

    def _redraw_paths(self) -> None:
        request = self._shown_request
        if request is None:
            return
        for index, run in enumerate(self.lab.runs):
            if index >= len(self.paths):
                break
            if not self.paths[index].isVisible():
                continue
            try:
                alpha, beta = self.trajectory(index, request.axes)
            except (UserInputError, ValueError, KeyError):
                alpha, beta = np.array([]), np.array([])
            step = max(1, math.ceil(len(alpha) / TRAJECTORY_POINTS))
            shown_a, shown_b = alpha[::step], beta[::step]
            if len(alpha) and step > 1:
                shown_a, shown_b = np.append(shown_a, alpha[-1]), np.append(shown_b, beta[-1])
            # a dot per update while they can be told apart: the length of each step shows
            dots = len(shown_a) <= 400
            self.paths[index].setData(shown_a, shown_b, symbol="o" if dots else None, symbolSize=5,
                                      symbolBrush=self.lab.runs[index].colour, symbolPen=None)
            self.starts[index].setData(alpha[:1], beta[:1])
            self.ends[index].setData(alpha[-1:], beta[-1:])

    def trajectory(self, run_index: int, axes=None) -> tuple[np.ndarray, np.ndarray]:
        """The run's path on the shown axes: its starting weights, then the weights after every update
        (``trajectory_coordinates``), extended incrementally as the run trains."""
        axes = axes if axes is not None else (self._shown_request.axes if self._shown_request else None)
        run = self.lab.runs[run_index]
        cache = self._trajectories.setdefault(run_index, _Trajectory())
        history = run.session.history
        count = len(history)
        if cache.axes is not axes or count < cache.count:
            cache.axes, cache.count, cache.alpha, cache.beta = axes, 0, [], []
            a, b = trajectory_coordinates(axes, [run.start_params])
            cache.alpha.extend(a.tolist())
            cache.beta.extend(b.tolist())
        if count > cache.count:
            a, b = trajectory_coordinates(axes, [snapshot.params for snapshot in history[cache.count:count]])
            cache.alpha.extend(a.tolist())
            cache.beta.extend(b.tolist())
            cache.count = count
        return np.asarray(cache.alpha), np.asarray(cache.beta)

    # -- reacting to training --------------------------------------------------------------------------
    @Slot()
    def _on_training_updated(self) -> None:
        if self._suspended:
            return
        if self.window().isVisible() and not self.isVisible():
            self._stale = True            # another tab is in front: catch up when shown
            return
        self._stale = False
        self._redraw_paths()
        if self.axes_mode() == self.AXES_DIRECTIONS:
            return                                 # a fixed plane: only the paths move
        centre_key = self._centre_fingerprint()
        if centre_key != self._last_centre_key:
            self._last_centre_key = centre_key
            self.request_refresh()

    def _centre_fingerprint(self):
        run = self._centre_run()
        return (id(run), len(run.session.history)) if run is not None else None

    def showEvent(self, event):
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._on_training_updated()

    @Slot()
    def _on_runs_changed(self) -> None:
        if self._suspended:
            return
        self.rebuild()

    # -- 3-D ---------------------------------------------------------------------------------------
    @Slot(bool)
    def _on_three_d(self, on: bool) -> None:
        if not on:
            self.pages.setCurrentWidget(self.graphics)
            self._show_note("")
            return
        problem = opengl_problem()
        if problem:
            self._show_note(problem)
            self.pages.setCurrentWidget(self.graphics)
            return
        try:
            self._make_gl()
        except Exception as error:  # noqa: BLE001 - a GL driver can fail in many ways; fall back
            self._show_note(self.tr("3-D view needs OpenGL; showing the 2-D map ({reason})").format(reason=error))
            return
        self.pages.setCurrentWidget(self._gl)
        self._update_gl()

    def _make_gl(self) -> None:
        if self._gl is not None:
            return
        import pyqtgraph.opengl as gl

        from PySide6.QtGui import QVector3D

        view = gl.GLViewWidget()
        # the unit box: α, β ∈ [−1, 1] on the floor, the loss (or its log) from 0 to 1 upwards
        view.setCameraPosition(pos=QVector3D(0, 0, 0.4), distance=4.6, elevation=30, azimuth=-60)
        view.setBackgroundColor(palette(self._dark).background)
        surface = gl.GLSurfacePlotItem(computeNormals=False, smooth=False)
        view.addItem(surface)
        grid = gl.GLGridItem(color=palette(self._dark).muted)
        grid.setSize(2, 2)
        grid.setSpacing(0.25, 0.25)
        view.addItem(grid)
        labels = []
        if hasattr(gl, "GLTextItem"):                 # pyqtgraph ≥ 0.13: name the axes in the scene
            for position in ((1.15, -1.1, 0.0), (-1.1, 1.15, 0.0), (-1.1, -1.1, 1.1)):
                label = gl.GLTextItem(pos=position, color=palette(self._dark).text)
                view.addItem(label)
                labels.append(label)
        self._gl_items = {"surface": surface, "paths": [], "labels": labels}
        self._gl = view
        self.pages.addWidget(view)

    def _update_gl(self) -> None:
        """The surface in a unit box (α, β → [−1, 1], the shown values → [0, 1]) and the paths on it."""
        import pyqtgraph.opengl as gl

        result = self.result
        if result is None or self._gl is None:
            return
        values = self.image_values(result)
        finite = values[np.isfinite(values)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        high = high if high > low else low + 1.0
        heights = np.where(np.isfinite(values), (values - low) / (high - low), 1.0)
        x = _unit(result.alpha)
        y = _unit(result.beta)
        colours = self.cmap.map(np.clip(heights, 0, 1).ravel(), mode="float").reshape(heights.shape + (4,))
        colours[~np.isfinite(values)] = NON_FINITE_FILL.getRgbF()
        # GLSurfacePlotItem wants z[x index, y index] (the transpose of the row-major image) and one colour
        # per vertex in the same order, flattened (its mesh indexes the colours by vertex number)
        self._gl_items["surface"].setData(x=x, y=y, z=heights.T,
                                          colors=np.ascontiguousarray(colours.transpose(1, 0, 2)).reshape(-1, 4))
        names = (self.plot.getAxis("bottom").labelText, self.plot.getAxis("left").labelText,
                 self.bar.axis.labelText)
        for label, text in zip(self._gl_items["labels"], names):
            label.setData(text=text)
        for item in self._gl_items["paths"]:
            self._gl.removeItem(item)
        self._gl_items["paths"] = []
        for index, run in enumerate(self.lab.runs):
            alpha, beta = self.trajectory(index)
            # the loss of update k was computed at the weights before it: point k of the path (the last
            # point, after the final update, has none yet and repeats the last one)
            losses = np.append(run.curves.losses.values, run.curves.losses.values[-1:])
            n = min(len(alpha), len(losses))
            if n < 2:
                continue
            with np.errstate(all="ignore"):
                shown = np.log10(losses[:n]) if self.log_check.isChecked() else losses[:n]
            z = np.clip((shown - low) / (high - low), 0, 1.2) + 0.01
            points = np.column_stack([_unit_like(alpha[:n], result.alpha), _unit_like(beta[:n], result.beta), z])
            points = points[np.all(np.isfinite(points), axis=1)]
            line = gl.GLLinePlotItem(pos=points, color=QColor(run.colour).getRgbF(), width=3, antialias=True)
            self._gl.addItem(line)
            self._gl_items["paths"].append(line)

    # -- look ----------------------------------------------------------------------------------------
    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def note_text(self) -> str:
        return "" if self.note.isHidden() else self.note.text()

    def _update_control_visibility(self) -> None:
        mode = self.axes_mode()
        for widget in (self.alpha_combo, self.beta_combo):
            widget.setVisible(mode == self.AXES_WEIGHTS)
        for widget in (self.seed_label, self.seed_spin, self.recentre_button):
            widget.setVisible(mode == self.AXES_DIRECTIONS)
        for widget in (self.span_label, self.span_spin):
            widget.setVisible(mode != self.AXES_SCENE)

    def retranslate(self) -> None:
        self.axes_label.setText(self.tr("Plane:"))
        self.axes_combo.setToolTip(self.tr("Which plane of weights the loss is drawn over: two weights (every other "
                                       "weight stays as it is) or two random directions through all weights"))
        self.alpha_combo.setToolTip(self.tr("α: the weight along the horizontal axis"))
        self.beta_combo.setToolTip(self.tr("β: the weight along the vertical axis"))
        self.seed_label.setText(self.tr("seed"))
        self.seed_spin.setToolTip(self.tr("The random directions are drawn from this seed: the same seed, the same "
                                      "plane"))
        self.recentre_button.setText(self.tr("Centre here"))
        self.recentre_button.setToolTip(self.tr("Draw new directions through the weights as they are now"))
        self.span_label.setText(self.tr("± span"))
        self.span_spin.setToolTip(self.tr("How far the plane reaches on either side of the centre (in weight units, "
                                      "or in weight-sized steps for directions)"))
        self.grid_label.setText(self.tr("points"))
        self.grid_combo.setToolTip(self.tr("Resolution of the final picture (a coarse one comes first)"))
        self.centre_label.setText(self.tr("around"))
        self.centre_combo.setToolTip(self.tr("Whose weights the surface is centred on (the other weights keep their "
                                         "values from there)"))
        self.log_check.setText(self.tr("log colours"))
        self.log_check.setToolTip(self.tr("Colour by log₁₀ of the loss, so plains and walls both show"))
        self.contour_check.setText(self.tr("contours"))
        self.contour_check.setToolTip(self.tr("Lines of equal loss"))
        self.three_d_check.setText(self.tr("3-D"))
        self.three_d_check.setToolTip(self.tr("The surface as a landscape with the paths on it (needs OpenGL)"))
        for index in range(self.axes_combo.count()):
            data = self.axes_combo.itemData(index)
            self.axes_combo.setItemText(index, {self.AXES_SCENE: self.tr("the scene's two weights"),
                                                self.AXES_WEIGHTS: self.tr("two weights"),
                                                self.AXES_DIRECTIONS: self.tr("two random directions")}[data])
        self._update_control_visibility()
        pal = palette(self._dark)
        self.plot.setTitle(self.tr("Loss over a plane of weights"), color=pal.text.name(),
                           size=f"{12 * self._zoom:.0f}pt")
        if self.result is not None:
            self._redraw_surface()

    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        pal = palette(self._dark)
        self.graphics.setBackground(pal.background)
        theme_axes(pal, *left_and_bottom(self.plot), self.bar.axis)
        self.legend.setLabelTextColor(pal.text)
        background = QColor(pal.background)
        background.setAlpha(215)
        self.legend.setBrush(pg.mkBrush(background))
        self.legend.setPen(pg.mkPen(pal.muted))
        self.legend_centre.setPen(pg.mkPen(pal.text, width=2.5))
        self.retranslate()

    def set_zoom(self, factor: float) -> None:
        self._zoom = max(0.5, float(factor))
        font = QFont()
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setStyle(tickFont=font, tickTextOffset=4)
            axis.label.setFont(font)
        self.bar.axis.setStyle(tickFont=font)
        self.bar.axis.label.setFont(font)
        self.legend.setLabelTextSize(f"{BASE_POINT_SIZE * self._zoom:.0f}pt")
        self.retranslate()


def _grid_pair(value) -> tuple[int, int] | None:
    """A scene's ``grid``: one number or [n_alpha, n_beta] (each 2 … 513), else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value, value]
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) and 2 <= n <= 513 for n in value)):
        return int(value[0]), int(value[1])
    return None


def _cell_rect(alpha: np.ndarray, beta: np.ndarray) -> QRectF:
    """The rectangle covered by the cells of a uniform grid whose centres are alpha × beta."""
    da = (alpha[-1] - alpha[0]) / (len(alpha) - 1) if len(alpha) > 1 else 1.0
    db = (beta[-1] - beta[0]) / (len(beta) - 1) if len(beta) > 1 else 1.0
    return QRectF(alpha[0] - da / 2, beta[0] - db / 2, da * len(alpha), db * len(beta))


def _unit(values: np.ndarray) -> np.ndarray:
    return _unit_like(values, values)


def _unit_like(values: np.ndarray, reference: np.ndarray) -> np.ndarray:
    low, high = float(reference[0]), float(reference[-1])
    return (np.asarray(values, dtype=float) - low) / ((high - low) or 1.0) * 2.0 - 1.0


# ------------------------------------------------------------------------------------------------
# y^T = w^(T−1): the w999 scene
# ------------------------------------------------------------------------------------------------
class PowerView(StepView):
    """y^T against the memory weight w of a one-unit linear RNN fed 1, 0, 0, …: y^T = w^(T−1).

    The curve and the marked points come from the network itself (one batched forward pass over the w
    values; the gradient ∂y^T/∂w by BPTT at the marked points), so what is drawn is what the simulator
    computes, underflow to 0 included. A slider sets w; "Use this w" sends it to the network (undoable).
    """

    SLIDER_SCALE = 1000          # slider units per 1.0 of w: 1.01, 0.99 and 0.01 are exact positions
    W_MAX = 1.1
    CURVE_POINTS = 881

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._dark = False
        self._zoom = 1.0
        self._w = 1.0
        self._key = "layers.0.W_a"
        self._flat = 0
        self._range = (0.0, self.W_MAX)
        self._samples = self.CURVE_POINTS
        self._view = (0.9, 1.05)
        self._curve_w = np.array([])
        self._curve_y = np.array([])
        self._curve_g = np.array([])
        self._lecture_points: list[float] = []

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.readout = QLabel()
        self.readout.setObjectName("powerReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.gradient_readout = QLabel()
        self.gradient_readout.setObjectName("powerGradient")
        self.gradient_readout.setTextFormat(Qt.TextFormat.RichText)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, int(self.W_MAX * self.SLIDER_SCALE))
        self.slider.valueChanged.connect(lambda v: self.set_w(v / self.SLIDER_SCALE, from_slider=True))
        self.w_spin = NumberSpin()
        self.w_spin.setDecimals(4)
        self.w_spin.setRange(0.0, self.W_MAX)
        self.w_spin.setSingleStep(0.001)
        self.w_spin.valueChanged.connect(lambda v: self.set_w(float(v)))
        self.point_buttons: list[QPushButton] = []
        self.points_row = QHBoxLayout()
        self.use_button = QPushButton()
        self.use_button.clicked.connect(self._use_w)
        self.w_label = QLabel()

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setObjectName("powerGraphics")
        self.value_plot = self.graphics.addPlot(row=0, col=0, axisItems={"left": LogAxis("left")})
        self.gradient_plot = self.graphics.addPlot(row=0, col=1, axisItems={"left": LogAxis("left")})
        self.gradient_plot.setXLink(self.value_plot)
        for plot in (self.value_plot, self.gradient_plot):
            plot.setMenuEnabled(False)
            plot.setLogMode(False, True)
            plot.showGrid(x=True, y=True, alpha=0.25)
            # the y range follows what is in view along w (not the 0 of w = 0.01 far to the left)
            plot.getViewBox().setAutoVisible(y=True)
        self.value_curve = pg.PlotDataItem(connect="finite")
        self.gradient_curve = pg.PlotDataItem(connect="finite")
        self.value_plot.addItem(self.value_curve)
        self.gradient_plot.addItem(self.gradient_curve)
        self.value_points = pg.ScatterPlotItem(size=12)
        self.gradient_points = pg.ScatterPlotItem(size=12)
        self.value_plot.addItem(self.value_points)
        self.gradient_plot.addItem(self.gradient_points)
        self.point_labels: list[pg.TextItem] = []
        self.w_lines = [pg.InfiniteLine(angle=90, movable=False) for _ in range(2)]
        self.value_plot.addItem(self.w_lines[0])
        self.gradient_plot.addItem(self.w_lines[1])
        self.current_value = pg.ScatterPlotItem(size=16, symbol="o")
        self.current_gradient = pg.ScatterPlotItem(size=16, symbol="o")
        self.value_plot.addItem(self.current_value)
        self.gradient_plot.addItem(self.current_gradient)
        self.underflow_note = QLabel()
        self.underflow_note.setWordWrap(True)

        slider_row = QHBoxLayout()
        slider_row.addWidget(self.w_label)
        slider_row.addWidget(self.slider, 1)
        slider_row.addWidget(self.w_spin)
        slider_row.addWidget(self.use_button)
        readouts = QHBoxLayout()
        readouts.addWidget(self.readout, 1)
        readouts.addWidget(self.gradient_readout, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addLayout(readouts)
        layout.addLayout(slider_row)
        layout.addLayout(self.points_row)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.underflow_note)
        self.set_zoom(1.0)
        self.set_dark(False)

    # -- which scenes ----------------------------------------------------------------------------
    @staticmethod
    def curve_settings(project) -> dict | None:
        """What to draw: ``settings["curve"]`` ({"key", "index", "range", "samples", "view", "marks",
        "gradient", "log_y"}), or — for an older scene — its ``weight`` and the ``w`` of its
        ``expected`` outputs. None when the scene has neither (then the view shows a loss surface)."""
        if project is None:
            return None
        settings = project.settings
        curve = settings.get("curve")
        params = project.network.params
        if isinstance(curve, dict) and curve.get("key") in params:
            return curve
        expected = settings.get("expected")
        if (isinstance(settings.get("weight"), str) and settings["weight"] in params and isinstance(expected, list)
                and expected and all(isinstance(e, dict) and isinstance(e.get("w"), (int, float)) for e in expected)):
            return {"key": settings["weight"], "marks": [e["w"] for e in expected]}
        return None

    @classmethod
    def applies_to(cls, project) -> bool:
        return cls.curve_settings(project) is not None

    def rebuild(self) -> None:
        project = self.session.project
        curve = self.curve_settings(project)
        if curve is None:
            return
        self._key = str(curve["key"])
        shape = np.shape(project.network.params[self._key])
        index = tuple(curve.get("index") or (0,) * len(shape))
        self._flat = int(np.ravel_multi_index(index, shape)) if shape else 0
        low, high = _number_pair(curve.get("range"), (0.0, 1.1))
        self._range = (max(0.0, low), high)
        self._samples = int(curve.get("samples") or self.CURVE_POINTS)
        self._view = _number_pair(curve.get("view"), (0.9, 1.05))
        self.gradient_plot.setVisible(curve.get("gradient", True) is not False)
        self.slider.setRange(*(int(round(w * self.SLIDER_SCALE)) for w in self._range))
        self.w_spin.setRange(*self._range)
        self._lecture_points = sorted({float(w) for w in curve.get("marks") or [] if isinstance(w, (int, float))})
        for button in self.point_buttons:
            self.points_row.removeWidget(button)
            button.deleteLater()
        self.point_buttons = []
        for w in self._lecture_points:
            button = QPushButton(f"w = {w:g}")
            button.clicked.connect(lambda _checked=False, w=w: self.set_w(w))
            self.points_row.addWidget(button)
            self.point_buttons.append(button)
        self._compute_curve()
        self._draw_lecture_points()
        self.set_w(float(np.ravel(project.network.params[self._key])[self._flat]))
        self.value_plot.setXRange(*self._view, padding=0.02)
        self.retranslate()

    # -- the numbers -------------------------------------------------------------------------------
    @property
    def steps(self) -> int:
        return self.session.steps

    def outputs_for(self, ws: np.ndarray) -> np.ndarray:
        """y^T of the network for each w (one batched forward pass; the other weights as they are)."""
        network = self.session.network
        params = dict(network.params)
        shape = np.shape(network.params[self._key])
        grid = np.zeros((len(ws),) + shape)
        grid[...] = np.asarray(network.params[self._key])
        grid.reshape(len(ws), -1)[:, self._flat] = ws
        params[self._key] = grid
        with np.errstate(all="ignore"):
            trace = network.forward(self.session.inputs(), params=params)
        return np.asarray(trace.outputs)[-1, :, 0, 0]

    def gradient_at(self, w: float) -> float:
        """∂y^T/∂w by backpropagation through time at one w."""
        from simulator.model.project import copy_network

        network = copy_network(self.session.network)
        network.params[self._key].reshape(-1)[self._flat] = w
        with np.errstate(all="ignore"):
            trace = network.forward(self.session.inputs())
            d_y = np.zeros_like(np.asarray(trace.outputs))
            d_y[-1] = 1.0
            grads, _ = network.backward(trace, d_y=d_y)
        return float(np.ravel(grads[self._key])[self._flat])

    def _compute_curve(self) -> None:
        ws = np.linspace(self._range[0], self._range[1], self._samples)
        ys = self.outputs_for(ws)
        exponent = max(1, self.steps - 1)
        head = self._gain()
        with np.errstate(all="ignore"):
            # ∂(g·w^(T−1))/∂w = g·(T−1)·w^(T−2), the derivative of the curve drawn beside it
            gradient = head * exponent * np.power(ws, exponent - 1)
        self._curve_w, self._curve_y, self._curve_g = ws, ys, gradient
        self.value_curve.setData(ws, _loggable(ys))
        self.gradient_curve.setData(ws, _loggable(np.abs(gradient)))

    def _gain(self) -> float:
        """y^T / w^(T−1) for this network (W_x · head weight; 1 in the lecture's scene)."""
        value = self.outputs_for(np.array([1.0]))[0]
        return float(value) if math.isfinite(value) and value != 0 else 1.0

    def _draw_lecture_points(self) -> None:
        pal = palette(self._dark)
        ws = np.asarray(self._lecture_points)
        ys = self.outputs_for(ws) if len(ws) else np.array([])
        gs = np.array([abs(self.gradient_at(w)) for w in ws])
        bottom = self._floor()
        self.value_points.setData(ws, _log_or_floor(ys, bottom), brush=pg.mkBrush(pal.output),
                                  pen=pg.mkPen(pal.background, width=1.5))
        self.gradient_points.setData(ws, _log_or_floor(gs, bottom), brush=pg.mkBrush(pal.memory),
                                     pen=pg.mkPen(pal.background, width=1.5))
        for label in self.point_labels:
            self.value_plot.removeItem(label)
        self.point_labels = []
        underflow = []
        for w, y in zip(ws, ys):
            text = pg.TextItem(f"{w:g} → {power_value_text(y)}", color=pal.text, anchor=(1.05, 1.1))
            font = QFont()
            font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
            text.setFont(font)
            text.setPos(w, float(_log_or_floor(np.array([y]), bottom)[0]))
            self.value_plot.addItem(text)
            self.point_labels.append(text)
            if y == 0:
                underflow.append(w)
        exponent = max(1, self.steps - 1)
        self.underflow_note.setText(" ".join(
            self.tr("w = {w}: w<sup>{e}</sup> = {power} is smaller than the smallest number the computer stores (about "
                    "10⁻³²⁴), so the network outputs exactly 0.").format(
                w=f"{w:g}", e=exponent, power="10" + str(round(exponent * math.log10(w))).translate(_SUPERSCRIPTS))
            for w in underflow if w > 0))

    def _floor(self) -> float:
        """log₁₀ of where an output of exactly 0 is drawn: the bottom of the curve."""
        finite = self._curve_y[(self._curve_y > 0) & np.isfinite(self._curve_y)]
        return math.log10(finite.min()) if finite.size else -300.0

    # -- w -----------------------------------------------------------------------------------------
    def set_w(self, w: float, from_slider: bool = False) -> None:
        w = float(min(max(w, self._range[0]), self._range[1]))
        self._w = w
        self.slider.blockSignals(True)
        self.w_spin.blockSignals(True)
        if not from_slider:
            self.slider.setValue(int(round(w * self.SLIDER_SCALE)))
        self.w_spin.setValue(w)
        self.slider.blockSignals(False)
        self.w_spin.blockSignals(False)
        y = float(self.outputs_for(np.array([w]))[0])
        gradient = self.gradient_at(w)
        exponent = max(1, self.steps - 1)
        pal = palette(self._dark)
        size = 20 * self._zoom
        self.readout.setText(
            f"<span style='font-size:{size:.0f}pt'>w = {w:g} → y<sup>{self.steps}</sup> = w<sup>{exponent}</sup> = "
            f"<b style='color:{pal.output.name()}'>{power_value_text(y)}</b></span>")
        self.gradient_readout.setText(
            f"<span style='font-size:{size * 0.8:.0f}pt'>|∂y<sup>{self.steps}</sup>/∂w| = "
            f"<b style='color:{pal.memory.name()}'>{power_value_text(abs(gradient))}</b></span>")
        for line in self.w_lines:
            line.setValue(w)
        bottom = self._floor()
        self.current_value.setData([w], _log_or_floor(np.array([y]), bottom))
        self.current_gradient.setData([w], _log_or_floor(np.array([abs(gradient)]), bottom))
        low, high = self.value_plot.getViewBox().viewRange()[0]
        if not low <= w <= high:
            span = high - low
            self.value_plot.setXRange(w - span / 2, w + span / 2, padding=0)

    def w(self) -> float:
        return self._w

    def readout_text(self) -> str:
        return self.readout.text()

    def _use_w(self) -> None:
        self.weight_edit_requested.emit(self._key, self._flat, float(self._w))

    # -- look --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        exponent = max(1, self.steps - 1)
        self.title.setText(self.tr("A single linear unit with memory weight w is fed a 1 and then zeros: its last "
                                   "output is y<sup>{T}</sup> = w<sup>{e}</sup>. A tiny change of w changes it "
                                   "enormously.").format(T=self.steps, e=exponent))
        self.w_label.setText(self.tr("w"))
        self.slider.setToolTip(self.tr("w: the memory (recurrent) weight of the unit"))
        self.w_spin.setToolTip(self.tr("w: the memory (recurrent) weight of the unit"))
        self.use_button.setText(self.tr("Use this w in the network"))
        self.use_button.setToolTip(self.tr("Set the network's memory weight to this w (can be undone), so the other "
                                       "views show it"))
        for button, w in zip(self.point_buttons, self._lecture_points):
            button.setToolTip(self.tr("The lecture's example w = {w:g}").format(w=w))
        pal = palette(self._dark)
        self.value_plot.setTitle(self.tr("The last output y<sup>{T}</sup> = w<sup>{e}</sup> (log scale)").format(
            T=self.steps, e=exponent), color=pal.text.name(), size=f"{12 * self._zoom:.0f}pt")
        self.gradient_plot.setTitle(self.tr("Its gradient |∂y<sup>{T}</sup>/∂w| = {e}·w<sup>{f}</sup> (log scale)")
                                    .format(T=self.steps, e=exponent, f=exponent - 1),
                                    color=pal.text.name(), size=f"{12 * self._zoom:.0f}pt")
        for plot in (self.value_plot, self.gradient_plot):
            plot.setLabel("bottom", "w", color=pal.text.name())

    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        pal = palette(self._dark)
        self.graphics.setBackground(pal.background)
        self.value_curve.setPen(pg.mkPen(pal.output, width=3))
        self.gradient_curve.setPen(pg.mkPen(pal.memory, width=3))
        for line in self.w_lines:
            line.setPen(pg.mkPen(pal.muted, width=1.5, style=Qt.PenStyle.DashLine))
        self.current_value.setBrush(pg.mkBrush(pal.output))
        self.current_value.setPen(pg.mkPen(pal.text, width=2))
        self.current_gradient.setBrush(pg.mkBrush(pal.memory))
        self.current_gradient.setPen(pg.mkPen(pal.text, width=2))
        theme_axes(pal, *left_and_bottom(self.value_plot, self.gradient_plot))
        if self._lecture_points:
            self._draw_lecture_points()
            self.set_w(self._w)
        self.retranslate()

    def set_zoom(self, factor: float) -> None:
        self._zoom = max(0.5, float(factor))
        font = QFont()
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        text_font = QFont(font)
        text_font.setPointSizeF(12 * self._zoom)
        for label in (self.title, self.underflow_note):
            label.setFont(text_font)
        for plot in (self.value_plot, self.gradient_plot):
            for name in ("left", "bottom"):
                plot.getAxis(name).setStyle(tickFont=font, tickTextOffset=4)
                plot.getAxis(name).label.setFont(font)
        if self._lecture_points:
            self._draw_lecture_points()
            self.set_w(self._w)
        self.retranslate()


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _number_pair(value, default: tuple[float, float]) -> tuple[float, float]:
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value)
            and value[0] < value[1]):
        return float(value[0]), float(value[1])
    return default


def power_value_text(value: float) -> str:
    """20751.6, 1, 4.36·10⁻⁵, 0 (an exact zero after underflow), ∞ — plain text, superscript digits."""
    if not math.isfinite(value):
        return "NaN" if math.isnan(value) else "∞"
    if value == 0:
        return "0"
    magnitude = abs(value)
    if 1e-3 <= magnitude < 1e7:
        return f"{value:.6g}".replace("-", "−")
    mantissa, exponent = f"{value:.3g}".split("e")
    return f"{mantissa.replace('-', '−')}·10{str(int(exponent)).translate(_SUPERSCRIPTS)}"


def _loggable(values: np.ndarray) -> np.ndarray:
    """Values for a log axis: 0, negative and non-finite become NaN (a gap, never a warning)."""
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values) & (values > 0), values, np.nan)


def _log_or_floor(values: np.ndarray, floor_log: float) -> np.ndarray:
    """Scatter positions on a log axis (scatter items are not transformed by the plot): log₁₀ of the
    value, or the floor for an exact 0."""
    values = np.asarray(values, dtype=float)
    with np.errstate(all="ignore"):
        logs = np.log10(np.abs(values))
    return np.where(np.isfinite(logs), logs, floor_log)
