"""Trains the 18 pre-trained slot-filling models: ``python resources/models/slot-filling/make_models.py``.

Each model is one run of the slot-filling scene (``resources/scenes/slot-filling.json``) in one word
encoding, trained on the shipped corpus (``resources/corpora``) with the documented CLI command and
seed, the weights rounded to 6 significant digits::

    python main.py train --scene slot-filling --run MODEL --encoding ENCODING --seed 0 --digits 6 \\
        --save resources/models/slot-filling/MODEL-ENCODING.json

MODEL is feedforward, elman, jordan, bidirectional, lstm or gru; ENCODING one_hot, hashing or both.
The script runs exactly these commands (one process each, from the repository root), prints how long
each took, and then writes the scene again (``resources/scenes/make_slot_filling.py``) so that its own
network is the default model (lstm-both). ``--only MODEL-ENCODING …`` makes only those.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from simulator.model.slot_filling import ENCODINGS, MODELS  # noqa: E402

SEED = 0
DIGITS = 6


def command(model: str, encoding: str, path: str | Path) -> list[str]:
    """The documented command that makes one model file (arguments after ``python``)."""
    return ["main.py", "train", "--scene", "slot-filling", "--run", model, "--encoding", encoding,
            "--seed", str(SEED), "--digits", str(DIGITS), "--save", str(path)]


def main(argv: list[str]) -> int:
    wanted = argv[argv.index("--only") + 1:] if "--only" in argv else None
    total = 0.0
    for model in MODELS:
        for encoding in ENCODINGS:
            name = f"{model}-{encoding}"
            if wanted is not None and name not in wanted:
                continue
            path = Path("resources") / "models" / "slot-filling" / f"{name}.json"
            start = time.perf_counter()
            subprocess.run([sys.executable, *command(model, encoding, path)], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
            seconds = time.perf_counter() - start
            total += seconds
            print(f"{name:28s} {seconds:5.1f} s  {(ROOT / path).stat().st_size / 1024:7.1f} kB", flush=True)
    print(f"total {total:.1f} s")
    subprocess.run([sys.executable, "resources/scenes/make_slot_filling.py"], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
