"""Keep glibc from handing freed memory back to the system after every training step.

A training step allocates and frees the same few hundred-kilobyte arrays again and again. glibc's
defaults return such memory to the system at once (mmap for blocks over 128 KiB, trimming the heap
top), so every step pays hundreds of page faults — measured to double the time of a small step
(benchmarks/bench_training_step.py). Raising the two thresholds keeps the memory for reuse, which is
what long-running numeric programs do. Only glibc (Linux) has mallopt; elsewhere nothing happens.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3


def keep_freed_memory(mmap_threshold: int = 32 << 20, trim_threshold: int = 64 << 20) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and other C libraries have no mallopt
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, mmap_threshold)) and bool(mallopt(M_TRIM_THRESHOLD, trim_threshold))
