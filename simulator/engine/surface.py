"""Loss surfaces: the loss over a 2-D plane of weights around the current ones.

Two kinds of axes span the plane:

- two :class:`ParamAxis` — two chosen scalar parameters, e.g. the recurrent weight w and the bias b of
  the single-unit RNN of Pascanu, Mikolov & Bengio (2013). The coordinates are the entries' absolute
  values; every other parameter keeps its current value.
- :class:`DirectionAxes` — two random directions d₁, d₂ in the space of all parameters, normalised per
  row ("filter") as in Li, Xu, Taylor, Studer & Goldstein (2018), *Visualizing the loss landscape of
  neural nets*: θ(α, β) = θ₀ + α·d₁ + β·d₂ with α, β ∈ [−span, span]. Biases get no direction by
  default (Li et al.'s choice), see :meth:`DirectionAxes.random`.

The whole grid is ONE batched forward pass: the grid points are a batch axis of every array, so each
step of the recurrence processes all points at once (a Python loop over points is ~1000× slower).
Points are processed in equal chunks — bounding the work arrays (``memory_budget``, 256 MB) and sized
to stay in cache — shared between ``workers`` threads (numpy releases the GIL).

Two evaluators compute the same numbers (tests hold them to a plain loop over points):

- the *fast* one (Elman, IRNN, feed-forward, LSTM and GRU layers, stacked and bidirectional, any head)
  never copies a weight matrix per point. The product with the shared weights is one BLAS call over
  all (point × sequence) columns; a varied scalar entry W[i, j] is zeroed there and added back exactly
  per point, ``pre[i] += w_point · source[j]``; a direction uses linearity,
  W(p)·s = W₀·s + α_p·(d₁·s) + β_p·(d₂·s), still one BLAS call. Arrays are feature-major
  (unit, point, sequence) so every elementwise step runs over long contiguous blocks, work happens in
  place (``out=``), only the steps the loss reads are kept, and a sigmoid is ½ + ½·tanh(z/2) with the
  ½ folded into its weight rows (one transcendental pass; halving is exact in floating point);
- the *generic* one runs the cells' own ``forward`` on weights with a leading point axis (any cell).

Explosion is data: overflow and NaN never warn or raise; ``SurfaceResult.finite_mask`` marks them.
"""
from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Iterator, Sequence

import numpy as np

from ..errors import UserInputError
from . import losses
from .cells.jordan import output_apply

#: Cells the fast evaluator implements; any other cell uses the cells' own batched forward.
FAST_KINDS = ("elman", "irnn", "feedforward", "lstm", "gru")

#: Default bound on the work arrays of one evaluation (all worker threads together).
DEFAULT_MEMORY_BUDGET = 256 * 2 ** 20

#: Per-step work arrays of about this size per chunk: smaller chunks cost Python overhead per step
#: (and GIL hand-overs between the workers), larger ones fall out of cache (measured on the LSTM).
_FAST_STEP_BYTES = 8 * 2 ** 20


# ------------------------------------------------------------------------------------------------
# Axes
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ParamAxis:
    """One scalar parameter as an axis: ``network.params[key][index]`` takes the values ``values``.

    ``values`` are absolute values of the entry; ``None`` means ``span`` on either side of its current
    value on the requested grid.
    """

    key: str
    index: tuple[int, ...] | int
    values: np.ndarray | Sequence[float] | None = None

    def entry(self, params: dict) -> tuple[int, ...]:
        """The index as a checked tuple for ``params[key]`` (raises UserInputError if it is not one)."""
        if self.key not in params:
            raise UserInputError(f"no parameter {self.key!r} in this network")
        shape = np.shape(params[self.key])
        index = (self.index,) if isinstance(self.index, (int, np.integer)) else tuple(self.index)
        if len(index) != len(shape) or any(not 0 <= int(i) < n for i, n in zip(index, shape)):
            raise UserInputError(f"{self.key} has shape {tuple(shape)}; {index} is not one of its entries")
        return tuple(int(i) for i in index)


@dataclass(frozen=True, eq=False)
class DirectionAxes:
    """Two directions d₁, d₂ through the weights ``origin``: θ(α, β) = origin + α·d₁ + β·d₂."""

    first: dict[str, np.ndarray]
    second: dict[str, np.ndarray]
    origin: dict[str, np.ndarray]
    description: str = "direction"

    @classmethod
    def random(cls, network, seed: int | None = 0, biases: str = "zero",
               params: dict | None = None) -> "DirectionAxes":
        """Two Gaussian directions, filter-normalised (Li et al. 2018, §4).

        Each row of a weight matrix — one unit's incoming weights, the analogue of a convolution filter
        — is rescaled to the norm of the same row of the weights, so the plot does not depend on the
        weights' scale and α = 1 is "one weight-sized step" for every unit. Biases (1-D parameters)
        follow Li et al.'s reference code: ``biases="zero"`` (default, its ``ignore='biasbn'``) keeps
        them fixed, ``"weights"`` uses the bias itself as its direction. The directions are drawn from
        ``numpy.random.default_rng(seed)`` in parameter order, so a seed always gives the same plane.
        """
        if biases not in ("zero", "weights"):
            raise ValueError("biases must be 'zero' or 'weights'")
        origin = {k: np.array(v, dtype=np.float64) for k, v in (params or network.params).items()}
        rng = np.random.default_rng(seed)
        pair = []
        for _ in range(2):
            direction = {}
            for key, w in origin.items():
                d = rng.standard_normal(w.shape)
                if w.ndim >= 2:
                    rows_w = np.linalg.norm(w.reshape(w.shape[0], -1), axis=1)
                    rows_d = np.linalg.norm(d.reshape(d.shape[0], -1), axis=1)
                    # the 1e-10 of the reference code: a zero row of weights gets a zero direction
                    d *= (rows_w / (rows_d + 1e-10)).reshape((-1,) + (1,) * (w.ndim - 1))
                else:
                    d = np.zeros_like(w) if biases == "zero" else w.copy()
                direction[key] = d
            pair.append(direction)
        bias_words = "biases fixed" if biases == "zero" else "biases along themselves"
        return cls(pair[0], pair[1], origin,
                   f"random direction (seed {seed}), each weight row scaled to the norm of the weights' "
                   f"row (Li et al. 2018); {bias_words}")


# ------------------------------------------------------------------------------------------------
# Result
# ------------------------------------------------------------------------------------------------
@dataclass
class SurfaceResult:
    """The loss on a grid: ``loss[i, j]`` is at (alpha[j], beta[i]) — rows are β, like an image."""

    alpha: np.ndarray
    beta: np.ndarray
    loss: np.ndarray                       # (n_beta, n_alpha); inf/NaN where the forward pass exploded
    finite_mask: np.ndarray                # (n_beta, n_alpha); False where the loss is inf or NaN
    center: tuple[float, float]            # (alpha, beta) of the current weights
    alpha_label: str = "α"
    beta_label: str = "β"
    metadata: dict = field(default_factory=dict)

    @property
    def shape(self) -> tuple[int, int]:
        return self.loss.shape

    @property
    def final(self) -> bool:
        """True for the full-resolution result (the last one a progressive computation yields)."""
        return bool(self.metadata.get("final", True))


# ------------------------------------------------------------------------------------------------
# Public functions
# ------------------------------------------------------------------------------------------------
def loss_surface(network, x, targets, loss: str, axes, grid=(65, 65), span=1.0, mask=None,
                 chunk_points: int | None = None, method: str = "auto", dtype=None,
                 workers: int | None = None, memory_budget: int = DEFAULT_MEMORY_BUDGET) -> SurfaceResult:
    """The loss (``"ce"`` or ``"mse"``, as :func:`losses.evaluate`) on a grid around the weights.

    ``axes`` is a pair of :class:`ParamAxis` or a :class:`DirectionAxes`. ``grid`` is (n_alpha,
    n_beta) or one n (a ParamAxis with explicit ``values`` sets its own size); ``span`` (one number or
    a pair) is the half-width: α, β ∈ [−span, span] for directions, ±span around the current value for
    a ParamAxis without values. ``method`` is ``"auto"`` (fast where supported), ``"fast"`` or
    ``"generic"``; ``dtype`` (fast evaluator only) defaults to the network's; ``workers`` threads
    share the chunks (default: one per core, at most 4); ``chunk_points`` overrides the chunk size.
    """
    job = _SurfaceJob(network, x, targets, loss, axes, grid, span, mask, chunk_points, method, dtype,
                      workers, memory_budget)
    return job.level(np.arange(len(job.alpha)), np.arange(len(job.beta)), final=True)


def loss_surface_progressive(network, x, targets, loss: str, axes, grid=(65, 65), span=1.0, mask=None,
                             chunk_points: int | None = None, first: int = 32, **options
                             ) -> Iterator[SurfaceResult]:
    """Coarse to fine: yields a ``first``×``first`` picture, then about twice the resolution each time,
    ending with the requested grid (``result.final``). Every level is a subset of the final grid and
    no point is computed twice, so the whole sequence costs what the final grid alone costs."""
    job = _SurfaceJob(network, x, targets, loss, axes, grid, span, mask, chunk_points,
                      options.pop("method", "auto"), options.pop("dtype", None), options.pop("workers", None),
                      options.pop("memory_budget", DEFAULT_MEMORY_BUDGET))
    if options:
        raise TypeError(f"unexpected options: {', '.join(options)}")
    n_alpha, n_beta = len(job.alpha), len(job.beta)
    sizes_alpha, sizes_beta = _level_sizes(n_alpha, first), _level_sizes(n_beta, first)
    levels = max(len(sizes_alpha), len(sizes_beta))
    sizes_alpha += [n_alpha] * (levels - len(sizes_alpha))
    sizes_beta += [n_beta] * (levels - len(sizes_beta))
    for level, (m_alpha, m_beta) in enumerate(zip(sizes_alpha, sizes_beta)):
        final = level == levels - 1
        yield job.level(_nested_indices(n_alpha, m_alpha), _nested_indices(n_beta, m_beta), final=final,
                        number=level)


def trajectory_coordinates(axes, params_history) -> tuple[np.ndarray, np.ndarray]:
    """Where a sequence of parameter dicts (an optimiser's path) lies on the surface's axes.

    For two ParamAxis: the two entries themselves. For directions: the least-squares projection of
    θ − origin onto span{d₁, d₂} (exact for points in the plane, the closest point otherwise)."""
    history = list(params_history)
    if isinstance(axes, DirectionAxes):
        keys = list(axes.origin)
        d1 = np.concatenate([np.ravel(axes.first[k]) for k in keys])
        d2 = np.concatenate([np.ravel(axes.second[k]) for k in keys])
        basis = np.stack([d1, d2], axis=1)
        if np.linalg.matrix_rank(basis) < 2:
            raise ValueError("the two directions are not independent; cannot project onto them")
        offsets = np.stack([np.concatenate([np.ravel(np.asarray(p[k], dtype=np.float64) - axes.origin[k])
                                            for k in keys]) for p in history], axis=1) if history else \
            np.zeros((len(d1), 0))
        coords, *_ = np.linalg.lstsq(basis, offsets, rcond=None)
        return coords[0], coords[1]
    first, second = _param_axes(axes)
    alpha = np.array([float(np.asarray(p[first.key])[first.index]) for p in history])
    beta = np.array([float(np.asarray(p[second.key])[second.index]) for p in history])
    return alpha, beta


# ------------------------------------------------------------------------------------------------
# Grid levels (coarse to fine)
# ------------------------------------------------------------------------------------------------
def _level_sizes(n: int, first: int) -> list[int]:
    # Double the resolution while that leaves a clearly coarser picture than the final one.
    sizes, m = [], max(2, int(first))
    while 1.5 * m <= n:
        sizes.append(m)
        m = 2 * m
    return sizes + [n]


def _nested_indices(n: int, m: int) -> np.ndarray:
    """m indices spread evenly over 0…n−1, both ends included. Prefers an exactly even stride (a size
    m′ near m with (n−1) divisible by (m′−1), e.g. 33 of 129) so the preview is a uniform grid."""
    if m >= n:
        return np.arange(n)
    for candidate in sorted(range(max(2, (3 * m) // 4), min(n - 1, (3 * m) // 2) + 1), key=lambda c: abs(c - m)):
        if (n - 1) % (candidate - 1) == 0:
            return np.arange(0, n, (n - 1) // (candidate - 1))
    return np.unique(np.round(np.linspace(0, n - 1, m)).astype(int))


# ------------------------------------------------------------------------------------------------
# The job: axes resolved to coordinates and a parameter variation, results filled in as computed
# ------------------------------------------------------------------------------------------------
def _param_axes(axes) -> tuple[ParamAxis, ParamAxis]:
    try:
        first, second = axes
    except (TypeError, ValueError):
        raise UserInputError("axes must be two ParamAxis or a DirectionAxes") from None
    if not isinstance(first, ParamAxis) or not isinstance(second, ParamAxis):
        raise UserInputError("axes must be two ParamAxis or a DirectionAxes")
    return first, second


def _pair(value, what: str) -> tuple:
    if np.ndim(value) == 0:
        return value, value
    if len(value) != 2:
        raise UserInputError(f"{what} must be one number or two")
    return tuple(value)


@dataclass
class _Variation:
    """How the parameters depend on the point (α, β).

    ``entries``: (key, index, axis) — that entry equals the point's coordinate on ``axis`` (0 = α,
    1 = β). ``dense``: key → (d_α, d_β) — the parameter is base + α·d_α + β·d_β. All else is ``base``.
    """

    base: dict[str, np.ndarray]
    entries: list[tuple[str, tuple[int, ...], int]]
    dense: dict[str, tuple[np.ndarray, np.ndarray]]

    def varied_keys(self) -> set[str]:
        return {key for key, _, _ in self.entries} | set(self.dense)


class _SurfaceJob:
    def __init__(self, network, x, targets, loss, axes, grid, span, mask, chunk_points, method, dtype,
                 workers, memory_budget):
        if loss not in losses.LOSSES:
            raise UserInputError(f"unknown loss {loss!r}; choose one of {', '.join(losses.LOSSES)}")
        if loss == "ce" and network.head.activation != "softmax":
            raise UserInputError("cross-entropy needs a softmax output layer; use MSE for this network")
        if method not in ("auto", "fast", "generic"):
            raise ValueError("method must be 'auto', 'fast' or 'generic'")
        self.network, self.loss_name = network, loss
        grid = _pair(grid, "grid")
        span = _pair(span, "span")
        grid = tuple(int(n) for n in grid)
        if min(grid) < 2:
            raise UserInputError("a loss surface needs at least 2 points per axis")

        if isinstance(axes, DirectionAxes):
            missing = set(network.params) - set(axes.origin)
            if missing or set(axes.origin) - set(network.params):
                raise UserInputError("the directions were made for a different network")
            self.alpha = np.linspace(-float(span[0]), float(span[0]), grid[0])
            self.beta = np.linspace(-float(span[1]), float(span[1]), grid[1])
            dense = {k: (np.asarray(axes.first[k], np.float64), np.asarray(axes.second[k], np.float64))
                     for k in axes.origin if np.any(axes.first[k]) or np.any(axes.second[k])}
            self.variation = _Variation(dict(axes.origin), [], dense)
            self.center = (0.0, 0.0)
            self.labels = ("α (direction 1)", "β (direction 2)")
            self.descriptions = (f"α: {axes.description}, first of two",
                                 f"β: {axes.description}, second of two")
        else:
            first, second = _param_axes(axes)
            params = network.params
            index_1, index_2 = first.entry(params), second.entry(params)
            if (first.key, index_1) == (second.key, index_2):
                raise UserInputError("the two axes must be two different parameters")
            coords = []
            for axis, index, n, half in ((first, index_1, grid[0], span[0]), (second, index_2, grid[1], span[1])):
                current = float(np.asarray(params[axis.key])[index])
                if axis.values is None:
                    values = np.linspace(current - float(half), current + float(half), n)
                else:
                    values = np.asarray(axis.values, dtype=np.float64).ravel()
                    if values.size < 2 or not np.all(np.isfinite(values)):
                        raise UserInputError(f"the values of {axis.key}{list(index)} must be 2 or more finite numbers")
                coords.append((values, current))
            (self.alpha, a0), (self.beta, b0) = coords
            self.variation = _Variation(dict(params), [(first.key, index_1, 0), (second.key, index_2, 1)], {})
            self.center = (a0, b0)
            self.labels = tuple(_entry_label(axis.key, index)
                                for axis, index in ((first, index_1), (second, index_2)))
            self.descriptions = tuple(_entry_description(network, axis.key, index)
                                      for axis, index in ((first, index_1), (second, index_2)))

        self.xs = network._as_batch(x)
        T, B, _ = self.xs.shape
        self.steps_mask = _step_mask(mask, T, B)
        self.kept = np.flatnonzero(self.steps_mask.any(axis=1))       # steps the loss reads
        self.targets = _prepare_targets(network, targets, loss, T, B)

        supported = all(cell.kind in FAST_KINDS for layer in network.layers for _, cell in layer.directions())
        if method == "fast" and not supported:
            raise UserInputError("the fast loss-surface evaluator supports only "
                                 f"{', '.join(FAST_KINDS)} layers; use method='generic'")
        self.method = "fast" if method == "fast" or (method == "auto" and supported) else "generic"
        self.dtype = np.dtype(dtype) if (dtype is not None and self.method == "fast") else network.dtype
        self.workers = max(1, int(workers)) if workers else max(1, min(4, os.cpu_count() or 1))
        self.memory_budget = int(memory_budget)
        self.evaluator = (_FastEvaluator(self) if self.method == "fast" else _GenericEvaluator(self))
        self.chunk_points = int(chunk_points) if chunk_points else self.evaluator.chunk_size()

        self.values = np.full((len(self.beta), len(self.alpha)), np.nan)
        self.done = np.zeros(self.values.shape, dtype=bool)

    # -- computing ------------------------------------------------------------------------------------
    def level(self, ia: np.ndarray, ib: np.ndarray, final: bool, number: int = 0) -> SurfaceResult:
        sub = np.ix_(ib, ia)
        todo_b, todo_a = np.nonzero(~self.done[sub])
        rows, cols = ib[todo_b], ia[todo_a]
        if rows.size:
            self.values[rows, cols] = self._evaluate(self.alpha[cols], self.beta[rows])
            self.done[rows, cols] = True
        loss = self.values[sub].copy()
        return SurfaceResult(
            alpha=self.alpha[ia].copy(), beta=self.beta[ib].copy(), loss=loss, finite_mask=np.isfinite(loss),
            center=self.center, alpha_label=self.labels[0], beta_label=self.labels[1],
            metadata={"alpha_axis": self.descriptions[0], "beta_axis": self.descriptions[1],
                      "loss": self.loss_name, "method": self.method, "dtype": self.dtype.name,
                      "level": number, "final": final, "points_computed": int(rows.size),
                      "chunk_points": self.chunk_points})

    def _evaluate(self, alpha: np.ndarray, beta: np.ndarray) -> np.ndarray:
        # Equal chunks, none larger than chunk_points, as many as a multiple of the workers.
        count = math.ceil(len(alpha) / self.chunk_points)
        count = min(len(alpha), math.ceil(count / self.workers) * self.workers)
        size = math.ceil(len(alpha) / count)
        chunks = [slice(s, min(s + size, len(alpha))) for s in range(0, len(alpha), size)]
        out = np.empty(len(alpha))

        def run(chunk: slice) -> None:
            with np.errstate(all="ignore"):          # per thread: numpy's error state is thread-local
                out[chunk] = self.evaluator.losses(alpha[chunk], beta[chunk])

        if self.workers == 1 or len(chunks) == 1:
            for chunk in chunks:
                run(chunk)
        else:
            # numpy's ufuncs and BLAS release the GIL, so two threads use two cores
            with ThreadPoolExecutor(self.workers) as pool:
                list(pool.map(run, chunks))
        return out


def _entry_label(key: str, index: tuple[int, ...]) -> str:
    return f"{key}[{', '.join(str(i) for i in index)}]"


def _entry_description(network, key: str, index: tuple[int, ...]) -> str:
    parts = key.split(".")
    name = parts[-1]
    if parts[0] == "head":
        where, words = "the output layer", {"W": "hidden → output weights", "b": "output bias"}.get(name, "")
    else:
        k = int(parts[1])
        reverse = len(parts) == 4
        cell = network.layers[k].reverse_cell if reverse else network.layers[k].cell
        where = f"layer {k + 1}" + (" (reverse direction)" if reverse else "")
        words = cell.param_descriptions().get(name, "")
    entry = f"{name}[{', '.join(str(i) for i in index)}]"
    return f"{entry} of {where}" + (f" ({words})" if words else "") + ", absolute value"


def _step_mask(mask, T: int, B: int) -> np.ndarray:
    if mask is None:
        return np.ones((T, B))
    mask = np.asarray(mask, dtype=np.float64)
    if mask.ndim == 1:
        mask = mask[:, None]
    try:
        return np.broadcast_to(mask, (T, B)).copy()
    except ValueError:
        raise UserInputError(f"the mask must have shape ({T}, {B}) or ({T},), not {mask.shape}") from None


def _prepare_targets(network, targets, loss, T, B) -> np.ndarray:
    O = network.head.output_size
    if loss == "ce":
        return losses.reference_vectors(targets, O, (T, B, O))
    ref = np.asarray(targets, dtype=np.float64)
    if B == 1 and ref.shape == (T, O):                  # one sequence given without its batch axis
        ref = ref[:, None, :]
    try:
        return np.broadcast_to(ref, (T, B, O))
    except ValueError:
        raise UserInputError(f"MSE targets must have the shape of the outputs {(T, B, O)}, not {ref.shape}") from None


def _point_losses(job: _SurfaceJob, y: np.ndarray, z_y: np.ndarray | None) -> np.ndarray:
    """Per-point loss from the outputs at the kept steps, y: (K, P, B, O) — as losses.evaluate."""
    kept = job.kept
    m = job.steps_mask[kept][:, None, :]                             # (K, 1, B)
    ref = job.targets[kept][:, None]                                 # (K, 1, B, O)
    B = job.xs.shape[1]
    if job.loss_name == "mse":
        diff = y - ref
        step = np.mean(diff * diff, axis=-1) * m
    else:
        logp = losses.log_softmax(z_y)
        step = -np.sum(np.where(ref > 0, ref * logp, 0.0), axis=-1) * m
    return step.sum(axis=(0, 2)) / B


def _point_params(variation: _Variation, alpha: np.ndarray, beta: np.ndarray, dtype) -> dict:
    """The varied parameters with a leading point axis (P, …); the others as they are."""
    params = {k: np.asarray(v, dtype=dtype) for k, v in variation.base.items()}
    coords = (alpha.astype(dtype), beta.astype(dtype))
    for key, (d_alpha, d_beta) in variation.dense.items():
        shape = (-1,) + (1,) * d_alpha.ndim
        params[key] = (params[key] + coords[0].reshape(shape) * d_alpha.astype(dtype)
                       + coords[1].reshape(shape) * d_beta.astype(dtype))
    for key, index, axis in variation.entries:
        if params[key].ndim == variation.base[key].ndim:
            params[key] = np.repeat(params[key][None], len(alpha), axis=0)
        params[key][(slice(None),) + index] = coords[axis]
    return params


# ------------------------------------------------------------------------------------------------
# The generic evaluator: the cells' own forward on parameter-batched weights
# ------------------------------------------------------------------------------------------------
class _GenericEvaluator:
    """Runs every layer's ``cell.forward`` with the points as a leading parameter-batch axis.

    It mirrors Network.forward with two differences that parameter batches need: the initial states
    are broadcast to the point axis (the cells stack the state of every step, and the first one must
    have the shape of the rest), and a layer whose input already carries the point axis gets its
    unvaried weights with a leading axis of 1 (the cells' input projection expects (T, B, D) inputs
    for plain 2-D weights)."""

    def __init__(self, job: _SurfaceJob):
        self.job = job

    def chunk_size(self) -> int:
        # Measure the memory of one point: a forward pass on a single point, records included. The
        # cells keep per-step lists and then stack them, so the peak is about twice the records.
        probe = self.job
        one = np.zeros(1)
        params = _point_params(probe.variation, one, one, probe.dtype)
        trace = self._forward(params, 1)
        per_point = sum(v.nbytes for lt in trace[0] for rec in lt.values() for v in rec.values())
        varied = sum(params[key].nbytes for key in probe.variation.varied_keys())
        per_point = 2 * per_point + trace[1].nbytes * 3 + 2 * varied + 1
        budget = probe.memory_budget / probe.workers
        return int(max(1, min(4096, budget // per_point)))

    def _forward(self, params: dict, points: int):
        net, xs = self.job.network, self.job.xs
        T, B, _ = xs.shape
        current, batched, records = xs, False, []
        for k, layer in enumerate(net.layers):
            prefix = f"layers.{k}"
            layer_varied = any(key.startswith(prefix + ".") for key in self.job.variation.varied_keys())
            outputs, layer_records = [], {}
            for direction, cell in layer.directions():
                p = net._cell_params(params, k, direction)
                if batched:
                    p = {n: (v[None] if v.ndim == len(cell.param_shapes()[n]) else v) for n, v in p.items()}
                state = net.initial_state(k, direction, B)
                if batched or layer_varied:
                    state = {s: np.ascontiguousarray(np.broadcast_to(v, (points,) + v.shape))
                             for s, v in state.items()}
                seq = current if direction == "forward" else current[::-1]
                out, rec, _ = cell.forward(p, seq, state)
                if direction == "reverse":
                    out = out[::-1]
                    rec = {n: v[::-1] for n, v in rec.items()}
                outputs.append(out)
                layer_records[direction] = rec
            batched = batched or layer_varied
            current = outputs[0] if len(outputs) == 1 else np.concatenate(np.broadcast_arrays(*outputs), axis=-1)
            records.append(layer_records)
        if current.ndim == 3:                        # no layer varied (only the head): add the point axis
            current = current[:, None]
        return records, current

    def losses(self, alpha: np.ndarray, beta: np.ndarray) -> np.ndarray:
        job, net = self.job, self.job.network
        params = _point_params(job.variation, alpha, beta, job.dtype)
        _, top = self._forward(params, len(alpha))
        top = top[job.kept]                                              # (K, P or 1, B, H)
        z_y = None
        if net.head.activation == "identity":
            y = top
        else:
            z_y = np.matmul(top, np.swapaxes(params["head.W"], -1, -2)[None] if params["head.W"].ndim == 3
                            else params["head.W"].T)
            if net.head.use_bias:
                b = params["head.b"]
                z_y = z_y + (b[None, :, None, :] if b.ndim == 2 else b)
            y = output_apply(net.head.activation, z_y) if net.head.activation != "linear" else z_y
        result = _point_losses(job, y, z_y)
        return np.broadcast_to(result, alpha.shape)


# ------------------------------------------------------------------------------------------------
# The fast evaluator
# ------------------------------------------------------------------------------------------------
# Layout: every array is feature-major, (features, P, B): unit k's values for all P points and all B
# sequences are one contiguous block. Elementwise steps then run over long contiguous arrays (with a
# point-major (P, B, 4H) layout and H = 8, numpy loops over rows of 8 and the LSTM is 2× slower), and
# a weight product is one BLAS call (rows × features) @ (features × P·B).
@dataclass
class _ChunkParam:
    """One parameter as the fast evaluator uses it for one chunk of P points.

    ``base`` is the parameter with the varied entries zeroed. ``along`` = (d_α, d_β) when it moves
    along directions: it is then base + α·d_α + β·d_β, and because a product is linear in the weights,
    W(p)·s = base·s + α_p·(d_α·s) + β_p·(d_β·s) — three shared products in one BLAS call instead of P
    small ones. ``entries``: (row i, column j, or None for a bias, values (P, 1)) — W[i, j] = values.
    Rows that feed a sigmoid are halved throughout (see :func:`_activate`)."""

    base: np.ndarray
    along: tuple[np.ndarray, np.ndarray] | None = None
    entries: list = field(default_factory=list)

    def stacked(self) -> np.ndarray | None:
        """[base; d_α; d_β] for one BLAS call (base alone without directions; None if all zero)."""
        if self.along is not None:
            return np.concatenate([self.base, *self.along], axis=0)
        return self.base if np.any(self.base) else None


def _hstack(params: list[_ChunkParam]) -> _ChunkParam:
    """Weights of sources stacked as one source (e.g. [W_a | W_c] acting on [a; c])."""
    if len(params) == 1:
        return params[0]
    base = np.concatenate([p.base for p in params], axis=1)
    along = None
    if any(p.along is not None for p in params):
        along = tuple(np.concatenate([p.along[k] if p.along is not None else np.zeros_like(p.base)
                                      for p in params], axis=1) for k in range(2))
    entries, offset = [], 0
    for p in params:
        entries += [(i, j + offset, values) for i, j, values in p.entries]
        offset += p.base.shape[1]
    return _ChunkParam(base, along, entries)


class _Sum:
    """A pre-activation of n rows for P points, W_s·s + W_x·x + b, computed into ``self.out``.

    ``s`` is the cell's state (a, or [a; c]) and changes every step; ``x`` is either the network's input
    (the same for every point: its product with the weights is computed once for the whole sequence)
    or a lower layer's output (per point: one BLAS call per step)."""

    def __init__(self, n: int, alpha: np.ndarray, beta: np.ndarray, state: _ChunkParam | None,
                 inputs: _ChunkParam | None, bias: _ChunkParam | None, xs_shared: np.ndarray | None,
                 B: int, dtype):
        P = len(alpha)
        self.n = n
        self.alpha = alpha.astype(dtype).reshape(1, P, 1)
        self.beta = beta.astype(dtype).reshape(1, P, 1)
        self.state_matrix = state.stacked() if state is not None else None
        self.state_along = state is not None and state.along is not None
        self.input_matrix, self.input_along = None, False
        shared, self.shared_along = None, None
        if inputs is not None:
            if xs_shared is None:
                self.input_matrix = inputs.stacked()
                self.input_along = inputs.along is not None
            else:
                shared = np.matmul(inputs.base, xs_shared)                              # (T, n, B)
                if inputs.along is not None:
                    self.shared_along = np.matmul(np.concatenate(inputs.along), xs_shared)  # (T, 2n, B)
        self.bias_points = None
        if bias is not None:
            b = bias.base.reshape(n, 1, 1) if shared is None else bias.base[:, None]
            shared = b if shared is None else shared + b
            if bias.along is not None:
                self.bias_points = (bias.along[0][:, None, None] * self.alpha
                                    + bias.along[1][:, None, None] * self.beta)
        self.shared = shared if shared is not None and np.any(shared) else None   # e.g. zero inputs, no bias
        self.shared_per_step = xs_shared is not None and inputs is not None       # (T, n, B), else (n, 1, 1)
        self.entries = [("s", i, j, v) for i, j, v in (state.entries if state is not None else [])]
        self.entries += [("x", i, j, v) for i, j, v in (inputs.entries if inputs is not None else [])]
        self.entries += [("1", i, None, v) for i, _, v in (bias.entries if bias is not None else [])]
        self.constant = (self.state_matrix is None and self.input_matrix is None and not self.entries
                         and self.shared_along is None and self.bias_points is None)
        # With nothing else to write first, entries that cover every row write instead of adding.
        self.entries_write_first = (self.state_matrix is None and self.input_matrix is None
                                    and self.shared is None and self.shared_along is None
                                    and self.bias_points is None
                                    and {i for _, i, _, _ in self.entries} == set(range(n)))
        rows = 3 * n if (self.state_along or self.input_along or self.shared_along is not None) else n
        self.work = np.empty((rows, P, B), dtype=dtype)
        self.extra = np.empty((rows, P, B), dtype=dtype) if (self.input_matrix is not None or
                                                              self.shared_along is not None) else None
        self.out = self.work[:n]
        self.column = np.empty((P, B), dtype=dtype)

    def shared_at(self, t: int) -> np.ndarray | None:
        """The part that is the same for every point, shaped to broadcast over (n, P, B)."""
        if self.shared is None:
            return None
        return self.shared[t][:, None, :] if self.shared_per_step else self.shared

    def _product(self, matrix: np.ndarray, source: np.ndarray, buffer: np.ndarray, along: bool) -> None:
        """buffer[:n] = W(p)·source for every point p, from one BLAS call."""
        rows = matrix.shape[0]
        _matmul(matrix, source.reshape(source.shape[0], -1), buffer[:rows].reshape(rows, -1))
        if along:
            n = self.n
            buffer[n:2 * n] *= self.alpha
            buffer[2 * n:3 * n] *= self.beta
            buffer[:n] += buffer[n:2 * n]
            buffer[:n] += buffer[2 * n:3 * n]

    def compute(self, t: int, state: np.ndarray | None, x: np.ndarray) -> np.ndarray:
        out, written = self.out, False
        if self.state_matrix is not None:
            self._product(self.state_matrix, state, self.work, self.state_along)
            written = True
        if self.input_matrix is not None:
            self._product(self.input_matrix, x, self.work if not written else self.extra, self.input_along)
            if written:
                out += self.extra[:self.n]
            written = True
        shared = self.shared_at(t)
        if shared is not None:
            if written:
                out += shared
            else:
                np.copyto(out, shared)
                written = True
        if self.shared_along is not None:
            n, extra = self.n, self.extra
            along = self.shared_along[t]                                      # (2n, B): d_α·x, d_β·x
            np.multiply(along[:n, None, :], self.alpha, out=extra[:n])
            np.multiply(along[n:, None, :], self.beta, out=extra[n:2 * n])
            if written:
                out += extra[:n]
            else:
                np.copyto(out, extra[:n])
                written = True
            out += extra[n:2 * n]
        if self.bias_points is not None:
            if written:
                out += self.bias_points
            else:
                np.copyto(out, np.broadcast_to(self.bias_points, out.shape))
                written = True
        fresh = set()
        if not written:
            if self.entries_write_first:
                fresh = set(range(self.n))
            else:
                out.fill(0.0)
        for source, i, j, values in self.entries:
            row = out[i]
            if j is None:                                             # a bias entry
                if i in fresh:
                    np.copyto(row, np.broadcast_to(values, row.shape))
                    fresh.discard(i)
                else:
                    row += values
                continue
            src = (state if source == "s" else x)[j]                # (P, B), or (B,) for a shared input
            if i in fresh:
                np.multiply(values, src, out=row)
                fresh.discard(i)
            else:
                np.multiply(values, src, out=self.column)
                row += self.column
        return out


#: OpenBLAS runs a product single-threaded below m·n·k = 4·65536; above, its threads spin-wait
#: (with our worker threads, or anything else on the machine) and a (32 × 8)·(8 × 8192) product took
#: 7× longer than the same product cut in blocks. Numpy loops over the blocks in C.
_BLAS_SINGLE_THREAD_WORK = 2 ** 17


def _matmul(W: np.ndarray, source: np.ndarray, out: np.ndarray) -> None:
    """out = W @ source for a wide source (features × P·B), in column blocks small enough that the
    BLAS keeps each one on the calling thread."""
    rows, inner = W.shape
    cols = source.shape[1]
    block = max(128, 1 << int(math.log2(max(1, _BLAS_SINGLE_THREAD_WORK // (rows * inner)))))
    count = cols // block
    if count <= 1:
        np.matmul(W, source, out=out)
        return
    main = count * block
    np.matmul(W, source[:, :main].reshape(inner, count, block).transpose(1, 0, 2),
              out=out[:, :main].reshape(rows, count, block).transpose(1, 0, 2))
    if main < cols:
        np.matmul(W, source[:, main:], out=out[:, main:])


def _activate(name: str, v: np.ndarray, out: np.ndarray, half_scaled: bool) -> None:
    """out = σ(v) in place. A sigmoid's input arrives as z/2 when ``half_scaled``: σ(z) = ½ + ½·tanh(z/2)
    is one transcendental pass (``activations.sigmoid`` needs exp, a division and a select)."""
    if name == "tanh":
        np.tanh(v, out=out)
    elif name == "sigmoid":
        if not half_scaled:
            np.multiply(v, 0.5, out=out)
            v = out
        np.tanh(v, out=out)
        out *= 0.5
        out += 0.5
    elif name == "relu":
        np.maximum(v, 0, out=out)
    elif name == "linear":
        if out is not v:
            np.copyto(out, v)
    else:
        raise ValueError(f"unknown activation {name!r}")


def _row_scale(cell) -> np.ndarray | None:
    """½ on the rows of a cell's stacked weights whose pre-activation goes straight into a sigmoid."""
    H = cell.hidden_size
    if cell.kind == "lstm":
        return np.concatenate([np.ones(H), np.full(3 * H, 0.5)]) if cell.gate == "sigmoid" else None
    if cell.kind == "gru":
        return np.concatenate([np.full(2 * H, 0.5), np.ones(H)])
    return np.full(H, 0.5) if cell.activation == "sigmoid" else None


class _FastEvaluator:
    def __init__(self, job: _SurfaceJob):
        self.job = job

    def _bytes_per_point(self) -> tuple[int, int]:
        """Approximate bytes per grid point: (everything, the per-step work arrays)."""
        job, net = self.job, self.job.network
        T, B, _ = job.xs.shape
        item = np.dtype(job.dtype).itemsize
        along = 3 if job.variation.dense else 1
        stored, step = 0, 0
        for k, layer in enumerate(net.layers):
            stored += (len(job.kept) if k == len(net.layers) - 1 else T) * B * layer.output_size
            for _, cell in layer.directions():
                n = {"lstm": 4, "gru": 3}.get(cell.kind, 1) * cell.hidden_size
                step = max(step, B * (2 * along * n * (2 if cell.kind == "gru" else 1) + 4 * cell.hidden_size))
        head = (2 + along) * len(job.kept) * B * net.head.output_size
        return int((stored + step + head) * item), int(step * item)

    def chunk_size(self) -> int:
        total, step = self._bytes_per_point()
        by_memory = (self.job.memory_budget / self.job.workers) // max(total, 1)
        by_cache = _FAST_STEP_BYTES // max(step, 1)
        return int(max(1, min(by_memory, max(by_cache, 16))))

    def _param(self, key: str, alpha: np.ndarray, beta: np.ndarray, row_scale: np.ndarray | None) -> _ChunkParam:
        variation, dtype = self.job.variation, self.job.dtype
        base = np.array(variation.base[key], dtype=dtype)
        scale = (row_scale.reshape((-1,) + (1,) * (base.ndim - 1)).astype(dtype)
                 if row_scale is not None else None)
        param = _ChunkParam(base)
        coords = (alpha.astype(dtype)[:, None], beta.astype(dtype)[:, None])
        for entry_key, index, axis in variation.entries:
            if entry_key == key:
                base[index] = 0.0                               # added per point instead
                values = coords[axis] * (row_scale[index[0]] if row_scale is not None else 1.0)
                param.entries.append((index[0], index[1] if len(index) > 1 else None, values))
        if key in variation.dense:
            param.along = tuple(d.astype(dtype) * scale if scale is not None else d.astype(dtype)
                                for d in variation.dense[key])
        if scale is not None:
            param.base = base * scale
        return param

    def losses(self, alpha: np.ndarray, beta: np.ndarray) -> np.ndarray:
        job, net = self.job, self.job.network
        P, dtype = len(alpha), job.dtype
        T, B, _ = job.xs.shape
        xs = job.xs if isinstance(job.xs, np.ndarray) else job.xs.dense(dtype)          # token ids → one-hot
        xs_shared = np.ascontiguousarray(xs.transpose(0, 2, 1), dtype=dtype)           # (T, D, B)
        current = None                                    # a lower layer's outputs (T, F, P, B)
        last = len(net.layers) - 1
        for k, layer in enumerate(net.layers):
            steps = job.kept if k == last else np.arange(T)
            slot = np.full(T, -1)
            slot[steps] = np.arange(len(steps))
            outputs = np.empty((len(steps), layer.output_size, P, B), dtype=dtype)
            offset = 0
            for direction, cell in layer.directions():
                prefix = net._prefix(k, direction)
                scale = _row_scale(cell)
                params = {name: self._param(f"{prefix}.{name}", alpha, beta, scale) for name in cell.param_shapes()}
                initial = {s: v.astype(dtype).T[:, None, :] for s, v in net.initial_state(k, direction, B).items()}
                order = range(T) if direction == "forward" else range(T - 1, -1, -1)
                _run_cell(cell, params, initial, xs_shared if current is None else None, current, alpha, beta,
                          order, slot, outputs, offset, dtype, scale is not None)
                offset += cell.output_size
            current = outputs
        return self._head(current, alpha, beta)

    def _head(self, top: np.ndarray, alpha: np.ndarray, beta: np.ndarray) -> np.ndarray:
        """Output layer and loss on the kept steps; ``top`` is (K, F, P, B)."""
        job, net = self.job, self.job.network
        K, F, P, B = top.shape
        z_y = None
        if net.head.activation == "identity":
            y = top.transpose(0, 2, 3, 1)
        else:
            W = self._param("head.W", alpha, beta, None)
            O = W.base.shape[0]
            stacked = W.base if W.along is None else np.concatenate([W.base, *W.along])
            products = np.empty((K, len(stacked), P, B), dtype=top.dtype)
            for k in range(K):
                _matmul(stacked, top[k].reshape(F, P * B), products[k].reshape(len(stacked), P * B))
            z = products[:, :O]                                                       # (K, O, P, B)
            if W.along is not None:
                z += products[:, O:2 * O] * alpha.reshape(1, 1, P, 1).astype(top.dtype)
                z += products[:, 2 * O:] * beta.reshape(1, 1, P, 1).astype(top.dtype)
            for i, j, values in W.entries:
                z[:, i] += values * top[:, j]
            if net.head.use_bias:
                b = self._param("head.b", alpha, beta, None)
                z += b.base[:, None, None]
                if b.along is not None:
                    z += (b.along[0][:, None, None] * alpha.reshape(1, P, 1)
                          + b.along[1][:, None, None] * beta.reshape(1, P, 1))
                for i, _, values in b.entries:
                    z[:, i] += values
            z_y = z.transpose(0, 2, 3, 1)                                             # (K, P, B, O)
            y = output_apply(net.head.activation, z_y) if net.head.activation != "linear" else z_y
        return _point_losses(job, y, z_y)


def _run_cell(cell, params: dict[str, _ChunkParam], initial: dict, xs_shared, below, alpha, beta, order,
              slot: np.ndarray, outputs: np.ndarray, offset: int, dtype, half_scaled: bool) -> None:
    """Run one cell for P points at once (feature-major), writing the kept steps into ``outputs``.

    ``xs_shared`` (T, D, B) is the network's input, the same for every point; otherwise ``below``
    (T, D, P, B) is the lower layer's output."""
    H, P = cell.hidden_size, len(alpha)
    B = outputs.shape[-1]
    kind = cell.kind
    shape = (H, P, B)

    def make_sum(n, state_names, input_name, bias_name):
        state = _hstack([params[s] for s in state_names]) if state_names else None
        return _Sum(n, alpha, beta, state, params.get(input_name), params.get(bias_name), xs_shared, B, dtype)

    # the state buffer: [a; c] for an LSTM, a otherwise; the sums read the rows they need
    state = np.empty((2 * H if kind == "lstm" else H, P, B), dtype=dtype)
    a = state[:H]
    if "a" in initial:
        np.copyto(a, initial["a"])
    else:                                                         # feed-forward: no memory
        a.fill(0.0)
    if kind == "lstm":
        c = state[H:]
        np.copyto(c, initial["c"])
        uses = [n for n, on in (("W_a", cell.recurrence), ("W_c", cell.peephole)) if on]
        pre_sum = make_sum(4 * H, uses, "W_x", "b")
        source = state if uses == ["W_a", "W_c"] else (c if uses == ["W_c"] else a)
    elif kind == "gru":
        gh_sum = make_sum(3 * H, ["W_a"], None, "b_a")
        gx_sum = make_sum(3 * H, [], "W_x", "b_x")
        n_buf = np.empty(shape, dtype=dtype)
    elif kind == "feedforward":
        pre_sum = make_sum(H, [], "W_x", "b")
    else:                                                         # elman, irnn
        pre_sum = make_sum(H, ["W_a"], "W_x", "b")
    tmp = np.empty(shape, dtype=dtype)
    for t in order:
        x = xs_shared[t] if below is None else below[t]
        if kind == "lstm":
            pre = pre_sum.compute(t, source, x)
            _activate(cell.g, pre[:H], pre[:H], False)
            gates = pre[H:]
            _activate(cell.gate, gates, gates, True)
            f_i, f_f, f_o = pre[H:2 * H], pre[2 * H:3 * H], pre[3 * H:]
            np.multiply(pre[:H], f_i, out=tmp)                  # c′ = g(z)·f(z_i) + c·f(z_f)
            c *= f_f
            c += tmp
            _activate(cell.h, c, tmp, False)                    # a = h(c′)·f(z_o)
            np.multiply(tmp, f_o, out=a)
        elif kind == "gru":
            gh = gh_sum.compute(t, a, x)
            if gx_sum.constant:
                gx = gx_sum.shared_at(t)
            else:
                gx = gx_sum.compute(t, None, x)
            rz = gh[:2 * H]
            if gx is not None:
                rz += gx[:2 * H]
            _activate("sigmoid", rz, rz, True)
            r, z = rz[:H], rz[H:]
            np.multiply(r, gh[2 * H:], out=n_buf)                # n = tanh(gx_n + r·gh_n)
            if gx is not None:
                n_buf += gx[2 * H:]
            _activate(cell.activation, n_buf, n_buf, False)
            np.subtract(1.0, z, out=tmp)                         # a′ = (1 − z)·n + z·a
            tmp *= n_buf
            a *= z
            a += tmp
        else:
            pre = pre_sum.compute(t, a, x)
            _activate(cell.activation, pre, a, half_scaled)
        if slot[t] >= 0:
            outputs[slot[t], offset:offset + H] = a
