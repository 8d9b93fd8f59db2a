"""Optimisers and gradient clipping over the network's flat parameter dict.

Every optimiser follows PyTorch's update equations exactly (``torch.optim.SGD`` with momentum and
dampening 0, ``RMSprop`` with ``alpha = decay``, ``Adam`` without amsgrad or weight decay), so a run
here and a run in PyTorch on the same weights and gradients give the same numbers. Parameters are
updated in place; the state (momentum buffers, running averages, step count) is keyed by parameter
name and can be saved as plain arrays and numbers with ``state_dict()``.

Clipping never mutates its input: it returns a :class:`ClipReport` holding new gradient dicts and the
norms before and after. Exploded gradients (inf, NaN) are reported, never raised or warned about:
explosion is something the simulator shows, not an error.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from simulator.errors import UserInputError

OPTIMIZERS = ("sgd", "momentum", "rmsprop", "adam")
CLIP_MODES = ("none", "value", "norm")


# -- argument checks ---------------------------------------------------------------------------------
def _positive(name: str, value: Any) -> float:
    number = _real(name, value)
    if not number > 0:
        raise UserInputError(f"the {name} must be positive, not {value!r}")
    return number


def _real(name: str, value: Any) -> float:
    if isinstance(value, bool):
        raise UserInputError(f"the {name} must be a number, not {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise UserInputError(f"the {name} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise UserInputError(f"the {name} must be a finite number, not {value!r}")
    return number


def _fraction(name: str, value: Any) -> float:
    """A decay rate in [0, 1)."""
    number = _real(name, value)
    if not 0.0 <= number < 1.0:
        raise UserInputError(f"the {name} must lie in [0, 1), not {value!r}")
    return number


def _non_negative(name: str, value: Any) -> float:
    number = _real(name, value)
    if number < 0:
        raise UserInputError(f"the {name} must not be negative, not {value!r}")
    return number


def _float_array(value: Any) -> np.ndarray:
    """A copy as a float array (JSON gives lists; float32 buffers stay float32)."""
    array = np.array(value, copy=True)
    return array if array.dtype.kind == "f" else array.astype(np.float64)


# -- optimisers ----------------------------------------------------------------------------------------
class Optimizer:
    """Base class: ``step(params, grads)`` updates ``params`` in place.

    Subclasses name their per-parameter buffers in ``buffer_names`` and their hyperparameters in
    ``hyper_names``; the state dict is ``{"name", "hyper": {...}, "step", "buffers": {buffer: {key:
    array}}}`` — plain arrays and numbers, ready to be written to JSON by the io layer.
    """

    name = ""
    buffer_names: tuple[str, ...] = ()
    hyper_names: tuple[str, ...] = ("lr",)

    def __init__(self, lr: float):
        self.lr = _positive("learning rate", lr)
        self.steps = 0
        self.buffers: dict[str, dict[str, np.ndarray]] = {name: {} for name in self.buffer_names}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        self.steps += 1
        # Exploding gradients make inf − inf here; the trainer checks the result, numpy stays quiet.
        with np.errstate(all="ignore"):
            for key, param in params.items():
                self._update(key, param, np.asarray(grads[key], dtype=param.dtype))

    def _update(self, key: str, param: np.ndarray, grad: np.ndarray) -> None:
        raise NotImplementedError

    def _buffer(self, buffer: str, key: str, like: np.ndarray) -> np.ndarray:
        """The named buffer of one parameter, zeros at first (as PyTorch initialises its state)."""
        store = self.buffers[buffer]
        if key not in store:
            store[key] = np.zeros_like(like)
        return store[key]

    def hyperparameters(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.hyper_names}

    def state_dict(self) -> dict[str, Any]:
        """A deep copy of the state: later steps do not change it."""
        return {"name": self.name, "hyper": self.hyperparameters(), "step": self.steps,
                "buffers": {buffer: {key: value.copy() for key, value in store.items()}
                            for buffer, store in self.buffers.items()}}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Restore a state saved by :meth:`state_dict` (hyperparameters included, as in PyTorch)."""
        if state.get("name") != self.name:
            raise UserInputError(f"saved optimiser state is for {state.get('name')!r}, not {self.name!r}")
        unknown = set(state.get("buffers", {})) - set(self.buffer_names)
        if unknown:
            raise UserInputError(f"saved {self.name} state has unknown buffers: {', '.join(sorted(unknown))}")
        hyper = dict(state.get("hyper", {}))
        unknown = set(hyper) - set(self.hyper_names)
        if unknown:
            raise UserInputError(f"saved {self.name} state has unknown settings: {', '.join(sorted(unknown))}")
        checked = type(self)(**hyper)                        # validates the hyperparameters
        for name in self.hyper_names:
            setattr(self, name, getattr(checked, name))
        steps = state.get("step", 0)
        if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
            raise UserInputError(f"saved optimiser step count must be a whole number ≥ 0, not {steps!r}")
        self.steps = int(steps)
        self.buffers = {name: {key: _float_array(value)
                               for key, value in state.get("buffers", {}).get(name, {}).items()}
                        for name in self.buffer_names}

    def __repr__(self) -> str:
        hyper = ", ".join(f"{k}={v!r}" for k, v in self.hyperparameters().items())
        return f"{type(self).__name__}({hyper})"


class SGD(Optimizer):
    """Plain gradient descent: θ ← θ − lr·g."""

    name = "sgd"

    def _update(self, key, param, grad):
        param -= self.lr * grad


class Momentum(Optimizer):
    """``torch.optim.SGD(momentum=μ, dampening=0, nesterov=…)``:

        b ← g at the first step, then b ← μ·b + g
        θ ← θ − lr·(g + μ·b)  with Nesterov,  θ ← θ − lr·b  without.
    """

    name = "momentum"
    buffer_names = ("velocity",)
    hyper_names = ("lr", "momentum", "nesterov")

    def __init__(self, lr: float, momentum: float = 0.9, nesterov: bool = False):
        super().__init__(lr)
        self.momentum = _fraction("momentum", momentum)
        if not isinstance(nesterov, (bool, np.bool_)):
            raise UserInputError(f"nesterov must be true or false, not {nesterov!r}")
        self.nesterov = bool(nesterov)
        if self.nesterov and self.momentum == 0:
            raise UserInputError("Nesterov momentum needs a momentum above 0")

    def _update(self, key, param, grad):
        store = self.buffers["velocity"]
        if key not in store:
            store[key] = grad.copy()          # PyTorch starts the buffer at the first gradient
        else:
            store[key] *= self.momentum
            store[key] += grad
        velocity = store[key]
        direction = grad + self.momentum * velocity if self.nesterov else velocity
        param -= self.lr * direction


class RMSProp(Optimizer):
    """``torch.optim.RMSprop(alpha=decay)``:

        s ← decay·s + (1 − decay)·g²
        θ ← θ − lr·g / (√s + eps)
    """

    name = "rmsprop"
    buffer_names = ("square_avg",)
    hyper_names = ("lr", "decay", "eps")

    def __init__(self, lr: float, decay: float = 0.9, eps: float = 1e-8):
        super().__init__(lr)
        self.decay = _fraction("decay", decay)
        self.eps = _non_negative("eps", eps)

    def _update(self, key, param, grad):
        square_avg = self._buffer("square_avg", key, param)
        square_avg *= self.decay
        square_avg += (1.0 - self.decay) * grad * grad
        param -= self.lr * (grad / (np.sqrt(square_avg) + self.eps))


class Adam(Optimizer):
    """``torch.optim.Adam`` (no amsgrad, no weight decay), with step count k:

        m ← β₁·m + (1 − β₁)·g,     v ← β₂·v + (1 − β₂)·g²
        θ ← θ − lr/(1 − β₁ᵏ) · m / (√v / √(1 − β₂ᵏ) + eps)
    """

    name = "adam"
    buffer_names = ("m", "v")
    hyper_names = ("lr", "beta1", "beta2", "eps")

    def __init__(self, lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(lr)
        self.beta1 = _fraction("beta1", beta1)
        self.beta2 = _fraction("beta2", beta2)
        self.eps = _non_negative("eps", eps)

    def _update(self, key, param, grad):
        m = self._buffer("m", key, param)
        v = self._buffer("v", key, param)
        m *= self.beta1
        m += (1.0 - self.beta1) * grad
        v *= self.beta2
        v += (1.0 - self.beta2) * grad * grad
        k = self.steps
        step_size = self.lr / (1.0 - self.beta1 ** k)
        denominator = np.sqrt(v) / math.sqrt(1.0 - self.beta2 ** k) + self.eps
        param -= step_size * (m / denominator)


_OPTIMIZER_CLASSES: dict[str, type[Optimizer]] = {
    "sgd": SGD, "momentum": Momentum, "rmsprop": RMSProp, "adam": Adam}

#: The options each optimiser takes besides the learning rate (for settings dialogs and messages).
OPTIMIZER_OPTIONS: dict[str, tuple[str, ...]] = {
    name: tuple(n for n in cls.hyper_names if n != "lr") for name, cls in _OPTIMIZER_CLASSES.items()}


def make_optimizer(name: str, lr: float, **options) -> Optimizer:
    """``make_optimizer("adam", 0.01, beta1=0.8)``. A bad name, learning rate or option raises a
    :class:`~simulator.errors.UserInputError` (a ``ValueError``) that says what is allowed."""
    key = str(name).strip().lower()
    if key not in _OPTIMIZER_CLASSES:
        raise UserInputError(f"unknown optimiser {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    allowed = OPTIMIZER_OPTIONS[key]
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        takes = f"it takes {', '.join(allowed)}" if allowed else "it takes only the learning rate"
        raise UserInputError(f"the {key} optimiser has no option {', '.join(map(repr, unknown))}; {takes}")
    return _OPTIMIZER_CLASSES[key](lr, **options)


# -- clipping ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClipReport:
    """The result of clipping: norms before and after, and the clipped gradients (new arrays).

    ``per_group_norms`` are the L2 norms of each parameter's gradient *before* clipping — which weight
    matrix exploded. Norms are inf or NaN when the gradients are.
    """

    norm_before: float
    norm_after: float
    clipped: bool
    per_group_norms: dict[str, float]
    grads: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)


def _norm(array: np.ndarray) -> float:
    """L2 norm that does not overflow for large finite values (an exploding gradient of 1e200 has a
    finite norm, and we want to show it). The plain dot product is tried first (one BLAS call); only
    when it overflows or underflows is the array scaled by its largest magnitude."""
    with np.errstate(all="ignore"):
        return _norm_in_errstate(array)


def _norm_in_errstate(array: np.ndarray) -> float:
    """:func:`_norm` for callers already inside ``np.errstate(all="ignore")`` (one context for many)."""
    array = np.asarray(array, dtype=np.float64).ravel()
    if array.size == 0:
        return 0.0
    squared = float(np.dot(array, array))
    if 1e-290 < squared < 1e290:
        return math.sqrt(squared)
    largest = float(np.max(np.abs(array)))
    if largest == 0.0 or not math.isfinite(largest):   # NaN or inf propagate as they are
        return largest
    return largest * float(np.sqrt(np.sum(np.square(array / largest))))


def global_norm(grads: dict[str, np.ndarray]) -> float:
    """‖g‖ over all parameters together: √(Σ_keys ‖g_key‖²), as ``clip_grad_norm_`` computes it."""
    return _combine(_group_norms(grads))


def _combine(group_norms: dict[str, float]) -> float:
    return _norm(np.fromiter(group_norms.values(), dtype=np.float64, count=len(group_norms)))


def _group_norms(grads: dict[str, np.ndarray]) -> dict[str, float]:
    with np.errstate(all="ignore"):
        return {key: _norm_in_errstate(g) for key, g in grads.items()}


def _check_threshold(threshold: Any) -> float:
    return _positive("clipping threshold", threshold)


def clip_by_value(grads: dict[str, np.ndarray], threshold: float) -> ClipReport:
    """Every component into [−threshold, threshold] (the lecture clips at 15), like
    ``torch.nn.utils.clip_grad_value_``. An infinite component becomes ±threshold; NaN stays NaN."""
    threshold = _check_threshold(threshold)
    groups = _group_norms(grads)
    with np.errstate(all="ignore"):
        clipped = any(bool(np.any(np.abs(g) > threshold)) for g in grads.values())
        new = {key: np.clip(g, -threshold, threshold) for key, g in grads.items()}
    return ClipReport(global_norm(grads), global_norm(new), clipped, groups, new)


def clip_by_norm(grads: dict[str, np.ndarray], threshold: float, eps: float = 0.0) -> ClipReport:
    """Rescale all gradients together so that their global L2 norm is at most ``threshold``, keeping
    the direction: g ← g · threshold / (‖g‖ + eps) when that factor is below 1.

    With the default eps = 0 the clipped norm is exactly the threshold. PyTorch's
    ``clip_grad_norm_`` adds eps = 1e-6 to the norm; pass ``eps=1e-6`` to reproduce it number for
    number. A non-finite norm cannot be rescaled meaningfully: the gradients come back unchanged
    (copied) with ``clipped=False`` and the report shows the inf/NaN norm.
    """
    threshold = _check_threshold(threshold)
    eps = _non_negative("eps", eps)
    groups = _group_norms(grads)
    before = _combine(groups)
    scale = threshold / (before + eps) if math.isfinite(before) and before + eps > 0 else 1.0
    if scale < 1.0:
        new = {key: g * scale for key, g in grads.items()}
        return ClipReport(before, _combine({key: n * scale for key, n in groups.items()}), True, groups, new)
    new = {key: np.array(g, copy=True) for key, g in grads.items()}
    return ClipReport(before, before, False, groups, new)


def no_clip(grads: dict[str, np.ndarray]) -> ClipReport:
    groups = _group_norms(grads)
    before = _combine(groups)
    return ClipReport(before, before, False, groups,
                      {key: np.array(g, copy=True) for key, g in grads.items()})


def clip(grads: dict[str, np.ndarray], mode: str = "none", threshold: float = 15.0) -> ClipReport:
    """``mode`` is "none", "value" or "norm"; the threshold is ignored for "none"."""
    if mode == "none":
        return no_clip(grads)
    if mode == "value":
        return clip_by_value(grads, threshold)
    if mode == "norm":
        return clip_by_norm(grads, threshold)
    raise UserInputError(f"unknown clipping mode {mode!r}; choose one of {', '.join(CLIP_MODES)}")
