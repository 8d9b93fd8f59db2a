"""The PySide6 + pyqtgraph GUI. Only this package imports Qt."""
