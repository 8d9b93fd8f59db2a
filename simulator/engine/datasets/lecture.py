"""The input sequences of the lecture's worked examples, and the numbers they must produce.

The constants are tuples so nobody can change them by accident; the functions hand out fresh float64
arrays, so a scene that edits its inputs never edits another scene's.
"""
from __future__ import annotations

import numpy as np

from simulator.errors import UserInputError

# Toy RNN: 2 inputs, 2 linear hidden units, 2 linear outputs, every weight 1, no bias, memory 0 at first.
TOY_RNN_INPUTS = ((1, 1), (1, 1), (2, 2))
TOY_RNN_EXPECTED_OUTPUTS = ((4, 4), (12, 12), (32, 32))
# The hidden outputs a^t that are stored in memory after each step (the "2, 2", "6, 6", "16, 16").
TOY_RNN_EXPECTED_HIDDEN = ((2, 2), (6, 6), (16, 16))

# One LSTM cell with z = x1, z_i = 100·x2 − 10, z_f = 100·x2 + 10, z_o = 100·x3 − 10:
# x2 = 1 writes x1 into memory, x2 = −1 forgets, x3 = 1 reads the memory out.
LSTM_LECTURE_INPUTS = (
    (1, 0, 0),
    (3, 1, 0),
    (2, 0, 0),
    (4, 1, 0),
    (2, 0, 0),
    (1, 0, 1),
    (3, -1, 0),
    (6, 1, 0),
    (1, 0, 1),
)
LSTM_LECTURE_EXPECTED_MEMORY = (0, 3, 3, 7, 7, 7, 0, 6, 6)
LSTM_LECTURE_EXPECTED_OUTPUTS = (0, 0, 0, 0, 0, 7, 0, 0, 6)

# The w^999 example: a linear unit with recurrent weight w fed 1, 0, 0, … for 1000 steps.
W999_STEPS = 1000


def toy_rnn_inputs() -> np.ndarray:
    """x^1, x^2, x^3 of the toy RNN, shape (3, 2)."""
    return np.array(TOY_RNN_INPUTS, dtype=np.float64)


def toy_rnn_expected_outputs() -> np.ndarray:
    """y^1, y^2, y^3 the toy RNN must give, shape (3, 2)."""
    return np.array(TOY_RNN_EXPECTED_OUTPUTS, dtype=np.float64)


def toy_rnn_expected_hidden() -> np.ndarray:
    """a^1, a^2, a^3 (what is written into memory), shape (3, 2)."""
    return np.array(TOY_RNN_EXPECTED_HIDDEN, dtype=np.float64)


def lstm_lecture_inputs() -> np.ndarray:
    """The nine three-dimensional inputs of the lecture's LSTM example, shape (9, 3)."""
    return np.array(LSTM_LECTURE_INPUTS, dtype=np.float64)


def lstm_lecture_expected_memory() -> np.ndarray:
    """The memory c after each of the nine steps, shape (9,)."""
    return np.array(LSTM_LECTURE_EXPECTED_MEMORY, dtype=np.float64)


def lstm_lecture_expected_outputs() -> np.ndarray:
    """The output y after each of the nine steps, shape (9,)."""
    return np.array(LSTM_LECTURE_EXPECTED_OUTPUTS, dtype=np.float64)


def _check_steps(T: int) -> int:
    if isinstance(T, bool) or not isinstance(T, (int, np.integer)) or T < 1:
        raise UserInputError(f"the number of steps T must be a whole number of at least 1, not {T!r}")
    return int(T)


def w999_inputs(T: int = W999_STEPS) -> np.ndarray:
    """1, 0, 0, … as a (T, 1) sequence: one push, then silence."""
    inputs = np.zeros((_check_steps(T), 1))
    inputs[0, 0] = 1.0
    return inputs


def w999_expected_last_output(w: float, T: int = W999_STEPS) -> float:
    """y^T = w^(T−1) for the linear unit y^t = x^t + w·y^(t−1) fed :func:`w999_inputs`.

    With w = 1.01 that is ≈ 20751.6; with w = 0.99, ≈ 4.36e-5. Overflow gives inf, as the network would.
    """
    with np.errstate(over="ignore", under="ignore"):
        return float(np.float64(w) ** (_check_steps(T) - 1))
