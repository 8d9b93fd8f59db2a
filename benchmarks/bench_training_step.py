"""One training step of a slot-filling-shaped problem: our numpy engine versus PyTorch on the CPU.

The problem: one-hot words over a vocabulary of 200, one recurrent layer of 32 units, a softmax over
40 slot labels at every step, cross-entropy summed over the 12 steps, batch 32. One step is forward,
BPTT, clipping by the global gradient norm and a plain SGD update.

Ours runs in float64 (what the app uses), clipping and updating with ``simulator.engine.optim`` when it
is there (``--inline-optimiser`` uses the few numpy lines below instead). PyTorch 2.x runs float32
``nn.RNN``/``nn.LSTM`` + ``nn.Linear`` with two threads in the same process, on the same weights
(copied from the PyTorch modules, so both start from the same loss). Each figure is a median.

Our step is also timed in a fresh process that never imports torch, because the two differ: importing
torch makes glibc raise its mmap threshold, after which our large temporaries are reused heap memory
instead of freshly mapped, zero-filled pages (hundreds of page faults per step). The app never imports
torch, so that column is what a user sees.

    python benchmarks/bench_training_step.py [--repeats 300] [--inline-optimiser]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.engine.cells.base import TokenIds  # noqa: E402
from simulator.engine.network import Network  # noqa: E402
from simulator.io.torch_state import network_from_state_dict  # noqa: E402

try:
    from simulator.engine import optim
except ImportError:     # the optimiser module is newer than this script
    optim = None

VOCABULARY, UNITS, CLASSES, STEPS, BATCH = 200, 32, 40, 12, 32
LEARNING_RATE, MAX_NORM = 0.1, 5.0
WARM_UP = 10
ROUNDS = 3
#: ours / PyTorch must be at most this
TARGETS = {"elman": 0.4, "lstm": 0.8}
TORCH_CELL = {"elman": "rnn_tanh", "lstm": "lstm"}


def make_problem(seed: int = 0):
    rng = np.random.default_rng(seed)
    words = rng.integers(0, VOCABULARY, size=(STEPS, BATCH))
    labels = rng.integers(0, CLASSES, size=(STEPS, BATCH))
    one_hot = np.eye(VOCABULARY)[words]                     # (T, B, V)
    return one_hot, labels


def our_network(kind: str) -> Network:
    return Network.build(VOCABULARY, [{"kind": kind, "hidden_size": UNITS}],
                         head={"output_size": CLASSES, "activation": "softmax"}, dtype=np.float64)


# -- our training step ------------------------------------------------------------------------------

def clip_by_global_norm(grads: dict[str, np.ndarray], max_norm: float) -> None:
    """Scale all gradients together so that their joint L2 norm is at most max_norm (in place), with
    PyTorch's clip_grad_norm_ formula."""
    norm = float(np.sqrt(sum(float(np.vdot(g, g)) for g in grads.values())))
    if norm > max_norm:
        scale = max_norm / (norm + 1e-6)
        for g in grads.values():
            g *= scale


def make_our_step(net: Network, one_hot: np.ndarray, labels: np.ndarray, inline_optimiser: bool):
    # The engine takes one-hot words as token ids (its encodings produce them): the same numbers as
    # the dense one-hot product (tests/engine/test_gradients.py checks it), without the zeros.
    one_hot = TokenIds(one_hot.argmax(axis=-1), VOCABULARY)
    if optim is None or inline_optimiser:
        def step() -> float:
            loss, grads, _ = net.loss_and_gradients(one_hot, labels, loss="ce")
            clip_by_global_norm(grads, MAX_NORM)
            for key, g in grads.items():
                net.params[key] -= LEARNING_RATE * g
            return loss
        return step

    sgd = optim.SGD(LEARNING_RATE)

    def step() -> float:
        loss, grads, _ = net.loss_and_gradients(one_hot, labels, loss="ce")
        clipped = optim.clip_by_norm(grads, MAX_NORM, eps=1e-6)     # eps as in clip_grad_norm_
        sgd.step(net.params, clipped.grads)
        return loss
    return step


def optimiser_description(inline_optimiser: bool) -> str:
    if optim is None or inline_optimiser:
        return "clipping and SGD inline (numpy, in place)"
    return "clipping and SGD from simulator.engine.optim (clip_by_norm, SGD)"


# -- PyTorch's training step ------------------------------------------------------------------------

def torch_setup(kind: str, one_hot: np.ndarray, labels: np.ndarray):
    """PyTorch's step function, and our network holding the same weights (in float64)."""
    import torch

    torch.manual_seed(0)
    recurrent = (torch.nn.RNN(VOCABULARY, UNITS, nonlinearity="tanh") if kind == "elman"
                 else torch.nn.LSTM(VOCABULARY, UNITS))
    head = torch.nn.Linear(UNITS, CLASSES)
    parameters = list(recurrent.parameters()) + list(head.parameters())
    optimiser = torch.optim.SGD(parameters, lr=LEARNING_RATE)
    x = torch.tensor(one_hot, dtype=torch.float32)
    y = torch.tensor(labels.reshape(-1), dtype=torch.long)

    def step() -> float:
        optimiser.zero_grad(set_to_none=True)
        logits = head(recurrent(x)[0])
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, CLASSES), y, reduction="sum") / BATCH
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, MAX_NORM)
        optimiser.step()
        return loss.item()

    layers = network_from_state_dict({k: v.detach().double().numpy() for k, v in recurrent.state_dict().items()},
                                     TORCH_CELL[kind])
    ours = our_network(kind)
    ours.set_params({**layers.params, "head.W": head.weight.detach().double().numpy(),
                     "head.b": head.bias.detach().double().numpy()})
    return step, ours


# -- timing -----------------------------------------------------------------------------------------

def median_ms(steps: dict, repeats: int) -> dict[str, float]:
    """Median milliseconds per step for each named step function.

    The functions take turns in a few long rounds, so that a slower stretch of a shared machine
    affects all of them alike. Each turn starts with a pause and a warm-up: PyTorch's OpenMP workers
    and OpenBLAS's threads keep spinning for a while after their last call, and on two cores whichever
    library runs next would otherwise pay for the other's spinning (alternating single steps doubles
    both figures).
    """
    per_round = -(-repeats // ROUNDS)
    times = {name: [] for name in steps}
    for _ in range(ROUNDS):
        for name, step in steps.items():
            time.sleep(0.2)
            for _ in range(WARM_UP):
                step()
            for _ in range(per_round):
                start = time.perf_counter()
                step()
                times[name].append(time.perf_counter() - start)
    return {name: 1000.0 * statistics.median(values) for name, values in times.items()}


def ours_only(repeats: int, inline_optimiser: bool) -> dict[str, float]:
    one_hot, labels = make_problem()
    result = {}
    for kind in ("elman", "lstm"):
        step = make_our_step(our_network(kind), one_hot, labels, inline_optimiser)
        result[kind] = median_ms({"ours": step}, repeats)["ours"]
    return result


def measure_in_torch_free_process(repeats: int, inline_optimiser: bool) -> dict[str, float] | None:
    command = [sys.executable, str(Path(__file__).resolve()), "--without-torch", "--json", "--repeats", str(repeats)]
    if inline_optimiser:
        command.append("--inline-optimiser")
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (subprocess.SubprocessError, OSError, ValueError, IndexError) as error:
        print(f"(could not time our step in a torch-free process: {error})")
        return None


# -- report -----------------------------------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300, help="timed steps per model (at least 50)")
    parser.add_argument("--inline-optimiser", action="store_true",
                        help="clip and update with the numpy lines in this script, not simulator.engine.optim")
    parser.add_argument("--without-torch", action="store_true", help="time ours only, never importing torch")
    parser.add_argument("--json", action="store_true", help="with --without-torch: print one JSON line")
    args = parser.parse_args(argv)
    repeats = max(50, args.repeats)
    problem = (f"One training step: vocabulary {VOCABULARY} (one-hot), {UNITS} units, {CLASSES} classes (softmax, "
               f"cross-entropy summed over steps), {STEPS} steps, batch {BATCH}; clip at global norm {MAX_NORM}, SGD.")

    torch = None
    if not args.without_torch:
        try:
            import torch
        except ImportError:
            print("PyTorch is not installed, so there is no reference to compare with (pip install torch); "
                  "our timings alone:\n")
    if torch is None:
        ours = ours_only(repeats, args.inline_optimiser)
        if args.json:
            print(json.dumps(ours))
            return 0
        print(problem)
        print(f"ours: numpy {np.__version__} float64, {optimiser_description(args.inline_optimiser)}; "
              f"median of {repeats} steps.\n")
        for kind, ms in ours.items():
            print(f"{kind:<7} {ms:9.3f} ms")
        return 0

    torch.set_num_threads(2)
    torch_free = measure_in_torch_free_process(repeats, args.inline_optimiser)
    one_hot, labels = make_problem()
    print(problem)
    print(f"ours: numpy {np.__version__} float64, {optimiser_description(args.inline_optimiser)}; "
          f"PyTorch {torch.__version__} CPU float32, {torch.get_num_threads()} threads.")
    print(f"Median of {repeats} steps; ours and PyTorch take turns in {ROUNDS} rounds, each after a pause and "
          f"{WARM_UP} warm-up steps.\n")

    header = (f"{'cell':<7} {'ours ms':>9} {'PyTorch ms':>11} {'ours/PyTorch':>13} {'target':>8}  {'met':<4}"
              f"{'ours ms, torch-free process':>30}")
    print(header)
    print("-" * len(header))
    all_met = True
    for kind in ("elman", "lstm"):
        torch_step, net = torch_setup(kind, one_hot, labels)
        our_step = make_our_step(net, one_hot, labels, args.inline_optimiser)
        # Same weights, same data: the first losses agree up to float32 rounding.
        our_first, torch_first = our_step(), torch_step()
        if abs(our_first - torch_first) > 1e-4 * abs(torch_first):
            print(f"warning: {kind}: first losses differ (ours {our_first:.6f}, PyTorch {torch_first:.6f})")
        medians = median_ms({"ours": our_step, "torch": torch_step}, repeats)
        ratio = medians["ours"] / medians["torch"]
        met = ratio <= TARGETS[kind]
        all_met &= met
        alone = f"{torch_free[kind]:.3f} ({torch_free[kind] / medians['torch']:.2f}×)" if torch_free else "—"
        print(f"{kind:<7} {medians['ours']:9.3f} {medians['torch']:11.3f} {ratio:12.2f}× "
              f"{'≤ ' + str(TARGETS[kind]) + '×':>8}  {'yes' if met else 'NO':<4}{alone:>30}")
    print("\nall targets met" if all_met else "\nsome targets are not met")
    print("The last column is our step in a process that never imported torch, as in the app (see the "
          "module docstring for why it differs); its ratio is to the PyTorch time beside it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
