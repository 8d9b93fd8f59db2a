"""Slot filling, the lecture's motivating example made real: "arrive Taipei on November 2nd".

Qt-free. Everything the slot-filling scene, its view and the CLI need besides the networks themselves:

* the shipped ticket-booking corpus (:func:`corpus`: ``resources/corpora/tickets-{train,test}.jsonl``);
* the three word encodings the student switches between (:func:`build_encoding`): 1-of-N over the
  training words plus "<other>", letter-trigram hashing over the training words' trigrams, or both;
* the six pre-trained models, one file per model and encoding (:func:`load_model`,
  ``resources/models/slot-filling/<model>-<encoding>.json``, made by ``make_models.py`` there);
* labelling a typed sentence word by word (:func:`label`), with how each word was encoded
  (:class:`WordEncoding`: an unknown word lands in "<other>" or in unknown trigrams);
* CoNLL-style chunk F1 (:func:`chunks`, :func:`f1_scores`, :func:`evaluate`, :func:`evaluate_all`).

Chunks: the corpus has no BIO tags, so a chunk is a maximal run of words with the same slot other than
"other" ("Hong Kong" is one destination chunk; "on Nov. 2 at 3 pm" has the two arrival-time chunks
"Nov. 2" and "3 pm"). A predicted chunk is correct when its slot, start and end all match a gold chunk.
"""
from __future__ import annotations

import copy
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from simulator.engine.cells.base import TokenIds
from simulator.engine.datasets import tickets
from simulator.engine.datasets.tickets import SLOTS, Sentence
from simulator.engine.encoding import (OTHER_WORD, CombinedEncoding, Encoding, OneHotEncoding, TrigramHashing,
                                       encoding_from_spec)
from simulator.engine.trace import Trace
from simulator.errors import UserInputError
from simulator.model.project import Project
from simulator.paths import corpora_dir, resources_dir

SCENE = "slot-filling"
MODELS = ("feedforward", "elman", "jordan", "bidirectional", "lstm", "gru")
ENCODINGS = ("one_hot", "hashing", "both")
DEFAULT_MODEL = "lstm"
DEFAULT_ENCODING = "both"
#: the slots that form chunks (everything but "other")
CHUNK_SLOTS = tuple(slot for slot in SLOTS if slot != "other")
#: words seen fewer times than this in the training split have no 1-of-N dimension (they are "<other>")
#: and give the hashing no trigram of their own
MIN_COUNT = 3
TRAIN_FILE = "tickets-train.jsonl"
TEST_FILE = "tickets-test.jsonl"

MODEL_TITLES: dict[str, dict[str, str]] = {
    "feedforward": {"en": "Feed-forward (no memory)", "zh": "前馈网络（无记忆）"},
    "elman": {"en": "Elman", "zh": "Elman 网络"},
    "jordan": {"en": "Jordan", "zh": "Jordan 网络"},
    "bidirectional": {"en": "Bidirectional (Elman)", "zh": "双向网络（Elman）"},
    "lstm": {"en": "LSTM", "zh": "LSTM"},
    "gru": {"en": "GRU", "zh": "GRU"},
}
ENCODING_TITLES: dict[str, dict[str, str]] = {
    "one_hot": {"en": "1-of-N + other", "zh": "1-of-N + 其他"},
    "hashing": {"en": "letter trigrams", "zh": "字母三元组"},
    "both": {"en": "1-of-N + trigrams", "zh": "1-of-N + 字母三元组"},
}


# -- names and files -------------------------------------------------------------------------------------
def check_model(model: Any) -> str:
    if model not in MODELS:
        raise UserInputError(f"there is no slot-filling model {model!r}; the models are {', '.join(MODELS)}")
    return model


def check_encoding(encoding: Any) -> str:
    if encoding not in ENCODINGS:
        raise UserInputError(f"there is no word encoding {encoding!r}; the encodings are {', '.join(ENCODINGS)}")
    return encoding


def models_dir() -> Path:
    return resources_dir() / "models" / SCENE


def model_path(model: str, encoding: str) -> Path:
    """``resources/models/slot-filling/<model>-<encoding>.json``."""
    return models_dir() / f"{check_model(model)}-{check_encoding(encoding)}.json"


@lru_cache(maxsize=1)
def _corpus_cached(train_path: str, test_path: str, stamp: tuple) -> tuple[tuple[Sentence, ...], tuple[Sentence, ...]]:
    return tuple(tickets.read_jsonl(train_path)), tuple(tickets.read_jsonl(test_path))


def _stamp(*paths: Path) -> tuple:
    """What changes when a file is rewritten: its modification time and size (None if missing)."""
    stamp = []
    for path in paths:
        try:
            info = os.stat(path)
            stamp.append((info.st_mtime_ns, info.st_size))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


def corpus_stamp() -> tuple:
    """Changes when a corpus file is rewritten: what caches of anything made from the corpus key on."""
    return _stamp(corpora_dir() / TRAIN_FILE, corpora_dir() / TEST_FILE)


def corpus() -> tuple[list[Sentence], list[Sentence]]:
    """The shipped (train, test) split; test sentences come from templates never trained on."""
    train_path, test_path = corpora_dir() / TRAIN_FILE, corpora_dir() / TEST_FILE
    train, test = _corpus_cached(str(train_path), str(test_path), corpus_stamp())
    return list(train), list(test)


@lru_cache(maxsize=len(MODELS) * len(ENCODINGS))
def _model_cached(path: str, stamp: tuple) -> Project:
    from simulator.io.project_file import load_project

    return load_project(path)


def load_model(model: str, encoding: str) -> Project:
    """A pre-trained model as a project of the slot-filling scene (its network, its word encoding, the
    lecture's sentence as text); ``settings["slot_filling"]`` says which model and encoding it is.
    Each call returns an independent copy."""
    path = model_path(model, encoding)
    if not path.is_file():
        raise UserInputError(f"the pre-trained model {path.name} is missing; make it with "
                             f"python resources/models/{SCENE}/make_models.py")
    project = _model_cached(str(path), _stamp(path)).copy()
    project.settings["slot_filling"] = {"model": model, "encoding": encoding}
    return project


#: (cell kind, bidirectional) of the one layer of each model's network
ARCHITECTURES = {"feedforward": ("feedforward", False), "elman": ("elman", False), "jordan": ("jordan", False),
                 "bidirectional": ("elman", True), "lstm": ("lstm", False), "gru": ("gru", False)}


def model_of(project: Project | None) -> tuple[str | None, str | None]:
    """(model, encoding) the project was made as, or (None, None) for any other project — and for one
    whose network or word encoding is no longer that model's (another network built in its place)."""
    marker = project.settings.get("slot_filling") if project is not None else None
    if not (isinstance(marker, dict) and marker.get("model") in MODELS and marker.get("encoding") in ENCODINGS):
        return None, None
    model, encoding = marker["model"], marker["encoding"]
    try:
        kind = encoding_kind(project.encoding) if project.encoding is not None else None
        layers = [(layer.cell.kind, bool(layer.bidirectional)) for layer in project.network.layers]
    except (AttributeError, KeyError, TypeError):
        return None, None
    if kind != encoding or layers != [ARCHITECTURES[model]]:
        return None, None
    return model, encoding


def mark_model(project: Project, model: str, encoding: str) -> Project:
    """Record in the project which slot-filling model and encoding it is (what :func:`model_of` reads)."""
    project.settings["slot_filling"] = {"model": check_model(model), "encoding": check_encoding(encoding)}
    return project


# -- encodings -------------------------------------------------------------------------------------------
def build_encoding(kind: str, sentences: Sequence[Sentence] | None = None, min_count: int = MIN_COUNT) -> Encoding:
    """The word encoding ``kind`` made from ``sentences`` (default: the shipped training split).

    ``one_hot``: a dimension per word seen at least ``min_count`` times (lowercased) plus "<other>";
    ``hashing``: a dimension per letter trigram of those words plus "<other-trigram>";
    ``both``: the two side by side. Rarer words are left out on purpose, so that the network meets
    "<other>" (and unknown trigrams) in training and learns what to make of them.
    """
    check_encoding(kind)
    if sentences is None:
        sentences = corpus()[0]
    vocabulary = tickets.build_vocabulary(sentences, min_count=min_count)
    one_hot = OneHotEncoding(vocabulary)
    hashing = TrigramHashing(words=vocabulary)
    if kind == "one_hot":
        return one_hot
    if kind == "hashing":
        return hashing
    return CombinedEncoding(one_hot, hashing)


def unknown_vector(encoding: Encoding, word: str, kept: Sequence[str] = ()) -> np.ndarray:
    """The input ``word`` would get if it had never been seen: "<other>" in the 1-of-N part, and in the
    hashing part each of its different trigrams counted in "<other-trigram>" — except those in ``kept``,
    which keep their own dimension (what training's word dropout shows the network, see
    :class:`simulator.model.training.SlotTrainingData`)."""
    if isinstance(encoding, OneHotEncoding):
        if not encoding.other:
            raise UserInputError("a 1-of-N encoding without an \"<other>\" dimension has no unknown words")
        vector = np.zeros(encoding.size)
        vector[encoding.other_index] = 1.0
        return vector
    if isinstance(encoding, TrigramHashing):
        vector = np.zeros(encoding.size)
        for unit, dimension in encoding.explain(word):
            if unit in kept and dimension != encoding.other_index:
                vector[dimension] = 1.0
            else:
                vector[encoding.other_index] += 1.0
        return vector
    if isinstance(encoding, CombinedEncoding):
        return np.concatenate([unknown_vector(encoding.one_hot, word),
                               unknown_vector(encoding.hashing, word, kept)])
    raise UserInputError(f"no unknown-word vector for the encoding {encoding!r}")


def encoding_kind(encoding: Encoding | dict) -> str:
    """"one_hot", "hashing" or "both" for an encoding or its spec."""
    spec = encoding.to_spec() if isinstance(encoding, Encoding) else encoding
    return {"one_hot": "one_hot", "trigram_hashing": "hashing", "combined": "both"}[spec["kind"]]


@dataclass
class WordEncoding:
    """How one word was turned into its input vector."""

    word: str
    #: True if the encoding has a dimension of its own for it (its 1-of-N part), or — hashing only —
    #: if every one of its trigrams has one
    known: bool
    #: the 1-of-N dimension it lit: the word itself (lowercased), "<other>", or None without a 1-of-N part
    one_hot: str | None
    #: its letter trigrams in reading order, each with whether it has a dimension; None without hashing
    trigrams: list[tuple[str, bool]] | None


def explain_word(encoding: Encoding, word: str) -> WordEncoding:
    """The :class:`WordEncoding` of ``word`` under ``encoding``."""
    one_hot = encoding.one_hot if isinstance(encoding, CombinedEncoding) else encoding
    hashing = encoding.hashing if isinstance(encoding, CombinedEncoding) else encoding
    dimension = trigrams = None
    if isinstance(one_hot, OneHotEncoding):
        dimension = one_hot.dimension_names[one_hot.index(word)]
    if isinstance(hashing, TrigramHashing):
        trigrams = [(unit, index != hashing.other_index) for unit, index in hashing.explain(word)]
    if dimension is not None:
        known = dimension != OTHER_WORD
    elif trigrams is not None:
        known = all(has for _, has in trigrams)
    else:
        raise UserInputError(f"the slot-filling models need a 1-of-N or trigram word encoding, not {encoding!r}")
    return WordEncoding(word, known, dimension, trigrams)


# -- labelling -------------------------------------------------------------------------------------------
@dataclass
class Labelling:
    """A sentence labelled word by word."""

    words: list[str]
    probabilities: np.ndarray            # (T, len(SLOTS)) softmax outputs, rows sum to 1
    slots: list[str]                     # the most probable slot of each word
    encodings: list[WordEncoding]
    trace: Trace                         # the forward pass: every hidden state, for "memory visible"


def _project_encoding(project: Project) -> Encoding:
    if project.encoding is None:
        raise UserInputError(f"{project.name} has no word encoding, so it cannot label a sentence")
    encoding = encoding_from_spec(project.encoding)
    network = project.network
    if encoding.size != network.input_size:
        raise UserInputError(f"{project.name}'s encoding gives {encoding.size} numbers per word but its network "
                             f"takes {network.input_size}")
    if network.head.activation != "softmax" or network.head.output_size != len(SLOTS):
        raise UserInputError(f"{project.name}'s network must end in a softmax over the {len(SLOTS)} slots "
                             f"({', '.join(SLOTS)}) to label words")
    return encoding


def _words(text: str | Sequence[str]) -> list[str]:
    """Typed text is split as the app splits every text scene (:func:`tokenize_text`), so the CLI and
    the GUI label the same words; a list of words is taken as it is, one word per step."""
    from simulator.io.sequence import tokenize_text

    if isinstance(text, str):
        if not text.strip():
            raise UserInputError("the sentence is empty; type a few words, like \"arrive Taipei on November 2nd\"")
        return tokenize_text(text)
    if isinstance(text, Sequence) and all(isinstance(word, str) for word in text):
        words = list(text)
        for word in words:
            if not word or any(character.isspace() for character in word):
                raise UserInputError(f"{word!r} is not a word: a word is non-empty text without spaces")
        if not words:
            raise UserInputError("the sentence is empty; type a few words, like \"arrive Taipei on November 2nd\"")
        return words
    raise UserInputError(f"a sentence must be text or a list of words, not {type(text).__name__}")


def label(project: Project, text: str | Sequence[str]) -> Labelling:
    """Each word of ``text`` (split like every text scene) with its slot probabilities."""
    encoding = _project_encoding(project)
    words = _words(text)
    trace = project.network.forward(encoding.encode_sentence(words))
    probabilities = np.asarray(trace.outputs[:, 0, :], dtype=np.float64)
    slots = [SLOTS[int(index)] for index in np.argmax(probabilities, axis=1)]
    return Labelling(words, probabilities, slots, [explain_word(encoding, word) for word in words], trace)


def predict(project: Project, sentences: Sequence[Sentence | Sequence[str]]) -> list[list[str]]:
    """The most probable slot of every word of every sentence. Sentences of one length run as one batch
    (no padding, so a bidirectional network reads each exactly as it would alone)."""
    encoding = _project_encoding(project)
    word_lists = [list(s.words) if isinstance(s, Sentence) else list(s) for s in sentences]
    one_hot = encoding if isinstance(encoding, OneHotEncoding) else None
    vectors: dict[str, np.ndarray] = {}
    by_length: dict[int, list[int]] = {}
    for position, words in enumerate(word_lists):
        by_length.setdefault(len(words), []).append(position)
    predicted: list[list[str]] = [[] for _ in word_lists]
    for length, positions in by_length.items():
        if length == 0:
            continue
        if one_hot is not None:
            ids = np.array([[one_hot.index(word) for word in word_lists[p]] for p in positions]).T
            x = TokenIds(ids, one_hot.size)
        else:
            rows = []
            for p in positions:
                for word in word_lists[p]:
                    if word not in vectors:
                        vectors[word] = encoding.encode(word)
                rows.append(np.stack([vectors[word] for word in word_lists[p]]))
            x = np.stack(rows, axis=1)
        outputs = project.network.forward(x).outputs
        best = np.argmax(outputs, axis=-1)                    # (T, B)
        for column, p in enumerate(positions):
            predicted[p] = [SLOTS[int(index)] for index in best[:, column]]
    return predicted


# -- scores ----------------------------------------------------------------------------------------------
def chunks(slots: Sequence[str]) -> list[tuple[str, int, int]]:
    """Maximal runs of one slot other than "other": (slot, start, end exclusive), in reading order.

    ``chunks(["other", "destination", "destination", "other", "arrival_time"])``
    == ``[("destination", 1, 3), ("arrival_time", 4, 5)]``.
    """
    found: list[tuple[str, int, int]] = []
    for position, slot in enumerate(slots):
        if slot not in tickets.SLOT_INDEX:
            raise UserInputError(f"{slot!r} is not a slot; the slots are {', '.join(SLOTS)}")
        if slot == "other":
            continue
        if found and found[-1][0] == slot and found[-1][2] == position:
            found[-1] = (slot, found[-1][1], position + 1)
        else:
            found.append((slot, position, position + 1))
    return found


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _prf(correct: int, found: int, support: int) -> dict[str, float | int]:
    precision, recall = _ratio(correct, found), _ratio(correct, support)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": support, "found": found,
            "correct": correct}


def f1_scores(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict:
    """CoNLL-style chunk scores of ``predicted`` against ``gold`` (one list of slots per sentence).

    Returns ``{"slots": {slot: {"precision", "recall", "f1", "support", "found", "correct"}}`` for the
    four slots other than "other", ``"overall"`` (the same, counted over all chunks: micro-averaged),
    ``"word_accuracy"`` (the fraction of words whose slot is right), ``"word_errors"`` ({gold slot:
    words of that slot labelled with another}, all five slots), ``"confusion"`` ({gold: {predicted:
    words}}), ``"sentences"`` and ``"words"``. ``support`` is the number of gold chunks, ``found`` the
    number predicted, ``correct`` those with the same slot, start and end. Precision with nothing found
    and recall with nothing to find are 0 (as conlleval counts them), and then F1 is 0.
    """
    if isinstance(gold, str) or isinstance(predicted, str) or len(gold) != len(predicted):
        raise UserInputError(f"gold and predicted must be lists of the same number of sentences, "
                             f"not {len(gold)} and {len(predicted)}")
    correct = {slot: 0 for slot in CHUNK_SLOTS}
    found = {slot: 0 for slot in CHUNK_SLOTS}
    support = {slot: 0 for slot in CHUNK_SLOTS}
    confusion = {g: {p: 0 for p in SLOTS} for g in SLOTS}
    words = right = 0
    for index, (gold_slots, predicted_slots) in enumerate(zip(gold, predicted)):
        if len(gold_slots) != len(predicted_slots):
            raise UserInputError(f"sentence {index + 1} has {len(gold_slots)} gold slots but "
                                 f"{len(predicted_slots)} predicted")
        gold_chunks, predicted_chunks = chunks(gold_slots), chunks(predicted_slots)
        for slot, _, _ in gold_chunks:
            support[slot] += 1
        for slot, _, _ in predicted_chunks:
            found[slot] += 1
        for slot, _, _ in set(gold_chunks) & set(predicted_chunks):
            correct[slot] += 1
        for g, p in zip(gold_slots, predicted_slots):
            confusion[g][p] += 1
            words += 1
            right += g == p
    return {
        "slots": {slot: _prf(correct[slot], found[slot], support[slot]) for slot in CHUNK_SLOTS},
        "overall": _prf(sum(correct.values()), sum(found.values()), sum(support.values())),
        "word_accuracy": _ratio(right, words),
        "word_errors": {g: sum(n for p, n in confusion[g].items() if p != g) for g in SLOTS},
        "confusion": confusion,
        "sentences": len(gold),
        "words": words,
    }


def evaluate(project: Project, sentences: Sequence[Sentence] | None = None) -> dict:
    """:func:`f1_scores` of the project's network on ``sentences`` (default: the shipped test split)."""
    if sentences is None:
        sentences = corpus()[1]
    if not sentences:
        raise UserInputError("there are no sentences to evaluate on")
    return f1_scores([s.slots for s in sentences], predict(project, sentences))


@lru_cache(maxsize=len(MODELS) * len(ENCODINGS))
def _evaluate_shipped(model: str, encoding: str, stamp: tuple) -> dict:
    return evaluate(load_model(model, encoding))


def evaluate_all(encoding: str = DEFAULT_ENCODING, models: Sequence[str] = MODELS) -> dict[str, dict]:
    """{model: :func:`evaluate` of its pre-trained network with ``encoding``} on the test split
    (computed once per model file and corpus; the results are copies)."""
    check_encoding(encoding)
    stamp = corpus_stamp()
    return {model: copy.deepcopy(_evaluate_shipped(check_model(model), encoding,
                                                   _stamp(model_path(model, encoding)) + stamp))
            for model in models}


def format_table(results: dict[str, dict], titles: bool = True) -> str:
    """Per-slot and overall F1 of several models as a plain-text table (what ``evaluate`` prints)."""
    header = ["model"] + list(CHUNK_SLOTS) + ["overall", "P", "R", "word acc."]
    rows = []
    for name, result in results.items():
        title = MODEL_TITLES.get(name, {}).get("en", name) if titles else name
        overall = result["overall"]
        rows.append([title] + [f"{result['slots'][slot]['f1']:.3f}" for slot in CHUNK_SLOTS]
                    + [f"{overall['f1']:.3f}", f"{overall['precision']:.3f}", f"{overall['recall']:.3f}",
                       f"{result['word_accuracy']:.3f}"])
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                       for i, (cell, width) in enumerate(zip(row, widths))) for row in [header] + rows]
    return "\n".join(lines)


def round_significant(values: np.ndarray, digits: int) -> np.ndarray:
    """``values`` rounded to ``digits`` significant digits (zeros and non-finite values kept)."""
    values = np.asarray(values, dtype=np.float64)
    if isinstance(digits, bool) or not isinstance(digits, (int, np.integer)) or not 1 <= digits <= 17:
        raise UserInputError(f"the number of significant digits must be from 1 to 17, not {digits!r}")
    out = values.copy()
    finite = np.isfinite(values) & (values != 0)
    if np.any(finite):
        # format and parse: exactly what a person writing the number with that many digits would get
        out[finite] = [float(f"{value:.{int(digits)}g}") for value in values[finite].tolist()]
    return out


__all__ = ["CHUNK_SLOTS", "DEFAULT_ENCODING", "DEFAULT_MODEL", "ENCODINGS", "ENCODING_TITLES", "Labelling",
           "MIN_COUNT", "MODELS", "MODEL_TITLES", "SCENE", "WordEncoding", "build_encoding", "check_encoding",
           "check_model", "chunks", "corpus", "encoding_kind", "evaluate", "evaluate_all", "explain_word",
           "f1_scores", "format_table", "label", "load_model", "mark_model", "model_of", "model_path",
           "predict", "round_significant", "unknown_vector"]
