"""The GRU (Cho et al. 2014) in PyTorch's equations, gate order r, z, n.

    r = σ(W_xr x + b_xr + W_hr a + b_hr)          reset gate
    z = σ(W_xz x + b_xz + W_hz a + b_hz)          update gate (couples input and forget)
    n = tanh(W_xn x + b_xn + r·(W_hn a + b_hn))   candidate
    a′ = (1 − z)·n + z·a

The lecture's point: one gate decides both what to forget (z) and what to let in (1 − z), so a GRU has
two gates and ⅓ fewer parameters than an LSTM of the same width.
"""
from __future__ import annotations

import numpy as np

from .. import activations as act
from .base import Cell, Recorder, bias, cut, input_grad, input_projection, lin, time_outer, transpose

GATES = ("r", "z", "n")


class GRU(Cell):
    kind = "gru"
    title = "GRU"

    def __init__(self, input_size, hidden_size, activation: str = "tanh"):
        super().__init__(input_size, hidden_size, activation)

    def param_shapes(self):
        H, D = self.hidden_size, self.input_size
        return {"W_x": (3 * H, D), "W_a": (3 * H, H), "b_x": (3 * H,), "b_a": (3 * H,)}

    def param_descriptions(self):
        return {"W_x": "input x → r, z, n (rows in that order)", "W_a": "memory a^{t−1} → r, z, n",
                "b_x": "input-side biases of r, z, n", "b_a": "memory-side biases of r, z, n"}

    def forward(self, p, xs, state):
        H = self.hidden_size
        from_input = input_projection(xs, p["W_x"])
        a = state["a"]
        b_x, b_a = bias(p["b_x"]), bias(p["b_a"])
        rec = Recorder(xs.shape[0])
        for t in range(xs.shape[0]):
            gx = from_input(t) + b_x
            gh = lin(a, p["W_a"]) + b_a
            rz = act.sigmoid(gx[..., :2 * H] + gh[..., :2 * H])   # reset and update gates in one call
            r, z = rz[..., :H], rz[..., H:]
            gh_n = gh[..., 2 * H:]
            pre_n = gx[..., 2 * H:] + r * gh_n
            n = act.apply(self.activation, pre_n)
            rec.put(t, a_prev=a)
            a = (1.0 - z) * n + z * a
            rec.put(t, _rz=rz, n=n, pre_n=pre_n, gh_n=gh_n, a=a)
        out = rec.arrays
        out["r"], out["z"] = out["_rz"][..., :H], out["_rz"][..., H:]
        return out["a"], out, {"a": a}

    def backward(self, p, xs, rec, d_out, d_final=None, truncate=None, need_input_grad=True):
        T = xs.shape[0]
        grads = self._zero_grads(p)
        d_a_next = self._d_final(d_final, {"a": rec["a"][-1]})["a"]
        d_gx = np.empty(rec["r"].shape[:-1] + (3 * self.hidden_size,), dtype=rec["r"].dtype)
        d_gh = np.empty_like(d_gx)
        d_a_steps = np.empty_like(rec["a"])
        W_a_T = transpose(p["W_a"])
        for t in range(T - 1, -1, -1):
            if t != T - 1 and cut(truncate, t):
                d_a_next = np.zeros_like(d_a_next)
            r, z, n = rec["r"][t], rec["z"][t], rec["n"][t]
            d_a = d_out[t] + d_a_next
            d_a_steps[t] = d_a
            d_n = d_a * (1.0 - z)
            d_z = d_a * (rec["a_prev"][t] - n)
            d_pre_n = d_n * act.derivative(self.activation, rec["pre_n"][t], n)
            d_pre_r = d_pre_n * rec["gh_n"][t] * r * (1.0 - r)
            d_pre_z = d_z * z * (1.0 - z)
            d_gx[t] = np.concatenate([d_pre_r, d_pre_z, d_pre_n], axis=-1)
            d_gh[t] = np.concatenate([d_pre_r, d_pre_z, d_pre_n * r], axis=-1)
            d_a_next = d_a * z + lin(d_gh[t], W_a_T)
        grads["W_x"] += time_outer(d_gx, xs)
        grads["W_a"] += time_outer(d_gh, rec["a_prev"])
        grads["b_x"] += d_gx.sum(axis=(0, 1))
        grads["b_a"] += d_gh.sum(axis=(0, 1))
        return input_grad(d_gx, p["W_x"], xs, need_input_grad), grads, {"a": d_a_next}, {"a": d_a_steps}
