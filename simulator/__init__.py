"""RNN Simulator: the recurrent networks of the lecture, step by step."""

__version__ = "0.1.0"
