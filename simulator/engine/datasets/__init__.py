"""Data the scenes feed their networks.

* :mod:`.lecture` — the lecture's worked examples (toy RNN, LSTM, w^999) and the numbers they must give.
* :mod:`.adding` — the adding problem, the long-memory benchmark of the IRNN comparison.
* :mod:`.tickets` — the ticket-booking slot-filling corpus, generated from templates.
"""
from simulator.engine.datasets import adding, lecture, tickets

__all__ = ["adding", "lecture", "tickets"]
