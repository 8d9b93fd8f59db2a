"""The training lab's speed targets (issue 4): a responsive window while training, live loss surfaces.

    python benchmarks/bench_training_gui.py [--scene cliff] [--seconds 10] [--skip-lstm]

1. Event-loop response. While the scene's runs train in the worker as fast as they can (the budget
   raised so they never stop; a run that blows up is left stopped and Start goes on with the others,
   as a student would), a 5 ms precise QTimer runs in the GUI thread; the lateness of each tick
   (time since the previous tick − 5 ms) is what a click or a key would wait. Three configurations,
   each for ``--seconds``; as in the main window both views exist and one of them is shown:
     idle         — the training panel shown, nothing training (the reference, measured in the same run);
     training tab — the training panel shown, its plots redrawn at ≤ 30 Hz (rarer when a redraw is slow);
     surface tab  — the loss-surface view shown instead, recomputing the surface around the moving
                    weights in its own worker (at most every 100 ms) and drawing the runs' paths.
   Target: p99 lateness ≤ 50 ms while training (both configurations).

2. Surface refresh during training: in the "surface tab" run, how many full surfaces the view finished
   per second and the worker time of each (from the request to the final level). Target ≥ 5 per
   second for the cliff scene.

3. The engine's LSTM 128×128 surface (bench_surface.py case b) inside the app: the same computation
   run directly and through the app's GeneratorWorker with the Qt event loop running (worker time,
   not counting drawing). The ratio should be ≈ 1: the worker adds no cost.

Runs offscreen (QT_QPA_PLATFORM=offscreen unless set). 2-core machine: the training worker, the
surface worker and the GUI thread share the cores and the GIL, which is the point of the measurement.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 5
TARGET_P99_MS = 50.0
TARGET_REFRESH_PER_S = 5.0


def percentile(values, q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if len(values) else float("nan")


def run_event_loop(app, seconds: float, on_tick=None) -> list[float]:
    """Run the event loop for ``seconds``; return the lateness (ms) of every 5 ms tick."""
    lateness: list[float] = []
    clock = QElapsedTimer()
    last = [None]

    def tick():
        now = clock.nsecsElapsed() / 1e6
        if last[0] is not None:
            lateness.append(max(0.0, now - last[0] - TICK_MS))
        last[0] = now
        if on_tick is not None:
            on_tick()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    clock.start()
    timer.start()
    loop.exec()
    timer.stop()
    return lateness


def keep_training(lab):
    """A run that blew up stays stopped; Start goes on with the others (what the banner offers)."""
    def check():
        if lab.state in ("diverged", "finished", "paused") and any(
                not run.session.diverged for run in lab.runs):
            lab.start()
    return check


def measure(scene: str, seconds: float, configuration: str) -> dict:
    from simulator.gui.training.panel import TrainingView
    from simulator.gui.views.surface_view import SurfaceView
    from simulator.model.scenes import load_scene
    from simulator.model.session import Session

    app = QApplication.instance()
    session = Session(load_scene(scene))
    # As in the main window: both tabs exist, one is shown.
    panel = TrainingView(session)
    panel.resize(1280, 800)
    surface = None
    if configuration == "surface tab":
        surface = SurfaceView(session)
        surface.resize(1280, 800)
        surface.show()
    else:
        panel.show()
    lab = panel.lab
    lab.choose(steps=10_000_000)
    for _ in range(20):
        app.processEvents()
    if surface is not None:                     # the first surface before the clock starts
        deadline = time.perf_counter() + 30
        while surface.surface.result is None and time.perf_counter() < deadline:
            app.processEvents()
        surface.surface._computations.clear()
    check = None
    if configuration != "idle":
        lab.start()
        check = keep_training(lab)
    updates_before = sum(len(run.session.history) for run in lab.runs)
    started = time.perf_counter()
    lateness = run_event_loop(app, seconds, on_tick=check)
    elapsed = time.perf_counter() - started
    updates = sum(len(run.session.history) for run in lab.runs) - updates_before
    result = {"configuration": configuration, "ticks": len(lateness), "p50": percentile(lateness, 50),
              "p99": percentile(lateness, 99), "max": max(lateness) if lateness else float("nan"),
              "updates_per_s": updates / elapsed}
    if surface is not None:
        times = surface.surface.computation_times()
        result["surfaces_per_s"] = len(times) / elapsed
        result["surface_ms"] = 1000 * statistics.median(times) if times else float("nan")
        result["grid"] = surface.surface.result.shape if surface.surface.result is not None else None
        surface.shutdown()
        surface.close()
    panel.shutdown()
    panel.close()
    app.processEvents()
    return result


def lstm_in_the_app(repeats: int = 3) -> dict:
    """bench_surface.py's LSTM 128×128 surface: directly, and as the surface view runs it — the
    progressive computation in a GeneratorWorker thread while the Qt event loop runs — timed in the
    worker from its start to its last level (worker time, not counting drawing)."""
    from bench_surface import lstm_setup

    from simulator.engine.surface import loss_surface, loss_surface_progressive
    from simulator.gui.training.worker import GeneratorWorker

    net, x, targets, axes, values = lstm_setup()
    grid = (len(values[0]), len(values[1]))
    direct, in_app = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        loss_surface(net, x, targets, "mse", axes, grid=grid)
        direct.append(time.perf_counter() - start)

        times = {}

        def levels():
            times["start"] = time.perf_counter()
            yield from loss_surface_progressive(net, x, targets, "mse", axes, grid=grid)
            times["end"] = time.perf_counter()

        worker = GeneratorWorker(levels, coalesce=True)
        worker.yielded.connect(lambda _item: worker.take())
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        worker.start()
        loop.exec()
        worker.wait()
        in_app.append(times["end"] - times["start"])
    return {"grid": grid, "direct_s": min(direct), "in_app_s": min(in_app)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scene", default="cliff")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--skip-lstm", action="store_true")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])       # the event loop everything below runs in

    print(f"scene {args.scene}, {args.seconds:g} s per configuration, timer every {TICK_MS} ms, "
          f"platform {QApplication.platformName()}, {os.cpu_count()} cores")
    print()
    print(f"{'configuration':<13} {'ticks':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'updates/s':>10} "
          f"{'surfaces/s':>11} {'surface ms':>11}")
    results = []
    for configuration in ("idle", "training tab", "surface tab"):
        r = measure(args.scene, args.seconds, configuration)
        results.append(r)
        print(f"{r['configuration']:<13} {r['ticks']:>7d} {r['p50']:>8.2f} {r['p99']:>8.2f} {r['max']:>8.1f} "
              f"{r['updates_per_s']:>10.0f} {r.get('surfaces_per_s', float('nan')):>11.1f} "
              f"{r.get('surface_ms', float('nan')):>11.1f}")
    idle = results[0]
    print()
    for r in results[1:]:
        verdict = "PASS" if r["p99"] <= TARGET_P99_MS else "MISS"
        print(f"{r['configuration']}: p99 lateness {r['p99']:.1f} ms (idle {idle['p99']:.1f} ms) — target ≤ "
              f"{TARGET_P99_MS:.0f} ms: {verdict}")
    surface = results[-1]
    verdict = "PASS" if surface.get("surfaces_per_s", 0) >= TARGET_REFRESH_PER_S else "MISS"
    print(f"surface refresh during training: {surface.get('surfaces_per_s', 0):.1f} per second "
          f"({surface.get('grid')} grid, median worker time {surface.get('surface_ms', float('nan')):.0f} ms) — "
          f"target ≥ {TARGET_REFRESH_PER_S:.0f}: {verdict}")
    if not args.skip_lstm:
        lstm = lstm_in_the_app()
        print(f"LSTM {lstm['grid'][0]}×{lstm['grid'][1]} surface: direct {lstm['direct_s']:.2f} s, in the app's "
              f"worker {lstm['in_app_s']:.2f} s (ratio {lstm['in_app_s'] / lstm['direct_s']:.2f})")


if __name__ == "__main__":
    main()
