"""Entry point for `python -m simulator`, `python main.py` and the `rnn-sim` launcher.

With a command (scenes, simulate, grad, validate, convert, …) it runs headless; with none it opens the
GUI. The GUI's modules are imported only then, so headless commands never load Qt.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from simulator import cli

    if cli.wants_cli(argv):
        return cli.main(argv)
    try:
        from simulator.gui.app import run_app
    except ImportError as error:  # the GUI needs PySide6 and pyqtgraph
        if getattr(error, "name", "") and not error.name.startswith("simulator"):
            print(f"The RNN Simulator window needs {error.name}, which is not installed: "
                  f"pip install -e .  (headless commands work without it: python main.py --help)",
                  file=sys.stderr)
            return 2
        print("The RNN Simulator window is not part of this version yet; the headless commands are:\n",
              file=sys.stderr)
        return cli.main(["--help"])
    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
