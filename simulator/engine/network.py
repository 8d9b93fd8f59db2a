"""Networks: stacked layers of cells (each with its own memory), a bidirectional wrapper, an output head.

Parameters live in one flat, ordered dict with dotted keys — ``layers.0.W_x``, ``layers.0.reverse.W_x``,
``head.W`` — which is what the optimisers, the project file, the loss surface and the GUI's weight
editor all address. Memory initial values (zeros unless set) are kept beside them, untrained.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .cells import Cell, make_cell
from .cells.base import TokenIds, param_batch_shape
from .cells.jordan import output_apply, output_backward
from .trace import LayerTrace, Trace

HEAD_ACTIVATIONS = ("identity", "linear", "softmax", "sigmoid", "tanh", "relu")


@dataclass
class Layer:
    cell: Cell
    reverse_cell: Cell | None = None        # set for a bidirectional layer

    @property
    def bidirectional(self) -> bool:
        return self.reverse_cell is not None

    @property
    def output_size(self) -> int:
        return self.cell.output_size * (2 if self.bidirectional else 1)

    def directions(self) -> list[tuple[str, Cell]]:
        cells = [("forward", self.cell)]
        if self.reverse_cell is not None:
            cells.append(("reverse", self.reverse_cell))
        return cells


@dataclass
class Head:
    """The output layer y^t = σ_y(W a^t + b). ``identity`` means no output layer: y^t = a^t."""

    input_size: int
    output_size: int
    activation: str = "linear"
    use_bias: bool = True

    def __post_init__(self):
        if self.activation not in HEAD_ACTIVATIONS:
            raise ValueError(f"output activation must be one of {', '.join(HEAD_ACTIVATIONS)}")
        if self.activation == "identity":
            self.output_size = self.input_size

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        if self.activation == "identity":
            return {}
        shapes = {"W": (self.output_size, self.input_size)}
        if self.use_bias:
            shapes["b"] = (self.output_size,)
        return shapes

    def config(self) -> dict[str, Any]:
        return {"output_size": self.output_size, "activation": self.activation, "use_bias": self.use_bias}


def _align_grid_axes(arrays: list[np.ndarray]) -> list[np.ndarray]:
    """(T, G…, B, H) and (T, B, H) side by side: give the second the grid axes as 1s, after T."""
    ndim = max(a.ndim for a in arrays)
    return [a.reshape(a.shape[:1] + (1,) * (ndim - a.ndim) + a.shape[1:]) for a in arrays]


def _as_grad(g: np.ndarray, like: np.ndarray) -> np.ndarray:
    """``g`` as the gradient of a parameter shaped and typed like ``like``, broadcast over grid axes if
    it has fewer. The cells return new arrays (none reuses a buffer), so they are taken as they are."""
    if g.shape == like.shape:
        return g if g.dtype == like.dtype else g.astype(like.dtype)
    return g + np.zeros_like(like)


class Network:
    def __init__(self, input_size: int, layers: list[Layer], head: Head, dtype=np.float64):
        self.input_size = int(input_size)
        self.layers = layers
        self.head = head
        self.dtype = np.dtype(dtype)
        self.params: dict[str, np.ndarray] = {}
        self.memory: dict[str, np.ndarray] = {}
        self._check_sizes()
        self.init_params(np.random.default_rng(0))

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def build(cls, input_size: int, layers: list[dict], head: dict | None = None, dtype=np.float64,
              seed: int | None = 0) -> "Network":
        """Build from plain dicts: layers = [{"kind": "lstm", "hidden_size": 8, "bidirectional": False,
        …options}], head = {"output_size": 2, "activation": "softmax", "use_bias": True}."""
        built, size = [], int(input_size)
        for spec in layers:
            spec = dict(spec)
            kind = spec.pop("kind")
            hidden = spec.pop("hidden_size")
            bidirectional = bool(spec.pop("bidirectional", False))
            spec.pop("input_size", None)
            cell = make_cell(kind, size, hidden, **spec)
            reverse = make_cell(kind, size, hidden, **spec) if bidirectional else None
            layer = Layer(cell, reverse)
            built.append(layer)
            size = layer.output_size
        head = dict(head or {"activation": "identity"})
        head_obj = Head(size, int(head.get("output_size", size)), head.get("activation", "linear"),
                        bool(head.get("use_bias", True)))
        net = cls(input_size, built, head_obj, dtype)
        net.init_params(np.random.default_rng(seed))
        return net

    def config(self) -> dict[str, Any]:
        layers = []
        for layer in self.layers:
            cfg = layer.cell.config()
            cfg.pop("input_size")
            cfg["bidirectional"] = layer.bidirectional
            layers.append(cfg)
        return {"input_size": self.input_size, "layers": layers, "head": self.head.config(),
                "dtype": self.dtype.name}

    def _check_sizes(self):
        size = self.input_size
        for k, layer in enumerate(self.layers):
            for _, cell in layer.directions():
                if cell.input_size != size:
                    raise ValueError(f"layer {k + 1} expects {cell.input_size} inputs but receives {size}")
            size = layer.output_size
        if self.head.input_size != size:
            raise ValueError(f"the output layer expects {self.head.input_size} inputs but receives {size}")

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        shapes = {}
        for k, layer in enumerate(self.layers):
            for direction, cell in layer.directions():
                prefix = self._prefix(k, direction)
                shapes.update({f"{prefix}.{n}": s for n, s in cell.param_shapes().items()})
        shapes.update({f"head.{n}": s for n, s in self.head.param_shapes().items()})
        return shapes

    def memory_shapes(self) -> dict[str, tuple[int]]:
        return {f"{self._prefix(k, d)}.{s}": (cell.state_size(s),)
                for k, layer in enumerate(self.layers) for d, cell in layer.directions()
                for s in cell.state_names}

    def init_params(self, rng: np.random.Generator) -> None:
        params = {}
        for k, layer in enumerate(self.layers):
            for direction, cell in layer.directions():
                prefix = self._prefix(k, direction)
                params.update({f"{prefix}.{n}": v for n, v in cell.init_params(rng, self.dtype).items()})
        bound = 1.0 / np.sqrt(self.head.input_size)
        for name, shape in self.head.param_shapes().items():
            params[f"head.{name}"] = rng.uniform(-bound, bound, size=shape).astype(self.dtype)
        self.params = params
        self.memory = {key: np.zeros(shape, dtype=self.dtype) for key, shape in self.memory_shapes().items()}

    def set_params(self, values: dict[str, Any], strict: bool = True) -> None:
        """Replace parameters by name, checking every shape."""
        shapes = self.param_shapes()
        if strict and set(values) != set(shapes):
            missing, extra = set(shapes) - set(values), set(values) - set(shapes)
            raise ValueError("parameters do not match the network: "
                             + (f"missing {', '.join(sorted(missing))}" if missing else "")
                             + ("; " if missing and extra else "")
                             + (f"unexpected {', '.join(sorted(extra))}" if extra else ""))
        for key, value in values.items():
            if key not in shapes:
                raise ValueError(f"no parameter {key!r} in this network")
            arr = np.asarray(value, dtype=self.dtype)
            if arr.shape != tuple(shapes[key]):
                raise ValueError(f"parameter {key} must have shape {tuple(shapes[key])}, not {arr.shape}")
            self.params[key] = arr.copy()

    def parameter_count(self) -> int:
        return int(sum(np.prod(s) for s in self.param_shapes().values()))

    @staticmethod
    def _prefix(k: int, direction: str) -> str:
        return f"layers.{k}" + (".reverse" if direction == "reverse" else "")

    def _cell_params(self, params: dict, k: int, direction: str) -> dict:
        prefix = self._prefix(k, direction) + "."
        cell = dict(self.layers[k].directions())[direction]
        return {n: params[prefix + n] for n in cell.param_shapes()}

    # -- running ---------------------------------------------------------------------------------
    def _as_batch(self, x):
        """(T, D) or (T, B, D) numbers; or one-hot words as token ids: a TokenIds, or whole numbers of
        shape (T,) or (T, B) in 0…D−1."""
        if isinstance(x, TokenIds):
            if x.size != self.input_size:
                raise ValueError(f"token ids index {x.size} inputs; this network has {self.input_size}")
            return x
        x = np.asarray(x)
        if np.issubdtype(x.dtype, np.integer) and x.ndim in (1, 2):
            return TokenIds(x, self.input_size)
        x = x.astype(self.dtype, copy=False)
        if x.ndim == 2:
            x = x[:, None, :]
        if x.ndim != 3 or x.shape[-1] != self.input_size:
            raise ValueError(f"inputs must be (steps, {self.input_size}) or (steps, batch, {self.input_size}),"
                             f" not {x.shape}")
        if x.shape[0] < 1:
            raise ValueError("a sequence needs at least one step")
        return x

    def initial_state(self, k: int, direction: str, batch: int, memory: dict | None = None) -> dict:
        memory = self.memory if memory is None else memory
        cell = dict(self.layers[k].directions())[direction]
        prefix = self._prefix(k, direction)
        return {s: np.broadcast_to(np.asarray(memory[f"{prefix}.{s}"], dtype=self.dtype),
                                   (batch, cell.state_size(s))).copy() for s in cell.state_names}

    def forward(self, x: np.ndarray, params: dict | None = None, memory: dict | None = None) -> Trace:
        """Run the sequence(s) x, (T, D) or (T, B, D), and record everything.

        ``params`` defaults to the network's own; it may hold parameter-batched arrays (leading grid
        axes) for loss surfaces, in which case every recorded quantity carries those axes after T.
        Overflow and NaN never raise: the Trace says ``finite=False``.
        """
        params = self.params if params is None else params
        xs = self._as_batch(x)
        batch = xs.shape[1]
        layer_traces, final_state = [], {}
        current = xs
        with np.errstate(all="ignore"):
            for k, layer in enumerate(self.layers):
                records, outputs = {}, []
                for direction, cell in layer.directions():
                    state = self.initial_state(k, direction, batch, memory)
                    seq = current if direction == "forward" else current[::-1]
                    cell_params = self._cell_params(params, k, direction)
                    grid = param_batch_shape(cell, cell_params, seq)
                    if grid:     # the cells stack every step's state: the first must have the grid axes too
                        state = {s: np.broadcast_to(v, grid + v.shape).copy() for s, v in state.items()}
                    out, rec, final = cell.forward(cell_params, seq, state)
                    if direction == "reverse":       # present the reverse pass in time order
                        out = out[::-1]
                        rec = {n: v[::-1] for n, v in rec.items()}
                    records[direction] = rec
                    outputs.append(out)
                    final_state.update({f"{self._prefix(k, direction)}.{s}": v for s, v in final.items()})
                current = outputs[0] if len(outputs) == 1 else np.concatenate(
                    np.broadcast_arrays(*_align_grid_axes(outputs)), axis=-1)
                layer_traces.append(LayerTrace(layer.cell.kind, records, current, layer.cell.state_names))
            head = {}
            if self.head.activation == "identity":
                y = current
                finite = bool(np.isfinite(y).all())
            else:
                z_y = np.matmul(current, np.swapaxes(params["head.W"], -1, -2))
                if self.head.use_bias:
                    z_y = z_y + params["head.b"][..., None, :]
                if self.head.activation == "softmax":
                    # the loss reuses the shifted logits and log Σ e^z instead of computing them again
                    shifted = z_y - np.max(z_y, axis=-1, keepdims=True)
                    y = np.exp(shifted)
                    total = np.sum(y, axis=-1, keepdims=True)
                    y /= total
                    head = {"z_y": z_y, "y": y, "_shifted": shifted, "_log_sum": np.log(total)}
                    # shifted ≤ 0 when finite, so 1 ≤ Σ e^shifted: y is finite exactly when every sum is
                    finite = bool(np.isfinite(total).all())
                else:
                    y = output_apply(self.head.activation, z_y) if self.head.activation != "linear" else z_y
                    head = {"z_y": z_y, "y": y}
                    finite = bool(np.isfinite(y).all())
        return Trace(xs, layer_traces, head, y, final_state, finite=finite)

    def backward(self, trace: Trace, d_y: np.ndarray | None = None, d_z_y: np.ndarray | None = None,
                 params: dict | None = None, truncate: int | None = None,
                 need_input_grad: bool = True) -> tuple[dict, np.ndarray | None]:
        """BPTT through the whole network. Give ∂L/∂y^t (``d_y``) or, for a softmax head with
        cross-entropy, ∂L/∂z_y directly (``d_z_y``). Returns (parameter gradients, ∂L/∂x) and stores
        ∂L/∂a^t (and ∂L/∂c^t for LSTM) of every layer in ``trace.layers[k].step_grads``."""
        params = self.params if params is None else params
        grads: dict[str, np.ndarray] = {}     # each parameter gets exactly one gradient; zeros for the rest
        with np.errstate(all="ignore"):
            if self.head.activation == "identity":
                d_current = np.asarray(d_y, dtype=self.dtype)
            else:
                if d_z_y is None:
                    d_z_y = (d_y if self.head.activation == "linear"
                             else output_backward(self.head.activation, trace.head["z_y"], trace.head["y"], d_y))
                top = trace.layers[-1].output if trace.layers else trace.inputs
                top = top if isinstance(top, np.ndarray) else top.dense(self.dtype)
                T, B, O = d_z_y.shape
                grads["head.W"] = _as_grad(d_z_y.reshape(T * B, O).T @ top.reshape(T * B, -1), params["head.W"])
                if self.head.use_bias:
                    grads["head.b"] = _as_grad(d_z_y.sum(axis=(0, 1)), params["head.b"])
                d_current = d_z_y @ params["head.W"]
            for k in range(len(self.layers) - 1, -1, -1):
                layer, layer_trace = self.layers[k], trace.layers[k]
                below = trace.layers[k - 1].output if k > 0 else trace.input_source
                split = layer.cell.output_size
                d_below = None
                for direction, cell in layer.directions():
                    d_out = d_current[..., :split] if direction == "forward" else d_current[..., split:]
                    seq = below
                    rec = layer_trace.records[direction]
                    if direction == "reverse":
                        seq, d_out, rec = below[::-1], d_out[::-1], {n: v[::-1] for n, v in rec.items()}
                    d_seq, cell_grads, _, step_grads = cell.backward(
                        self._cell_params(params, k, direction), seq, rec, d_out, truncate=truncate,
                        need_input_grad=need_input_grad or k > 0)
                    if direction == "reverse":
                        d_seq = None if d_seq is None else d_seq[::-1]
                        step_grads = {n: v[::-1] for n, v in step_grads.items()}
                    layer_trace.step_grads[direction] = step_grads
                    prefix = self._prefix(k, direction)
                    for name, g in cell_grads.items():
                        key = f"{prefix}.{name}"
                        grads[key] = _as_grad(g, params[key])
                    d_below = d_seq if d_below is None or d_seq is None else d_below + d_seq
                d_current = d_below
        grads = {key: grads[key] if key in grads else np.zeros_like(value) for key, value in params.items()}
        return grads, d_current

    def loss_and_gradients(self, x, targets, loss: str = "ce", mask=None, truncate: int | None = None,
                           params: dict | None = None) -> tuple[float, dict, Trace]:
        """Forward, loss (see :mod:`losses`), BPTT. Non-finite numbers are returned, never raised."""
        from . import losses

        trace = self.forward(x, params=params)
        value, step_loss, d_y, d_z_y = losses.evaluate(self, trace, targets, loss, mask)
        trace.loss, trace.step_loss = value, step_loss
        grads, _ = self.backward(trace, d_y=d_y, d_z_y=d_z_y, params=params, truncate=truncate,
                                 need_input_grad=False)
        return value, grads, trace
