"""Export speed: a 9-step, 1280×720, 30 fps GIF of the LSTM cell view (lstm-lecture), against its play time.

Target (issue 5): export time ≤ 1.5 × play time (9 steps × seconds per step). Also prints the MP4 and the
variant where each step animates for 0.6 s and then holds (the app's default animation time).

    python benchmarks/bench_export.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    import simulator.gui  # noqa: F401  (Qt work-arounds first)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from simulator.export import export_animation
    from simulator.model.scenes import load_scene
    from simulator.model.session import Session

    session = Session(load_scene("lstm-lecture"))
    seconds_per_step, steps = 1.0, (1, 9)
    play = (steps[1] - steps[0] + 1) * seconds_per_step
    export_animation(session, "cell", Path(tempfile.gettempdir()) / "warm-up.gif", size=(320, 180), fps=2,
                     steps=(1, 1))   # imports, font registration
    print(f"lstm-lecture, cell view, 1280×720, 30 fps, steps {steps[0]}:{steps[1]}, {seconds_per_step:g} s per step "
          f"→ {int(play * 30)} frames, play time {play:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        for name, animation in (("lstm.gif", None), ("lstm.gif", 0.6), ("lstm.mp4", None)):
            out = Path(folder) / name
            start = time.perf_counter()
            export_animation(session, "cell", out, size=(1280, 720), fps=30, steps=steps,
                             seconds_per_step=seconds_per_step, animation_seconds=animation)
            took = time.perf_counter() - start
            label = "whole step" if animation is None else f"{animation:g} s then hold"
            verdict = "" if name.endswith(".mp4") else ("  OK (≤ 1.5×)" if took <= 1.5 * play else "  SLOW (> 1.5×)")
            print(f"{name[-3:].upper()}  animation {label:<14} export {took:6.2f} s   play {play:.1f} s   "
                  f"ratio {took / play:.2f}×   {out.stat().st_size / 1e6:.1f} MB{verdict}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
