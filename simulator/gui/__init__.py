"""The PySide6 + pyqtgraph GUI. Only this package imports Qt."""

from .compat import guard_singleton_refcounts

guard_singleton_refcounts()
