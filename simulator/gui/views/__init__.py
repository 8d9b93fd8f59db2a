"""Views of the Trace: each reads numbers, none computes them."""
