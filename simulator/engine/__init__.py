"""The numpy engine: cells, networks, traces, losses, optimisers, loss surfaces.

Nothing in this package imports Qt; a test enforces it.
"""
