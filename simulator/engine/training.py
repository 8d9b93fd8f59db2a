"""The training step: minibatch → forward → loss → BPTT → clipping → optimiser, one update at a time.

Explosion is data, not an error. When the loss or a gradient becomes inf/NaN, or an update would push a
weight to inf/NaN, the trainer does not apply the update: it reports it (``UpdateReport.finite`` is
False and the message names the update and the last finite gradient norm), marks itself ``diverged``
and keeps the weights from before the bad update in ``last_finite_params``; ``rollback()`` puts
weights, optimiser state and random generator back to that moment so the same update can be retried,
for example with clipping switched on.

A run is exactly repeatable: the trainer owns ``np.random.default_rng(seed)`` and draws nothing else.
"""
from __future__ import annotations

import copy
import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterator

import numpy as np

from simulator.errors import UserInputError

from . import losses
from .optim import CLIP_MODES, Optimizer, clip, make_optimizer


class TrainingDiverged(RuntimeError):
    """Raised by :meth:`Trainer.step` on a trainer that has diverged and was not rolled back or reset."""


# -- configuration and data ----------------------------------------------------------------------------
@dataclass
class TrainingConfig:
    """Everything that defines a training run. The trainer reads it at every update, so changing a
    field (switching clipping on, lowering the learning rate) takes effect at the next update;
    changing the optimiser's name starts a fresh optimiser state."""

    loss: str = "ce"                          # "ce" (needs a softmax output layer) or "mse"
    optimizer: str = "sgd"                    # "sgd", "momentum", "rmsprop", "adam"
    lr: float = 0.1
    optimizer_options: dict[str, Any] = field(default_factory=dict)
    clip_mode: str = "none"                   # "none", "value" (each component), "norm" (global L2)
    clip_threshold: float = 15.0              # the lecture clips at 15
    truncate: int | None = None               # truncated BPTT window in steps; None = full BPTT
    seed: int | None = 0
    batch_size: int | None = None             # None = all sequences at every update
    steps: int = 1000                         # the budget that run() without a count works through

    def validate(self) -> None:
        if self.loss not in losses.LOSSES:
            raise UserInputError(f"unknown loss {self.loss!r}; choose one of {', '.join(losses.LOSSES)}")
        make_optimizer(self.optimizer, self.lr, **dict(self.optimizer_options))
        if self.clip_mode not in CLIP_MODES:
            raise UserInputError(f"unknown clipping mode {self.clip_mode!r}; choose one of {', '.join(CLIP_MODES)}")
        if self.clip_mode != "none":
            clip({}, self.clip_mode, self.clip_threshold)          # checks the threshold
        _check_count("truncation window", self.truncate, allow_none=True, minimum=1)
        _check_count("batch size", self.batch_size, allow_none=True, minimum=1)
        _check_count("number of updates", self.steps, allow_none=False, minimum=0)
        if self.seed is not None:
            _check_count("seed", self.seed, allow_none=False, minimum=0)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "TrainingConfig":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise UserInputError(f"unknown training setting {', '.join(map(repr, unknown))}")
        config = cls(**values)
        config.validate()
        return config


def _check_count(name: str, value: Any, allow_none: bool, minimum: int) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise UserInputError(f"the {name} must be a whole number ≥ {minimum}, not {value!r}")


@dataclass
class TrainingData:
    """Sequences to train on, time-major: x (T, N, D); targets as :mod:`losses` accepts them —
    class indices (T, N) or vectors (T, N, O); an optional 0/1 mask (T, N) drops padded steps.
    A single sequence x (T, D) is taken as N = 1 (targets (T,) or (T, O), mask (T,))."""

    x: np.ndarray
    targets: np.ndarray
    mask: np.ndarray | None = None

    def __post_init__(self):
        x = np.asarray(self.x, dtype=np.float64)
        targets = np.asarray(self.targets)
        mask = None if self.mask is None else np.asarray(self.mask, dtype=np.float64)
        if x.ndim == 2:                        # one sequence: add the batch axis everywhere
            x = x[:, None, :]
            targets = np.expand_dims(targets, 1)
            mask = None if mask is None else np.expand_dims(mask, 1)
        if x.ndim != 3 or x.shape[0] < 1 or x.shape[1] < 1:
            raise UserInputError(f"training inputs must be (steps, sequences, inputs), not {np.shape(self.x)}")
        T, N = x.shape[:2]
        if targets.ndim not in (2, 3) or targets.shape[:2] != (T, N):
            raise UserInputError(f"training targets must be ({T}, {N}) class indices or ({T}, {N}, outputs)"
                                 f" vectors, not {targets.shape}")
        if mask is not None:
            if mask.ndim == 1 and mask.shape[0] == T:
                mask = np.repeat(mask[:, None], N, axis=1)
            if mask.shape != (T, N):
                raise UserInputError(f"the training mask must be ({T}, {N}), not {mask.shape}")
        self.x, self.targets, self.mask = x, targets, mask

    @property
    def steps(self) -> int:
        return self.x.shape[0]

    @property
    def sequences(self) -> int:
        return self.x.shape[1]

    def select(self, indices: np.ndarray) -> "TrainingData":
        """The sequences at ``indices`` (a minibatch)."""
        return TrainingData(self.x[:, indices], self.targets[:, indices],
                            None if self.mask is None else self.mask[:, indices])


# -- reports -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class UpdateReport:
    """One update. Norms are of the gradient before and after clipping; ``per_group_norms`` are per
    parameter key, before clipping. ``finite`` False means the update was *not* applied and
    ``message`` says why, e.g. "loss became NaN at update 1234; gradient norm before it 3.2e8"."""

    update: int                 # 1-based index of this update
    loss: float                 # on the minibatch, before the update
    norm_before: float
    norm_after: float
    clipped: bool
    per_group_norms: dict[str, float]
    finite: bool
    message: str = ""


@dataclass
class TrainingHistory:
    """One entry per update tried: the applied ones, plus a last non-finite one if training diverged."""

    updates: list[int] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    norms_before: list[float] = field(default_factory=list)
    norms_after: list[float] = field(default_factory=list)
    clipped: list[bool] = field(default_factory=list)
    finite: list[bool] = field(default_factory=list)

    def append(self, report: UpdateReport) -> None:
        self.updates.append(report.update)
        self.losses.append(report.loss)
        self.norms_before.append(report.norm_before)
        self.norms_after.append(report.norm_after)
        self.clipped.append(report.clipped)
        self.finite.append(report.finite)

    def pop(self) -> None:
        for values in self.to_dict().values():
            values.pop()

    def clear(self) -> None:
        for values in self.to_dict().values():
            values.clear()

    def last_finite_norm(self) -> float | None:
        """The gradient norm (before clipping) of the latest update whose gradient was finite."""
        for norm in reversed(self.norms_before):
            if math.isfinite(norm):
                return norm
        return None

    def to_dict(self) -> dict[str, list]:
        """The lists themselves (not copies), keyed by field name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __len__(self) -> int:
        return len(self.updates)


def _number(value: float) -> str:
    """3.2e8 rather than 3.2e+08; 12.3 stays 12.3."""
    text = f"{value:.3g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text


def _describe(value: float) -> str:
    return "NaN" if math.isnan(value) else "infinite"


def _all_finite(arrays: dict[str, np.ndarray]) -> bool:
    return all(bool(np.all(np.isfinite(a))) for a in arrays.values())


def _first_non_finite(arrays: dict[str, np.ndarray]) -> tuple[str, str]:
    """(key, "NaN"/"infinite") of the first array holding a non-finite value."""
    for key, a in arrays.items():
        if not np.all(np.isfinite(a)):
            return key, "NaN" if np.any(np.isnan(a)) else "infinite"
    return "", ""


# -- the trainer ---------------------------------------------------------------------------------------
class Trainer:
    def __init__(self, network, data: TrainingData, config: TrainingConfig | None = None):
        self.network = network
        self.data = data if isinstance(data, TrainingData) else TrainingData(*data)
        self.config = config if config is not None else TrainingConfig()
        self.config.validate()
        if self.config.loss == "ce" and network.head.activation != "softmax":
            raise UserInputError("cross-entropy needs a softmax output layer; use MSE for this network")
        if self.data.x.shape[-1] != network.input_size:
            raise UserInputError(f"the network takes {network.input_size} inputs per step but the training"
                                 f" data has {self.data.x.shape[-1]}")
        self._initial_params = self._copy_params()
        self.rng = np.random.default_rng(self.config.seed)
        self._initial_rng_state = copy.deepcopy(self.rng.bit_generator.state)
        self.optimizer: Optimizer = self._new_optimizer()
        self.history = TrainingHistory()
        self.updates = 0                      # updates applied
        self.diverged = False
        self.last_finite_params: dict[str, np.ndarray] | None = None
        self.last_report: UpdateReport | None = None
        self._rollback_point: tuple[dict, dict, dict] | None = None

    # -- one update ---------------------------------------------------------------------------------
    def step(self) -> UpdateReport:
        """One update on one minibatch. Never raises or warns because numbers explode."""
        if self.diverged:
            raise TrainingDiverged(f"training diverged at update {self.updates + 1}; "
                                   "call rollback() or reset() before training on")
        config = self.config
        config.validate()
        self._sync_optimizer()
        index = self.updates + 1
        net = self.network
        rng_state = copy.deepcopy(self.rng.bit_generator.state)
        saved_params = self._copy_params()
        saved_optimizer = self.optimizer.state_dict()
        batch = self._draw_batch()

        with np.errstate(all="ignore"):
            loss, grads, _ = net.loss_and_gradients(batch.x, batch.targets, loss=config.loss, mask=batch.mask,
                                                    truncate=config.truncate)
            clipping = clip(grads, config.clip_mode, config.clip_threshold)
            problem = ""
            if not math.isfinite(loss):
                problem = f"loss became {_describe(loss)} at update {index}; {self._norm_before_it()}"
            elif not _all_finite(grads):
                key, what = _first_non_finite(grads)
                problem = f"gradient of {key} became {what} at update {index}; {self._norm_before_it()}"
            else:
                self.optimizer.step(net.params, clipping.grads)
                if not _all_finite(net.params):
                    key, what = _first_non_finite(net.params)
                    clipped = f" (clipped to {_number(clipping.norm_after)})" if clipping.clipped else ""
                    problem = (f"update {index} would make {key} {what}; "
                               f"gradient norm {_number(clipping.norm_before)}{clipped}")
                    self._restore_params(saved_params)
                    self.optimizer.load_state_dict(saved_optimizer)

        report = UpdateReport(update=index, loss=float(loss), norm_before=clipping.norm_before,
                              norm_after=clipping.norm_after, clipped=clipping.clipped,
                              per_group_norms=clipping.per_group_norms, finite=not problem, message=problem)
        self.history.append(report)
        self.last_report = report
        if problem:
            self.diverged = True
            self.last_finite_params = saved_params
            self._rollback_point = (saved_params, saved_optimizer, rng_state)
        else:
            self.updates += 1
        return report

    def run(self, n: int | None = None) -> Iterator[UpdateReport]:
        """Yield the reports of up to ``n`` updates (default: what is left of ``config.steps``),
        stopping after the first non-finite one. A diverged trainer yields nothing."""
        remaining = self.config.steps - self.updates if n is None else int(n)
        for _ in range(max(0, remaining)):
            if self.diverged:
                return
            report = self.step()
            yield report
            if not report.finite:
                return

    # -- going back --------------------------------------------------------------------------------
    def rollback(self) -> bool:
        """After divergence: restore the weights, optimiser state and random generator to just before
        the bad update and clear ``diverged`` (its report leaves the history). False if not diverged."""
        if not self.diverged or self._rollback_point is None:
            return False
        params, optimizer_state, rng_state = self._rollback_point
        self._restore_params(params)
        self.optimizer.load_state_dict(optimizer_state)
        self.rng.bit_generator.state = copy.deepcopy(rng_state)
        self.history.pop()
        self.diverged = False
        self._rollback_point = None
        return True

    def reset(self) -> None:
        """Back to the weights the trainer started from, a fresh optimiser and the initial random state."""
        self._restore_params(self._initial_params)
        self.rng.bit_generator.state = copy.deepcopy(self._initial_rng_state)
        self.optimizer = self._new_optimizer()
        self.history.clear()
        self.updates = 0
        self.diverged = False
        self.last_finite_params = None
        self.last_report = None
        self._rollback_point = None

    # -- evaluation -----------------------------------------------------------------------------------
    def evaluate(self, x=None, targets=None, mask=None) -> float:
        """The loss (``config.loss``) on the given sequences, or on all training data, without updating
        anything. Non-finite values are returned as they are."""
        data = self.data if x is None else TrainingData(x, targets, mask)
        with np.errstate(all="ignore"):
            trace = self.network.forward(data.x)
            value, *_ = losses.evaluate(self.network, trace, data.targets, self.config.loss, data.mask)
        return float(value)

    # -- helpers ------------------------------------------------------------------------------------
    def _draw_batch(self) -> TrainingData:
        size, count = self.config.batch_size, self.data.sequences
        if size is None or size >= count:
            return self.data
        return self.data.select(np.sort(self.rng.choice(count, size=size, replace=False)))

    def _new_optimizer(self) -> Optimizer:
        return make_optimizer(self.config.optimizer, self.config.lr, **dict(self.config.optimizer_options))

    def _sync_optimizer(self) -> None:
        """The config is the source of truth: new hyperparameters keep the state, a new kind resets it."""
        wanted = self._new_optimizer()
        if wanted.name != self.optimizer.name:
            self.optimizer = wanted
        elif wanted.hyperparameters() != self.optimizer.hyperparameters():
            for name, value in wanted.hyperparameters().items():
                setattr(self.optimizer, name, value)

    def _norm_before_it(self) -> str:
        norm = self.history.last_finite_norm()
        return "it was the first update" if norm is None else f"gradient norm before it {_number(norm)}"

    def _copy_params(self) -> dict[str, np.ndarray]:
        return {key: value.copy() for key, value in self.network.params.items()}

    def _restore_params(self, saved: dict[str, np.ndarray]) -> None:
        # In place where possible, so that anyone holding the network's arrays sees the restored values.
        for key, value in saved.items():
            target = self.network.params.get(key)
            if target is not None and target.shape == value.shape and target.flags.writeable:
                np.copyto(target, value)
            else:
                self.network.params[key] = value.copy()
