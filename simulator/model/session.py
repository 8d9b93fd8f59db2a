"""The app model: the open project, its Trace and the player's step — Qt-free.

Widgets subscribe to the signals and write only through the methods here, never to each other.
Every change recomputes the Trace (the networks of the lecture are small: a forward pass is well under
a millisecond), so every view always shows numbers of the same run.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from simulator.engine.network import Network

from .signals import Signal


def carry_over_weights(old: Network, new: Network) -> None:
    """Copy into ``new`` what fits of ``old``'s weights: same keys, overlapping blocks.

    Stacked gate matrices (LSTM 4H rows, GRU 3H rows) are copied gate by gate, so growing a layer from
    2 to 3 units keeps each gate's weights in place instead of shifting them into the next gate.
    """
    for key, value in old.params.items():
        if key not in new.params:
            continue
        target = new.params[key]
        if value.ndim != target.ndim:
            continue
        old_rows, new_rows = _gate_blocks(old, key), _gate_blocks(new, key)
        if old_rows and new_rows and old_rows[0] == new_rows[0]:
            k = old_rows[0]
            src = value.reshape((k, value.shape[0] // k) + value.shape[1:])
            dst = target.reshape((k, target.shape[0] // k) + target.shape[1:])
            region = tuple(slice(0, min(a, b)) for a, b in zip(src.shape, dst.shape))
            dst[region] = src[region]
        else:
            region = tuple(slice(0, min(a, b)) for a, b in zip(value.shape, target.shape))
            target[region] = value[region]
    for key, value in old.memory.items():
        if key in new.memory:
            n = min(value.shape[0], new.memory[key].shape[0])
            new.memory[key][:n] = value[:n]


def _gate_blocks(net: Network, key: str) -> tuple[int] | tuple:
    if not key.startswith("layers."):
        return ()
    k = int(key.split(".")[1])
    kind = net.layers[k].cell.kind
    name = key.rsplit(".", 1)[-1]
    if kind == "lstm" and name in ("W_x", "W_a", "W_c", "b"):
        return (4,)
    if kind == "gru":
        return (3,)
    return ()


class Session:
    def __init__(self, project=None):
        self.project_changed = Signal()   # a new project or architecture: rebuild views
        self.trace_changed = Signal()     # numbers changed: redraw
        self.step_changed = Signal()      # the player moved: (step,)
        self.dirty_changed = Signal()     # (dirty,)
        self.error = Signal()             # (message,) for problems the user should see
        self.project = None
        self.path: Path | None = None
        self.trace = None
        self.step = 0
        self.dirty = False
        if project is not None:
            self.open(project)

    # -- whole project ------------------------------------------------------------------------
    def open(self, project, path: Path | str | None = None) -> None:
        self.project = project
        self.path = Path(path) if path else None
        self.step = 0
        self._recompute()
        self._set_dirty(False)
        self.project_changed.emit()
        self.trace_changed.emit()
        self.step_changed.emit(self.step)

    @property
    def network(self) -> Network:
        return self.project.network

    @property
    def steps(self) -> int:
        return 0 if self.trace is None else self.trace.steps

    def inputs(self) -> np.ndarray:
        return np.asarray(self.project.inputs, dtype=float)

    def _recompute(self) -> None:
        x = self.project.inputs
        if x is None and self.project.text and self.project.encoding is not None:
            x = self._encode_text(self.project.text)
        if x is None or len(x) == 0:
            self.trace = None
            return
        self.trace = self.network.forward(np.asarray(x, dtype=float))

    def _encode_text(self, text: str):
        """A text scene's sentence as input vectors, through the project's encoding."""
        from simulator.engine.encoding import encoding_from_spec
        from simulator.errors import UserInputError
        from simulator.io.sequence import tokenize_text

        try:
            return encoding_from_spec(self.project.encoding).encode_sentence(tokenize_text(text))
        except UserInputError as error:
            self.error.emit(str(error))
            return None

    def _changed(self) -> None:
        self._recompute()
        self.step = min(self.step, self.steps)
        self._set_dirty(True)
        self.trace_changed.emit()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)

    def mark_saved(self, path: Path | str) -> None:
        self.path = Path(path)
        self._set_dirty(False)

    # -- edits (the GUI wraps each in an undo command) ---------------------------------------------
    def weight(self, key: str, index: tuple[int, ...]) -> float:
        return float(self.network.params[key][index])

    def set_weight(self, key: str, index: tuple[int, ...], value: float) -> None:
        self.network.params[key][index] = value
        self._changed()

    def set_params(self, values: dict[str, np.ndarray]) -> None:
        for key, value in values.items():
            self.network.params[key] = np.array(value, dtype=self.network.dtype)
        self._changed()

    def set_memory(self, key: str, values) -> None:
        self.network.memory[key] = np.array(values, dtype=self.network.dtype)
        self._changed()

    def set_inputs(self, x: np.ndarray) -> None:
        x = np.asarray(x, dtype=float)
        if x.ndim != 2 or x.shape[1] != self.network.input_size:
            raise ValueError(f"inputs must be (steps, {self.network.input_size})")
        self.project.inputs = x
        self._changed()

    def set_text(self, text: str) -> None:
        """A text scene's new sentence: the inputs are its words through the project's encoding (a
        project holds a text or numeric inputs, never both, so it can always be saved)."""
        self.project.inputs = None
        self.project.text = text
        self._changed()

    def set_network(self, network: Network, keep_weights_from: Network | None = None) -> None:
        """Replace the architecture, keeping what fits of the old weights (undoable by the GUI, which
        keeps the old Network object)."""
        if keep_weights_from is not None:
            carry_over_weights(keep_weights_from, network)
        self.project.network = network
        x = self.project.inputs
        if x is not None and np.shape(x)[1] != network.input_size:
            # Keep the steps, fit the features: cut or pad with zeros.
            old = np.asarray(x, dtype=float)
            fitted = np.zeros((old.shape[0], network.input_size))
            n = min(old.shape[1], network.input_size)
            fitted[:, :n] = old[:, :n]
            self.project.inputs = fitted
        self._recompute()
        self.step = min(self.step, self.steps)
        self._set_dirty(True)
        self.project_changed.emit()
        self.trace_changed.emit()
        self.step_changed.emit(self.step)

    # -- the player ------------------------------------------------------------------------------
    def go(self, step: int) -> None:
        step = int(max(0, min(step, self.steps)))
        if step != self.step:
            self.step = step
            self.step_changed.emit(step)

    def forward(self) -> None:
        self.go(self.step + 1)

    def back(self) -> None:
        self.go(self.step - 1)

    def first(self) -> None:
        self.go(0)

    def last(self) -> None:
        self.go(self.steps)

    def settings(self) -> dict[str, Any]:
        return self.project.settings
