"""The Jordan network: the memory holds the network's output y^{t−1}, not the hidden output a^{t−1}.

    a^t = σ(W_x x^t + W_m y^{t−1} + b)
    y^t = σ_y(W_y a^t + b_y)

The output layer is part of the cell because what it outputs is what gets stored; the layer's output
is y^t. The lecture: y has a target, so what the memory holds is easier to know than a hidden a.
"""
from __future__ import annotations

import numpy as np

from .. import activations as act
from .base import Cell, bias, cut, input_grad, input_projection, lin, time_outer, transpose

OUTPUT_ACTIVATIONS = act.NAMES + ("softmax",)


def softmax(z: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        shifted = z - np.max(z, axis=-1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=-1, keepdims=True)


def output_apply(name: str, z: np.ndarray) -> np.ndarray:
    return softmax(z) if name == "softmax" else act.apply(name, z)


def output_backward(name: str, z: np.ndarray, y: np.ndarray, d_y: np.ndarray) -> np.ndarray:
    """∂L/∂z given ∂L/∂y for y = σ_y(z); softmax uses its Jacobian-vector product."""
    if name == "softmax":
        return y * (d_y - np.sum(d_y * y, axis=-1, keepdims=True))
    return d_y * act.derivative(name, z, y)


class Jordan(Cell):
    kind = "jordan"
    title = "Jordan network"
    state_names = ("y",)
    hidden_state = "y"

    def __init__(self, input_size, hidden_size, output_size: int = 1, activation: str = "tanh",
                 output_activation: str = "linear"):
        super().__init__(input_size, hidden_size, activation)
        if int(output_size) < 1:
            raise ValueError("a Jordan cell needs at least one output")
        if output_activation not in OUTPUT_ACTIVATIONS:
            raise ValueError(f"output activation must be one of {', '.join(OUTPUT_ACTIVATIONS)}")
        self.jordan_output_size = int(output_size)
        self.output_activation = output_activation

    @property
    def output_size(self):
        return self.jordan_output_size

    def state_size(self, name):
        return self.jordan_output_size

    def options(self):
        return {**super().options(), "output_size": self.jordan_output_size,
                "output_activation": self.output_activation}

    def param_shapes(self):
        H, D, O = self.hidden_size, self.input_size, self.jordan_output_size
        return {"W_x": (H, D), "W_m": (H, O), "b": (H,), "W_y": (O, H), "b_y": (O,)}

    def param_descriptions(self):
        return {"W_x": "input x → hidden weights", "W_m": "memory y^{t−1} → hidden weights",
                "b": "hidden bias", "W_y": "hidden → output weights", "b_y": "output bias"}

    def forward(self, p, xs, state):
        from_input = input_projection(xs, p["W_x"])
        y = state["y"]
        steps = {k: [] for k in ("m", "pre", "a", "z_y", "y")}
        for t in range(xs.shape[0]):
            pre = from_input(t) + lin(y, p["W_m"]) + bias(p["b"])
            a = act.apply(self.activation, pre)
            z_y = lin(a, p["W_y"]) + bias(p["b_y"])
            steps["m"].append(y)
            y = output_apply(self.output_activation, z_y)
            for name, value in (("pre", pre), ("a", a), ("z_y", z_y), ("y", y)):
                steps[name].append(value)
        rec = {k: np.stack(v) for k, v in steps.items()}
        return rec["y"], rec, {"y": y}

    def backward(self, p, xs, rec, d_out, d_final=None, truncate=None, need_input_grad=True):
        T = xs.shape[0]
        grads = self._zero_grads(p)
        d_y_next = self._d_final(d_final, {"y": rec["y"][-1]})["y"]
        d_pre = np.empty_like(rec["pre"])
        d_z_y = np.empty_like(rec["z_y"])
        d_y_steps = np.empty_like(rec["y"])
        for t in range(T - 1, -1, -1):
            if t != T - 1 and cut(truncate, t):
                d_y_next = np.zeros_like(d_y_next)
            d_y = d_out[t] + d_y_next                  # y^t is both output and the memory read at t+1
            d_y_steps[t] = d_y
            d_z_y[t] = output_backward(self.output_activation, rec["z_y"][t], rec["y"][t], d_y)
            d_a = lin(d_z_y[t], transpose(p["W_y"]))
            d_pre[t] = d_a * act.derivative(self.activation, rec["pre"][t], rec["a"][t])
            d_y_next = lin(d_pre[t], transpose(p["W_m"]))
        grads["W_x"] += time_outer(d_pre, xs)
        grads["W_m"] += time_outer(d_pre, rec["m"])
        grads["b"] += d_pre.sum(axis=(0, 1))
        grads["W_y"] += time_outer(d_z_y, rec["a"])
        grads["b_y"] += d_z_y.sum(axis=(0, 1))
        return input_grad(d_pre, p["W_x"], xs, need_input_grad), grads, {"y": d_y_next}, {"y": d_y_steps}
