"""The training panel: choose a task and how to train, press Start, watch the loss and the gradient.

Left, the settings; right, a banner (only after a blow-up), one status line per run and the live plots
(:mod:`.plots`). The training itself runs in the lab's worker (:mod:`.lab`); the panel only sends the
choices and redraws when the lab says new numbers are there (at most 30 times a second).

Keys (while the panel has the focus): F5 Start, F6 Pause, F10 One update, Ctrl+F5 Reset, Ctrl+B Roll
back.

"Use these weights" emits :attr:`TrainingView.params_apply_requested` with a copy of the chosen run's
weights; the main window applies them through its undo stack (the view never edits the project).
:meth:`TrainingView.shutdown` stops the worker: the main window calls it before it closes.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QFrame,
                               QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QSpinBox, QVBoxLayout, QWidget)

from simulator.gui.style import format_value, palette
from simulator.gui.views.base import StepView

from .lab import TrainingLab
from .plots import TrainingPlots

#: tasks the panel offers besides the scene's own (``settings["training"]["task"]["name"]``)
TASK_KINDS = ("lecture", "adding", "slots", "csv")
LOSSES = ("ce", "mse")
OPTIMIZERS = ("sgd", "momentum", "rmsprop", "adam")
CLIP_MODES = ("none", "value", "norm")
INITS = ("project", "random", "identity", "forget_bias")
#: updates per second the worker is held to (0 = as fast as it goes)
SPEEDS = (0, 200, 50, 10)
LECTURE_CLIP = 15.0
CONTROLS_WIDTH = 360

START_KEY = "F5"
PAUSE_KEY = "F6"
STEP_KEY = "F10"
RESET_KEY = "Ctrl+F5"
ROLLBACK_KEY = "Ctrl+B"


class TrainingView(StepView):
    """See the module docstring."""

    #: "Use these weights": {parameter key: array} of the chosen run, for an undoable set_params
    params_apply_requested = Signal(dict)
    #: "Use these weights" for a run that trains a network of its own: (that network with its trained
    #: weights, the run's key) — the main window makes it the project's network, undoably
    network_apply_requested = Signal(object, str)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._dark = False
        self._zoom = 1.0
        self._updating_controls = False
        self.lab = TrainingLab.for_session(session)

        self.plots = TrainingPlots()
        self.plots.graphics.around_paint = self.lab.painting
        self._build_controls()
        self._build_banner()
        self.status = QLabel()
        self.status.setObjectName("trainingStatus")
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setVisible(False)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.banner)
        right.addWidget(self.note)
        right.addWidget(self.status)
        right.addWidget(self.plots, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.controls)
        scroll.setMinimumWidth(max(CONTROLS_WIDTH, self.controls.sizeHint().width() + 18))
        self._scroll = scroll
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll)
        layout.addLayout(right, 1)

        self.lab.updated.connect(self._redraw)
        self.lab.runs_changed.connect(self._on_runs_changed)
        self.lab.state_changed.connect(self._on_state_changed)
        self.lab.diverged.connect(self._on_diverged)
        self.lab.problem.connect(self._on_problem)
        self.lab.config_changed.connect(self._on_config_changed)
        self.retranslate()
        self.rebuild()

    # -- building --------------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.controls = QWidget()
        column = QVBoxLayout(self.controls)
        column.setContentsMargins(0, 0, 6, 0)

        self.task_group = QGroupBox()
        task_form = QFormLayout(self.task_group)
        self.task_combo = QComboBox()
        self.task_combo.activated.connect(self._on_task_chosen)
        self.csv_button = QPushButton()
        self.csv_button.clicked.connect(self._choose_csv)
        self.task_description = QLabel()
        self.task_description.setWordWrap(True)
        self.task_label = QLabel()
        task_form.addRow(self.task_label, self.task_combo)
        task_form.addRow(self.csv_button)
        task_form.addRow(self.task_description)
        column.addWidget(self.task_group)

        self.settings_group = QGroupBox()
        form = QFormLayout(self.settings_group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.loss_combo = QComboBox()
        self.optimizer_combo = QComboBox()
        self.lr_spin = NumberSpin()
        self.lr_spin.setDecimals(6)
        self.lr_spin.setRange(1e-6, 100.0)
        self.lr_spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.clip_combo = QComboBox()
        self.clip_spin = NumberSpin()
        self.clip_spin.setDecimals(4)
        self.clip_spin.setRange(1e-4, 1e6)
        self.clip_spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.truncate_spin = QSpinBox()
        self.truncate_spin.setRange(0, 100_000)
        self.init_combo = QComboBox()
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2_000_000_000)
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(1, 10_000_000)
        self.speed_combo = QComboBox()
        self.runs_check = QCheckBox()
        self.log_check = QCheckBox()
        self.log_check.setChecked(True)
        self._labels = {name: QLabel() for name in ("loss", "optimizer", "lr", "clip", "threshold", "truncate",
                                                    "init", "seed", "steps", "speed")}
        for name, widget in (("loss", self.loss_combo), ("optimizer", self.optimizer_combo), ("lr", self.lr_spin),
                             ("clip", self.clip_combo), ("threshold", self.clip_spin),
                             ("truncate", self.truncate_spin), ("init", self.init_combo),
                             ("seed", self.seed_spin), ("steps", self.steps_spin), ("speed", self.speed_combo)):
            self._labels[name].setBuddy(widget)
            form.addRow(self._labels[name], widget)
        form.addRow(self.runs_check)
        form.addRow(self.log_check)
        column.addWidget(self.settings_group)

        for combo, count in ((self.loss_combo, len(LOSSES)), (self.optimizer_combo, len(OPTIMIZERS)),
                             (self.clip_combo, len(CLIP_MODES)), (self.init_combo, len(INITS)),
                             (self.speed_combo, len(SPEEDS))):
            for _ in range(count):
                combo.addItem("")
        self.loss_combo.activated.connect(self._on_loss_chosen)
        self.optimizer_combo.activated.connect(lambda i: self._set_live(optimizer=OPTIMIZERS[i]))
        self.lr_spin.valueChanged.connect(lambda v: self._set_live(lr=float(v)))
        self.clip_combo.activated.connect(lambda i: self._set_live(clip_mode=CLIP_MODES[i]))
        self.clip_spin.valueChanged.connect(lambda v: self._set_live(clip_threshold=float(v)))
        self.truncate_spin.valueChanged.connect(lambda v: self._set_live(truncate=int(v) or None))
        self.init_combo.activated.connect(lambda i: self._choose(init=INITS[i]))
        self.seed_spin.editingFinished.connect(lambda: self._choose(seed=self.seed_spin.value())
                                               if self.seed_spin.value() != self._config_value("seed", 0) else None)
        self.steps_spin.editingFinished.connect(lambda: self._choose(steps=self.steps_spin.value())
                                                if self.steps_spin.value() != self._config_value("steps", 0)
                                                else None)
        self.speed_combo.activated.connect(self._on_speed)
        self.runs_check.toggled.connect(lambda on: self._choose(use_scene_runs=bool(on)))
        self.log_check.toggled.connect(self.plots.set_log)

        buttons = QGridButtons()
        self.start_button = buttons.add(self.start, START_KEY, self)
        self.pause_button = buttons.add(self.pause, PAUSE_KEY, self)
        self.step_button = buttons.add(self.step_once, STEP_KEY, self)
        self.reset_button = buttons.add(self.reset, RESET_KEY, self)
        column.addWidget(buttons)

        self.apply_row = QWidget()
        apply_layout = QHBoxLayout(self.apply_row)
        apply_layout.setContentsMargins(0, 0, 0, 0)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply_weights)
        self.apply_run_combo = QComboBox()
        self.apply_run_combo.currentIndexChanged.connect(
            lambda index: self.plots.set_detail_run(index) if index >= 0 else None)
        apply_layout.addWidget(self.apply_button, 1)
        apply_layout.addWidget(self.apply_run_combo)
        column.addWidget(self.apply_row)
        column.addStretch(1)

    def _build_banner(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("trainingBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self.banner)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.rollback_button = QPushButton()
        self.rollback_button.clicked.connect(self.rollback)
        action = QAction(self)
        action.setShortcut(QKeySequence(ROLLBACK_KEY))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.rollback() if self.banner.isVisible() else None)
        self.addAction(action)
        layout.addWidget(self.banner_label, 1)
        layout.addWidget(self.rollback_button)
        self.banner.setVisible(False)

    # -- StepView --------------------------------------------------------------------------------
    def rebuild(self) -> None:
        self._on_runs_changed()

    def show_step(self, step: int, progress: float = 1.0) -> None:
        self.step, self.progress = step, progress      # training does not follow the player

    # -- actions ---------------------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        self.hide_banner()
        self.lab.start()

    @Slot()
    def pause(self) -> None:
        self.lab.pause()

    @Slot()
    def step_once(self) -> None:
        self.hide_banner()
        self.lab.step_once()

    @Slot()
    def reset(self) -> None:
        self.hide_banner()
        self.lab.reset()

    @Slot()
    def rollback(self) -> bool:
        done = self.lab.rollback()
        if done:
            self.hide_banner()
        return done

    @Slot()
    def apply_weights(self) -> bool:
        """Send the chosen run's weights to the main window (``params_apply_requested``); a run that
        trains a network of its own (another architecture) cannot give its weights to the project."""
        runs = self.lab.runs
        if not runs:
            return False
        run = runs[max(0, min(self.apply_run_combo.currentIndex(), len(runs) - 1))]
        params = {key: value.copy() for key, value in run.current_params().items()}
        if run.fits(self.session.network):
            self.params_apply_requested.emit(params)
            return True
        own = run.session.network
        if own.input_size != self.session.network.input_size:
            self._on_problem(self.tr("“{run}” trains a network of its own; its weights do not fit the "
                                     "project's network.").format(run=run.name))
            return False
        from simulator.model.project import copy_network

        network = copy_network(own)          # the run's architecture with the weights it has learnt
        network.params = params
        self.network_apply_requested.emit(network, run.key or "")
        return True

    def load_csv(self, path: str, loss: str | None = None) -> None:
        """Train on a sequence file (one row per step: an optional sequence id, the inputs, the
        targets; see ``simulator.model.training.csv_task``)."""
        choices = {"task": "csv", "csv_path": str(path)}
        if loss is not None:
            choices["csv_loss"] = loss
        self.lab.choose(**choices)

    def shutdown(self) -> None:
        """Stop the worker (the main window calls this before it closes; tests in teardown)."""
        self.lab.shutdown()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)

    # -- reactions -------------------------------------------------------------------------------
    def _set_live(self, **values) -> None:
        if self._updating_controls:
            return
        self._updating_controls = True          # the controls already show it: no echo while typing
        try:
            self.lab.set_config(**values)
        finally:
            self._updating_controls = False
        self.plots.refresh()

    def _choose(self, **choices) -> None:
        if not self._updating_controls:
            self.lab.choose(**choices)

    def _config_value(self, key: str, default):
        runs = self.lab.runs
        return getattr(runs[0].session.config, key, default) if runs else default

    @Slot(int)
    def _on_loss_chosen(self, index: int) -> None:
        """The loss is the task's; only a sequence file leaves the choice to the user."""
        if self.lab.choices.get("task") == "csv" and not self._updating_controls:
            self.lab.choose(csv_loss=LOSSES[index])

    @Slot(int)
    def _on_task_chosen(self, index: int) -> None:
        kind = self.task_combo.itemData(index)
        if kind == "csv" and not self.lab.choices.get("csv_path"):
            self._choose_csv()
            return
        self.lab.choose(task=kind, csv_path=self.lab.choices.get("csv_path") if kind == "csv" else None)

    @Slot()
    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("A sequence file to train on"), "",
                                              self.tr("Comma-separated values (*.csv *.txt)"))
        if path:
            self.load_csv(path)
        else:
            self._sync_controls()

    @Slot(int)
    def _on_speed(self, index: int) -> None:
        rate = SPEEDS[index]
        if self.lab.worker is not None:
            # one item of the worker is one update of every run
            self.lab.worker.set_min_interval(0.0 if rate == 0 else 1.0 / rate)

    @Slot()
    def _on_runs_changed(self) -> None:
        self.plots.set_runs(self.lab.runs, self._reference())
        self.plots.set_log(self.log_check.isChecked())
        self._sync_controls()
        self.hide_banner()
        self._redraw()

    @Slot()
    def _on_config_changed(self) -> None:
        if not self._updating_controls:
            self._sync_controls()
        self.plots.refresh()

    @Slot(str)
    def _on_state_changed(self, state: str) -> None:
        if state in ("running", "paused") and self.lab.worker is not None:
            self._on_speed(self.speed_combo.currentIndex())
        self._update_buttons()
        self._redraw()

    @Slot(int, str)
    def _on_diverged(self, index: int, message: str) -> None:
        runs = self.lab.runs
        name = runs[index].name if 0 <= index < len(runs) else ""
        text = message or self.tr("the numbers stopped being finite")
        if name and len(runs) > 1:
            text = f"<b>{name}</b>: {text}"
        others = [run for run in runs if not run.session.diverged]
        more = self.tr("Training paused. Roll back to the last finite weights, or press Start to go on with the "
                   "other runs.") if others else self.tr("Training paused. Roll back to the last finite weights.")
        self.banner_label.setText(f"<span style='font-size:{13 * self._zoom:.0f}pt'>⚠ {text}</span><br>{more}")
        self.banner.setVisible(True)
        self._style_banner()

    @Slot(str)
    def _on_problem(self, message: str) -> None:
        cannot_train = self.tr("Cannot train")
        self.note.setText(f"<b>{cannot_train}</b>: {message}")
        self.note.setVisible(True)

    def hide_banner(self) -> None:
        self.banner.setVisible(False)

    def banner_text(self) -> str:
        return "" if self.banner.isHidden() else self.banner_label.text()

    @Slot()
    def _redraw(self) -> None:
        if self.window().isVisible() and not self.isVisible():
            self._stale = True            # another tab is in front: draw when this one is shown
            return
        self._stale = False
        self.plots.refresh(live=self.lab.state == "running")
        self._update_status()
        self._update_buttons()

    def showEvent(self, event):
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._redraw()

    def _update_status(self) -> None:
        runs = self.lab.runs
        if not runs:
            nothing_to_train = self.tr("This scene has nothing to train.")
            self.status.setText(f"<i>{self.lab.error or nothing_to_train}</i>")
            return
        # Several runs trained side by side share the update count: say it once, in the first line, and
        # set the runs two to a row, so that six runs leave the plots most of the height.
        compact = len(runs) > 2 and len({run.session.config.steps for run in runs}) == 1
        lines = []
        for run in runs:
            curves = run.curves
            budget = run.session.config.steps
            # the colour square is the runs' legend for every plot
            default_name = self.tr("training")
            name = f"<b style='color:{run.colour}'>■ {run.name or default_name}</b> "
            if not curves.updates:
                lines.append(name + self.tr("not trained yet ({budget} updates to go)").format(budget=budget))
                continue
            loss = curves.losses[-1]
            norm = curves.norms_before[-1]
            parts = [] if compact else [self.tr("update {n} of {budget}").format(n=int(curves.updates[-1]),
                                                                                   budget=budget)]
            parts += [self.tr("loss {value}").format(value=format_value(loss, 4)),
                      self.tr("‖g‖ {value}").format(value=format_value(norm, 3))]
            if curves.clipped_updates:
                parts.append(self.tr("clipped {count}×").format(count=len(curves.clipped_updates)))
            if curves.test_losses:
                parts.append(self.tr("test loss {value}").format(value=format_value(curves.test_losses[-1], 4)))
            if run.session.diverged:
                blew_up = self.tr("blew up")
                parts.append(f"<b style='color:{palette(self._dark).output.name()}'>{blew_up}</b>")
            lines.append(name + " · ".join(parts))
        state = {"idle": self.tr("ready"), "running": self.tr("training…"), "paused": self.tr("paused"),
                 "diverged": self.tr("paused: a run blew up"), "finished": self.tr("done")}.get(self.lab.state, "")
        heading = f"<b>{state}</b>"
        counts = [int(run.curves.updates[-1]) for run in runs if run.curves.updates]
        if compact and counts:
            done = f"{min(counts)}" if min(counts) == max(counts) else f"{min(counts)}–{max(counts)}"
            heading += " · " + self.tr("update {n} of {budget}").format(n=done, budget=runs[0].session.config.steps)
        if compact:
            rows = "".join("<tr>" + "".join(f"<td style='padding-right:14px'>{line}</td>"
                                            for line in lines[i:i + 2]) + "</tr>"
                           for i in range(0, len(lines), 2))
            size = 10 * self._zoom
            self.status.setText(f"<span style='font-size:{size:.0f}pt'>{heading}<table cellspacing='0'>"
                                f"{rows}</table></span>")
            return
        self.status.setText(f"<span style='font-size:{11 * self._zoom:.0f}pt'>"
                            f"{heading}<br>" + "<br>".join(lines) + "</span>")

    def _update_buttons(self) -> None:
        state = self.lab.state
        has_runs = bool(self.lab.runs)
        running = state == "running"
        self.start_button.setEnabled(has_runs and not running)
        self.pause_button.setEnabled(running)
        self.step_button.setEnabled(has_runs and not running)
        self.reset_button.setEnabled(has_runs)
        trained = any(run.curves.updates for run in self.lab.runs)
        self.apply_button.setEnabled(trained and not running)
        self.start_button.setText(self.tr("Continue") if state == "paused" else self.tr("Start"))

    def _sync_controls(self) -> None:
        """Show the settings the runs really use (the scene's, unless the user changed them)."""
        self._updating_controls = True
        try:
            lab = self.lab
            self.task_combo.clear()
            if lab.has_training():
                self.task_combo.addItem(self.tr("The scene's task"), None)
            for kind in TASK_KINDS:
                self.task_combo.addItem(task_words(kind), kind)
            chosen = lab.choices.get("task")
            if chosen == "custom":
                self.task_combo.addItem(self.tr("a task given by a script"), "custom")
            index = self.task_combo.findData(chosen) if chosen is not None else 0
            self.task_combo.setCurrentIndex(max(0, index))
            task = lab.task
            self.task_description.setText(task.description if task is not None else "")
            self.csv_button.setVisible(chosen == "csv")
            runs = lab.runs
            self.loss_combo.setEnabled(chosen == "csv")
            if runs:
                config = runs[0].session.config
                self.loss_combo.setCurrentIndex(LOSSES.index(config.loss) if config.loss in LOSSES else 0)
                self.optimizer_combo.setCurrentIndex(
                    OPTIMIZERS.index(config.optimizer) if config.optimizer in OPTIMIZERS else 0)
                self.lr_spin.setValue(float(config.lr))
                self.clip_combo.setCurrentIndex(CLIP_MODES.index(config.clip_mode)
                                                if config.clip_mode in CLIP_MODES else 0)
                self.clip_spin.setValue(float(config.clip_threshold or LECTURE_CLIP))
                self.truncate_spin.setValue(int(config.truncate or 0))
                self.seed_spin.setValue(int(config.seed or 0))
                self.steps_spin.setValue(int(config.steps))
            self.init_combo.setCurrentIndex(INITS.index(lab.choices.get("init", "project")))
            scene_runs = lab.scene_runs()
            self.runs_check.setVisible(len(scene_runs) > 1)
            self.runs_check.setChecked(bool(lab.choices.get("use_scene_runs", True)))
            fixed = set().union(*(run.fixed for run in runs)) if runs else set()
            for name, widget in (("clip_mode", self.clip_combo), ("clip_threshold", self.clip_spin)):
                widget.setToolTip(self._tooltips[name] + ("\n" + self.tr("Each run of this scene sets this itself.")
                                                          if name in fixed else ""))
            self.apply_run_combo.clear()
            for run in runs:
                self.apply_run_combo.addItem(run.name or self.tr("training"))
            self.apply_run_combo.setVisible(len(runs) > 1)
            note = lab.note
            cannot_train = self.tr("Cannot train")
            self.note.setText(note if not lab.error else f"<b>{cannot_train}</b>: {lab.error}")
            self.note.setVisible(bool(note or lab.error))
        finally:
            self._updating_controls = False
        self._update_buttons()

    def _reference(self):
        """A horizontal reference on the loss plot: the task's baseline (the adding problem's "always
        answer 1" MSE of 1/6)."""
        task = self.lab.task
        baseline = getattr(task, "baseline", None) if task is not None else None
        if baseline is None:
            return None
        if task.name == "adding":
            return float(baseline), self.tr("always answering 1: MSE 0.167")
        return float(baseline), self.tr("baseline {value}").format(value=format_value(float(baseline), 3))

    # -- look ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.task_group.setTitle(self.tr("Task"))
        self.task_label.setText(self.tr("Train on"))
        self.csv_button.setText(self.tr("Load a sequence file (CSV)…"))
        self.csv_button.setToolTip(self.tr("A table with one row per step: an optional sequence id, then the "
                                           "network's inputs, then its targets (or one class index for "
                                           "cross-entropy); a header row is skipped"))
        self.settings_group.setTitle(self.tr("How to train"))
        texts = {"loss": self.tr("Loss"), "optimizer": self.tr("Optimiser"), "lr": self.tr("Learning rate η"),
                 "clip": self.tr("Clipping"), "threshold": self.tr("Threshold"), "truncate": self.tr("BPTT window"),
                 "init": self.tr("Start from"), "seed": self.tr("Seed"), "steps": self.tr("Updates"),
                 "speed": self.tr("Speed")}
        for name, text in texts.items():
            self._labels[name].setText(text)
        for index, text in enumerate((self.tr("cross-entropy"), self.tr("mean squared error"))):
            self.loss_combo.setItemText(index, text)
        optimizers = (self.tr("SGD"), self.tr("SGD with momentum"), self.tr("RMSprop"), self.tr("Adam"))
        for index, text in enumerate(optimizers):
            self.optimizer_combo.setItemText(index, text)
        for index, text in enumerate((self.tr("none"), self.tr("each component (value)"), self.tr("global norm"))):
            self.clip_combo.setItemText(index, text)
        for index, text in enumerate((self.tr("the project's weights"), self.tr("random (seed)"),
                                      self.tr("identity W_a (IRNN)"), self.tr("forget-gate bias 1 (LSTM)"))):
            self.init_combo.setItemText(index, text)
        for index, rate in enumerate(SPEEDS):
            self.speed_combo.setItemText(index, self.tr("as fast as possible") if rate == 0
                                         else self.tr("{n} updates a second").format(n=rate))
        self.truncate_spin.setSpecialValueText(self.tr("full BPTT"))
        self._tooltips = {
            "loss": self.tr("The task decides the loss (for a sequence file you choose): cross-entropy compares "
                            "the softmax output with the reference class, mean squared error the output with a "
                            "target number"),
            "optimizer": self.tr("How a gradient becomes a weight change: plain steps (SGD), with momentum, or scaled "
                             "per weight by the gradient's recent size (RMSprop, Adam)"),
            "lr": self.tr("η: the step size; each update moves the weights by −η times the (clipped) gradient"),
            "clip_mode": self.tr("Gradient clipping: none; each component cut to ±threshold; or the whole gradient "
                             "g scaled down to length threshold when ‖g‖ is longer"),
            "clip_threshold": self.tr("The clipping threshold (the lecture clips at 15)"),
            "truncate": self.tr("Truncated BPTT: the gradient flows back at most this many steps; full BPTT goes back "
                            "to t = 1"),
            "init": self.tr("The weights training starts from: the project's own, random ones, the identity as the "
                        "recurrent matrix (IRNN, Le et al. 2015), or a forget-gate bias of 1 so an LSTM keeps its "
                        "memory at first"),
            "seed": self.tr("The seed of the random numbers (initial weights, task data, minibatches): the same "
                        "seed repeats a run exactly"),
            "steps": self.tr("How many updates Start runs (the budget)"),
            "speed": self.tr("Slow the training down to watch it, or let it run as fast as the computer can"),
        }
        for name, widget in (("loss", self.loss_combo), ("optimizer", self.optimizer_combo), ("lr", self.lr_spin),
                             ("clip_mode", self.clip_combo), ("clip_threshold", self.clip_spin),
                             ("truncate", self.truncate_spin), ("init", self.init_combo),
                             ("seed", self.seed_spin), ("steps", self.steps_spin), ("speed", self.speed_combo)):
            widget.setToolTip(self._tooltips[name])
        self.runs_check.setText(self.tr("Train the scene's runs side by side"))
        self.runs_check.setToolTip(self.tr("The scene compares several runs from the same start (e.g. without and "
                                       "with clipping); untick to train one run with the settings above"))
        self.log_check.setText(self.tr("Logarithmic axes"))
        self.log_check.setToolTip(self.tr("Show loss and gradient norms on a log scale, where a factor of 10 is "
                                      "always the same distance"))
        for button, text, key, tip in (
                (self.start_button, self.tr("Start"), START_KEY, self.tr("Train: update the weights again and again")),
                (self.pause_button, self.tr("Pause"), PAUSE_KEY, self.tr("Stop after the update being computed")),
                (self.step_button, self.tr("One update"), STEP_KEY, self.tr("One update of every run, then pause")),
                (self.reset_button, self.tr("Reset"), RESET_KEY,
                 self.tr("Back to the starting weights; the same seed repeats the run exactly"))):
            button.setText(text)
            button.setToolTip(f"{tip} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})")
        self.rollback_button.setText(self.tr("Roll back"))
        self.rollback_button.setToolTip(self.tr("Restore the last finite weights (from just before the blow-up); "
                                            "the curves that led there stay") + f" ({ROLLBACK_KEY})")
        self.apply_button.setText(self.tr("Use these weights"))
        self.apply_button.setToolTip(self.tr("Put the trained weights into the project (can be undone), so the other "
                                         "views show what the network learnt"))
        self.apply_run_combo.setToolTip(self.tr("The run whose weights “Use these weights” takes and whose "
                                                "gradient norms per weight are drawn"))
        self.plots.retranslate()
        self._sync_controls()
        self._update_status()
        self._update_buttons()

    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        self.plots.set_dark(dark)
        self._style_banner()
        self._redraw()

    def set_zoom(self, factor: float) -> None:
        self._zoom = max(0.5, float(factor))
        self.plots.set_zoom(self._zoom)
        font = self.font()
        font.setPointSizeF(max(8.0, 10.0 * self._zoom))
        self.controls.setFont(font)
        self._update_status()

    def _style_banner(self) -> None:
        pal = palette(self._dark)
        self.banner.setStyleSheet(
            f"#trainingBanner {{ background: {pal.highlight.name()}; border: 2px solid {pal.output.name()};"
            f" border-radius: 6px; }} #trainingBanner QLabel {{ color: #1b1f24; }}")


class NumberSpin(QDoubleSpinBox):
    """A spin box that writes 1 and 0.001 rather than 1.000000 and 0.001000."""

    def textFromValue(self, value: float) -> str:
        return f"{value:.{self.decimals()}f}".rstrip("0").rstrip(".") or "0"


class QGridButtons(QWidget):
    """The four training buttons in a 2 × 2 grid, each with a shortcut while the panel has the focus."""

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtWidgets import QGridLayout

        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._count = 0

    def add(self, slot, key: str, owner: QWidget) -> QPushButton:
        button = QPushButton()
        button.clicked.connect(slot)
        action = QAction(owner)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: button.click() if button.isEnabled() else None)
        owner.addAction(action)
        self._grid.addWidget(button, self._count // 2, self._count % 2)
        self._count += 1
        return button


def task_words(kind: str) -> str:
    translate = QCoreApplication.translate
    return {"lecture": translate("TrainingView", "the lecture's sequences"),
            "adding": translate("TrainingView", "the adding problem"),
            "slots": translate("TrainingView", "ticket booking: slot filling"),
            "csv": translate("TrainingView", "a sequence file (CSV)")}.get(kind, kind)

