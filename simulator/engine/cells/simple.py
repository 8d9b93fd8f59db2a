"""The simple recurrent cell (Elman): the hidden output a^t is copied to memory and read at t+1.

    a^t = σ(W_x x^t + W_a a^{t−1} + b)

IRNN (Le, Jaitly & Hinton 2015) is the same cell with σ = ReLU, W_a initialised to the identity and
W_x to small values; the feed-forward layer is the same cell without memory (the lecture's baseline).
"""
from __future__ import annotations

import numpy as np

from .. import activations as act
from .base import Cell, Recorder, bias, cut, input_grad, input_projection, project_all, time_outer, transpose


class SimpleRNN(Cell):
    kind = "elman"
    title = "Simple RNN (Elman)"

    def param_shapes(self):
        H, D = self.hidden_size, self.input_size
        return {"W_x": (H, D), "W_a": (H, H), "b": (H,)}

    def param_descriptions(self):
        return {"W_x": "input x → hidden weights", "W_a": "memory a^{t−1} → hidden weights",
                "b": "hidden bias"}

    def forward(self, p, xs, state):
        if p["W_x"].ndim == 2 and p["W_a"].ndim == 2 and p["b"].ndim == 1 and state["a"].ndim == 2:
            return self._forward_plain(p, xs, state)
        from_input = input_projection(xs, p["W_x"])
        b = bias(p["b"])
        W_a_T = transpose(p["W_a"])
        a = state["a"]
        rec = Recorder(xs.shape[0])
        for t in range(xs.shape[0]):
            pre = from_input(t) + np.matmul(a, W_a_T) + b
            rec.put(t, a_prev=a, pre=pre)
            a = act.apply(self.activation, pre)
            rec.put(t, a=a)
        return rec.arrays["a"], rec.arrays, {"a": a}

    def _forward_plain(self, p, xs, state):
        """Plain weights (training, the GUI): the input part and the bias for all steps in one go,
        then two numpy calls and the activation per step, written straight into the records."""
        T = xs.shape[0]
        pre_all = project_all(xs, p["W_x"])
        pre_all += p["b"]
        a_all = np.empty_like(pre_all)
        W_a_T = p["W_a"].T
        a = state["a"]
        for t in range(T):
            pre = pre_all[t]
            pre += a @ W_a_T
            a = a_all[t]
            if self.activation == "tanh":
                np.tanh(pre, out=a)
            else:
                a[...] = act.apply(self.activation, pre)
        rec = {"a_prev": np.concatenate([state["a"][None], a_all[:-1]]), "pre": pre_all, "a": a_all}
        return a_all, rec, {"a": a}

    def backward(self, p, xs, rec, d_out, d_final=None, truncate=None, need_input_grad=True):
        T = xs.shape[0]
        grads = self._zero_grads(p)
        d_a_next = self._d_final(d_final, {"a": rec["a"][-1]})["a"]
        slope = act.derivative(self.activation, rec["pre"], rec["a"])     # σ′ at every step at once
        d_pre = np.empty_like(rec["pre"])
        d_a_steps = np.add(d_out, 0.0)         # becomes ∂L/∂a^t: the output's part plus the memory's
        W_a = p["W_a"]
        for t in range(T - 1, -1, -1):
            if t != T - 1 and cut(truncate, t):
                d_a_next = np.zeros_like(d_a_next)
            d_a = d_a_steps[t]
            d_a += d_a_next                    # from the output at t and from the memory read at t+1
            np.multiply(d_a, slope[t] if np.ndim(slope) else slope, out=d_pre[t])
            d_a_next = d_pre[t] @ W_a
        grads["W_a"] += time_outer(d_pre, rec["a_prev"])
        grads["W_x"] += time_outer(d_pre, xs)
        grads["b"] += d_pre.sum(axis=(0, 1))
        return input_grad(d_pre, p["W_x"], xs, need_input_grad), grads, {"a": d_a_next}, {"a": d_a_steps}


class IRNN(SimpleRNN):
    kind = "irnn"
    title = "IRNN (identity-initialised ReLU RNN)"

    def __init__(self, input_size, hidden_size, activation="relu", identity_scale: float = 1.0):
        super().__init__(input_size, hidden_size, activation)
        self.identity_scale = float(identity_scale)

    def options(self):
        return {**super().options(), "identity_scale": self.identity_scale}

    def init_params(self, rng, dtype=np.float64):
        # Le et al. 2015: recurrent weights = identity, biases = 0, input weights ~ N(0, 0.001²).
        H, D = self.hidden_size, self.input_size
        return {"W_x": rng.normal(0.0, 0.001, size=(H, D)).astype(dtype),
                "W_a": (self.identity_scale * np.eye(H)).astype(dtype),
                "b": np.zeros(H, dtype=dtype)}


class FeedForward(Cell):
    """A layer with no memory: a^t = σ(W_x x^t + b). The same input always gives the same output."""

    kind = "feedforward"
    title = "Feed-forward (no memory)"
    state_names = ()
    hidden_state = ""

    def param_shapes(self):
        return {"W_x": (self.hidden_size, self.input_size), "b": (self.hidden_size,)}

    def param_descriptions(self):
        return {"W_x": "input x → hidden weights", "b": "hidden bias"}

    def forward(self, p, xs, state):
        from_input = input_projection(xs, p["W_x"])
        pre = np.stack([from_input(t) + bias(p["b"]) for t in range(xs.shape[0])])
        a = act.apply(self.activation, pre)
        return a, {"pre": pre, "a": a}, {}

    def backward(self, p, xs, rec, d_out, d_final=None, truncate=None, need_input_grad=True):
        grads = self._zero_grads(p)
        d_pre = d_out * act.derivative(self.activation, rec["pre"], rec["a"])
        grads["W_x"] += time_outer(d_pre, xs)
        grads["b"] += d_pre.sum(axis=(0, 1))
        return input_grad(d_pre, p["W_x"], xs, need_input_grad), grads, {}, {}
