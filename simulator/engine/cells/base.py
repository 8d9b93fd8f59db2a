"""What every cell provides, and the small linear-algebra helpers they share.

A cell runs a whole sequence forward and backward (BPTT). Its parameters are passed in explicitly, so
the same cell object can run on the weights of a network, on perturbed weights (finite differences),
or on a whole grid of weights at once: every parameter may carry leading "parameter-batch" axes
(G, …, H, D) and the states then carry them too (G, …, B, H). That is how a loss surface is one
batched forward pass rather than a loop over grid points.

Shapes inside a cell: ``xs`` is (T, B, D); states are (B, H) (or (G…, B, H)); a weight W is (H, D) and
acts as ``x @ Wᵀ``, a bias b is (H,) and is added as b[..., None, :].
"""
from __future__ import annotations

from typing import Any

import numpy as np

from .. import activations


def lin(x: np.ndarray, W: np.ndarray) -> np.ndarray:
    """x Wᵀ, broadcasting over leading parameter-batch axes of either side."""
    return np.matmul(x, np.swapaxes(W, -1, -2))


def bias(b: np.ndarray) -> np.ndarray:
    """b shaped to add to a (…, B, H) array: (…, 1, H)."""
    return b[..., None, :]


def outer_sum(d_pre: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Σ_batch d_preᵀ x: the gradient of W in pre = x Wᵀ (keeps leading parameter-batch axes)."""
    return np.matmul(np.swapaxes(d_pre, -1, -2), x)


def transpose(W: np.ndarray) -> np.ndarray:
    return np.swapaxes(W, -1, -2)


class TokenIds:
    """One-hot inputs given by their indices: x^t[b] is the unit vector e_{ids[t, b]} of length ``size``.

    The slot-filling words are one-hot over a vocabulary; multiplying a weight matrix by a one-hot
    vector just picks a column, so the forward product becomes a gather and the weight gradient a
    scatter-add — the same numbers as the dense product, without the work on the zeros.
    """

    ndim = 3

    def __init__(self, ids, size: int):
        ids = np.asarray(ids)
        if ids.ndim == 1:
            ids = ids[:, None]
        if ids.ndim != 2 or not np.issubdtype(ids.dtype, np.integer):
            raise ValueError("token ids must be whole numbers of shape (steps,) or (steps, batch)")
        if ids.size and (ids.min() < 0 or ids.max() >= size):
            raise ValueError(f"token ids must lie in 0…{size - 1}")
        self.ids = ids.astype(np.intp, copy=True)
        self.ids.flags.writeable = False          # pair_index() is computed once per object
        self.size = int(size)
        self._pair_index: dict[int, np.ndarray] = {}

    def pair_index(self, units: int) -> np.ndarray:
        """token · units + unit for every (position, unit) pair, flat: the bins of the scatter-add in
        :func:`time_outer`, made once per object and width (a training batch is used every update)."""
        index = self._pair_index.get(units)
        if index is None:
            index = (self.ids.reshape(-1, 1) * units + np.arange(units)).ravel()
            self._pair_index[units] = index
        return index

    @property
    def shape(self) -> tuple[int, int, int]:
        return self.ids.shape + (self.size,)

    def __len__(self) -> int:
        return self.ids.shape[0]

    def __getitem__(self, key):
        if isinstance(key, slice):
            return TokenIds(self.ids[key], self.size)
        return np.eye(self.size)[self.ids[key]]

    def dense(self, dtype=np.float64) -> np.ndarray:
        return np.eye(self.size, dtype=dtype)[self.ids]


def project_all(xs, W: np.ndarray) -> np.ndarray:
    """x^t Wᵀ for every step at once, (T, B, H), for plain 2-D weights (a gather for token ids)."""
    if isinstance(xs, TokenIds):
        return W.T[xs.ids]
    return (xs.reshape(-1, xs.shape[-1]) @ W.T).reshape(xs.shape[:-1] + (W.shape[0],))


def input_projection(xs, W: np.ndarray):
    """The input's contribution x^t Wᵀ for each step, as a function of t.

    With plain weights it is one matrix product over all steps (the fast path for training) or, for
    token ids, one gather of W's columns; with parameter-batched weights (a loss-surface grid) it is
    computed step by step so that it broadcasts.
    """
    if isinstance(xs, TokenIds):
        if W.ndim == 2:
            projected = W.T[xs.ids]
            return lambda t: projected[t]
        return lambda t: np.swapaxes(W[..., xs.ids[t]], -1, -2)
    if W.ndim == 2:
        # xs may itself carry parameter-batch axes (T, G…, B, D): the layer below was batched
        projected = (xs.reshape(-1, xs.shape[-1]) @ W.T).reshape(xs.shape[:-1] + (W.shape[0],))
        return lambda t: projected[t]
    return lambda t: lin(xs[t], W)


def param_batch_shape(cell: "Cell", p: dict, xs: np.ndarray) -> tuple[int, ...]:
    """The leading parameter-batch axes (G, …) of a cell's parameters and of its input (T, G…, B, D)."""
    axes = [xs.shape[1:-2]]
    for name, shape in cell.param_shapes().items():
        value = np.shape(p[name])
        axes.append(value[:len(value) - len(shape)])
    return np.broadcast_shapes(*axes)


def time_outer(d_pre: np.ndarray, xs) -> np.ndarray:
    """Σ_t Σ_batch d_pre^tᵀ x^t, as one matrix product over (time × batch) — or, for token ids, a
    scatter-add of the rows of d_pre into the columns of the picked tokens."""
    T, B, H = d_pre.shape
    if isinstance(xs, TokenIds):
        # bincount over (token, unit) pairs is a scatter-add several times faster than np.add.at
        grad = np.bincount(xs.pair_index(H), weights=d_pre.reshape(-1), minlength=xs.size * H)
        return grad.reshape(xs.size, H).T.astype(d_pre.dtype, copy=False)
    return d_pre.reshape(T * B, H).T @ xs.reshape(T * B, xs.shape[-1])


def input_grad(d_pre: np.ndarray, W: np.ndarray, xs, needed: bool = True):
    """∂L/∂x^t = d_pre^t W, or None where nobody needs it (token ids, or training's first layer)."""
    if not needed or isinstance(xs, TokenIds):
        return None
    return lin(d_pre, transpose(W))


class Recorder:
    """Per-step quantities written into preallocated (T, …) arrays — no list of arrays to stack later.

    The arrays are allocated at the first write of each name, when its shape (which may carry
    parameter-batch axes) is known.
    """

    def __init__(self, steps: int):
        self.steps = steps
        self.arrays: dict[str, np.ndarray] = {}

    def put(self, t: int, **values: np.ndarray) -> None:
        arrays = self.arrays
        for name, value in values.items():
            target = arrays.get(name)
            if target is None:
                value = np.asarray(value)
                target = arrays[name] = np.empty((self.steps,) + value.shape, dtype=value.dtype)
            target[t] = value


def cut(truncate: int | None, t: int) -> bool:
    """Truncated BPTT: no gradient flows back through the memory from step t+1 into step t
    when a truncation window ends after step t (windows of ``truncate`` steps from the start)."""
    return bool(truncate) and (t + 1) % truncate == 0


class Cell:
    """Base class. Subclasses set ``kind``, ``state_names`` and implement the four methods below."""

    kind: str = ""
    title: str = ""
    state_names: tuple[str, ...] = ("a",)
    #: the state that holds the per-step hidden output a^t (for ∂L/∂a^t in the Trace)
    hidden_state: str = "a"

    def __init__(self, input_size: int, hidden_size: int, activation: str = "tanh"):
        if int(input_size) < 1 or int(hidden_size) < 1:
            raise ValueError("a cell needs at least one input and one unit")
        self.input_size = int(input_size)
        self.hidden_size = int(hidden_size)
        self.activation = activations.check(activation)

    # -- description ---------------------------------------------------------------------------
    @property
    def output_size(self) -> int:
        return self.hidden_size

    def state_size(self, name: str) -> int:
        return self.hidden_size

    def options(self) -> dict[str, Any]:
        """Everything besides the sizes that defines the cell (saved in project files)."""
        return {"activation": self.activation}

    def config(self) -> dict[str, Any]:
        return {"kind": self.kind, "input_size": self.input_size, "hidden_size": self.hidden_size,
                **self.options()}

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        raise NotImplementedError

    def param_descriptions(self) -> dict[str, str]:
        return {}

    def init_params(self, rng: np.random.Generator, dtype=np.float64) -> dict[str, np.ndarray]:
        """Uniform(−1/√H, 1/√H) like PyTorch, biases included; subclasses refine."""
        k = 1.0 / np.sqrt(self.hidden_size)
        return {name: rng.uniform(-k, k, size=shape).astype(dtype)
                for name, shape in self.param_shapes().items()}

    def zero_state(self, batch: int, dtype=np.float64) -> dict[str, np.ndarray]:
        return {name: np.zeros((batch, self.state_size(name)), dtype=dtype) for name in self.state_names}

    # -- computation ----------------------------------------------------------------------------
    def forward(self, p: dict, xs: np.ndarray, state: dict) -> tuple[np.ndarray, dict, dict]:
        """Run the sequence. Returns (outputs (T, …, B, O), records {name: (T, …)}, final state)."""
        raise NotImplementedError

    def backward(self, p: dict, xs: np.ndarray, rec: dict, d_out: np.ndarray,
                 d_final: dict | None = None, truncate: int | None = None, need_input_grad: bool = True
                 ) -> tuple[np.ndarray | None, dict, dict, dict]:
        """BPTT (plain weights only). ``d_out`` is ∂L/∂output^t (T, B, O). Returns (∂L/∂x (T, B, D) or
        None when not needed, parameter gradients, ∂L/∂(initial state), per-step gradients
        {state name: ∂L/∂state^t (T, B, H)})."""
        raise NotImplementedError

    # helpers for subclasses
    def _zero_grads(self, p: dict) -> dict:
        return {name: np.zeros_like(value) for name, value in p.items()}

    def _d_final(self, d_final: dict | None, like: dict) -> dict:
        return {name: (d_final[name] if d_final and name in d_final and d_final[name] is not None
                       else np.zeros_like(like[name])) for name in self.state_names}
