"""Loss-surface speed against PyTorch measured in the same run.

    python benchmarks/bench_surface.py [--repeats N]

(a) the single-unit tanh RNN of Pascanu, Mikolov & Bengio (2013), T = 1000, a 256×256 grid over the
    recurrent weight w and the bias b; PyTorch runs the grid as its batch dimension, the elementwise
    recurrence in a Python loop over T.
(b) an LSTM (8 units, 4 inputs, 32 sequences of 20 steps, linear head to 1 output, MSE), a 128×128
    grid over two entries of the recurrent weights W_a; PyTorch batched over the grid, best of two
    batchings (per-point weights with baddbmm; shared weights with addmm plus the same exact per-point
    correction) and three chunk sizes. Also the time to the first (32×32) picture of the progressive
    surface.

Every figure is the best of ``--repeats`` runs (the machine may be shared; the minimum is the least
disturbed), ours and PyTorch's interleaved. PyTorch uses 2 threads. Targets: ours ≤ 1.0× PyTorch's
fastest (any dtype) and the first picture ≤ 0.3 s.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from simulator.engine.network import Network  # noqa: E402
from simulator.engine.surface import ParamAxis, loss_surface, loss_surface_progressive  # noqa: E402

try:
    import torch
    torch.set_num_threads(2)
except ImportError:                                   # the PyTorch columns are then skipped
    torch = None


def best_of(repeats: int, functions: dict) -> dict:
    """{name: (best seconds, last result)}, running the functions interleaved ``repeats`` times."""
    best = {name: (np.inf, None) for name in functions}
    for _ in range(repeats):
        for name, fn in functions.items():
            start = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - start
            best[name] = (min(best[name][0], elapsed), result)
    return best


# ------------------------------------------------------------------------------------------------
# (a) the single-unit RNN
# ------------------------------------------------------------------------------------------------
T_CLIFF, N_CLIFF, A0, TARGET = 1000, 256, 0.5, 0.7
W_VALUES = np.linspace(-1.0, 5.0, N_CLIFF)
B_VALUES = np.linspace(-3.0, 3.0, N_CLIFF)


def cliff_setup():
    net = Network.build(1, [{"kind": "elman", "hidden_size": 1, "activation": "tanh"}], {"activation": "identity"})
    net.memory["layers.0.a"][:] = A0
    x = np.zeros((T_CLIFF, 1, 1))
    targets = np.full((T_CLIFF, 1, 1), TARGET)
    mask = np.zeros((T_CLIFF, 1))
    mask[-1] = 1.0                                    # the loss reads only the last step
    axes = (ParamAxis("layers.0.W_a", (0, 0), W_VALUES), ParamAxis("layers.0.b", (0,), B_VALUES))
    return net, x, targets, mask, axes


def cliff_numpy_plain(dtype):
    """The reference of the brief: a hand-written vectorised loop, in place."""
    b, w = (v.ravel().astype(dtype) for v in np.meshgrid(B_VALUES, W_VALUES, indexing="ij"))
    a = np.full(w.shape, A0, dtype=dtype)
    pre = np.empty_like(a)
    with np.errstate(all="ignore"):
        for _ in range(T_CLIFF):
            np.multiply(w, a, out=pre)
            pre += b
            np.tanh(pre, out=a)
    return ((a - TARGET) ** 2).reshape(N_CLIFF, N_CLIFF)


def cliff_torch(dtype, in_place: bool):
    b, w = (torch.tensor(v.ravel(), dtype=dtype) for v in np.meshgrid(B_VALUES, W_VALUES, indexing="ij"))
    a = torch.full(w.shape, A0, dtype=dtype)
    with torch.no_grad():
        if in_place:
            pre = torch.empty_like(a)
            for _ in range(T_CLIFF):
                torch.addcmul(b, w, a, out=pre)
                torch.tanh(pre, out=a)
        else:
            for _ in range(T_CLIFF):
                a = torch.tanh(w * a + b)
    return ((a - TARGET) ** 2).reshape(N_CLIFF, N_CLIFF).double().numpy()


def bench_cliff(repeats: int) -> list[tuple]:
    net, x, targets, mask, axes = cliff_setup()
    ours = {
        "ours float64": lambda: loss_surface(net, x, targets, "mse", axes, mask=mask).loss,
        "ours float32": lambda: loss_surface(net, x, targets, "mse", axes, mask=mask, dtype=np.float32).loss,
        "ours float64, 1 thread": lambda: loss_surface(net, x, targets, "mse", axes, mask=mask, workers=1).loss,
        "plain numpy float64": lambda: cliff_numpy_plain(np.float64),
    }
    if torch is not None:
        for dtype in (torch.float32, torch.float64):
            for in_place in (False, True):
                name = f"torch {str(dtype)[6:]}{' in place' if in_place else ''}"
                ours[name] = (lambda d=dtype, p=in_place: cliff_torch(d, p))
    results = best_of(repeats, ours)
    reference = results["ours float64"][1]
    print(f"(a) single-unit tanh RNN, T = {T_CLIFF}, {N_CLIFF}×{N_CLIFF} grid over (w, b)")
    for name, (seconds, value) in results.items():
        agree = np.nanmax(np.abs(value - reference))
        print(f"    {name:28s} {seconds:7.3f} s   max |Δloss| vs ours float64 {agree:.1e}")
    return rows_against_torch("(a) tanh unit, T=1000, 256²", results)


# ------------------------------------------------------------------------------------------------
# (b) the LSTM
# ------------------------------------------------------------------------------------------------
H, D, B, T, N_LSTM = 8, 4, 32, 20, 128
ENTRY_1, ENTRY_2 = (3, 5), (20, 2)           # W_a rows 3 (z of unit 3) and 20 (z_f of unit 4)


def lstm_setup():
    rng = np.random.default_rng(0)
    net = Network.build(D, [{"kind": "lstm", "hidden_size": H}], {"output_size": 1, "activation": "linear"}, seed=0)
    x = rng.normal(size=(T, B, D))
    targets = rng.normal(size=(T, B, 1))
    values = [np.linspace(net.params["layers.0.W_a"][e] - 3, net.params["layers.0.W_a"][e] + 3, N_LSTM)
              for e in (ENTRY_1, ENTRY_2)]
    axes = (ParamAxis("layers.0.W_a", ENTRY_1, values[0]), ParamAxis("layers.0.W_a", ENTRY_2, values[1]))
    return net, x, targets, axes, values


def lstm_torch(net, x, targets, values, dtype, batching: str, chunk: int):
    """The loss on the grid in PyTorch, lecture gate order [z, z_i, z_f, z_o], loss Σ_t mean_b."""
    p = {k: torch.tensor(v, dtype=dtype) for k, v in net.params.items()}
    W_x, W_a, b = p["layers.0.W_x"], p["layers.0.W_a"], p["layers.0.b"]
    W_y_T, b_y = p["head.W"].T, p["head.b"]
    from_input = torch.tensor(x, dtype=dtype) @ W_x.T + b                  # (T, B, 4H), shared
    ref = torch.tensor(targets, dtype=dtype)
    beta, alpha = (torch.tensor(v.ravel(), dtype=dtype) for v in np.meshgrid(values[1], values[0], indexing="ij"))
    W_zeroed_T = W_a.clone()
    W_zeroed_T[ENTRY_1] = 0.0
    W_zeroed_T[ENTRY_2] = 0.0
    W_zeroed_T = W_zeroed_T.T.contiguous()
    out = []
    with torch.no_grad():
        for start in range(0, len(alpha), chunk):
            w1, w2 = alpha[start:start + chunk], beta[start:start + chunk]
            P = len(w1)
            a = torch.zeros(P, B, H, dtype=dtype)
            c = torch.zeros(P, B, H, dtype=dtype)
            loss = torch.zeros(P, dtype=dtype)
            if batching == "bmm":
                W = W_a.expand(P, 4 * H, H).clone()
                W[:, ENTRY_1[0], ENTRY_1[1]] = w1
                W[:, ENTRY_2[0], ENTRY_2[1]] = w2
                W_T = W.transpose(1, 2).contiguous()
            else:
                pre = torch.empty(P, B, 4 * H, dtype=dtype)
                w1, w2 = w1[:, None], w2[:, None]
            for t in range(T):
                if batching == "bmm":
                    pre = torch.baddbmm(from_input[t].expand(P, B, 4 * H), a, W_T)
                else:
                    torch.addmm(from_input[t].repeat(P, 1), a.view(P * B, H), W_zeroed_T, out=pre.view(P * B, 4 * H))
                    pre[..., ENTRY_1[0]].addcmul_(w1, a[..., ENTRY_1[1]])
                    pre[..., ENTRY_2[0]].addcmul_(w2, a[..., ENTRY_2[1]])
                g = torch.tanh(pre[..., :H])
                gates = torch.sigmoid(pre[..., H:])
                c = g * gates[..., :H] + c * gates[..., H:2 * H]
                a = torch.tanh(c) * gates[..., 2 * H:]
                y = a @ W_y_T + b_y
                loss += ((y - ref[t]) ** 2).mean(-1).sum(-1)
            out.append(loss / B)
    return torch.cat(out).reshape(N_LSTM, N_LSTM).double().numpy()


def first_picture(net, x, targets, axes):
    start = time.perf_counter()
    first = next(loss_surface_progressive(net, x, targets, "mse", axes, first=32))
    return time.perf_counter() - start, first.shape


def bench_lstm(repeats: int) -> list[tuple]:
    net, x, targets, axes, values = lstm_setup()
    functions = {
        "ours float64": lambda: loss_surface(net, x, targets, "mse", axes).loss,
        "ours float32": lambda: loss_surface(net, x, targets, "mse", axes, dtype=np.float32).loss,
        "ours float64, 1 thread": lambda: loss_surface(net, x, targets, "mse", axes, workers=1).loss,
        "ours float64 generic path": lambda: loss_surface(net, x, targets, "mse", axes, method="generic").loss,
    }
    if torch is not None:
        for dtype in (torch.float32, torch.float64):
            for batching in ("bmm", "mm+correction"):
                for chunk in (256, 1024, 4096):
                    name = f"torch {str(dtype)[6:]} {batching} chunk {chunk}"
                    functions[name] = (lambda d=dtype, m=batching, c=chunk: lstm_torch(net, x, targets, values, d, m, c))
    results = best_of(repeats, functions)
    reference = results["ours float64"][1]
    print(f"(b) LSTM H={H}, D={D}, {B} sequences × {T} steps, {N_LSTM}×{N_LSTM} grid over W_a{list(ENTRY_1)}, "
          f"W_a{list(ENTRY_2)}")
    for name, (seconds, value) in results.items():
        print(f"    {name:36s} {seconds:7.3f} s   max |Δloss| vs ours float64 {np.max(np.abs(value - reference)):.1e}")
    first = min(first_picture(net, x, targets, axes)[0] for _ in range(repeats))
    print(f"    first picture (32×32) of the progressive surface: {first:.3f} s")
    rows = rows_against_torch("(b) LSTM 128², 2 W_a entries", results)
    rows.append(("(b) first 32×32 picture", first, None, None, "≤ 0.3 s", first <= 0.3))
    return rows


# ------------------------------------------------------------------------------------------------
def rows_against_torch(case: str, results: dict) -> list[tuple]:
    ours = results["ours float64"][0]
    ours32 = results["ours float32"][0]
    torch_times = {name: s for name, (s, _) in results.items() if name.startswith("torch")}
    if not torch_times:
        print("    (PyTorch is not installed: no reference column)")
        return [(case + " float64", ours, None, None, "≤ 1.0× torch", None)]
    best_name = min(torch_times, key=torch_times.get)
    best = torch_times[best_name]
    best32 = min(s for n, s in torch_times.items() if "float32" in n)
    best64 = min(s for n, s in torch_times.items() if "float64" in n)
    return [(case + " ours f64 vs torch best", ours, best, ours / best, "≤ 1.0×", ours <= best),
            (case + " ours f64 vs torch f64", ours, best64, ours / best64, "≤ 1.0×", ours <= best64),
            (case + " ours f32 vs torch f32", ours32, best32, ours32 / best32, "≤ 1.0×", ours32 <= best32)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if torch is None:
        print("PyTorch is not installed: the PyTorch column is skipped.")
    else:
        print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads; numpy {np.__version__}; "
              f"{os.cpu_count()} cores; best of {args.repeats}")
    rows = bench_cliff(args.repeats) + bench_lstm(args.repeats)
    print()
    print(f"{'case':52s} {'ours s':>8s} {'torch s':>8s} {'ratio':>7s} {'target':>14s}  met")
    for case, ours, ref, ratio, target, met in rows:
        ref_s = f"{ref:8.3f}" if ref is not None else f"{'—':>8s}"
        ratio_s = f"{ratio:6.2f}×" if ratio is not None else f"{'—':>7s}"
        met_s = "—" if met is None else ("met" if met else "NOT met")
        print(f"{case:52s} {ours:8.3f} {ref_s} {ratio_s} {target:>14s}  {met_s}")


if __name__ == "__main__":
    main()
