"""The GUI speed targets of issue 3: animation frames and start-up time.

1. Frames. A step's animation must draw at 60 frames per second: median frame <= 16 ms, for a
   2-layer LSTM of 8 units per layer (10 random 2-feature inputs) in the real main window, resized to a
   full-HD projector (1920 x 1080). For each view (network, cell, unrolled, heatmap) a frame is
   ``view.show_step(step, progress)``, a forced synchronous ``view.repaint()`` of the whole view and
   ``processEvents()`` (which runs the work Qt queued for the frame, e.g. the graphics scene's item
   updates), timed with ``time.perf_counter()`` over 3 steps x 36 frames (a 600 ms step at 60 fps).
   "window" rows are what the animator does: every created view gets ``show_step`` (hidden tabs
   included) and the whole window (docks, player) is repainted with that tab in front. The "grab"
   column renders the view into a pixmap instead (``QWidget.grab()``, what export does); the "loop"
   column leaves the painting to the event loop (``processEvents()`` paints only what changed, as in
   the app, where the docks are not repainted by an animation frame).

2. Start-up. From spawning ``python`` to the main window's first frame on screen <= 1.0 s, next to a
   reference measured in the same run: a bare PySide6 window with one pyqtgraph plot. Both run in
   fresh processes (one warm-up each — its figure is the "no .pyc" column: the first start after an
   install, compiling every module —, then alternating runs; medians). The app runs its real start-up
   (``simulator.__main__.main`` -> ``run_app`` -> ``MainWindow``) with its settings and data directory
   redirected to a temporary directory (XDG_CONFIG_HOME / XDG_DATA_HOME). A child reports, on
   CLOCK_MONOTONIC (shared by all processes on Linux), its first Paint event in the main window and the
   last Paint event of that first frame (the frame is complete when control returns to the event
   loop). It also reports whether pyqtgraph had been imported by then: only the heatmap tab needs it.
   One extra run with ``python -X importtime`` lists the largest imports before the first paint.

Both parts run under the offscreen platform and, when ``xvfb-run`` is installed, under Xvfb with the
xcb platform (the platform a desktop uses).

    python benchmarks/bench_gui.py [--platforms offscreen,xcb] [--startup-runs 5] [--frames-per-step 36]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TARGET_FRAME_MS = 16.0
TARGET_STARTUP_S = 1.0
VIEWS = ("network", "cell", "unrolled", "heatmap")
SCREEN = (1920, 1080)
STEPS_TIMED = (4, 5, 6)          # steps whose animation is timed; step 3 warms up
XVFB = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24"]

# -- start-up: the two child processes --------------------------------------------------------------

#: Shared by both children: an application-wide event filter that notes the first frame painted in a
#: QMainWindow, then prints the times as JSON and leaves at once (tear-down is not part of start-up).
_CHILD_COMMON = r'''
import sys, time
T_START = time.monotonic()
import json, os

def watch_first_frame(app):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget
    PAINT = QEvent.Type.Paint
    seen = {}

    def done():
        seen["modules"] = len(sys.modules)
        seen["pyqtgraph"] = any(name == "pyqtgraph" or name.startswith("pyqtgraph.") for name in sys.modules)
        print("FIRST_FRAME " + json.dumps(seen), flush=True)
        os._exit(0)

    class FirstFrame(QObject):
        def eventFilter(self, obj, event):
            if event.type() == PAINT and isinstance(obj, QWidget) and isinstance(obj.window(), QMainWindow):
                now = time.monotonic()
                if "first_paint" not in seen:
                    seen.update(start=T_START, first_paint=now)
                    QTimer.singleShot(0, done)   # runs once this frame's paint is over
                seen["frame_done"] = now
            return False

    app._first_frame_filter = FirstFrame(app)
    app.installEventFilter(app._first_frame_filter)
'''

_CHILD_REFERENCE = _CHILD_COMMON + r'''
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg

app = QApplication([sys.argv[0]])
watch_first_frame(app)
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([i * 0.1 for i in range(100)], [(i % 10) * 0.1 for i in range(100)])
window.setCentralWidget(plot)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
'''

_CHILD_APP = _CHILD_COMMON + r'''
import simulator.gui.app as gui_app

_create_app = gui_app.create_app
def create_app(*args, **kwargs):
    app = _create_app(*args, **kwargs)
    watch_first_frame(app)
    return app
gui_app.create_app = create_app

from simulator.__main__ import main
sys.exit(main(["--language", "en"]))
'''

STARTUP_CHILDREN = {"reference": _CHILD_REFERENCE, "app": _CHILD_APP}


def _child_env(home: Path) -> dict:
    env = dict(os.environ)
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), PYTHONPATH=str(REPO),
               # An installed app has its .pyc files; keep ours beside the temporary settings, not in
               # the checkout (PYTHONDONTWRITEBYTECODE would make every run compile every module).
               PYTHONPYCACHEPREFIX=str(home / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_startup_child(kind: str, home: Path, importtime: bool = False) -> dict:
    command = [sys.executable] + (["-X", "importtime"] if importtime else []) + ["-c", STARTUP_CHILDREN[kind]]
    spawned = time.monotonic()
    result = subprocess.run(command, cwd=str(REPO), env=_child_env(home), capture_output=True, text=True,
                            timeout=60)
    line = next((l for l in result.stdout.splitlines() if l.startswith("FIRST_FRAME ")), None)
    if line is None:
        raise RuntimeError(f"the {kind} start-up child never painted (exit {result.returncode}):\n"
                           f"{result.stderr[-2000:]}")
    seen = json.loads(line.split(" ", 1)[1])
    return {"interpreter_s": seen["start"] - spawned, "first_paint_s": seen["first_paint"] - spawned,
            "first_frame_s": seen["frame_done"] - spawned, "pyqtgraph": seen["pyqtgraph"],
            "modules": seen["modules"], "stderr": result.stderr}


def largest_imports(stderr: str, count: int = 8) -> list[tuple[str, float]]:
    """The top-level imports of a ``-X importtime`` log, by cumulative time (s)."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line[len("import time:"):].split("|")
        if not cumulative.strip().isdigit() or name.startswith("  "):   # nested import
            continue
        rows.append((name.strip(), int(cumulative) / 1e6))
    return sorted(rows, key=lambda row: -row[1])[:count]


def measure_startup(runs: int) -> dict:
    home = Path(tempfile.mkdtemp(prefix="bench_gui_startup_"))
    try:
        # warm-up: disk cache, .pyc files; its figure is the first start after an install or an update
        cold = {kind: run_startup_child(kind, home) for kind in STARTUP_CHILDREN}
        samples = {kind: [] for kind in STARTUP_CHILDREN}
        for _ in range(runs):
            for kind in STARTUP_CHILDREN:
                samples[kind].append(run_startup_child(kind, home))
        profile = run_startup_child("app", home, importtime=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    result = {}
    for kind, runs_of_kind in samples.items():
        result[kind] = {key: statistics.median(run[key] for run in runs_of_kind)
                        for key in ("interpreter_s", "first_paint_s", "first_frame_s")}
        result[kind]["pyqtgraph"] = any(run["pyqtgraph"] for run in runs_of_kind)
        result[kind]["modules"] = runs_of_kind[-1]["modules"]
        result[kind]["cold_first_frame_s"] = cold[kind]["first_frame_s"]
    result["largest_imports"] = largest_imports(profile["stderr"])
    return result


# -- frames -------------------------------------------------------------------------------------------

def _stats(times_ms: list[float]) -> dict:
    ordered = sorted(times_ms)
    return {"median_ms": statistics.median(ordered),
            "p95_ms": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
            "max_ms": ordered[-1], "frames": len(ordered)}


def measure_frames(frames_per_step: int) -> dict:
    import numpy as np
    from PySide6.QtCore import QSettings

    from simulator.engine.network import Network
    from simulator.gui.app import create_app
    from simulator.gui.main_window import MainWindow

    app = create_app()
    tmp = Path(tempfile.mkdtemp(prefix="bench_gui_frames_"))
    window = MainWindow(language="en", settings=QSettings(str(tmp / "s.ini"), QSettings.IniFormat), data_dir=tmp)
    net = Network.build(2, [{"kind": "lstm", "hidden_size": 8}, {"kind": "lstm", "hidden_size": 8}],
                        {"output_size": 2, "activation": "linear"})
    window.session.set_network(net)
    window.session.set_inputs(np.random.default_rng(0).normal(size=(10, 2)))
    window.animator.set_duration(0)            # the benchmark drives the progress itself
    window.resize(*SCREEN)
    window.show()
    for name in VIEWS:                         # create every tab, as after a tour of the app
        window.show_view(name)
        app.processEvents()
    progresses = [i / (frames_per_step - 1) for i in range(frames_per_step)]

    def settle():
        for _ in range(3):
            app.processEvents()

    def time_frames(draw, paint, flush_in_frame=True) -> list[float]:
        times = []
        for step in (STEPS_TIMED[0] - 1,) + STEPS_TIMED:
            # As the animator does after →: the views settled on step − 1 animate step from 0 to 1.
            window.session.go(step - 1)
            settle()
            for progress in progresses:
                start = time.perf_counter()
                draw(step, progress)
                paint()
                if flush_in_frame:
                    app.processEvents()
                elapsed = time.perf_counter() - start
                if not flush_in_frame:
                    app.processEvents()
                if step in STEPS_TIMED:
                    times.append(elapsed * 1000)
        return times

    def all_views(step, progress):
        for view in window.views.values():
            view.show_step(step, progress)

    result = {}
    for name in VIEWS:
        view = window.show_view(name)
        settle()
        alone = result[name] = _stats(time_frames(view.show_step, view.repaint))
        alone["grab_median_ms"] = _stats(time_frames(view.show_step, view.grab, flush_in_frame=False))["median_ms"]
        in_window = result[f"window/{name}"] = _stats(time_frames(all_views, window.repaint))
        in_window["loop_median_ms"] = _stats(time_frames(all_views, lambda: None))["median_ms"]
    window.hide()       # not close(): the session is modified, and closing would ask to save it
    shutil.rmtree(tmp, ignore_errors=True)
    return result


# -- one platform (runs inside QT_QPA_PLATFORM=<platform>) ---------------------------------------------

def run_platform(platform: str, startup_runs: int, frames_per_step: int) -> dict:
    print(f"[{platform}] start-up: {startup_runs} runs of each child after a warm-up …", flush=True)
    startup = measure_startup(startup_runs)
    print(f"[{platform}] frames: {len(VIEWS)} views x {len(STEPS_TIMED)} steps x {frames_per_step} frames …",
          flush=True)
    frames = measure_frames(frames_per_step)
    return {"platform": platform, "startup": startup, "frames": frames}


def spawn_platform(platform: str, args) -> dict | None:
    env = dict(os.environ, QT_QPA_PLATFORM=platform, PYTHONPATH=str(REPO))
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    command = [sys.executable, str(Path(__file__).resolve()), "--run-platform", platform, "--json-out", str(out),
               "--startup-runs", str(args.startup_runs), "--frames-per-step", str(args.frames_per_step)]
    if platform == "xcb":
        command = XVFB + ["env", f"QT_QPA_PLATFORM={platform}"] + command
    try:
        completed = subprocess.run(command, env=env, timeout=300)
        if completed.returncode != 0 or out.stat().st_size == 0:
            print(f"[{platform}] failed (exit {completed.returncode})", flush=True)
            return None
        return json.loads(out.read_text())
    finally:
        out.unlink(missing_ok=True)


# -- report --------------------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def print_report(results: list[dict]) -> None:
    print()
    print(f"Frames: 2-layer LSTM, 8 units per layer; window {SCREEN[0]}x{SCREEN[1]}; "
          f"target median <= {TARGET_FRAME_MS:.0f} ms (60 fps)")
    print(f"{'platform':10} {'what':17} {'median ms':>9} {'p95 ms':>7} {'max ms':>7} {'grab ms':>8} "
          f"{'loop ms':>8} {'fps(median)':>11} {'median/16ms':>11}  target")
    for result in results:
        for name, row in result["frames"].items():
            grab = f"{row['grab_median_ms']:8.2f}" if "grab_median_ms" in row else f"{'':8}"
            loop = f"{row['loop_median_ms']:8.2f}" if "loop_median_ms" in row else f"{'':8}"
            print(f"{result['platform']:10} {name:17} {row['median_ms']:9.2f} {row['p95_ms']:7.2f} "
                  f"{row['max_ms']:7.2f} {grab} {loop} {1000 / row['median_ms']:11.0f} "
                  f"{row['median_ms'] / TARGET_FRAME_MS:11.2f}  {verdict(row['median_ms'] <= TARGET_FRAME_MS)}")
    print()
    print(f"Start-up: process spawn -> first frame of the main window; target <= {TARGET_STARTUP_S:.1f} s; "
          f"medians")
    print(f"{'platform':10} {'process':10} {'python up s':>11} {'1st paint s':>11} {'1st frame s':>11} "
          f"{'no .pyc s':>9} {'pyqtgraph':>9} {'modules':>7}")
    for result in results:
        for kind in STARTUP_CHILDREN:
            row = result["startup"][kind]
            print(f"{result['platform']:10} {kind:10} {row['interpreter_s']:11.3f} {row['first_paint_s']:11.3f} "
                  f"{row['first_frame_s']:11.3f} {row['cold_first_frame_s']:9.3f} "
                  f"{'loaded' if row['pyqtgraph'] else 'no':>9} {row['modules']:7d}")
        app, reference = result["startup"]["app"], result["startup"]["reference"]
        ratio = app["first_frame_s"] / reference["first_frame_s"]
        print(f"{result['platform']:10} app / reference = {ratio:.2f}; app {app['first_frame_s']:.3f} s "
              f"<= {TARGET_STARTUP_S:.1f} s: {verdict(app['first_frame_s'] <= TARGET_STARTUP_S)}; "
              f"pyqtgraph before the first paint: {'yes (should be no)' if app['pyqtgraph'] else 'no'}")
        imports = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in result["startup"]["largest_imports"])
        print(f"{'':10} largest imports of the app before its first paint: {imports}")

    print()
    print("Summary")
    print(f"{'platform':10} {'target':50} {'figure':>12} {'ratio':>7}  verdict")
    for result in results:
        frames = result["frames"]
        worst = max(frames, key=lambda name: frames[name]["median_ms"])
        median = frames[worst]["median_ms"]
        print(f"{result['platform']:10} {'slowest median frame (' + worst + ') <= 16 ms':50} "
              f"{median:9.2f} ms {median / TARGET_FRAME_MS:7.2f}  {verdict(median <= TARGET_FRAME_MS)}")
        app, reference = result["startup"]["app"], result["startup"]["reference"]
        print(f"{result['platform']:10} {'start-up to first frame <= 1.0 s (ratio vs 1.0 s)':50} "
              f"{app['first_frame_s']:10.3f} s {app['first_frame_s'] / TARGET_STARTUP_S:7.2f}  "
              f"{verdict(app['first_frame_s'] <= TARGET_STARTUP_S)}")
        print(f"{result['platform']:10} {'start-up: app / bare PySide6 + pyqtgraph window':50} "
              f"{reference['first_frame_s']:10.3f} s {app['first_frame_s'] / reference['first_frame_s']:7.2f}  "
              f"(reference figure)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--platforms", default=None,
                        help="comma-separated: offscreen, xcb (default: offscreen, and xcb when xvfb-run exists)")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--frames-per-step", type=int, default=36)
    parser.add_argument("--run-platform", help=argparse.SUPPRESS)
    parser.add_argument("--json-out", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.run_platform:    # the child that measures one platform
        os.environ.setdefault("QT_QPA_PLATFORM", args.run_platform)
        result = run_platform(args.run_platform, args.startup_runs, args.frames_per_step)
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(result))
        else:
            print_report([result])
        return 0

    platforms = args.platforms.split(",") if args.platforms else (
        ["offscreen", "xcb"] if shutil.which("xvfb-run") else ["offscreen"])
    if "xcb" in platforms and not shutil.which("xvfb-run"):
        print("xvfb-run is not installed (apt-get install -y xvfb xauth): skipping xcb")
        platforms.remove("xcb")
    results = [result for platform in platforms if (result := spawn_platform(platform, args)) is not None]
    if not results:
        return 1
    print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
