"""The numpy engine: cells, networks, traces, losses, optimisers, loss surfaces.

Nothing in this package imports Qt; a test enforces it.
"""

from ._malloc import keep_freed_memory as _keep_freed_memory

_keep_freed_memory()
