"""The structurally constrained recurrent network, SCRN (Mikolov, Joulin, Chopra, Mathieu & Ranzato 2014).

Besides the usual hidden units a fast part, it keeps slow "context" units s whose recurrence is fixed
to α·I (α close to 1, not learned), so they change slowly and remember longer:

    s^t = (1 − α) B x^t + α s^{t−1}
    a^t = σ(P s^t + A x^t + R a^{t−1} + b)

The layer's output is [a^t, s^t]: the output layer reads both, as in the paper.
"""
from __future__ import annotations

import numpy as np

from .. import activations as act
from .base import Cell, bias, cut, input_grad, input_projection, lin, time_outer, transpose


class SCRN(Cell):
    kind = "scrn"
    title = "SCRN (structurally constrained RNN)"
    state_names = ("s", "a")

    def __init__(self, input_size, hidden_size, activation: str = "sigmoid", context_size: int | None = None,
                 alpha: float = 0.95):
        super().__init__(input_size, hidden_size, activation)
        self.context_size = int(context_size) if context_size else max(1, hidden_size // 2)
        if self.context_size < 1:
            raise ValueError("an SCRN needs at least one context unit")
        self.alpha = float(alpha)
        if not 0.0 <= self.alpha <= 1.0:
            raise ValueError("the SCRN context decay α must lie in [0, 1]")

    @property
    def output_size(self):
        return self.hidden_size + self.context_size

    def state_size(self, name):
        return self.context_size if name == "s" else self.hidden_size

    def options(self):
        return {**super().options(), "context_size": self.context_size, "alpha": self.alpha}

    def param_shapes(self):
        H, D, S = self.hidden_size, self.input_size, self.context_size
        return {"B": (S, D), "A": (H, D), "P": (H, S), "R": (H, H), "b": (H,)}

    def param_descriptions(self):
        return {"B": "input x → slow context s", "A": "input x → hidden", "P": "context s → hidden",
                "R": "memory a^{t−1} → hidden", "b": "hidden bias"}

    def forward(self, p, xs, state):
        to_context = input_projection(xs, p["B"])
        to_hidden = input_projection(xs, p["A"])
        s, a = state["s"], state["a"]
        steps = {k: [] for k in ("s_prev", "a_prev", "s", "pre", "a")}
        for t in range(xs.shape[0]):
            steps["s_prev"].append(s)
            steps["a_prev"].append(a)
            s = (1.0 - self.alpha) * to_context(t) + self.alpha * s
            pre = lin(s, p["P"]) + to_hidden(t) + lin(a, p["R"]) + bias(p["b"])
            a = act.apply(self.activation, pre)
            for name, value in (("s", s), ("pre", pre), ("a", a)):
                steps[name].append(value)
        rec = {k: np.stack(v) for k, v in steps.items()}
        return np.concatenate([rec["a"], rec["s"]], axis=-1), rec, {"s": s, "a": a}

    def backward(self, p, xs, rec, d_out, d_final=None, truncate=None, need_input_grad=True):
        T, H = xs.shape[0], self.hidden_size
        grads = self._zero_grads(p)
        final = self._d_final(d_final, {"s": rec["s"][-1], "a": rec["a"][-1]})
        d_s_next, d_a_next = final["s"], final["a"]
        d_pre = np.empty_like(rec["pre"])
        d_s_all = np.empty_like(rec["s"])
        d_a_steps = np.empty_like(rec["a"])
        for t in range(T - 1, -1, -1):
            if t != T - 1 and cut(truncate, t):
                d_s_next, d_a_next = np.zeros_like(d_s_next), np.zeros_like(d_a_next)
            d_a = d_out[t][..., :H] + d_a_next
            d_a_steps[t] = d_a
            d_pre[t] = d_a * act.derivative(self.activation, rec["pre"][t], rec["a"][t])
            d_s = d_out[t][..., H:] + d_s_next + lin(d_pre[t], transpose(p["P"]))
            d_s_all[t] = d_s
            d_s_next = self.alpha * d_s
            d_a_next = lin(d_pre[t], transpose(p["R"]))
        d_context_in = (1.0 - self.alpha) * d_s_all
        grads["A"] += time_outer(d_pre, xs)
        grads["R"] += time_outer(d_pre, rec["a_prev"])
        grads["P"] += time_outer(d_pre, rec["s"])
        grads["b"] += d_pre.sum(axis=(0, 1))
        grads["B"] += time_outer(d_context_in, xs)
        d_xs = input_grad(d_pre, p["A"], xs, need_input_grad)
        if d_xs is not None:
            d_xs = d_xs + input_grad(d_context_in, p["B"], xs)
        return d_xs, grads, {"s": d_s_next, "a": d_a_next}, {"a": d_a_steps, "s": d_s_all}
