"""The `irnn` scene's replication, run to its full budget: tanh RNN, IRNN, LSTM and GRU on the adding problem.

Prints, for each run of the scene, the test MSE after the budget (and along the way), the wall time, the
time per update relative to the tanh RNN measured in the same run, and the 1/6 baseline of always
answering 1. This is the long run the unit tests cannot afford; the numbers in the scene's description
come from here (seed 0, the scene's own settings).

    python benchmarks/bench_training_lab.py                   # the scene as shipped (3000 updates, T = 50)
    python benchmarks/bench_training_lab.py --steps 500 --T 30 --seeds 0 1 2
    python benchmarks/bench_training_lab.py --json-out measured.json
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.model.scenes import load_scene  # noqa: E402
from simulator.model.training import run_names, session_for_project  # noqa: E402


def run_scene(scene: str, steps: int | None, T: int | None, seed: int, checkpoints: int) -> dict:
    project = load_scene(scene)
    if T is not None:
        project.settings = copy.deepcopy(project.settings)
        project.settings["training"]["task"]["T"] = T
    results = {}
    for name in run_names(project):
        session = session_for_project(project, run=name, steps=steps, seed=seed)
        budget = session.config.steps
        every = max(1, budget // checkpoints)
        start = time.perf_counter()
        curve = []
        for snapshot in session.run():
            if snapshot.update % every == 0:
                curve.append((snapshot.update, session.evaluate(session.task.test)))
        elapsed = time.perf_counter() - start
        results[name] = {"test_mse": session.evaluate(session.task.test), "seconds": elapsed,
                         "updates": session.updates, "diverged": session.diverged, "curve": curve,
                         "baseline": session.task.baseline}
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scene", default="irnn")
    parser.add_argument("--steps", type=int, help="updates per run (default: the scene's budget)")
    parser.add_argument("--T", type=int, help="sequence length (default: the scene's)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--checkpoints", type=int, default=10, help="test MSE this many times along the way")
    parser.add_argument("--json-out", help="write seed 0's test MSE per run here (for the scene description)")
    args = parser.parse_args(argv)

    for seed in args.seeds:
        results = run_scene(args.scene, args.steps, args.T, seed, args.checkpoints)
        reference = results.get("tanh") or next(iter(results.values()))
        per_update_reference = reference["seconds"] / max(1, reference["updates"])
        baseline = reference["baseline"]
        print(f"\nscene {args.scene}, seed {seed}: test MSE after the budget (always answering 1 scores "
              f"{baseline:.4f})")
        print(f"{'run':6} {'updates':>7} {'test MSE':>9} {'vs 1/6':>7} {'seconds':>8} {'ms/update':>9} "
              f"{'x tanh':>6}  test MSE along the way")
        for name, result in results.items():
            per_update = result["seconds"] / max(1, result["updates"])
            curve = " ".join(f"{mse:.3g}@{update}" for update, mse in result["curve"])
            flag = " DIVERGED" if result["diverged"] else ""
            print(f"{name:6} {result['updates']:7d} {result['test_mse']:9.4f} {result['test_mse'] / baseline:7.3f} "
                  f"{result['seconds']:8.1f} {1000 * per_update:9.2f} {per_update / per_update_reference:6.2f}  "
                  f"{curve}{flag}")
        if args.json_out and seed == args.seeds[0]:
            measured = {"seed": seed, "updates": reference["updates"],
                        "test_mse": {name: round(result["test_mse"], 6) for name, result in results.items()}}
            Path(args.json_out).write_text(json.dumps(measured, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
