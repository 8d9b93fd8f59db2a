""""Why is this number what it is?" — the arithmetic behind any value of a Trace, with the actual numbers.

    a₁ = 1·x₁ + 1·x₂ + 1·m₁ + 1·m₂ = 1 + 1 + 2 + 2 = 6

Qt-free: the GUI shows the lines; tests read them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def sub(i: int) -> str:
    return str(i).translate(SUBSCRIPTS)


def num(v: float) -> str:
    """Short, exact-looking numbers: 6 not 6.0, 0.4621 not 0.46211715726000974."""
    v = float(v)
    if not np.isfinite(v):
        return "NaN" if np.isnan(v) else ("∞" if v > 0 else "−∞")
    if v == round(v) and abs(v) < 1e15:
        text = str(int(round(v)))
    else:
        text = f"{v:.4g}"
        if "e" in text:
            mantissa, exponent = text.split("e")
            text = f"{mantissa}×10{str(int(exponent)).translate(SUPERSCRIPTS)}"
    return text.replace("-", "−")


def factor(v: float) -> str:
    """A number inside a product: negative ones in parentheses, "3·(−0.5)" not "3·−0.5"."""
    text = num(v)
    return f"({text})" if text.startswith("−") else text


@dataclass
class Explanation:
    symbol: str
    lines: list[str]
    value: float

    def text(self) -> str:
        return " ".join(self.lines)


def _sum_lines(symbol: str, parts, bias: float | None, result: float) -> list[str]:
    """parts: [(weights row, input values, input symbols)]. Zero weights are left out."""
    symbolic, products = [], []
    for weights, values, names in parts:
        for w, v, n in zip(weights, values, names):
            if w == 0:
                continue
            symbolic.append(f"{num(w)}·{n}")
            products.append(num(w * v))
    if bias is not None and bias != 0:
        symbolic.append(f"b ({num(bias)})")
        products.append(num(bias))
    if not symbolic:
        return [f"{symbol} = 0"]
    joined = " + ".join(symbolic).replace("+ −", "− ")
    lines = [f"{symbol} = {joined}"]
    if len(products) > 1:  # one term: "z = 1·x₁ = 3" needs no middle line
        lines.append("= " + " + ".join(products).replace("+ −", "− "))
    lines.append(f"= {num(result)}")
    return lines


def _activation_line(name: str, pre_symbol: str, pre: float, value: float) -> str:
    if name == "linear":
        return ""
    return f"= {name}({num(pre)}) = {num(value)}"


def _names(prefix: str, n: int, t_label: str = "") -> list[str]:
    return [f"{prefix}{sub(i + 1)}{t_label}" for i in range(n)]


def explain(network, trace, t: int, layer: int | None, quantity: str, unit: int,
            direction: str = "forward", batch: int = 0) -> Explanation:
    """Explain ``quantity`` of ``unit`` at step ``t`` (0-based) of ``layer`` (None = the output layer)."""
    p = network.params
    if layer is None:
        return _explain_head(network, trace, t, unit, batch)
    lt = trace.layers[layer]
    rec = lt.records[direction]
    prefix = f"layers.{layer}" + (".reverse" if direction == "reverse" else "")
    below = trace.layers[layer - 1].output if layer > 0 else trace.inputs
    x = below[t, batch]
    x_names = _names("x" if layer == 0 else "h", x.shape[-1])
    kind = lt.kind
    value = float(rec[quantity][t, batch, unit]) if quantity in rec else float("nan")

    if kind in ("elman", "irnn", "clockwork", "feedforward") and quantity in ("a", "pre"):
        cell = network.layers[layer].cell
        parts = [(p[f"{prefix}.W_x"][unit], x, x_names)]
        if kind != "feedforward":
            W_a = p[f"{prefix}.W_a"] * (cell.mask if kind == "clockwork" else 1)
            parts.append((W_a[unit], rec["a_prev"][t, batch], _names("m", W_a.shape[1])))
        pre = float(rec["pre"][t, batch, unit])
        symbol = f"a{sub(unit + 1)}"
        lines = _sum_lines(symbol if cell.activation == "linear" else f"z{sub(unit + 1)}", parts,
                           float(p[f"{prefix}.b"][unit]), pre)
        if cell.activation != "linear":
            lines.append(f"{symbol} = {cell.activation}(z{sub(unit + 1)}) = {cell.activation}({num(pre)})"
                         f" = {num(rec['candidate' if kind == 'clockwork' else 'a'][t, batch, unit])}")
        if kind == "clockwork" and not rec["active"][t, batch, unit]:
            lines.append(f"the module's clock does not tick at t = {t + 1}: {symbol} keeps {num(value)}")
        return Explanation(symbol, lines, value)

    if kind == "lstm":
        cell = network.layers[layer].cell
        H = cell.hidden_size
        names = {"z": 0, "z_i": 1, "z_f": 2, "z_o": 3}
        if quantity in names:
            row = names[quantity] * H + unit
            parts = [(p[f"{prefix}.W_x"][row], x, x_names)]
            if cell.recurrence:
                parts.append((p[f"{prefix}.W_a"][row], rec["a_prev"][t, batch], _names("a", H, "ᵗ⁻¹")))
            if cell.peephole:
                parts.append((p[f"{prefix}.W_c"][row], rec["c_prev"][t, batch], _names("c", H)))
            symbol = quantity if H == 1 else f"{quantity}{sub(unit + 1)}"
            return Explanation(symbol, _sum_lines(symbol, parts, float(p[f"{prefix}.b"][row]), value), value)
        g = lambda n: float(rec[n][t, batch, unit])
        if quantity == "c":
            lines = ["c′ = g(z)·f(z_i) + c·f(z_f)",
                     f"= {factor(g('g_z'))}·{factor(g('f_i'))} + {factor(g('c_prev'))}·{factor(g('f_f'))}",
                     f"= {num(g('g_z') * g('f_i'))} + {factor(g('c_prev') * g('f_f'))}",
                     f"= {num(value)}"]
            return Explanation("c′", lines, value)
        if quantity == "a":
            lines = ["a = h(c′)·f(z_o)", f"= {factor(g('h_c'))}·{factor(g('f_o'))}", f"= {num(value)}"]
            return Explanation("a", lines, value)
        if quantity in ("f_i", "f_f", "f_o", "g_z", "h_c"):
            source = {"f_i": "z_i", "f_f": "z_f", "f_o": "z_o", "g_z": "z", "h_c": "c"}[quantity]
            fn = {"f_i": cell.gate, "f_f": cell.gate, "f_o": cell.gate, "g_z": cell.g, "h_c": cell.h}[quantity]
            label = {"f_i": "f(z_i)", "f_f": "f(z_f)", "f_o": "f(z_o)", "g_z": "g(z)", "h_c": "h(c′)"}[quantity]
            return Explanation(label, [f"{label} = {fn}({num(g(source))}) = {num(value)}"], value)

    if kind == "gru" and quantity == "a":
        g = lambda n: float(rec[n][t, batch, unit])
        lines = ["a′ = (1 − z)·n + z·a",
                 f"= (1 − {num(g('z'))})·{factor(g('n'))} + {num(g('z'))}·{factor(g('a_prev'))}",
                 f"= {num(value)}"]
        return Explanation("a′", lines, value)

    if kind == "jordan" and quantity == "a":
        cell = network.layers[layer].cell
        parts = [(p[f"{prefix}.W_x"][unit], x, x_names),
                 (p[f"{prefix}.W_m"][unit], rec["m"][t, batch], _names("y", cell.output_size, "ᵗ⁻¹"))]
        pre = float(rec["pre"][t, batch, unit])
        symbol = f"a{sub(unit + 1)}"
        lines = _sum_lines(symbol, parts, float(p[f"{prefix}.b"][unit]), pre)
        extra = _activation_line(cell.activation, symbol, pre, value)
        return Explanation(symbol, lines + ([extra] if extra else []), value)

    return Explanation(quantity, [f"{quantity} = {num(value)}"], value)


def _explain_head(network, trace, t: int, unit: int, batch: int) -> Explanation:
    value = float(trace.outputs[t, batch, unit])
    symbol = f"y{sub(unit + 1)}"
    head = network.head
    top = trace.layers[-1].output[t, batch]
    if head.activation == "identity":
        return Explanation(symbol, [f"{symbol} = a{sub(unit + 1)} = {num(value)}"], value)
    W = network.params["head.W"][unit]
    b = float(network.params["head.b"][unit]) if head.use_bias else None
    pre = float(trace.head["z_y"][t, batch, unit])
    lines = _sum_lines(symbol if head.activation == "linear" else f"z{sub(unit + 1)}",
                       [(W, top, _names("a", top.shape[-1]))], b, pre)
    if head.activation == "softmax":
        lines.append(f"{symbol} = e^z{sub(unit + 1)} / Σ e^z = {num(value)}")
    elif head.activation != "linear":
        lines.append(f"{symbol} = {head.activation}({num(pre)}) = {num(value)}")
    return Explanation(symbol, lines, value)
