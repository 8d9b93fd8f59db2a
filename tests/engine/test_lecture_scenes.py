"""The lecture scenes of issue 5: every scene runs, round-trips byte for byte, and makes its claim."""
import importlib.util

import numpy as np
import pytest

from simulator.engine.encoding import OneHotEncoding, TrigramHashing, encoding_from_spec
from simulator.engine.network import Network
from simulator.io.project_file import dumps_project, load_project, loads_project
from simulator.io.sequence import tokenize_text
from simulator.model.scenes import list_scenes, load_scene
from simulator.model.session import Session
from simulator.paths import scenes_dir

LECTURE_SCENES = ["encodings", "feedforward-fails", "elman", "jordan", "deep-rnn", "bidirectional",
                  "lstm-neurons", "lstm-full", "gru", "clockwork", "scrn"]
ALL_SCENES = [info.name for info in list_scenes()]


def _inputs(project):
    if project.inputs is not None:
        return project.inputs
    return encoding_from_spec(project.encoding).encode_sentence(tokenize_text(project.text))


def _trace(name):
    project = load_scene(name)
    return project, project.network.forward(_inputs(project))


def _layer_params(network, prefix="layers.0."):
    return {key[len(prefix):]: int(np.prod(shape)) for key, shape in network.param_shapes().items()
            if key.startswith(prefix) and ".reverse." not in key[len(prefix) - 1:]}


# -- every scene -------------------------------------------------------------------------------------

def test_the_lecture_scenes_are_listed_in_lecture_order():
    for name in LECTURE_SCENES:
        assert name in ALL_SCENES
    orders = [load_scene(name).settings["order"] for name in LECTURE_SCENES]
    assert orders == sorted(orders) and all(20 <= order <= 100 for order in orders)


@pytest.mark.parametrize("name", ALL_SCENES)
def test_scene_runs_forward_steps_to_the_end_and_back(name):
    session = Session(load_scene(name))
    assert session.trace is not None and session.steps == load_scene(name).steps > 0
    assert session.trace.finite
    session.last()
    assert session.step == session.steps
    while session.step:
        session.back()
    assert session.step == 0


@pytest.mark.parametrize("name", ALL_SCENES)
def test_scene_file_saves_back_byte_identical(name):
    path = scenes_dir() / f"{name}.json"
    original = path.read_text(encoding="utf-8")
    project = load_project(path)
    assert dumps_project(project) == original
    assert dumps_project(loads_project(dumps_project(project))) == original


@pytest.mark.parametrize("name", LECTURE_SCENES)
def test_scene_has_views_explanation_and_steps_in_both_languages(name):
    settings = load_scene(name).settings
    assert settings["views"] and set(settings["views"]) <= {"network", "cell", "unrolled", "heatmap"}
    for key in ("explanation", "steps_hint"):
        assert settings[key]["en"].strip() and settings[key]["zh"].strip()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in settings[key]["zh"])


def test_the_generator_rebuilds_exactly_the_shipped_files(tmp_path):
    spec = importlib.util.spec_from_file_location("make_scenes", scenes_dir() / "make_scenes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.main(tmp_path)
    assert sorted(path.stem for path in written) == sorted(LECTURE_SCENES)
    for path in written:
        assert path.read_bytes() == (scenes_dir() / path.name).read_bytes(), path.name


# -- the claims --------------------------------------------------------------------------------------

def test_encodings_unknown_words_land_in_other():
    project, trace = _trace("encodings")
    encoding = encoding_from_spec(project.encoding)
    assert isinstance(encoding, OneHotEncoding)
    assert encoding.dimension_names == ["apple", "bag", "cat", "dog", "elephant", "<other>"]
    words = tokenize_text(project.text)
    assert words == ["apple", "Gandalf", "cat", "Sauron", "dog"]
    other = encoding.other_index
    x = trace.inputs[:, 0]
    for t, word in enumerate(words):
        assert x[t].sum() == 1.0
        assert (x[t, other] == 1.0) == (word in ("Gandalf", "Sauron"))
    # the layer copies the vector: the output row of each word is its 1-of-N vector
    np.testing.assert_array_equal(trace.outputs[:, 0], x)
    hot = [encoding.dimension_names[i] for i in trace.outputs[:, 0].argmax(axis=1)]
    assert hot == project.settings["expected"]["hot_dimension"] == ["apple", "<other>", "cat", "<other>", "dog"]


def test_encodings_trigram_hashing_of_apple():
    claim = load_scene("encodings").settings["expected"]["trigram_hashing"]
    assert claim["word"] == "apple" and claim["trigrams"] == ["app", "ppl", "ple"]
    hashing = TrigramHashing()   # the lecture's 26 × 26 × 26 dimensions (plus short-word units)
    assert hashing.size == claim["dimensions"]
    vector = hashing.encode("apple")
    ones = np.flatnonzero(vector)
    assert sorted(hashing.dimension_names[i] for i in ones) == ["app", "ple", "ppl"]
    assert vector.sum() == claim["ones"] == 3
    assert hashing.encode("Gandalf")[hashing.other_index] == 0   # a new word still has its own vector


def test_feedforward_gives_taipei_the_same_output_after_arrive_and_leave():
    project = load_scene("feedforward-fails")
    expected = project.settings["expected"]
    encoding = encoding_from_spec(project.encoding)
    arrive, leave = expected["sentences"]
    assert project.text == arrive and leave.split()[1:] == arrive.split()[1:]
    t = expected["taipei_step"] - 1
    outputs = [project.network.forward(encoding.encode_sentence(tokenize_text(s))).outputs[t, 0]
               for s in (arrive, leave)]
    assert tokenize_text(leave)[t] == "Taipei"
    np.testing.assert_array_equal(outputs[0], outputs[1])
    assert expected["slots"][int(outputs[0].argmax())] == expected["taipei_slot"] == "destination"
    assert outputs[0].max() == pytest.approx(np.e ** 3 / (np.e ** 3 + 3))   # softmax of (3, 0, 0, 0)
    assert outputs[0].max() == pytest.approx(expected["taipei_probability"], abs=5e-5)
    # and the first words really differ, so the inputs before Taipei are not the same
    assert not np.array_equal(encoding.encode("arrive"), encoding.encode("leave"))


def test_elman_memory_holds_the_hidden_output():
    project, trace = _trace("elman")
    records = trace.layers[0].records["forward"]
    a, a_prev, y = records["a"][:, 0], records["a_prev"][:, 0], trace.outputs[:, 0]
    np.testing.assert_array_equal(a_prev[0], [0, 0])
    np.testing.assert_array_equal(a_prev[1:], a[:-1])          # memory at t = a^{t−1}
    assert not np.array_equal(a_prev[1:], y[:-1])               # … not y^{t−1}
    np.testing.assert_array_equal(a, project.settings["expected"]["hidden"])
    np.testing.assert_array_equal(y, project.settings["expected"]["outputs"])
    np.testing.assert_array_equal(a_prev, project.settings["expected"]["memory"])


def test_jordan_memory_holds_the_network_output():
    project, trace = _trace("jordan")
    records = trace.layers[0].records["forward"]
    memory, a, y = records["m"][:, 0], records["a"][:, 0], trace.outputs[:, 0]
    np.testing.assert_array_equal(memory[0], [0, 0])
    np.testing.assert_array_equal(memory[1:], y[:-1])          # memory at t = y^{t−1}
    assert not np.array_equal(memory[1:], a[:-1])               # … not a^{t−1}
    np.testing.assert_array_equal(y, project.settings["expected"]["outputs"])
    np.testing.assert_array_equal(a, project.settings["expected"]["hidden"])
    # same weights and inputs as the Elman scene: the first step agrees, the second does not
    elman = _trace("elman")[1]
    np.testing.assert_array_equal(elman.outputs[0, 0], y[0])
    assert not np.array_equal(elman.layers[0].records["forward"]["a"][1, 0], a[1])


def test_deep_rnn_each_layer_remembers_its_own_output():
    project, trace = _trace("deep-rnn")
    assert len(trace.layers) == 2
    for k, layer in enumerate(trace.layers):
        records = layer.records["forward"]
        np.testing.assert_array_equal(records["a_prev"][0, 0], [0, 0])
        np.testing.assert_array_equal(records["a_prev"][1:, 0], records["a"][:-1, 0])
        np.testing.assert_array_equal(records["a"][:, 0], project.settings["expected"]["layers"][k]["hidden"])
    # the second layer reads the first layer's output now plus its own memory
    net = project.network
    first, second = trace.layers[0].output[:, 0], trace.layers[1].records["forward"]
    pre = first @ net.params["layers.1.W_x"].T + second["a_prev"][:, 0] @ net.params["layers.1.W_a"].T
    np.testing.assert_allclose(second["pre"][:, 0], pre)


def test_bidirectional_first_output_sees_the_last_input():
    project, trace = _trace("bidirectional")
    expected = project.settings["expected"]
    np.testing.assert_array_equal(trace.outputs[:, 0, 0], expected["outputs"])
    changed = project.inputs.copy()
    changed[-1] = 0.0
    y1 = project.network.forward(changed).outputs[0, 0, 0]
    assert y1 == expected["first_output_if_last_input_is_0"] == 2.0
    assert y1 != trace.outputs[0, 0, 0]
    # every output depends on every input (finite differences of y^t in x^s, all nonzero)
    for s in range(len(project.inputs)):
        bumped = project.inputs.copy()
        bumped[s] += 1.0
        difference = project.network.forward(bumped).outputs[:, 0, 0] - trace.outputs[:, 0, 0]
        assert np.all(difference != 0), s
    # a forward-only RNN with the same forward weights cannot: y^1 ignores x^T
    forward_only = Network.build(1, [{"kind": "elman", "hidden_size": 1, "activation": "linear"}],
                                 {"output_size": 1, "activation": "linear", "use_bias": False})
    forward_only.set_params({"layers.0.W_x": [[1.0]], "layers.0.W_a": [[0.5]], "layers.0.b": [0.0],
                             "head.W": [[1.0]]})
    assert forward_only.forward(changed).outputs[0, 0, 0] == forward_only.forward(project.inputs).outputs[0, 0, 0]


def test_lstm_neurons_have_four_times_the_parameters_of_plain_neurons():
    project, trace = _trace("lstm-neurons")
    net = project.network
    assert net.layers[0].cell.recurrence is False and net.head.activation == "identity"
    assert _layer_params(net) == {"W_x": 16, "b": 8}
    plain = Network.build(2, [{"kind": "feedforward", "hidden_size": 2}])
    assert _layer_params(plain) == {"W_x": 4, "b": 2}
    assert net.parameter_count() == 24 and plain.parameter_count() == 6
    assert net.parameter_count() == 4 * plain.parameter_count()
    for width, inputs in ((1, 1), (3, 5), (8, 4)):   # 4× holds for any width and input count
        lstm = Network.build(inputs, [{"kind": "lstm", "hidden_size": width, "recurrence": False}])
        ff = Network.build(inputs, [{"kind": "feedforward", "hidden_size": width}])
        assert lstm.parameter_count() == 4 * ff.parameter_count() == 4 * width * (inputs + 1)
    counts = project.settings["expected"]["parameters"]
    assert counts == {"lstm_layer": 24, "plain_layer": 6, "lstm_per_cell": 12, "plain_per_neuron": 3, "ratio": 4}
    np.testing.assert_allclose(trace.layers[0].quantity("c")[:, 0], project.settings["expected"]["memory"], atol=1e-3)
    np.testing.assert_allclose(trace.outputs[:, 0], project.settings["expected"]["outputs"], atol=1e-3)


def test_lstm_full_gates_read_input_output_and_peephole_memory():
    project, trace = _trace("lstm-full")
    net = project.network
    assert len(net.layers) == 2
    expected = project.settings["expected"]
    assert net.parameter_count() == expected["parameters"] == 2 * 56 + 6
    below = trace.inputs[:, 0]
    for k, layer in enumerate(net.layers):
        cell = layer.cell
        assert cell.recurrence and cell.peephole
        assert sum(_layer_params(net, f"layers.{k}.").values()) == expected["parameters_per_layer"][k] == 56
        p = {name: net.params[f"layers.{k}.{name}"] for name in ("W_x", "W_a", "W_c", "b")}
        records = trace.layers[k].records["forward"]
        stacked = (below @ p["W_x"].T + records["a_prev"][:, 0] @ p["W_a"].T
                   + records["c_prev"][:, 0] @ p["W_c"].T + p["b"])
        H = cell.hidden_size
        for g, name in enumerate(("z", "z_i", "z_f", "z_o")):
            np.testing.assert_allclose(records[name][:, 0], stacked[:, g * H:(g + 1) * H], atol=1e-12)
        np.testing.assert_array_equal(records["c_prev"][1:, 0], records["c"][:-1, 0])
        assert np.abs(p["W_c"]).sum() > 0 and np.abs(records["c_prev"][1:]).sum() > 0
        below = records["a"][:, 0]   # the next layer reads this layer's a^t


def test_gru_has_three_weight_blocks_where_lstm_has_four():
    project, trace = _trace("gru")
    expected = project.settings["expected"]
    gru_layer = _layer_params(project.network)
    assert gru_layer == expected["gru_layer_parameters"] == {"W_x": 12, "W_a": 12, "b_x": 6, "b_a": 6}
    lstm = Network.build(2, [{"kind": "lstm", "hidden_size": 2}])
    lstm_layer = _layer_params(lstm)
    assert lstm_layer == expected["lstm_layer_parameters"] == {"W_x": 16, "W_a": 16, "b": 8}
    assert sum(gru_layer.values()) == expected["gru_layer_total"] == 36
    assert sum(lstm_layer.values()) == expected["lstm_layer_total"] == 40
    gru_weights = gru_layer["W_x"] + gru_layer["W_a"]
    lstm_weights = lstm_layer["W_x"] + lstm_layer["W_a"]
    assert (gru_weights, lstm_weights) == (24, 32)
    assert gru_weights / lstm_weights == expected["weight_ratio"] == 0.75
    # the weight ratio is ¾ for every size; the bias vectors make the whole layer a little more
    for D, H in ((1, 1), (5, 3), (10, 20)):
        g = _layer_params(Network.build(D, [{"kind": "gru", "hidden_size": H}]))
        l4 = _layer_params(Network.build(D, [{"kind": "lstm", "hidden_size": H}]))
        assert 4 * (g["W_x"] + g["W_a"]) == 3 * (l4["W_x"] + l4["W_a"])
        assert sum(g.values()) == 3 * H * (D + H + 2) and sum(l4.values()) == 4 * H * (D + H + 1)
    # input and forget coupled: a = (1 − z)·n + z·a_prev, exactly
    records = trace.layers[0].records["forward"]
    z, n, a_prev, a = (records[q][:, 0] for q in ("z", "n", "a_prev", "a"))
    np.testing.assert_allclose(a, (1 - z) * n + z * a_prev, atol=1e-15)
    np.testing.assert_allclose(a, expected["memory"], atol=1e-3)


def test_clockwork_module_updates_only_when_its_clock_ticks():
    project, trace = _trace("clockwork")
    cell = project.network.layers[0].cell
    assert cell.periods == project.settings["expected"]["periods"] == [1, 2, 4]
    records = trace.layers[0].records["forward"]
    a, a_prev, active = records["a"][:, 0], records["a_prev"][:, 0], records["active"][:, 0]
    for t in range(a.shape[0]):
        for unit, period in enumerate(cell.unit_period):
            ticks = t % period == 0
            assert active[t, unit] == (1.0 if ticks else 0.0)
            if ticks:
                assert a[t, unit] == trace.inputs[t, 0, 0]        # W_x = 1: takes the input
            else:
                assert a[t, unit] == a_prev[t, unit]              # untouched
    np.testing.assert_array_equal(a, project.settings["expected"]["hidden"])


def test_scrn_context_decays_by_alpha():
    project, trace = _trace("scrn")
    alpha = project.network.layers[0].cell.alpha
    assert alpha == project.settings["expected"]["alpha"] == 0.8
    s = trace.layers[0].records["forward"]["s"][:, 0, 0]
    x = trace.inputs[:, 0, 0]
    B = project.network.params["layers.0.B"][0, 0]
    previous = 0.0
    for t in range(len(s)):
        assert s[t] == pytest.approx((1 - alpha) * B * x[t] + alpha * previous, abs=1e-15)
        previous = s[t]
    np.testing.assert_allclose(s[2:] / s[1:-1], alpha)           # no input: × α per step
    np.testing.assert_allclose(s, project.settings["expected"]["context"], atol=1e-15)
    a = trace.layers[0].records["forward"]["a"][:, 0]
    assert a[1, 0] == 0 and a[1, 1] == pytest.approx(5 * s[1])   # the fast unit forgot, the slow one did not
