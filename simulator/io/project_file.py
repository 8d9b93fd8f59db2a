"""The project file: one versioned JSON document with the architecture, every weight and the inputs.

Format version 1 (fields in this order; only ``format``, ``version``, ``name``, ``network`` and
``weights`` are required when reading, everything is always written)::

    {"format": "rnn-simulator-project", "version": 1,
     "name": "toy-rnn", "title": {"en": …, "zh": …}, "description": {"en": …, "zh": …},
     "network": <Network.config()>,
     "weights": {"layers.0.W_x": {"shape": [2, 2], "data": [1.0, 1.0, 1.0, 1.0]}, …},
     "memory": {"layers.0.a": [0.0, 0.0], …},
     "inputs": {"kind": "numbers", "values": [[1.0, 1.0], …]} | {"kind": "text", "text": "…"} | null,
     "encoding": {…} | null, "settings": {…}, "metadata": {…}}

Numbers are written as Python's shortest round-trip decimals, so float64 weights read back
bit-identical; a float32 network's weights are written as the shortest decimal that reads back to the
same float32. A weight that is not finite (a network that exploded must still be savable) is written as
the string "NaN", "Infinity" or "-Infinity": bare NaN is not JSON. Output is deterministic — fixed key
order, one-space indentation, lists of plain numbers on one line, a final newline — so save → load →
save gives the same bytes.

Reading trusts nothing: every problem, from binary garbage to a weight matrix of the wrong shape,
raises :class:`ProjectFileError` with one line naming the file and the field. Sizes are checked before
anything is allocated, and nothing is ever evaluated or unpickled.
"""
from __future__ import annotations

import contextlib
import json
import math
import os
import stat
from itertools import chain
from typing import Any, Callable

import numpy as np

from simulator.engine import activations
from simulator.engine.cells import CELL_TYPES, make_cell
from simulator.engine.cells.jordan import OUTPUT_ACTIVATIONS
from simulator.engine.network import HEAD_ACTIVATIONS, Head, Layer, Network
from simulator.io.atomic import write_atomically
from simulator.errors import ProjectFileError, UserInputError
from simulator.model.project import (MAX_HIDDEN_SIZE, MAX_INPUT_SIZE, MAX_LAYERS, MAX_PARAMETERS,
                                     MAX_STEPS, SUPPORTED_DTYPES, Project, show)

FORMAT_NAME = "rnn-simulator-project"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024

FIELD_ORDER = ("format", "version", "name", "title", "description", "network", "weights", "memory",
               "inputs", "encoding", "settings", "metadata")
REQUIRED_FIELDS = ("format", "version", "name", "network", "weights")

_NON_FINITE_NAMES = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_MISSING = object()


class _FieldError(Exception):
    """A problem at one place in the document; turned into a ProjectFileError naming the file."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where} {problem}" if where else problem)


def _fail(where: str, problem: str):
    raise _FieldError(where, problem)


# == writing ==========================================================================================

def _encode_numbers(values: np.ndarray, dtype: np.dtype) -> list:
    """A flat list for JSON: Python floats, and "NaN"/"Infinity"/"-Infinity" where not finite."""
    flat = np.asarray(values, dtype=dtype).ravel()
    if dtype == np.float32:
        flat = _shortest_float32(flat)
    numbers = flat.tolist()
    for index in np.flatnonzero(~np.isfinite(flat)).tolist():
        value = numbers[index]
        numbers[index] = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return numbers


def _shortest_float32(flat: np.ndarray) -> np.ndarray:
    """float32 values as the float64 of their shortest decimal (0.1, not 0.10000000149011612).

    Reading that decimal as a float64 and rounding it to float32 rounds twice, which can in rare cases
    land on the neighbouring float32; there the exact float64 value is kept instead.
    """
    with np.errstate(all="ignore"):
        short = flat.astype(str).astype(np.float64)
        exact = flat.astype(np.float64)
        same = short.astype(np.float32) == flat
    return np.where(same, short, exact)


def _sorted_plain(value: Any) -> Any:
    """Plain JSON with every object's keys sorted, so equal settings always give the same bytes."""
    if isinstance(value, dict):
        return {key: _sorted_plain(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted_plain(item) for item in value]
    return value


def project_document(project: Project) -> dict[str, Any]:
    """The project as the plain JSON document that is written, fields in the format's order."""
    network = project.network
    dtype = network.dtype
    if project.inputs is not None:
        inputs = {"kind": "numbers",
                  "values": [_encode_numbers(row, np.dtype(np.float64)) for row in project.inputs]}
    elif project.text is not None:
        inputs = {"kind": "text", "text": project.text}
    else:
        inputs = None
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": project.name,
        "title": _sorted_plain(project.title),
        "description": _sorted_plain(project.description),
        "network": network.config(),
        "weights": {key: {"shape": list(shape), "data": _encode_numbers(network.params[key], dtype)}
                    for key, shape in network.param_shapes().items()},
        "memory": {key: _encode_numbers(network.memory[key], dtype) for key in network.memory_shapes()},
        "inputs": inputs,
        "encoding": _sorted_plain(project.encoding),
        "settings": _sorted_plain(project.settings),
        "metadata": _sorted_plain(project.metadata),
    }


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _write(value: Any, depth: int, out: list[str]) -> None:
    """JSON with one-space indentation, except that a list of scalars stays on one line (a weight
    matrix or an input row is one line of numbers, which keeps files short and diffs readable)."""
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + " " * (depth + 1)
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(("," if index else "") + inner + _scalar(key) + ": ")
            _write(item, depth + 1, out)
        out.append("\n" + " " * depth + "}")
    elif isinstance(value, list):
        if not any(isinstance(item, (dict, list)) for item in value):
            out.append("[" + ", ".join(_scalar(item) for item in value) + "]")
            return
        inner = "\n" + " " * (depth + 1)
        out.append("[")
        for index, item in enumerate(value):
            out.append(("," if index else "") + inner)
            _write(item, depth + 1, out)
        out.append("\n" + " " * depth + "]")
    else:
        out.append(_scalar(value))


def dumps_project(project: Project) -> str:
    """The project file's text. Deterministic: the same project always gives the same text."""
    project.validate()
    out: list[str] = []
    _write(project_document(project), 0, out)
    return "".join(out) + "\n"


def save_project(path: str | os.PathLike, project: Project) -> None:
    """Write atomically (see :mod:`simulator.io.atomic`): the old file survives any failure."""
    data = dumps_project(project).encode("utf-8")
    write_atomically(path, lambda stream: stream.write(data))


# == reading: JSON ====================================================================================

def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = {}
    for key, value in pairs:
        if key in result:
            _fail("", f"has the key {show(key)} twice in one object")
        result[key] = value
    return result


def _reject_constant(name: str):
    _fail("", f"contains a bare {name}, which is not JSON (a weight that is not a number is written "
              f"as the string \"NaN\", \"Infinity\" or \"-Infinity\")")


def _parse_json(text: str | bytes) -> Any:
    if isinstance(text, (bytes, bytearray)):
        if len(text) > MAX_FILE_BYTES:
            _fail("", "is larger than 64 MB, the most a project file may be")
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            _fail("", f"is not UTF-8 text (byte 0x{error.object[error.start]:02x} at offset "
                      f"{error.start}); a project file is JSON text")
    if not isinstance(text, str):
        _fail("", f"must be JSON text, not {type(text).__name__}")
    if len(text) > MAX_FILE_BYTES:
        _fail("", "is larger than 64 MB, the most a project file may be")
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some Windows editors write
    if not text.strip():
        _fail("", "is empty")
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        # An unterminated string that runs to the end is a cut-off file too: strings in a project
        # file never span lines (JSON escapes newlines).
        if error.pos >= len(text.rstrip()) or (error.msg.startswith("Unterminated string")
                                               and "\n" not in text[error.pos:]):
            _fail("", f"ends before its JSON is complete ({where}); the file looks truncated")
        _fail("", f"is not valid JSON: {error.msg} at {where}")
    except RecursionError:
        _fail("", "is nested too deeply to be a project file")
    except ValueError:  # Python refuses integers of more than 4300 digits
        _fail("", "contains a number with too many digits")


# == reading: fields ==================================================================================

def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        _fail(where, f"must be an object {{…}}, not {show(value)}")
    return value


def _fields(value: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
    obj = _object(value, where)
    for key in required:
        if key not in obj:
            _fail(f"{where}.{key}" if where else key, "is missing")
    for key in obj:
        if key not in required and key not in optional:
            _fail(where or "the project", f"has an unexpected field {show(key)}")
    return obj


def _whole(value: Any, where: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:  # type() so that true/false are refused
        _fail(where, f"must be a whole number from {low} to {high}, not {show(value)}")
    return value


def _number(value: Any, where: str, low: float = -1e6, high: float = 1e6) -> float:
    if type(value) not in (int, float) or not low <= value <= high:  # NaN fails the comparison too
        _fail(where, f"must be a number from {low:g} to {high:g}, not {show(value)}")
    return float(value)


def _boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        _fail(where, f"must be true or false, not {show(value)}")
    return value


def _one_of(names: tuple[str, ...]) -> Callable[[Any, str], str]:
    def check(value: Any, where: str) -> str:
        if not isinstance(value, str) or value not in names:
            _fail(where, f"must be one of {', '.join(names)}, not {show(value)}")
        return value
    return check


def _units(value: Any, where: str) -> int:
    return _whole(value, where, 1, MAX_HIDDEN_SIZE)


def _periods(value: Any, where: str) -> list[int]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_HIDDEN_SIZE:
        _fail(where, f"must be a list of 1 to {MAX_HIDDEN_SIZE} clock periods, not {show(value)}")
    return [_whole(period, f"{where}[{index}]", 1, 1_000_000) for index, period in enumerate(value)]


_ACTIVATION = _one_of(activations.NAMES)
#: Every option each cell kind takes in a project file, with its check (the cell checks the rest).
LAYER_OPTIONS: dict[str, dict[str, Callable[[Any, str], Any]]] = {
    "elman": {"activation": _ACTIVATION},
    "irnn": {"activation": _ACTIVATION, "identity_scale": _number},
    "feedforward": {"activation": _ACTIVATION},
    "jordan": {"activation": _ACTIVATION, "output_size": _units,
               "output_activation": _one_of(OUTPUT_ACTIVATIONS)},
    "lstm": {"gate": _ACTIVATION, "g": _ACTIVATION, "h": _ACTIVATION, "recurrence": _boolean,
             "peephole": _boolean, "forget_bias": _number},
    "gru": {"activation": _ACTIVATION},
    "clockwork": {"activation": _ACTIVATION, "periods": _periods},
    "scrn": {"activation": _ACTIVATION, "context_size": _units, "alpha": _number},
}
_LAYER_FIELDS = ("kind", "hidden_size", "bidirectional")


def _read_layer(spec: Any, where: str, input_size: int) -> Layer:
    spec = _object(spec, where)
    kind = spec.get("kind", _MISSING)
    if kind is _MISSING:
        _fail(f"{where}.kind", "is missing")
    if not isinstance(kind, str) or kind not in LAYER_OPTIONS:
        _fail(f"{where}.kind", f"is {show(kind)}, not a cell type; choose one of "
                               f"{', '.join(CELL_TYPES)}")
    if "hidden_size" not in spec:
        _fail(f"{where}.hidden_size", "is missing")
    hidden = _units(spec["hidden_size"], f"{where}.hidden_size")
    bidirectional = _boolean(spec.get("bidirectional", False), f"{where}.bidirectional")
    schema = LAYER_OPTIONS[kind]
    options = {}
    for key, value in spec.items():
        if key in _LAYER_FIELDS:
            continue
        if key not in schema:
            _fail(where, f"has an unknown option {show(key)} (the options of the {kind} cell are "
                         f"{', '.join(schema)})")
        options[key] = schema[key](value, f"{where}.{key}")
    try:
        cell = make_cell(kind, input_size, hidden, **options)
        reverse = make_cell(kind, input_size, hidden, **options) if bidirectional else None
    except (ValueError, TypeError) as error:
        _fail(where, f"is not a valid {kind} cell: {error}")
    return Layer(cell, reverse)


def _read_head(spec: Any, input_size: int) -> Head:
    where = "network.head"
    spec = _fields(spec, where, ("activation",), ("output_size", "use_bias"))
    activation = _one_of(HEAD_ACTIVATIONS)(spec["activation"], f"{where}.activation")
    use_bias = _boolean(spec.get("use_bias", True), f"{where}.use_bias")
    if activation == "identity":
        output_size = spec.get("output_size", input_size)
        if output_size != input_size or type(output_size) is not int:
            _fail(f"{where}.output_size", f"must be {input_size} (the size of the last layer) for an "
                                          f"identity head, not {show(output_size)}")
    else:
        if "output_size" not in spec:
            _fail(f"{where}.output_size", "is missing")
        output_size = _whole(spec["output_size"], f"{where}.output_size", 1, MAX_INPUT_SIZE)
    return Head(input_size, output_size, activation, use_bias)


def _read_network(spec: Any) -> Network:
    spec = _fields(spec, "network", ("input_size", "layers", "head"), ("dtype",))
    input_size = _whole(spec["input_size"], "network.input_size", 1, MAX_INPUT_SIZE)
    dtype = _one_of(SUPPORTED_DTYPES)(spec.get("dtype", "float64"), "network.dtype")
    layer_specs = spec["layers"]
    if not isinstance(layer_specs, list) or not 1 <= len(layer_specs) <= MAX_LAYERS:
        _fail("network.layers", f"must be a list of 1 to {MAX_LAYERS} layers, not {show(layer_specs)}")
    layers, size = [], input_size
    for k, layer_spec in enumerate(layer_specs):
        layer = _read_layer(layer_spec, f"network.layers[{k}]", size)
        layers.append(layer)
        size = layer.output_size
    head = _read_head(spec["head"], size)
    # Count before building: the network allocates its weights as soon as it exists.
    shapes = [shape for layer in layers for _, cell in layer.directions()
              for shape in cell.param_shapes().values()] + list(head.param_shapes().values())
    count = sum(math.prod(shape) for shape in shapes)
    if count > MAX_PARAMETERS:
        _fail("network", f"has {count} parameters; at most {MAX_PARAMETERS} are allowed")
    return Network(input_size, layers, head, np.dtype(dtype))


def _decode_numbers(values: list, locate: Callable[[int], str], dtype: np.dtype) -> np.ndarray:
    """JSON numbers, or the strings "NaN", "Infinity" and "-Infinity", as a flat array of ``dtype``."""
    array = None
    if all(type(value) is float or type(value) is int for value in values):
        with contextlib.suppress(OverflowError):  # a huge integer: found and named below
            array = np.array(values, dtype=np.float64)
    if array is None or not np.isfinite(array).all():
        array = np.empty(len(values), dtype=np.float64)
        for index, value in enumerate(values):
            if type(value) is float or type(value) is int:
                try:
                    number = float(value)
                except OverflowError:
                    number = math.inf
                if not math.isfinite(number):  # 1e400 reads as inf: say so rather than guess
                    _fail(locate(index), "is too large a number (an infinite weight is written "
                                         "\"Infinity\")")
            elif isinstance(value, str) and value in _NON_FINITE_NAMES:
                number = _NON_FINITE_NAMES[value]
            else:
                _fail(locate(index), f"must be a number (or \"NaN\", \"Infinity\", \"-Infinity\"), "
                                     f"not {show(value)}")
            array[index] = number
    if dtype == np.float64:
        return array
    with np.errstate(all="ignore"):
        narrowed = array.astype(dtype)
    overflow = np.flatnonzero(np.isfinite(array) & ~np.isfinite(narrowed))
    if overflow.size:
        _fail(locate(int(overflow[0])), f"is too large for a {dtype.name} network")
    return narrowed


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _shape_text(shape) -> str:
    return "[" + ", ".join(str(n) for n in shape) + "]"


def _read_weights(spec: Any, shapes: dict[str, tuple[int, ...]], dtype: np.dtype) -> dict:
    spec = _object(spec, "weights")
    missing = [key for key in shapes if key not in spec]
    if missing:
        _fail("weights", f"is missing {', '.join(missing[:6])}{' …' if len(missing) > 6 else ''} "
                         f"(this network has {len(shapes)} weight arrays)")
    for key in spec:
        if key not in shapes:
            _fail("weights", f"has an entry {show(key)} that this network does not have; it has "
                             f"{', '.join(list(shapes)[:8])}{' …' if len(shapes) > 8 else ''}")
    arrays = {}
    for key, shape in shapes.items():
        where = f"weights[\"{key}\"]"
        entry = _fields(spec[key], where, ("shape", "data"))
        declared = entry["shape"]
        if (not isinstance(declared, list) or len(declared) > 8
                or not all(type(n) is int for n in declared)):
            _fail(f"{where}.shape", f"must be a list of whole numbers like {_shape_text(shape)}, "
                                    f"not {show(declared)}")
        if tuple(declared) != tuple(shape):
            _fail(f"{where}.shape", f"is {_shape_text(declared)} but this network needs "
                                    f"{_shape_text(shape)}")
        data = entry["data"]
        if not isinstance(data, list):
            _fail(f"{where}.data", f"must be a list of numbers, not {show(data)}")
        needed = math.prod(shape)
        if len(data) != needed:
            _fail(f"{where}.data", f"has {_count(len(data), 'number')} but the shape {_shape_text(shape)} "
                                   f"needs {needed}")
        arrays[key] = _decode_numbers(data, lambda i: f"{where}.data[{i}]", dtype).reshape(shape)
    return arrays


def _read_memory(spec: Any, shapes: dict[str, tuple[int]], dtype: np.dtype) -> dict:
    spec = _object(spec, "memory")
    for key in shapes:
        if key not in spec:
            _fail("memory", f"is missing {key}")
    for key in spec:
        if key not in shapes:
            _fail("memory", f"has an entry {show(key)} that this network does not have; it has "
                            f"{', '.join(list(shapes)[:8])}{' …' if len(shapes) > 8 else ''}")
    values = {}
    for key, (size,) in shapes.items():
        where = f"memory[\"{key}\"]"
        data = spec[key]
        if not isinstance(data, list) or len(data) != size:
            _fail(where, f"must be a list of {size} numbers, not {show(data)}")
        values[key] = _decode_numbers(data, lambda i: f"{where}[{i}]", dtype)
    return values


def _read_inputs(spec: Any, input_size: int) -> tuple[np.ndarray | None, str | None]:
    if spec is None:
        return None, None
    kind = _object(spec, "inputs").get("kind", _MISSING)
    if kind == "numbers":
        rows = _fields(spec, "inputs", ("kind", "values"))["values"]
        if not isinstance(rows, list) or not 1 <= len(rows) <= MAX_STEPS:
            _fail("inputs.values", f"must be a list of 1 to {MAX_STEPS} steps, not {show(rows)}")
        for t, row in enumerate(rows):
            if not isinstance(row, list):
                _fail(f"inputs.values[{t}]", f"must be a list of {input_size} numbers, not {show(row)}")
            if len(row) != input_size:
                _fail(f"inputs.values[{t}]", f"has {_count(len(row), 'number')} but the network has "
                                             f"{_count(input_size, 'input')}")
        flat = _decode_numbers(list(chain.from_iterable(rows)),
                               lambda i: f"inputs.values[{i // input_size}][{i % input_size}]",
                               np.dtype(np.float64))
        return flat.reshape(len(rows), input_size), None
    if kind == "text":
        text = _fields(spec, "inputs", ("kind", "text"))["text"]
        if not isinstance(text, str):
            _fail("inputs.text", f"must be text, not {show(text)}")
        return None, text
    if kind is _MISSING:
        _fail("inputs.kind", "is missing")
    _fail("inputs.kind", f"must be \"numbers\" or \"text\", not {show(kind)}")


def _read_encoding(spec: Any, input_size: int) -> dict | None:
    if spec is None:
        return None
    _object(spec, "encoding")
    try:
        from simulator.engine.encoding import encoding_from_spec
    except ImportError:  # the encodings are optional to this reader; the spec is still kept as is
        return spec
    try:
        encoding = encoding_from_spec(spec)
    except (ValueError, TypeError, KeyError) as error:  # UserInputError is a ValueError
        _fail("encoding", f"is not a valid encoding: {error}")
    if encoding.size != input_size:
        _fail("encoding", f"turns each word into {encoding.size} numbers but the network has "
                          f"{input_size} inputs")
    return spec


def _project_from_document(document: Any) -> Project:
    if not isinstance(document, dict):
        kind = {list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
            type(document), "a number")
        _fail("", f"must hold a JSON object {{…}} at the top level, not {kind}")
    file_format = document.get("format", _MISSING)
    if file_format != FORMAT_NAME:
        detail = ("it has no \"format\" field" if file_format is _MISSING
                  else f"its \"format\" is {show(file_format)}, not \"{FORMAT_NAME}\"")
        _fail("", f"is not an RNN Simulator project file ({detail})")
    version = document.get("version", _MISSING)
    if version is _MISSING:
        _fail("version", "is missing")
    if type(version) is not int or version < 1:
        _fail("version", f"must be a whole number (this version of RNN Simulator writes "
                         f"{FORMAT_VERSION}), not {show(version)}")
    if version > FORMAT_VERSION:
        _fail("", f"was written by a newer RNN Simulator (format version {show(version)}); this "
                  f"version reads version {FORMAT_VERSION}")
    _fields(document, "", REQUIRED_FIELDS, FIELD_ORDER)

    network = _read_network(document["network"])
    network.params = _read_weights(document["weights"], network.param_shapes(), network.dtype)
    if "memory" in document:
        network.memory = _read_memory(document["memory"], network.memory_shapes(), network.dtype)
    inputs, text = _read_inputs(document.get("inputs"), network.input_size)
    encoding = _read_encoding(document.get("encoding"), network.input_size)
    # Name, titles, settings and metadata are checked by the Project itself (one rule for both the
    # file and the app); its UserInputError names the field and gets the file name added.
    return Project(name=document["name"], title=document.get("title", {}),
                   description=document.get("description", {}), network=network, inputs=inputs,
                   text=text, encoding=encoding, settings=document.get("settings", {}),
                   metadata=document.get("metadata", {}))


# == reading: entry points ============================================================================

def loads_project(text: str | bytes, source: str = "<project>") -> Project:
    """Read a project from its JSON text. Any problem raises ProjectFileError naming ``source``."""
    try:
        return _project_from_document(_parse_json(text))
    except _FieldError as error:
        raise ProjectFileError(f"{source}: {error}") from None
    except UserInputError as error:
        raise ProjectFileError(f"{source}: {error}") from None
    except RecursionError:
        raise ProjectFileError(f"{source}: is nested too deeply to be a project file") from None
    except MemoryError:
        raise ProjectFileError(f"{source}: is too large to load") from None


def load_project(path: str | os.PathLike) -> Project:
    source = str(path)
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise ProjectFileError(f"{source}: cannot be read: it is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device could block or never end
            raise ProjectFileError(f"{source}: cannot be read: it is not a regular file")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise ProjectFileError(f"{source}: is {size / 2 ** 20:.0f} MB; a project file may be at "
                                   f"most 64 MB")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except OSError as error:
        raise ProjectFileError(f"{source}: cannot be read: {error.strerror or error}") from None
    return loads_project(raw, source)


def summarize_project(project: Project) -> list[str]:
    """A few lines describing a project, for the command line's ``validate``."""
    network = project.network
    layers = []
    for layer in network.layers:
        cell = layer.cell
        units = f"{cell.hidden_size} unit{'s' if cell.hidden_size != 1 else ''}"
        layers.append(f"{cell.kind} {cell.input_size}→{units}"
                      + (" bidirectional" if layer.bidirectional else ""))
    count = len(network.layers)
    head = network.head
    head_text = ("no output layer" if head.activation == "identity"
                 else f"{head.activation} output {head.output_size}")
    if project.inputs is not None:
        inputs_text = f"{project.steps} input step{'s' if project.steps != 1 else ''}"
    elif project.text is not None:
        inputs_text = f"text of {project.steps} word{'s' if project.steps != 1 else ''}"
    else:
        inputs_text = "no inputs"
    parameters = network.parameter_count()
    lines = [f"{project.name}: {', '.join(layers)}, {count} layer{'s' if count != 1 else ''}, "
             f"{head_text}, {parameters} parameter{'s' if parameters != 1 else ''}, {inputs_text}"]
    not_finite = sum(int(np.size(v) - np.count_nonzero(np.isfinite(v))) for v in network.params.values())
    lines.append(f"format version {FORMAT_VERSION}, {network.dtype.name} weights, "
                 + ("all finite" if not not_finite else f"{not_finite} not finite (NaN or infinite)"))
    titles = [f"{text} ({language})" for language, text in sorted(project.title.items())]
    if titles:
        lines.append("title: " + " · ".join(titles))
    return lines


def validate_project_file(path: str | os.PathLike) -> list[str]:
    """Read and check a project file; return summary lines, or raise ProjectFileError."""
    return summarize_project(load_project(path))
