"""Render the screenshots in docs/screenshots/ (offscreen; no display needed).

    python docs/make_screenshots.py [--out docs/screenshots]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings

    from simulator.gui.app import create_app
    from simulator.gui.main_window import MainWindow

    app = create_app()
    tmp = Path(tempfile.mkdtemp())
    shots = [
        # (file, scene, view, steps, size, theme, language)
        ("main-1280x800.png", "toy-rnn", "network", 2, (1280, 800), "light", "en"),
        ("main-1920x1080.png", "toy-rnn", "network", 3, (1920, 1080), "light", "en"),
        ("cell-lstm-1280x800.png", "lstm-lecture", "cell", 6, (1280, 800), "light", "en"),
        ("cell-lstm-1920x1080.png", "lstm-lecture", "cell", 6, (1920, 1080), "light", "en"),
        ("unrolled-1280x800.png", "toy-rnn", "unrolled", 3, (1280, 800), "light", "en"),
        ("unrolled-1920x1080.png", "toy-rnn", "unrolled", 3, (1920, 1080), "light", "en"),
        ("heatmap-1280x800.png", "lstm-lecture", "heatmap", 6, (1280, 800), "light", "en"),
        ("heatmap-1920x1080.png", "lstm-lecture", "heatmap", 6, (1920, 1080), "light", "en"),
        ("network-lstm-1280x800.png", "lstm-lecture", "network", 6, (1280, 800), "light", "en"),
        ("main-dark-zh-1280x800.png", "lstm-lecture", "cell", 6, (1280, 800), "dark", "zh_CN"),
        ("slots-1280x800.png", "slot-filling", "slots", 9, (1280, 800), "light", "en"),
        ("slots-1920x1080.png", "slot-filling", "slots", 10, (1920, 1080), "light", "en"),
        ("slots-dark-zh-1280x800.png", "slot-filling", "slots", 6, (1280, 800), "dark", "zh_CN"),
    ]
    sentences = {"slots-1280x800.png": "i would like to arrive Taipei on November 2nd",
                 "slots-1920x1080.png": "i would like to leave Chiayi on Nov. 2 at 3 pm",
                 "slots-dark-zh-1280x800.png": "leave Taipei on November 2nd at 3 pm"}
    for name, scene, view, steps, size, theme, language in shots:
        settings = QSettings(str(tmp / f"{name}.ini"), QSettings.IniFormat)
        settings.setValue("theme", theme)
        settings.setValue("start_page/shown", True)
        window = MainWindow(language=language, settings=settings, data_dir=tmp, scene=scene)
        window.resize(*size)
        window.show()
        window.show_view(view)
        window.animator.set_duration(0)
        if name in sentences:
            window.edit_text(sentences[name])
            view_widget = window.view("slots")
            for _ in range(200):             # the F1 table is computed in a worker
                app.processEvents()
                if view_widget.f1_ready():
                    break
                import time
                time.sleep(0.05)
        window.session.go(steps)
        if view in ("network", "cell"):
            window.show_explanation(-1, "y", 0, "forward") if scene == "toy-rnn" else \
                window.show_explanation(0, "c", 0, "forward")
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / name))
        print("wrote", out / name)
        window.session.dirty = False
        window.close()
        window.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
