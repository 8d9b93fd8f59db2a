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
from .base import Cell, Recorder, bias, cut, input_grad, input_projection, project_all, time_outer, transpose

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
        if all(np.ndim(p[name]) == len(shape) for name, shape in self.param_shapes().items()) \
                and state["a"].ndim == 2:
            return self._forward_plain(p, xs, state)
        return self._forward_broadcast(p, xs, state)

    def _forward_plain(self, p, xs, state):
        """Plain weights (training, the GUI): few numpy calls per step.

        With the sigmoid as gate function, f(x) = ½ + ½·tanh(x/2): the ½ inside is folded into the
        gate rows of the weights once, so the three gates (and g = tanh) take one tanh call a step.
        """
        T, H = xs.shape[0], self.hidden_size
        # The usual LSTM (sigmoid gates, g = tanh) takes one tanh call for all four parts; other
        # choices (the lecture's linear g and h) keep the exact functions, tiny gate values included.
        one_tanh = self.gate == "sigmoid" and self.g == "tanh"
        scale = np.ones(4 * H, dtype=p["b"].dtype)
        if one_tanh:
            scale[H:] = 0.5
        projected = project_all(xs, p["W_x"]) + p["b"]
        projected *= scale
        W_a_T = p["W_a"].T * scale if self.recurrence else None
        W_c_T = p["W_c"].T * scale if self.peephole else None
        c, a = state["c"], state["a"]
        B = a.shape[0]
        pre_all = np.empty((T, B, 4 * H), dtype=projected.dtype)
        act_all = np.empty_like(pre_all)
        c_all = np.empty((T, B, H), dtype=projected.dtype)
        h_all, a_all = np.empty_like(c_all), np.empty_like(c_all)
        half_offset = np.where(scale == 1.0, 0.0, 0.5)   # 0 for z, ½ for the gates: f = ½·tanh + ½
        half = scale
        for t in range(T):
            pre, activated = pre_all[t], act_all[t]
            if self.recurrence:
                np.add(projected[t], a @ W_a_T, out=pre)
            else:
                pre[...] = projected[t]
            if self.peephole:
                pre += c @ W_c_T
            if one_tanh:   # whole-width operations: cheaper than three on the gate slice
                np.tanh(pre, out=activated)
                activated *= half
                activated += half_offset
            else:
                activated[:, :H] = act.apply(self.g, pre[:, :H])
                activated[:, H:] = act.apply(self.gate, pre[:, H:])
            # c′ = g(z)·f(z_i) + c·f(z_f);  a = h(c′)·f(z_o)
            c_new, h_c, a_new = c_all[t], h_all[t], a_all[t]
            np.multiply(activated[:, :H], activated[:, H:2 * H], out=c_new)
            c_new += c * activated[:, 2 * H:3 * H]
            if self.h == "tanh":
                np.tanh(c_new, out=h_c)
            else:
                h_c[...] = act.apply(self.h, c_new)
            np.multiply(h_c, activated[:, 3 * H:], out=a_new)
            c, a = c_new, a_new
        if one_tanh:
            pre_all[..., H:] *= 2.0          # back to the true z_i, z_f, z_o for the Trace
        rec = {"_pre": pre_all, "_gates": act_all[..., H:], "g_z": act_all[..., :H], "c": c_all,
               "h_c": h_all, "a": a_all,
               "a_prev": np.concatenate([state["a"][None], a_all[:-1]]),
               "c_prev": np.concatenate([state["c"][None], c_all[:-1]])}
        return a_all, self._named(rec), {"c": c, "a": a}

    def _named(self, out):
        """The lecture's names, as views into the stacked arrays (no copies)."""
        H = self.hidden_size
        for k, name in enumerate(GATES):
            out[name] = out["_pre"][..., k * H:(k + 1) * H]
        for k, name in enumerate(("f_i", "f_f", "f_o")):
            out[name] = out["_gates"][..., k * H:(k + 1) * H]
        return out

    def _forward_broadcast(self, p, xs, state):
        """Weights with parameter-batch axes (a loss-surface grid): everything broadcasts."""
        H = self.hidden_size
        from_input = input_projection(xs, p["W_x"])
        b = bias(p["b"])
        W_a_T = transpose(p["W_a"]) if self.recurrence else None
        W_c_T = transpose(p["W_c"]) if self.peephole else None
        c, a = state["c"], state["a"]
        rec = Recorder(xs.shape[0])
        for t in range(xs.shape[0]):
            pre = from_input(t) + b                       # [z, z_i, z_f, z_o] side by side
            if self.recurrence:   # not in place: with a grid of weights this broadcasts to more axes
                pre = pre + np.matmul(a, W_a_T)
            if self.peephole:
                pre = pre + np.matmul(c, W_c_T)
            g_z = act.apply(self.g, pre[..., :H])
            gates = act.apply(self.gate, pre[..., H:])     # f(z_i), f(z_f), f(z_o) in one call
            f_i, f_f, f_o = gates[..., :H], gates[..., H:2 * H], gates[..., 2 * H:]
            rec.put(t, a_prev=a, c_prev=c)
            c = g_z * f_i + c * f_f                        # c′ = g(z)·f(z_i) + c·f(z_f)
            h_c = act.apply(self.h, c)
            a = h_c * f_o                                  # a = h(c′)·f(z_o)
            rec.put(t, _pre=pre, _gates=gates, g_z=g_z, c=c, h_c=h_c, a=a)
        return rec.arrays["a"], self._named(rec.arrays), {"c": c, "a": a}

    def backward(self, p, xs, rec, d_out, d_final=None, truncate=None, need_input_grad=True):
        T, H = xs.shape[0], self.hidden_size
        grads = self._zero_grads(p)
        final = self._d_final(d_final, {"c": rec["c"][-1], "a": rec["a"][-1]})
        d_c_next, d_a_next = final["c"], final["a"]
        # The slopes of every activation at every step, computed once outside the loop.
        f_o_slope_h = rec["f_o"] * act.derivative(self.h, rec["c"], rec["h_c"])       # ∂a/∂c′
        f_i_slope_g = rec["f_i"] * act.derivative(self.g, rec["z"], rec["g_z"])       # ∂c′/∂z
        slope_gates = act.derivative(self.gate, rec["_pre"][..., H:], rec["_gates"])
        f_f = rec["f_f"]
        B = d_out.shape[1]
        # ∂z_y/∂c′ for z, z_i, z_f side by side — g′(z)·f(z_i), g(z)·f′(z_i), c·f′(z_f) — and ∂/∂a for
        # z_o, h(c′)·f′(z_o): in the loop each block of ∂L/∂pre is then one product
        by_c = np.empty((T, B, 3, H), dtype=slope_gates.dtype)
        by_c[:, :, 0] = f_i_slope_g
        np.multiply(rec["g_z"], slope_gates[..., :H], out=by_c[:, :, 1])
        np.multiply(rec["c_prev"], slope_gates[..., H:2 * H], out=by_c[:, :, 2])
        by_a = rec["h_c"] * slope_gates[..., 2 * H:]
        d_pre = np.empty_like(rec["_pre"])
        d_a_steps = np.add(d_out, 0.0)          # becomes ∂L/∂a^t: the output's part plus the memory's
        d_c_steps = np.empty_like(rec["c"])
        W_a, W_c = p.get("W_a"), p.get("W_c")
        for t in range(T - 1, -1, -1):
            if t != T - 1 and cut(truncate, t):
                d_c_next, d_a_next = np.zeros_like(d_c_next), np.zeros_like(d_a_next)
            d_a = d_a_steps[t]
            d_a += d_a_next
            d_c = d_c_steps[t]
            np.multiply(d_a, f_o_slope_h[t], out=d_c)
            d_c += d_c_next
            np.multiply(d_c[:, None, :], by_c[t], out=d_pre[t, :, :3 * H].reshape(B, 3, H))
            np.multiply(d_a, by_a[t], out=d_pre[t, :, 3 * H:])
            d_c_next = d_c * f_f[t]
            if self.peephole:
                d_c_next += d_pre[t] @ W_c
            d_a_next = d_pre[t] @ W_a if self.recurrence else np.zeros_like(d_a)
        grads["W_x"] += time_outer(d_pre, xs)
        grads["b"] += d_pre.sum(axis=(0, 1))
        if self.recurrence:
            grads["W_a"] += time_outer(d_pre, rec["a_prev"])
        if self.peephole:
            grads["W_c"] += time_outer(d_pre, rec["c_prev"])
        d_xs = input_grad(d_pre, p["W_x"], xs, need_input_grad)
        return d_xs, grads, {"c": d_c_next, "a": d_a_next}, {"a": d_a_steps, "c": d_c_steps}
