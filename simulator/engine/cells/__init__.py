"""Every recurrent cell of the lecture, one file each, forward and BPTT backward side by side."""
from __future__ import annotations

from .base import Cell
from .clockwork import Clockwork
from .gru import GRU
from .jordan import Jordan
from .lstm import LSTM
from .scrn import SCRN
from .simple import IRNN, FeedForward, SimpleRNN

CELL_TYPES: dict[str, type[Cell]] = {
    cls.kind: cls for cls in (SimpleRNN, Jordan, LSTM, GRU, IRNN, Clockwork, SCRN, FeedForward)
}


def make_cell(kind: str, input_size: int, hidden_size: int, **options) -> Cell:
    try:
        cls = CELL_TYPES[kind]
    except KeyError:
        raise ValueError(f"unknown cell type {kind!r}; choose one of {', '.join(CELL_TYPES)}") from None
    return cls(input_size, hidden_size, **options)


__all__ = ["Cell", "CELL_TYPES", "make_cell", "SimpleRNN", "Jordan", "LSTM", "GRU", "IRNN", "Clockwork",
           "SCRN", "FeedForward"]
