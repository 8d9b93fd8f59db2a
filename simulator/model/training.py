"""The training lab's model: tasks to learn, and a session that trains a copy of a network one update at
a time and keeps what every update did (loss, gradient norms before and after clipping, the weights).

Qt-free and numpy only; the GUI runs a :class:`TrainingSession` in a worker and the CLI's ``train``
command runs the same session, so for the same project, settings and seed both give the same numbers.

A scene with training carries ``settings["training"]``::

    {"task": {"name": "adding", "T": 50, …},         # what to learn (see TASKS below)
     "config": {"lr": 0.01, "optimizer": "adam", …},  # TrainingConfig fields
     "runs": [{"name": "clipped", "clip_mode": "norm", "clip_threshold": 1.0},   # named variants:
              {"name": "lstm", "network": {"layers": [{"kind": "lstm", "hidden_size": 32}],
                                           "head": {"activation": "linear"}}}],   # …of the config, or of
     "test_every": 10}                                 # the network (built with the config's seed)

Tasks (``task["name"]``):

- ``lecture`` — the project's own inputs with ``settings["expected"]["outputs"]`` as targets, plus every
  entry of ``settings["alternatives"]`` that has inputs and expected outputs (MSE at every step).
- ``cliff`` — the project's own inputs with one target, ``task["target"]``, for the last output only
  (MSE), as in Pascanu, Mikolov & Bengio (2013) and the lecture's w^999.
- ``adding`` — the adding problem (:mod:`simulator.engine.datasets.adding`): ``T`` steps (default 50),
  ``train``/``test`` sequences from one seed; MSE on the last step only (a mask). Always answering 1
  scores 1/6 ≈ 0.167 (``TrainingTask.baseline``).
- ``slots`` — the ticket-booking corpus (:mod:`simulator.engine.datasets.tickets`), one slot class per
  word, cross-entropy; train and test sentences come from different templates. With
  ``"corpus": "tickets"`` it is the shipped corpus (``resources/corpora/tickets-*.jsonl``, see
  :func:`shipped_slots_task`) in the project's own word encoding, or — if it has none, or another is
  asked for (``train --encoding``) — ``task["encoding"]``: "one_hot", "hashing" or "both", built from
  the training words seen ``min_count`` times; ``unknown_rate`` of the words of each minibatch are shown
  as never seen (word dropout). Sentences are batched by length, so no sentence is ever padded (a
  bidirectional network reads each one exactly as it will when used). Without ``corpus``, ``train``
  sentences are generated with the seed and the words are one-hot token ids over their vocabulary
  plus ``<other>``.
- ``csv`` — a table the user loads, see :func:`csv_task`.

Every run is exactly repeatable: the data come from the task's seed, the minibatches from the config's
seed, and nothing else draws random numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from simulator.engine import losses
from simulator.engine.cells.base import TokenIds
from simulator.engine.network import Network
from simulator.engine.training import Trainer, TrainingConfig, TrainingData, TrainingDiverged
from simulator.errors import UserInputError
from simulator.model.project import copy_network

TASKS = ("lecture", "cliff", "adding", "slots", "csv")

#: Sizes that keep a task quick to build and to train on; the scene settings may ask for others.
ADDING_DEFAULTS = {"T": 50, "train": 1000, "test": 200}
SLOTS_DEFAULTS = {"train": 240, "test_fraction": 0.2, "min_count": 1}
#: the corpus a slots task may name instead of generating sentences
SLOT_CORPORA = ("tickets",)
#: A run may name these besides TrainingConfig fields.
_RUN_KEYS = ("name", "title", "description", "network")
#: CLI/GUI overrides and the TrainingConfig field each one sets.
_OVERRIDES = {"steps": "steps", "lr": "lr", "clip": "clip_threshold", "clip_threshold": "clip_threshold",
              "clip_mode": "clip_mode", "seed": "seed", "optimizer": "optimizer", "truncate": "truncate",
              "batch_size": "batch_size"}


# -- what an update produced -----------------------------------------------------------------------------
@dataclass(frozen=True)
class TrainingSnapshot:
    """One update. ``loss`` is the training loss on the update's minibatch, computed before the update
    (nan/inf when it exploded); ``params`` are copies of the weights after the update — the last finite
    ones when ``finite`` is False, because a non-finite update is never applied."""

    update: int                              # 1-based update number
    loss: float
    norm_before: float                       # global gradient norm before clipping
    norm_after: float                        # after clipping (== before when not clipped)
    clipped: bool
    per_group_norms: dict[str, float]        # per parameter key, before clipping
    finite: bool
    message: str | None                      # "loss became NaN at update 1234; gradient norm before it 3.2e8"
    params: dict[str, np.ndarray]
    step_grad_norms: np.ndarray | None       # ‖∂L/∂a^t‖ for t = 1..T: first layer, forward direction,
                                             # mean over the minibatch's sequences
    test_loss: float | None                  # on the task's test split every ``test_every`` updates


# -- tasks -----------------------------------------------------------------------------------------------
class TokenTrainingData(TrainingData):
    """TrainingData whose inputs are one-hot words given as :class:`TokenIds` (T, N) over ``size``
    dimensions: the network gathers weight columns instead of multiplying by mostly zeros."""

    def __post_init__(self):
        x = self.x
        if not isinstance(x, TokenIds):
            raise UserInputError("token training data needs TokenIds as inputs")
        T, N = x.ids.shape
        targets = np.asarray(self.targets)
        if targets.ndim not in (2, 3) or targets.shape[:2] != (T, N):
            raise UserInputError(f"training targets must be ({T}, {N}) class indices or ({T}, {N}, outputs)"
                                 f" vectors, not {targets.shape}")
        mask = None if self.mask is None else np.asarray(self.mask, dtype=np.float64)
        if mask is not None and mask.shape != (T, N):
            raise UserInputError(f"the training mask must be ({T}, {N}), not {mask.shape}")
        self.targets, self.mask = targets, mask

    def select(self, indices: np.ndarray) -> "TokenTrainingData":
        return TokenTrainingData(TokenIds(self.x.ids[:, indices], self.x.size), self.targets[:, indices],
                                 None if self.mask is None else self.mask[:, indices])


class EncodedWords:
    """Words as rows of an encoding table, (T, N) ids into ``table`` (V, D): what a batch of sentences
    in a dense word encoding (letter trigrams) looks like without holding T × N × D numbers. numpy sees
    the dense (T, N, D) array (``np.asarray``), so a network runs on it like on any input."""

    ndim = 3

    def __init__(self, ids: np.ndarray, table: np.ndarray):
        self.ids = np.asarray(ids, dtype=np.intp)
        self.table = np.asarray(table, dtype=np.float64)

    @property
    def shape(self) -> tuple[int, int, int]:
        return self.ids.shape + (self.table.shape[1],)

    def __len__(self) -> int:
        return self.ids.shape[0]

    def dense(self, dtype=np.float64) -> np.ndarray:
        return self.table.astype(dtype, copy=False)[self.ids]

    def __array__(self, dtype=None, copy=None):
        return self.dense(np.float64 if dtype is None else dtype)


class SlotTrainingData(TrainingData):
    """Sentences of different lengths for slot filling, each word an index into the word list of the
    task. ``table`` holds each word's encoded vector (dense encodings); without it the indices are
    one-hot token ids. ``lengths`` are the sentences' lengths; ``x``, ``targets`` and ``mask`` are
    padded to the longest, but :meth:`by_length` and the slot trainer's minibatches never pad.

    ``unknown[i]`` is the index of word i as a word never seen: "<other>" in 1-of-N, and in the
    hashing its trigrams all counted in "<other-trigram>". The slot trainer swaps a fraction
    ``unknown_rate`` of the words of every minibatch for that (word dropout), so the network learns
    to label a new word from its context — what an unseen city needs."""

    def __init__(self, ids: np.ndarray, targets: np.ndarray, lengths: np.ndarray, table: np.ndarray | None,
                 size: int, unknown: np.ndarray | None = None, unknown_rate: float = 0.0):
        self.ids = np.asarray(ids, dtype=np.intp)
        self.lengths = np.asarray(lengths, dtype=np.intp)
        self.table = table
        self.size = int(size)
        self.unknown = unknown
        self.unknown_rate = float(unknown_rate)
        x = TokenIds(self.ids, self.size) if table is None else EncodedWords(self.ids, table)
        mask = (np.arange(self.ids.shape[0])[:, None] < self.lengths[None, :]).astype(np.float64)
        super().__init__(x, np.asarray(targets, dtype=np.int64), None if mask.all() else mask)

    def __post_init__(self):
        T, N = self.ids.shape
        if self.targets.shape != (T, N) or self.lengths.shape != (N,):
            raise UserInputError(f"slot training data needs ({T}, {N}) targets and {N} lengths")
        if not 0.0 <= self.unknown_rate < 1.0 or (self.unknown_rate and self.unknown is None):
            raise UserInputError(f"the rate of unknown words must be from 0 to below 1, not {self.unknown_rate}")

    def _like(self, ids: np.ndarray, targets: np.ndarray, lengths: np.ndarray) -> "SlotTrainingData":
        return SlotTrainingData(ids, targets, lengths, self.table, self.size, self.unknown, self.unknown_rate)

    def select(self, indices: np.ndarray) -> "SlotTrainingData":
        indices = np.asarray(indices, dtype=np.intp)
        lengths = self.lengths[indices]
        T = int(lengths.max()) if len(lengths) else 1
        return self._like(self.ids[:T, indices], self.targets[:T, indices], lengths)

    def by_length(self) -> list["SlotTrainingData"]:
        """The sentences grouped by length: every group without padding, in order of length."""
        return [self.select(np.flatnonzero(self.lengths == length)) for length in np.unique(self.lengths)]

    def with_unknown(self, where: np.ndarray) -> "SlotTrainingData":
        """The same sentences with the words at ``where`` ((T, N) booleans) made unknown."""
        return self._like(np.where(where, self.unknown[self.ids], self.ids), self.targets, self.lengths)


class _SlotTrainer(Trainer):
    """Minibatches of sentences of one length: a random sentence chooses the length (so each length
    comes up as often as it has sentences), then ``batch_size`` sentences of that length are drawn
    (all of them without a batch size). Nothing is padded, so the reverse direction of a bidirectional
    network never starts on padding. Then each word is made unknown with the data's ``unknown_rate``."""

    def _draw_batch(self) -> TrainingData:
        data = self.data
        length = data.lengths[int(self.rng.integers(data.sequences))]
        pool = np.flatnonzero(data.lengths == length)
        size = len(pool) if self.config.batch_size is None else min(self.config.batch_size, len(pool))
        batch = data.select(np.sort(self.rng.choice(pool, size=size, replace=False)))
        if data.unknown_rate:
            batch = batch.with_unknown(self.rng.random(batch.ids.shape) < data.unknown_rate)
        return batch


def _trainer(network, data: TrainingData, config: TrainingConfig) -> Trainer:
    return (_SlotTrainer if isinstance(data, SlotTrainingData) else Trainer)(network, data, config)


@dataclass
class TrainingTask:
    """What to learn: training data, an optional test split and the loss. ``baseline`` is a reference
    loss worth drawing (the adding problem's 1/6); ``details`` holds plain facts for display (sizes,
    the vocabulary, the slot names …)."""

    name: str
    description: str
    data: TrainingData
    test: TrainingData | None
    loss: str                                # "ce" | "mse"
    baseline: float | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def input_size(self) -> int:
        return int(self.data.x.shape[-1])

    @property
    def output_size(self) -> int:
        """Numbers per output step: the target vectors' length, or the number of classes."""
        if self.data.targets.ndim == 3:
            return int(self.data.targets.shape[-1])
        return int(self.details.get("classes") or int(np.max(self.data.targets)) + 1)


def training_settings(project) -> dict:
    """``project.settings["training"]``, or a UserInputError that names the scenes that have one."""
    settings = project.settings.get("training")
    if not isinstance(settings, dict) or not isinstance(settings.get("task"), dict):
        raise UserInputError(f"{project.name} has no training settings (settings.training with a task); "
                             f"the training scenes are {', '.join(_training_scene_names()) or 'none'}")
    return settings


def _training_scene_names() -> list[str]:
    from simulator.model.scenes import list_scenes, load_scene

    names = []
    try:
        for scene in list_scenes():
            if isinstance(load_scene(scene.name).settings.get("training"), dict):
                names.append(scene.name)
    except UserInputError:
        pass
    return names


def task_for_project(project, seed: int = 0, encoding: str | None = None) -> TrainingTask:
    """The task ``project.settings["training"]["task"]`` describes. Random data (adding, slots) come
    from ``task["seed"]`` if the task names one, else from ``seed``. ``encoding`` ("one_hot",
    "hashing", "both") overrides the word encoding of a slots task on the shipped corpus."""
    spec = dict(training_settings(project)["task"])
    name = spec.pop("name", None)
    if encoding is not None and not (name == "slots" and "corpus" in spec):
        raise UserInputError(f"only a slots task on a shipped corpus has a choice of word encoding; "
                             f"{project.name}'s task is {name!r}")
    if name == "slots" and "corpus" in spec:
        corpus = spec.pop("corpus")
        if corpus not in SLOT_CORPORA:
            raise UserInputError(f"unknown slots corpus {corpus!r}; the corpora are {', '.join(SLOT_CORPORA)}")
        # the encoding asked for; else the project's own (a network trained on it fits the project);
        # else the task's
        kind = spec.pop("encoding", None)
        kind = encoding if encoding is not None else (project.encoding if project.encoding is not None else kind)
        min_count = spec.pop("min_count", None)
        rate = spec.pop("unknown_rate", 0.0)
        _no_more(spec, name)
        from simulator.model import slot_filling

        min_count = slot_filling.MIN_COUNT if min_count is None else _whole(min_count, "the slots task's min_count", 1)
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate < 1:
            raise UserInputError(f"the slots task's unknown_rate must be a number from 0 to below 1, not {rate!r}")
        return shipped_slots_task(kind, min_count, float(rate))
    data_seed = _whole(spec.pop("seed", seed), "the task's seed", 0)
    if name == "lecture":
        _no_more(spec, name)
        return lecture_task(project)
    if name == "cliff":
        target = spec.pop("target", None)
        _no_more(spec, name)
        return last_step_task(project, target)
    if name == "adding":
        sizes = {key: _whole(spec.pop(key, default), f"the adding task's {key}", 2 if key == "T" else 1)
                 for key, default in ADDING_DEFAULTS.items()}
        _no_more(spec, name)
        return adding_task(sizes["T"], sizes["train"], sizes["test"], data_seed)
    if name == "slots":
        train = _whole(spec.pop("train", SLOTS_DEFAULTS["train"]), "the slots task's train", 10)
        fraction = spec.pop("test_fraction", SLOTS_DEFAULTS["test_fraction"])
        min_count = _whole(spec.pop("min_count", SLOTS_DEFAULTS["min_count"]), "the slots task's min_count", 1)
        _no_more(spec, name)
        return slots_task(train, fraction, min_count, data_seed, encoding=project.encoding)
    if name == "csv":
        path = spec.pop("path", None)
        loss = spec.pop("loss", "mse")
        _no_more(spec, name)
        if not isinstance(path, str) or not path:
            raise UserInputError("the csv task needs a \"path\" to the file")
        return csv_task(path, project.network, loss=loss)
    raise UserInputError(f"unknown training task {name!r}; choose one of {', '.join(TASKS)}")


def _no_more(spec: dict, name: str) -> None:
    if spec:
        raise UserInputError(f"the {name} task has no setting {', '.join(map(repr, sorted(spec)))}")


def _whole(value: Any, what: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise UserInputError(f"{what} must be a whole number ≥ {minimum}, not {value!r}")
    return int(value)


def _expected_outputs(values: Any, steps: int, outputs: int, where: str) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim == 1:
        array = array[:, None]
    if array.shape != (steps, outputs):
        raise UserInputError(f"{where} must be {steps} steps × {outputs} outputs, not {array.shape}")
    return array


def lecture_task(project) -> TrainingTask:
    """The lecture's own sequences: the project's inputs and the outputs the lecture says must come out,
    plus the scene's alternative orderings — a network trained from other weights must find them."""
    expected = project.settings.get("expected")
    if project.inputs is None or not isinstance(expected, dict) or "outputs" not in expected:
        raise UserInputError(f"the lecture task needs numeric inputs and settings.expected.outputs; "
                             f"{project.name} has {'none' if project.inputs is None else 'no expected outputs'}")
    outputs = project.network.head.output_size
    sequences = [(np.asarray(project.inputs, dtype=np.float64),
                  _expected_outputs(expected["outputs"], project.steps, outputs, "settings.expected.outputs"))]
    for k, alternative in enumerate(project.settings.get("alternatives") or []):
        expected_here = alternative.get("expected") if isinstance(alternative, dict) else None
        if not (isinstance(expected_here, dict) and "outputs" in expected_here and "inputs" in alternative):
            continue
        try:
            x = np.asarray(alternative["inputs"], dtype=np.float64)
        except (TypeError, ValueError):
            raise UserInputError(f"settings.alternatives[{k}].inputs must be a table of numbers") from None
        if x.shape != project.inputs.shape:     # one batch needs one length
            continue
        sequences.append((x, _expected_outputs(expected_here["outputs"], len(x), outputs,
                                               f"settings.alternatives[{k}].expected.outputs")))
    x = np.stack([s[0] for s in sequences], axis=1)
    targets = np.stack([s[1] for s in sequences], axis=1)
    count = len(sequences)
    return TrainingTask("lecture", f"the lecture's {count} sequence{'s' if count > 1 else ''} of "
                                   f"{project.steps} steps with their expected outputs (MSE at every step)",
                        TrainingData(x, targets), None, "mse",
                        details={"sequences": count, "steps": project.steps})


def last_step_task(project, target: Any) -> TrainingTask:
    """The project's one input sequence with a single target for its last output (MSE on that step)."""
    if project.inputs is None:
        raise UserInputError(f"the cliff task needs numeric inputs; {project.name} has none")
    outputs = project.network.head.output_size
    values = np.atleast_1d(np.asarray(target if target is not None else np.nan, dtype=np.float64))
    if values.shape not in ((1,), (outputs,)) or not np.all(np.isfinite(values)):
        raise UserInputError(f"the cliff task needs a finite \"target\" (one number or {outputs}), not {target!r}")
    T = project.steps
    targets = np.zeros((T, outputs))
    targets[-1] = values
    mask = np.zeros(T)
    mask[-1] = 1.0
    shown = ", ".join(f"{v:g}" for v in values)
    return TrainingTask("cliff", f"one sequence of {T} steps; only the last output counts: y^{T} → {shown} (MSE)",
                        TrainingData(project.inputs, targets, mask), None, "mse",
                        details={"steps": T, "target": values.tolist()})


def adding_task(T: int = 50, train: int = 1000, test: int = 200, seed: int = 0) -> TrainingTask:
    """The adding problem with T steps: ``train`` and ``test`` sequences drawn from one seed, so the test
    sequences are never trained on. MSE on the last step; always answering 1 scores 1/6."""
    from simulator.engine.datasets.adding import ADDING_BASELINE_MSE, adding_problem

    x, y = adding_problem(train + test, T, seed)
    targets = np.zeros((T, train + test, 1))
    targets[-1] = y
    mask = np.zeros((T, train + test))
    mask[-1] = 1.0
    whole = TrainingData(x, targets, mask)
    return TrainingTask("adding", f"the adding problem, T = {T}: add the two marked numbers and answer at the "
                                  f"last step (MSE; always answering 1 scores {ADDING_BASELINE_MSE:.3f})",
                        whole.select(np.arange(train)), whole.select(np.arange(train, train + test)), "mse",
                        baseline=ADDING_BASELINE_MSE, details={"T": T, "train": train, "test": test, "seed": seed})


def slots_task(train: int = 240, test_fraction: float = 0.2, min_count: int = 1, seed: int = 0,
               encoding: dict | None = None) -> TrainingTask:
    """Slot filling on the ticket-booking corpus: ``train`` generated sentences, a ``test_fraction`` of
    the templates held out for testing (so the test sentences have shapes never trained on). Words are
    one-hot over the training vocabulary plus ``<other>`` (or the given one-hot encoding spec)."""
    from simulator.engine.datasets import tickets
    from simulator.engine.encoding import OneHotEncoding, encoding_from_spec

    sentences = tickets.generate_corpus(train, seed)
    train_sentences, test_sentences = tickets.train_test_split_by_template(sentences, test_fraction, seed)
    if encoding is not None:
        one_hot = encoding_from_spec(encoding)
        if not isinstance(one_hot, OneHotEncoding):
            raise UserInputError("the slots task needs a one-hot word encoding")
    else:
        one_hot = OneHotEncoding(tickets.build_vocabulary(train_sentences, min_count=min_count))

    def encode(batch):
        T = max(len(s) for s in batch)
        ids = np.zeros((T, len(batch)), dtype=np.intp)
        slots = np.zeros((T, len(batch)), dtype=np.int64)
        mask = np.zeros((T, len(batch)))
        for n, sentence in enumerate(batch):
            ids[:len(sentence), n] = [one_hot.index(word) for word in sentence.words]
            slots[:len(sentence), n] = tickets.slot_ids(sentence)
            mask[:len(sentence), n] = 1.0
        return TokenTrainingData(TokenIds(ids, one_hot.size), slots, mask)

    return TrainingTask("slots", f"slot filling: {len(train_sentences)} ticket-booking sentences, one-hot words "
                                 f"over {one_hot.size} dimensions, {len(tickets.SLOTS)} slots per word "
                                 f"(cross-entropy); {len(test_sentences)} test sentences from unseen templates",
                        encode(train_sentences), encode(test_sentences), "ce",
                        details={"classes": len(tickets.SLOTS), "slots": list(tickets.SLOTS),
                                 "vocabulary": list(one_hot.dimension_names), "train": len(train_sentences),
                                 "test": len(test_sentences), "seed": seed})


#: built slots tasks by (encoding, min_count, unknown_rate, corpus files' stamp): the six runs of the
#: slot-filling scene share one, instead of encoding the 3,200 sentences six times. The task's data are
#: never written to (minibatches and word dropout make new arrays).
_SHIPPED_TASKS: dict[tuple, TrainingTask] = {}


def shipped_slots_task(encoding: str | dict | None = "both", min_count: int | None = None,
                       unknown_rate: float = 0.0) -> TrainingTask:
    """See :func:`_build_shipped_slots_task`; the same arguments give the same (shared) task."""
    import json

    from simulator.model import slot_filling

    try:
        key = (json.dumps(encoding, sort_keys=True), min_count, float(unknown_rate), slot_filling.corpus_stamp())
    except (TypeError, ValueError):
        return _build_shipped_slots_task(encoding, min_count, unknown_rate)   # let it say what is wrong
    if key not in _SHIPPED_TASKS:
        if len(_SHIPPED_TASKS) >= 6:
            _SHIPPED_TASKS.pop(next(iter(_SHIPPED_TASKS)))
        _SHIPPED_TASKS[key] = _build_shipped_slots_task(encoding, min_count, unknown_rate)
    return _SHIPPED_TASKS[key]


def _build_shipped_slots_task(encoding: str | dict | None = "both", min_count: int | None = None,
                              unknown_rate: float = 0.0) -> TrainingTask:
    """Slot filling on the shipped corpus (:func:`simulator.model.slot_filling.corpus`): 2,560 training
    sentences and 640 test sentences from 8 templates never trained on. ``encoding`` is "one_hot",
    "hashing" or "both" (built from the training words seen ``min_count`` times, see
    :func:`~simulator.model.slot_filling.build_encoding`) or an encoding spec to use as it is.
    ``details["encoding"]`` is the spec of the encoding used: a network trained here needs it.
    ``unknown_rate``: the fraction of training words each minibatch shows as never seen (word dropout,
    see :class:`SlotTrainingData`)."""
    from simulator.engine.datasets import tickets
    from simulator.engine.encoding import CombinedEncoding, OneHotEncoding, encoding_from_spec
    from simulator.model import slot_filling

    train_sentences, test_sentences = slot_filling.corpus()
    min_count = slot_filling.MIN_COUNT if min_count is None else min_count
    if encoding is None:
        raise UserInputError("the slots task needs a word encoding: one_hot, hashing or both")
    if isinstance(encoding, dict):
        encoder = encoding_from_spec(encoding)
    elif isinstance(encoding, str):
        encoder = slot_filling.build_encoding(encoding, train_sentences, min_count)
    else:
        raise UserInputError(f"the word encoding must be one_hot, hashing or both, not {encoding!r}")
    one_hot_part = encoder.one_hot if isinstance(encoder, CombinedEncoding) else encoder
    if isinstance(one_hot_part, OneHotEncoding) and not one_hot_part.other:
        raise UserInputError("the slots task needs the 1-of-N encoding's \"<other>\" dimension: the test "
                             "sentences have words the training sentences do not")
    words = sorted({word for sentence in train_sentences + test_sentences for word in sentence.words})
    index = {word: position for position, word in enumerate(words)}
    if isinstance(encoder, OneHotEncoding):
        table, size = None, encoder.size
        word_column = np.array([encoder.index(word) for word in words], dtype=np.intp)
        unknown = np.full(encoder.size, encoder.size - 1, dtype=np.intp)      # every word → "<other>"
    else:
        # rows 0…V−1: the words as they are; rows V…2V−1: the same words as if never seen
        known = [encoder.encode(word) for word in words]
        table = np.stack(known + [slot_filling.unknown_vector(encoder, word) for word in words])
        size = encoder.size
        word_column = np.arange(len(words), dtype=np.intp)
        unknown = np.concatenate([word_column + len(words), word_column + len(words)])

    def encode(batch, rate):
        T = max(len(s) for s in batch)
        ids = np.zeros((T, len(batch)), dtype=np.intp)
        slots = np.zeros((T, len(batch)), dtype=np.int64)
        for n, sentence in enumerate(batch):
            ids[:len(sentence), n] = word_column[[index[word] for word in sentence.words]]
            slots[:len(sentence), n] = tickets.slot_ids(sentence)
        return SlotTrainingData(ids, slots, np.array([len(s) for s in batch]), table, size, unknown, rate)

    kind = slot_filling.encoding_kind(encoder)
    title = slot_filling.ENCODING_TITLES[kind]["en"]
    return TrainingTask("slots", f"slot filling: {len(train_sentences)} ticket-booking sentences, words as "
                                 f"{title} ({encoder.size} numbers), {len(tickets.SLOTS)} slots per word "
                                 f"(cross-entropy); {len(test_sentences)} test sentences from "
                                 f"{len({s.template_id for s in test_sentences})} templates never trained on",
                        encode(train_sentences, unknown_rate), encode(test_sentences, 0.0), "ce",
                        details={"classes": len(tickets.SLOTS), "slots": list(tickets.SLOTS),
                                 "vocabulary": list(encoder.dimension_names), "train": len(train_sentences),
                                 "test": len(test_sentences), "corpus": "tickets", "encoding_kind": kind,
                                 "encoding": encoder.to_spec(), "min_count": min_count,
                                 "unknown_rate": unknown_rate})


def csv_task(path, network, loss: str = "mse") -> TrainingTask:
    """Sequences from a table the user loads (``.csv``/``.txt``, or ``.npy``), one row per time step.

    Columns, left to right: an optional sequence id, then the network's D inputs, then the targets —
    O numbers per step for ``mse`` (O = the network's outputs), or one class index 0…O−1 for ``ce``.
    Without an id column the whole file is one sequence; with one, consecutive rows with the same id form
    a sequence and a change of id starts the next (shorter sequences are padded and masked). Commas,
    semicolons, tabs or spaces separate the columns; a header row and lines starting with ``#`` are
    skipped. Example for a network with 2 inputs and 1 output, two sequences::

        seq,x1,x2,y
        0,1,0,0.5
        0,0,1,0.7
        1,1,1,0.2
    """
    from simulator.io.sequence import load_array_file

    if loss not in losses.LOSSES:
        raise UserInputError(f"unknown loss {loss!r}; choose one of {', '.join(losses.LOSSES)}")
    table = load_array_file(path)
    if table.ndim == 1:
        table = table[:, None]
    if table.ndim != 2:
        raise UserInputError(f"{path}: the table must have rows (steps) and columns, not shape {table.shape}")
    D, O = network.input_size, network.head.output_size
    target_columns = O if loss == "mse" else 1
    width = table.shape[1]
    if width == D + target_columns:
        ids = np.zeros(len(table))
    elif width == D + target_columns + 1:
        ids, table = table[:, 0], table[:, 1:]
    else:
        wanted = f"{O} target{'s' if O > 1 else ''}" if loss == "mse" else "1 class index"
        raise UserInputError(f"{path}: has {width} columns; this network needs {D} inputs and {wanted} "
                             f"({D + target_columns} columns), optionally after a sequence id")
    if loss == "ce":
        classes = table[:, D]
        if not np.all((classes == np.round(classes)) & (classes >= 0) & (classes < O)):
            raise UserInputError(f"{path}: the class column must hold whole numbers from 0 to {O - 1}")
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    bounds = list(zip(starts, np.r_[starts[1:], len(table)]))
    T, N = max(end - start for start, end in bounds), len(bounds)
    x = np.zeros((T, N, D))
    targets = np.zeros((T, N, O)) if loss == "mse" else np.zeros((T, N), dtype=np.int64)
    mask = np.zeros((T, N))
    for n, (start, end) in enumerate(bounds):
        length = end - start
        x[:length, n] = table[start:end, :D]
        targets[:length, n] = table[start:end, D:] if loss == "mse" else table[start:end, D].astype(np.int64)
        mask[:length, n] = 1.0
    name = Path(path).name
    return TrainingTask("csv", f"{N} sequence{'s' if N > 1 else ''} of up to {T} steps from {name} ({loss})",
                        TrainingData(x, targets, None if np.all(mask) else mask), None, loss,
                        details={"path": str(path), "sequences": N, "steps": T, "classes": O if loss == "ce" else None})


# -- networks for runs -----------------------------------------------------------------------------------
def network_for_task(task: TrainingTask, layers: list[dict], head: dict | None = None, seed: int = 0,
                     dtype: str = "float64") -> Network:
    """A new network that fits ``task``: its input size, and an output layer with the task's outputs —
    softmax for cross-entropy, linear for MSE unless ``head`` says otherwise."""
    head = dict(head or {})
    head.setdefault("activation", "softmax" if task.loss == "ce" else "linear")
    if head["activation"] != "identity":
        head.setdefault("output_size", task.output_size)
    try:
        return Network.build(task.input_size, [dict(layer) for layer in layers], head, dtype=dtype, seed=seed)
    except (TypeError, KeyError, ValueError) as error:
        raise UserInputError(f"cannot build the run's network: {error}") from None


def run_names(project) -> list[str]:
    """The names of the scene's training runs (empty when it has none)."""
    runs = training_settings(project).get("runs") or []
    return [run["name"] for run in runs if isinstance(run, dict) and isinstance(run.get("name"), str)]


def _run_spec(project, run: str | None) -> dict:
    if run is None:
        return {}
    for spec in training_settings(project).get("runs") or []:
        if isinstance(spec, dict) and spec.get("name") == run:
            return spec
    names = run_names(project)
    raise UserInputError(f"{project.name} has no training run {run!r}; "
                         + (f"its runs are {', '.join(names)}" if names else "it has no named runs"))


# -- configuration -----------------------------------------------------------------------------------------
def _task_loss(spec: dict) -> str:
    name = spec.get("name")
    if name == "slots":
        return "ce"
    if name == "csv":
        return spec.get("loss", "mse")
    return "mse"


def config_for_project(project, run: str | None = None, **overrides) -> TrainingConfig:
    """``settings["training"]["config"]``, then the named run's changes, then ``overrides`` — steps, lr,
    clip (the threshold), clip_mode, seed, optimizer, truncate, batch_size; None means "keep". A clip
    threshold given while clipping is off switches norm clipping on. The loss is the task's."""
    settings = training_settings(project)
    base = settings.get("config") or {}
    if not isinstance(base, dict):
        raise UserInputError(f"{project.name}'s settings.training.config must be an object of training settings")
    values = dict(base)
    values.update({key: value for key, value in _run_spec(project, run).items() if key not in _RUN_KEYS})
    given = {key: value for key, value in overrides.items() if value is not None}
    unknown = sorted(set(given) - set(_OVERRIDES))
    if unknown:
        raise UserInputError(f"unknown training setting {', '.join(map(repr, unknown))}; "
                             f"the settings are {', '.join(sorted(set(_OVERRIDES) - {'clip_threshold'}))}")
    for key, value in given.items():
        values[_OVERRIDES[key]] = value
    if "clip" in given and "clip_mode" not in given and values.get("clip_mode", "none") == "none":
        values["clip_mode"] = "norm"
    values["loss"] = _task_loss(settings["task"])
    return TrainingConfig.from_dict(values)


def session_for_project(project, run: str | None = None, test_every: int | None = None,
                        encoding: str | None = None, **overrides) -> "TrainingSession":
    """A session for the scene's task and settings (see :func:`config_for_project`). A run with a
    ``network`` spec trains a new network built with the config's seed; otherwise the project's own —
    unless it cannot take the task's inputs or give its outputs (the slots task chosen for the cliff
    scene, say): then a new network with the same layers and a fitting input and output layer is built,
    and ``session.note`` says so. ``encoding`` chooses the word encoding of a slots task on a shipped
    corpus ("one_hot", "hashing", "both")."""
    config = config_for_project(project, run=run, **overrides)
    settings = training_settings(project)
    seed = config.seed or 0
    task = task_for_project(project, seed=seed, encoding=encoding)
    spec = _run_spec(project, run).get("network") or settings.get("network")
    note = None
    if spec is not None:
        if not isinstance(spec, dict) or not isinstance(spec.get("layers"), list):
            raise UserInputError(f"the network of run {run!r} must be an object with a list of layers")
        network = network_for_task(task, spec["layers"], spec.get("head"), seed=seed,
                                   dtype=spec.get("dtype", project.network.dtype.name))
    elif _fits(project.network, task):
        network = project.network
    else:
        own = project.network
        network = network_for_task(task, own.config()["layers"], seed=seed, dtype=own.dtype.name)
        note = (f"the {task.name} task needs {_count(task.input_size, 'input')} and "
                f"{_count(task.output_size, 'output')} ({'softmax' if task.loss == 'ce' else 'linear'}); "
                f"{project.name}'s network has {own.input_size} and {own.head.output_size}, so a network "
                f"with the same layers was built for it (random weights, seed {seed})")
    every = settings.get("test_every", 10) if test_every is None else test_every
    session = TrainingSession(network, task, config, test_every=every)
    session.note = note
    return session


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _fits(network: Network, task: TrainingTask) -> bool:
    """Whether ``network`` takes the task's inputs and gives outputs its loss can score."""
    if network.input_size != task.input_size or network.head.output_size != task.output_size:
        return False
    return task.loss != "ce" or network.head.activation == "softmax"


# -- the session -------------------------------------------------------------------------------------------
class _TraceKeeper:
    """Stands in for the network inside the engine's Trainer and keeps the Trace of each update's
    forward and backward pass (the Trainer drops it), so ‖∂L/∂a^t‖ costs no second pass."""

    def __init__(self, network: Network):
        self._network = network
        self.last_trace = None

    def __getattr__(self, name):
        return getattr(self._network, name)

    def loss_and_gradients(self, *args, **kwargs):
        loss, grads, trace = self._network.loss_and_gradients(*args, **kwargs)
        self.last_trace = trace
        return loss, grads, trace


def step_grad_norms(trace) -> np.ndarray | None:
    """‖∂L/∂a^t‖ over the hidden units for t = 1..T, first layer, forward direction, averaged over the
    batch's sequences — how strongly the loss still depends on each step's memory."""
    grads = trace.layers[0].step_grads.get("forward", {}).get("a") if trace is not None and trace.layers else None
    if grads is None:
        return None
    with np.errstate(all="ignore"):
        return np.sqrt(np.sum(np.square(grads), axis=-1)).mean(axis=1)


class TrainingSession:
    """Trains a copy of ``network`` on ``task`` with ``config`` (whose loss is set to the task's). The
    config may be changed between updates (learning rate, clipping …); ``reset`` starts again from the
    same weights with the config's seed, so a run repeats exactly.

    At the first non-finite loss, gradient or weight the session stops (``diverged``), keeps the last
    finite weights, and ``rollback`` undoes the failed update so training can go on, e.g. with clipping.
    """

    def __init__(self, network: Network, task: TrainingTask, config: TrainingConfig | None = None,
                 test_every: int = 10, keep_params: int | None = None):
        self._network = copy_network(network)
        self.task = task
        config = config if config is not None else TrainingConfig()
        config.loss = task.loss
        self.test_every = _whole(test_every, "test_every", 1)
        #: None: every snapshot in ``history`` keeps its weights (a 32-unit LSTM: 36 kB per update).
        #: n: only the latest n do; older snapshots are replaced by copies with ``params == {}``.
        self.keep_params = None if keep_params is None else _whole(keep_params, "keep_params", 1)
        self._start = {key: value.copy() for key, value in self._network.params.items()}
        self._keeper = _TraceKeeper(self._network)
        self._trainer = _trainer(self._keeper, task.data, config)
        self.history: list[TrainingSnapshot] = []
        #: set by session_for_project when it had to build a network that fits the task
        self.note: str | None = None

    # -- state -------------------------------------------------------------------------------------
    @property
    def network(self) -> Network:
        return self._network

    @property
    def config(self) -> TrainingConfig:
        return self._trainer.config

    @config.setter
    def config(self, config: TrainingConfig) -> None:
        config.loss = self.task.loss
        config.validate()
        self._trainer.config = config

    @property
    def diverged(self) -> bool:
        return self._trainer.diverged

    @property
    def updates(self) -> int:
        """Updates applied so far (a non-finite one is not applied)."""
        return self._trainer.updates

    # -- training ----------------------------------------------------------------------------------
    def step(self) -> TrainingSnapshot:
        """One update. Raises :class:`TrainingDiverged` after divergence until rollback() or reset()."""
        self._keeper.last_trace = None
        report = self._trainer.step()
        trace = self._keeper.last_trace
        self._keeper.last_trace = None       # the trace holds every step of the batch: do not keep it
        test_loss = None
        if self.task.test is not None and report.finite and report.update % self.test_every == 0:
            test_loss = self.evaluate(self.task.test)
        snapshot = TrainingSnapshot(
            update=report.update, loss=report.loss, norm_before=report.norm_before,
            norm_after=report.norm_after, clipped=report.clipped, per_group_norms=dict(report.per_group_norms),
            finite=report.finite, message=report.message or None,
            params={key: value.copy() for key, value in self._network.params.items()},
            step_grad_norms=step_grad_norms(trace), test_loss=test_loss)
        self.history.append(snapshot)
        if self.keep_params is not None and len(self.history) > self.keep_params:
            old = len(self.history) - self.keep_params - 1
            if self.history[old].params:
                self.history[old] = replace(self.history[old], params={})
        return snapshot

    def run(self, n: int | None = None) -> Iterator[TrainingSnapshot]:
        """Yield up to ``n`` updates (default: what is left of ``config.steps``); stops after a
        non-finite one. A diverged session yields nothing."""
        remaining = self.config.steps - self.updates if n is None else int(n)
        for _ in range(max(0, remaining)):
            if self.diverged:
                return
            snapshot = self.step()
            yield snapshot
            if not snapshot.finite:
                return

    def rollback(self) -> bool:
        """After divergence: weights, optimiser state and random generator back to just before the failed
        update, whose snapshot leaves the history. False (and nothing changes) if not diverged."""
        if not self._trainer.rollback():
            return False
        if self.history and not self.history[-1].finite:
            self.history.pop()
        return True

    def reset(self) -> None:
        """Back to the starting weights, a fresh optimiser and the config's seed; the history is cleared."""
        for key, value in self._start.items():
            np.copyto(self._network.params[key], value)
        self._trainer = _trainer(self._keeper, self.task.data, self._trainer.config)
        self.history.clear()

    # -- measuring ---------------------------------------------------------------------------------
    def evaluate(self, data: TrainingData | None = None) -> float:
        """The task's loss on ``data`` (default: all training data) with the current weights."""
        data = self.task.data if data is None else data
        if isinstance(data, SlotTrainingData):      # one group per length, so nothing is padded
            return sum(group.sequences * self._loss(group) for group in data.by_length()) / data.sequences
        return self._loss(data)

    def _loss(self, data: TrainingData) -> float:
        with np.errstate(all="ignore"):
            trace = self._network.forward(data.x)
            value, *_ = losses.evaluate(self._network, trace, data.targets, self.task.loss, data.mask)
        return float(value)

    def result_dict(self) -> dict:
        """Plain numbers for JSON (what ``train --json`` prints): one entry per update tried in each list,
        ``updates`` applied, how the run ``ended``, the divergence ``message``, and the loss on all
        training data (and the test split, if any) with the final weights."""
        history = self.history
        return {
            "losses": [s.loss for s in history],
            "norms_before": [s.norm_before for s in history],
            "norms_after": [s.norm_after for s in history],
            "clipped": [s.clipped for s in history],
            "test_losses": [s.test_loss for s in history],
            "updates": self.updates,
            "ended": "diverged" if self.diverged else "budget",
            "message": history[-1].message if history and not history[-1].finite else None,
            "final_loss": self.evaluate(),
            "final_test_loss": None if self.task.test is None else self.evaluate(self.task.test),
        }


__all__ = ["EncodedWords", "SLOT_CORPORA", "SlotTrainingData", "TASKS", "TokenTrainingData", "TrainingDiverged", "TrainingSession", "TrainingSnapshot",
           "TrainingTask", "adding_task", "config_for_project", "csv_task", "last_step_task", "lecture_task",
           "network_for_task", "run_names", "session_for_project", "shipped_slots_task", "slots_task", "step_grad_norms",
           "task_for_project", "training_settings"]
