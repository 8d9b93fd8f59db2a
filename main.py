"""RNN Simulator. `python main.py` opens the app; `python main.py COMMAND …` runs a headless command.

Run `python main.py --help` for the commands.
"""
import sys

from simulator.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
