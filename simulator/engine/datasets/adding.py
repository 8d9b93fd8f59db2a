"""The adding problem (Hochreiter & Schmidhuber 1997), in the form used by Le, Jaitly & Hinton (2015).

Each step carries two features: a value drawn uniformly from [0, 1) and a marker. The marker is 1 at
exactly two steps — one in the first half of the sequence, one in the second half — and 0 elsewhere.
The target is the sum of the two marked values. The two marks can be almost T steps apart, so the
network has to carry a number across a long stretch of distractors: a test of long-term memory.
"""
from __future__ import annotations

import numpy as np

from simulator.errors import UserInputError

# Always answering 1 (the mean of the target) scores the variance of a sum of two independent
# uniform [0, 1) values: 2 × 1/12. A model has only learnt something once its MSE is well below this.
ADDING_BASELINE_MSE = 1.0 / 6.0

VALUE_FEATURE = 0
MARKER_FEATURE = 1


def _whole_number(value, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise UserInputError(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return int(value)


def adding_problem(n_sequences: int, T: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n_sequences`` adding-problem sequences of ``T`` steps, reproducible from ``seed``.

    Returns ``x`` of shape (T, N, 2) — time first, as the networks consume it; feature 0 is the value,
    feature 1 the marker — and ``y`` of shape (N, 1), the sum of the two marked values.
    For odd T the first half is the shorter one (steps 0 … T//2 − 1).
    """
    n_sequences = _whole_number(n_sequences, "the number of sequences", 1)
    T = _whole_number(T, "the sequence length T", 2)
    seed = _whole_number(seed, "the seed", 0)
    rng = np.random.default_rng(seed)

    values = rng.random((T, n_sequences))
    half = T // 2
    first_mark = rng.integers(0, half, size=n_sequences)
    second_mark = rng.integers(half, T, size=n_sequences)

    sequence = np.arange(n_sequences)
    markers = np.zeros((T, n_sequences))
    markers[first_mark, sequence] = 1.0
    markers[second_mark, sequence] = 1.0

    x = np.stack([values, markers], axis=-1)
    y = (values[first_mark, sequence] + values[second_mark, sequence])[:, np.newaxis]
    return x, y
