"""The training lab of one app session: its runs, the worker that trains them, their curves.

The training panel and the loss-surface view show the same runs (the surface draws their paths), so
both get the lab from :meth:`TrainingLab.for_session` — one lab per app :class:`Session`.

Threads: the runs' :class:`TrainingSession` objects are trained in a :class:`GeneratorWorker`. The GUI
thread touches a session only while no worker runs or while the worker is paused at a yield (Reset and
Roll back stop the worker first); settings that may change between updates (learning rate, clipping,
truncation) are handed to the worker and applied before its next round. The GUI reads the sessions'
histories (append-only lists of immutable snapshots) to draw; the worker's snapshots only say that
something new is there.
"""
from __future__ import annotations

import copy
import math
import threading
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QObject, QThread, Signal, Slot

from simulator.errors import UserInputError

from .worker import GeneratorWorker, LatestOnly

#: colours of the runs, in order (distinguishable for the common colour-vision deficiencies: Okabe–Ito)
RUN_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")

#: the settings the worker may change between two updates without starting the runs again
LIVE_SETTINGS = ("lr", "clip_mode", "clip_threshold", "truncate", "optimizer", "batch_size")

#: how the starting weights are chosen
INITIALISATIONS = ("project", "random", "identity", "forget_bias")

#: what a scene's run may name besides TrainingConfig fields (simulator.model.training)
_RUN_KEYS = ("name", "title", "description", "network")
#: override names → TrainingConfig fields ("clip" is the CLI's name for the threshold)
_CONFIG_NAMES = {"clip": "clip_threshold"}


@dataclass(frozen=True)
class RoundSnapshot:
    """One round of the worker: one update of every run still training, as (run index, snapshot)."""

    snapshots: tuple


class Series:
    """A growing array of floats (capacity doubles) that keeps the extremes of its positive finite
    values, so a redraw neither converts a Python list nor scans the whole history."""

    def __init__(self):
        self._data = np.empty(64)
        self._count = 0
        self.first_positive = math.nan
        self.min_positive = math.inf
        self.max_positive = -math.inf

    def append(self, value: float) -> None:
        if self._count == len(self._data):
            grown = np.empty(2 * len(self._data))
            grown[:self._count] = self._data[:self._count]
            self._data = grown
        value = float(value)
        self._data[self._count] = value
        self._count += 1
        if value > 0 and math.isfinite(value):
            if math.isnan(self.first_positive):
                self.first_positive = value
            self.min_positive = min(self.min_positive, value)
            self.max_positive = max(self.max_positive, value)

    @property
    def values(self) -> np.ndarray:
        """The values so far (a view: entries already written never change)."""
        return self._data[:self._count]

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.values[index]

    def __iter__(self):
        return iter(self.values)


@dataclass
class RunCurves:
    """The numbers of one run's history, ready for the plots."""

    updates: Series = field(default_factory=Series)
    losses: Series = field(default_factory=Series)
    norms_before: Series = field(default_factory=Series)
    norms_after: Series = field(default_factory=Series)
    clipped_updates: Series = field(default_factory=Series)
    clipped_norms: Series = field(default_factory=Series)
    test_updates: Series = field(default_factory=Series)
    test_losses: Series = field(default_factory=Series)
    groups: dict = field(default_factory=dict)          # key → Series of norms (NaN where missing)
    step_grad_norms: list = field(default_factory=list)  # one array |∂L/∂a^t| (t = 1..T) per update
    non_finite: list = field(default_factory=list)       # (update, message) of non-finite snapshots


class TrainingRun:
    """One named run: a training session, its colour and the curves read from its history."""

    def __init__(self, key: str | None, session, colour: str, variant: dict):
        self.session = session
        self.colour = colour
        #: the scene's run spec ({} for a single run): its name, title, config changes, network
        self.variant = dict(variant)
        #: the run's name in the scene (``settings["training"]["runs"][i]["name"]``), None for a single run
        self.key = key
        #: the config keys the scene's variant fixes (the panel does not change them)
        self.fixed: set[str] = set()
        self.curves = RunCurves()
        self._seen = 0
        #: updates at which the run was rolled back (a marker stays on the plots)
        self.rollbacks: list[int] = []
        #: the weights it starts from (the first point of its path on the loss surface)
        self.start_params = {key: np.array(value, copy=True) for key, value in session.network.params.items()}

    @property
    def name(self) -> str:
        """What the legend calls the run: the scene's title for it in the UI language, else its key."""
        title = self.variant.get("title")
        if isinstance(title, dict):
            from simulator.gui import i18n

            # i18n keeps the installed translators; none installed means English
            text = i18n.scene_text(title, "zh_CN" if getattr(i18n, "_installed", None) else "en")
            if text:
                return text
        elif isinstance(title, str) and title:
            return title
        return self.key or ""

    @property
    def config(self):
        return self.session.config

    def sync(self) -> bool:
        """Copy what is new in the session's history into the curves; True if anything changed."""
        history = self.session.history
        count = len(history)
        if count < self._seen:            # rolled back or reset: read it all again
            self.curves = RunCurves()
            self._seen = 0
        if count == self._seen:
            return False
        curves = self.curves
        for snapshot in history[self._seen:count]:
            curves.updates.append(snapshot.update)
            curves.losses.append(snapshot.loss)
            curves.norms_before.append(snapshot.norm_before)
            curves.norms_after.append(snapshot.norm_after)
            if snapshot.clipped:
                curves.clipped_updates.append(snapshot.update)
                curves.clipped_norms.append(snapshot.norm_before)
            if snapshot.test_loss is not None:
                curves.test_updates.append(snapshot.update)
                curves.test_losses.append(snapshot.test_loss)
            index = len(curves.updates) - 1
            for key, value in snapshot.per_group_norms.items():
                values = curves.groups.get(key)
                if values is None:
                    values = curves.groups[key] = Series()
                    for _ in range(index):
                        values.append(math.nan)
                values.append(value)
            for values in curves.groups.values():
                if len(values) <= index:
                    values.append(math.nan)
            if snapshot.step_grad_norms is not None:
                curves.step_grad_norms.append(np.asarray(snapshot.step_grad_norms, dtype=float))
            if not snapshot.finite:
                curves.non_finite.append((snapshot.update, snapshot.message or ""))
        self._seen = count
        return True

    def fits(self, network) -> bool:
        """Whether this run's weights have the keys and shapes of ``network``'s (a run with a network
        of its own, e.g. the LSTM of the vanishing scene, does not fit the project's)."""
        mine = self.session.network.params
        return set(mine) == set(network.params) and all(
            np.shape(mine[key]) == np.shape(network.params[key]) for key in mine)

    def last(self):
        history = self.session.history
        return history[-1] if history else None

    def current_params(self) -> dict:
        """The weights now: the last snapshot's (the last finite ones after a blow-up), else the start."""
        last = self.last()
        return dict(last.params) if last is not None else dict(self.session.network.params)


def initialise(network, how: str, seed: int) -> str:
    """Choose the starting weights of ``network`` (a copy, changed in place). Returns a note for the
    user when the choice does not apply to every layer ("" otherwise).

    - ``project``: the weights as they are in the project (the scene's, or what the student set);
    - ``random``: each cell's own initialisation from ``seed`` (IRNN cells start at the identity);
    - ``identity``: random, then the recurrent weights W_a of every Elman/IRNN layer = I and its biases
      0 (Le, Jaitly & Hinton 2015);
    - ``forget_bias``: random, then the forget-gate bias of every LSTM layer = 1 (Jozefowicz et al.
      2015), so the memory is kept at first.
    """
    if how == "project":
        return ""
    if how not in INITIALISATIONS:
        raise UserInputError(f"unknown initialisation {how!r}")
    network.init_params(np.random.default_rng(seed))
    touched = 0
    for k, layer in enumerate(network.layers):
        kind = layer.cell.kind
        for prefix in _layer_prefixes(network, k):
            if how == "identity" and kind in ("elman", "irnn") and f"{prefix}.W_a" in network.params:
                hidden = network.params[f"{prefix}.W_a"].shape[0]
                network.params[f"{prefix}.W_a"] = np.eye(hidden, dtype=network.dtype)
                if f"{prefix}.b" in network.params:
                    network.params[f"{prefix}.b"] = np.zeros_like(network.params[f"{prefix}.b"])
                touched += 1
            elif how == "forget_bias" and kind == "lstm" and f"{prefix}.b" in network.params:
                bias = network.params[f"{prefix}.b"].copy()
                hidden = bias.shape[0] // 4
                bias[2 * hidden:3 * hidden] = 1.0          # rows z, z_i, z_f, z_o: the forget gate's
                network.params[f"{prefix}.b"] = bias
                touched += 1
    if how == "identity" and touched == 0:
        return QCoreApplication.translate("TrainingLab", "This network has no Elman or IRNN layer: starting "
                                                         "from the identity changes nothing.")
    if how == "forget_bias" and touched == 0:
        return QCoreApplication.translate("TrainingLab", "This network has no LSTM layer: the forget-gate bias "
                                                         "changes nothing.")
    return ""


def _layer_prefixes(network, k: int) -> list[str]:
    prefixes = [f"layers.{k}"]
    if network.layers[k].bidirectional:
        prefixes.append(f"layers.{k}.reverse")
    return prefixes


class TrainingLab(QObject):
    """See the module docstring. States: ``idle`` (nothing trained yet or reset), ``running``,
    ``paused``, ``diverged`` (a run blew up; Roll back or Start the others again), ``finished``
    (every run used its budget)."""

    #: new numbers arrived (at most 30 times a second)
    updated = Signal()
    #: the runs were made again (new project, task, initialisation, seed, runs or Reset)
    runs_changed = Signal()
    state_changed = Signal(str)
    #: a run blew up: (run index, its snapshot's message)
    diverged = Signal(int, str)
    #: a problem the user should read (the task does not fit the network, a bad CSV file …)
    problem = Signal(str)
    #: the runs' settings changed between updates (learning rate, clipping …): show them
    config_changed = Signal()

    _labs: "weakref.WeakKeyDictionary[Any, TrainingLab]" = weakref.WeakKeyDictionary()

    @classmethod
    def for_session(cls, session) -> "TrainingLab":
        lab = cls._labs.get(session)
        if lab is None:
            lab = cls(session)
            cls._labs[session] = lab
        return lab

    def __init__(self, session, parent=None):
        super().__init__(parent)
        # weakly: the registry maps the session to its lab, and a lab holding its session strongly
        # would keep both alive for ever
        self._session_ref = weakref.ref(session)
        self.runs: list[TrainingRun] = []
        self.task = None
        self.state = "idle"
        self.note = ""                  # e.g. why an initialisation changed nothing
        self.error = ""                 # why there are no runs
        self.worker: GeneratorWorker | None = None
        self._pending: dict[str, Any] = {}
        self._pending_lock = threading.Lock()
        self._latest: RoundSnapshot | None = None
        self._redraw = LatestOnly(self._emit_updated, hz=30.0, parent=self)
        #: what the panel chose; None = the scene's own value
        self.choices: dict[str, Any] = {"task": None, "csv_path": None, "csv_loss": "mse", "init": "project",
                                        "seed": None, "use_scene_runs": True, "steps": None}
        self.overrides: dict[str, Any] = {}       # config values the panel set (lr, clip_mode, …)
        self._custom_task = None
        session.project_changed.connect(self._on_project_changed)
        application = QCoreApplication.instance()
        if application is not None:             # no worker thread outlives the application
            application.aboutToQuit.connect(self.shutdown)
        self.rebuild()

    @property
    def app_session(self):
        """The app model (:class:`simulator.model.session.Session`) this lab trains for."""
        return self._session_ref()

    # -- making the runs ---------------------------------------------------------------------------
    def scene_runs(self) -> list[dict]:
        """The named variants of the scene (``settings["training"]["runs"]``), [] if it has none."""
        project = self.app_session.project
        runs = (project.settings.get("training") or {}).get("runs") if project is not None else None
        return [dict(run) for run in runs] if isinstance(runs, list) else []

    def has_training(self) -> bool:
        project = self.app_session.project
        return project is not None and isinstance(project.settings.get("training"), dict)

    def rebuild(self) -> None:
        """Make the runs again from the project and the choices (stops training first)."""
        self.stop_worker()
        self.runs, self.task, self.note, self.error = [], None, "", ""
        try:
            self._make_runs()
        except UserInputError as problem:
            self.runs, self.task = [], None
            self.error = str(problem)
            self.problem.emit(self.error)
        self._set_state("idle")
        self.runs_changed.emit()
        self.updated.emit()

    def _make_runs(self) -> None:
        from simulator.engine.training import TrainingConfig
        from simulator.model import training

        project = self.app_session.project
        if project is None:
            return
        if self.choices["task"] == "custom":             # a ready-made task: no scene settings needed
            config = TrainingConfig(**_config_keys(self._overrides_for(set())))
            network = self._initialised(project.network, int(config.seed or 0))
            session = training.TrainingSession(network, self._custom_task, config)
            self.runs.append(TrainingRun(None, session, RUN_COLOURS[0], {}))
            self.task = session.task
            return
        scene = self._training_project(project)
        variants = self.scene_runs() if self.choices["use_scene_runs"] else []
        for index, variant in enumerate(variants or [{}]):
            name = variant.get("name") if variants else None
            fixed = {_CONFIG_NAMES.get(key, key) for key in variant if key not in _RUN_KEYS}
            session = training.session_for_project(scene, run=name, **self._overrides_for(fixed))
            if self.choices["init"] != "project":
                network = self._initialised(session.network, int(session.config.seed or 0))
                session = training.TrainingSession(network, session.task, session.config,
                                                   test_every=session.test_every)
            run = TrainingRun(name, session, RUN_COLOURS[index % len(RUN_COLOURS)], variant)
            run.fixed = fixed
            self.runs.append(run)
        self.task = self.runs[0].session.task if self.runs else None

    def _training_project(self, project):
        """The project as training sees it: the task the panel chose in place of the scene's."""
        chosen = self.choices["task"]
        if chosen is None:
            return project
        copied = project.copy()
        settings = copied.settings.get("training")
        if not isinstance(settings, dict):
            settings = copied.settings["training"] = {}
        if chosen == "csv":
            path = self.choices["csv_path"]
            if not path:
                raise UserInputError(self.tr("Choose a CSV file to train on."))
            settings["task"] = {"name": "csv", "path": str(path), "loss": self.choices.get("csv_loss") or "mse"}
        else:
            settings["task"] = task_spec(chosen, settings.get("task"))
        return copied

    def _overrides_for(self, fixed: set) -> dict:
        """The panel's settings as config overrides, leaving out what the scene's run fixes itself."""
        overrides = {key: value for key, value in self.overrides.items() if value is not None}
        if self.choices["seed"] is not None:
            overrides["seed"] = int(self.choices["seed"])
        if self.choices["steps"] is not None:
            overrides["steps"] = int(self.choices["steps"])
        return {key: value for key, value in overrides.items() if _CONFIG_NAMES.get(key, key) not in fixed}

    def _initialised(self, network, seed: int):
        from simulator.model.project import copy_network

        network = copy_network(network)
        note = initialise(network, self.choices["init"], seed)
        self.note = self.note or note
        return network

    @Slot()
    def _on_project_changed(self) -> None:
        self.choices.update(task=None, csv_path=None, csv_loss="mse", init="project", seed=None,
                            use_scene_runs=True, steps=None)
        self.overrides.clear()
        self.rebuild()

    # -- choices ------------------------------------------------------------------------------------
    def choose(self, **choices) -> None:
        """Task, CSV path, initialisation, seed, scene runs on/off, budget: the runs start again."""
        unknown = set(choices) - set(self.choices)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        self.choices.update(choices)
        self.rebuild()

    def use_task(self, task) -> None:
        """Train on a ready-made :class:`TrainingTask` (from code, e.g. a script or a test)."""
        self._custom_task = task
        self.choices.update(task="custom", csv_path=None)
        self.rebuild()

    def set_config(self, **values) -> None:
        """Learning rate, clipping, truncation, optimiser, budget: applied between two updates; the runs
        keep what they learnt. A run whose scene variant fixes a value keeps its own (the cliff's
        "unclipped" run is never clipped)."""
        unknown = set(values) - set(LIVE_SETTINGS) - {"steps", "clip"}
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        if "steps" in values:
            self.choices["steps"] = int(values.pop("steps"))
            values["steps"] = self.choices["steps"]
        values = _config_keys(values)
        self.overrides.update({key: value for key, value in values.items() if key != "steps"})
        if self.worker is not None and self.worker.is_running and not self.worker.is_paused:
            with self._pending_lock:            # the worker applies them before its next round
                self._pending.update(values)
        else:
            self._apply_config(values)
        self.config_changed.emit()

    def _apply_config(self, change: dict) -> None:
        for run in self.runs:
            for key, value in change.items():
                if key not in run.fixed:
                    setattr(run.session.config, key, value)

    # -- training -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Train on (or resume); the runs that blew up stay stopped until rolled back or reset."""
        if self.worker is not None and self.worker.is_running:
            self.worker.resume()
            self._set_state("running")
            return
        self._start_worker(paused=False)

    def pause(self) -> None:
        if self.worker is not None and self.worker.is_running:
            self.worker.pause()
            self._set_state("paused")

    def step_once(self) -> None:
        """One update of every run that can still train, then paused."""
        if self.worker is not None and self.worker.is_running:
            self.worker.resume(1)
            self._set_state("paused")
            return
        if self._start_worker(paused=True):
            self.worker.resume(1)
            self._set_state("paused")

    def reset(self) -> None:
        """Back to the start: same weights, same seed — the run repeats exactly."""
        self.stop_worker()
        for run in self.runs:
            run.session.reset()
            run.rollbacks.clear()
            run.sync()
        self._set_state("idle")
        self.runs_changed.emit()
        self.updated.emit()

    def rollback(self) -> bool:
        """Every run that blew up goes back to its last finite weights (exactly)."""
        self.stop_worker()
        rolled = False
        for run in self.runs:
            if run.session.diverged:
                last = run.last()
                if run.session.rollback():
                    rolled = True
                    if last is not None:
                        run.rollbacks.append(last.update)
            run.sync()
        if rolled:
            self._set_state("paused")
        self.updated.emit()
        return rolled

    def stop_worker(self) -> None:
        """Abort the worker and wait for it (one update at most): no thread outlives this call."""
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop()
            try:
                worker.yielded.disconnect(self._on_yielded)
                worker.finished.disconnect(self._on_finished)
                worker.errored.disconnect(self._on_errored)
            except (RuntimeError, TypeError):
                pass
            # (no deleteLater: Python owns the worker and frees it now; a deferred delete still pending
            # when the application ends makes PySide's clean-up at exit crash)
        with self._pending_lock:
            self._pending.clear()
        self._sync_all()

    def shutdown(self) -> None:
        """Stop everything; the lab stays usable (Start makes a new worker)."""
        self.stop_worker()
        self._redraw.stop()

    def _start_worker(self, paused: bool) -> bool:
        trainable = [index for index, run in enumerate(self.runs)
                     if not run.session.diverged and _budget_left(run.session) > 0]
        if not trainable:
            if any(run.session.diverged for run in self.runs):
                self._set_state("diverged")
            elif self.runs:
                self._set_state("finished")
            return False
        self.stop_worker()
        runs = [(index, self.runs[index].session) for index in trainable]
        self.worker = GeneratorWorker(lambda: self._rounds(runs), coalesce=True)
        self.worker.yielded.connect(self._on_yielded)
        self.worker.finished.connect(self._on_finished)
        self.worker.errored.connect(self._on_errored)
        self.worker.yield_to(QAbstractEventDispatcher.instance(QThread.currentThread()))
        self.worker.start(paused=paused)
        self._set_state("paused" if paused else "running")
        return True

    def _rounds(self, runs):
        """The worker's generator: round after round, one update of each run (in the worker thread).
        Stops after the round in which a run blew up, so the GUI can show it."""
        generators = [(index, session.run()) for index, session in runs]
        while generators:
            with self._pending_lock:
                change, self._pending = self._pending, {}
            if change:
                self._apply_config(change)
            snapshots = []
            for entry in list(generators):
                index, generator = entry
                if snapshots:
                    yield None                   # between two runs' updates: let a busy GUI go first
                try:
                    snapshots.append((index, next(generator)))
                except StopIteration:
                    generators.remove(entry)
            if not snapshots:
                return
            yield RoundSnapshot(tuple(snapshots))
            if any(not snapshot.finite for _, snapshot in snapshots):
                return

    @Slot(object)
    def _on_yielded(self, _item) -> None:
        worker = self.sender() if isinstance(self.sender(), GeneratorWorker) else self.worker
        if worker is None:
            return
        item = worker.take()
        if item is not None:
            self._latest = item
        self._redraw.mark()

    @Slot()
    def _on_finished(self) -> None:
        if self.sender() is not None and self.sender() is not self.worker:
            return                         # a worker we already stopped
        self._sync_all()
        self._redraw.flush()
        blown = [(index, run) for index, run in enumerate(self.runs) if run.session.diverged]
        if blown:
            self._set_state("diverged")
            index, run = blown[0]
            last = run.last()
            self.diverged.emit(index, (last.message if last is not None else "") or "")
        elif self.state != "idle":
            self._set_state("finished")
        self.updated.emit()

    @Slot(str)
    def _on_errored(self, message: str) -> None:
        self.problem.emit(message.splitlines()[0] if message else "training failed")

    def _emit_updated(self) -> None:
        """A redraw (at most 30 a second): the worker waits while the views draw, so the drawing gets
        the interpreter to itself (see GeneratorWorker.hold)."""
        worker = self.worker
        if worker is not None:
            worker.hold()
        try:
            if self._sync_all():
                self.updated.emit()
        finally:
            if worker is not None:
                worker.release()

    @contextmanager
    def painting(self):
        """Around a view's paint: the worker waits (the paint gets the interpreter to itself) and the
        paint's time counts towards the redraw's, so a slow paint makes the redraws rarer."""
        worker = self.worker
        if worker is not None:
            worker.hold()
        started = time.perf_counter()
        try:
            yield
        finally:
            if worker is not None:
                worker.release()
            self._redraw.add_cost(time.perf_counter() - started)

    def _sync_all(self) -> bool:
        changed = False
        for run in self.runs:
            changed = run.sync() or changed
        return changed

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # -- reading ------------------------------------------------------------------------------------
    def latest(self) -> RoundSnapshot | None:
        return self._latest


def _budget_left(session) -> int:
    return int(session.config.steps) - int(session.updates)


def _config_keys(values: dict) -> dict:
    """The names TrainingConfig uses ("clip" is the CLI's name for the threshold)."""
    values = dict(values)
    if "clip" in values:
        values["clip_threshold"] = values.pop("clip")
    return values


def task_spec(name: str, scene_spec: dict | None) -> dict:
    """The ``settings["training"]["task"]`` for a task chosen in the panel (the scene's own spec when
    it is of that kind, so its sizes are kept)."""
    if isinstance(scene_spec, dict) and scene_spec.get("name") == name:
        return copy.deepcopy(scene_spec)
    return {"name": name}
