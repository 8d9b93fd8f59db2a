"""Activation functions by name, with derivatives written in terms of the input and the output.

Every function is safe on overflow and NaN: it never raises and never warns (the engine treats
explosion as data). The sigmoid is the numerically stable form.
"""
from __future__ import annotations

import numpy as np

NAMES = ("linear", "tanh", "sigmoid", "relu")

DESCRIPTIONS = {
    "linear": "identity: σ(x) = x",
    "tanh": "hyperbolic tangent, values in (−1, 1)",
    "sigmoid": "logistic 1 / (1 + e^−x), values in (0, 1); the gate function f of the lecture",
    "relu": "rectified linear: max(0, x)",
}


def sigmoid(x: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def apply(name: str, x: np.ndarray) -> np.ndarray:
    if name == "linear":
        return x
    if name == "tanh":
        return np.tanh(x)
    if name == "sigmoid":
        return sigmoid(x)
    if name == "relu":
        with np.errstate(invalid="ignore"):
            return np.maximum(x, 0)
    raise ValueError(f"unknown activation {name!r}; choose one of {', '.join(NAMES)}")


def derivative(name: str, x: np.ndarray, y: np.ndarray) -> np.ndarray | float:
    """dσ/dx at x, given y = σ(x) (whichever is cheaper is used)."""
    if name == "linear":
        return 1.0
    if name == "tanh":
        return 1.0 - y * y
    if name == "sigmoid":
        return y * (1.0 - y)
    if name == "relu":
        return (x > 0).astype(y.dtype)
    raise ValueError(f"unknown activation {name!r}")


def check(name: str, what: str = "activation") -> str:
    if name not in NAMES:
        raise ValueError(f"{what} must be one of {', '.join(NAMES)}, not {name!r}")
    return name
