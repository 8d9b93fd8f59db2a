"""The network builder: a form that describes the session's network and asks for a new one.

The panel never changes the session. It reads the current architecture (``refresh()``, on
``project_changed``), lets the user edit a copy of it, and emits ``network_edit_requested(new)``
with a freshly built :class:`Network`; the main window wraps that in an undo command calling
``session.set_network(new, keep_weights_from=old)``, which keeps what fits of the old weights.

Edits apply as soon as they are made — the forward pass of these small networks takes well under a
millisecond and every edit is undoable, so there is nothing an Apply button would protect — but spin
boxes and the clock-period text are debounced (300 ms): typing "16" must not build a 1-unit network
first. ``flush()`` applies pending edits at once (tests, and before anything else is applied).

The form shows one stack: a field set here is set on every layer (kind-specific options on the
layers of that kind), so a network whose layers differ keeps what the user did not touch.
"""
from __future__ import annotations

import copy
import re
from contextlib import contextmanager
from html import escape
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QFrame, QGroupBox,
                               QLabel, QLineEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from simulator.engine import activations
from simulator.engine.cells.jordan import OUTPUT_ACTIVATIONS as JORDAN_OUTPUT_ACTIVATIONS
from simulator.engine.network import HEAD_ACTIVATIONS, Network
from simulator.gui import style

KINDS = ("elman", "jordan", "lstm", "gru", "irnn", "clockwork", "scrn", "feedforward")
MAX_LAYERS = 8
MAX_UNITS = 64
MAX_INPUTS = 64
DEBOUNCE_MS = 300

#: the cell options each kind takes, by their names in ``Cell.options()``
KIND_OPTIONS: dict[str, tuple[str, ...]] = {
    "elman": ("activation",),
    "jordan": ("activation", "output_size", "output_activation"),
    "lstm": ("gate", "g", "h", "recurrence", "peephole", "forget_bias"),
    "gru": ("activation",),
    "irnn": ("activation", "identity_scale"),
    "clockwork": ("activation", "periods"),
    "scrn": ("activation", "context_size", "alpha"),
    "feedforward": ("activation",),
}

#: form field (the name ``set_option`` takes) → (kind it belongs to, name of the cell option)
CELL_OPTION_FIELDS: dict[str, tuple[str, str]] = {
    "recurrence": ("lstm", "recurrence"), "peephole": ("lstm", "peephole"), "gate": ("lstm", "gate"),
    "g": ("lstm", "g"), "h": ("lstm", "h"), "forget_bias": ("lstm", "forget_bias"),
    "jordan_output_size": ("jordan", "output_size"), "output_activation": ("jordan", "output_activation"),
    "periods": ("clockwork", "periods"),
    "context_size": ("scrn", "context_size"), "alpha": ("scrn", "alpha"),
    "identity_scale": ("irnn", "identity_scale"),
}
HEAD_FIELDS = ("head_activation", "head_output_size", "head_use_bias")
LAYER_FIELDS = ("input_size", "units", "kind", "layers", "bidirectional", "activation")
#: the order edits are applied in, whatever order they were made in: units before kind, so the
#: defaults of a newly chosen kind (clock periods, SCRN context) fit the new width
FIELD_ORDER = LAYER_FIELDS + tuple(CELL_OPTION_FIELDS) + HEAD_FIELDS

#: σ that defines a kind: switching to it sets σ (an IRNN is a ReLU network by definition)
DEFINING_ACTIVATION = {"irnn": "relu"}


def default_clock_periods(hidden_size: int) -> list[int]:
    return [2 ** k for k in range(min(hidden_size, 4))]


def default_options(kind: str, hidden_size: int) -> dict[str, Any]:
    """The engine's defaults for a kind's options, at this width."""
    return {
        "elman": {"activation": "tanh"},
        "jordan": {"activation": "tanh", "output_size": 1, "output_activation": "linear"},
        "lstm": {"gate": "sigmoid", "g": "tanh", "h": "tanh", "recurrence": True, "peephole": False,
                 "forget_bias": 0.0},
        "gru": {"activation": "tanh"},
        "irnn": {"activation": "relu", "identity_scale": 1.0},
        "clockwork": {"activation": "tanh", "periods": default_clock_periods(hidden_size)},
        "scrn": {"activation": "sigmoid", "context_size": max(1, hidden_size // 2), "alpha": 0.95},
        "feedforward": {"activation": "tanh"},
    }[kind]


def parse_periods(text: str) -> list[int] | None:
    """"1, 2, 4, 8" → [1, 2, 4, 8]; None when the text is not a list of whole numbers."""
    parts = [p for p in re.split(r"[,;\s，]+", text.strip()) if p]
    if not parts or not all(re.fullmatch(r"[+-]?\d{1,6}", p) for p in parts):
        return None
    return [int(p) for p in parts]


def layer_output_size(layer: dict) -> int:
    if layer["kind"] == "jordan":
        width = int(layer.get("output_size", 1))
    elif layer["kind"] == "scrn":
        hidden = int(layer["hidden_size"])
        width = hidden + int(layer.get("context_size") or max(1, hidden // 2))
    else:
        width = int(layer["hidden_size"])
    return width * (2 if layer.get("bidirectional") else 1)


def one_layer_count(kind: str, input_size: int, hidden_size: int, options: dict | None = None) -> int:
    """Parameters of one layer of ``kind``, H units on D inputs, with no output layer."""
    spec = {"kind": kind, "hidden_size": hidden_size, **(options or {})}
    return Network.build(input_size, [spec], {"activation": "identity"}).parameter_count()


def format_ratio(ratio: float) -> str:
    return f"{ratio:.0f}" if abs(ratio - round(ratio)) < 0.05 else f"{ratio:.1f}"


class BuilderPanel(QWidget):
    #: a new Network the user built (the main window applies it as an undoable edit)
    network_edit_requested = Signal(object)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._spec: dict | None = None       # the architecture the form was last read from / emitted
        self._dtype = None
        self._touched: list[str] = []        # fields edited since then, not yet applied
        self._remembered: dict[str, dict] = {}  # each kind's options as last seen, to restore on return
        self._dark = False
        self._summary_plain = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._build_ui()
        self.retranslate()
        session.project_changed.connect(self.refresh)
        self.destroyed.connect(lambda *_: session.project_changed.disconnect(self.refresh))
        self.refresh()

    # -- construction -----------------------------------------------------------------------------
    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        column = QVBoxLayout(content)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(10)

        self.labels: dict[str, QLabel] = {}    # row labels, by field
        self.errors: dict[str, QLabel] = {}    # per-field messages, hidden while the field is fine
        self._rows: dict[str, tuple[QFormLayout, QLabel]] = {}

        # What has been built, first: the answer to "how big is this network?"
        self.summary_box = QGroupBox()
        summary_layout = QVBoxLayout(self.summary_box)
        summary_layout.setContentsMargins(8, 6, 8, 8)
        summary_layout.setSpacing(4)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.comparison_label = QLabel()
        self.comparison_label.setWordWrap(True)
        self.general_error = self._error_label()
        summary_layout.addWidget(self.summary_label)
        summary_layout.addWidget(self.comparison_label)
        summary_layout.addWidget(self.general_error)
        column.addWidget(self.summary_box)

        # The recurrent layers.
        self.layers_group, form = self._group()
        self.kind_combo = self._narrow_combo()
        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self._add_row(form, "kind", self.kind_combo)
        self.layers_spin = self._spin(1, MAX_LAYERS, "layers")
        self._add_row(form, "layers", self.layers_spin)
        self.units_spin = self._spin(1, MAX_UNITS, "units")
        self._add_row(form, "units", self.units_spin)
        self.units_note = QLabel()     # short: no word wrap, so the row is one line high
        form.addRow("", self.units_note)
        self.bidirectional_check = self._check("bidirectional")
        self._add_row(form, "bidirectional", self.bidirectional_check)
        self.input_spin = self._spin(1, MAX_INPUTS, "input_size")
        self._add_row(form, "input_size", self.input_spin)
        self.activation_combo = self._combo(activations.NAMES, "activation")
        self._add_row(form, "activation", self.activation_combo)
        self.mixed_note = self._note_label()
        form.addRow(self.mixed_note)
        form.setRowVisible(self.mixed_note, False)
        self._layers_form = form
        column.addWidget(self.layers_group)

        # LSTM.
        self.lstm_group, form = self._group()
        self.recurrence_check = self._check("recurrence")
        self._add_row(form, "recurrence", self.recurrence_check)
        self.peephole_check = self._check("peephole")
        self._add_row(form, "peephole", self.peephole_check)
        self.gate_combo = self._combo(activations.NAMES, "gate")
        self._add_row(form, "gate", self.gate_combo)
        self.g_combo = self._combo(activations.NAMES, "g")
        self._add_row(form, "g", self.g_combo)
        self.h_combo = self._combo(activations.NAMES, "h")
        self._add_row(form, "h", self.h_combo)
        self.forget_bias_spin = self._double_spin(-20.0, 20.0, 0.5, 2, "forget_bias")
        self._add_row(form, "forget_bias", self.forget_bias_spin)
        column.addWidget(self.lstm_group)

        # Jordan.
        self.jordan_group, form = self._group()
        self.jordan_output_spin = self._spin(1, MAX_UNITS, "jordan_output_size")
        self._add_row(form, "jordan_output_size", self.jordan_output_spin)
        self.jordan_activation_combo = self._combo(JORDAN_OUTPUT_ACTIVATIONS, "output_activation")
        self._add_row(form, "output_activation", self.jordan_activation_combo)
        column.addWidget(self.jordan_group)

        # Clockwork.
        self.clockwork_group, form = self._group()
        self.periods_edit = QLineEdit()
        self.periods_edit.textEdited.connect(lambda _text: self._edited("periods", debounce=True))
        self.periods_edit.editingFinished.connect(self.flush)
        self._add_row(form, "periods", self.periods_edit)
        column.addWidget(self.clockwork_group)

        # SCRN.
        self.scrn_group, form = self._group()
        self.context_spin = self._spin(1, MAX_UNITS, "context_size")
        self._add_row(form, "context_size", self.context_spin)
        self.alpha_spin = self._double_spin(0.0, 1.0, 0.05, 2, "alpha")
        self._add_row(form, "alpha", self.alpha_spin)
        column.addWidget(self.scrn_group)

        # IRNN.
        self.irnn_group, form = self._group()
        self.identity_scale_spin = self._double_spin(0.0, 10.0, 0.1, 2, "identity_scale")
        self._add_row(form, "identity_scale", self.identity_scale_spin)
        column.addWidget(self.irnn_group)

        # The output layer.
        self.head_group, form = self._group()
        self.head_activation_combo = self._combo(HEAD_ACTIVATIONS, "head_activation")
        self._add_row(form, "head_activation", self.head_activation_combo)
        self.head_output_spin = self._spin(1, MAX_UNITS, "head_output_size")
        self._add_row(form, "head_output_size", self.head_output_spin)
        self.head_bias_check = self._check("head_use_bias")
        self._add_row(form, "head_use_bias", self.head_bias_check)
        column.addWidget(self.head_group)
        column.addStretch(1)

        self.kind_groups = {"lstm": self.lstm_group, "jordan": self.jordan_group,
                            "clockwork": self.clockwork_group, "scrn": self.scrn_group,
                            "irnn": self.irnn_group}
        self._apply_colors()

    def _group(self) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox()
        form = QFormLayout(group)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setContentsMargins(8, 6, 8, 8)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)
        return group, form

    def _add_row(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setBuddy(widget)
        form.addRow(label, widget)
        error = self._error_label()
        form.addRow("", error)
        form.setRowVisible(error, False)
        self.labels[field] = label
        self.errors[field] = error
        self._rows[field] = (form, error)

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setVisible(False)
        return label

    def _note_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        return label

    def _spin(self, low: int, high: int, field: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.valueChanged.connect(lambda _value: self._edited(field, debounce=True))
        spin.editingFinished.connect(self.flush)
        return spin

    def _double_spin(self, low: float, high: float, step: float, decimals: int, field: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setDecimals(decimals)
        spin.valueChanged.connect(lambda _value: self._edited(field, debounce=True))
        spin.editingFinished.connect(self.flush)
        return spin

    def _combo(self, names, field: str) -> QComboBox:
        combo = self._narrow_combo()
        for name in names:
            combo.addItem(name, name)
        combo.currentIndexChanged.connect(lambda _index: self._edited(field))
        return combo

    @staticmethod
    def _narrow_combo() -> QComboBox:
        # Size to a few characters, not the longest item, so the panel fits a narrow dock.
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _check(self, field: str) -> QCheckBox:
        check = QCheckBox()
        check.toggled.connect(lambda _on: self._edited(field))
        return check

    def _field_widgets(self) -> list[QWidget]:
        return [self.kind_combo, self.layers_spin, self.units_spin, self.bidirectional_check, self.input_spin,
                self.activation_combo, self.recurrence_check, self.peephole_check, self.gate_combo,
                self.g_combo, self.h_combo, self.forget_bias_spin, self.jordan_output_spin,
                self.jordan_activation_combo, self.periods_edit, self.context_spin, self.alpha_spin,
                self.identity_scale_spin, self.head_activation_combo, self.head_output_spin,
                self.head_bias_check]

    @contextmanager
    def _quiet(self):
        """Set widgets from the program without their changes counting as the user's edits."""
        blockers = [QSignalBlocker(widget) for widget in self._field_widgets()]
        try:
            yield
        finally:
            for blocker in blockers:
                blocker.unblock()

    # -- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.summary_box.setTitle(self.tr("This network"))
        self.layers_group.setTitle(self.tr("Recurrent layers"))
        self.lstm_group.setTitle(self.tr("LSTM options"))
        self.jordan_group.setTitle(self.tr("Jordan options"))
        self.clockwork_group.setTitle(self.tr("Clockwork options"))
        self.scrn_group.setTitle(self.tr("SCRN options"))
        self.irnn_group.setTitle(self.tr("IRNN options"))
        self.head_group.setTitle(self.tr("Output layer"))

        kind_names = {
            "elman": self.tr("Simple RNN (Elman)"), "jordan": self.tr("Jordan"), "lstm": self.tr("LSTM"),
            "gru": self.tr("GRU"), "irnn": self.tr("IRNN"), "clockwork": self.tr("Clockwork RNN"),
            "scrn": self.tr("SCRN"), "feedforward": self.tr("Feed-forward (no memory)"),
        }
        kind_tips = {
            "elman": self.tr("Memory holds the hidden outputs a^{t−1} of the previous step; they are added to "
                             "the next input's weighted sum."),
            "jordan": self.tr("Memory holds the network's output y^{t−1} (which has a target), not the hidden "
                              "outputs."),
            "lstm": self.tr("Memory is a cell c: an input gate lets a new value in, a forget gate keeps or "
                            "erases it, an output gate lets it out."),
            "gru": self.tr("Memory is the hidden output a^{t−1}; one update gate decides both what to forget and "
                           "what to let in (2 gates, not 3)."),
            "irnn": self.tr("A ReLU simple RNN whose memory weights start as the identity: the memory a^{t−1} is "
                            "first copied unchanged."),
            "clockwork": self.tr("Memory a^{t−1} split into modules with clock periods: a slow module updates "
                                 "rarely and keeps its value in between."),
            "scrn": self.tr("Two memories: the hidden outputs a^{t−1} and slow context units s that fade by a "
                            "fixed α each step."),
            "feedforward": self.tr("No memory: the same input always gives the same output."),
        }
        self._kind_names, self._kind_tips = kind_names, kind_tips
        for index, kind in enumerate(KINDS):
            self.kind_combo.setItemText(index, kind_names[kind])
            self.kind_combo.setItemData(index, kind_tips[kind], Qt.ItemDataRole.ToolTipRole)
        self.head_activation_combo.setItemText(0, self.tr("none (identity)"))

        labels = {
            "kind": self.tr("Cell type"), "layers": self.tr("Layers"), "units": self.tr("Units per layer"),
            "bidirectional": self.tr("Direction"), "input_size": self.tr("Input size"),
            "activation": self.tr("Activation σ"), "recurrence": self.tr("Recurrence"),
            "peephole": self.tr("Peephole"), "gate": self.tr("Gates f"), "g": self.tr("Input g"),
            "h": self.tr("Output h"), "forget_bias": self.tr("Forget-gate bias"),
            "jordan_output_size": self.tr("Output size"), "output_activation": self.tr("Output σ_y"),
            "periods": self.tr("Clock periods"), "context_size": self.tr("Context units"),
            "alpha": self.tr("Decay α"), "identity_scale": self.tr("Identity scale"),
            "head_activation": self.tr("Activation σ_y"), "head_output_size": self.tr("Output size"),
            "head_use_bias": self.tr("Bias"),
        }
        for field, text in labels.items():
            self.labels[field].setText(text)
        # One label column for every section, so the fields line up down the whole panel.
        label_width = max(label.sizeHint().width() for label in self.labels.values())
        for label in self.labels.values():
            label.setMinimumWidth(label_width)
        self.bidirectional_check.setText(self.tr("Bidirectional"))
        self.recurrence_check.setText(self.tr("aᵗ⁻¹ into the gates"))
        self.peephole_check.setText(self.tr("cᵗ⁻¹ into the gates"))
        self.head_bias_check.setText(self.tr("Add a bias b"))
        self.units_note.setText(self.tr("1–16 units draw best."))
        self.periods_edit.setPlaceholderText(self.tr("1, 2, 4, 8"))

        tips = {
            self.layers_spin: self.tr("How many recurrent layers are stacked; each layer has its own memory."),
            self.units_spin: self.tr("Hidden units per layer (the width H). The views draw 1–16 units best."),
            self.bidirectional_check: self.tr("Each layer also reads the sequence backwards, so y^t sees the "
                                              "whole sequence; the layer's output is twice as wide."),
            self.recurrence_check: self.tr("Recurrence: the previous hidden output a^{t−1} also feeds z, z_i, "
                                           "z_f and z_o (the full LSTM). Off: they see only the input x^t, as in "
                                           "the lecture's worked example."),
            self.peephole_check: self.tr("Peephole: the memory c^{t−1} also feeds z, z_i, z_f and z_o."),
            self.gate_combo: self.tr("f: the gate function, applied to z_i, z_f and z_o; sigmoid keeps each "
                                     "gate between 0 (closed) and 1 (open)."),
            self.g_combo: self.tr("g: applied to z, the value to store: c′ = g(z)·f(z_i) + c·f(z_f)."),
            self.h_combo: self.tr("h: applied to the memory before the output gate: a = h(c′)·f(z_o)."),
            self.forget_bias_spin: self.tr("Starting bias of the forget-gate signal z_f for new cells: a large "
                                           "value makes f(z_f) ≈ 1, so the cell remembers by default. Weights "
                                           "that already exist are kept."),
            self.jordan_output_spin: self.tr("How many outputs y^t the Jordan layer has: they are what its "
                                             "memory stores."),
            self.jordan_activation_combo: self.tr("σ_y: the function of the Jordan layer's output "
                                                  "y^t = σ_y(W_y a^t + b_y)."),
            self.periods_edit: self.tr("Clock period of each module, fastest first: a module with period T "
                                       "updates only at steps t with t mod T = 0 and keeps its value otherwise. "
                                       "Each module needs at least one unit."),
            self.context_spin: self.tr("Slow context units s: their memory fades by a fixed α each step "
                                       "instead of through learned weights."),
            self.alpha_spin: self.tr("α: how much of the context s^{t−1} is kept each step: "
                                     "s^t = (1 − α)·B x^t + α·s^{t−1}. Close to 1 remembers longer."),
            self.identity_scale_spin: self.tr("The memory weights W_a start as this number times the identity "
                                              "matrix (new cells only; weights that already exist are kept)."),
            self.head_activation_combo: self.tr("σ_y of the output layer y^t = σ_y(W a^t + b); identity means no "
                                                "output layer: y^t = a^t."),
            self.head_output_spin: self.tr("How many outputs y^t. With no output layer (identity) y^t = a^t, "
                                           "so it equals the top layer's width."),
            self.head_bias_check: self.tr("Whether the output layer adds a bias b to W a^t."),
        }
        for widget, tip in tips.items():
            widget.setToolTip(tip)
        self._update_input_tooltip()
        self._update_activation_tooltip()
        self.kind_combo.setToolTip(self._kind_tips[self.kind()])
        if self._spec is not None:
            self._update_preview()

    def _update_input_tooltip(self) -> None:
        if self._has_encoding():
            self.input_spin.setToolTip(self.tr("Fixed by the scene's word encoding: one input per dimension "
                                               "of the encoded word."))
        else:
            self.input_spin.setToolTip(self.tr("How many numbers each input vector x^t has."))

    def _update_activation_tooltip(self) -> None:
        if self.kind() == "gru":
            tip = self.tr("σ: the function of the candidate n = σ(W x^t + r·(W a^{t−1})).")
        elif self.kind() == "feedforward":
            tip = self.tr("σ: the function applied to each unit's weighted sum: a^t = σ(W_x x^t + b).")
        else:
            tip = self.tr("σ: the function applied to each unit's weighted sum: "
                          "a^t = σ(W_x x^t + W_a a^{t−1} + b).")
        self.activation_combo.setToolTip(tip)

    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        self._apply_colors()

    def _apply_colors(self) -> None:
        pal = style.palette(self._dark)
        error_css = f"color: {pal.output.name()};"
        for label in list(self.errors.values()) + [self.general_error]:
            label.setStyleSheet(error_css)
        muted_css = f"color: {pal.muted.name()};"
        self.units_note.setStyleSheet(muted_css)
        self.mixed_note.setStyleSheet(muted_css)
        self.comparison_label.setStyleSheet(muted_css)

    # -- reading the session ----------------------------------------------------------------------
    def _has_encoding(self) -> bool:
        project = getattr(self.session, "project", None)
        return project is not None and project.encoding is not None

    def refresh(self) -> None:
        """Show the session's current architecture. Emits nothing; drops edits not yet applied."""
        self._timer.stop()
        self._touched.clear()
        project = getattr(self.session, "project", None)
        if project is None:
            self._spec = None
            self.setEnabled(False)
            return
        self.setEnabled(True)
        network = self.session.network
        config = network.config()
        self._dtype = network.dtype
        self._spec = {"input_size": config["input_size"], "layers": copy.deepcopy(config["layers"]),
                      "head": dict(config["head"])}
        for layer in self._spec["layers"]:
            self._remember(layer)
        self._load_form(self._spec)
        self._update_preview()

    def _remember(self, layer: dict) -> None:
        kind = layer["kind"]
        self._remembered[kind] = {name: copy.deepcopy(layer[name]) for name in KIND_OPTIONS[kind] if name in layer}

    def _load_form(self, spec: dict) -> None:
        """Put ``spec`` into the widgets without any of them reporting an edit."""
        first = spec["layers"][0] if spec["layers"] else {"kind": "elman", "hidden_size": 1}
        kind = first["kind"]
        with self._quiet():
            self.kind_combo.setCurrentIndex(KINDS.index(kind))
            self._set_spin(self.layers_spin, len(spec["layers"]))
            self._set_spin(self.units_spin, first["hidden_size"])
            self.bidirectional_check.setChecked(bool(first.get("bidirectional")))
            self._set_spin(self.input_spin, spec["input_size"])
            self._load_options(kind, first)
            head = spec["head"]
            self._set_combo(self.head_activation_combo, head["activation"])
            self._set_spin(self.head_output_spin, head["output_size"])
            self.head_bias_check.setChecked(bool(head.get("use_bias", True)))
        self.input_spin.setEnabled(not self._has_encoding())
        self._update_input_tooltip()
        kinds = [layer["kind"] for layer in spec["layers"]]
        widths = {layer["hidden_size"] for layer in spec["layers"]}
        mixed = len(set(kinds)) > 1 or len(widths) > 1 or len({bool(layer.get("bidirectional"))
                                                              for layer in spec["layers"]}) > 1
        if mixed:
            self.mixed_note.setText(self.tr("The layers differ ({kinds}). The form shows layer 1; a field you "
                                            "change is set on every layer.").format(kinds=", ".join(kinds)))
        self._layers_form.setRowVisible(self.mixed_note, mixed)
        self._clear_errors()
        self._show_kind_sections(kind)

    def _load_options(self, kind: str, options: dict) -> None:
        """Show a kind's options in its widgets (signals must already be blocked)."""
        if "activation" in options:
            self._set_combo(self.activation_combo, options["activation"])
        if kind == "lstm":
            self.recurrence_check.setChecked(bool(options.get("recurrence", True)))
            self.peephole_check.setChecked(bool(options.get("peephole", False)))
            self._set_combo(self.gate_combo, options.get("gate", "sigmoid"))
            self._set_combo(self.g_combo, options.get("g", "tanh"))
            self._set_combo(self.h_combo, options.get("h", "tanh"))
            self.forget_bias_spin.setValue(float(options.get("forget_bias", 0.0)))
        elif kind == "jordan":
            self._set_spin(self.jordan_output_spin, options.get("output_size", 1))
            self._set_combo(self.jordan_activation_combo, options.get("output_activation", "linear"))
        elif kind == "clockwork":
            self.periods_edit.setText(", ".join(str(p) for p in options.get("periods") or []))
        elif kind == "scrn":
            self._set_spin(self.context_spin, options.get("context_size") or 1)
            self.alpha_spin.setValue(float(options.get("alpha", 0.95)))
        elif kind == "irnn":
            self.identity_scale_spin.setValue(float(options.get("identity_scale", 1.0)))

    @staticmethod
    def _set_spin(spin: QSpinBox, value: int) -> None:
        # A project may hold more than the form offers (a big text scene): widen rather than clip.
        if value > spin.maximum():
            spin.setMaximum(int(value))
        spin.setValue(int(value))

    @staticmethod
    def _set_combo(combo: QComboBox, name: str) -> None:
        index = combo.findData(name)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _show_kind_sections(self, kind: str) -> None:
        for group_kind, group in self.kind_groups.items():
            group.setVisible(group_kind == kind)
        uses_activation = "activation" in KIND_OPTIONS[kind]
        form, _ = self._rows["activation"]
        form.setRowVisible(self.activation_combo, uses_activation)
        self._update_activation_tooltip()
        self.kind_combo.setToolTip(self._kind_tips[kind])   # what this kind keeps in memory

    # -- editing ----------------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _kind_chosen(self, _index: int) -> None:
        kind = self.kind()
        previous = self._spec["layers"][0]["kind"] if self._spec and self._spec["layers"] else None
        options = dict(default_options(kind, self.units_spin.value()))
        remembered = self._remembered.get(kind)
        if remembered:
            options.update(remembered)
        elif kind in DEFINING_ACTIVATION:
            options["activation"] = DEFINING_ACTIVATION[kind]
        elif "activation" in options and previous and "activation" in KIND_OPTIONS[previous]:
            options["activation"] = self.activation_combo.currentData()   # keep the σ the user had
        with self._quiet():
            self._load_options(kind, options)
        self._show_kind_sections(kind)
        self._edited("kind")

    def _edited(self, field: str, debounce: bool = False) -> None:
        if self._spec is None:
            return
        if field not in self._touched:
            self._touched.append(field)
        if debounce:
            self._timer.start()
            self._update_preview()
        else:
            self.flush()

    def flush(self) -> None:
        """Apply the edits made so far: build the new network and emit it if it is valid and new."""
        self._timer.stop()
        if self._spec is None or not self._touched:
            return
        spec, errors = self._candidate()
        network = self._show_result(spec, errors)
        if network is None:
            return       # keep the edits: fixing another field may make them valid together
        self._touched.clear()
        if spec == self._spec:
            return
        self._spec = spec
        for layer in spec["layers"]:
            self._remember(layer)
        self.network_edit_requested.emit(network)

    def _candidate(self) -> tuple[dict, dict[str, str]]:
        """The architecture the form asks for: the last one with the touched fields changed, and
        {field: message} for what cannot be built."""
        spec = copy.deepcopy(self._spec)
        errors: dict[str, str] = {}
        layers = spec["layers"]
        touched = set(self._touched)
        for field in FIELD_ORDER:
            if field not in touched:
                continue
            if field == "input_size" and not self._has_encoding():
                spec["input_size"] = self.input_spin.value()
            elif field == "units":
                for layer in layers:
                    layer["hidden_size"] = self.units_spin.value()
            elif field == "kind":
                kind = self.kind()
                for k, layer in enumerate(layers):
                    layers[k] = {"kind": kind, "hidden_size": layer["hidden_size"],
                                 "bidirectional": layer.get("bidirectional", False),
                                 **self._form_options(kind, errors)}
            elif field == "layers":
                count = self.layers_spin.value()
                while len(layers) < count:
                    layers.append(copy.deepcopy(layers[-1]))
                del layers[count:]
            elif field == "bidirectional":
                for layer in layers:
                    layer["bidirectional"] = self.bidirectional_check.isChecked()
            elif field == "activation":
                for layer in layers:
                    if "activation" in KIND_OPTIONS[layer["kind"]]:
                        layer["activation"] = self.activation_combo.currentData()
            elif field in CELL_OPTION_FIELDS:
                kind, name = CELL_OPTION_FIELDS[field]
                targets = [layer for layer in layers if layer["kind"] == kind]
                # An option of a kind no layer has any more (the kind was switched) is moot.
                value = self._form_option(field, errors) if targets else None
                for layer in targets:
                    if value is not None:
                        layer[name] = value
        head = spec["head"]
        if "head_activation" in touched:
            head["activation"] = self.head_activation_combo.currentData()
        if "head_use_bias" in touched:
            head["use_bias"] = self.head_bias_check.isChecked()
        if "head_output_size" in touched:
            head["output_size"] = self.head_output_spin.value()
        self._validate(spec, errors)
        return spec, errors

    def _form_options(self, kind: str, errors: dict) -> dict:
        options = {}
        if "activation" in KIND_OPTIONS[kind]:
            options["activation"] = self.activation_combo.currentData()
        for field, (option_kind, name) in CELL_OPTION_FIELDS.items():
            if option_kind == kind:
                value = self._form_option(field, errors)
                if value is not None:
                    options[name] = value
        return options

    def _form_option(self, field: str, errors: dict) -> Any:
        if field == "periods":
            return self._periods(errors)
        widget = {"recurrence": self.recurrence_check, "peephole": self.peephole_check,
                  "gate": self.gate_combo, "g": self.g_combo, "h": self.h_combo,
                  "forget_bias": self.forget_bias_spin, "jordan_output_size": self.jordan_output_spin,
                  "output_activation": self.jordan_activation_combo, "context_size": self.context_spin,
                  "alpha": self.alpha_spin, "identity_scale": self.identity_scale_spin}[field]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QSpinBox):
            return int(widget.value())
        return float(widget.value())

    def _periods(self, errors: dict) -> list[int] | None:
        periods = parse_periods(self.periods_edit.text())
        if periods is None:
            errors["periods"] = self.tr("Write whole numbers separated by commas, e.g. 1, 2, 4, 8.")
        elif any(p < 1 for p in periods):
            errors["periods"] = self.tr("A clock period is a number of steps: at least 1.")
        elif sorted(periods) != periods:
            errors["periods"] = self.tr("List the periods from the fastest module to the slowest "
                                        "(smallest first).")
        else:
            return periods
        return None

    def _validate(self, spec: dict, errors: dict) -> None:
        """The combinations the engine would refuse, with a message the user can act on."""
        for k, layer in enumerate(spec["layers"]):
            if layer["kind"] == "clockwork" and "periods" not in errors:
                periods = layer.get("periods") or []
                if len(periods) > layer["hidden_size"]:
                    errors["periods"] = self.tr("{modules} clock modules need at least {modules} units; "
                                                "layer {layer} has {units}. Add units or remove periods.").format(
                        modules=len(periods), layer=k + 1, units=layer["hidden_size"])
        head = spec["head"]
        if head["activation"] == "identity" and spec["layers"]:
            width = layer_output_size(spec["layers"][-1])
            if "head_output_size" in self._touched and head["output_size"] != width:
                errors["head_output_size"] = self.tr(
                    "With no output layer (identity) y^t = a^t: the output size is the top layer's width, "
                    "{width}, not {size}. Choose an output activation to get {size} outputs.").format(width=width,
                                                                                 size=head["output_size"])
            else:
                head["output_size"] = width      # no output layer: y is the top layer's output

    # -- showing the result -----------------------------------------------------------------------
    def _build(self, spec: dict) -> Network:
        return Network.build(spec["input_size"], spec["layers"], spec["head"], dtype=self._dtype, seed=0)

    def _show_result(self, spec: dict, errors: dict[str, str]) -> Network | None:
        """Show the messages and summary for ``spec``; the built network, or None if it is invalid."""
        network = None
        general = ""
        if not errors:
            try:
                network = self._build(spec)
            except ValueError as error:    # the engine's own check: say it as it says it
                general = str(error)
        self._clear_errors()
        for field, message in errors.items():
            form, label = self._rows[field]
            label.setText(message)
            form.setRowVisible(label, True)
        self.general_error.setText(general)
        self.general_error.setVisible(bool(general))
        # Without an output layer there is no bias to add.
        self.head_bias_check.setEnabled(spec["head"]["activation"] != "identity")
        if network is not None:
            self._set_summary(spec, network)
            if spec["head"]["activation"] == "identity":
                with self._quiet():
                    self._set_spin(self.head_output_spin, spec["head"]["output_size"])
        return network

    def _update_preview(self) -> None:
        if self._spec is None:
            return
        spec, errors = self._candidate() if self._touched else (copy.deepcopy(self._spec), {})
        self._show_result(spec, errors)

    def _clear_errors(self) -> None:
        for form, label in self._rows.values():
            label.clear()
            form.setRowVisible(label, False)
        self.general_error.clear()
        self.general_error.setVisible(False)

    def _set_summary(self, spec: dict, network: Network) -> None:
        layers = spec["layers"]
        first = layers[0]
        kind, units = first["kind"], first["hidden_size"]
        bidirectional = bool(first.get("bidirectional"))
        count = len(layers)
        if count == 1:
            shape = self.tr("1 bidirectional layer") if bidirectional else self.tr("1 layer")
        else:
            shape = (self.tr("{layers} bidirectional layers") if bidirectional
                     else self.tr("{layers} layers")).format(layers=count)
        first_width = self.tr("1 unit") if units == 1 else self.tr("{units} units").format(units=units)
        width = first_width
        kinds = list(dict.fromkeys(layer["kind"] for layer in layers))
        widths = sorted({layer["hidden_size"] for layer in layers})
        if len(widths) > 1:
            width = self.tr("{low}–{high} units").format(low=widths[0], high=widths[-1])
        architecture = self.tr("{name}, {layers} × {width}").format(
            name=" + ".join(self._kind_names[k] for k in kinds), layers=shape, width=width)
        total = network.parameter_count()
        total_text = self.tr("1 parameter") if total == 1 else self.tr("{count} parameters").format(
            count=f"{total:,}")
        inputs = spec["input_size"]
        options = {n: first[n] for n in KIND_OPTIONS[kind] if n in first}
        this_layer = one_layer_count(kind, inputs, units, options)
        simple = one_layer_count("elman", inputs, units)
        lstm = one_layer_count("lstm", inputs, units)
        gru = one_layer_count("gru", inputs, units)
        if kind == "elman" or len(kinds) > 1:     # a mixed stack has no single ratio to state
            ratio = ""
        else:
            ratio = self.tr("{ratio}× the parameters of a simple RNN of the same width").format(
                ratio=format_ratio(this_layer / simple))
        summary = self.tr("{architecture}, {ratio}: {total}") if ratio else self.tr("{architecture}: {total}")
        self._summary_plain = summary.format(architecture=architecture, ratio=ratio, total=total_text)
        # Bold what was built and how big it is; the comparison between them reads as a remark.
        self.summary_label.setText(summary.format(architecture=f"<b>{escape(architecture)}</b>", ratio=escape(ratio),
                                                  total=f"<b>{escape(total_text)}</b>"))
        # The lecture's claims, in this width's numbers. The GRU's weight matrices are ¾ of the LSTM's
        # (3 blocks of rows, not 4); PyTorch's GRU adds a second bias, hence "weights".
        weights_lstm = 4 * units * (inputs + units)
        weights_gru = 3 * units * (inputs + units)
        self.comparison_label.setText(self.tr(
            "One layer of {width} on {inputs} inputs: simple RNN {simple} · LSTM {lstm} ({ratio}×) · "
            "GRU {gru}. With 2 gates instead of 3 the GRU has ¾ of the LSTM's weights: {gru_w} of {lstm_w}."
        ).format(width=first_width, inputs=inputs, simple=f"{simple:,}", lstm=f"{lstm:,}",
                 ratio=format_ratio(lstm / simple), gru=f"{gru:,}", gru_w=f"{weights_gru:,}",
                 lstm_w=f"{weights_lstm:,}"))

    # -- hooks for tests and scripts --------------------------------------------------------------
    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(KINDS.index(kind))

    def set_layers(self, count: int) -> None:
        self.layers_spin.setValue(int(count))

    def set_units(self, count: int) -> None:
        self.units_spin.setValue(int(count))

    def set_bidirectional(self, on: bool) -> None:
        self.bidirectional_check.setChecked(bool(on))

    def set_option(self, name: str, value: Any) -> None:
        """Set a field as the user would. Names: input_size, activation, recurrence, peephole, gate,
        g, h, forget_bias, jordan_output_size, output_activation, periods (text or list), context_size,
        alpha, identity_scale, head_activation, head_output_size, head_use_bias."""
        widgets = {
            "input_size": self.input_spin, "activation": self.activation_combo,
            "recurrence": self.recurrence_check, "peephole": self.peephole_check, "gate": self.gate_combo,
            "g": self.g_combo, "h": self.h_combo, "forget_bias": self.forget_bias_spin,
            "jordan_output_size": self.jordan_output_spin, "output_activation": self.jordan_activation_combo,
            "context_size": self.context_spin, "alpha": self.alpha_spin,
            "identity_scale": self.identity_scale_spin, "head_activation": self.head_activation_combo,
            "head_output_size": self.head_output_spin, "head_use_bias": self.head_bias_check,
        }
        if name == "periods":
            text = value if isinstance(value, str) else ", ".join(str(v) for v in value)
            self.periods_edit.setText(text)
            self._edited("periods", debounce=True)     # setText does not emit textEdited
            return
        if name not in widgets:
            raise KeyError(f"no builder option {name!r}; the options are: periods, {', '.join(widgets)}")
        widget = widgets[name]
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0:
                raise ValueError(f"{name} cannot be {value!r}")
            widget.setCurrentIndex(index)
        else:
            widget.setValue(value)

    def summary_text(self) -> str:
        """The summary as plain text, e.g. "LSTM, 2 layers × 8 units, 4× the parameters of a simple RNN
        of the same width: 912 parameters"."""
        return self._summary_plain

    def comparison_text(self) -> str:
        return self.comparison_label.text()

    def message_text(self) -> str:
        """Every message shown now, one per line ('' when the form is valid)."""
        messages = [label.text() for _, label in self._rows.values() if label.text()]
        if self.general_error.text():
            messages.append(self.general_error.text())
        return "\n".join(messages)

