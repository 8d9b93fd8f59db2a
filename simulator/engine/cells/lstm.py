"""The LSTM cell in the lecture's form.

Four inputs per cell — z (the value to store), z_i (input gate), z_f (forget gate), z_o (output gate) —
each a linear function of x^t, and optionally of a^{t−1} (recurrence, "the real LSTM") and of the
memory c^{t−1} (peephole):

    [z; z_i; z_f; z_o] = W_x x^t (+ W_a a^{t−1}) (+ W_c c^{t−1}) + b
    c′ = g(z)·f(z_i) + c·f(z_f)
    a  = h(c′)·f(z_o)

f is the gate function (sigmoid), g and h are selectable (tanh by default; the lecture's worked example
uses linear g and h). With recurrence on, no peephole, f = sigmoid and g = h = tanh this is exactly
PyTorch's nn.LSTM (whose gate order i, f, g, o is mapped to z_i, z_f, z, z_o on import).

Weights are stacked by rows in the lecture's order [z, z_i, z_f, z_o]: W_x is (4H, D).
"""
from __future__ import annotations

import numpy as np

from .. import activations as act
from .base import Cell, bias, cut, input_projection, lin, time_outer, transpose

GATES = ("z", "z_i", "z_f", "z_o")


class LSTM(Cell):
    kind = "lstm"
    title = "LSTM"
    state_names = ("c", "a")

    def __init__(self, input_size, hidden_size, gate: str = "sigmoid", g: str = "tanh", h: str = "tanh",
                 recurrence: bool = True, peephole: bool = False, forget_bias: float = 0.0):
        super().__init__(input_size, hidden_size, activation=g)
        self.gate = act.check(gate, "the gate function f")
        self.g = act.check(g, "the input activation g")
        self.h = act.check(h, "the output activation h")
        self.recurrence = bool(recurrence)
        self.peephole = bool(peephole)
        self.forget_bias = float(forget_bias)

    def options(self):
        return {"gate": self.gate, "g": self.g, "h": self.h, "recurrence": self.recurrence,
                "peephole": self.peephole, "forget_bias": self.forget_bias}

    def param_shapes(self):
        H, D = self.hidden_size, self.input_size
        shapes = {"W_x": (4 * H, D)}
        if self.recurrence:
            shapes["W_a"] = (4 * H, H)
        if self.peephole:
            shapes["W_c"] = (4 * H, H)
        shapes["b"] = (4 * H,)
        return shapes

    def param_descriptions(self):
        return {"W_x": "input x → z, z_i, z_f, z_o (rows in that order)",
                "W_a": "recurrence: a^{t−1} → z, z_i, z_f, z_o",
                "W_c": "peephole: memory c^{t−1} → z, z_i, z_f, z_o",
                "b": "biases of z, z_i, z_f, z_o"}

    def init_params(self, rng, dtype=np.float64):
        params = super().init_params(rng, dtype)
        H = self.hidden_size
        if self.forget_bias:
            # A large forget-gate bias keeps the memory by default (the gate is "open" = remember).
            params["b"][2 * H:3 * H] = self.forget_bias
        return params

    def forward(self, p, xs, state):
        H = self.hidden_size
        from_input = input_projection(xs, p["W_x"])
        c, a = state["c"], state["a"]
        steps = {k: [] for k in ("a_prev", "c_prev", "z", "z_i", "z_f", "z_o", "g_z", "f_i", "f_f", "f_o",
                                 "c", "h_c", "a")}
        for t in range(xs.shape[0]):
            pre = from_input(t) + bias(p["b"])
            if self.recurrence:
                pre = pre + lin(a, p["W_a"])
            if self.peephole:
                pre = pre + lin(c, p["W_c"])
            z, z_i, z_f, z_o = (pre[..., k * H:(k + 1) * H] for k in range(4))
            g_z = act.apply(self.g, z)
            f_i, f_f, f_o = (act.apply(self.gate, v) for v in (z_i, z_f, z_o))
            steps["a_prev"].append(a)
            steps["c_prev"].append(c)
            c = g_z * f_i + c * f_f                      # c′ = g(z)·f(z_i) + c·f(z_f)
            h_c = act.apply(self.h, c)
            a = h_c * f_o                                # a = h(c′)·f(z_o)
            for name, value in (("z", z), ("z_i", z_i), ("z_f", z_f), ("z_o", z_o), ("g_z", g_z),
                                ("f_i", f_i), ("f_f", f_f), ("f_o", f_o), ("c", c), ("h_c", h_c), ("a", a)):
                steps[name].append(value)
        rec = {k: np.stack(v) for k, v in steps.items()}
        return rec["a"], rec, {"c": c, "a": a}

    def backward(self, p, xs, rec, d_out, d_final=None, truncate=None):
        T = xs.shape[0]
        grads = self._zero_grads(p)
        final = self._d_final(d_final, {"c": rec["c"][-1], "a": rec["a"][-1]})
        d_c_next, d_a_next = final["c"], final["a"]
        d_pre = np.empty(rec["z"].shape[:-1] + (4 * self.hidden_size,), dtype=rec["z"].dtype)
        d_a_steps = np.empty_like(rec["a"])
        d_c_steps = np.empty_like(rec["c"])
        for t in range(T - 1, -1, -1):
            if t != T - 1 and cut(truncate, t):
                d_c_next, d_a_next = np.zeros_like(d_c_next), np.zeros_like(d_a_next)
            d_a = d_out[t] + d_a_next
            d_f_o = d_a * rec["h_c"][t]
            d_c = d_c_next + d_a * rec["f_o"][t] * act.derivative(self.h, rec["c"][t], rec["h_c"][t])
            d_a_steps[t], d_c_steps[t] = d_a, d_c
            d_g_z = d_c * rec["f_i"][t]
            d_f_i = d_c * rec["g_z"][t]
            d_f_f = d_c * rec["c_prev"][t]
            d_c_prev = d_c * rec["f_f"][t]
            gate_slope = lambda name, value: act.derivative(self.gate, rec[name][t], value)
            d_pre[t] = np.concatenate([
                d_g_z * act.derivative(self.g, rec["z"][t], rec["g_z"][t]),
                d_f_i * gate_slope("z_i", rec["f_i"][t]),
                d_f_f * gate_slope("z_f", rec["f_f"][t]),
                d_f_o * gate_slope("z_o", rec["f_o"][t]),
            ], axis=-1)
            d_a_next = lin(d_pre[t], transpose(p["W_a"])) if self.recurrence else np.zeros_like(d_a)
            if self.peephole:
                d_c_prev = d_c_prev + lin(d_pre[t], transpose(p["W_c"]))
            d_c_next = d_c_prev
        grads["W_x"] += time_outer(d_pre, xs)
        grads["b"] += d_pre.sum(axis=(0, 1))
        if self.recurrence:
            grads["W_a"] += time_outer(d_pre, rec["a_prev"])
        if self.peephole:
            grads["W_c"] += time_outer(d_pre, rec["c_prev"])
        d_xs = lin(d_pre, transpose(p["W_x"]))
        return d_xs, grads, {"c": d_c_next, "a": d_a_next}, {"a": d_a_steps, "c": d_c_steps}
