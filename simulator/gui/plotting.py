"""Small pyqtgraph helpers shared by the plotting views (heatmaps, loss surface, training plots)."""
from __future__ import annotations

import pyqtgraph as pg

from simulator.gui.style import Palette


def theme_axes(pal: Palette, *axes: pg.AxisItem) -> None:
    """Axis lines in the theme's muted colour, tick labels in its text colour."""
    for axis in axes:
        axis.setPen(pg.mkPen(pal.muted))
        axis.setTextPen(pg.mkPen(pal.text))


def left_and_bottom(*plots: pg.PlotItem) -> list[pg.AxisItem]:
    """The left and bottom axes of each plot, the ones the views show."""
    return [plot.getAxis(name) for plot in plots for name in ("left", "bottom")]
