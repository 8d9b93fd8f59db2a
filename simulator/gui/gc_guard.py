"""Python's cycle collector runs only in the GUI thread, between events.

Left to itself the collector runs whenever enough objects have been allocated: in a worker thread
in the middle of a training step, or inside a Qt call that is itself deleting graphics items. If the
garbage it finds holds the wrapper of a pyqtgraph ViewBox (a plot rebuilt for a new scene, say),
destroying it there frees the wrapper of its child group twice, and the program crashes later at a
random place (seen as segmentation faults in ``QTableWidget.setRowCount`` and at exit). Collecting
from a timer in the event loop destroys such garbage when no Qt code is running, which is the remedy
pyqtgraph recommends (``pyqtgraph.util.garbage_collector``); this is the same, with generations
collected by the thresholds Python would have used.
"""
from __future__ import annotations

import gc

_guard = None


class MainThreadCollector:
    def __init__(self, interval_ms: int = 500):
        from PySide6.QtCore import QTimer

        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        collect_due_generations(self.threshold)


def collect_due_generations(threshold: tuple[int, int, int] | None = None) -> int:
    """Collect the generations Python's automatic collection would have collected by now (none if
    too few objects were allocated since the last time). Returns the generation collected, or -1."""
    first_limit, second_limit, third_limit = threshold or gc.get_threshold()
    first, second, third = gc.get_count()
    if first <= first_limit:
        return -1
    generation = 0
    if second > second_limit:
        generation = 2 if third > third_limit else 1
    gc.collect(generation)
    return generation


def collect_in_gui_thread(interval_ms: int = 500) -> MainThreadCollector:
    """Turn automatic collection off and collect from the event loop instead. Idempotent."""
    global _guard
    if _guard is None:
        _guard = MainThreadCollector(interval_ms)
    return _guard
