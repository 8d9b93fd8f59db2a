"""Work-arounds for bugs in the Qt bindings, applied once when the GUI package is imported."""
from __future__ import annotations

import sys


def guard_singleton_refcounts() -> None:
    """PySide6 6.12 on Python < 3.12 drops a reference to None on every Qt call that returns nothing,
    and one to True on every signal emission, references it never took; after a few thousand calls
    the interpreter aborts ("Fatal Python error: none_dealloc"). Python 3.12 made these objects
    immortal. pyproject.toml excludes 6.12 on Python 3.11; this guard covers a checkout run against
    an existing 6.12 install: it gives None, True and False a reference count no session can use up.
    Idempotent."""
    try:
        import PySide6
    except ImportError:
        return
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" \
            or tuple(PySide6.__version_info__[:2]) != (6, 12):
        return
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))   # ob_refcnt is PyObject's first field
        if refcount.value < 1 << 40:
            refcount.value += 1 << 40
