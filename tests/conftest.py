import os

# Every test runs headless; Qt picks this up at its first import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def collect_garbage_only_between_tests():
    """Python's cycle collector only between tests, never in the middle of one.

    Run at an arbitrary moment — in a worker thread, or inside a Qt call deleting graphics items —
    collecting the wrapper of a pyqtgraph ViewBox frees its child group's wrapper twice and crashes
    the process later (see simulator/gui/gc_guard.py, which does the same for the app).
    """
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test(collect_garbage_only_between_tests):
    yield
    from simulator.gui.gc_guard import collect_due_generations

    collect_due_generations()
