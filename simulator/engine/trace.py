"""The Trace: every number of every step, the contract between the engine and whatever shows numbers.

The step player, the exporter and the CLI's JSON all read a Trace, so they can never disagree.
Arrays are time-major: (T, B, …). Steps are numbered from 1 in anything a person reads (x^1, y^1, …
as in the lecture) and from 0 in code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: The quantities of each cell that are gate values (shown as valves and listed under "gates").
GATE_QUANTITIES = {
    "lstm": ("f_i", "f_f", "f_o"),
    "gru": ("r", "z"),
    "clockwork": ("active",),
}

#: Plain-words names of the quantities a cell records, for tooltips and documentation.
QUANTITY_DESCRIPTIONS = {
    "a_prev": "memory before the step: a^{t−1}",
    "a": "hidden output a^t (stored to memory)",
    "pre": "weighted sum before the activation",
    "c_prev": "memory cell before the step: c",
    "c": "memory cell after the step: c′ = g(z)·f(z_i) + c·f(z_f)",
    "z": "cell input z (LSTM) / update gate (GRU)",
    "z_i": "input-gate signal z_i", "z_f": "forget-gate signal z_f", "z_o": "output-gate signal z_o",
    "g_z": "g(z), the value offered to the memory",
    "f_i": "input gate f(z_i): 1 = let in", "f_f": "forget gate f(z_f): 1 = remember, 0 = forget",
    "f_o": "output gate f(z_o): 1 = let out", "h_c": "h(c′)",
    "r": "reset gate", "n": "candidate n", "m": "memory y^{t−1} (Jordan)", "y": "output y^t",
    "z_y": "output layer before its activation", "s": "slow context units s^t", "s_prev": "context before",
    "active": "1 where the module's clock ticks at this step", "candidate": "value a module would take",
}


@dataclass
class LayerTrace:
    """One layer: its records in time order, per direction ("forward", and "reverse" if bidirectional)."""

    kind: str
    records: dict[str, dict[str, np.ndarray]]
    output: np.ndarray
    state_names: tuple[str, ...]
    #: filled by the backward pass: per direction, {state name: ∂L/∂state^t (T, B, H)}
    step_grads: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)

    @property
    def directions(self) -> tuple[str, ...]:
        return tuple(self.records)

    def quantity(self, name: str, direction: str = "forward") -> np.ndarray:
        return self.records[direction][name]


@dataclass
class Trace:
    #: what the cells were fed: a (T, B, D) array, or token ids (cells.base.TokenIds) for one-hot words
    input_source: object
    layers: list[LayerTrace]
    head: dict[str, np.ndarray]            # {"z_y": (T, B, O), "y": (T, B, O)} or {} without a head
    outputs: np.ndarray                    # y^t, (T, B, O)
    final_state: dict[str, np.ndarray]
    loss: float | None = None
    step_loss: np.ndarray | None = None    # (T, B), masked entries 0
    finite: bool = True

    @property
    def inputs(self) -> np.ndarray:
        """x^t for every step, (T, B, D) (token ids are expanded to their one-hot vectors)."""
        source = self.input_source
        return source if isinstance(source, np.ndarray) else source.dense()

    @property
    def steps(self) -> int:
        return self.input_source.shape[0]

    @property
    def batch(self) -> int:
        return self.input_source.shape[1]

    def memory_keys(self) -> list[tuple[int, str, str]]:
        return [(k, d, s) for k, layer in enumerate(self.layers) for d in layer.directions
                for s in layer.state_names]

    def step_dict(self, t: int, b: int | None = 0) -> dict:
        """Everything about step t (0-based) as plain lists, for JSON. b=None keeps the batch axis."""
        pick = (lambda arr: arr[t].tolist()) if b is None else (lambda arr: arr[t, b].tolist())
        entry = {"t": t + 1, "input": pick(self.inputs), "output": pick(self.outputs),
                 "memory": {}, "gates": {}, "layers": {}}
        for k, layer in enumerate(self.layers):
            for direction, rec in layer.records.items():
                prefix = f"layers.{k}" + (".reverse" if direction == "reverse" else "")
                # Names starting with "_" are the stacked arrays behind the lecture's names (z, z_i, …).
                entry["layers"][prefix] = {name: pick(values) for name, values in rec.items()
                                           if not name.startswith("_")}
                for state in layer.state_names:
                    entry["memory"][f"{prefix}.{state}"] = pick(rec[state])
                for gate in GATE_QUANTITIES.get(layer.kind, ()):
                    entry["gates"][f"{prefix}.{gate}"] = pick(rec[gate])
                for state, grads in layer.step_grads.get(direction, {}).items():
                    entry["layers"][prefix][f"dL/d{state}"] = pick(grads)
        if self.head:
            entry["head"] = {name: pick(values) for name, values in self.head.items() if not name.startswith("_")}
        if self.step_loss is not None:
            entry["loss"] = self.step_loss[t].tolist() if b is None else float(self.step_loss[t, b])
        return entry

    def to_json_dict(self, b: int | None = 0) -> dict:
        out = {"outputs": (self.outputs[:, b] if b is not None else self.outputs).tolist(),
               "steps": [self.step_dict(t, b) for t in range(self.steps)]}
        if self.loss is not None:
            out["loss"] = self.loss
        out["finite"] = self.finite
        return out
