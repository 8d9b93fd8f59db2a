"""A project: one network with its weights, the inputs to feed it and the scene settings around it.

This is what a project file holds (see :mod:`simulator.io.project_file`) and what the app model edits.
It is Qt-free and holds only plain values besides the :class:`Network` and the input array, so it can
always be saved: :meth:`Project.validate` checks exactly what the file format can represent.
"""
from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from simulator.engine.network import Network
from simulator.errors import UserInputError

# Limits on what a project may hold. A file asking for more is refused before anything is allocated,
# so a hostile or corrupt file cannot make the app build a network that fills the memory.
MAX_INPUT_SIZE = 65536
MAX_HIDDEN_SIZE = 1024
MAX_LAYERS = 16
MAX_STEPS = 100_000
MAX_PARAMETERS = 20_000_000
MAX_TEXT_CHARS = 1_000_000
#: settings and metadata are small descriptions, not data: bounded in items, nesting and text
MAX_PLAIN_ITEMS = 100_000
MAX_PLAIN_DEPTH = 32
MAX_PLAIN_CHARS = 1_000_000
SUPPORTED_DTYPES = ("float64", "float32")

_NAME_PATTERN = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
MAX_NAME_LENGTH = 64


def show(value: Any, limit: int = 40) -> str:
    """A short printable form of a (possibly huge or hostile) value for a one-line message."""
    if isinstance(value, dict):
        return "an object {…}"
    if isinstance(value, list):
        if not value:
            return "an empty list []"
        if len(value) <= 8 and all(item is None or isinstance(item, (bool, int, float, str)) for item in value):
            text = "[" + ", ".join(show(item, limit) for item in value) + "]"
            return text if len(text) <= limit else text[: limit - 1] + "…"
        return "a list […]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    try:
        text = repr(value)
    except ValueError:  # an integer with more digits than Python will print
        return "a number with too many digits"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_path(path: str, limit: int = 80) -> str:
    """A field path for a message, cut short if hostile keys or deep nesting made it long."""
    return path if len(path) <= limit else path[: limit - 1] + "…"


def check_text(value: Any, where: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str):
        raise UserInputError(f"{where} must be text, not {show(value)}")
    if len(value) > max_chars:
        raise UserInputError(f"{where} is {len(value)} characters long; at most {max_chars} are allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # "\ud800" is valid JSON but not text: it could be read yet never written back.
        raise UserInputError(f"{where} contains an invalid character (a lone surrogate)") from None
    return value


def check_plain(value: Any, where: str, max_items: int = MAX_PLAIN_ITEMS) -> None:
    """Check that ``value`` is plain JSON — dicts with text keys, lists, text, finite numbers,
    booleans, None — and small: at most ``max_items`` values, nested at most MAX_PLAIN_DEPTH deep."""
    budget = {"items": max_items, "chars": MAX_PLAIN_CHARS}

    def spend_chars(text: str) -> None:
        budget["chars"] -= len(text)
        if budget["chars"] < 0:
            raise UserInputError(f"{where} holds more than {MAX_PLAIN_CHARS} characters of text")

    def visit(item: Any, path: str, depth: int) -> None:
        path = short_path(path)
        budget["items"] -= 1
        if budget["items"] < 0:
            raise UserInputError(f"{where} holds more than {max_items} values")
        if depth > MAX_PLAIN_DEPTH:
            raise UserInputError(f"{path} is nested more than {MAX_PLAIN_DEPTH} levels deep")
        if item is None or isinstance(item, bool):
            return
        if isinstance(item, int):
            if abs(item) >= 2 ** 63:
                raise UserInputError(f"{path} is a whole number too large to store: {show(item)}")
            return
        if isinstance(item, float):
            if not math.isfinite(item):
                raise UserInputError(f"{path} must be a finite number, not {show(item)}")
            return
        if isinstance(item, str):
            spend_chars(item)
            check_text(item, path)
            return
        if isinstance(item, list):
            for index, element in enumerate(item):
                visit(element, f"{path}[{index}]", depth + 1)
            return
        if isinstance(item, dict):
            for key, element in item.items():
                if not isinstance(key, str):
                    raise UserInputError(f"{path} has a key that is not text: {show(key)}")
                spend_chars(key)
                check_text(key, f"a key of {path}")
                visit(element, f"{path}.{key}", depth + 1)
            return
        raise UserInputError(f"{path} must be plain JSON (text, numbers, true/false, null, lists, "
                             f"objects), not {type(item).__name__}")

    visit(value, where, 0)


def check_name(value: Any, where: str = "name") -> str:
    if not isinstance(value, str) or not (0 < len(value) <= MAX_NAME_LENGTH
                                          and _NAME_PATTERN.fullmatch(value)):
        raise UserInputError(f"{where} must be a short name of lowercase letters, digits and single "
                             f"hyphens or underscores (like \"toy-rnn\"), not {show(value)}")
    return value


def check_translations(value: Any, where: str) -> dict[str, str]:
    """A text in several languages: {"en": "…", "zh": "…"}."""
    if not isinstance(value, dict):
        raise UserInputError(f"{where} must be an object of texts by language, like {{\"en\": \"…\"}}, "
                             f"not {show(value)}")
    if len(value) > 32:
        raise UserInputError(f"{where} has {len(value)} languages; at most 32 are allowed")
    for language, text in value.items():
        if not isinstance(language, str) or not _LANGUAGE_PATTERN.fullmatch(language):
            raise UserInputError(f"{where} has a key {show(language)} that is not a language code "
                                 f"like \"en\" or \"zh\"")
        check_text(text, f"{where}.{language}", max_chars=10_000)
    return value


def slugify(text: str) -> str:
    """A project name made from a title: "My first LSTM!" → "my-first-lstm"."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:MAX_NAME_LENGTH].strip("-")
    return slug or "project"


def copy_network(network: Network) -> Network:
    """An independent network with the same architecture, weights and memory initial values."""
    twin = Network.build(**network.config(), seed=0)
    twin.params = {key: np.array(value, copy=True) for key, value in network.params.items()}
    twin.memory = {key: np.array(value, copy=True) for key, value in network.memory.items()}
    return twin


def check_network(network: Any, where: str = "network") -> Network:
    """The limits of the file format, and weights and memory that match the architecture."""
    if not isinstance(network, Network):
        raise UserInputError(f"{where} must be a Network, not {type(network).__name__}")
    if network.dtype.name not in SUPPORTED_DTYPES:
        raise UserInputError(f"{where}.dtype must be float64 or float32, not {network.dtype.name}")
    if not 1 <= network.input_size <= MAX_INPUT_SIZE:
        raise UserInputError(f"{where}.input_size must be from 1 to {MAX_INPUT_SIZE}")
    if not 1 <= len(network.layers) <= MAX_LAYERS:
        raise UserInputError(f"{where} must have 1 to {MAX_LAYERS} layers, not {len(network.layers)}")
    for k, layer in enumerate(network.layers):
        if layer.cell.hidden_size > MAX_HIDDEN_SIZE:
            raise UserInputError(f"{where}.layers[{k}].hidden_size must be at most {MAX_HIDDEN_SIZE}")
    count = network.parameter_count()
    if count > MAX_PARAMETERS:
        raise UserInputError(f"{where} has {count} parameters; at most {MAX_PARAMETERS} are allowed")
    for label, values, shapes in (("weights", network.params, network.param_shapes()),
                                  ("memory", network.memory, network.memory_shapes())):
        if set(values) != set(shapes):
            missing = sorted(set(shapes) - set(values))
            extra = sorted(set(values) - set(shapes))
            raise UserInputError(f"{where} {label} do not match the architecture: "
                                 + (f"missing {', '.join(missing)}" if missing else "")
                                 + ("; " if missing and extra else "")
                                 + (f"unexpected {', '.join(map(str, extra))}" if extra else ""))
        for key, shape in shapes.items():
            if np.shape(values[key]) != tuple(shape):
                raise UserInputError(f"{where} {label} {key} has shape {np.shape(values[key])}, "
                                     f"not {tuple(shape)}")
    return network


@dataclass(kw_only=True)
class Project:
    """Everything a project file holds. Construct with keywords; invalid values raise UserInputError."""

    name: str
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    network: Network
    #: numeric inputs x^1 … x^T, (T, input_size) float64 — or ``text`` for scenes that feed words
    inputs: np.ndarray | None = None
    text: str | None = None
    #: a word encoding's spec (``Encoding.to_spec()``), for text scenes
    encoding: dict | None = None
    #: scene settings: views to show, suggested steps, expected numbers… plain JSON values only
    settings: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        if self.inputs is not None:
            try:
                self.inputs = np.array(self.inputs, dtype=np.float64)
            except (TypeError, ValueError, OverflowError):
                raise UserInputError("inputs must be a table of numbers (steps × features)") from None
        self.validate()

    def validate(self) -> None:
        """Raise UserInputError naming the field if the project cannot be saved as it is."""
        check_name(self.name)
        check_translations(self.title, "title")
        check_translations(self.description, "description")
        check_network(self.network)
        if self.inputs is not None and self.text is not None:
            raise UserInputError("a project has numeric inputs or a text, not both")
        if self.inputs is not None:
            inputs = self.inputs
            if not isinstance(inputs, np.ndarray) or inputs.ndim != 2:
                raise UserInputError(f"inputs must be a table of steps × features, not shape "
                                     f"{np.shape(inputs)}")
            if not 1 <= inputs.shape[0] <= MAX_STEPS:
                raise UserInputError(f"inputs must have 1 to {MAX_STEPS} steps, not {inputs.shape[0]}")
            if inputs.shape[1] != self.network.input_size:
                raise UserInputError(f"inputs have {inputs.shape[1]} features per step but the network "
                                     f"has {self.network.input_size} inputs")
        if self.text is not None:
            check_text(self.text, "inputs.text")
            words = len(self.text.split())
            if words > MAX_STEPS:
                raise UserInputError(f"inputs.text has {words} words; at most {MAX_STEPS} steps are allowed")
        if self.encoding is not None:
            if not isinstance(self.encoding, dict):
                raise UserInputError(f"encoding must be an object or null, not {show(self.encoding)}")
            check_plain(self.encoding, "encoding", max_items=10 * MAX_PLAIN_ITEMS)
        for label in ("settings", "metadata"):
            value = getattr(self, label)
            if not isinstance(value, dict):
                raise UserInputError(f"{label} must be an object {{…}}, not {show(value)}")
            check_plain(value, label)

    # -- convenience -------------------------------------------------------------------------------
    @property
    def steps(self) -> int:
        """How many steps the inputs have (words of the text), 0 without inputs."""
        if self.inputs is not None:
            return int(self.inputs.shape[0])
        if self.text is not None:
            return len(self.text.split())
        return 0

    def display_title(self, language: str = "en") -> str:
        return self.title.get(language) or self.title.get("en") or self.name

    def display_description(self, language: str = "en") -> str:
        return self.description.get(language) or self.description.get("en") or ""

    def copy(self) -> "Project":
        """A deep copy: editing the copy's weights, inputs or settings never touches this project."""
        return Project(
            name=self.name,
            title=dict(self.title),
            description=dict(self.description),
            network=copy_network(self.network),
            inputs=None if self.inputs is None else self.inputs.copy(),
            text=self.text,
            encoding=copy.deepcopy(self.encoding),
            settings=copy.deepcopy(self.settings),
            metadata=copy.deepcopy(self.metadata),
        )
