"""The training lab in the GUI: live training in a worker thread (:mod:`.lab`, :mod:`.worker`), the
training panel with its plots (:mod:`.panel`, :mod:`.plots`). The loss-surface view is
:mod:`simulator.gui.views.surface_view`."""
