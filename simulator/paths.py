"""Where the shipped resources (scenes, corpora, translations, fonts) are.

In a checkout they sit in the top-level ``resources/`` folder; in an installed wheel the same folder is
packaged as ``simulator/resources``. Both are looked for, the checkout first.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "scenes").is_dir():
        return checkout
    installed = Path(__file__).resolve().parent / "resources"
    if (installed / "scenes").is_dir():
        return installed
    try:  # an unusual install layout (zip, custom finder)
        from importlib.resources import files

        located = Path(str(files("simulator.resources")))
        if (located / "scenes").is_dir():
            return located
    except (ImportError, ModuleNotFoundError, TypeError):
        pass
    raise FileNotFoundError("the resources folder of RNN Simulator was not found; reinstall the package")


def scenes_dir() -> Path:
    return resources_dir() / "scenes"


def corpora_dir() -> Path:
    return resources_dir() / "corpora"
