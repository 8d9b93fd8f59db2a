"""The Clockwork RNN (Koutník, Greff, Gomez & Schmidhuber 2014).

The hidden units are split into modules, each with a clock period T_k (1, 2, 4, 8, … by default).
At step t only the modules with t mod T_k = 0 update; the others keep their value. Module k reads the
memory only of modules at least as slow as itself (a block-triangular W_a), so slow modules carry
information over long spans and fast ones handle detail.

    a_k^t = σ(W_x x^t + (W_a ⊙ M) a^{t−1} + b)_k   if t mod T_k = 0,   else a_k^{t−1}
"""
from __future__ import annotations

import numpy as np

from .. import activations as act
from .base import Cell, bias, cut, input_grad, input_projection, lin, time_outer, transpose


class Clockwork(Cell):
    kind = "clockwork"
    title = "Clockwork RNN"

    def __init__(self, input_size, hidden_size, activation: str = "tanh", periods=None):
        super().__init__(input_size, hidden_size, activation)
        if periods is None:
            modules = min(hidden_size, 4)
            periods = [2 ** k for k in range(modules)]
        periods = [int(v) for v in periods]
        if not periods or any(v < 1 for v in periods) or len(periods) > hidden_size:
            raise ValueError("clock periods must be positive integers, at most one module per unit")
        if sorted(periods) != periods:
            raise ValueError("clock periods must be listed from the fastest module to the slowest")
        self.periods = periods
        # Units are shared out as evenly as possible, the first modules taking any remainder.
        sizes = [hidden_size // len(periods) + (1 if k < hidden_size % len(periods) else 0)
                 for k in range(len(periods))]
        self.unit_module = np.repeat(np.arange(len(periods)), sizes)
        self.unit_period = np.asarray(periods)[self.unit_module]
        # M[i, j] = 1 when unit j's module is as slow as or slower than unit i's: block upper-triangular.
        self.mask = (self.unit_module[None, :] >= self.unit_module[:, None]).astype(np.float64)

    def options(self):
        return {**super().options(), "periods": list(self.periods)}

    def param_shapes(self):
        H, D = self.hidden_size, self.input_size
        return {"W_x": (H, D), "W_a": (H, H), "b": (H,)}

    def param_descriptions(self):
        return {"W_x": "input x → hidden weights",
                "W_a": "memory → hidden weights (only the block-upper-triangular part is used)",
                "b": "hidden bias"}

    def init_params(self, rng, dtype=np.float64):
        params = super().init_params(rng, dtype)
        params["W_a"] *= self.mask.astype(dtype)
        return params

    def active(self, t: int) -> np.ndarray:
        """Which units update at step t (1 = update, 0 = keep)."""
        return (t % self.unit_period == 0).astype(np.float64)

    def forward(self, p, xs, state):
        from_input = input_projection(xs, p["W_x"])
        W_a = p["W_a"] * self.mask
        a = state["a"]
        steps = {k: [] for k in ("a_prev", "pre", "candidate", "active", "a")}
        for t in range(xs.shape[0]):
            active = self.active(t).astype(a.dtype)
            pre = from_input(t) + lin(a, W_a) + bias(p["b"])
            candidate = act.apply(self.activation, pre)
            steps["a_prev"].append(a)
            a = active * candidate + (1.0 - active) * a
            for name, value in (("pre", pre), ("candidate", candidate), ("a", a)):
                steps[name].append(value)
            steps["active"].append(np.broadcast_to(active, a.shape))
        rec = {k: np.stack(v) for k, v in steps.items()}
        return rec["a"], rec, {"a": a}

    def backward(self, p, xs, rec, d_out, d_final=None, truncate=None, need_input_grad=True):
        T = xs.shape[0]
        grads = self._zero_grads(p)
        W_a_T = transpose(p["W_a"] * self.mask)
        d_a_next = self._d_final(d_final, {"a": rec["a"][-1]})["a"]
        d_pre = np.empty_like(rec["pre"])
        d_a_steps = np.empty_like(rec["a"])
        for t in range(T - 1, -1, -1):
            if t != T - 1 and cut(truncate, t):
                d_a_next = np.zeros_like(d_a_next)
            active = rec["active"][t]
            d_a = d_out[t] + d_a_next
            d_a_steps[t] = d_a
            d_pre[t] = d_a * active * act.derivative(self.activation, rec["pre"][t], rec["candidate"][t])
            d_a_next = d_a * (1.0 - active) + lin(d_pre[t], W_a_T)
        grads["W_x"] += time_outer(d_pre, xs)
        grads["W_a"] += time_outer(d_pre, rec["a_prev"]) * self.mask
        grads["b"] += d_pre.sum(axis=(0, 1))
        return input_grad(d_pre, p["W_x"], xs, need_input_grad), grads, {"a": d_a_next}, {"a": d_a_steps}
