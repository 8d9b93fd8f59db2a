"""Losses, summed over the steps t of a sequence and averaged over the sequences of a batch.

- ``ce``: the lecture's loss: the cross-entropy between y^t and its reference vector, summed over t.
  Needs a softmax output layer; computed from the logits so that it never takes log 0.
- ``mse``: the mean over output units of (y^t − r^t)², summed over t (for regression such as the
  adding problem, where a mask keeps only the last step).

Targets for ``ce`` may be class indices (T, B) or reference vectors (T, B, O); a mask (T, B) of 0/1
drops steps (variable-length sequences padded to one length).
"""
from __future__ import annotations

import numpy as np

LOSSES = ("ce", "mse")


def _mask(mask, shape) -> np.ndarray:
    if mask is None:
        return np.ones(shape)
    mask = np.asarray(mask, dtype=np.float64)
    if mask.ndim == 1:
        mask = mask[:, None]
    return np.broadcast_to(mask, shape)


def reference_vectors(targets, classes: int, shape) -> np.ndarray:
    targets = np.asarray(targets)
    if targets.ndim == len(shape):
        return targets.astype(np.float64)
    if targets.ndim == 1:
        targets = targets[:, None]
    targets = np.broadcast_to(targets, shape[:-1])
    if not np.issubdtype(targets.dtype, np.integer) and not np.all(targets == np.round(targets)):
        raise ValueError("class targets must be whole numbers")
    idx = targets.astype(np.int64)
    if np.any(idx < 0) or np.any(idx >= classes):
        raise ValueError(f"class targets must lie in 0…{classes - 1}")
    return np.eye(classes)[idx]


def class_indices(targets, classes: int, shape) -> np.ndarray | None:
    """Targets as class indices (T, B), or None when they are reference vectors."""
    targets = np.asarray(targets)
    if targets.ndim == len(shape) + 1:
        return None
    if targets.ndim == 1:
        targets = targets[:, None]
    targets = np.broadcast_to(targets, shape)
    if not np.issubdtype(targets.dtype, np.integer):
        if not np.all(targets == np.round(targets)):
            raise ValueError("class targets must be whole numbers")
        targets = targets.astype(np.int64)
    if targets.size and (targets.min() < 0 or targets.max() >= classes):
        raise ValueError(f"class targets must lie in 0…{classes - 1}")
    return targets


def log_softmax(z: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        shifted = z - np.max(z, axis=-1, keepdims=True)
        return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def evaluate(network, trace, targets, loss: str = "ce", mask=None):
    """Returns (L, per-step loss (T, B), ∂L/∂y or None, ∂L/∂z_y or None)."""
    y = trace.outputs
    T, B, O = y.shape[-3:]
    m = _mask(mask, (T, B))
    with np.errstate(all="ignore"):
        if loss == "ce":
            if network.head.activation != "softmax":
                raise ValueError("cross-entropy needs a softmax output layer; use MSE for this network")
            shifted, log_sum = trace.head["_shifted"], trace.head["_log_sum"]
            classes = class_indices(targets, O, (T, B))
            if classes is not None:
                # One reference class per step: pick its log-probability instead of a dot product.
                d_z_y = y.copy()
                if classes.shape == y.shape[:-1]:
                    # flat fancy indexing: a quarter of the loss's time of take/put_along_axis
                    flat = classes.reshape(-1)
                    where = np.arange(flat.size)
                    picked = (shifted.reshape(-1, O)[where, flat] - log_sum.reshape(-1)).reshape(classes.shape)
                    d_z_y.reshape(-1, O)[where, flat] -= 1.0
                else:
                    picked = np.take_along_axis(shifted - log_sum, classes[..., None], axis=-1)[..., 0]
                    np.put_along_axis(d_z_y, classes[..., None],
                                      np.take_along_axis(y, classes[..., None], axis=-1) - 1.0, axis=-1)
                step = -picked * m
            else:
                ref = reference_vectors(targets, O, y.shape)
                step = -np.sum(np.where(ref > 0, ref * (shifted - log_sum), 0.0), axis=-1) * m
                d_z_y = y - ref
            value = float(step.sum() / B)
            d_z_y *= (m / B)[..., None]
            return value, step, None, d_z_y
        if loss == "mse":
            ref = np.asarray(targets, dtype=np.float64)
            if ref.shape != y.shape:
                try:
                    ref = np.broadcast_to(ref, y.shape)
                except ValueError:
                    raise ValueError(f"MSE targets must have the shape of the outputs {y.shape}, not {ref.shape}") from None
            diff = y - ref
            step = np.mean(diff * diff, axis=-1) * m
            value = float(step.sum() / B)
            d_y = 2.0 * diff * m[..., None] / (B * O)
            return value, step, d_y, None
    raise ValueError(f"unknown loss {loss!r}; choose one of {', '.join(LOSSES)}")
