"""Start the GUI: the QApplication, the language, the main window."""
from __future__ import annotations

import sys


def create_app(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]] + list(argv or []))
    app.setApplicationName("RNN Simulator")
    app.setOrganizationName("RNN Simulator")
    app.setApplicationDisplayName("RNN Simulator")
    from simulator.gui.gc_guard import collect_in_gui_thread

    collect_in_gui_thread()
    return app


def run_app(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="rnn-sim", add_help=True)
    parser.add_argument("file", nargs="?", help="a project .json to open")
    parser.add_argument("--scene", default=None, help="a built-in scene to open (default toy-rnn)")
    parser.add_argument("--language", choices=["en", "zh_CN"], default=None)
    args = parser.parse_args(argv or [])

    app = create_app()
    from simulator.gui.main_window import MainWindow

    window = MainWindow(language=args.language)
    if args.file:
        window.open_file(args.file)
    elif args.scene:
        window.open_scene(args.scene)
    window.show()
    window.offer_autosave_recovery()
    return app.exec()
