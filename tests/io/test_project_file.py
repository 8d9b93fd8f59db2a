"""The project file: exact round trips, atomic saves, and a clear one-line error for every bad file."""
import json
import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.engine.cells import CELL_TYPES, make_cell
from simulator.engine.network import Network
from simulator.errors import ProjectFileError, UserInputError
from simulator.io import project_file
from simulator.io.project_file import (LAYER_OPTIONS, dumps_project, load_project, loads_project,
                                       save_project, validate_project_file)
from simulator.model.project import Project
from simulator.model.scenes import list_scenes, load_scene

SCENES = [scene.name for scene in list_scenes()]

# One network per cell kind and option set, plus the wrappers (bidirectional, stacked).
NETWORKS = [
    ([{"kind": "elman", "hidden_size": 3, "activation": "tanh"}], {"output_size": 2, "activation": "softmax"}),
    ([{"kind": "irnn", "hidden_size": 3, "identity_scale": 0.5}], {"output_size": 1, "activation": "linear",
                                                                   "use_bias": False}),
    ([{"kind": "jordan", "hidden_size": 3, "output_size": 2, "output_activation": "softmax"}],
     {"activation": "identity"}),
    ([{"kind": "lstm", "hidden_size": 2}], {"output_size": 2, "activation": "sigmoid"}),
    ([{"kind": "lstm", "hidden_size": 2, "peephole": True, "recurrence": False, "g": "linear",
       "forget_bias": 1.5}], {"activation": "identity"}),
    ([{"kind": "gru", "hidden_size": 3, "bidirectional": True}], {"output_size": 2, "activation": "tanh"}),
    ([{"kind": "clockwork", "hidden_size": 5, "periods": [1, 3, 9]}], {"output_size": 2, "activation": "relu"}),
    ([{"kind": "scrn", "hidden_size": 3, "context_size": 2, "alpha": 0.9}], {"output_size": 2,
                                                                            "activation": "linear"}),
    ([{"kind": "feedforward", "hidden_size": 2, "activation": "relu"}], {"output_size": 3, "activation": "softmax"}),
    ([{"kind": "lstm", "hidden_size": 2, "bidirectional": True}, {"kind": "elman", "hidden_size": 3},
      {"kind": "gru", "hidden_size": 2}], {"output_size": 2, "activation": "softmax"}),
]

EXTREMES64 = [np.nan, np.inf, -np.inf, -0.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
              -1.7976931348623157e308, 0.1, 1 / 3, 1e-300, 123456789.123456789]
EXTREMES32 = [np.nan, np.inf, -np.inf, -0.0, 1e-45, 1.1754944e-38, 3.4028235e38, -3.4028235e38, 0.1,
              1 / 3, 16777217.0, 1e-30]


def random_project(layers, head, dtype, seed, name="random"):
    """A network with random weights spanning many magnitudes, some non-finite, and random inputs."""
    rng = np.random.default_rng(seed)
    net = Network.build(4, layers, head=head, dtype=dtype, seed=seed)
    extremes = EXTREMES64 if dtype == "float64" else EXTREMES32
    params = {}
    for index, (key, shape) in enumerate(net.param_shapes().items()):
        magnitude = 10.0 ** rng.uniform(-30, 30, size=shape)
        value = rng.standard_normal(shape) * magnitude
        value.flat[0] = extremes[index % len(extremes)]
        params[key] = value
    with np.errstate(all="ignore"):
        net.set_params(params)
        net.memory = {key: rng.standard_normal(shape).astype(dtype) for key, shape in net.memory_shapes().items()}
    return Project(name=name, title={"en": "Random", "zh": "随机"}, network=net,
                   inputs=rng.standard_normal((5, 4)) * 10.0 ** rng.uniform(-5, 5, size=(5, 4)),
                   settings={"order": 3, "nested": {"b": [1, 2.5, None, True, "x"], "a": {}}},
                   metadata={"author": "test", "unicode": "记忆 ✓"})


def assert_same_numbers(a, b):
    assert a.dtype == b.dtype and a.shape == b.shape
    np.testing.assert_array_equal(a, b)
    # bit for bit where a number is a number (−0.0 included); every NaN reads back as the one NaN
    bits = np.uint64 if a.dtype == np.float64 else np.uint32
    numbers = ~np.isnan(a)
    np.testing.assert_array_equal(a[numbers].view(bits), b[numbers].view(bits))


def assert_same_project(a: Project, b: Project):
    assert (a.name, a.title, a.description, a.text, a.encoding) == (b.name, b.title, b.description, b.text,
                                                                     b.encoding)
    assert (a.settings, a.metadata) == (b.settings, b.metadata)
    assert a.network.config() == b.network.config()
    assert list(a.network.params) == list(b.network.params)
    for key in a.network.params:
        assert_same_numbers(a.network.params[key], b.network.params[key])
    for key in a.network.memory:
        assert_same_numbers(a.network.memory[key], b.network.memory[key])
    if a.inputs is None:
        assert b.inputs is None
    else:
        assert_same_numbers(a.inputs, b.inputs)


# == round trips ======================================================================================

@pytest.mark.parametrize("scene", SCENES)
def test_scene_files_are_exactly_what_the_writer_writes(scene, tmp_path):
    project = load_scene(scene)
    on_disk = next(s.path for s in list_scenes() if s.name == scene).read_bytes()
    assert dumps_project(project).encode("utf-8") == on_disk
    save_project(tmp_path / "copy.json", project)
    again = load_project(tmp_path / "copy.json")
    assert_same_project(project, again)
    save_project(tmp_path / "copy2.json", again)
    assert (tmp_path / "copy2.json").read_bytes() == on_disk


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("layers,head", NETWORKS, ids=lambda v: "-".join(
    layer["kind"] for layer in v) if isinstance(v, list) else v.get("activation"))
def test_random_networks_round_trip_bit_for_bit(layers, head, dtype, tmp_path):
    project = random_project(layers, head, dtype, seed=len(layers) * 7 + len(str(head)))
    assert not all(np.isfinite(v).all() for v in project.network.params.values())  # NaN/inf present
    path = tmp_path / "random.json"
    save_project(path, project)
    first = path.read_bytes()
    loaded = load_project(path)
    assert_same_project(project, loaded)
    assert loaded.network.dtype == np.dtype(dtype)
    save_project(path, loaded)
    assert path.read_bytes() == first
    text = first.decode("utf-8")
    json.loads(text, parse_constant=lambda name: pytest.fail(f"bare {name} written"))
    assert text.endswith("}\n") and "记忆 ✓" in text  # ensure_ascii=False
    # the same outputs from the loaded network
    with np.errstate(all="ignore"):
        a = project.network.forward(project.inputs).outputs
        b = loaded.network.forward(loaded.inputs).outputs
    np.testing.assert_array_equal(a, b)


def test_float32_weights_are_written_as_their_shortest_decimal():
    project = random_project(*NETWORKS[0], "float32", seed=1)
    project.network.params["head.b"][:] = np.float32(0.1)
    text = dumps_project(project)
    data = json.loads(text)["weights"]["head.b"]["data"]
    assert data == [0.1, 0.1]
    assert loads_project(text).network.params["head.b"][0] == np.float32(0.1)


def test_dumps_is_deterministic_regardless_of_dict_order():
    a = load_scene("toy-rnn")
    b = a.copy()
    b.settings = dict(reversed(list(a.settings.items())))
    b.title = {"zh": a.title["zh"], "en": a.title["en"]}
    assert dumps_project(a) == dumps_project(b)


def test_numeric_format_of_the_document():
    document = json.loads(dumps_project(load_scene("toy-rnn")))
    assert list(document) == list(project_file.FIELD_ORDER)
    assert document["format"] == "rnn-simulator-project" and document["version"] == 1
    assert document["weights"]["layers.0.W_x"] == {"shape": [2, 2], "data": [1.0, 1.0, 1.0, 1.0]}
    assert document["memory"] == {"layers.0.a": [0.0, 0.0]}
    assert document["inputs"] == {"kind": "numbers", "values": [[1, 1], [1, 1], [2, 2]]}
    assert document["network"] == load_scene("toy-rnn").network.config()


def test_non_finite_weights_are_written_as_strings():
    project = load_scene("toy-rnn")
    project.network.params["layers.0.W_a"][:] = [[np.nan, np.inf], [-np.inf, 1.0]]
    document = json.loads(dumps_project(project))
    assert document["weights"]["layers.0.W_a"]["data"] == ["NaN", "Infinity", "-Infinity", 1.0]
    loaded = loads_project(dumps_project(project))
    assert_same_numbers(project.network.params["layers.0.W_a"], loaded.network.params["layers.0.W_a"])


def test_text_project_with_an_encoding_round_trips():
    encoding_module = pytest.importorskip("simulator.engine.encoding")
    encoding = encoding_module.OneHotEncoding(["arrive", "leave", "taipei", "on", "november", "2nd"])
    net = Network.build(encoding.size, [{"kind": "elman", "hidden_size": 3}],
                        head={"output_size": 3, "activation": "softmax"})
    project = Project(name="slots", network=net, text="arrive Taipei on November 2nd",
                      encoding=encoding.to_spec(), settings={"labels": ["other", "dest", "time"]})
    text = dumps_project(project)
    assert json.loads(text)["inputs"] == {"kind": "text", "text": "arrive Taipei on November 2nd"}
    loaded = loads_project(text)
    assert_same_project(project, loaded)
    assert loaded.steps == 5
    assert encoding_module.encoding_from_spec(loaded.encoding) == encoding
    assert dumps_project(loaded) == text


def test_a_project_without_inputs_round_trips():
    project = Project(name="empty", network=Network.build(2, [{"kind": "gru", "hidden_size": 2}]))
    loaded = loads_project(dumps_project(project))
    assert loaded.inputs is None and loaded.text is None and loaded.steps == 0
    assert_same_project(project, loaded)


def test_optional_fields_may_be_left_out_by_hand():
    document = json.loads(dumps_project(load_scene("toy-rnn")))
    for field in ("title", "description", "memory", "inputs", "encoding", "settings", "metadata"):
        del document[field]
    del document["network"]["layers"][0]["bidirectional"]
    del document["network"]["dtype"]
    loaded = loads_project(json.dumps(document))
    assert loaded.inputs is None and loaded.settings == {} and loaded.title == {}
    np.testing.assert_array_equal(loaded.network.memory["layers.0.a"], [0.0, 0.0])
    np.testing.assert_array_equal(loaded.network.params["head.W"], np.ones((2, 2)))


def test_project_copy_is_independent():
    project = load_scene("toy-rnn")
    twin = project.copy()
    assert_same_project(project, twin)
    twin.network.params["layers.0.W_x"][0, 0] = 7.0
    twin.network.memory["layers.0.a"][0] = 3.0
    twin.inputs[0, 0] = 9.0
    twin.settings["expected"]["outputs"][0][0] = -1
    assert project.network.params["layers.0.W_x"][0, 0] == 1.0
    assert project.network.memory["layers.0.a"][0] == 0.0
    assert project.inputs[0, 0] == 1.0
    assert project.settings["expected"]["outputs"][0][0] == 4


def test_file_schema_covers_every_option_of_every_cell():
    assert set(LAYER_OPTIONS) == set(CELL_TYPES)
    for kind in CELL_TYPES:
        assert set(make_cell(kind, 2, 4).options()) == set(LAYER_OPTIONS[kind]), kind


def test_validate_summarises_the_file():
    path = next(s.path for s in list_scenes() if s.name == "toy-rnn")
    lines = validate_project_file(path)
    assert lines[0] == ("toy-rnn: elman 2→2 units, 1 layer, linear output 2, 14 parameters, "
                        "3 input steps")
    assert lines[1] == "format version 1, float64 weights, all finite"
    assert all("\n" not in line for line in lines)


def test_validate_counts_non_finite_weights(tmp_path):
    project = load_scene("lstm-lecture")
    project.network.params["layers.0.b"][:2] = np.nan
    save_project(tmp_path / "nan.json", project)
    lines = validate_project_file(tmp_path / "nan.json")
    assert lines[0].startswith("lstm-lecture: lstm 3→1 unit, 1 layer, no output layer, 16 parameters")
    assert lines[1] == "format version 1, float64 weights, 2 not finite (NaN or infinite)"


# == the project model's own checks ====================================================================

@pytest.mark.parametrize("change,field", [
    (lambda p: setattr(p, "name", "Not A Slug"), "name"),
    (lambda p: setattr(p, "settings", {"x": np.zeros(2)}), "settings.x"),
    (lambda p: setattr(p, "settings", {"x": math.nan}), "settings.x"),
    (lambda p: setattr(p, "metadata", {"a": {"b": [object()]}}), "metadata.a.b[0]"),
    (lambda p: setattr(p, "title", {"english": "x"}), "title"),
    (lambda p: setattr(p, "inputs", np.zeros((3, 5))), "inputs"),
    (lambda p: setattr(p, "text", "both inputs and text"), "not both"),
    (lambda p: p.network.params.pop("head.W"), "missing head.W"),
])
def test_an_unsavable_project_is_refused_naming_the_field(change, field):
    project = load_scene("toy-rnn")
    change(project)
    with pytest.raises(UserInputError) as info:
        dumps_project(project)
    assert field in str(info.value)


# == atomic saves =====================================================================================

def test_failed_replace_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "project.json"
    save_project(path, load_scene("toy-rnn"))
    before = path.read_bytes()

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project_file.os, "replace", broken_replace)
    with pytest.raises(ProjectFileError) as info:
        save_project(path, load_scene("w999"))
    assert "No space left on device" in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["project.json"]


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "project.json"
    save_project(path, load_scene("toy-rnn"))
    before = path.read_bytes()

    def broken_fsync(descriptor):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(project_file.os, "fsync", broken_fsync)
    with pytest.raises(ProjectFileError):
        save_project(path, load_scene("lstm-lecture"))
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["project.json"]


def test_an_invalid_project_never_touches_the_file(tmp_path):
    path = tmp_path / "project.json"
    save_project(path, load_scene("toy-rnn"))
    before = path.read_bytes()
    project = load_scene("toy-rnn")
    project.settings["bad"] = {1, 2}
    with pytest.raises(UserInputError):
        save_project(path, project)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["project.json"]


def test_saving_into_a_missing_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(ProjectFileError) as info:
        save_project(tmp_path / "nowhere" / "p.json", load_scene("toy-rnn"))
    assert "could not be saved" in str(info.value)


# == bad files ========================================================================================

TOY = dumps_project(load_scene("toy-rnn"))


def edited(change) -> str:
    document = json.loads(TOY)
    change(document)
    return json.dumps(document, ensure_ascii=False)


def layer0(document):
    return document["network"]["layers"][0]


def _set(mapping, key, value):
    mapping[key] = value


BAD_FILES = {
    "empty": ("", "is empty"),
    "whitespace": ("  \n\t ", "is empty"),
    "binary-garbage": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8"),
    "latin-1": ('{"name": "caf\xe9"}'.encode("latin-1"), "not UTF-8"),
    "not-json": ("rnn simulator project", "not valid JSON"),
    "bad-comma": ('{\n "format": "rnn-simulator-project",\n "version": 1,,\n}', "line 3 column"),
    "top-level-array": ("[1, 2, 3]", "JSON object {…} at the top level, not a list"),
    "top-level-string": ('"hello"', "at the top level, not a string"),
    "top-level-number": ("42", "at the top level, not a number"),
    "nan-literal": (TOY.replace('"data": [1.0, 1.0, 1.0, 1.0]', '"data": [NaN, 1.0, 1.0, 1.0]', 1), "NaN"),
    "infinity-literal": (TOY.replace('"data": [0.0, 0.0]', '"data": [Infinity, 0.0]', 1), "Infinity"),
    "nesting-100000": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "nesting-in-settings": (TOY.replace('"settings": {', '"settings": {"deep": ' + "[" * 100_000
                                        + "]" * 100_000 + ",", 1), "nested too deeply"),
    "nesting-objects": ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
    "huge-integer": (TOY.replace('"hidden_size": 2', '"hidden_size": ' + "9" * 5000, 1), "too many digits"),
    "duplicate-key": (TOY.replace('"name": "toy-rnn",', '"name": "toy-rnn", "name": "x",', 1), "twice"),
    "no-format": (edited(lambda d: d.pop("format")), 'no "format" field'),
    "wrong-format": (edited(lambda d: _set(d, "format", "keras")), "not an RNN Simulator project"),
    "newer-version": (edited(lambda d: _set(d, "version", 2)),
                      "was written by a newer RNN Simulator (format version 2); this version reads version 1"),
    "version-string": (edited(lambda d: _set(d, "version", "1")), "version must be a whole number"),
    "version-zero": (edited(lambda d: _set(d, "version", 0)), "version must be"),
    "version-missing": (edited(lambda d: d.pop("version")), "version is missing"),
    "extra-field": (edited(lambda d: _set(d, "__proto__", {"polluted": True})),
                    "unexpected field '__proto__'"),
    "missing-network": (edited(lambda d: d.pop("network")), "network is missing"),
    "missing-weights": (edited(lambda d: d.pop("weights")), "weights is missing"),
    "name-path": (edited(lambda d: _set(d, "name", "../../etc/passwd")), "name must be"),
    "name-number": (edited(lambda d: _set(d, "name", 7)), "name must be"),
    "title-list": (edited(lambda d: _set(d, "title", ["x"])), "title must be"),
    "title-surrogate": (TOY.replace('"en": "Toy RNN', '"en": "\\ud800 Toy RNN', 1), "title.en"),
    "network-list": (edited(lambda d: _set(d, "network", [])), "network must be an object"),
    "hidden-too-big": (edited(lambda d: _set(layer0(d), "hidden_size", 5000)),
                       "network.layers[0].hidden_size must be a whole number from 1 to 1024"),
    "hidden-zero": (edited(lambda d: _set(layer0(d), "hidden_size", 0)), "network.layers[0].hidden_size"),
    "hidden-string": (edited(lambda d: _set(layer0(d), "hidden_size", "2")), "network.layers[0].hidden_size"),
    "hidden-bool": (edited(lambda d: _set(layer0(d), "hidden_size", True)), "network.layers[0].hidden_size"),
    "hidden-float": (edited(lambda d: _set(layer0(d), "hidden_size", 2.5)), "network.layers[0].hidden_size"),
    "hidden-missing": (edited(lambda d: layer0(d).pop("hidden_size")), "network.layers[0].hidden_size is missing"),
    "input-size-huge": (edited(lambda d: _set(d["network"], "input_size", 70_000)), "network.input_size"),
    "too-many-layers": (edited(lambda d: _set(d["network"], "layers", [layer0(d)] * 17)), "network.layers"),
    "no-layers": (edited(lambda d: _set(d["network"], "layers", [])), "network.layers"),
    "layer-not-object": (edited(lambda d: _set(d["network"], "layers", [5])), "network.layers[0] must be"),
    "unknown-kind": (edited(lambda d: _set(layer0(d), "kind", "transformer")),
                     "network.layers[0].kind is 'transformer', not a cell type"),
    "kind-missing": (edited(lambda d: layer0(d).pop("kind")), "network.layers[0].kind is missing"),
    "unknown-option": (edited(lambda d: _set(layer0(d), "dropout", 0.5)), "unknown option 'dropout'"),
    "activation-number": (edited(lambda d: _set(layer0(d), "activation", 5)), "network.layers[0].activation"),
    "activation-unknown": (edited(lambda d: _set(layer0(d), "activation", "gelu")), "network.layers[0].activation"),
    "bidirectional-string": (edited(lambda d: _set(layer0(d), "bidirectional", "yes")),
                             "network.layers[0].bidirectional must be true or false"),
    "head-activation": (edited(lambda d: _set(d["network"]["head"], "activation", "softplus")),
                        "network.head.activation"),
    "head-size-missing": (edited(lambda d: d["network"]["head"].pop("output_size")), "network.head.output_size"),
    "dtype": (edited(lambda d: _set(d["network"], "dtype", "float16")), "network.dtype"),
    "weights-list": (edited(lambda d: _set(d, "weights", [])), "weights must be an object"),
    "weights-key-missing": (edited(lambda d: d["weights"].pop("layers.0.b")), "weights is missing layers.0.b"),
    "weights-key-extra": (edited(lambda d: _set(d["weights"], "head.b", {"shape": [2], "data": [0, 0]})),
                          "weights has an entry 'head.b'"),
    "weights-data-short": (edited(lambda d: d["weights"]["layers.0.W_x"]["data"].pop()),
                           'weights["layers.0.W_x"].data has 3 numbers but the shape [2, 2] needs 4'),
    "weights-shape-wrong": (edited(lambda d: _set(d["weights"]["layers.0.W_x"], "shape", [2, 3])),
                            'weights["layers.0.W_x"].shape is [2, 3] but this network needs [2, 2]'),
    "weights-shape-bools": (edited(lambda d: _set(d["weights"]["layers.0.b"], "shape", [True, True])),
                            'weights["layers.0.b"].shape must be a list of whole numbers like [2], not [true, true]'),
    "weights-shape-text": (edited(lambda d: _set(d["weights"]["layers.0.b"], "shape", "2")),
                           'weights["layers.0.b"].shape must be a list'),
    "weights-data-text": (edited(lambda d: _set(d["weights"]["head.W"], "data", [1, "one", 1, 1])),
                          'weights["head.W"].data[1] must be a number'),
    "weights-data-bool": (edited(lambda d: _set(d["weights"]["head.W"], "data", [1, 1, True, 1])),
                          'weights["head.W"].data[2] must be a number'),
    "weights-data-null": (edited(lambda d: _set(d["weights"]["head.W"], "data", [None, 1, 1, 1])),
                          'weights["head.W"].data[0] must be a number'),
    "weights-data-nested": (edited(lambda d: _set(d["weights"]["head.W"], "data", [[1, 1], [1, 1]])),
                            'weights["head.W"].data has 2 numbers'),
    "weights-too-large": (TOY.replace('"data": [0.0, 0.0]', '"data": [1e400, 0.0]', 1),
                          'weights["layers.0.b"].data[0] is too large a number'),
    "weights-entry-extra-field": (edited(lambda d: _set(d["weights"]["head.W"], "dtype", "f8")),
                                  'weights["head.W"] has an unexpected field'),
    "memory-length": (edited(lambda d: _set(d["memory"], "layers.0.a", [0.0])),
                      'memory["layers.0.a"] must be a list of 2 numbers'),
    "memory-key": (edited(lambda d: _set(d["memory"], "layers.1.a", [0.0])), "memory has an entry 'layers.1.a'"),
    "inputs-features": (edited(lambda d: _set(d["inputs"], "values", [[1, 1, 1]])),
                        "inputs.values[0] has 3 numbers but the network has 2 inputs"),
    "inputs-second-row": (edited(lambda d: _set(d["inputs"], "values", [[1, 1], [1]])),
                          "inputs.values[1] has 1 number but the network has 2 inputs"),
    "inputs-empty": (edited(lambda d: _set(d["inputs"], "values", [])), "inputs.values must be"),
    "inputs-text-value": (edited(lambda d: _set(d["inputs"], "values", [[1, "x"]])),
                          "inputs.values[0][1] must be a number"),
    "inputs-kind": (edited(lambda d: _set(d["inputs"], "kind", "pictures")), "inputs.kind"),
    "inputs-string": (edited(lambda d: _set(d, "inputs", "1 1 2")), "inputs must be an object"),
    "text-not-string": (edited(lambda d: _set(d, "inputs", {"kind": "text", "text": 5})), "inputs.text"),
    "settings-list": (edited(lambda d: _set(d, "settings", [])), "settings must be an object"),
    "settings-deep": (edited(lambda d: _set(d["settings"], "x", json.loads("[" * 60 + "]" * 60))),
                      "nested more than"),
    "metadata-string": (edited(lambda d: _set(d, "metadata", "x")), "metadata must be an object"),
    "encoding-number": (edited(lambda d: _set(d, "encoding", 3)), "encoding must be an object"),
    "clockwork-periods": (edited(lambda d: _set(d["network"], "layers", [
        {"kind": "clockwork", "hidden_size": 2, "periods": [4, 1], "activation": "linear"}])),
                          "network.layers[0] is not a valid clockwork cell"),
    "scrn-alpha": (edited(lambda d: _set(d["network"], "layers", [
        {"kind": "scrn", "hidden_size": 2, "alpha": 2.0}])), "network.layers[0] is not a valid scrn cell"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_gives_one_line_naming_the_file_and_the_field(name):
    text, fragment = BAD_FILES[name]
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, source="bad.json")
    message = str(info.value)
    assert message.startswith("bad.json: ")
    assert "\n" not in message and len(message) < 400
    assert fragment in message


@pytest.mark.parametrize("cut", [1, 2, 30, len(TOY) // 3, len(TOY) // 2, len(TOY) - 3, len(TOY) - 2])
def test_truncated_file_says_it_is_truncated(cut):
    with pytest.raises(ProjectFileError) as info:
        loads_project(TOY[:cut], source="cut.json")
    assert "truncated" in str(info.value) and str(info.value).startswith("cut.json: ")


def test_absurd_sizes_are_refused_before_building_the_network(monkeypatch):
    def never(*args, **kwargs):
        pytest.fail("a network was built for an absurd file")

    monkeypatch.setattr(project_file, "Network", never)
    huge = edited(lambda d: d["network"].update(
        input_size=65536, layers=[{"kind": "lstm", "hidden_size": 1024}] * 3))
    with pytest.raises(ProjectFileError) as info:
        loads_project(huge, source="huge.json")
    assert "parameters; at most 20000000" in str(info.value)


def test_too_many_steps_are_refused():
    text = edited(lambda d: _set(d["inputs"], "values", [[1, 1]] * 100_001))
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, source="long.json")
    assert "inputs.values must be a list of 1 to 100000 steps" in str(info.value)


def test_file_over_64_megabytes_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)  # sparse: no real disk used
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert "64 MB" in str(info.value) and str(path) in str(info.value)


def test_missing_file_and_folder_are_one_line_errors(tmp_path):
    for path in (tmp_path / "absent.json", tmp_path):
        with pytest.raises(ProjectFileError) as info:
            load_project(path)
        assert str(info.value).startswith(f"{path}: cannot be read")


def test_byte_order_mark_is_accepted():
    project = loads_project("\ufeff" + TOY)
    assert project.name == "toy-rnn"
    assert loads_project(b"\xef\xbb\xbf" + TOY.encode("utf-8")).name == "toy-rnn"


def test_bad_encoding_spec_names_the_encoding():
    pytest.importorskip("simulator.engine.encoding")
    for spec in ({"kind": "nonsense"}, {"kind": "one_hot", "vocabulary": "abc", "other": True,
                                        "lowercase": True}):
        with pytest.raises(ProjectFileError) as info:
            loads_project(edited(lambda d: _set(d, "encoding", spec)), source="enc.json")
        assert str(info.value).startswith("enc.json: encoding")


def test_encoding_size_must_match_the_network():
    module = pytest.importorskip("simulator.engine.encoding")
    spec = module.OneHotEncoding(["a", "b", "c"]).to_spec()  # 4 dimensions, the network has 2 inputs
    with pytest.raises(ProjectFileError) as info:
        loads_project(edited(lambda d: _set(d, "encoding", spec)), source="enc.json")
    assert "turns each word into 4 numbers but the network has 2 inputs" in str(info.value)


# == property tests: nothing but a project or a ProjectFileError =====================================

def load_or_refuse(text):
    """Either a project that saves and loads back the same, or a one-line ProjectFileError."""
    try:
        project = loads_project(text, source="fuzz.json")
    except ProjectFileError as error:
        assert "\n" not in str(error) and str(error).startswith("fuzz.json: ")
        return None
    written = dumps_project(project)
    assert dumps_project(loads_project(written)) == written
    return project


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_loads_or_is_refused(text):
    load_or_refuse(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_load_or_are_refused(data):
    load_or_refuse(data)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_arbitrary_json_loads_or_is_refused(value):
    load_or_refuse(json.dumps(value))


# A small but rich document: two layers (one bidirectional LSTM), a head, inputs, settings.
RICH = json.loads(dumps_project(Project(
    name="rich", title={"en": "Rich"},
    network=Network.build(2, [{"kind": "lstm", "hidden_size": 1, "bidirectional": True},
                              {"kind": "jordan", "hidden_size": 2, "output_size": 1}],
                          head={"output_size": 2, "activation": "softmax"}),
    inputs=np.array([[0.5, -1.0], [2.0, 0.25]]), settings={"order": 1, "views": ["cell"]})))


def _paths(value, prefix=()):
    """Every place in a JSON document: (path of keys and indices)."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, prefix + (index,))
    return found


RICH_PATHS = _paths(RICH)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(RICH_PATHS), st.booleans(), JSON_VALUES)
def test_mutated_project_loads_or_is_refused(path, delete, replacement):
    document = json.loads(json.dumps(RICH))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    load_or_refuse(json.dumps(document, ensure_ascii=False))


def test_the_rich_document_itself_loads():
    assert load_or_refuse(json.dumps(RICH)) is not None
    assert len(RICH_PATHS) > 50
